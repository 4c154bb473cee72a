"""Suspending an account for a time: the person cannot sign in until it ends.

A suspension ends every login of the person at once; the caller closes their
open sockets after the commit (``app.sessions_ended.close_sockets_of``) with the
login hashes it gets back. Every request checks the suspension again
(``logins.user_for_token``), so a login missed here cannot be used either.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.aliases import user_with_alias
from community.accounts.logins import end_other_logins
from community.accounts.models import Suspension, User
from community.audit import record_event
from community.errors import Conflict, NotFound, Problems
from community.i18n import N_
from community.numbers import whole_number
from community.permissions import authorize

SUSPENSION_DAYS_MAX = 90
GUIDELINES = range(1, 9)
REASON_MAX = 1000


@dataclass(frozen=True)
class Suspended:
    """A suspension just made, and the logins it ended (to close their sockets)."""

    suspension: Suspension
    ended_logins: list[str]


@dataclass(frozen=True)
class SuspensionPage:
    """What a moderator sees about a person: the suspension in force and earlier ones."""

    user: User
    current: Suspension | None
    history: list[Suspension]


def user_by_alias(session: Session, actor: object, alias: str) -> User:
    """The person with ``alias``, for a moderator who may suspend people."""
    authorize(actor, "user.suspend")
    user = user_with_alias(session, alias)
    if user is None:
        raise NotFound(N_("That person is no longer here."))
    return user


def user_by_id(session: Session, actor: object, user_id: int) -> User:
    """The person with ``user_id``, for a moderator who may suspend people."""
    authorize(actor, "user.suspend")
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(N_("That person is no longer here."))
    return user


def current_suspension(session: Session, user_id: int, now: datetime) -> Suspension | None:
    """The suspension of ``user_id`` that holds at ``now``, if any (the longest)."""
    return session.scalar(
        select(Suspension)
        .where(Suspension.user_id == user_id, Suspension.in_force(now))
        .order_by(Suspension.until.desc())
        .limit(1)
    )


def suspension_page(session: Session, actor: object, alias: str, now: datetime) -> SuspensionPage:
    """The person with ``alias`` and their suspensions, newest first."""
    user = user_by_alias(session, actor, alias)
    history = list(
        session.scalars(
            select(Suspension)
            .where(Suspension.user_id == user.id)
            .order_by(Suspension.created_at.desc(), Suspension.id.desc())
        )
    )
    return SuspensionPage(user, current_suspension(session, user.id, now), history)


def suspend_user(
    session: Session,
    actor: User,
    user: User,
    *,
    days: object,
    guideline: object,
    reason: str,
    now: datetime,
) -> Suspended:
    """Suspend ``user`` for ``days`` (1-90) under ``guideline`` (1-8), with a reason.

    A suspension in force is replaced by the new one (the latest decision
    counts). Every login of the person ends; their hashes are returned.
    """
    authorize(actor, "user.suspend", user)
    problems = Problems()
    length = whole_number(days) or 0
    if not 1 <= length <= SUSPENSION_DAYS_MAX:
        problems.add("days", N_("Suspend for between 1 and %(max)d days."), max=SUSPENSION_DAYS_MAX)
    number = whole_number(guideline) or 0
    if number not in GUIDELINES:
        problems.add("guideline", N_("Choose the guideline that was broken."))
    reason = reason.strip() if isinstance(reason, str) else ""
    if not reason:
        problems.add("reason", N_("Write why the account is suspended."))
    elif len(reason) > REASON_MAX:
        problems.add("reason", N_("Use at most %(max)d characters."), max=REASON_MAX)
    problems.raise_if_any()

    _lift_all(session, user.id, now)
    suspension = Suspension(
        user_id=user.id,
        until=now + timedelta(days=length),
        guideline=number,
        reason=reason,
        created_by_id=actor.id,
        created_at=now,
    )
    session.add(suspension)
    ended = end_other_logins(session, user, None)
    # The reason stays out of the log: it may name the person, and the log
    # outlives deleted accounts.
    record_event(
        session,
        actor,
        "account.suspend",
        subject=("user", user.id),
        to_state="suspended",
        guideline=number,
        note=f"{length} days, until {suspension.until.isoformat()}",
        now=now,
    )
    session.commit()
    return Suspended(suspension, ended)


def lift_suspension(session: Session, actor: User, user: User, *, now: datetime) -> Suspension:
    """End the suspension of ``user`` that is in force now; they can sign in again."""
    authorize(actor, "user.suspend", user)
    suspension = current_suspension(session, user.id, now)
    if suspension is None:
        raise Conflict(N_("This account is not suspended."))
    _lift_all(session, user.id, now)
    record_event(
        session,
        actor,
        "account.suspension_lift",
        subject=("user", user.id),
        from_state="suspended",
        now=now,
    )
    session.commit()
    return suspension


def _lift_all(session: Session, user_id: int, now: datetime) -> None:
    """End every suspension of the person that is in force (the caller commits)."""
    for held in session.scalars(
        select(Suspension).where(Suspension.user_id == user_id, Suspension.in_force(now))
    ):
        held.lifted_at = now
