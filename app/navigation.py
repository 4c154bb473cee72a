"""Where to send the user next, safely."""

from urllib.parse import urlsplit

from flask import request, url_for


def safe_next(default_endpoint: str = "main.index") -> str:
    """The ``next`` URL from the query or form when it stays on this site, else a default."""
    target = request.values.get("next", "")
    parts = urlsplit(target)
    if (
        target.startswith("/")
        and not target.startswith("//")
        and not parts.netloc
        and "\\" not in target
    ):
        return target
    return url_for(default_endpoint)
