"""The one mapping of domain errors to the socket error event.

Every chat event answers through its acknowledgement, ``{"ok": true, ...}`` or
``{"ok": false, "error": {...}}``, and an error is also emitted to the sender
as ``chat_error``, so a client without a callback still hears it. The message
is in the user's language.
"""

from typing import Any

from flask_babel import gettext

from app.chat.limits import PayloadTooLarge
from app.i18n import translate
from community.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    NotSignedIn,
    RateLimited,
    ValidationFailed,
)

CODES: tuple[tuple[type[DomainError], str], ...] = (
    (PayloadTooLarge, "too_large"),
    (RateLimited, "rate_limited"),
    (ValidationFailed, "invalid"),
    (NotSignedIn, "signed_out"),
    (Forbidden, "forbidden"),
    (NotFound, "not_found"),
    (Conflict, "conflict"),
)


def error_payload(error: DomainError, event: str) -> dict[str, Any]:
    """What the sender is told about ``error`` raised by ``event``."""
    code = next((c for cls, c in CODES if isinstance(error, cls)), "error")
    return {
        "event": event,
        "code": code,
        "status": error.status,
        "message": translate(error.message, error.params),
        "field": error.field,
    }


def unexpected_payload(event: str) -> dict[str, Any]:
    return {
        "event": event,
        "code": "error",
        "status": 500,
        "message": gettext("Something went wrong on our side. Please try again in a moment."),
        "field": None,
    }
