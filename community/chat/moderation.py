"""What moderators do in live chat: remove a message, mute a person for a
while, take a person out of a room, decide on held messages, see every live
room and talk. Everything goes to the audit log.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from community.accounts.aliases import user_with_alias
from community.accounts.models import User
from community.audit import record_event
from community.chat.channels import Channel, next_seq
from community.chat.messages import RemovalEvent, channel_of
from community.chat.models import (
    ChatMembership,
    ChatMessage,
    ChatMute,
    ChatPresence,
    ChatRemoval,
    ChatRoom,
    ChatTalk,
    MessageState,
    TalkState,
)
from community.chat.presence import EndedRequest, after_presence_ended, sockets_in_room
from community.chat.rooms import RoomStatus, get_room, room_status
from community.errors import Conflict, NotFound, ValidationFailed
from community.i18n import N_
from community.permissions import authorize
from community.review.models import ItemStatus, ReviewItem
from community.review.registry import Decision, SubjectHandler, register
from community.review.services import close_without_decision, perform

MUTE_MINUTES_MAX = 7 * 24 * 60


def remove_message(
    session: Session, actor: User, message_id: int, now: datetime
) -> RemovalEvent | None:
    """Remove a message for everyone (moderators).

    A delivered message gets a removal event with the channel's next sequence
    number, so readers who were away drop it when they catch up. A held message
    is simply rejected. Returns the event to send, or None when nobody saw it.
    """
    authorize(actor, "chat.moderate")
    message = session.get(ChatMessage, message_id)
    if message is None:
        raise NotFound(N_("That message is already gone."))
    if message.state == MessageState.REMOVED:
        return None
    before = message.state
    channel = channel_of(message)
    event = None
    if message.state == MessageState.DELIVERED:
        message.removed_seq = next_seq(session, channel)
        event = RemovalEvent(channel.name, message.removed_seq, message.id, message.seq or 0)
    message.state = MessageState.REMOVED
    message.removed_at = now
    close_without_decision(session, "chat_message", message.id, reason="removed", now=now)
    record_event(
        session,
        actor,
        "chat.message.remove",
        subject=("chat_message", message.id),
        from_state=before,
        to_state=MessageState.REMOVED,
        now=now,
    )
    session.commit()
    return event


def mute_user(
    session: Session, actor: User, user_id: int, minutes: object, now: datetime
) -> ChatMute:
    """Stop a person writing in any chat for ``minutes`` (moderators). They can still read."""
    authorize(actor, "chat.moderate")
    try:
        length = int(minutes)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        length = 0
    if not 1 <= length <= MUTE_MINUTES_MAX:
        raise ValidationFailed(
            N_("Mute for between 1 minute and %(max)d minutes."),
            field="minutes",
            max=MUTE_MINUTES_MAX,
        )
    if session.get(User, user_id) is None:
        raise NotFound(N_("That person is no longer here."))
    mute = ChatMute(
        user_id=user_id, muted_by_id=actor.id, created_at=now, until=now + timedelta(minutes=length)
    )
    session.add(mute)
    record_event(
        session,
        actor,
        "chat.user.mute",
        subject=("user", user_id),
        note=f"{length} min",
        now=now,
    )
    session.commit()
    return mute


@dataclass(frozen=True)
class UserRemoved:
    """A person taken out of a room, the sockets through which they were in it,
    their talks there that ended, and the waiting requests that ended because
    they were the room's last host."""

    room_id: int
    user_id: int
    sids: tuple[str, ...]
    until: datetime
    ended_talk_ids: tuple[int, ...] = ()
    ended_requests: tuple[EndedRequest, ...] = ()


def remove_user_from_room(
    session: Session, actor: User, room_id: int, user_id: int, now: datetime, *, hours: int
) -> UserRemoved:
    """Take a person out of a room for ``hours`` (moderators): membership, presence
    and any talk of theirs in the room end at once (returned, for the other side
    to be told after the commit)."""
    authorize(actor, "chat.moderate")
    room = get_room(session, room_id)
    if session.get(User, user_id) is None:
        raise NotFound(N_("That person is no longer here."))
    sids = tuple(sockets_in_room(session, room.id, user_id))
    until = now + timedelta(hours=hours)
    session.add(
        ChatRemoval(
            room_id=room.id, user_id=user_id, removed_by_id=actor.id, created_at=now, until=until
        )
    )
    session.execute(
        delete(ChatPresence).where(ChatPresence.room_id == room.id, ChatPresence.user_id == user_id)
    )
    session.execute(
        delete(ChatMembership).where(
            ChatMembership.room_id == room.id, ChatMembership.user_id == user_id
        )
    )
    ended_talks = []
    for talk in session.scalars(
        select(ChatTalk).where(
            ChatTalk.room_id == room.id,
            ChatTalk.follower_id == user_id,
            ChatTalk.state != TalkState.ENDED,
        )
    ):
        talk.state, talk.ended_at = TalkState.ENDED, now
        ended_talks.append(talk.id)
    session.flush()
    ended_requests = after_presence_ended(session, room.id, now)
    record_event(
        session,
        actor,
        "chat.user.remove",
        subject=("user", user_id),
        note=f"room {room.id} for {hours} h",
        now=now,
    )
    session.commit()
    return UserRemoved(
        room_id=room.id,
        user_id=user_id,
        sids=sids,
        until=until,
        ended_talk_ids=tuple(ended_talks),
        ended_requests=ended_requests,
    )


def decide_held_message(
    session: Session, actor: User, message_id: int, action: str, now: datetime
) -> ReviewItem:
    """Approve (deliver now) or reject a held message, through the review queue."""
    authorize(actor, "review.decide")
    item = session.scalar(
        select(ReviewItem).where(
            ReviewItem.subject_type == "chat_message",
            ReviewItem.subject_id == message_id,
            ReviewItem.status == ItemStatus.OPEN,
        )
    )
    if item is None:
        raise Conflict(N_("Someone has already decided this item."))
    return perform(session, actor, item.id, action, now=now)


def _decide_chat_message(
    session: Session, actor: object, message_id: int, decision: Decision, now: datetime
) -> tuple[str | None, str]:
    message = session.get(ChatMessage, message_id)
    if message is None:
        raise NotFound(N_("That message is already gone."))
    if message.state != MessageState.HELD:
        raise Conflict(N_("Someone has already decided this item."))
    if decision.action == "approve":
        message.seq = next_seq(session, channel_of(message))
        message.state = MessageState.DELIVERED
        message.delivered_at = now
        return MessageState.HELD, MessageState.DELIVERED
    message.state = MessageState.REJECTED
    return MessageState.HELD, MessageState.REJECTED


CHAT_MESSAGE = register(
    SubjectHandler(
        "chat_message",
        ("approve", "reject"),
        _decide_chat_message,
        model=ChatMessage,
        texts=lambda message: {"body": message.body},
    )
)


@dataclass(frozen=True)
class LiveTalk:
    talk: ChatTalk
    room_name: str
    follower: str
    host: str | None


@dataclass(frozen=True)
class LiveOverview:
    """Every room that is open or has people in it, every talk going on, and the
    chat messages waiting for a moderator."""

    rooms: list[RoomStatus]
    talks: list[LiveTalk]
    held: list[ChatMessage]


def live_overview(session: Session, actor: User, now: datetime) -> LiveOverview:
    """What a moderator watching the chat needs to see now (moderators)."""
    authorize(actor, "chat.moderate")
    rooms = session.scalars(
        select(ChatRoom).where(ChatRoom.archived_at.is_(None)).order_by(ChatRoom.name)
    )
    statuses = [room_status(session, room, now) for room in rooms]
    live = [s for s in statuses if s.is_open or s.present or s.hosts or s.waiting]
    open_talks = list(
        session.scalars(
            select(ChatTalk).where(ChatTalk.state != TalkState.ENDED).order_by(ChatTalk.id)
        )
    )
    people = {t.follower_id for t in open_talks} | {t.host_id for t in open_talks if t.host_id}
    aliases = dict(session.execute(select(User.id, User.alias).where(User.id.in_(people))).all())
    names = {s.room.id: s.room.name for s in statuses}
    talks = [
        LiveTalk(
            talk=t,
            room_name=names.get(t.room_id, ""),
            follower=aliases.get(t.follower_id, ""),
            host=aliases.get(t.host_id) if t.host_id else None,
        )
        for t in open_talks
    ]
    held = list(
        session.scalars(
            select(ChatMessage)
            .where(ChatMessage.state == MessageState.HELD)
            .order_by(ChatMessage.crisis.desc(), ChatMessage.id)
        )
    )
    return LiveOverview(rooms=live, talks=talks, held=held)


def user_id_for_alias(session: Session, alias: str) -> int:
    """The id of the person with ``alias`` (as shown in the chat)."""
    user = user_with_alias(session, alias)
    if user is None:
        raise NotFound(N_("That person is no longer here."))
    return user.id


def channel_for_message(session: Session, message_id: int) -> tuple[ChatMessage, Channel]:
    message = session.get(ChatMessage, message_id)
    if message is None:
        raise NotFound(N_("That message is already gone."))
    return message, channel_of(message)
