"""A user's rights over their data: download all of it, delete all of it.

Each part of the domain that stores something about a user registers an
exporter here, so the download grows with the product and never misses a kind.
Deleting an account removes the user row; the database's ``ON DELETE CASCADE``
removes everything that belongs to it, and the audit log keeps its entries with
the actor set to nobody.
"""

import base64
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.logins import end_other_logins
from community.accounts.models import Avatar, DescriptionDraft, LoginSession, Suspension, User
from community.accounts.passwords import verify_password
from community.accounts.rules import AccountRules
from community.audit import record_event
from community.consent import ConsentRecord
from community.errors import ValidationFailed
from community.i18n import N_

Exporter = Callable[[Session, User], Any]
_EXPORTERS: dict[str, Exporter] = {}


def register_exporter(name: str, exporter: Exporter) -> None:
    """Add a section ``name`` to every user's data download."""
    if name in _EXPORTERS:
        raise ValueError(f"exporter {name!r} registered twice")
    _EXPORTERS[name] = exporter


def export_account_data(session: Session, user: User, now: datetime) -> dict[str, Any]:
    """Everything stored about ``user``, as JSON-ready data."""
    return {
        "exported_at": now.isoformat(),
        **{name: exporter(session, user) for name, exporter in sorted(_EXPORTERS.items())},
    }


def _profile(session: Session, user: User) -> dict[str, Any]:
    draft = session.scalar(select(DescriptionDraft).where(DescriptionDraft.user_id == user.id))
    return {
        "alias": user.alias,
        "email": user.email,
        "birth_year": user.birth_year,
        "municipality_code": user.municipality_code,
        "description": user.description,
        "description_waiting_for_review": draft.text if draft else None,
        "language": user.locale,
        "created_at": user.created_at.isoformat(),
        "roles": sorted(r.role for r in user.roles),
        "tasks": sorted(t.task for t in user.tasks if t.active),
    }


def _pictures(session: Session, user: User) -> list[dict[str, Any]]:
    return [
        {
            "state": a.state,
            "uploaded_at": a.created_at.isoformat(),
            "mime_type": a.mime_type,
            "base64": base64.b64encode(a.image).decode(),
        }
        for a in session.scalars(select(Avatar).where(Avatar.user_id == user.id))
    ]


def _consents(session: Session, user: User) -> list[dict[str, Any]]:
    return [
        {"document": c.document, "version": c.version, "accepted_at": c.accepted_at.isoformat()}
        for c in session.scalars(
            select(ConsentRecord).where(ConsentRecord.user_id == user.id).order_by(ConsentRecord.id)
        )
    ]


def _logins(session: Session, user: User) -> list[dict[str, Any]]:
    return [
        {
            "started_at": s.created_at.isoformat(),
            "last_seen_at": s.last_seen_at.isoformat(),
            "remember_me": s.remember,
        }
        for s in session.scalars(select(LoginSession).where(LoginSession.user_id == user.id))
    ]


def _suspensions(session: Session, user: User) -> list[dict[str, Any]]:
    # Who decided is left out: that is the moderator's data, not the person's.
    return [
        {
            "from": s.created_at.isoformat(),
            "until": s.until.isoformat(),
            "lifted_at": s.lifted_at.isoformat() if s.lifted_at else None,
            "guideline": s.guideline,
            "reason": s.reason,
        }
        for s in session.scalars(
            select(Suspension).where(Suspension.user_id == user.id).order_by(Suspension.id)
        )
    ]


register_exporter("profile", _profile)
register_exporter("pictures", _pictures)
register_exporter("consents", _consents)
register_exporter("logins", _logins)
register_exporter("suspensions", _suspensions)


def delete_account(
    session: Session, rules: AccountRules, user: User, *, password: str, now: datetime
) -> list[str]:
    """Delete the account and everything that belongs to it, after a password check.

    Returns the hashes of the ended logins so their sockets can be closed.
    """
    if not verify_password(rules, user.password_hash, password):
        raise ValidationFailed(N_("Your current password is not right."), field="password")
    ended = end_other_logins(session, user, None)
    record_event(session, None, "account.delete", subject=("user", user.id), now=now)
    session.delete(user)
    session.commit()
    return ended
