"""Opening review items, and deciding them through one entry point."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from community.audit import record_event
from community.errors import Conflict, Forbidden, NotFound, ValidationFailed
from community.i18n import N_
from community.pagination import Page, SortKey, paginate
from community.permissions import authorize, can
from community.review.models import FlagSource, ItemStatus, ReviewFlag, ReviewItem
from community.review.registry import Decision, handler_for


@dataclass(frozen=True)
class FlagInput:
    """A reason to review something, before it is stored."""

    source: str
    category: str | None = None
    guideline: int | None = None
    severity: str | None = None
    span: tuple[int, int] | None = None
    field: str | None = None
    reporter_id: int | None = None
    note: str | None = None


def flags_from_verdict(verdict: object, field: str | None = None) -> list[FlagInput]:
    """One engine flag per finding of a moderation verdict."""
    return flags_from_findings(verdict.findings, field)


def flags_from_findings(findings: Iterable, field: str | None = None) -> list[FlagInput]:
    """One engine flag per finding, its span in ``field``."""
    return [
        FlagInput(
            source=FlagSource.ENGINE,
            category=f.category,
            guideline=f.guideline,
            severity=f.severity,
            span=(f.start, f.end),
            field=field,
        )
        for f in findings
    ]


def open_item(
    session: Session,
    *,
    subject_type: str,
    subject_id: int,
    author_id: int | None,
    flags: Iterable[FlagInput],
    now: datetime,
    urgent: bool = False,
) -> ReviewItem:
    """Put a subject in the queue, or add flags to its item (reopening a closed one).

    Adds to the caller's transaction; the caller commits.
    """
    item = session.scalar(
        select(ReviewItem).where(
            ReviewItem.subject_type == subject_type, ReviewItem.subject_id == subject_id
        )
    )
    if item is None:
        item = ReviewItem(
            subject_type=subject_type,
            subject_id=subject_id,
            author_id=author_id,
            status=ItemStatus.OPEN,
            urgent=urgent,
            opened_at=now,
            version=1,
        )
        session.add(item)
        session.flush()
        record_event(
            session,
            None,
            "review.open",
            subject=(subject_type, subject_id),
            to_state=ItemStatus.OPEN,
            now=now,
        )
    else:
        if item.status == ItemStatus.CLOSED:
            record_event(
                session,
                None,
                "review.reopen",
                subject=(subject_type, subject_id),
                from_state=ItemStatus.CLOSED,
                to_state=ItemStatus.OPEN,
                now=now,
            )
            item.status = ItemStatus.OPEN
            item.opened_at = now
            item.closed_at = None
            item.decision = None
            item.decided_by_id = None
        item.urgent = item.urgent or urgent
        item.version += 1
    for flag in flags:
        item.flags.append(
            ReviewFlag(
                source=flag.source,
                category=flag.category,
                guideline=flag.guideline,
                severity=flag.severity,
                span_start=flag.span[0] if flag.span else None,
                span_end=flag.span[1] if flag.span else None,
                field=flag.field,
                reporter_id=flag.reporter_id,
                note=flag.note,
                created_at=now,
            )
        )
    return item


def close_without_decision(
    session: Session, subject_type: str, subject_id: int, *, reason: str, now: datetime
) -> None:
    """Close an open item whose subject went away (withdrawn, replaced, deleted).

    Adds to the caller's transaction; the caller commits.
    """
    item = session.scalar(
        select(ReviewItem).where(
            ReviewItem.subject_type == subject_type,
            ReviewItem.subject_id == subject_id,
            ReviewItem.status == ItemStatus.OPEN,
        )
    )
    if item is None:
        return
    item.status = ItemStatus.CLOSED
    item.closed_at = now
    item.decision = reason
    item.version += 1
    record_event(
        session,
        None,
        "review.close",
        subject=(subject_type, subject_id),
        from_state=ItemStatus.OPEN,
        to_state=ItemStatus.CLOSED,
        reason=reason,
        now=now,
    )


def perform(
    session: Session,
    actor: object,
    item_id: int,
    action: str,
    *,
    now: datetime,
    guideline: int | None = None,
    reason: str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
) -> ReviewItem:
    """Carry out a moderator's decision on an open item, and close it.

    Refuses (Conflict) when the item was decided or changed since the moderator
    saw it (``expected_version``), and (Forbidden) when a moderator would decide
    on their own content. The decision and the subject's state change go to the
    audit log in the same transaction.
    """
    authorize(actor, "review.decide")
    item = session.get(ReviewItem, item_id, with_for_update=True)
    if item is None:
        raise NotFound(N_("That item is no longer in the queue."))
    if item.status != ItemStatus.OPEN:
        raise Conflict(N_("Someone has already decided this item."))
    if expected_version is not None and item.version != expected_version:
        raise Conflict(N_("This item changed while you looked at it. Please look again."))
    if item.author_id is not None and item.author_id == getattr(actor, "id", None):
        raise Forbidden(N_("Another moderator must decide on your own content."))
    handler = handler_for(item.subject_type)
    if action not in handler.actions:
        raise ValidationFailed(N_("That decision does not apply here."), field="action")
    decision = Decision(action=action, guideline=guideline, reason=reason, note=note)
    from_state, to_state = handler.apply(session, actor, item.subject_id, decision, now)
    item.status = ItemStatus.CLOSED
    item.closed_at = now
    item.decision = action
    item.decided_by_id = actor.id
    item.version += 1
    record_event(
        session,
        actor,
        f"review.{action}",
        subject=(item.subject_type, item.subject_id),
        from_state=from_state,
        to_state=to_state,
        guideline=guideline,
        reason=reason,
        note=note,
        now=now,
    )
    session.commit()
    return item


def visible_to(user: object, stmt: Select) -> Select:
    """Scope a query of review items to what ``user`` may see (all or nothing)."""
    if can(user, "review.view_queue"):
        return stmt
    return stmt.where(false())


QUEUE_ORDER = (
    SortKey(ReviewItem.urgent, descending=True),
    SortKey(ReviewItem.opened_at),
    SortKey(ReviewItem.id),
)


def open_items(
    session: Session,
    user: object,
    *,
    subject_types: Iterable[str] | None = None,
    cursor: str | None = None,
    limit: int = 30,
) -> Page[ReviewItem]:
    """Open items, urgent (crisis) first, then oldest first."""
    authorize(user, "review.view_queue")
    stmt = visible_to(user, select(ReviewItem).where(ReviewItem.status == ItemStatus.OPEN))
    if subject_types:
        stmt = stmt.where(ReviewItem.subject_type.in_(list(subject_types)))
    return paginate(
        session,
        stmt,
        QUEUE_ORDER,
        lambda i: (i.urgent, i.opened_at, i.id),
        cursor=cursor,
        limit=limit,
    )
