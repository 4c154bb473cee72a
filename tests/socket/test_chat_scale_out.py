"""Two server processes share rooms through Redis (and one database).

Starts ``python -m app`` twice on loopback with the same SECRET_KEY, database
and SOCKETIO_MESSAGE_QUEUE, connects real WebSocket clients to each, and shows
that a message, a moderator's removal and a logout cross from one process to
the other.
"""

import os
import queue
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import socketio as socketio_client

from app.extensions import db
from tests.conftest import PASSWORD
from tests.socket.conftest import make_room

REDIS_URL = os.environ.get("REDIS_URL")
ROOT = Path(__file__).resolve().parents[2]
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')

pytestmark = [
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set: no Redis to share rooms"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(database_url: str, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "SOCKETIO_MESSAGE_QUEUE": REDIS_URL,
        "SECRET_KEY": "scale-out-test-shared-secret",
        "PORT": str(port),
        "HOST": "127.0.0.1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_until_serving(port: int, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode()[-2000:])
        try:
            if requests.get(f"http://127.0.0.1:{port}/chat/", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise TimeoutError(f"server on {port} did not start")


class Browser:
    """A signed-in person with a WebSocket to one server process."""

    def __init__(self, port: int, alias: str) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.http = requests.Session()
        form = self.http.get(f"{self.base}/login", timeout=5).text
        token = _CSRF.search(form).group(1)
        answer = self.http.post(
            f"{self.base}/login",
            data={"login": alias, "password": PASSWORD, "csrf_token": token},
            allow_redirects=False,
            timeout=10,
        )
        assert answer.status_code == 302, answer.text[:500]
        self.events: queue.Queue = queue.Queue()
        self.sio = socketio_client.Client(reconnection=False)
        for name in ("chat_message", "removal", "session_ended"):
            self.sio.on(name, lambda data=None, name=name: self.events.put((name, data)))
        self.sio.on("disconnect", lambda *args: self.events.put(("disconnect", None)))
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        self.sio.connect(self.base, headers={"Cookie": cookie}, transports=["websocket"])

    def call(self, event: str, data: dict) -> dict:
        return self.sio.call(event, data, timeout=10)

    def next_event(self, name: str, seconds: float = 10) -> object:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                got, data = self.events.get(timeout=max(0.05, deadline - time.monotonic()))
            except queue.Empty:
                break
            if got == name:
                return data
        raise AssertionError(f"no {name} within {seconds} s")

    def close(self) -> None:
        if self.sio.connected:
            self.sio.disconnect()


@pytest.fixture
def two_servers(app):
    database_url = str(db.engine.url.render_as_string(hide_password=False))
    ports = [free_port(), free_port()]
    processes = [start_server(database_url, port) for port in ports]
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_until_serving(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


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
        token = _CSRF.search(form).group(1)
        follower_on_a.post(
            f"http://127.0.0.1:{port_a}/logout", data={"csrf_token": token}, timeout=10
        )
        follower.next_event("disconnect")
    finally:
        for browser in (host, follower, moderator):
            browser.close()
