"""Real ``python -m app`` processes on loopback, for the chat benchmark and the
socket tests that need real processes (several sharing Redis, or Engine.IO's own
limits). Not a benchmark itself (the leading underscore keeps it off the list)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def unique_channel(purpose: str) -> str:
    """A Socket.IO message-queue channel of this run's own: Redis pub/sub ignores
    the database index, so runs sharing one Redis must not share a channel."""
    return f"ungtilung-{purpose}-{uuid.uuid4().hex}"


def start_app(
    database_url: str,
    port: int,
    *,
    secret: str,
    message_queue: str | None = None,
    channel: str | None = None,
    settings: dict[str, str] | None = None,
    keep_errors: bool = True,
) -> subprocess.Popen:
    """Start a development server on ``port``; with ``message_queue`` it shares
    rooms with the other processes on the same queue and ``channel``. Without
    ``keep_errors`` its error output is dropped (a long run would fill the pipe)."""
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secret,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        **(settings or {}),
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
        stderr=subprocess.PIPE if keep_errors else subprocess.DEVNULL,
    )


def wait_until_serving(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    """Return once ``port`` accepts connections; raise with the server's last
    words if it stopped, or after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            last_words = process.stderr.read().decode()[-2000:] if process.stderr else ""
            raise RuntimeError(f"the server on port {port} stopped: {last_words}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"no server on port {port}")


def stop(processes) -> None:
    """Stop the servers, killing any that do not stop within ten seconds."""
    processes = list(processes)
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
