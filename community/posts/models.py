"""Posts and revisions, topics, likes, comments, follows, the featured peer."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.db import Base, UTCDateTime


class PostState(StrEnum):
    """Where a post is, as readers see it."""

    DRAFT = "draft"  # never sent
    PENDING = "pending"  # sent, never published, waiting for a moderator
    CHANGES_REQUESTED = "changes_requested"  # back with the author, never published
    PUBLISHED = "published"  # readers see the live revision
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # the author took it down
    REMOVED = "removed"  # a moderator took it down after a report


class RevisionState(StrEnum):
    DRAFT = "draft"
    PENDING = "pending"
    CHANGES_REQUESTED = "changes_requested"
    PUBLISHED = "published"  # the live one
    SUPERSEDED = "superseded"  # was live until a newer revision was published
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Topic(Base):
    """A theme posts are filed under; coordinators keep the list."""

    __tablename__ = "topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name_da: Mapped[str] = mapped_column(String(60))
    name_en: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    @property
    def names(self) -> dict[str, str]:
        return {"da": self.name_da, "en": self.name_en}


class Post(Base):
    """A blog post. Readers see ``live_revision``; edits wait in newer revisions."""

    __tablename__ = "post"
    __table_args__ = (
        # The front page: published, not hidden, newest first.
        Index(
            "ix_post_feed",
            "published_at",
            "id",
            sqlite_where=text("state = 'published' AND hidden = 0"),
            postgresql_where=text("state = 'published' AND hidden = false"),
        ),
        Index("ix_post_author_published", "author_id", "published_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(20), default=PostState.DRAFT)
    # The title the author last saved (the live title may be older), for their own list.
    title: Mapped[str] = mapped_column(String(150), default="")
    # Hidden from readers while reports wait for a moderator.
    hidden: Mapped[bool] = mapped_column(default=False)
    live_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("post_revision.id", use_alter=True, ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    like_count: Mapped[int] = mapped_column(default=0)
    comment_count: Mapped[int] = mapped_column(default=0)

    author = relationship("User", lazy="joined", innerjoin=True)
    live_revision: Mapped["PostRevision | None"] = relationship(
        foreign_keys=[live_revision_id], lazy="joined", post_update=True
    )

    @property
    def is_visible(self) -> bool:
        """True when readers may see the post."""
        return self.state == PostState.PUBLISHED and not self.hidden


class PostRevision(Base):
    """One version of a post's text. The author edits a draft; a moderator decides."""

    __tablename__ = "post_revision"
    __table_args__ = (Index("ix_post_revision_post_state", "post_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(150), default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    helps_text: Mapped[str] = mapped_column(Text, default="")
    # The opening of the plain text, for lists of posts (made once, at save).
    summary: Mapped[str] = mapped_column(String(300), default="")
    # Topic ids, comma separated: the revision's choice, applied when published.
    topic_ids: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(20), default=RevisionState.DRAFT)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_guideline: Mapped[int | None]
    decision_note: Mapped[str | None] = mapped_column(Text)
    # Bumped at every save, so a stale tab cannot overwrite newer text.
    version: Mapped[int] = mapped_column(default=1)

    post: Mapped[Post] = relationship(foreign_keys=[post_id])

    @property
    def topic_id_list(self) -> list[int]:
        return [int(t) for t in self.topic_ids.split(",") if t]


class PostTopic(Base):
    """A published post under a topic, with the post's publication time copied in,
    so a topic page is one index range scan."""

    __tablename__ = "post_topic"
    __table_args__ = (Index("ix_post_topic_feed", "topic_id", "published_at", "post_id"),)

    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True
    )
    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True
    )
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Like(Base):
    """One user likes one post, once."""

    __tablename__ = "post_like"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CommentState(StrEnum):
    VISIBLE = "visible"
    HELD = "held"  # waits for a moderator; only the author sees it, marked as waiting
    BLOCKED = "blocked"  # kept only for a crisis review; never shown
    REJECTED = "rejected"
    REMOVED = "removed"


class Comment(Base):
    """A comment on a post, optionally a reply to another comment."""

    __tablename__ = "comment"
    __table_args__ = (Index("ix_comment_post_created", "post_id", "created_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)
    # What readers see: the body, with words masked where the policy censors them.
    shown_body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default=CommentState.VISIBLE)
    hidden: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    author = relationship("User", lazy="joined", innerjoin=True)

    @property
    def is_visible(self) -> bool:
        return self.state == CommentState.VISIBLE and not self.hidden


class Follow(Base):
    """A user follows a peer."""

    __tablename__ = "follow"
    __table_args__ = (Index("ix_follow_followee", "followee_id"),)

    follower_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    followee_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FeaturedPeer(Base):
    """A coordinator's choice of peer of the week; the newest is the current one."""

    __tablename__ = "featured_peer"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    chosen_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    chosen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    user = relationship("User", foreign_keys=[user_id], lazy="joined")


__all__ = [
    "Comment",
    "CommentState",
    "FeaturedPeer",
    "Follow",
    "Like",
    "Post",
    "PostRevision",
    "PostState",
    "PostTopic",
    "RevisionState",
    "Topic",
]
