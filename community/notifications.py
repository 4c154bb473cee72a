"""Notifications: what happened that a user should know about, and a bell count."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, func, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from community.db import Base, UTCDateTime
from community.pagination import Page, SortKey, paginate


class NotificationKind(StrEnum):
    NEW_POST = "new_post"  # a peer I follow published a post
    POST_PUBLISHED = "post_published"
    POST_CHANGES_REQUESTED = "post_changes_requested"
    POST_REJECTED = "post_rejected"
    POST_REMOVED = "post_removed"
    COMMENT_HELD = "comment_held"
    COMMENT_APPROVED = "comment_approved"
    COMMENT_BLOCKED = "comment_blocked"
    COMMENT_REPLY = "comment_reply"
    AVATAR_APPROVED = "avatar_approved"
    AVATAR_REJECTED = "avatar_rejected"
    DESCRIPTION_APPROVED = "description_approved"
    DESCRIPTION_REJECTED = "description_rejected"
    ALIAS_REPLACED = "alias_replaced"


class Notification(Base):
    """One thing for one user to know. It names content by id; texts are looked up."""

    __tablename__ = "notification"
    __table_args__ = (
        Index("ix_notification_unread", "user_id", "read_at"),
        Index("ix_notification_list", "user_id", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    post_id: Mapped[int | None] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"))
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"))
    guideline: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    actor = relationship("User", foreign_keys=[actor_id], lazy="joined")
    post = relationship("Post", lazy="joined")


def notify(
    session: Session,
    user_id: int,
    kind: NotificationKind,
    now: datetime,
    *,
    actor_id: int | None = None,
    post_id: int | None = None,
    comment_id: int | None = None,
    guideline: int | None = None,
) -> None:
    """Add a notification in the caller's transaction (the caller commits)."""
    if actor_id is not None and actor_id == user_id:
        return  # nobody is told about their own doing
    session.add(
        Notification(
            user_id=user_id,
            kind=kind,
            actor_id=actor_id,
            post_id=post_id,
            comment_id=comment_id,
            guideline=guideline,
            created_at=now,
        )
    )


def notify_many(
    session: Session, user_ids: list[int], kind: NotificationKind, now: datetime, **about: int
) -> None:
    """The same notification to many users in one statement (a post to its followers)."""
    if user_ids:
        session.execute(
            Notification.__table__.insert(),
            [
                {
                    "user_id": uid,
                    "kind": kind,
                    "created_at": now,
                    "read_at": None,
                    "actor_id": about.get("actor_id"),
                    "post_id": about.get("post_id"),
                    "comment_id": None,
                    "guideline": None,
                }
                for uid in user_ids
            ],
        )


def unread_count(session: Session, user_id: int) -> int:
    """How many notifications the user has not read."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        )
        or 0
    )


def notifications_of(
    session: Session, user_id: int, *, cursor: str | None = None, limit: int = 30
) -> Page[Notification]:
    """The user's notifications, newest first."""
    return paginate(
        session,
        select(Notification).where(Notification.user_id == user_id),
        (
            SortKey(Notification.created_at, descending=True),
            SortKey(Notification.id, descending=True),
        ),
        lambda n: (n.created_at, n.id),
        cursor=cursor,
        limit=limit,
    )


def mark_all_read(session: Session, user_id: int, now: datetime) -> None:
    """Mark every notification of the user as read."""
    session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=now)
    )
    session.commit()
