"""Rooms open in their hours with a host present, or ad hoc; closing holds."""

from datetime import UTC, datetime, time

import pytest

from community.chat.models import ChatRoom, OpeningHours
from community.chat.rooms import (
    HoursInput,
    RoomInput,
    add_hours,
    create_room,
    current_period_start,
)
from community.errors import Forbidden, ValidationFailed

# A Monday evening in Copenhagen (UTC+1 in winter).
MONDAY_19 = datetime(2026, 11, 30, 18, 0, tzinfo=UTC)


def room_with(*hours: tuple[int, time, time]) -> ChatRoom:
    room = ChatRoom(name="x", description="", max_members=10, last_seq=0)
    room.hours = [OpeningHours(weekday=d, starts=s, ends=e) for d, s, e in hours]
    return room


def test_a_room_is_scheduled_in_its_local_hours_only():
    room = room_with((0, time(18), time(20)))
    assert current_period_start(room, MONDAY_19) is not None
    assert current_period_start(room, MONDAY_19.replace(hour=20)) is None  # 21:00 local


def test_hours_that_end_before_they_start_run_past_midnight():
    room = room_with((0, time(22), time(2)))
    tuesday_01 = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    assert current_period_start(room, tuesday_01).hour == 22


def test_only_coordinators_create_rooms_and_hours(session, user_of, clock):
    data = RoomInput(name="Angst", description="Om angst i hverdagen", max_members=20)
    with pytest.raises(Forbidden):
        create_room(session, user_of("peer"), data, clock(), max_members_limit=500)
    room = create_room(session, user_of("coordinator"), data, clock(), max_members_limit=500)
    add_hours(session, user_of("coordinator"), room.id, HoursInput(2, time(19), time(21)), clock())
    assert [(h.weekday, h.starts) for h in room.hours] == [(2, time(19))]


def test_a_room_needs_a_theme_and_a_sensible_size(session, user_of, clock):
    with pytest.raises(ValidationFailed) as error:
        create_room(
            session,
            user_of("coordinator"),
            RoomInput(name=" ", description="", max_members=1),
            clock(),
            max_members_limit=500,
        )
    assert {p.field for p in error.value.problems} == {"name", "max_members"}
