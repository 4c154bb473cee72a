"""Private talks: a follower asks, an on-duty host accepts, either side ends it.

Requests wait in a queue per room, oldest first; while every host is busy the
follower sees their place in it. Afterwards the follower may answer one
voluntary question: "Did this help you today?" (1-5).
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.audit import record_event
from community.chat.channels import get_talk
from community.chat.models import ChatPresence, ChatTalk, TalkState
from community.chat.presence import room_access
from community.chat.rooms import get_room
from community.errors import Conflict, Forbidden, NotFound, ValidationFailed
from community.i18n import N_
from community.permissions import authorize, can


@dataclass(frozen=True)
class HostAccess:
    """Facts for the rules: is the host on duty (present as host) in the room."""

    participant: bool


def queue_position(session: Session, talk: ChatTalk) -> int:
    """1 for the first in line; 0 once the talk is no longer waiting."""
    if talk.state != TalkState.WAITING:
        return 0
    ahead = session.scalar(
        select(func.count(ChatTalk.id)).where(
            ChatTalk.room_id == talk.room_id,
            ChatTalk.state == TalkState.WAITING,
            (ChatTalk.requested_at < talk.requested_at)
            | ((ChatTalk.requested_at == talk.requested_at) & (ChatTalk.id < talk.id)),
        )
    )
    return (ahead or 0) + 1


def waiting_talks(session: Session, room_id: int) -> list[ChatTalk]:
    """The room's queue, first in line first."""
    return list(
        session.scalars(
            select(ChatTalk)
            .where(ChatTalk.room_id == room_id, ChatTalk.state == TalkState.WAITING)
            .order_by(ChatTalk.requested_at, ChatTalk.id)
        )
    )


def open_talk_of(session: Session, user_id: int, room_id: int | None = None) -> ChatTalk | None:
    """The waiting or active talk ``user_id`` takes part in, if any."""
    stmt = select(ChatTalk).where(
        ChatTalk.state != TalkState.ENDED,
        (ChatTalk.follower_id == user_id) | (ChatTalk.host_id == user_id),
    )
    if room_id is not None:
        stmt = stmt.where(ChatTalk.room_id == room_id)
    return session.scalar(stmt.order_by(ChatTalk.id.desc()).limit(1))


def request_talk(session: Session, actor: User, room_id: int, now: datetime) -> ChatTalk:
    """Ask for a one-to-one talk with a host of an open room.

    Asking again while a request waits (or a talk goes on) returns that one.
    """
    room = get_room(session, room_id)
    access = room_access(session, actor, room, now)
    if access.muted and not can(actor, "chat.talk.request", access):
        raise Forbidden(
            N_(
                "A moderator has paused your writing for a while, so you cannot ask for a"
                " talk just now. The helplines are open if things are hard."
            )
        )
    authorize(actor, "chat.talk.request", access)
    existing = open_talk_of(session, actor.id, room.id)
    if existing is not None and existing.follower_id == actor.id:
        return existing
    talk = ChatTalk(
        room_id=room.id, follower_id=actor.id, state=TalkState.WAITING, requested_at=now, last_seq=0
    )
    session.add(talk)
    session.flush()
    record_event(
        session,
        actor,
        "chat.talk.request",
        subject=("chat_talk", talk.id),
        to_state=TalkState.WAITING,
        now=now,
    )
    session.commit()
    return talk


def accept_next_talk(session: Session, actor: User, room_id: int, now: datetime) -> ChatTalk:
    """A host on duty in the room takes the first request in line.

    A host holds one talk at a time; two hosts accepting at once never get the
    same request (the row is locked on PostgreSQL, re-checked on SQLite).
    """
    room = get_room(session, room_id)
    on_duty = (
        session.scalar(
            select(ChatPresence.id).where(
                ChatPresence.room_id == room.id,
                ChatPresence.user_id == actor.id,
                ChatPresence.role == "host",
            )
        )
        is not None
    )
    authorize(actor, "chat.talk.accept", HostAccess(participant=on_duty))
    current = session.scalar(
        select(ChatTalk.id).where(ChatTalk.host_id == actor.id, ChatTalk.state == TalkState.ACTIVE)
    )
    if current is not None:
        raise Conflict(N_("End your current talk before you take the next one."))
    talk = session.scalar(
        select(ChatTalk)
        .where(
            ChatTalk.room_id == room.id,
            ChatTalk.state == TalkState.WAITING,
            ChatTalk.follower_id != actor.id,
        )
        .order_by(ChatTalk.requested_at, ChatTalk.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    if talk is None:
        raise NotFound(N_("Nobody is waiting for a talk right now."))
    talk.state = TalkState.ACTIVE
    talk.host_id = actor.id
    talk.accepted_at = now
    record_event(
        session,
        actor,
        "chat.talk.accept",
        subject=("chat_talk", talk.id),
        from_state=TalkState.WAITING,
        to_state=TalkState.ACTIVE,
        now=now,
    )
    session.commit()
    return talk


def join_talk(session: Session, actor: User, talk_id: int) -> ChatTalk:
    """Check that ``actor`` may follow the talk (its follower, its host, a moderator)."""
    talk = get_talk(session, talk_id)
    authorize(actor, "chat.talk.join", talk)
    return talk


def end_talk(session: Session, actor: User, talk_id: int, now: datetime) -> ChatTalk:
    """End a talk (or withdraw a request); either side, or a moderator, may."""
    talk = get_talk(session, talk_id)
    authorize(actor, "chat.talk.end", talk)
    if talk.state == TalkState.ENDED:
        return talk
    before = talk.state
    talk.state = TalkState.ENDED
    talk.ended_at = now
    record_event(
        session,
        actor,
        "chat.talk.end",
        subject=("chat_talk", talk.id),
        from_state=before,
        to_state=TalkState.ENDED,
        now=now,
    )
    session.commit()
    return talk


def rate_talk(session: Session, actor: User, talk_id: int, helped: object, now: datetime) -> None:
    """Store the follower's voluntary answer to "Did this help you today?" (1-5), once."""
    talk = get_talk(session, talk_id)
    authorize(actor, "chat.talk.rate", talk)
    try:
        score = int(helped)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise ValidationFailed(N_("Choose a number from 1 to 5."), field="helped")
    if talk.state != TalkState.ENDED or talk.host_id is None:
        raise Conflict(N_("You can answer when the talk has ended."))
    if talk.helped is not None:
        raise Conflict(N_("You have already answered. Thank you."))
    talk.helped = score
    session.commit()
