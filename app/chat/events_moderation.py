"""Chat events for moderators: remove a message, mute, remove a person,
suspend an account, decide."""

from typing import Any

from flask import current_app

from app.chat.delivery import (
    MODERATORS,
    announce_ended_requests,
    announce_talks_ended,
    broadcast_room,
    hosts_room,
    user_room,
)
from app.chat.sockets import chat_event, int_field
from app.clock import now
from app.extensions import db, socketio
from app.review_hooks import run_after_decision
from app.sessions_ended import close_sockets_of
from community.accounts.models import User
from community.accounts.suspensions import suspend_user, user_by_id
from community.chat import moderation
from community.errors import ValidationFailed
from community.i18n import N_
from community.permissions import authorize

# --- Moderation ---------------------------------------------------------------


@chat_event("remove_message")
def remove_message(user: User, data: dict[str, Any]) -> None:
    """A moderator removes a message; it disappears for everyone at once."""
    message_id = int_field(data, "message_id")
    _, channel = moderation.channel_for_message(db.session, message_id)
    event = moderation.remove_message(db.session, user, message_id, now())
    if event is not None:
        socketio.emit("removal", event.to_payload(), to=channel.name)
    socketio.emit("held_decided", {"id": message_id, "status": "removed"}, to=MODERATORS)


def _target_user(data: dict[str, Any]) -> int:
    if data.get("message_id") is not None:
        message, _ = moderation.channel_for_message(db.session, int_field(data, "message_id"))
        return message.author_id
    return moderation.user_id_for_alias(db.session, str(data.get("alias") or ""))


@chat_event("mute")
def mute(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A moderator mutes a person (by a message of theirs, or alias) for some minutes."""
    target = _target_user(data)
    muted = moderation.mute_user(db.session, user, target, data.get("minutes"), now())
    socketio.emit("muted", {"until": muted.until.isoformat()}, to=user_room(target))
    return {"until": muted.until.isoformat()}


@chat_event("suspend")
def suspend(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A moderator suspends a person's account (by a message of theirs, or alias):
    every login of theirs ends, and their sockets get ``session_ended`` and close."""
    authorize(user, "user.suspend")
    target = user_by_id(db.session, user, _target_user(data))
    reason = data.get("reason")
    done = suspend_user(
        db.session,
        user,
        target,
        days=data.get("days"),
        guideline=data.get("guideline"),
        reason=reason if isinstance(reason, str) else "",
        now=now(),
    )
    close_sockets_of(done.ended_logins)
    return {"until": done.suspension.until.isoformat()}


@chat_event("remove_user")
def remove_user(user: User, data: dict[str, Any]) -> None:
    """A moderator takes a person out of a room; their sockets leave it at once,
    and the other side of a talk of theirs there is told it ended."""
    room_id = int_field(data, "room_id")
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
    announce_talks_ended(removed.ended_talk_ids, reason="removed")
    announce_ended_requests(removed.ended_requests)
    broadcast_room(room_id, now())


@chat_event("decide")
def decide(user: User, data: dict[str, Any]) -> None:
    """A moderator approves (delivers now) or rejects a held message."""
    action = data.get("action")
    if action not in ("approve", "reject"):
        raise ValidationFailed(N_("That decision does not apply here."), field="action")
    item = moderation.decide_held_message(
        db.session, user, int_field(data, "message_id"), action, now()
    )
    run_after_decision(item)
