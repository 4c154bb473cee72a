"""A channel is where messages go: a room, or a private talk.

Both number their events (delivered messages and removals) in one sequence of
their own; the socket layer uses ``Channel.name`` as the Socket.IO room.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.chat.models import ChatRoom, ChatTalk, TalkState
from community.chat.presence import active_mute, membership, room_access
from community.chat.rooms import get_room
from community.errors import NotFound, ValidationFailed
from community.i18n import N_
from community.permissions import can

KINDS = ("room", "talk")


@dataclass(frozen=True)
class Channel:
    """``room:<id>`` or ``talk:<id>``."""

    kind: str
    id: int

    @property
    def name(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def parse(cls, text: object) -> "Channel":
        """The channel named ``text``; ValidationFailed for anything else."""
        kind, _, number = str(text or "").partition(":")
        if kind not in KINDS or not number.isdigit() or len(number) > 12:
            raise ValidationFailed(N_("That chat does not exist."), field="channel")
        return cls(kind, int(number))


@dataclass(frozen=True)
class ChannelAccess:
    """The facts the rules need about a person in a channel now."""

    channel: Channel
    is_open: bool
    participant: bool
    muted: bool
    watcher: bool
    # Where this person's view of the channel starts (members see from joining).
    visible_after: int
    room: ChatRoom | None = None
    talk: ChatTalk | None = None


def get_talk(session: Session, talk_id: int) -> ChatTalk:
    talk = session.get(ChatTalk, talk_id)
    if talk is None:
        raise NotFound(N_("That talk does not exist."))
    return talk


def channel_access(session: Session, user: User, channel: Channel, now: datetime) -> ChannelAccess:
    """What ``user`` may see and do in ``channel`` now, as facts for the rules."""
    watcher = can(user, "chat.moderate")
    if channel.kind == "room":
        room = get_room(session, channel.id)
        access = room_access(session, user, room, now)
        member = membership(session, room.id, user.id)
        return ChannelAccess(
            channel=channel,
            is_open=access.is_open,
            participant=access.participant,
            muted=access.muted,
            watcher=watcher,
            visible_after=0 if watcher or member is None else member.joined_seq,
            room=room,
        )
    talk = get_talk(session, channel.id)
    party = user.id in (talk.follower_id, talk.host_id)
    return ChannelAccess(
        channel=channel,
        is_open=talk.state == TalkState.ACTIVE,
        participant=party and talk.state == TalkState.ACTIVE,
        muted=active_mute(session, user.id, now) is not None,
        watcher=watcher,
        visible_after=0,
        talk=talk,
    )


def next_seq(session: Session, channel: Channel) -> int:
    """Take the channel's next sequence number (in the caller's transaction).

    The row update is atomic and, on PostgreSQL, holds the row until commit, so
    numbers are given in commit order whichever process asks.
    """
    model = ChatRoom if channel.kind == "room" else ChatTalk
    stmt = (
        update(model)
        .where(model.id == channel.id)
        .values(last_seq=model.last_seq + 1)
        .returning(model.last_seq)
    )
    return session.execute(stmt, execution_options={"synchronize_session": False}).scalar_one()


def last_seq(session: Session, channel: Channel) -> int:
    model = ChatRoom if channel.kind == "room" else ChatTalk
    return session.scalar(select(model.last_seq).where(model.id == channel.id)) or 0
