"""Open sockets, and who is present in which room.

A socket is recorded by its login's hash when it connects, so ending a login
can close its sockets in any server process. Joining a room makes a person a
member (they see what is said from then on) and present (counted on the page);
leaving ends both, while a dropped connection ends only the presence, so a
member who reconnects gets what they missed. When the last host has gone
(left, dropped, or taken out), the room is no longer open: an ad hoc opening
ends and so do the waiting talk requests nobody is left to take.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.audit import record_event
from community.chat.models import (
    ChatConnection,
    ChatMembership,
    ChatMute,
    ChatPresence,
    ChatRemoval,
    ChatRoom,
    ChatTalk,
    TalkState,
)
from community.chat.rooms import PRESENCE_TIMEOUT, RoomStatus, get_room, live_presence, room_status
from community.errors import Conflict
from community.i18n import N_
from community.permissions import authorize, can


@dataclass(frozen=True)
class RoomAccess:
    """The facts the permission rules need about a person and a room."""

    room: ChatRoom
    is_open: bool
    removed: bool
    full: bool
    muted: bool
    participant: bool


def register_connection(session: Session, sid: str, token_hash: str, now: datetime) -> None:
    """Record an open socket of a login (no address, no browser details)."""
    session.add(ChatConnection(sid=sid, token_hash=token_hash, connected_at=now, seen_at=now))
    session.commit()


def touch_connection(session: Session, sid: str, now: datetime) -> None:
    """Note that the socket is still there (its heartbeat)."""
    session.execute(update(ChatConnection).where(ChatConnection.sid == sid).values(seen_at=now))
    session.commit()


@dataclass(frozen=True)
class EndedRequest:
    """A waiting request for a private talk that ended untaken, and whose it was."""

    talk_id: int
    follower_id: int


@dataclass(frozen=True)
class Left:
    """What leaving changed: the rooms someone was present in, and the waiting
    talk requests that ended there because no host was left to take them."""

    room_ids: tuple[int, ...]
    ended_requests: tuple[EndedRequest, ...] = ()


def drop_connection(session: Session, sid: str, now: datetime) -> Left:
    """Forget a closed socket: the rooms it was present in, and, where it was the
    last host's, the waiting talk requests that ended with the room."""
    connection = session.scalar(select(ChatConnection).where(ChatConnection.sid == sid))
    if connection is None:
        return Left(room_ids=())
    room_ids = tuple(
        session.scalars(
            select(ChatPresence.room_id).where(ChatPresence.connection_id == connection.id)
        )
    )
    session.delete(connection)
    session.flush()
    ended = [e for room_id in room_ids for e in after_presence_ended(session, room_id, now)]
    session.commit()
    return Left(room_ids=room_ids, ended_requests=tuple(ended))


def sockets_of_logins(session: Session, token_hashes: list[str]) -> list[str]:
    """The socket ids of these logins, in whichever process they are."""
    if not token_hashes:
        return []
    return list(
        session.scalars(
            select(ChatConnection.sid).where(ChatConnection.token_hash.in_(token_hashes))
        )
    )


def sockets_in_room(session: Session, room_id: int, user_id: int) -> list[str]:
    """The socket ids through which ``user_id`` is present in ``room_id``."""
    return list(
        session.scalars(
            select(ChatConnection.sid)
            .join(ChatPresence, ChatPresence.connection_id == ChatConnection.id)
            .where(ChatPresence.room_id == room_id, ChatPresence.user_id == user_id)
        )
    )


def active_mute(session: Session, user_id: int, now: datetime) -> ChatMute | None:
    """The mute in force for ``user_id`` now, the longest first, or None."""
    return session.scalar(
        select(ChatMute)
        .where(ChatMute.user_id == user_id, ChatMute.until > now)
        .order_by(ChatMute.until.desc())
        .limit(1)
    )


def membership(session: Session, room_id: int, user_id: int) -> ChatMembership | None:
    return session.scalar(
        select(ChatMembership).where(
            ChatMembership.room_id == room_id, ChatMembership.user_id == user_id
        )
    )


def room_access(session: Session, user: User, room: ChatRoom, now: datetime) -> RoomAccess:
    """What the rules need to know about ``user`` in ``room`` now."""
    status = room_status(session, room, now)
    user_id = getattr(user, "id", None)
    removed = user_id is not None and (
        session.scalar(
            select(ChatRemoval.id).where(
                ChatRemoval.room_id == room.id,
                ChatRemoval.user_id == user_id,
                ChatRemoval.until > now,
            )
        )
        is not None
    )
    present = {uid for uid, _, role in live_presence(session, room.id, now) if role == "member"}
    full = user_id not in present and len(present) >= room.max_members
    return RoomAccess(
        room=room,
        is_open=status.is_open,
        removed=removed,
        full=full,
        muted=user_id is not None and active_mute(session, user_id, now) is not None,
        participant=user_id is not None and membership(session, room.id, user_id) is not None,
    )


@dataclass(frozen=True)
class Joined:
    """A person now in a room: its state, their role, where their history starts."""

    status: RoomStatus
    role: str
    joined_seq: int


def join_room(session: Session, actor: User, room_id: int, sid: str, now: datetime) -> Joined:
    """Enter a room through socket ``sid``: as host (chat task) or as member.

    Refused while the room is closed (except to hosts and moderators), full, or
    when a moderator removed the person from it. A new member sees messages from
    now on; a member coming back keeps the place where they joined.
    """
    room = get_room(session, room_id)
    access = room_access(session, actor, room, now)
    authorize(actor, "chat.room.join", access)
    connection = _connection(session, sid)
    role = "host" if can(actor, "chat.room.host") else "member"
    member = membership(session, room.id, actor.id)
    if member is None:
        last_seq = session.scalar(select(ChatRoom.last_seq).where(ChatRoom.id == room.id))
        member = ChatMembership(
            room_id=room.id, user_id=actor.id, joined_at=now, joined_seq=last_seq or 0
        )
        session.add(member)
    _be_present(session, connection, room.id, actor.id, role, now)
    session.commit()
    return Joined(status=room_status(session, room, now), role=role, joined_seq=member.joined_seq)


def watch_room(session: Session, actor: User, room_id: int, sid: str, now: datetime) -> RoomStatus:
    """A moderator follows a room without being counted or taking part."""
    authorize(actor, "chat.room.watch")
    room = get_room(session, room_id)
    _be_present(session, _connection(session, sid), room.id, actor.id, "watcher", now)
    session.commit()
    return room_status(session, room, now)


def leave_room(session: Session, actor: User, room_id: int, now: datetime) -> Left:
    """Leave a room on purpose: no longer a member or present on any socket.

    Coming back later starts afresh, without what was said meanwhile. When the
    last host leaves, the room closes and its waiting talk requests end.
    """
    room = get_room(session, room_id)
    session.execute(
        delete(ChatPresence).where(
            ChatPresence.room_id == room.id, ChatPresence.user_id == actor.id
        )
    )
    session.execute(
        delete(ChatMembership).where(
            ChatMembership.room_id == room.id, ChatMembership.user_id == actor.id
        )
    )
    session.flush()
    ended = after_presence_ended(session, room.id, now)
    session.commit()
    return Left(room_ids=(room.id,), ended_requests=ended)


def _connection(session: Session, sid: str) -> ChatConnection:
    connection = session.scalar(select(ChatConnection).where(ChatConnection.sid == sid))
    if connection is None:
        raise Conflict(N_("The connection was lost. Please reload the page."))
    return connection


def _be_present(
    session: Session,
    connection: ChatConnection,
    room_id: int,
    user_id: int,
    role: str,
    now: datetime,
) -> None:
    presence = session.scalar(
        select(ChatPresence).where(
            ChatPresence.connection_id == connection.id, ChatPresence.room_id == room_id
        )
    )
    if presence is None:
        session.add(
            ChatPresence(
                connection_id=connection.id, room_id=room_id, user_id=user_id, role=role, since=now
            )
        )
    else:
        presence.role = role
    connection.seen_at = now


def after_presence_ended(session: Session, room_id: int, now: datetime) -> tuple[EndedRequest, ...]:
    """Once the room's last host has gone (the caller removed a presence and
    commits): a room opened ad hoc closes, and the waiting talk requests end,
    since nobody is there to take them. Returns the requests that ended."""
    room = session.get(ChatRoom, room_id)
    if room is None or _host_present(session, room_id, now):
        return ()
    room.opened_ad_hoc_at = None
    waiting = list(
        session.scalars(
            select(ChatTalk)
            .where(ChatTalk.room_id == room_id, ChatTalk.state == TalkState.WAITING)
            .order_by(ChatTalk.requested_at, ChatTalk.id)
        )
    )
    ended = []
    for talk in waiting:
        talk.state, talk.ended_at = TalkState.ENDED, now
        record_event(
            session,
            None,
            "chat.talk.end",
            subject=("chat_talk", talk.id),
            from_state=TalkState.WAITING,
            to_state=TalkState.ENDED,
            reason="no_host",
            now=now,
        )
        ended.append(EndedRequest(talk_id=talk.id, follower_id=talk.follower_id))
    return tuple(ended)


def _host_present(session: Session, room_id: int, now: datetime) -> bool:
    return (
        session.scalar(
            select(ChatPresence.id)
            .join(ChatConnection, ChatConnection.id == ChatPresence.connection_id)
            .where(
                ChatPresence.room_id == room_id,
                ChatPresence.role == "host",
                ChatConnection.seen_at >= now - PRESENCE_TIMEOUT,
            )
            .limit(1)
        )
        is not None
    )
