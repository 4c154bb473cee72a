"""Operator commands: staff accounts and demo content."""

from sqlalchemy import select

from app import create_app
from community.accounts.models import User


def test_create_user_makes_a_staff_account(runner, session):
    result = runner.invoke(
        args=[
            "create-user",
            "--alias",
            "Mod-Sol",
            "--email",
            "anna@example.test",
            "--role",
            "moderator",
            "--role",
            "coordinator",
            "--birth-year",
            "1970",
            "--password",
            "en-lang-og-sikker-kode",
        ]
    )
    assert result.exit_code == 0, result.output
    user = session.scalar(select(User).where(User.alias == "Mod-Sol"))
    assert sorted(r.role for r in user.roles) == ["coordinator", "moderator"]


def test_create_user_reports_problems_without_a_traceback(runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--alias",
            "x",
            "--email",
            "nope",
            "--role",
            "admin",
            "--password",
            "short",
        ]
    )
    assert result.exit_code == 1
    assert "alias:" in result.output
    assert "email:" in result.output
    assert "Traceback" not in result.output


def test_demo_content_is_refused_outside_development(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code != 0
    assert "only in development" in result.output


def test_demo_accounts_load_once_with_their_roles(tmp_path, monkeypatch):
    from flask_migrate import upgrade

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/dev.sqlite3")
    app = create_app("development", PASSWORD_HASH_TIME_COST=1, PASSWORD_HASH_MEMORY_KIB=64)
    with app.app_context():
        upgrade()
    first = app.test_cli_runner().invoke(args=["demo", "load"])
    second = app.test_cli_runner().invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    assert "5 account(s) created" in first.output
    assert "already loaded" in second.output
    for alias in ("demo-follower", "demo-peer", "demo-moderator", "demo-coordinator", "demo-admin"):
        assert alias in first.output
    assert "demo-password-2024" in first.output
    client = app.test_client()
    page = client.get("/login")
    assert page.status_code == 200
