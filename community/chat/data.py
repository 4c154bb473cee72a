"""Chat data over time: deleted after the retention period, and part of each
person's data download."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from community.accounts.data_rights import register_exporter
from community.accounts.models import User
from community.chat.models import (
    ChatConnection,
    ChatMessage,
    ChatMute,
    ChatRemoval,
    ChatRoom,
    ChatTalk,
    TalkState,
)
from community.retention import RetentionPolicy, register_job
from community.review.models import ReviewItem

# A socket unheard of for a day belongs to a server process that is gone.
STALE_CONNECTION = timedelta(days=1)


def _old_chat_messages(session: Session, policy: RetentionPolicy, now: datetime) -> int:
    cutoff = now - policy.chat_messages
    old = select(ChatMessage.id).where(ChatMessage.created_at < cutoff)
    # Their queue items go with them: a moderator cannot judge a text that is gone.
    session.execute(
        delete(ReviewItem).where(
            ReviewItem.subject_type == "chat_message", ReviewItem.subject_id.in_(old)
        )
    )
    result = session.execute(delete(ChatMessage).where(ChatMessage.created_at < cutoff))
    return result.rowcount or 0


def _old_chat_talks(session: Session, policy: RetentionPolicy, now: datetime) -> int:
    cutoff = now - policy.chat_messages
    result = session.execute(
        delete(ChatTalk).where(ChatTalk.state == TalkState.ENDED, ChatTalk.ended_at < cutoff)
    )
    return result.rowcount or 0


def _spent_chat_sanctions(session: Session, policy: RetentionPolicy, now: datetime) -> int:
    cutoff = now - policy.chat_messages
    mutes = session.execute(delete(ChatMute).where(ChatMute.until < cutoff)).rowcount or 0
    removals = session.execute(delete(ChatRemoval).where(ChatRemoval.until < cutoff)).rowcount or 0
    return mutes + removals


def _stale_chat_connections(session: Session, policy: RetentionPolicy, now: datetime) -> int:
    result = session.execute(
        delete(ChatConnection).where(ChatConnection.seen_at < now - STALE_CONNECTION)
    )
    return result.rowcount or 0


register_job("chat messages", _old_chat_messages)
register_job("chat talks", _old_chat_talks)
register_job("chat sanctions", _spent_chat_sanctions)
register_job("chat connections", _stale_chat_connections)


def _chat_messages(session: Session, user: User) -> list[dict[str, Any]]:
    rows = session.execute(
        select(ChatMessage, ChatRoom.name)
        .outerjoin(ChatRoom, ChatRoom.id == ChatMessage.room_id)
        .where(ChatMessage.author_id == user.id)
        .order_by(ChatMessage.id)
    ).all()
    return [
        {
            "where": room_name if room_name is not None else "private talk",
            "text": message.body,
            "state": message.state,
            "written_at": message.created_at.isoformat(),
        }
        for message, room_name in rows
    ]


def _chat_talks(session: Session, user: User) -> list[dict[str, Any]]:
    return [
        {
            "asked_at": talk.requested_at.isoformat(),
            "state": talk.state,
            "as": "follower" if talk.follower_id == user.id else "host",
            "helped_answer": talk.helped if talk.follower_id == user.id else None,
        }
        for talk in session.scalars(
            select(ChatTalk)
            .where((ChatTalk.follower_id == user.id) | (ChatTalk.host_id == user.id))
            .order_by(ChatTalk.id)
        )
    ]


register_exporter("chat_messages", _chat_messages)
register_exporter("chat_talks", _chat_talks)
