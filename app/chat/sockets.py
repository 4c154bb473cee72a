"""Socket.IO handlers for the chat.

A connection is refused unless it comes from our own site with a live login
and current consent. Every event then checks again: the login must still be
live (a logout or a password change stops it at its very next event), and the
permission is asked through ``community.permissions`` by the service it calls.
Handlers parse, call one service, and emit only after that service committed.
"""

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, request
from flask_login import current_user
from flask_socketio import join_room, leave_room

from app.chat import limits
from app.chat.delivery import (
    MODERATORS,
    broadcast_room,
    broadcast_status,
    hosts_room,
    user_room,
)
from app.chat.socket_errors import error_payload, unexpected_payload
from app.clock import now
from app.extensions import db, socketio
from app.review_hooks import run_after_decision
from app.sessions_ended import login_room
from community.accounts.logins import token_hash
from community.accounts.models import User
from community.chat import messages, moderation, presence, rooms, talks
from community.chat.channels import Channel, channel_access
from community.chat.models import ChatTalk
from community.consent import current_versions, documents_to_accept
from community.errors import DomainError, NotSignedIn, ValidationFailed
from community.i18n import N_
from community.permissions import authorize, can

Handler = Callable[[User, dict[str, Any]], dict[str, Any] | None]


def _origin_allowed() -> bool:
    """Same origin as the page (or a configured one); no Origin means no browser."""
    origin = request.headers.get("Origin")
    if not origin:
        return True
    allowed = current_app.config.get("SOCKETIO_ALLOWED_ORIGINS") or []
    return origin in allowed or urlsplit(origin).netloc == request.host


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
    """Forget the socket; tell the rooms it was in who is still there."""
    left = presence.drop_connection(db.session, request.sid, now())
    for room_id in left:
        broadcast_room(room_id, now())


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
                user = _live_user()
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


def _live_user() -> User:
    """The user whose login is still live now, or the socket is closed."""
    if not current_user.is_authenticated:
        socketio.emit("session_ended", {}, to=request.sid)
        socketio.server.disconnect(request.sid, namespace="/")
        raise NotSignedIn(N_("Your session has ended. Please sign in again."))
    return current_user._get_current_object()


def _int(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise ValidationFailed(N_("Something in the request was wrong."), field=key)
    return int(value)


def _optional_int(data: dict[str, Any], key: str) -> int | None:
    return None if data.get(key) is None else _int(data, key)


def _events(events: list) -> list[dict[str, Any]]:
    return [e.to_payload() for e in events]


# --- Presence -----------------------------------------------------------


@chat_event("heartbeat")
def heartbeat(user: User, data: dict[str, Any]) -> None:
    """Keep this socket counted as present."""
    presence.touch_connection(db.session, request.sid, now())


@chat_event("join")
def join(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Enter a room; answer with its state and the messages since ``after_seq``
    (or the latest ones when the client has none), each once and in order."""
    room_id = _int(data, "room_id")
    joined = presence.join_room(db.session, user, room_id, request.sid, now())
    channel = Channel("room", room_id)
    join_room(channel.name)
    if joined.role == "host":
        join_room(hosts_room(room_id))
    after = _optional_int(data, "after_seq")
    if after is None:
        events, earlier = messages.history_before(db.session, user, channel, None, now())
        more = False
    else:
        events, more = messages.events_after(db.session, user, channel, after, now())
        earlier = False
    broadcast_status(joined.status)
    talk = talks.open_talk_of(db.session, user.id, room_id)
    return {
        "channel": channel.name,
        "role": joined.role,
        "status": joined.status.to_payload(),
        "events": _events(events),
        "more": more,
        "earlier": earlier,
        "talk": _talk_payload(talk, user) if talk else None,
        "queue": len(talks.waiting_talks(db.session, room_id)) if joined.role == "host" else None,
    }


@chat_event("watch")
def watch(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A moderator follows a room: its state, latest messages and held ones."""
    room_id = _int(data, "room_id")
    status = presence.watch_room(db.session, user, room_id, request.sid, now())
    channel = Channel("room", room_id)
    join_room(channel.name)
    events, earlier = messages.history_before(db.session, user, channel, None, now())
    held = messages.held_messages(db.session, user, channel)
    return {
        "channel": channel.name,
        "status": status.to_payload(),
        "events": _events(events),
        "earlier": earlier,
        "held": [_held_payload(m) for m in held],
    }


@chat_event("leave")
def leave(user: User, data: dict[str, Any]) -> None:
    """Leave a room on purpose (coming back starts afresh)."""
    room_id = _int(data, "room_id")
    status = presence.leave_room(db.session, user, room_id, now())
    leave_room(f"room:{room_id}")
    leave_room(hosts_room(room_id))
    broadcast_status(status)


@chat_event("typing")
def typing(user: User, data: dict[str, Any]) -> None:
    """Tell the others in the channel that someone is writing (no text is sent)."""
    channel = Channel.parse(data.get("channel"))
    authorize(user, "chat.typing", channel_access(db.session, user, channel, now()))
    socketio.emit(
        "typing",
        {"channel": channel.name, "alias": user.alias},
        to=channel.name,
        skip_sid=request.sid,
    )


# --- Messages -----------------------------------------------------------


@chat_event("send")
def send(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Send a message: acknowledged only once stored; delivered if the engine
    allows it, held or blocked otherwise; a crisis brings helplines at once."""
    channel = Channel.parse(data.get("channel"))
    limits.check_message_rate(user.id)
    outcome = messages.send_message(
        db.session,
        user,
        channel,
        data.get("body"),
        now(),
        max_length=current_app.config["CHAT_MESSAGE_MAX_LENGTH"],
    )
    if outcome.event is not None:
        socketio.emit("chat_message", outcome.event.to_payload(), to=channel.name)
    if outcome.message is not None and outcome.status != "delivered":
        held = _held_payload(outcome.message, author=user.alias)
        socketio.emit("held", held, to=MODERATORS)
        if outcome.crisis:
            socketio.emit("crisis_alert", held, to=MODERATORS)
            for host_id in outcome.alert_user_ids:
                socketio.emit("crisis_alert", held, to=user_room(host_id))
    return {
        "channel": channel.name,
        "status": outcome.status,
        "seq": outcome.event.seq if outcome.event else None,
        "id": outcome.message.id if outcome.message else None,
        "crisis": outcome.crisis,
        "problems": outcome.problems() if outcome.status == "blocked" else [],
    }


@chat_event("catch_up")
def catch_up(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Every event after ``after_seq`` the client missed, once, in order."""
    channel = Channel.parse(data.get("channel"))
    events, more = messages.events_after(db.session, user, channel, _int(data, "after_seq"), now())
    return {"channel": channel.name, "events": _events(events), "more": more}


@chat_event("history")
def history(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Earlier messages, before ``before_seq``."""
    channel = Channel.parse(data.get("channel"))
    events, earlier = messages.history_before(
        db.session, user, channel, _optional_int(data, "before_seq"), now()
    )
    return {"channel": channel.name, "events": _events(events), "earlier": earlier}


def _held_payload(message: Any, author: str | None = None) -> dict[str, Any]:
    return {
        "id": message.id,
        "channel": f"room:{message.room_id}" if message.room_id else f"talk:{message.talk_id}",
        "author": author or message.author.alias,
        "text": message.body,
        "crisis": message.crisis,
        "at": message.created_at.isoformat(),
    }


# --- Opening and closing ---------------------------------------------------


@chat_event("open_room")
def open_room(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A host opens the room now, outside its hours."""
    status = rooms.open_room(db.session, user, _int(data, "room_id"), now())
    broadcast_status(status)
    return {"status": status.to_payload()}


@chat_event("close_room")
def close_room(user: User, data: dict[str, Any]) -> None:
    """Close the room for everyone at once (a moderator or a host)."""
    closed = rooms.close_room(db.session, user, _int(data, "room_id"), now())
    name = f"room:{closed.room.id}"
    socketio.emit("room_closed", {"room_id": closed.room.id}, to=name)
    for talk_id in closed.ended_talk_ids:
        socketio.emit("talk_ended", {"talk_id": talk_id}, to=f"talk:{talk_id}")
    socketio.close_room(name)
    socketio.close_room(hosts_room(closed.room.id))
    broadcast_room(closed.room.id, now())


# --- Private talks ----------------------------------------------------------


def _talk_payload(talk: ChatTalk, user: User) -> dict[str, Any]:
    other_id = talk.host_id if talk.follower_id == user.id else talk.follower_id
    other = db.session.get(User, other_id) if other_id else None
    return {
        "talk_id": talk.id,
        "channel": f"talk:{talk.id}",
        "state": talk.state,
        "position": talks.queue_position(db.session, talk),
        "with": other.alias if other else None,
        "role": "follower" if talk.follower_id == user.id else "host",
    }


def _announce_queue(room_id: int) -> None:
    waiting = talks.waiting_talks(db.session, room_id)
    socketio.emit(
        "talk_queue", {"room_id": room_id, "waiting": len(waiting)}, to=hosts_room(room_id)
    )
    for position, talk in enumerate(waiting, start=1):
        socketio.emit(
            "queue_position",
            {"talk_id": talk.id, "position": position},
            to=user_room(talk.follower_id),
        )


@chat_event("request_talk")
def request_talk(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A follower asks for a one-to-one talk; they learn their place in the queue."""
    room_id = _int(data, "room_id")
    talk = talks.request_talk(db.session, user, room_id, now())
    _announce_queue(room_id)
    broadcast_room(room_id, now())
    return _talk_payload(talk, user)


@chat_event("accept_talk")
def accept_talk(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A host on duty takes the first request in line; both sides are told."""
    room_id = _int(data, "room_id")
    talk = talks.accept_next_talk(db.session, user, room_id, now())
    follower = db.session.get(User, talk.follower_id)
    socketio.emit("talk_started", _talk_payload(talk, follower), to=user_room(talk.follower_id))
    _announce_queue(room_id)
    broadcast_room(room_id, now())
    return _talk_payload(talk, user)


@chat_event("join_talk")
def join_talk(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Follow a talk one takes part in (or watch it, for moderators), with the
    messages after ``after_seq``."""
    talk = talks.join_talk(db.session, user, _int(data, "talk_id"))
    channel = Channel("talk", talk.id)
    join_room(channel.name)
    events, more = messages.events_after(
        db.session, user, channel, _optional_int(data, "after_seq") or 0, now()
    )
    return {**_talk_payload(talk, user), "events": _events(events), "more": more}


@chat_event("end_talk")
def end_talk(user: User, data: dict[str, Any]) -> None:
    """End a talk, or withdraw a request; the follower is asked the one question."""
    talk = talks.end_talk(db.session, user, _int(data, "talk_id"), now())
    payload = {"talk_id": talk.id, "ask_rating": talk.host_id is not None}
    socketio.emit("talk_ended", payload, to=f"talk:{talk.id}")
    socketio.emit("talk_ended", payload, to=user_room(talk.follower_id))
    if talk.host_id:
        socketio.emit("talk_ended", payload, to=user_room(talk.host_id))
    _announce_queue(talk.room_id)
    broadcast_room(talk.room_id, now())


@chat_event("rate_talk")
def rate_talk(user: User, data: dict[str, Any]) -> None:
    """The follower's voluntary answer to "Did this help you today?" (1-5)."""
    talks.rate_talk(db.session, user, _int(data, "talk_id"), data.get("helped"), now())


# --- Moderation ---------------------------------------------------------------


@chat_event("remove_message")
def remove_message(user: User, data: dict[str, Any]) -> None:
    """A moderator removes a message; it disappears for everyone at once."""
    message_id = _int(data, "message_id")
    _, channel = moderation.channel_for_message(db.session, message_id)
    event = moderation.remove_message(db.session, user, message_id, now())
    if event is not None:
        socketio.emit("removal", event.to_payload(), to=channel.name)
    socketio.emit("held_decided", {"id": message_id, "status": "removed"}, to=MODERATORS)


def _target_user(data: dict[str, Any]) -> int:
    if data.get("message_id") is not None:
        message, _ = moderation.channel_for_message(db.session, _int(data, "message_id"))
        return message.author_id
    return moderation.user_id_for_alias(db.session, str(data.get("alias") or ""))


@chat_event("mute")
def mute(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A moderator mutes a person (by a message of theirs, or alias) for some minutes."""
    target = _target_user(data)
    muted = moderation.mute_user(db.session, user, target, data.get("minutes"), now())
    socketio.emit("muted", {"until": muted.until.isoformat()}, to=user_room(target))
    return {"until": muted.until.isoformat()}


@chat_event("remove_user")
def remove_user(user: User, data: dict[str, Any]) -> None:
    """A moderator takes a person out of a room; their sockets leave it at once."""
    room_id = _int(data, "room_id")
    removed = moderation.remove_user_from_room(
        db.session,
        user,
        room_id,
        _target_user(data),
        now(),
        hours=current_app.config["CHAT_REMOVAL_HOURS"],
    )
    for sid in removed.sids:
        socketio.server.leave_room(sid, f"room:{room_id}", namespace="/")
        socketio.server.leave_room(sid, hosts_room(room_id), namespace="/")
    socketio.emit(
        "removed_from_room",
        {"room_id": room_id, "until": removed.until.isoformat()},
        to=user_room(removed.user_id),
    )
    broadcast_room(room_id, now())


@chat_event("decide")
def decide(user: User, data: dict[str, Any]) -> None:
    """A moderator approves (delivers now) or rejects a held message."""
    action = data.get("action")
    if action not in ("approve", "reject"):
        raise ValidationFailed(N_("That decision does not apply here."), field="action")
    item = moderation.decide_held_message(db.session, user, _int(data, "message_id"), action, now())
    run_after_decision(item)
