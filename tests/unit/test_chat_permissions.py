"""The chat's rules in the one permission table, for every role."""

from types import SimpleNamespace

import pytest

from community.permissions import can
from tests.unit.test_permissions import PEOPLE, Person

OPEN = SimpleNamespace(is_open=True, removed=False, full=False, muted=False, participant=True)
CLOSED = SimpleNamespace(is_open=False, removed=False, full=False, muted=False, participant=True)

# action, object -> who may
MAY = {
    ("chat.schedule.view", None): set(PEOPLE),
    ("chat.connect", None): set(PEOPLE) - {"visitor"},
    ("chat.room.manage", None): {"coordinator", "admin"},
    ("chat.room.open", None): {"peer"},
    ("chat.room.close", None): {"peer", "moderator", "admin"},
    ("chat.room.watch", None): {"moderator", "admin"},
    ("chat.moderate", None): {"moderator", "admin"},
    ("chat.room.join", "open"): set(PEOPLE) - {"visitor"},
    ("chat.room.join", "closed"): {"peer", "moderator", "admin"},
    ("chat.room.join", "full"): {"peer", "moderator", "admin"},
    ("chat.room.join", "removed"): set(),
    ("chat.message.send", "open"): set(PEOPLE) - {"visitor"},
    ("chat.message.send", "closed"): set(),
    ("chat.message.send", "muted"): set(),
    ("chat.message.send", "outsider"): set(),
    ("chat.talk.request", "open"): set(PEOPLE) - {"visitor"},
    ("chat.talk.request", "closed"): set(),
    ("chat.talk.accept", "open"): {"peer"},
}

OBJECTS = {
    None: None,
    "open": OPEN,
    "closed": CLOSED,
    "full": SimpleNamespace(**{**vars(OPEN), "full": True}),
    "removed": SimpleNamespace(**{**vars(OPEN), "removed": True}),
    "muted": SimpleNamespace(**{**vars(OPEN), "muted": True}),
    "outsider": SimpleNamespace(**{**vars(OPEN), "participant": False}),
}


@pytest.mark.parametrize(("action", "obj", "who"), [(a, o, w) for (a, o) in MAY for w in PEOPLE])
def test_chat_rule_table(action, obj, who):
    assert can(PEOPLE[who], action, OBJECTS[obj]) is (who in MAY[(action, obj)])


def test_a_talk_is_seen_by_its_two_sides_and_moderators_only():
    follower, host, other = Person(id=1), Person(id=2), Person(id=3)
    talk = SimpleNamespace(follower_id=1, host_id=2)
    assert can(follower, "chat.talk.join", talk)
    assert can(host, "chat.talk.join", talk)
    assert not can(other, "chat.talk.join", talk)
    assert can(PEOPLE["moderator"], "chat.talk.join", talk)
    assert can(follower, "chat.talk.rate", talk)
    assert not can(host, "chat.talk.rate", talk)
