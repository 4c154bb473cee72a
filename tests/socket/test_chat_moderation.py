"""Moderators in live chat: remove, mute, take out, close, all in the audit log."""

from sqlalchemy import select

from community.audit import AuditEntry


def send(socket, room, body):
    return socket.emit("send", {"channel": f"room:{room.id}", "body": body})


def actions(session):
    return [a for a in session.scalars(select(AuditEntry.action)) if a.startswith("chat.")]


def test_a_removed_message_disappears_for_everyone_at_once(
    room, host, member, socket_for, user_of, session
):
    writer, reader = member(), member("coordinator")
    moderator = socket_for(user_of("moderator"))
    moderator.emit("watch", {"room_id": room.id})
    sent = send(writer, room, "noget der skal væk")
    answer = moderator.emit("remove_message", {"message_id": sent["id"]})
    assert answer["ok"]
    for socket in (writer, reader, host, moderator):
        removal = socket.received("removal")
        assert removal == [
            {
                "type": "removal",
                "channel": f"room:{room.id}",
                "seq": 2,
                "id": sent["id"],
                "message_seq": 1,
            }
        ]
    assert "chat.message.remove" in actions(session)


def test_a_muted_person_is_stopped_at_once_and_told(
    room, host, member, socket_for, user_of, session
):
    writer = member()
    moderator = socket_for(user_of("moderator"))
    sent = send(writer, room, "hej")
    assert moderator.emit("mute", {"message_id": sent["id"], "minutes": 10})["ok"]
    assert writer.received("muted")
    refused = send(writer, room, "hej igen")
    assert refused["error"]["code"] == "forbidden"
    assert "chat.user.mute" in actions(session)


def test_a_mute_ends_when_its_time_is_up(room, host, member, socket_for, user_of, clock):
    writer = member()
    moderator = socket_for(user_of("moderator"))
    moderator.emit("mute", {"alias": "follower-user", "minutes": 10})
    clock.advance(minutes=11)
    writer.emit("heartbeat", {})
    host.emit("heartbeat", {})
    assert send(writer, room, "tilbage")["status"] == "delivered"


def test_a_person_taken_out_of_the_room_stops_receiving_and_cannot_rejoin(
    room, host, member, socket_for, user_of, session
):
    writer = member()
    moderator = socket_for(user_of("moderator"))
    answer = moderator.emit("remove_user", {"room_id": room.id, "alias": "follower-user"})
    assert answer["ok"], answer
    assert writer.received("removed_from_room")
    send(host, room, "efter fjernelsen")
    assert writer.received("chat_message") == []
    assert writer.emit("join", {"room_id": room.id})["error"]["code"] == "forbidden"
    assert "chat.user.remove" in actions(session)


def test_closing_the_room_sends_everyone_out(room, host, member, socket_for, user_of, session):
    writer = member()
    moderator = socket_for(user_of("moderator"))
    assert moderator.emit("close_room", {"room_id": room.id})["ok"]
    events = writer.raw.get_received()
    assert [e["args"][0] for e in events if e["name"] == "room_closed"] == [{"room_id": room.id}]
    # Everyone who was in the room hears that it is closed now, not only moderators.
    presence = [e["args"][0] for e in events if e["name"] == "presence"]
    assert presence[-1]["is_open"] is False
    assert writer.emit("join", {"room_id": room.id})["error"]["code"] == "forbidden"
    assert send(host, room, "er her nogen?")["error"]["code"] == "forbidden"
    assert "chat.room.close" in actions(session)


def test_a_host_can_open_a_closed_room_again(room, host, member, socket_for, user_of):
    moderator = socket_for(user_of("moderator"))
    moderator.emit("close_room", {"room_id": room.id})
    assert host.emit("open_room", {"room_id": room.id})["status"]["is_open"] is False
    assert host.emit("join", {"room_id": room.id})["status"]["is_open"] is True
    assert member()


def test_typing_reaches_the_others_but_not_the_writer(room, host, member):
    writer, reader = member(), member("coordinator")
    assert writer.emit("typing", {"channel": f"room:{room.id}"})["ok"]
    assert reader.received("typing") == [{"channel": f"room:{room.id}", "alias": "follower-user"}]
    assert writer.received("typing") == []


def test_presence_shows_hosts_and_counts_aliases_only(room, host, member):
    member()
    status = host.received("presence")[-1]
    assert status["hosts"] == ["peer-user"]
    assert status["present"] == 2
    assert set(status) == {"room_id", "is_open", "hosts", "free_hosts", "present", "waiting"}


def test_leaving_ends_membership_and_disconnecting_keeps_it(room, host, member):
    writer = member()
    writer.disconnect()
    assert host.received("presence")[-1]["present"] == 1


CRISIS = "jeg har pillerne klar og i nat gør jeg det"


def test_a_muted_person_who_writes_a_crisis_gets_helplines_and_moderators_are_alerted(
    room, host, member, socket_for, user_of
):
    writer = member()
    moderator = socket_for(user_of("moderator"))
    moderator.emit("mute", {"alias": "follower-user", "minutes": 10})
    plain = send(writer, room, "hej igen")
    assert plain["error"]["code"] == "forbidden"
    assert "pause" in plain["error"]["message"]
    answer = send(writer, room, CRISIS)
    assert answer["crisis"] is True
    assert answer["status"] == "held"
    assert moderator.received("crisis_alert")
    assert host.received("crisis_alert")


def test_a_crisis_past_the_rate_limit_is_still_held_and_alerted(
    room, host, member, socket_for, user_of
):
    writer = member()
    moderator = socket_for(user_of("moderator"))
    for n in range(5):
        assert send(writer, room, f"besked {n}")["status"] == "delivered"
    assert send(writer, room, "en til")["error"]["code"] == "rate_limited"
    answer = send(writer, room, CRISIS)
    assert answer["crisis"] is True
    assert moderator.received("crisis_alert")


def test_a_crisis_in_a_room_that_just_closed_reaches_the_moderators(
    room, host, member, socket_for, user_of
):
    writer = member()
    moderator = socket_for(user_of("moderator"))
    assert host.emit("leave", {"room_id": room.id})["ok"]
    assert send(writer, room, "hallo?")["error"]["code"] == "forbidden"
    answer = send(writer, room, CRISIS)
    assert answer["crisis"] is True
    assert moderator.received("crisis_alert")
