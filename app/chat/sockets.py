"""Socket.IO for the chat: connecting, and the wrapper every chat event runs in.

A connection is refused unless it comes from our own site with a live login
and current consent. Every event then checks again: the login must still be
live (a logout or a password change stops it at its very next event), and the
permission is asked through ``community.permissions`` by the service it calls.
Handlers parse, call one service, and emit only after that service committed.
The events themselves live in ``events_rooms``, ``events_talks`` and
``events_moderation``.
"""

import functools
from collections.abc import Callable
from typing import Any

from flask import current_app, request
from flask_login import current_user
from flask_socketio import join_room

from app.chat import limits
from app.chat.delivery import MODERATORS, after_leaving, user_room
from app.chat.socket_errors import error_payload, unexpected_payload
from app.clock import now
from app.extensions import db, socketio
from app.sessions_ended import login_room
from community.accounts.logins import token_hash
from community.accounts.models import User
from community.chat import presence
from community.consent import current_versions, documents_to_accept
from community.errors import DomainError, NotSignedIn, ValidationFailed
from community.i18n import N_
from community.permissions import authorize, can

Handler = Callable[[User, dict[str, Any]], dict[str, Any] | None]


def _own_origins() -> set[str]:
    """The page's own origin: scheme, host and port as served, or as a proxy
    forwards them (the same origins Engine.IO accepts)."""
    own = {f"{request.scheme}://{request.host}"}
    proto = request.headers.get("X-Forwarded-Proto")
    host = request.headers.get("X-Forwarded-Host")
    if proto or host:
        scheme = (proto or request.scheme).split(",")[0].strip()
        own.add(f"{scheme}://{(host or request.host).split(',')[0].strip()}")
    return own


def _origin_allowed() -> bool:
    """The configured origins if any, else the page's own (scheme included);
    no Origin means no browser."""
    origin = request.headers.get("Origin")
    if not origin:
        return True
    allowed = current_app.config.get("SOCKETIO_ALLOWED_ORIGINS")
    if isinstance(allowed, str):
        allowed = [allowed]
    return origin in (allowed or _own_origins())


@socketio.on("connect")
def on_connect(auth: object = None) -> None:
    """Accept a socket only from this site, with a live login and current consent."""
    if not _origin_allowed():
        raise ConnectionRefusedError("origin")
    if not current_user.is_authenticated:
        raise ConnectionRefusedError("signed_out")
    if documents_to_accept(current_user, current_versions(db.session)):
        raise ConnectionRefusedError("consent")
    authorize(current_user, "chat.connect")
    hashed = token_hash(current_user.get_id())
    presence.register_connection(db.session, request.sid, hashed, now())
    join_room(login_room(hashed))
    join_room(user_room(current_user.id))
    if can(current_user, "chat.moderate"):
        join_room(MODERATORS)


@socketio.on("disconnect")
def on_disconnect(reason: object = None) -> None:
    """Forget the socket; tell the rooms it was in who is still there (and, if it
    was the last host's, the followers whose requests ended)."""
    after_leaving(presence.drop_connection(db.session, request.sid, now()), now())


def chat_event(name: str) -> Callable[[Handler], Handler]:
    """Register a chat event: re-check the login, limits, then run the handler.

    The handler gets the live user and the payload as a dict; it returns the
    acknowledgement's data. A domain error becomes ``chat_error`` and an
    acknowledgement with ``ok: false``; nothing else breaks.
    """

    def register(handler: Handler) -> Handler:
        @functools.wraps(handler)
        def run(payload: object = None) -> dict[str, Any]:
            try:
                limits.check_payload_size(payload)
                limits.check_event_rate(request.sid)
                user = live_user()
                data = payload if isinstance(payload, dict) else {}
                return {"ok": True, **(handler(user, data) or {})}
            except DomainError as error:
                db.session.rollback()
                answer = error_payload(error, name)
            except Exception:
                db.session.rollback()
                current_app.logger.exception("chat event %s failed", name)
                answer = unexpected_payload(name)
            socketio.emit("chat_error", answer, to=request.sid)
            return {"ok": False, "error": answer}

        socketio.on(name)(run)
        return handler

    return register


def live_user() -> User:
    """The user whose login is still live now, or the socket is closed."""
    if not current_user.is_authenticated:
        socketio.emit("session_ended", {}, to=request.sid)
        socketio.server.disconnect(request.sid, namespace="/")
        raise NotSignedIn(N_("Your session has ended. Please sign in again."))
    return current_user._get_current_object()


def int_field(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise ValidationFailed(N_("Something in the request was wrong."), field=key)
    return int(value)


def optional_int_field(data: dict[str, Any], key: str) -> int | None:
    return None if data.get(key) is None else int_field(data, key)
