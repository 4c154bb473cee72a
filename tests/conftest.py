"""Shared fixtures: one app per session, a clean database per test, a client per role.

The suite runs on SQLite (a file in a temporary folder) unless ``DATABASE_URL``
is set, in which case it runs on that PostgreSQL database: the schema is dropped
and rebuilt from the migrations at the start of the session.
"""

import contextvars
import os
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask, has_app_context
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import func, inspect, select, text

from app import create_app
from app.extensions import db
from community.accounts.models import Role, Task, User, UserRole, UserTask
from community.accounts.services import SignUpInput, sign_up
from community.db import Base

PASSWORD = "a-long-test-password-42"
_CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def database_url(tmp_dir: str) -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_dir}/test.sqlite3"


def _reset_postgres(app: Flask) -> None:
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))


class Clock:
    """A clock tests can move. Defaults to real time until set."""

    def __init__(self) -> None:
        self.fixed: datetime | None = None

    def __call__(self) -> datetime:
        return self.fixed or datetime.now(UTC)

    def set(self, when: datetime) -> None:
        self.fixed = when

    def advance(self, **delta: float) -> None:
        self.fixed = self() + timedelta(**delta)


@pytest.fixture(scope="session")
def _app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    tmp_dir = tmp_path_factory.mktemp("db")
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url(str(tmp_dir)))
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        _reset_postgres(app)
    with app.app_context():
        upgrade()
        app.config["_REFERENCE_ROWS"] = _snapshot()
    yield app
    with app.app_context():
        db.engine.dispose()


def _snapshot() -> dict[str, list[dict]]:
    """Rows the migrations put in (reference data), to restore after each test."""
    rows = {}
    with db.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            found = [dict(r._mapping) for r in connection.execute(table.select())]
            if found:
                rows[table.name] = found
    return rows


def _wipe(app: Flask) -> None:
    tables = list(reversed(Base.metadata.sorted_tables))
    existing = set(inspect(db.engine).get_table_names())
    with db.engine.begin() as connection:
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables if t.name in existing)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            # Children before parents, so foreign keys (kept on) never object. The
            # pragma is not toggled: inside a transaction SQLite ignores it, and a
            # pooled connection left without foreign keys would hide cascade bugs.
            for table in tables:
                if table.name in existing:
                    connection.execute(table.delete())
        for name, rows in app.config["_REFERENCE_ROWS"].items():
            connection.execute(Base.metadata.tables[name].insert(), rows)
            if db.engine.dialect.name == "postgresql" and "id" in rows[0]:
                # RESTART IDENTITY set the sequence back to 1 while the rows came back
                # with their ids: move it past them, or the next insert collides.
                table = Base.metadata.tables[name]
                top = connection.execute(select(func.max(table.c.id))).scalar()
                connection.execute(
                    text("SELECT setval(pg_get_serial_sequence(:name, 'id'), :top)"),
                    {"name": name, "top": top},
                )


@pytest.fixture
def app(_app: Flask) -> Iterator[Flask]:
    """The app, with a clean database and a fresh clock for this test."""
    clock = Clock()
    _app.extensions["clock"] = clock
    with _app.app_context():
        yield _app
        db.session.remove()
        _wipe(_app)


@pytest.fixture
def clock(app: Flask) -> Clock:
    return app.extensions["clock"]


@pytest.fixture
def session(app: Flask):
    """The database session services are given."""
    return db.session


class FormClient(FlaskClient):
    """A test client that behaves like a browser talking to a running server.

    Each request runs in a fresh context (its own app context, ``g`` and database
    session), as in production, not inside the test's app context. The test's own
    session is committed before and after, so requests see what the test set up
    and the test sees what requests stored. ``submit`` sends the CSRF token like a
    browser showing our form.
    """

    def open(self, *args: object, **kwargs: object):
        if has_app_context():
            db.session.commit()
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            db.session.commit()
        return response

    def csrf_token(self) -> str:
        # Every page carries a token in the language switch.
        page = self.get("/", follow_redirects=True)
        found = _CSRF_INPUT.search(page.get_data(as_text=True))
        assert found, "no CSRF token on the page"
        return found.group(1)

    def submit(self, url: str, data: dict | None = None, **kwargs: object):
        """POST ``data`` as a form with a valid CSRF token."""
        payload = dict(data or {})
        payload.setdefault("csrf_token", self.csrf_token())
        return self.post(url, data=payload, **kwargs)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    app.test_client_class = FormClient
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app: Flask, clock: Clock) -> Callable[..., User]:
    """Create an account: ``make_user("alias", roles=[...], tasks=[...])``."""
    counter = iter(range(1, 10_000))

    def factory(
        alias: str | None = None,
        *,
        roles: tuple[Role, ...] | list[Role] = (),
        tasks: tuple[Task, ...] | list[Task] = (),
        email: str | None = None,
        password: str = PASSWORD,
        **extra: object,
    ) -> User:
        n = next(counter)
        alias = alias or f"medlem{n}"
        data = SignUpInput(
            alias=alias,
            email=email or f"{alias.lower()}@example.test",
            password=password,
            birth_year=clock().year - 20,
            municipality_code="0101",
            accepted_guidelines=True,
            accepted_privacy=True,
            **extra,
        )
        user = sign_up(db.session, app.extensions["account_rules"], data, clock())
        for role in roles:
            db.session.add(UserRole(user_id=user.id, role=role, granted_at=clock()))
        for task in tasks:
            db.session.add(UserTask(user_id=user.id, task=task, active=True, granted_at=clock()))
        db.session.commit()
        return user

    return factory


def login(client: FormClient, user: User, password: str = PASSWORD) -> FormClient:
    response = client.submit("/login", {"login": user.alias, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def login_as(app: Flask) -> Callable[[User], FormClient]:
    """A new client signed in as ``user``."""

    def signed_in(user: User, password: str = PASSWORD) -> FormClient:
        app.test_client_class = FormClient
        return login(app.test_client(), user, password)

    return signed_in


ROLE_ACCOUNTS = {
    "follower": {},
    "peer": {"tasks": (Task.BLOG, Task.CHAT)},
    "moderator": {"roles": (Role.MODERATOR,)},
    "coordinator": {"roles": (Role.COORDINATOR,)},
    "admin": {"roles": (Role.ADMIN,)},
}


@pytest.fixture
def user_of(make_user: Callable[..., User]) -> Callable[[str], User]:
    """An account for one of the roles in ``ROLE_ACCOUNTS``."""
    made: dict[str, User] = {}

    def get(role: str) -> User:
        if role not in made:
            made[role] = make_user(f"{role}-user", **ROLE_ACCOUNTS[role])
        return made[role]

    return get


@pytest.fixture
def follower_client(login_as, user_of) -> FormClient:
    return login_as(user_of("follower"))


@pytest.fixture
def peer_client(login_as, user_of) -> FormClient:
    return login_as(user_of("peer"))


@pytest.fixture
def moderator_client(login_as, user_of) -> FormClient:
    return login_as(user_of("moderator"))


@pytest.fixture
def coordinator_client(login_as, user_of) -> FormClient:
    return login_as(user_of("coordinator"))


@pytest.fixture
def admin_client(login_as, user_of) -> FormClient:
    return login_as(user_of("admin"))
