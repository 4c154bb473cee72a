"""Private talks: ask, wait in line, a host accepts, either side ends, one question after."""

from sqlalchemy import select

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
