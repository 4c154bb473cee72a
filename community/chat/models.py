"""Chat tables: rooms and their hours, memberships, talks, messages, live sockets.

Every row that belongs to a person cascades when their account is deleted.
Messages carry a per-channel sequence number given when they are delivered, so
a client that reconnects asks for "everything after N" and gets each event once,
in order. A removal takes a sequence number of its own for the same reason.
"""

from datetime import datetime, time
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.accounts.models import User
from community.db import Base, UTCDateTime


class MessageState(StrEnum):
    """Where a chat message is: delivered, waiting for a moderator, or gone."""

    DELIVERED = "delivered"
    HELD = "held"
    REJECTED = "rejected"
    REMOVED = "removed"


class TalkState(StrEnum):
    WAITING = "waiting"
    ACTIVE = "active"
    ENDED = "ended"


class ChatRoom(Base):
    """A themed room, open in its weekly hours (or ad hoc) while a host is present."""

    __tablename__ = "chat_room"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text, default="")
    max_members: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A host opened the room outside its hours; cleared when it is closed.
    opened_ad_hoc_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Closing (by a moderator or a host) holds until a host opens it again or
    # the next scheduled period begins.
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The last sequence number given to an event (a message or a removal) here.
    last_seq: Mapped[int] = mapped_column(default=0)

    hours: Mapped[list["OpeningHours"]] = relationship(
        cascade="all, delete-orphan",
        order_by="(OpeningHours.weekday, OpeningHours.starts)",
        lazy="selectin",
    )


class OpeningHours(Base):
    """One weekly period, in the community's local time (Europe/Copenhagen)."""

    __tablename__ = "chat_opening_hours"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("chat_room.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int]  # 0 = Monday
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)  # at or before ``starts``: runs past midnight


class ChatMembership(Base):
    """A person in a room, from the moment they joined until they leave.

    ``joined_seq`` is the room's last sequence number at joining: a member sees
    what was said after it, never what was said before they came.
    """

    __tablename__ = "chat_membership"
    __table_args__ = (UniqueConstraint("room_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("chat_room.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    joined_seq: Mapped[int]


class ChatRemoval(Base):
    """A moderator took a person out of a room; they cannot come back until ``until``."""

    __tablename__ = "chat_removal"
    __table_args__ = (Index("ix_chat_removal_room_user", "room_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("chat_room.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    removed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    until: Mapped[datetime] = mapped_column(UTCDateTime)


class ChatMute(Base):
    """A person may read but not write in any chat until ``until``."""

    __tablename__ = "chat_mute"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    muted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    until: Mapped[datetime] = mapped_column(UTCDateTime)


class ChatTalk(Base):
    """A private talk a follower asked for, and the host who took it."""

    __tablename__ = "chat_talk"
    __table_args__ = (Index("ix_chat_talk_queue", "room_id", "state", "requested_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("chat_room.id", ondelete="CASCADE"))
    follower_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    # The talk is the follower's: it stays theirs if the host's account goes.
    host_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    state: Mapped[str] = mapped_column(String(10), default=TalkState.WAITING)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The follower's voluntary answer to "Did this help you today?" (1-5).
    helped: Mapped[int | None]
    last_seq: Mapped[int] = mapped_column(default=0)


class ChatMessage(Base):
    """One message in a room or a talk (exactly one of the two)."""

    __tablename__ = "chat_message"
    __table_args__ = (
        UniqueConstraint("room_id", "seq"),
        UniqueConstraint("talk_id", "seq"),
        CheckConstraint("(room_id IS NULL) <> (talk_id IS NULL)", name="one_channel"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("chat_room.id", ondelete="CASCADE"))
    talk_id: Mapped[int | None] = mapped_column(ForeignKey("chat_talk.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    # Given at delivery; a held message has none until a moderator approves it.
    seq: Mapped[int | None]
    body: Mapped[str] = mapped_column(Text)
    # What others see when the policy masks words; None shows ``body``.
    display_text: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10))
    crisis: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The sequence number of the removal event, so a reconnecting client learns of it.
    removed_seq: Mapped[int | None]

    author: Mapped[User] = relationship(foreign_keys=[author_id])
    room: Mapped[ChatRoom | None] = relationship()
    talk: Mapped[ChatTalk | None] = relationship()

    @property
    def shown_text(self) -> str:
        return self.display_text if self.display_text is not None else self.body


class ChatConnection(Base):
    """One open socket, by its login's hash (no address, no browser details).

    Lets a logout or a password change close the login's sockets in whichever
    server process holds them. Deliberately not tied to the account row: when an
    account is deleted its sockets must still be found and closed.
    """

    __tablename__ = "chat_connection"

    id: Mapped[int] = mapped_column(primary_key=True)
    sid: Mapped[str] = mapped_column(String(64), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), index=True)
    connected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChatPresence(Base):
    """A socket present in a room right now (as host, member or watching moderator)."""

    __tablename__ = "chat_presence"
    __table_args__ = (
        UniqueConstraint("connection_id", "room_id"),
        Index("ix_chat_presence_room", "room_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    connection_id: Mapped[int] = mapped_column(ForeignKey("chat_connection.id", ondelete="CASCADE"))
    room_id: Mapped[int] = mapped_column(ForeignKey("chat_room.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(10))  # host, member, watcher
    since: Mapped[datetime] = mapped_column(UTCDateTime)
