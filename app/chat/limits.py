"""Limits for Socket.IO events, which Flask-Limiter does not see.

Messages per user are counted in Redis when the app shares a message queue
(so the limit holds across server processes) and in memory otherwise. Keys are
user ids and socket ids, never addresses.
"""

import json
import threading
import time
from collections import deque
from typing import Protocol

from flask import Flask, current_app

from community.errors import DomainError, RateLimited
from community.i18n import N_


class PayloadTooLarge(DomainError):
    """A socket event bigger than the chat accepts."""

    status = 413


class RateLimiter(Protocol):
    def hit(self, key: str, limit: int, window: float) -> bool:
        """Count one event for ``key``; False when more than ``limit`` fell in ``window`` s."""


class MemoryRateLimiter:
    """A sliding window per key, for one process."""

    def __init__(self) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, limit: int, window: float) -> bool:
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - window:
                hits.popleft()
            if len(hits) >= limit:
                return False
            hits.append(now)
            if len(self._hits) > 100_000:
                # Forget idle keys now and then so memory stays bounded.
                self._hits = {k: v for k, v in self._hits.items() if v and v[-1] > now - window}
            return True


class RedisRateLimiter:
    """A sliding window per key in Redis (a sorted set of hit times), shared by processes."""

    def __init__(self, url: str, prefix: str = "ungtilung:chat:rate:") -> None:
        import redis

        self._redis = redis.Redis.from_url(url)
        self._prefix = prefix

    def hit(self, key: str, limit: int, window: float) -> bool:
        now = time.time()
        name = self._prefix + key
        pipe = self._redis.pipeline()
        pipe.zremrangebyscore(name, 0, now - window)
        pipe.zcard(name)
        _, count = pipe.execute()
        if count >= limit:
            return False
        pipe = self._redis.pipeline()
        pipe.zadd(name, {f"{now:.6f}:{id(pipe)}": now})
        pipe.expire(name, int(window) + 1)
        pipe.execute()
        return True


def init_app(app: Flask) -> None:
    queue = app.config.get("SOCKETIO_MESSAGE_QUEUE") or ""
    shared = queue.startswith(("redis://", "rediss://", "unix://"))
    app.extensions["chat_rate_limiter"] = RedisRateLimiter(queue) if shared else MemoryRateLimiter()
    # Per-socket event counts stay in this process: a socket lives in one process.
    app.extensions["chat_event_limiter"] = MemoryRateLimiter()


def check_message_rate(user_id: int) -> None:
    """Refuse a message past the per-user rate in the settings."""
    config = current_app.config
    limiter: RateLimiter = current_app.extensions["chat_rate_limiter"]
    if not limiter.hit(
        f"send:{user_id}", config["CHAT_RATE_LIMIT_MESSAGES"], config["CHAT_RATE_LIMIT_SECONDS"]
    ):
        raise RateLimited(
            N_("You are writing faster than the chat allows. Wait a few seconds and send again.")
        )


def check_event_rate(sid: str) -> None:
    """Refuse a flood of events from one socket (typing, joining, asking...)."""
    limiter: RateLimiter = current_app.extensions["chat_event_limiter"]
    if not limiter.hit(f"event:{sid}", current_app.config["CHAT_EVENT_LIMIT_PER_10S"], 10):
        raise RateLimited(N_("Too much at once. Wait a few seconds and try again."))


def check_payload_size(payload: object) -> None:
    """Refuse an event whose data is larger than the chat accepts."""
    size = len(json.dumps(payload, ensure_ascii=False, default=str).encode())
    limit = current_app.config["CHAT_EVENT_MAX_BYTES"]
    if size > limit:
        raise PayloadTooLarge(N_("That was too much to send at once."))
