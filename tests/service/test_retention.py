"""Logins end after their idle limit and are deleted by the retention job."""

from sqlalchemy import select

from community.accounts.logins import start_login, user_for_token
from community.accounts.models import LoginSession
from community.retention import RetentionPolicy, run_retention


def test_a_login_without_remember_me_ends_after_twelve_idle_hours(session, make_user, clock):
    user = make_user("Skovsti")
    token = start_login(session, user, remember=False, now=clock())
    clock.advance(hours=11)
    assert user_for_token(session, token, clock()) is not None
    clock.advance(hours=12, minutes=1)
    assert user_for_token(session, token, clock()) is None


def test_a_remembered_login_lasts_thirty_days_of_absence(session, make_user, clock):
    user = make_user("Skovsti")
    token = start_login(session, user, remember=True, now=clock())
    clock.advance(days=29)
    assert user_for_token(session, token, clock()) is not None
    clock.advance(days=30, minutes=10)
    assert user_for_token(session, token, clock()) is None


def test_the_retention_job_deletes_expired_logins_only(session, make_user, clock, runner):
    user = make_user("Skovsti")
    start_login(session, user, remember=False, now=clock())
    start_login(session, user, remember=True, now=clock())
    clock.advance(days=2)
    assert run_retention(session, RetentionPolicy(), clock())["expired logins"] == 1
    assert [s.remember for s in session.scalars(select(LoginSession))] == [True]
    result = runner.invoke(args=["retention", "run"])
    assert result.exit_code == 0
    assert "expired logins: 0 deleted" in result.output
