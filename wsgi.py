"""The production entry point: ``gunicorn wsgi:app`` (settings from the environment).

A WSGI server runs in production unless ``APP_ENV`` says otherwise, so a server
started without settings refuses to start instead of running with the public
development key. ``make run`` and the tests set ``APP_ENV=development`` themselves.
"""

import os
import sys

from app import create_app
from config import ConfigurationError

try:
    app = create_app(os.environ.get("APP_ENV") or "production")
except ConfigurationError as error:
    # One clear line instead of a traceback: the operator has a setting to fix.
    print(f"error: {error}", file=sys.stderr)
    raise SystemExit(1) from None
