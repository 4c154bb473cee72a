"""Every message passes the engine before delivery; history is complete and in order."""

import pytest
from sqlalchemy import func, select

from community.chat.models import ChatMessage, MessageState
from community.review.models import ReviewItem
from community.review.services import open_items

CLEAN = "Hej alle sammen, hvordan går det?"
PROFANE = "det er fandme noget lort"
LINK = "se min side https://example.com/x"
PHONE = "ring til mig på 22 33 44 55"
CRISIS = "jeg har pillerne klar og vil ende det i aften"


def send(socket, room, body):
    return socket.emit("send", {"channel": f"room:{room.id}", "body": body})


def messages_to(socket):
    return list(socket.received("chat_message"))


def test_a_clean_message_is_stored_then_delivered_to_everyone_in_the_room(
    room, host, member, session
):
    writer, reader = member(), member("moderator")
    answer = send(writer, room, CLEAN)
    assert answer["ok"]
    assert answer["status"] == "delivered"
    assert answer["seq"] == 1
    stored = session.scalar(select(ChatMessage))
    assert (stored.seq, stored.state) == (1, MessageState.DELIVERED)
    for socket in (writer, reader, host):
        delivered = messages_to(socket)
        assert [(m["seq"], m["text"], m["author"]) for m in delivered] == [
            (1, CLEAN, "follower-user")
        ]


def test_profanity_is_delivered_censored(room, host, member):
    writer = member()
    assert send(writer, room, PROFANE)["status"] == "delivered"
    assert messages_to(host)[0]["text"] == "det er ****** noget ****"


def test_a_doubtful_message_is_held_and_the_moderators_are_told(
    room, host, member, socket_for, user_of, session
):
    moderator = socket_for(user_of("moderator"))
    writer = member()
    answer = send(writer, room, LINK)
    assert answer["status"] == "held"
    assert answer["seq"] is None
    assert messages_to(host) == []
    assert [h["text"] for h in moderator.received("held")] == [LINK]
    item = session.scalar(select(ReviewItem))
    assert (item.subject_type, item.urgent) == ("chat_message", False)


def test_a_blocked_message_is_not_stored_and_the_writer_sees_guideline_and_part(
    room, host, member, session
):
    writer = member()
    answer = send(writer, room, PHONE)
    assert answer["status"] == "blocked"
    problem = answer["problems"][0]
    assert problem["guideline"] == 1
    assert PHONE[problem["start"] : problem["end"]] == "22 33 44 55"
    assert problem["explanation"]["da"]
    assert problem["explanation"]["en"]
    assert session.scalar(select(func.count(ChatMessage.id))) == 0
    assert messages_to(host) == []


def test_a_crisis_brings_helplines_and_an_urgent_alert_first_in_the_queue(
    room, host, member, socket_for, user_of, session, clock
):
    moderator = socket_for(user_of("moderator"))
    writer = member()
    assert send(writer, room, LINK)["status"] == "held"
    answer = send(writer, room, CRISIS)
    assert answer["crisis"] is True
    assert answer["status"] == "held"
    assert [a["text"] for a in host.received("crisis_alert")] == [CRISIS]
    assert [a["text"] for a in moderator.received("crisis_alert")] == [CRISIS]
    queue = open_items(session, user_of("moderator")).items
    assert queue[0].urgent
    assert session.get(ChatMessage, queue[0].subject_id).body == CRISIS
    assert messages_to(host) == []


def test_the_crisis_panel_on_the_page_lists_the_helplines(room, login_as, user_of):
    page = login_as(user_of("follower")).get(f"/chat/rooms/{room.id}").get_data(as_text=True)
    for number in ("70 201 201", "116 111", "112"):
        assert number in page


def test_an_approved_message_is_delivered_then(room, host, member, socket_for, user_of):
    moderator = socket_for(user_of("moderator"))
    writer = member()
    held = send(writer, room, LINK)
    answer = moderator.emit("decide", {"message_id": held["id"], "action": "approve"})
    assert answer["ok"], answer
    delivered = messages_to(host)
    assert [(m["seq"], m["text"]) for m in delivered] == [(1, LINK)]
    assert writer.received("message_status")[-1]["status"] == MessageState.DELIVERED


def test_a_rejected_message_is_never_delivered(room, host, member, socket_for, user_of):
    moderator = socket_for(user_of("moderator"))
    writer = member()
    held = send(writer, room, LINK)
    assert moderator.emit("decide", {"message_id": held["id"], "action": "reject"})["ok"]
    assert messages_to(host) == []
    assert writer.received("message_status")[-1]["status"] == MessageState.REJECTED


def test_a_reconnecting_member_gets_every_missed_event_once_and_in_order(
    room, host, member, socket_for, user_of
):
    reader = member()
    send(host, room, "en")
    seen = messages_to(reader)
    assert [m["seq"] for m in seen] == [1]
    reader.disconnect()
    moderator = socket_for(user_of("moderator"))
    moderator.emit("watch", {"room_id": room.id})
    for text in ("to", "tre", "fire"):
        send(host, room, text)
    removed = moderator.emit("remove_message", {"message_id": seen[0]["id"]})
    assert removed["ok"]
    back = socket_for(user_of("follower"))
    answer = back.emit("join", {"room_id": room.id, "after_seq": 1})
    events = answer["events"]
    assert [(e["type"], e["seq"]) for e in events] == [
        ("message", 2),
        ("message", 3),
        ("message", 4),
        ("removal", 5),
    ]
    assert events[-1]["message_seq"] == 1
    again = back.emit("catch_up", {"channel": f"room:{room.id}", "after_seq": 5})
    assert again["events"] == []


def test_a_new_member_sees_only_what_was_said_after_joining(room, host, member):
    send(host, room, "før du kom")
    newcomer = member()
    assert newcomer.emit("catch_up", {"channel": f"room:{room.id}", "after_seq": 0})["events"] == []
    send(host, room, "efter du kom")
    answer = newcomer.emit("history", {"channel": f"room:{room.id}"})
    assert [e["text"] for e in answer["events"]] == ["efter du kom"]


def test_history_pages_backwards_by_sequence(room, host, member, app):
    reader = member()
    for n in range(1, 56):
        send(host, room, f"besked {n}")
    first = reader.emit("history", {"channel": f"room:{room.id}"})
    assert first["earlier"]
    assert len(first["events"]) == 50
    assert first["events"][0]["seq"] == 6
    rest = reader.emit("history", {"channel": f"room:{room.id}", "before_seq": 6})
    assert [e["seq"] for e in rest["events"]] == [1, 2, 3, 4, 5]
    assert not rest["earlier"]


@pytest.fixture(autouse=True)
def _generous_rate(app):
    """History tests send many messages; the rate limit has tests of its own."""
    before = app.config["CHAT_RATE_LIMIT_MESSAGES"]
    app.config["CHAT_RATE_LIMIT_MESSAGES"] = 1000
    yield
    app.config["CHAT_RATE_LIMIT_MESSAGES"] = before
