"""Consent to the ethical guidelines and the privacy notice.

Each document has numbered versions. A user accepts the current versions at
sign-up; when a new version is published, they accept again at their next visit
before they can do anything else. Every acceptance is kept as a record.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from community.accounts.models import User
from community.audit import record_event
from community.db import Base, UTCDateTime
from community.errors import Problems, ValidationFailed
from community.i18n import N_

# The texts shipped with the product are version 1; rows appear when staff publish more.
BASELINE_VERSION = 1


class Document(StrEnum):
    GUIDELINES = "guidelines"
    PRIVACY = "privacy"


class PolicyVersion(Base):
    """A published version of the guidelines or the privacy notice."""

    __tablename__ = "policy_version"
    __table_args__ = (UniqueConstraint("document", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document: Mapped[str] = mapped_column(String(20))
    version: Mapped[int]
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(Text, default="")


class ConsentRecord(Base):
    """That a user accepted a version of a document, and when."""

    __tablename__ = "consent_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    document: Mapped[str] = mapped_column(String(20))
    version: Mapped[int]
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime)


def current_versions(session: Session) -> dict[str, int]:
    """The newest published version of each document (the baseline if none)."""
    rows = session.execute(
        select(PolicyVersion.document, func.max(PolicyVersion.version)).group_by(
            PolicyVersion.document
        )
    ).all()
    versions = {doc.value: BASELINE_VERSION for doc in Document}
    versions.update(dict(rows))
    return versions


def documents_to_accept(user: User, versions: dict[str, int]) -> list[str]:
    """Documents whose current version ``user`` has not accepted yet."""
    accepted = {
        Document.GUIDELINES: user.guidelines_version,
        Document.PRIVACY: user.privacy_version,
    }
    return [doc.value for doc in Document if accepted[doc] < versions[doc.value]]


@dataclass(frozen=True)
class Change:
    """A document the user has yet to accept, with its newest version's summary."""

    document: str
    summary: str


@dataclass(frozen=True)
class PendingConsent:
    """What the consent page tells a user: whether they accepted anything before
    (so the documents have *changed*), and which documents to accept now."""

    accepted_before: bool
    changes: list[Change]


def pending_consent(session: Session, user: User) -> PendingConsent:
    """The documents ``user`` must accept now, each with what changed in it."""
    versions = current_versions(session)
    changes = []
    for document in documents_to_accept(user, versions):
        summary = session.scalar(
            select(PolicyVersion.summary).where(
                PolicyVersion.document == document,
                PolicyVersion.version == versions[document],
            )
        )
        changes.append(Change(document, summary or ""))
    accepted_before = user.guidelines_version > 0 or user.privacy_version > 0
    return PendingConsent(accepted_before, changes)


def add_consent(session: Session, user: User, versions: dict[str, int], now: datetime) -> None:
    """Record that ``user`` accepts ``versions`` (no commit: part of a larger change)."""
    for document, version in versions.items():
        session.add(
            ConsentRecord(user_id=user.id, document=document, version=version, accepted_at=now)
        )
    user.guidelines_version = versions[Document.GUIDELINES]
    user.privacy_version = versions[Document.PRIVACY]


def accept_current(
    session: Session, user: User, *, guidelines: bool, privacy: bool, now: datetime
) -> None:
    """The user accepts both current documents; both boxes must be ticked.

    Problems name the fields as the sign-up and consent forms do (``accept_*``),
    so each message is shown beside its checkbox.
    """
    problems = Problems()
    if not guidelines:
        problems.add("accept_guidelines", N_("Please accept the guidelines to go on."))
    if not privacy:
        problems.add("accept_privacy", N_("Please accept the privacy notice to go on."))
    problems.raise_if_any()
    add_consent(session, user, current_versions(session), now)
    session.commit()


def publish_version(
    session: Session, actor: User | None, document: str, summary: str, now: datetime
) -> int:
    """Publish a new version of ``document``; every user must accept it again."""
    if document not in {d.value for d in Document}:
        raise ValidationFailed(N_("Unknown document."), field="document")
    version = current_versions(session)[document] + 1
    session.add(
        PolicyVersion(document=document, version=version, published_at=now, summary=summary)
    )
    record_event(
        session,
        actor,
        "policy.publish",
        subject=("policy_version", version),
        to_state=document,
        note=summary,
        now=now,
    )
    session.commit()
    return version
