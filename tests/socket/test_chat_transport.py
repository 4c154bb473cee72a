"""The transport under the chat: past the chat's payload limit the sender gets a
clear error event over a real WebSocket too, and processes sharing a message
queue use the channel the settings name.

The Flask-SocketIO test client bypasses Engine.IO, so the payload test runs
``python -m app`` and connects a real client to it.
"""

import pytest

from app.extensions import db, socketio
from bench._servers import free_port, stop, wait_until_serving
from tests.socket.conftest import make_room
from tests.socket.servers import Browser, start_server


@pytest.fixture
def server(app):
    """One development server on the test database, without a message queue."""
    database_url = str(db.engine.url.render_as_string(hide_password=False))
    port = free_port()
    process = start_server(database_url, port)
    try:
        wait_until_serving(port, process)
        yield port
    finally:
        stop([process])


@pytest.mark.slow
def test_a_payload_just_over_the_chat_limit_gets_an_error_event_and_the_socket_lives_on(
    server, app, session, clock, user_of
):
    room = make_room(session, clock)
    user_of("peer")
    session.commit()
    host = Browser(server, "peer-user", events=("chat_error",))
    try:
        assert host.call("join", {"room_id": room.id})["ok"]
        # Just over the limit in UTF-8; this client escapes each "æ" to six bytes.
        filler = "æ" * (app.config["CHAT_EVENT_MAX_BYTES"] // 2 + 1)
        answer = host.call("typing", {"channel": f"room:{room.id}", "note": filler})
        assert answer["ok"] is False
        assert answer["error"]["code"] == "too_large"
        assert host.next_event("chat_error")["event"] == "typing"
        assert host.sio.connected
        sent = host.call("send", {"channel": f"room:{room.id}", "body": "stadig her"})
        assert sent["status"] == "delivered"
    finally:
        host.close()


def test_the_message_queue_channel_is_the_one_in_the_settings(app, monkeypatch):
    from app import _init_socketio

    options: dict = {}
    monkeypatch.setattr(socketio, "init_app", lambda app, **given: options.update(given))
    monkeypatch.setitem(app.config, "SOCKETIO_CHANNEL", "ungtilung-test-run")
    _init_socketio(app)
    assert options["channel"] == "ungtilung-test-run"
