"""Who may connect, and how an ended login loses its sockets at once."""

from sqlalchemy import select

from app.extensions import socketio
from community.accounts.models import LoginSession
from community.chat.models import ChatConnection
from tests.conftest import PASSWORD
from tests.socket.conftest import SocketClient


def test_a_visitor_without_a_login_is_refused(app, client):
    socket = SocketClient(app, client)
    assert not socket.connected


def test_a_signed_in_person_connects_and_the_socket_is_recorded_without_an_address(
    socket_for, user_of, session
):
    socket = socket_for(user_of("follower"))
    assert socket.connected
    connection = session.scalar(select(ChatConnection))
    assert len(connection.token_hash) == 64
    assert {c.name for c in ChatConnection.__table__.columns} == {
        "id",
        "sid",
        "token_hash",
        "connected_at",
        "seen_at",
    }


def test_a_connection_from_a_foreign_origin_is_refused(socket_for, user_of):
    foreign = socket_for(user_of("follower"), headers={"Origin": "https://evil.example"})
    assert not foreign.connected
    same = socket_for(user_of("follower"), headers={"Origin": "http://localhost"})
    assert same.connected


def test_the_same_host_with_another_scheme_is_a_foreign_origin(socket_for, user_of):
    assert not socket_for(user_of("follower"), headers={"Origin": "https://localhost"}).connected
    # Behind a proxy that says the page was served over HTTPS, HTTPS is our own.
    proxied = {"Origin": "https://localhost", "X-Forwarded-Proto": "https"}
    assert socket_for(user_of("follower"), headers=proxied).connected


def test_configured_origins_are_the_only_ones_allowed_scheme_and_all(
    app, socket_for, user_of, monkeypatch
):
    monkeypatch.setitem(app.config, "SOCKETIO_ALLOWED_ORIGINS", ["https://chat.example.org"])
    user = user_of("follower")
    assert socket_for(user, headers={"Origin": "https://chat.example.org"}).connected
    for origin in (
        "http://chat.example.org",
        "https://chat.example.org.evil.example",
        "http://localhost",
    ):
        assert not socket_for(user, headers={"Origin": origin}).connected, origin


def test_socketio_never_allows_every_origin(app):
    assert socketio.server.eio.cors_allowed_origins not in ("*", ["*"])


def test_signing_out_closes_the_sockets_of_that_login_at_once(login_as, user_of, socket_for):
    user = user_of("follower")
    browser = login_as(user)
    socket = socket_for(user, browser)
    elsewhere = socket_for(user)
    browser.submit("/logout")
    assert not socket.connected
    assert elsewhere.connected


def test_changing_the_password_closes_the_other_logins_sockets(login_as, user_of, socket_for):
    user = user_of("follower")
    here = login_as(user)
    other_socket = socket_for(user)
    own_socket = socket_for(user, here)
    response = here.submit(
        "/settings/password",
        {
            "current_password": PASSWORD,
            "new_password": "et-helt-nyt-kodeord-77",
            "new_password_confirm": "et-helt-nyt-kodeord-77",
        },
    )
    assert response.status_code == 302
    assert not other_socket.connected
    assert own_socket.connected


def test_deleting_the_account_closes_its_sockets(login_as, user_of, socket_for):
    user = user_of("follower")
    browser = login_as(user)
    socket = socket_for(user, browser)
    assert browser.submit("/settings/delete", {"password": PASSWORD}).status_code == 302
    assert not socket.connected


def test_an_ended_login_fails_at_its_very_next_event(socket_for, user_of, session, room, host):
    socket = socket_for(user_of("follower"))
    # End the login behind the socket's back (as another server process would).
    hashed = session.scalar(select(ChatConnection.token_hash).order_by(ChatConnection.id.desc()))
    token_row = session.scalar(select(LoginSession).where(LoginSession.token_hash == hashed))
    session.delete(token_row)
    session.commit()
    answer = socket.emit("join", {"room_id": room.id})
    assert answer["ok"] is False
    assert answer["error"]["code"] == "signed_out"
    assert not socket.connected


def test_a_host_is_offered_to_open_the_room_only_while_it_is_closed(peer_client, room, host):
    # ``host`` (the same peer) has joined, so the room is open: no "open now" button.
    open_page = peer_client.get(f"/chat/rooms/{room.id}").get_data(as_text=True)
    assert 'id="chat-open" hidden' in open_page
    assert host.emit("leave", {"room_id": room.id})["ok"]
    closed_page = peer_client.get(f"/chat/rooms/{room.id}").get_data(as_text=True)
    assert 'id="chat-open">' in closed_page
