"""Socket fixtures: a Socket.IO test client per signed-in browser, and an open room.

Like ``FormClient``, each socket call runs in a fresh context (its own app
context, ``g`` and database session), as it would in a server: otherwise
Flask-Login's cached user would leak from one event, or one person, to the next.
"""

import contextvars
from collections.abc import Callable
from datetime import time
from typing import Any

import pytest
from flask import has_app_context

from app.extensions import db, socketio
from community.accounts.models import User
from community.chat.models import ChatRoom, OpeningHours


class SocketClient:
    """One browser's socket: ``emit`` returns the acknowledgement."""

    def __init__(self, app: Any, browser: Any, headers: dict[str, str] | None = None) -> None:
        self.browser = browser
        self.raw = self._fresh(
            socketio.test_client, app, flask_test_client=browser, headers=headers
        )

    @staticmethod
    def _fresh(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if has_app_context():
            db.session.commit()
        result = contextvars.Context().run(call, *args, **kwargs)
        if has_app_context():
            db.session.commit()
        return result

    @property
    def connected(self) -> bool:
        return self.raw.is_connected()

    def emit(self, event: str, data: object = None) -> Any:
        return self._fresh(self.raw.emit, event, data, callback=True)

    def received(self, name: str | None = None) -> list[Any]:
        """Events received since the last call (of ``name`` only, if given): their data."""
        if not self.connected:
            events = self.raw.queue
            self.raw.queue = []
        else:
            events = self.raw.get_received()
        return [e["args"][0] if e["args"] else None for e in events if name in (None, e["name"])]

    def disconnect(self) -> None:
        self._fresh(self.raw.disconnect)


@pytest.fixture
def socket_for(app, login_as) -> Callable[..., SocketClient]:
    """A connected socket for ``user`` (a new signed-in browser unless one is given)."""

    def connect(user: User, browser: Any = None, **kwargs: Any) -> SocketClient:
        return SocketClient(app, browser or login_as(user), **kwargs)

    return connect


def make_room(session, clock, *, name: str = "Aftenrummet", max_members: int = 30) -> ChatRoom:
    """A room scheduled all day, every day (it opens when a host comes)."""
    room = ChatRoom(
        name=name, description="", max_members=max_members, created_at=clock(), last_seq=0
    )
    room.hours = [OpeningHours(weekday=d, starts=time(0), ends=time(0)) for d in range(7)]
    session.add(room)
    session.commit()
    return room


@pytest.fixture
def room(session, clock) -> ChatRoom:
    return make_room(session, clock)


@pytest.fixture
def host(user_of, socket_for, room) -> SocketClient:
    """The peer with the chat task, on duty in the room (which is therefore open)."""
    client = socket_for(user_of("peer"))
    assert client.emit("join", {"room_id": room.id})["ok"]
    return client


@pytest.fixture
def member(user_of, socket_for, room, host) -> Callable[[str], SocketClient]:
    """A socket of ``role``'s account that has joined the open room."""

    def joined(role: str = "follower") -> SocketClient:
        client = socket_for(user_of(role))
        answer = client.emit("join", {"room_id": room.id})
        assert answer["ok"], answer
        return client

    return joined


@pytest.fixture(autouse=True)
def _fresh_limits(app):
    """Each test starts with empty rate counters (user ids restart with the database)."""
    from app.chat import limits

    limits.init_app(app)
