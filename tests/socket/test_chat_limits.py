"""Past a limit the sender gets a clear error event, and nothing else breaks."""

from community.chat.models import ChatRoom


def send(socket, room, body):
    return socket.emit("send", {"channel": f"room:{room.id}", "body": body})


def test_a_message_over_the_length_limit_is_refused_with_a_clear_error(room, host, member):
    writer = member()
    answer = send(writer, room, "x" * 1001)
    assert answer["error"]["code"] == "invalid"
    assert "1000" in answer["error"]["message"]
    assert writer.received("chat_error")[-1]["event"] == "send"
    assert send(writer, room, "x" * 1000)["status"] == "delivered"


def test_an_empty_message_is_refused(room, host, member):
    assert send(member(), room, "   ")["error"]["field"] == "body"


def test_the_sixth_message_within_ten_seconds_is_refused_and_the_socket_lives_on(
    room, host, member, app
):
    writer = member()
    statuses = [send(writer, room, f"hej {n}").get("status") for n in range(5)]
    assert statuses == ["delivered"] * 5
    refused = send(writer, room, "en for meget")
    assert refused["error"]["code"] == "rate_limited"
    assert writer.connected
    assert writer.emit("heartbeat", {})["ok"]
    # Someone else is not slowed down by it.
    assert send(host, room, "værten skriver")["status"] == "delivered"


def test_an_event_larger_than_the_chat_accepts_is_refused(room, host, member, app):
    writer = member()
    answer = writer.emit("typing", {"channel": f"room:{room.id}", "x": "y" * 9000})
    assert answer["error"]["code"] == "too_large"
    assert writer.connected
    assert send(writer, room, "stadig her")["status"] == "delivered"


def test_a_full_room_refuses_one_more_member_but_not_a_host(
    room, host, member, socket_for, user_of, session, make_user
):
    session.get(ChatRoom, room.id).max_members = 1
    session.commit()
    member()
    late = socket_for(make_user("sentkommer"))
    answer = late.emit("join", {"room_id": room.id})
    assert answer["error"]["code"] == "forbidden"
    moderator = socket_for(user_of("moderator"))
    assert moderator.emit("join", {"room_id": room.id})["ok"]


def test_a_flood_of_events_from_one_socket_is_refused(room, host, member, app):
    writer = member()
    answers = [writer.emit("heartbeat", {}) for _ in range(app.config["CHAT_EVENT_LIMIT_PER_10S"])]
    assert all(a["ok"] for a in answers[:-5])
    assert writer.emit("heartbeat", {})["error"]["code"] == "rate_limited"


def test_bad_input_gets_an_error_not_a_crash(room, host, member):
    writer = member()
    for event, payload in [
        ("join", {"room_id": "abc"}),
        ("join", None),
        ("send", {"channel": "nowhere", "body": "hej"}),
        ("send", {"channel": "room:999999", "body": "hej"}),
        ("catch_up", {"channel": f"room:{room.id}", "after_seq": -1}),
        ("rate_talk", {"talk_id": 1, "helped": "ti"}),
    ]:
        answer = writer.emit(event, payload)
        assert answer["ok"] is False, (event, answer)
        assert answer["error"]["code"] in {"invalid", "not_found", "forbidden"}
    assert writer.connected
