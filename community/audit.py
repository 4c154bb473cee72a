"""The append-only audit log: every decision and every state change.

Entries are only ever inserted. A flush that would update or delete one is
refused, so no code path can rewrite history by accident.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from community.db import Base, UTCDateTime


class AuditEntry(Base):
    """Who did what to which item, from which state to which, and why."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_subject", "subject_type", "subject_id"),
        Index("ix_audit_actor_at", "actor_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # Null for the system (the engine, a scheduled job). Kept if the actor leaves.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    subject_type: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[int | None]
    from_state: Mapped[str | None] = mapped_column(String(30))
    to_state: Mapped[str | None] = mapped_column(String(30))
    guideline: Mapped[int | None]
    reason: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete an audit entry."""


@event.listens_for(Session, "before_flush")
def _refuse_audit_rewrites(session: Session, flush_context: object, instances: object) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditLogIsAppendOnly("audit entries are never changed or deleted")


def record_event(
    session: Session,
    actor: object | None,
    action: str,
    *,
    subject: tuple[str, int | None],
    now: datetime,
    from_state: str | None = None,
    to_state: str | None = None,
    guideline: int | None = None,
    reason: str | None = None,
    note: str | None = None,
) -> AuditEntry:
    """Add an entry to the log in the caller's transaction (the caller commits)."""
    entry = AuditEntry(
        at=now,
        actor_id=getattr(actor, "id", None),
        action=action,
        subject_type=subject[0],
        subject_id=subject[1],
        from_state=from_state,
        to_state=to_state,
        guideline=guideline,
        reason=reason,
        note=note,
    )
    session.add(entry)
    return entry
