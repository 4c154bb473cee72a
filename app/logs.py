"""Logging that never writes a client's address.

The platform promises not to keep IP addresses (guideline 8). Werkzeug's
development server starts every request line with the client address; the
request handler below writes the same line without it.
"""

import logging

from flask import Flask
from werkzeug.serving import WSGIRequestHandler

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRequestHandler(WSGIRequestHandler):
    """Werkzeug's request handler, minus the client address in its log lines."""

    def log(self, type: str, message: str, *args: object) -> None:
        getattr(logging.getLogger("werkzeug"), type)(
            "[%s] " + message.rstrip("\n"), self.log_date_time_string(), *args
        )


def configure(app: Flask) -> None:
    """Send the app's log to stderr in one plain format (no request details)."""
    if app.config.get("TESTING"):
        return
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
