"""Real server processes for socket tests: ``python -m app`` on loopback, and a
signed-in person with a real WebSocket to one of them.

Used where the Flask-SocketIO test client, which bypasses Engine.IO, cannot
show the point: several processes sharing Redis, or the transport's own limits.
"""

import os
import queue
import re
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

import requests
import socketio as socketio_client

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unique_channel(purpose: str) -> str:
    """A Socket.IO message-queue channel of this run's own: Redis pub/sub ignores
    the database index, so runs sharing one Redis must not share a channel."""
    return f"ungtilung-{purpose}-{uuid.uuid4().hex}"


def start_server(
    database_url: str, port: int, *, message_queue: str | None = None, channel: str | None = None
) -> subprocess.Popen:
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "socket-test-shared-secret",
        "PORT": str(port),
        "HOST": "127.0.0.1",
    }
    env.pop("SOCKETIO_MESSAGE_QUEUE", None)
    env.pop("SOCKETIO_CHANNEL", None)
    if message_queue:
        env["SOCKETIO_MESSAGE_QUEUE"] = message_queue
    if channel:
        env["SOCKETIO_CHANNEL"] = channel
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


def stop(processes: Iterable[subprocess.Popen]) -> None:
    processes = list(processes)
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


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
