"""The audit log is append-only."""

import pytest
from sqlalchemy import select

from community.audit import AuditEntry, AuditLogIsAppendOnly, record_event


def test_an_audit_entry_cannot_be_changed_or_deleted(session, clock):
    record_event(session, None, "test.event", subject=("user", 1), now=clock())
    session.commit()
    entry = session.scalar(select(AuditEntry))
    entry.note = "rewritten"
    with pytest.raises(AuditLogIsAppendOnly):
        session.commit()
    session.rollback()
    session.delete(session.scalar(select(AuditEntry)))
    with pytest.raises(AuditLogIsAppendOnly):
        session.commit()
    session.rollback()
    assert session.scalar(select(AuditEntry)).note is None
