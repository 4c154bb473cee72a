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


def _alias(user_id: int | None) -> str | None:
    person = db.session.get(User, user_id) if user_id else None
    return person.alias if person else None


def talk_payload(talk: ChatTalk, user: User) -> dict[str, Any]:
    """A talk as ``user`` sees it: their role in it (``watcher`` for a moderator
    who takes no part) and who the other side is; a watcher gets both sides."""
    if talk.follower_id == user.id:
        role, other_id = "follower", talk.host_id
    elif talk.host_id == user.id:
        role, other_id = "host", talk.follower_id
    else:
        role, other_id = "watcher", None
    payload = {
        "talk_id": talk.id,
        "channel": f"talk:{talk.id}",
        "state": talk.state,
        "position": talks.queue_position(db.session, talk),
        "with": _alias(other_id),
        "role": role,
    }
    if role == "watcher":
        payload["follower"] = _alias(talk.follower_id)
        payload["host"] = _alias(talk.host_id)
    return payload


def event_payloads(events: list) -> list[dict[str, Any]]:
    return [e.to_payload() for e in events]
