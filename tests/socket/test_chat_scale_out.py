"""Two server processes share rooms through Redis (and one database).

Starts ``python -m app`` twice on loopback with the same SECRET_KEY, database,
SOCKETIO_MESSAGE_QUEUE and a SOCKETIO_CHANNEL of the run's own, connects real
WebSocket clients to each, and shows that a message, a moderator's removal and
a logout cross from one process to the other.
"""

import os

import pytest
import requests

from app.extensions import db
from bench._servers import free_port, stop, unique_channel, wait_until_serving
from tests.socket.conftest import make_room
from tests.socket.servers import CSRF, Browser, start_server

REDIS_URL = os.environ.get("REDIS_URL")

pytestmark = [
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: no Redis to share rooms"),
]


@pytest.fixture
def two_servers(app):
    """Two processes on one database and one Redis, on a channel of this run's own
    (so a concurrent run on the same Redis never hears this one's events)."""
    database_url = str(db.engine.url.render_as_string(hide_password=False))
    channel = unique_channel("scale-out")
    ports = [free_port(), free_port()]
    processes = [
        start_server(database_url, port, message_queue=REDIS_URL, channel=channel) for port in ports
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_until_serving(port, process)
        yield ports
    finally:
        stop(processes)


def test_messages_removals_and_logouts_cross_between_processes(
    two_servers, user_of, session, clock
):
    room = make_room(session, clock)
    host_user, follower_user, moderator_user = (
        user_of("peer"),
        user_of("follower"),
        user_of("moderator"),
    )
    session.commit()
    port_a, port_b = two_servers
    host = Browser(port_a, host_user.alias)
    follower = Browser(port_b, follower_user.alias)
    moderator = Browser(port_a, moderator_user.alias)
    try:
        assert host.call("join", {"room_id": room.id})["ok"]
        assert follower.call("join", {"room_id": room.id})["ok"]
        assert moderator.call("watch", {"room_id": room.id})["ok"]

        sent = host.call("send", {"channel": f"room:{room.id}", "body": "Hej fra proces A"})
        assert sent["status"] == "delivered"
        delivered = follower.next_event("chat_message")
        assert delivered["text"] == "Hej fra proces A"

        assert moderator.call("remove_message", {"message_id": sent["id"]})["ok"]
        removal = follower.next_event("removal")
        assert removal["message_seq"] == delivered["seq"]

        # The follower signs out through process A; their socket on B is closed.
        follower_on_a = requests.Session()
        follower_on_a.cookies.update(follower.http.cookies)
        form = follower_on_a.get(f"http://127.0.0.1:{port_a}/settings", timeout=5).text
        token = CSRF.search(form).group(1)
        follower_on_a.post(
            f"http://127.0.0.1:{port_a}/logout", data={"csrf_token": token}, timeout=10
        )
        follower.next_event("disconnect")
    finally:
        for browser in (host, follower, moderator):
            browser.close()
