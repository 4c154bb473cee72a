"""Signing in and out, and the server-side record of each login.

A login is a random token held by the browser (in the signed session cookie and,
with "remember me", in the remember cookie). Only its SHA-256 is stored, with no
address and no browser details. Deleting the row ends that login at once,
wherever the cookie is replayed.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from community.accounts.aliases import user_with_alias
from community.accounts.models import LoginSession, Suspension, User
from community.accounts.passwords import (
    check_new_password,
    hash_password,
    spend_equal_time,
    verify_password,
)
from community.accounts.rules import AccountRules
from community.audit import record_event
from community.errors import Problems, ValidationFailed
from community.i18n import N_

# How stale ``last_seen_at`` may get before a request refreshes it: one write per
# login per interval, not one per request.
SEEN_RESOLUTION = timedelta(minutes=5)
# A login without "remember me" ends after this long without a visit; with it, after
# REMEMBERED_FOR. Checked at every request and cleaned up by the retention job.
SESSION_IDLE_LIMIT = timedelta(hours=12)
REMEMBERED_FOR = timedelta(days=30)


def login_expired(login: LoginSession, now: datetime) -> bool:
    """True when ``login`` has gone unused for longer than its kind allows."""
    limit = REMEMBERED_FOR if login.remember else SESSION_IDLE_LIMIT
    return now - login.last_seen_at > limit


def token_hash(token: str) -> str:
    """The stored form of a login token."""
    return hashlib.sha256(token.encode()).hexdigest()


def find_account(session: Session, login: str) -> User | None:
    """The account whose e-mail address or alias is ``login``."""
    login = login.strip()
    if "@" in login:
        return session.scalar(select(User).where(User.email == login.lower()))
    return user_with_alias(session, login)


def authenticate(
    session: Session, rules: AccountRules, login: str, password: str, *, now: datetime
) -> User:
    """The account matching ``login`` (alias or e-mail) and ``password``.

    The same message is given whether the account or the password is wrong, and
    both take the same time, so nobody learns who has an account here. Only
    someone who knows the password learns that the account is suspended.
    """
    user = find_account(session, login)
    if user is None:
        spend_equal_time(rules)
    elif verify_password(rules, user.password_hash, password):
        _refuse_if_suspended(session, user, now)
        if rules.hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(rules, password)
            session.commit()
        return user
    raise ValidationFailed(N_("The alias, e-mail address or password is wrong."), field="password")


def _refuse_if_suspended(session: Session, user: User, now: datetime) -> None:
    found = session.execute(
        select(Suspension.until, Suspension.guideline)
        .where(Suspension.user_id == user.id, Suspension.in_force(now))
        .order_by(Suspension.until.desc())
        .limit(1)
    ).first()
    if found is not None:
        raise ValidationFailed(
            N_(
                "Your account is suspended until %(until)s, because it broke guideline "
                "%(guideline)d. You can sign in again after that."
            ),
            until=found.until,
            guideline=found.guideline,
        )


def start_login(session: Session, user: User, *, remember: bool, now: datetime) -> str:
    """Record a new login for ``user`` and return its token (to go in the cookie)."""
    token = secrets.token_urlsafe(32)
    session.add(
        LoginSession(
            token_hash=token_hash(token),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            remember=remember,
        )
    )
    session.commit()
    user.login_token = token
    return token


def user_for_token(session: Session, token: str, now: datetime) -> User | None:
    """The user of a live login, or None when the login has ended or its user
    is suspended (checked in the same statement, so a request costs no more)."""
    suspended = exists().where(Suspension.user_id == LoginSession.user_id, Suspension.in_force(now))
    found = session.execute(
        select(LoginSession, suspended).where(LoginSession.token_hash == token_hash(token))
    ).first()
    if found is None:
        return None
    login, is_suspended = found
    if is_suspended or login_expired(login, now):
        return None
    user = session.get(User, login.user_id)
    if user is None:
        return None
    if now - login.last_seen_at > SEEN_RESOLUTION:
        login.last_seen_at = now
        session.commit()
    user.login_token = token
    return user


def end_login(session: Session, token: str) -> str:
    """End one login (sign out); returns its hash so open sockets can be closed."""
    hashed = token_hash(token)
    session.execute(delete(LoginSession).where(LoginSession.token_hash == hashed))
    session.commit()
    return hashed


def end_other_logins(session: Session, user: User, keep_token: str | None) -> list[str]:
    """End every login of ``user`` except ``keep_token``'s (no commit); return their hashes."""
    keep = token_hash(keep_token) if keep_token else None
    ended = list(
        session.scalars(
            select(LoginSession.token_hash).where(
                LoginSession.user_id == user.id, LoginSession.token_hash != keep
            )
            if keep
            else select(LoginSession.token_hash).where(LoginSession.user_id == user.id)
        )
    )
    if ended:
        session.execute(delete(LoginSession).where(LoginSession.token_hash.in_(ended)))
    return ended


def change_password(
    session: Session,
    rules: AccountRules,
    user: User,
    *,
    current_password: str,
    new_password: str,
    now: datetime,
) -> list[str]:
    """Set a new password and end every other login of the user.

    Returns the hashes of the ended logins so their open sockets can be closed.
    """
    problems = Problems()
    if not verify_password(rules, user.password_hash, current_password):
        problems.add("current_password", N_("Your current password is not right."))
    check_new_password(
        problems, rules, new_password, alias=user.alias, email=user.email, field="new_password"
    )
    problems.raise_if_any()
    user.password_hash = hash_password(rules, new_password)
    ended = end_other_logins(session, user, user.login_token)
    record_event(session, user, "account.password", subject=("user", user.id), now=now)
    session.commit()
    return ended
