"""Chat events for private talks between a follower and an on-duty host."""

from typing import Any

from flask_socketio import join_room

from app.chat.delivery import broadcast_room, hosts_room, user_room
from app.chat.payloads import event_payloads, held_payload, talk_payload
from app.chat.sockets import chat_event, int_field, optional_int_field
from app.clock import now
from app.extensions import db, socketio
from community.accounts.models import User
from community.chat import messages, talks
from community.chat.channels import Channel
from community.permissions import can

# --- Private talks ----------------------------------------------------------


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
    room_id = int_field(data, "room_id")
    talk = talks.request_talk(db.session, user, room_id, now())
    _announce_queue(room_id)
    broadcast_room(room_id, now())
    return talk_payload(talk, user)


@chat_event("accept_talk")
def accept_talk(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A host on duty takes the first request in line; both sides are told."""
    room_id = int_field(data, "room_id")
    talk = talks.accept_next_talk(db.session, user, room_id, now())
    follower = db.session.get(User, talk.follower_id)
    socketio.emit("talk_started", talk_payload(talk, follower), to=user_room(talk.follower_id))
    _announce_queue(room_id)
    broadcast_room(room_id, now())
    return talk_payload(talk, user)


@chat_event("join_talk")
def join_talk(user: User, data: dict[str, Any]) -> dict[str, Any]:
    """Follow a talk one takes part in, with the messages after ``after_seq``.

    A moderator may watch any talk this way: they read along, get its held
    messages (to approve or reject), and, having joined its channel, see a
    removal at the same moment as both sides."""
    talk = talks.join_talk(db.session, user, int_field(data, "talk_id"))
    channel = Channel("talk", talk.id)
    join_room(channel.name)
    events, more = messages.events_after(
        db.session, user, channel, optional_int_field(data, "after_seq") or 0, now()
    )
    held = messages.held_messages(db.session, user, channel) if can(user, "chat.moderate") else []
    return {
        **talk_payload(talk, user),
        "events": event_payloads(events),
        "more": more,
        "held": [held_payload(m) for m in held],
    }


@chat_event("end_talk")
def end_talk(user: User, data: dict[str, Any]) -> None:
    """End a talk, or withdraw a request; the follower is asked the one question."""
    talk = talks.end_talk(db.session, user, int_field(data, "talk_id"), now())
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
    talks.rate_talk(db.session, user, int_field(data, "talk_id"), data.get("helped"), now())
