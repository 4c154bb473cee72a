"""Deleting what we promised not to keep, on schedule (``flask retention run``).

Each kind of data with a retention period registers a job here; the command
runs them all, so one cron line keeps every promise in the privacy notice.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, or_
from sqlalchemy.orm import Session

from community.accounts.logins import REMEMBERED_FOR, SESSION_IDLE_LIMIT
from community.accounts.models import LoginSession


@dataclass(frozen=True)
class RetentionPolicy:
    """How long each kind of data is kept."""

    login_remembered: timedelta = REMEMBERED_FOR
    login_session_only: timedelta = SESSION_IDLE_LIMIT
    chat_messages: timedelta = timedelta(days=30)


RetentionJob = Callable[[Session, RetentionPolicy, datetime], int]
_JOBS: dict[str, RetentionJob] = {}


def register_job(name: str, job: RetentionJob) -> None:
    """Run ``job`` with every retention run; it returns how many rows it deleted."""
    if name in _JOBS:
        raise ValueError(f"retention job {name!r} registered twice")
    _JOBS[name] = job


def _expired_logins(session: Session, policy: RetentionPolicy, now: datetime) -> int:
    result = session.execute(
        delete(LoginSession).where(
            or_(
                and_(
                    LoginSession.remember.is_(True),
                    LoginSession.last_seen_at < now - policy.login_remembered,
                ),
                and_(
                    LoginSession.remember.is_(False),
                    LoginSession.last_seen_at < now - policy.login_session_only,
                ),
            )
        )
    )
    return result.rowcount or 0


register_job("expired logins", _expired_logins)


def run_retention(session: Session, policy: RetentionPolicy, now: datetime) -> dict[str, int]:
    """Run every retention job in one transaction; return rows deleted per job."""
    deleted = {name: job(session, policy, now) for name, job in sorted(_JOBS.items())}
    session.commit()
    return deleted
