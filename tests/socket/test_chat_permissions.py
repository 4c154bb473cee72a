"""Every chat event asks the permission rules: what a follower may not do is
refused with ``forbidden`` and changes nothing; plus the checks around them
(consent at connect, opening ad hoc, catching up in pages, leaving)."""

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select

from community.chat import messages
from community.chat.models import ChatMute, ChatRoom, ChatTalk, TalkState
from community.consent import publish_version

LINK = "se min side https://example.com/x"


@pytest.fixture
def world(room, host, member, socket_for, user_of, make_user):
    """An open room with a message in it, a talk between another follower and the
    host, and a follower who is connected but has not joined the room."""
    talker = member("coordinator")
    asked = talker.emit("request_talk", {"room_id": room.id})
    assert host.emit("accept_talk", {"room_id": room.id})["ok"]
    sent = host.emit("send", {"channel": f"room:{room.id}", "body": "Velkommen i aften"})
    assert sent["status"] == "delivered"
    outsider = socket_for(user_of("follower"))
    return SimpleNamespace(
        room=room.id,
        channel=f"room:{room.id}",
        message=sent["id"],
        talk=asked["talk_id"],
        talk_channel=asked["channel"],
        outsider=outsider,
    )


Payload = Callable[[SimpleNamespace], dict[str, Any]]

REFUSED: list[tuple[str, Payload]] = [
    ("watch", lambda w: {"room_id": w.room}),
    ("typing", lambda w: {"channel": w.channel}),
    ("open_room", lambda w: {"room_id": w.room}),
    ("close_room", lambda w: {"room_id": w.room}),
    ("accept_talk", lambda w: {"room_id": w.room}),
    ("join_talk", lambda w: {"talk_id": w.talk}),
    ("end_talk", lambda w: {"talk_id": w.talk}),
    ("send", lambda w: {"channel": w.talk_channel, "body": "hej"}),
    ("catch_up", lambda w: {"channel": w.talk_channel, "after_seq": 0}),
    ("history", lambda w: {"channel": w.talk_channel}),
    ("typing", lambda w: {"channel": w.talk_channel}),
    ("remove_message", lambda w: {"message_id": w.message}),
    ("mute", lambda w: {"alias": "peer-user", "minutes": 10}),
    ("mute", lambda w: {"message_id": w.message, "minutes": 10}),
    ("remove_user", lambda w: {"room_id": w.room, "alias": "peer-user"}),
    # A delivered message has no open item: without the check this would be a conflict.
    ("decide", lambda w: {"message_id": w.message, "action": "reject"}),
]


@pytest.mark.parametrize(
    ("event", "payload"), REFUSED, ids=[f"{e}-{n}" for n, (e, _) in enumerate(REFUSED)]
)
def test_a_follower_is_refused_what_only_hosts_moderators_or_the_talkers_may_do(
    world, event, payload, session
):
    answer = world.outsider.emit(event, payload(world))
    assert answer["ok"] is False, answer
    assert answer["error"]["code"] == "forbidden", answer
    assert world.outsider.received("chat_error")[-1]["event"] == event
    assert world.outsider.connected
    # Nothing changed: the room is open, the talk goes on, nobody is muted.
    assert session.get(ChatRoom, world.room).closed_at is None
    assert session.get(ChatTalk, world.talk).state == TalkState.ACTIVE
    assert session.scalar(select(func.count(ChatMute.id))) == 0


def test_a_host_may_do_what_the_follower_was_refused(world, host, room):
    assert host.emit("typing", {"channel": world.channel})["ok"]
    assert host.emit("end_talk", {"talk_id": world.talk})["ok"]
    assert host.emit("close_room", {"room_id": room.id})["ok"]


def test_a_talk_cannot_be_asked_for_in_a_closed_room_or_while_muted(
    room, host, member, socket_for, user_of, session
):
    follower = member()
    moderator = socket_for(user_of("moderator"))
    assert moderator.emit("mute", {"alias": "follower-user", "minutes": 10})["ok"]
    muted = follower.emit("request_talk", {"room_id": room.id})
    assert muted["error"]["code"] == "forbidden"
    latecomer = socket_for(user_of("coordinator"))
    assert host.emit("leave", {"room_id": room.id})["ok"]
    closed = latecomer.emit("request_talk", {"room_id": room.id})
    assert closed["error"]["code"] == "forbidden"
    assert session.scalar(select(func.count(ChatTalk.id))) == 0


def test_someone_who_has_not_accepted_the_current_guidelines_cannot_connect(
    socket_for, user_of, session, clock
):
    user = user_of("follower")
    publish_version(session, None, "guidelines", "New rules for the chat", clock())
    session.commit()
    assert not socket_for(user).connected


def _room_without_hours(session, clock) -> ChatRoom:
    room = ChatRoom(name="Ekstra", description="", max_members=30, created_at=clock(), last_seq=0)
    session.add(room)
    session.commit()
    return room


@pytest.mark.parametrize("going", ["leave", "disconnect"])
def test_a_room_a_host_opened_outside_its_hours_closes_when_the_last_host_goes(
    session, clock, socket_for, user_of, going
):
    room = _room_without_hours(session, clock)
    host = socket_for(user_of("peer"))
    assert host.emit("join", {"room_id": room.id})["status"]["is_open"] is False
    opened = host.emit("open_room", {"room_id": room.id})
    assert opened["status"]["is_open"] is True
    follower = socket_for(user_of("follower"))
    assert follower.emit("join", {"room_id": room.id})["status"]["is_open"] is True
    if going == "leave":
        assert host.emit("leave", {"room_id": room.id})["ok"]
    else:
        host.disconnect()
        host = socket_for(user_of("peer"))
    assert follower.received("presence")[-1]["is_open"] is False
    # Coming back does not open it again: that takes another "open now".
    assert host.emit("join", {"room_id": room.id})["status"]["is_open"] is False


def test_catching_up_comes_in_pages_and_says_when_more_follow(room, host, member, monkeypatch):
    monkeypatch.setattr(messages, "CATCH_UP_LIMIT", 2)
    reader = member()
    for text in ("en", "to", "tre"):
        host.emit("send", {"channel": f"room:{room.id}", "body": text})
    first = reader.emit("catch_up", {"channel": f"room:{room.id}", "after_seq": 0})
    assert ([e["seq"] for e in first["events"]], first["more"]) == ([1, 2], True)
    rest = reader.emit("catch_up", {"channel": f"room:{room.id}", "after_seq": 2})
    assert ([e["seq"] for e in rest["events"]], rest["more"]) == ([3], False)
    back = reader.emit("join", {"room_id": room.id, "after_seq": 0})
    assert ([e["seq"] for e in back["events"]], back["more"]) == ([1, 2], True)


def test_leaving_on_purpose_ends_membership_and_coming_back_starts_afresh(room, host, member):
    reader = member()
    host.emit("send", {"channel": f"room:{room.id}", "body": "før"})
    assert reader.emit("leave", {"room_id": room.id})["ok"]
    assert host.received("presence")[-1]["present"] == 1
    reader.received()
    host.emit("send", {"channel": f"room:{room.id}", "body": "mens du var væk"})
    assert reader.received("chat_message") == []
    refused = reader.emit("send", {"channel": f"room:{room.id}", "body": "hallo"})
    assert refused["error"]["code"] == "forbidden"
    again = reader.emit("join", {"room_id": room.id, "after_seq": 0})
    assert again["events"] == []
    host.emit("send", {"channel": f"room:{room.id}", "body": "velkommen tilbage"})
    assert [m["text"] for m in reader.received("chat_message")] == ["velkommen tilbage"]
