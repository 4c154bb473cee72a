"""Private talks: ask, wait in line, a host accepts, either side ends, one question after."""

import pytest
from sqlalchemy import select

from community.accounts.models import Task
from community.chat.models import ChatTalk, TalkState


def test_a_follower_asks_a_host_accepts_and_they_talk_privately(room, host, member, session):
    follower, bystander = member(), member("coordinator")
    asked = follower.emit("request_talk", {"room_id": room.id})
    assert asked["state"] == "waiting"
    assert asked["position"] == 1
    assert host.received("talk_queue")[-1]["waiting"] == 1
    accepted = host.emit("accept_talk", {"room_id": room.id})
    assert accepted["with"] == "follower-user"
    started = follower.received("talk_started")[-1]
    assert started["with"] == "peer-user"
    channel = started["channel"]
    assert follower.emit("join_talk", {"talk_id": started["talk_id"]})["ok"]
    assert host.emit("join_talk", {"talk_id": started["talk_id"]})["ok"]
    sent = follower.emit("send", {"channel": channel, "body": "Kan vi tale lidt?"})
    assert sent["status"] == "delivered"
    assert host.received("chat_message")[-1]["text"] == "Kan vi tale lidt?"
    assert bystander.received("chat_message") == []
    refused = bystander.emit("join_talk", {"talk_id": started["talk_id"]})
    assert refused["error"]["code"] == "forbidden"


def test_when_every_host_is_busy_the_follower_sees_their_place_in_the_queue(
    room, host, member, make_user, socket_for
):
    first = member()
    second = socket_for(make_user("anden"))
    second.emit("join", {"room_id": room.id})
    first.emit("request_talk", {"room_id": room.id})
    host.emit("accept_talk", {"room_id": room.id})
    answer = second.emit("request_talk", {"room_id": room.id})
    assert answer["position"] == 1
    busy = host.emit("accept_talk", {"room_id": room.id})
    assert busy["error"]["code"] == "conflict"


def test_the_queue_moves_up_when_someone_ahead_withdraws(room, host, member, make_user, socket_for):
    first = member()
    second = socket_for(make_user("anden"))
    second.emit("join", {"room_id": room.id})
    mine = first.emit("request_talk", {"room_id": room.id})
    theirs = second.emit("request_talk", {"room_id": room.id})
    assert theirs["position"] == 2
    first.emit("end_talk", {"talk_id": mine["talk_id"]})
    assert second.received("queue_position")[-1] == {"talk_id": theirs["talk_id"], "position": 1}


def test_either_side_ends_and_the_follower_may_answer_once(room, host, member, session):
    follower = member()
    talk = follower.emit("request_talk", {"room_id": room.id})
    host.emit("accept_talk", {"room_id": room.id})
    assert host.emit("end_talk", {"talk_id": talk["talk_id"]})["ok"]
    assert follower.received("talk_ended")[-1]["ask_rating"] is True
    assert (
        follower.emit("rate_talk", {"talk_id": talk["talk_id"], "helped": 6})["error"]["field"]
        == "helped"
    )
    assert (
        host.emit("rate_talk", {"talk_id": talk["talk_id"], "helped": 5})["error"]["code"]
        == "forbidden"
    )
    assert follower.emit("rate_talk", {"talk_id": talk["talk_id"], "helped": 4})["ok"]
    again = follower.emit("rate_talk", {"talk_id": talk["talk_id"], "helped": 5})
    assert again["error"]["code"] == "conflict"
    stored = session.scalar(select(ChatTalk))
    assert (stored.state, stored.helped) == (TalkState.ENDED, 4)


def test_messages_in_an_ended_talk_are_refused(room, host, member):
    follower = member()
    talk = follower.emit("request_talk", {"room_id": room.id})
    host.emit("accept_talk", {"room_id": room.id})
    follower.emit("end_talk", {"talk_id": talk["talk_id"]})
    answer = follower.emit("send", {"channel": talk["channel"], "body": "hallo?"})
    assert answer["error"]["code"] == "forbidden"


LINK = "se min side https://example.com/x"


def _talking(room, host, member):
    """A follower and the host in an active talk, both following its channel."""
    follower = member()
    asked = follower.emit("request_talk", {"room_id": room.id})
    host.emit("accept_talk", {"room_id": room.id})
    assert follower.emit("join_talk", {"talk_id": asked["talk_id"]})["ok"]
    assert host.emit("join_talk", {"talk_id": asked["talk_id"]})["ok"]
    return follower, asked


def test_a_moderator_watches_a_talk_with_its_held_messages_and_a_removal_reaches_both_at_once(
    room, host, member, socket_for, user_of
):
    follower, talk = _talking(room, host, member)
    said = follower.emit("send", {"channel": talk["channel"], "body": "Tak fordi du tager dig tid"})
    held = follower.emit("send", {"channel": talk["channel"], "body": LINK})
    assert held["status"] == "held"
    moderator = socket_for(user_of("moderator"))
    watched = moderator.emit("join_talk", {"talk_id": talk["talk_id"]})
    assert watched["ok"], watched
    assert (watched["role"], watched["follower"], watched["host"]) == (
        "watcher",
        "follower-user",
        "peer-user",
    )
    assert [e["text"] for e in watched["events"]] == ["Tak fordi du tager dig tid"]
    assert [(h["id"], h["text"], h["channel"]) for h in watched["held"]] == [
        (held["id"], LINK, talk["channel"])
    ]
    for socket in (follower, host, moderator):
        socket.received()
    assert moderator.emit("remove_message", {"message_id": said["id"]})["ok"]
    for socket in (follower, host, moderator):
        assert [(r["id"], r["channel"]) for r in socket.received("removal")] == [
            (said["id"], talk["channel"])
        ]
    assert moderator.emit("decide", {"message_id": held["id"], "action": "approve"})["ok"]
    for socket in (follower, host, moderator):
        assert [m["text"] for m in socket.received("chat_message")] == [LINK]


def test_a_party_to_a_talk_is_not_shown_as_a_watcher(room, host, member):
    follower, talk = _talking(room, host, member)
    answer = follower.emit("join_talk", {"talk_id": talk["talk_id"]})
    assert (answer["role"], answer["with"], answer["held"]) == ("follower", "peer-user", [])


def test_taking_the_follower_out_of_the_room_ends_the_talk_and_the_host_is_told(
    room, host, member, socket_for, user_of, session
):
    follower, talk = _talking(room, host, member)
    host.received()
    moderator = socket_for(user_of("moderator"))
    assert moderator.emit("remove_user", {"room_id": room.id, "alias": "follower-user"})["ok"]
    assert host.received("talk_ended") == [
        {"talk_id": talk["talk_id"], "ask_rating": False, "reason": "removed"}
    ]
    assert follower.received("removed_from_room")
    assert session.get(ChatTalk, talk["talk_id"]).state == TalkState.ENDED


@pytest.mark.parametrize("going", ["leave", "disconnect"])
def test_waiting_requests_end_when_the_last_host_goes_and_the_followers_are_told(
    room, host, member, session, going
):
    follower = member()
    asked = follower.emit("request_talk", {"room_id": room.id})
    follower.received()
    if going == "leave":
        assert host.emit("leave", {"room_id": room.id})["ok"]
    else:
        host.disconnect()
    assert follower.received("talk_ended") == [
        {"talk_id": asked["talk_id"], "ask_rating": False, "reason": "no_host"}
    ]
    assert session.get(ChatTalk, asked["talk_id"]).state == TalkState.ENDED


def test_waiting_requests_stay_while_another_host_is_on_duty(
    room, host, member, make_user, socket_for, session
):
    other_host = socket_for(make_user("vaert2", tasks=(Task.CHAT,)))
    assert other_host.emit("join", {"room_id": room.id})["role"] == "host"
    follower = member()
    asked = follower.emit("request_talk", {"room_id": room.id})
    assert host.emit("leave", {"room_id": room.id})["ok"]
    assert follower.received("talk_ended") == []
    assert session.get(ChatTalk, asked["talk_id"]).state == TalkState.WAITING


def test_a_muted_follower_asking_for_a_talk_is_told_why(room, host, member, socket_for, user_of):
    follower = member()
    socket_for(user_of("moderator")).emit("mute", {"alias": "follower-user", "minutes": 10})
    answer = follower.emit("request_talk", {"room_id": room.id})
    assert answer["error"]["code"] == "forbidden"
    assert "pause" in answer["error"]["message"]
