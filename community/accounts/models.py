"""Accounts, staff roles, peer tasks and the server-side record of each login."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    ColumnElement,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    and_,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.db import Base, UTCDateTime


class Role(StrEnum):
    """Staff roles; several can be combined on one account."""

    MODERATOR = "moderator"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class Task(StrEnum):
    """What a coordinator lets a peer do. A follower with any active task is a peer."""

    BLOG = "blog"
    CHAT = "chat"


class ReviewState(StrEnum):
    """Where a piece of profile content is in moderation."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class User(Base):
    """One person. ``alias`` is the only name anyone else ever sees."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    alias: Mapped[str] = mapped_column(String(24))
    # Case- and separator-insensitive form of the alias, so "Stille.Sol" and
    # "stillesol" cannot both exist and impersonate each other.
    alias_key: Mapped[str] = mapped_column(String(24), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    birth_year: Mapped[int]
    municipality_code: Mapped[str] = mapped_column(String(4))
    # The approved description; a new one waits in DescriptionDraft until approved.
    description: Mapped[str | None] = mapped_column(Text)
    avatar_id: Mapped[int | None] = mapped_column(
        ForeignKey("avatar.id", use_alter=True, ondelete="SET NULL")
    )
    locale: Mapped[str | None] = mapped_column(String(5))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    alias_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    guidelines_version: Mapped[int] = mapped_column(default=0)
    privacy_version: Mapped[int] = mapped_column(default=0)

    roles: Mapped[list["UserRole"]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", back_populates="user"
    )
    tasks: Mapped[list["UserTask"]] = relationship(
        lazy="selectin",
        cascade="all, delete-orphan",
        back_populates="user",
        foreign_keys="UserTask.user_id",
    )

    # Set when the user is loaded for a login session; what Flask-Login stores.
    login_token = None

    # The protocol Flask-Login expects; plain attributes, no Flask import needed.
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return True

    def get_id(self) -> str | None:
        return self.login_token

    def has_role(self, role: Role | str) -> bool:
        """True when the user holds staff role ``role``."""
        return any(r.role == role for r in self.roles)

    def has_task(self, task: Task | str) -> bool:
        """True when the user holds task ``task`` and it is active."""
        return any(t.task == task and t.active for t in self.tasks)

    @property
    def is_peer(self) -> bool:
        return any(t.active for t in self.tasks)

    @property
    def is_staff(self) -> bool:
        return bool(self.roles)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.alias!r}>"


class Visitor:
    """Someone who is not signed in. Holds no roles or tasks."""

    id = None
    alias = None
    roles: tuple = ()
    tasks: tuple = ()
    is_authenticated = False
    is_anonymous = True
    is_active = False
    is_peer = False
    is_staff = False
    locale = None

    def get_id(self) -> None:
        return None

    def has_role(self, role: Role | str) -> bool:
        return False

    def has_task(self, task: Task | str) -> bool:
        return False


class UserRole(Base):
    """A staff role held by a user."""

    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="roles")


class UserTask(Base):
    """A peer task (blog, chat) given by a coordinator; it can be paused."""

    __tablename__ = "user_task"
    __table_args__ = (UniqueConstraint("user_id", "task"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    task: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    granted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    user: Mapped[User] = relationship(back_populates="tasks", foreign_keys=[user_id])


class LoginSession(Base):
    """One signed-in browser. Only a hash of its token is stored, and no address.

    Ending a row ends that login everywhere it is used (cookie, remember-me cookie,
    open sockets), which is how logout and password changes reach other devices.
    """

    __tablename__ = "login_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    remember: Mapped[bool] = mapped_column(default=False)


class Avatar(Base):
    """A re-encoded profile picture; public only once a moderator approved it."""

    __tablename__ = "avatar"
    __table_args__ = (Index("ix_avatar_user_state", "user_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(10), default=ReviewState.PENDING)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    mime_type: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DescriptionDraft(Base):
    """A new profile description waiting for a moderator."""

    __tablename__ = "description_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default=ReviewState.PENDING)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Suspension(Base):
    """A time during which a person may not sign in, set by a moderator.

    It stays after it ends or is lifted (the moderators' history of the account)
    and goes with the account when that is deleted.
    """

    __tablename__ = "suspension"
    __table_args__ = (Index("ix_suspension_user_until", "user_id", "until"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    until: Mapped[datetime] = mapped_column(UTCDateTime)
    guideline: Mapped[int]
    reason: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @classmethod
    def in_force(cls, now: datetime) -> ColumnElement[bool]:
        """The condition of a suspension that holds at ``now``."""
        return and_(cls.lifted_at.is_(None), cls.until > now)
