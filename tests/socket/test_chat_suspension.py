"""Suspension reaches open chats at once: the suspended person's sockets are told
and closed, a new connection is refused, and only moderators may suspend."""

from datetime import timedelta

from sqlalchemy import select

from community.accounts.models import Suspension
from community.audit import AuditEntry

REASON = {"days": 7, "guideline": 3, "reason": "Hånede en anden i chatten."}


def send(socket, room, body):
    return socket.emit("send", {"channel": f"room:{room.id}", "body": body})


def test_a_moderator_suspends_from_a_message_and_every_socket_closes_at_once(
    room, host, member, socket_for, user_of, session
):
    writer = member()
    elsewhere = socket_for(user_of("follower"))  # the same person in another browser
    moderator = socket_for(user_of("moderator"))
    sent = send(writer, room, "hej")
    answer = moderator.emit("suspend", {"message_id": sent["id"], **REASON})
    assert answer["ok"], answer
    for socket in (writer, elsewhere):
        assert socket.received("session_ended") == [{}]
        assert not socket.connected
    assert host.connected
    assert moderator.connected
    suspension = session.scalar(select(Suspension))
    assert suspension.user_id == user_of("follower").id
    assert answer["until"] == suspension.until.isoformat()
    assert session.scalar(select(AuditEntry.id).where(AuditEntry.action == "account.suspend"))


def test_a_suspension_from_the_web_form_closes_open_sockets_too(
    moderator_client, socket_for, user_of
):
    socket = socket_for(user_of("follower"))
    response = moderator_client.submit(
        "/moderation/users/follower-user", {**REASON, "days": "7", "guideline": "3"}
    )
    assert response.status_code == 302
    assert socket.received("session_ended") == [{}]
    assert not socket.connected


def test_a_suspended_login_cannot_connect_or_act(
    login_as, socket_for, user_of, session, clock, room, host
):
    follower = user_of("follower")
    browser = login_as(follower)
    open_socket = socket_for(follower, browser)
    # Recorded without ending the login (as a later tool might): the login
    # itself must no longer count, for a new socket and at the next event.
    session.add(
        Suspension(
            user_id=follower.id,
            until=clock() + timedelta(days=1),
            guideline=2,
            reason="test",
            created_at=clock(),
        )
    )
    session.commit()
    assert not socket_for(follower, browser).connected
    answer = open_socket.emit("join", {"room_id": room.id})
    assert answer["error"]["code"] == "signed_out"
    assert not open_socket.connected


def test_a_follower_cannot_suspend(room, host, member, socket_for, user_of, session):
    follower = member()
    answer = follower.emit("suspend", {"alias": "peer-user", **REASON})
    assert answer["ok"] is False
    assert answer["error"]["code"] == "forbidden"
    # Not even whether a message exists is revealed.
    assert follower.emit("suspend", {"message_id": 999, **REASON})["error"]["code"] == "forbidden"
    assert host.connected
    assert session.scalar(select(Suspension)) is None


def test_a_moderator_cannot_suspend_staff_and_bad_input_is_explained(
    room, host, member, socket_for, user_of, session
):
    member("coordinator")
    moderator = socket_for(user_of("moderator"))
    refused = moderator.emit("suspend", {"alias": "coordinator-user", **REASON})
    assert refused["error"]["code"] == "forbidden"
    invalid = moderator.emit("suspend", {"alias": "peer-user", **REASON, "days": 365})
    assert (invalid["error"]["code"], invalid["error"]["field"]) == ("invalid", "days")
    assert host.connected
    assert session.scalar(select(Suspension)) is None
