"""Sending chat events to the people who should get them, after the commit.

Socket.IO rooms used: ``room:<id>`` and ``talk:<id>`` (a channel's readers),
``hosts:<room id>`` (hosts on duty there), ``user:<id>`` (every socket of one
person), ``login:<token hash>`` (every socket of one login) and ``moderators``.
With a message queue configured these reach sockets in every server process.
"""

from collections.abc import Iterable

from flask import current_app

from app.extensions import db, socketio
from app.review_hooks import after_decision
from community.chat.messages import channel_of, message_event
from community.chat.models import ChatMessage, MessageState
from community.chat.presence import EndedRequest, Left
from community.chat.rooms import RoomStatus, get_room, room_status
from community.errors import NotFound
from community.review.models import ReviewItem

MODERATORS = "moderators"


def user_room(user_id: int) -> str:
    return f"user:{user_id}"


def hosts_room(room_id: int) -> str:
    return f"hosts:{room_id}"


def broadcast_status(status: RoomStatus) -> None:
    """Tell the room (and the moderators' overview) who is here and whether it is open."""
    payload = status.to_payload()
    socketio.emit("presence", payload, to=f"room:{status.room.id}")
    socketio.emit("presence", payload, to=MODERATORS)


def broadcast_room(room_id: int, now: object) -> None:
    try:
        room = get_room(db.session, room_id)
    except NotFound:
        return
    broadcast_status(room_status(db.session, room, now))


def announce_talks_ended(talk_ids: Iterable[int], reason: str) -> None:
    """Tell everyone following these talks (both sides, watching moderators) that
    they ended without either side ending them (a person taken out, the room closed)."""
    for talk_id in talk_ids:
        payload = {"talk_id": talk_id, "ask_rating": False, "reason": reason}
        socketio.emit("talk_ended", payload, to=f"talk:{talk_id}")


def announce_ended_requests(ended: Iterable[EndedRequest]) -> None:
    """Tell each follower whose waiting request ended that no host is left to take it."""
    for request in ended:
        payload = {"talk_id": request.talk_id, "ask_rating": False, "reason": "no_host"}
        socketio.emit("talk_ended", payload, to=user_room(request.follower_id))


def after_leaving(left: Left, now: object) -> None:
    """Tell the rooms someone left who is still there, and the followers whose
    requests ended with the last host."""
    for room_id in left.room_ids:
        broadcast_room(room_id, now)
    announce_ended_requests(left.ended_requests)


@after_decision("chat_message")
def deliver_decided_message(item: ReviewItem) -> None:
    """An approved message reaches its channel now; its writer learns the outcome."""
    message = db.session.get(ChatMessage, item.subject_id)
    if message is None:
        return
    channel = channel_of(message)
    if message.state == MessageState.DELIVERED:
        event = message_event(message, channel, message.author.alias)
        socketio.emit("chat_message", event.to_payload(), to=channel.name)
    socketio.emit(
        "message_status",
        {"id": message.id, "channel": channel.name, "status": message.state},
        to=user_room(message.author_id),
    )
    socketio.emit("held_decided", {"id": message.id, "status": message.state}, to=MODERATORS)
    current_app.logger.info("chat message %s decided: %s", message.id, message.state)
