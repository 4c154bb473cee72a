"""What the server sends about messages and talks, as plain JSON-ready dicts."""

from typing import Any

from app.extensions import db
from community.accounts.models import User
from community.chat import talks
from community.chat.models import ChatTalk


def held_payload(message: Any, author: str | None = None) -> dict[str, Any]:
    return {
        "id": message.id,
        "channel": f"room:{message.room_id}" if message.room_id else f"talk:{message.talk_id}",
        "author": author or message.author.alias,
        "text": message.body,
        "crisis": message.crisis,
        "at": message.created_at.isoformat(),
    }


def talk_payload(talk: ChatTalk, user: User) -> dict[str, Any]:
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


def event_payloads(events: list) -> list[dict[str, Any]]:
    return [e.to_payload() for e in events]
