"""Real server processes for socket tests: ``python -m app`` on loopback, and a
signed-in person with a real WebSocket to one of them.

Used where the Flask-SocketIO test client, which bypasses Engine.IO, cannot
show the point: several processes sharing Redis, or the transport's own limits.
"""

import queue
import re
import subprocess
import time
from collections.abc import Iterable

import requests
import socketio as socketio_client

from bench._servers import start_app
from tests.conftest import PASSWORD

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def start_server(
    database_url: str, port: int, *, message_queue: str | None = None, channel: str | None = None
) -> subprocess.Popen:
    """A development server for a socket test, its errors kept for the report."""
    return start_app(
        database_url,
        port,
        secret="socket-test-shared-secret",
        message_queue=message_queue,
        channel=channel,
    )


class Browser:
    """A signed-in person with a WebSocket to one server process; the events
    named in ``events`` (and disconnects) are queued for ``next_event``."""

    def __init__(
        self,
        port: int,
        alias: str,
        events: Iterable[str] = ("chat_message", "removal", "session_ended"),
    ) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.http = requests.Session()
        form = self.http.get(f"{self.base}/login", timeout=5).text
        token = CSRF.search(form).group(1)
        answer = self.http.post(
            f"{self.base}/login",
            data={"login": alias, "password": PASSWORD, "csrf_token": token},
            allow_redirects=False,
            timeout=10,
        )
        assert answer.status_code == 302, answer.text[:500]
        self.events: queue.Queue = queue.Queue()
        self.sio = socketio_client.Client(reconnection=False)
        for name in events:
            self.sio.on(name, lambda data=None, name=name: self.events.put((name, data)))
        self.sio.on("disconnect", lambda *args: self.events.put(("disconnect", None)))
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        self.sio.connect(self.base, headers={"Cookie": cookie}, transports=["websocket"])

    def call(self, event: str, data: dict) -> dict:
        return self.sio.call(event, data, timeout=10)

    def next_event(self, name: str, seconds: float = 10) -> object:
        """The data of the next ``name`` event; fails if none comes in time."""
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
