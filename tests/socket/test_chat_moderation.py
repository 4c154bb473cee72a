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
    assert writer.received("room_closed") == [{"room_id": room.id}]
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
