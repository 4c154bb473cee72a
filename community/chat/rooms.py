"""Rooms, their weekly opening hours, and whether a room is open right now.

A room is open when at least one host is present and either its hours say so
or a host opened it ad hoc. Closing a room (a moderator, or a host) holds until
a host opens it again or its next scheduled period begins.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.audit import record_event
from community.chat.models import (
    ChatConnection,
    ChatMembership,
    ChatPresence,
    ChatRoom,
    ChatTalk,
    OpeningHours,
    TalkState,
)
from community.errors import NotFound, Problems
from community.i18n import N_
from community.permissions import authorize

# Opening hours are kept and shown in the community's own time zone.
LOCAL_TIME = ZoneInfo("Europe/Copenhagen")
# A socket that has not been heard from for this long no longer counts as present
# (its server process may have stopped without saying goodbye). Clients send a
# heartbeat every 30 seconds.
PRESENCE_TIMEOUT = timedelta(seconds=90)
NAME_MAX = 80
DESCRIPTION_MAX = 1000


@dataclass(frozen=True)
class RoomInput:
    """What a coordinator gives for a room."""

    name: str
    description: str
    max_members: int


@dataclass(frozen=True)
class HoursInput:
    """One weekly period: a weekday (0 = Monday) and local start and end times."""

    weekday: int
    starts: time
    ends: time


@dataclass(frozen=True)
class RoomStatus:
    """A room as people see it now: open or not, who hosts, how many are here."""

    room: ChatRoom
    is_open: bool
    scheduled_now: bool
    hosts: tuple[str, ...]
    free_hosts: int
    present: int
    waiting: int

    def to_payload(self) -> dict[str, object]:
        return {
            "room_id": self.room.id,
            "is_open": self.is_open,
            "hosts": list(self.hosts),
            "free_hosts": self.free_hosts,
            "present": self.present,
            "waiting": self.waiting,
        }


def _check_room(data: RoomInput, max_members_limit: int) -> RoomInput:
    problems = Problems()
    name, description = data.name.strip(), data.description.strip()
    if not name:
        problems.add("name", N_("Give the room a theme."))
    elif len(name) > NAME_MAX:
        problems.add("name", N_("Use at most %(max)d characters."), max=NAME_MAX)
    if len(description) > DESCRIPTION_MAX:
        problems.add("description", N_("Use at most %(max)d characters."), max=DESCRIPTION_MAX)
    if not 2 <= data.max_members <= max_members_limit:
        problems.add(
            "max_members",
            N_("A room holds between 2 and %(max)d people."),
            max=max_members_limit,
        )
    problems.raise_if_any()
    return RoomInput(name=name, description=description, max_members=data.max_members)


def create_room(
    session: Session, actor: User, data: RoomInput, now: datetime, *, max_members_limit: int
) -> ChatRoom:
    """Create a room (coordinators). It opens only in its hours, with a host present."""
    authorize(actor, "chat.room.manage")
    data = _check_room(data, max_members_limit)
    room = ChatRoom(
        name=data.name,
        description=data.description,
        max_members=data.max_members,
        created_at=now,
        created_by_id=actor.id,
        last_seq=0,
    )
    session.add(room)
    session.flush()
    record_event(session, actor, "chat.room.create", subject=("chat_room", room.id), now=now)
    session.commit()
    return room


def update_room(
    session: Session,
    actor: User,
    room_id: int,
    data: RoomInput,
    now: datetime,
    *,
    max_members_limit: int,
) -> ChatRoom:
    """Change a room's theme, description or size (coordinators)."""
    authorize(actor, "chat.room.manage")
    room = get_room(session, room_id)
    data = _check_room(data, max_members_limit)
    room.name, room.description, room.max_members = data.name, data.description, data.max_members
    record_event(session, actor, "chat.room.update", subject=("chat_room", room.id), now=now)
    session.commit()
    return room


def archive_room(session: Session, actor: User, room_id: int, now: datetime) -> ChatRoom:
    """Take a room off the schedule for good (coordinators); its history stays until
    the retention period ends."""
    authorize(actor, "chat.room.manage")
    room = get_room(session, room_id)
    room.archived_at = now
    _end_room_session(session, room, now)
    record_event(
        session,
        actor,
        "chat.room.archive",
        subject=("chat_room", room.id),
        to_state="archived",
        now=now,
    )
    session.commit()
    return room


def add_hours(
    session: Session, actor: User, room_id: int, data: HoursInput, now: datetime
) -> OpeningHours:
    """Add a weekly period to a room's schedule (coordinators)."""
    authorize(actor, "chat.room.manage")
    room = get_room(session, room_id)
    problems = Problems()
    if not 0 <= data.weekday <= 6:
        problems.add("weekday", N_("Choose a day of the week."))
    if data.starts == data.ends:
        problems.add("ends", N_("The room must be open for a while: choose a later end."))
    problems.raise_if_any()
    hours = OpeningHours(room_id=room.id, weekday=data.weekday, starts=data.starts, ends=data.ends)
    session.add(hours)
    session.flush()
    record_event(
        session,
        actor,
        "chat.hours.add",
        subject=("chat_room", room.id),
        note=f"{data.weekday} {data.starts:%H:%M}-{data.ends:%H:%M}",
        now=now,
    )
    session.commit()
    return hours


def remove_hours(session: Session, actor: User, hours_id: int, now: datetime) -> None:
    """Take a weekly period off a room's schedule (coordinators)."""
    authorize(actor, "chat.room.manage")
    hours = session.get(OpeningHours, hours_id)
    if hours is None:
        raise NotFound(N_("Those opening hours were already removed."))
    record_event(
        session,
        actor,
        "chat.hours.remove",
        subject=("chat_room", hours.room_id),
        note=f"{hours.weekday} {hours.starts:%H:%M}-{hours.ends:%H:%M}",
        now=now,
    )
    session.delete(hours)
    session.commit()


def get_room(session: Session, room_id: int) -> ChatRoom:
    """The room with ``room_id`` that is still on the schedule, or NotFound."""
    room = session.get(ChatRoom, room_id)
    if room is None or room.archived_at is not None:
        raise NotFound(N_("That chat room does not exist."))
    return room


def current_period_start(room: ChatRoom, now: datetime) -> datetime | None:
    """When the scheduled period the room is in now began, or None outside its hours."""
    local = now.astimezone(LOCAL_TIME)
    clock, today = local.time(), local.date()
    for hours in room.hours:
        overnight = hours.ends <= hours.starts
        today_open = hours.weekday == local.weekday() and hours.starts <= clock
        if today_open and (overnight or clock < hours.ends):
            return datetime.combine(today, hours.starts, LOCAL_TIME)
        yesterday = (local.weekday() - 1) % 7
        if overnight and hours.weekday == yesterday and clock < hours.ends:
            return datetime.combine(today - timedelta(days=1), hours.starts, LOCAL_TIME)
    return None


def live_presence(session: Session, room_id: int, now: datetime) -> list[tuple[int, str, str]]:
    """``(user id, alias, role)`` of everyone present in the room now, once per person."""
    rows = session.execute(
        select(ChatPresence.user_id, User.alias, ChatPresence.role)
        .join(ChatConnection, ChatConnection.id == ChatPresence.connection_id)
        .join(User, User.id == ChatPresence.user_id)
        .where(
            ChatPresence.room_id == room_id,
            ChatConnection.seen_at >= now - PRESENCE_TIMEOUT,
        )
        .distinct()
        .order_by(User.alias)
    ).all()
    return [(user_id, alias, role) for user_id, alias, role in rows]


def room_status(session: Session, room: ChatRoom, now: datetime) -> RoomStatus:
    """Whether ``room`` is open now, and who is in it (aliases only)."""
    present = live_presence(session, room.id, now)
    host_ids = {user_id for user_id, _, role in present if role == "host"}
    hosts = tuple(sorted({alias for _, alias, role in present if role == "host"}))
    members = {user_id for user_id, _, role in present if role != "watcher"}
    busy = set(
        session.scalars(
            select(ChatTalk.host_id).where(
                ChatTalk.room_id == room.id, ChatTalk.state == TalkState.ACTIVE
            )
        )
    )
    waiting = session.scalar(
        select(func.count(ChatTalk.id)).where(
            ChatTalk.room_id == room.id, ChatTalk.state == TalkState.WAITING
        )
    )
    period_start = current_period_start(room, now)
    scheduled_open = period_start is not None and (
        room.closed_at is None or room.closed_at < period_start
    )
    is_open = (
        room.archived_at is None
        and bool(hosts)
        and (room.opened_ad_hoc_at is not None or scheduled_open)
    )
    return RoomStatus(
        room=room,
        is_open=is_open,
        scheduled_now=period_start is not None,
        hosts=hosts,
        free_hosts=len(host_ids - busy),
        present=len(members),
        waiting=waiting or 0,
    )


def schedule(session: Session, now: datetime) -> list[RoomStatus]:
    """Every room on the schedule with its hours and its state now (public)."""
    rooms = session.scalars(
        select(ChatRoom).where(ChatRoom.archived_at.is_(None)).order_by(ChatRoom.name)
    )
    return [room_status(session, room, now) for room in rooms]


def open_room(session: Session, actor: User, room_id: int, now: datetime) -> RoomStatus:
    """Open the room now, outside its hours (a host with the chat task).

    It is open while the host (or another) is present; it closes again when the
    last host leaves.
    """
    authorize(actor, "chat.room.open")
    room = get_room(session, room_id)
    room.opened_ad_hoc_at = now
    room.closed_at = None
    record_event(
        session, actor, "chat.room.open", subject=("chat_room", room.id), to_state="open", now=now
    )
    session.commit()
    return room_status(session, room, now)


@dataclass(frozen=True)
class RoomClosed:
    """A room that was just closed, and the talks that ended with it."""

    room: ChatRoom
    ended_talk_ids: tuple[int, ...]


def close_room(session: Session, actor: User, room_id: int, now: datetime) -> RoomClosed:
    """Close the room at once (a moderator, or a host): everyone leaves, talks end.

    It stays closed until a host opens it again or its next period begins.
    """
    authorize(actor, "chat.room.close")
    room = get_room(session, room_id)
    room.closed_at = now
    room.opened_ad_hoc_at = None
    ended = _end_room_session(session, room, now)
    record_event(
        session,
        actor,
        "chat.room.close",
        subject=("chat_room", room.id),
        to_state="closed",
        now=now,
    )
    session.commit()
    return RoomClosed(room=room, ended_talk_ids=ended)


def _end_room_session(session: Session, room: ChatRoom, now: datetime) -> tuple[int, ...]:
    """Everyone out, every talk of the room ended (the caller commits); the talks' ids."""
    session.execute(delete(ChatPresence).where(ChatPresence.room_id == room.id))
    session.execute(delete(ChatMembership).where(ChatMembership.room_id == room.id))
    ended = []
    for talk in session.scalars(
        select(ChatTalk).where(ChatTalk.room_id == room.id, ChatTalk.state != TalkState.ENDED)
    ):
        talk.state = TalkState.ENDED
        talk.ended_at = now
        ended.append(talk.id)
    return tuple(ended)
