"""The app's one clock. Services are given ``now``; views and handlers take it from here.

Tests replace ``app.extensions["clock"]`` with a callable of their own to move time.
"""

from datetime import datetime

from flask import current_app


def now() -> datetime:
    """The current time (aware, UTC) by the app's clock."""
    return current_app.extensions["clock"]()
