"""What a moderator sees of one item: the subject, its texts with the findings
marked, every flag, and the item's history."""

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.audit import AuditEntry
from community.errors import NotFound
from community.i18n import N_
from community.pagination import Page
from community.permissions import authorize
from community.review.models import ItemStatus, ReviewFlag, ReviewItem
from community.review.registry import handler_for
from community.review.services import open_items


@dataclass(frozen=True)
class Segment:
    """A run of text, marked when a flag points at it."""

    text: str
    flags: tuple[ReviewFlag, ...] = ()

    @property
    def marked(self) -> bool:
        return bool(self.flags)


@dataclass(frozen=True)
class ItemDetail:
    item: ReviewItem
    subject: object | None
    author: User | None
    actions: tuple[str, ...]
    texts: dict[str, list[Segment]]
    flags: list[ReviewFlag]
    history: list[AuditEntry]


def marked_segments(text: str, flags: list[ReviewFlag]) -> list[Segment]:
    """Split ``text`` at every flag boundary so each flagged run can be marked."""
    spans = [
        f
        for f in flags
        if f.span_start is not None
        and f.span_end is not None
        and 0 <= f.span_start < f.span_end <= len(text)
    ]
    cuts = sorted({0, len(text), *(f.span_start for f in spans), *(f.span_end for f in spans)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        covering = tuple(f for f in spans if f.span_start <= start and end <= f.span_end)
        segments.append(Segment(text[start:end], covering))
    return segments


def item_detail(session: Session, viewer: object, item_id: int) -> ItemDetail:
    """Everything the console shows for one item."""
    authorize(viewer, "review.view_queue")
    item = session.get(ReviewItem, item_id)
    if item is None:
        raise NotFound(N_("That item is no longer in the queue."))
    handler = handler_for(item.subject_type)
    subject = handler.load(session, item.subject_id)
    texts = handler.texts(subject) if subject is not None else {}
    flags = list(item.flags)
    history = list(
        session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.subject_type == item.subject_type,
                AuditEntry.subject_id == item.subject_id,
            )
            .order_by(AuditEntry.at, AuditEntry.id)
        )
    )
    return ItemDetail(
        item=item,
        subject=subject,
        author=session.get(User, item.author_id) if item.author_id else None,
        actions=handler.actions,
        texts={
            field: marked_segments(
                text, [f for f in flags if f.field in (field, None) and f.span_start is not None]
            )
            for field, text in texts.items()
        },
        flags=flags,
        history=history,
    )


SUMMARY_LENGTH = 90


def item_summaries(session: Session, viewer: object, items: list[ReviewItem]) -> dict[int, str]:
    """The opening words of each item's subject, loaded in one query per subject type."""
    authorize(viewer, "review.view_queue")
    by_type: dict[str, list[ReviewItem]] = {}
    for item in items:
        by_type.setdefault(item.subject_type, []).append(item)
    summaries: dict[int, str] = {}
    for subject_type, group in by_type.items():
        handler = handler_for(subject_type)
        subjects = handler.load_many(session, [i.subject_id for i in group])
        for item in group:
            subject = subjects.get(item.subject_id)
            texts = handler.texts(subject) if subject is not None else {}
            words = " ".join(" ".join(texts.values()).split())
            summaries[item.id] = (
                words if len(words) <= SUMMARY_LENGTH else words[:SUMMARY_LENGTH] + " …"
            )
    return summaries


@dataclass(frozen=True)
class QueueSummary:
    """Counts per subject type and the age of the oldest waiting item."""

    counts: dict[str, int]
    urgent: int
    oldest: datetime | None


def queue_summary(session: Session, viewer: object) -> QueueSummary:
    """The console header: how much waits, and for how long."""
    authorize(viewer, "review.view_queue")
    rows = session.execute(
        select(ReviewItem.subject_type, func.count(), func.min(ReviewItem.opened_at))
        .where(ReviewItem.status == ItemStatus.OPEN)
        .group_by(ReviewItem.subject_type)
    ).all()
    urgent = (
        session.scalar(
            select(func.count())
            .select_from(ReviewItem)
            .where(ReviewItem.status == ItemStatus.OPEN, ReviewItem.urgent.is_(True))
        )
        or 0
    )
    oldest = min((r[2] for r in rows), default=None)
    # min() may come back without the column's type on some databases; make it aware.
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    return QueueSummary(counts={r[0]: r[1] for r in rows}, urgent=urgent, oldest=oldest)


@dataclass(frozen=True)
class QueuePage:
    """The console's list: a page of open items, their excerpts, and the header counts."""

    items: Page[ReviewItem]
    excerpts: dict[int, str]
    summary: QueueSummary


def queue_page(
    session: Session, viewer: object, *, subject_types: list[str] | None, cursor: str | None
) -> QueuePage:
    """Everything the console's list shows, in a fixed number of queries."""
    items = open_items(session, viewer, subject_types=subject_types, cursor=cursor)
    return QueuePage(
        items, item_summaries(session, viewer, items.items), queue_summary(session, viewer)
    )
