"""Sending chat events to the people who should get them, after the commit.

Socket.IO rooms used: ``room:<id>`` and ``talk:<id>`` (a channel's readers),
``hosts:<room id>`` (hosts on duty there), ``user:<id>`` (every socket of one
person), ``login:<token hash>`` (every socket of one login) and ``moderators``.
With a message queue configured these reach sockets in every server process.
"""

from flask import current_app

from app.extensions import db, socketio
from app.review_hooks import after_decision
from community.chat.messages import channel_of, message_event
from community.chat.models import ChatMessage, MessageState
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
