"""Applying the permission rules to whole blueprints."""

from collections.abc import Callable

from flask_login import current_user

from community.permissions import authorize


def require(action: str) -> Callable[[], None]:
    """A ``before_request`` function: every view of the blueprint needs ``action``.

    Visitors are sent to sign in (GET) or get 401; others get 403, through the one
    error mapping in :mod:`app.errors`.
    """

    def check_permission() -> None:
        authorize(current_user, action)

    return check_permission
