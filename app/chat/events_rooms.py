"""Chat events in rooms: presence, typing, messages, history, opening and closing."""

from typing import Any

from flask import current_app, request
from flask_socketio import join_room, leave_room

from app.chat import limits
from app.chat.delivery import (
    MODERATORS,
    after_leaving,
    announce_talks_ended,
    broadcast_room,
    broadcast_status,
    hosts_room,
    user_room,
)
from app.chat.payloads import event_payloads, held_payload, talk_payload
from app.chat.sockets import chat_event, int_field, optional_int_field
from app.clock import now
from app.extensions import db, socketio
from community.accounts.models import User
from community.chat import messages, presence, rooms, talks
from community.chat.channels import Channel, channel_access
from community.errors import RateLimited
from community.permissions import authorize

# --- Presence -----------------------------------------------------------


@chat_event("heartbeat")
def heartbeat(user: User, data: dict[str, Any]) -> None:
    """Keep this socket counted as present."""
    presence.touch_connection(db.session, request.sid, now())


@chat_event("join")
def join(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Enter a room; answer with its state and the messages since ``after_seq``
    (or the latest ones when the client has none), each once and in order."""
    room_id = int_field(data, "room_id")
    joined = presence.join_room(db.session, user, room_id, request.sid, now())
    channel = Channel("room", room_id)
    join_room(channel.name)
    if joined.role == "host":
        join_room(hosts_room(room_id))
    after = optional_int_field(data, "after_seq")
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
        "events": event_payloads(events),
        "more": more,
        "earlier": earlier,
        "talk": talk_payload(talk, user) if talk else None,
        "queue": len(talks.waiting_talks(db.session, room_id)) if joined.role == "host" else None,
    }


@chat_event("watch")
def watch(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A moderator follows a room: its state, latest messages and held ones."""
    room_id = int_field(data, "room_id")
    status = presence.watch_room(db.session, user, room_id, request.sid, now())
    channel = Channel("room", room_id)
    join_room(channel.name)
    events, earlier = messages.history_before(db.session, user, channel, None, now())
    held = messages.held_messages(db.session, user, channel)
    return {
        "channel": channel.name,
        "status": status.to_payload(),
        "events": event_payloads(events),
        "earlier": earlier,
        "held": [held_payload(m) for m in held],
    }


@chat_event("leave")
def leave(user: User, data: dict[str, Any]) -> None:
    """Leave a room on purpose (coming back starts afresh); the room hears who is
    still there, and if the last host left, the waiting followers that their
    requests ended."""
    room_id = int_field(data, "room_id")
    left = presence.leave_room(db.session, user, room_id, now())
    leave_room(f"room:{room_id}")
    leave_room(hosts_room(room_id))
    after_leaving(left, now())


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
    try:
        limits.check_message_rate(user.id)
        too_fast = None
    except RateLimited as refused:
        too_fast = refused  # refused after the engine has read it: a crisis still counts
    outcome = messages.send_message(
        db.session,
        user,
        channel,
        data.get("body"),
        now(),
        max_length=current_app.config["CHAT_MESSAGE_MAX_LENGTH"],
        refused=too_fast,
    )
    if outcome.event is not None:
        socketio.emit("chat_message", outcome.event.to_payload(), to=channel.name)
    if outcome.message is not None and outcome.status != "delivered":
        held = held_payload(outcome.message, author=user.alias)
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
    events, more = messages.events_after(
        db.session, user, channel, int_field(data, "after_seq"), now()
    )
    return {"channel": channel.name, "events": event_payloads(events), "more": more}


@chat_event("history")
def history(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Earlier messages, before ``before_seq``."""
    channel = Channel.parse(data.get("channel"))
    events, earlier = messages.history_before(
        db.session, user, channel, optional_int_field(data, "before_seq"), now()
    )
    return {"channel": channel.name, "events": event_payloads(events), "earlier": earlier}


# --- Opening and closing ---------------------------------------------------


@chat_event("open_room")
def open_room(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A host opens the room now, outside its hours."""
    status = rooms.open_room(db.session, user, int_field(data, "room_id"), now())
    broadcast_status(status)
    return {"status": status.to_payload()}


@chat_event("close_room")
def close_room(user: User, data: dict[str, Any]) -> None:
    """Close the room for everyone at once (a moderator or a host)."""
    closed = rooms.close_room(db.session, user, int_field(data, "room_id"), now())
    name = f"room:{closed.room.id}"
    socketio.emit("room_closed", {"room_id": closed.room.id}, to=name)
    announce_talks_ended(closed.ended_talk_ids, reason="room_closed")
    # The new state goes out while everyone is still in the room to hear it.
    broadcast_room(closed.room.id, now())
    socketio.close_room(name)
    socketio.close_room(hosts_room(closed.room.id))
