"""Review items and their flags."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.db import Base, UTCDateTime


class ItemStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class FlagSource(StrEnum):
    ENGINE = "engine"  # the moderation engine found something
    REPORT = "report"  # a user reported published content
    PREMODERATION = "premoderation"  # the setting that holds everything of a kind
    SUBMISSION = "submission"  # content that always waits for a person (posts, avatars)


class ReviewItem(Base):
    """One thing under review (a post revision, a comment, an avatar, ...).

    There is one row per subject; a new flag on a closed item reopens it. ``version``
    grows with every change so a decision made on a stale screen is refused.
    """

    __tablename__ = "review_item"
    __table_args__ = (
        UniqueConstraint("subject_type", "subject_id"),
        Index("ix_review_item_queue", "status", "urgent", "opened_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[int]
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default=ItemStatus.OPEN)
    urgent: Mapped[bool] = mapped_column(default=False)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision: Mapped[str | None] = mapped_column(String(30))
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(default=1)

    flags: Mapped[list["ReviewFlag"]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        order_by="ReviewFlag.id",
        lazy="selectin",
    )


class ReviewFlag(Base):
    """One reason an item is in the queue: an engine finding or a user's report."""

    __tablename__ = "review_flag"
    # One report per user per item; engine flags have no reporter.
    __table_args__ = (UniqueConstraint("item_id", "reporter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("review_item.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(30))
    guideline: Mapped[int | None]
    severity: Mapped[str | None] = mapped_column(String(10))
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]
    # For an engine finding: which field of the subject the span is in (title, body...).
    field: Mapped[str | None] = mapped_column(String(20))
    reporter_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE")
    )
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    item: Mapped[ReviewItem] = relationship(back_populates="flags")
