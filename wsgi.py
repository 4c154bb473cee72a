"""The production entry point: ``gunicorn wsgi:app`` (settings from the environment)."""

import sys

from app import create_app
from config import ConfigurationError

try:
    app = create_app()
except ConfigurationError as error:
    # One clear line instead of a traceback: the operator has a setting to fix.
    print(f"error: {error}", file=sys.stderr)
    raise SystemExit(1) from None
