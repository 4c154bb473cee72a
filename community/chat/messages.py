"""Sending a chat message, and reading what was said.

Every message passes the moderation engine before anyone else sees it:
allowed messages are stored with the channel's next sequence number and then
delivered; doubtful ones are held for a moderator; blocked ones are not stored
at all (only an audit entry says that something was blocked). A message that
signals acute risk is always kept for a moderator with an urgent queue item.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.audit import record_event
from community.chat.channels import Channel, ChannelAccess, channel_access, next_seq
from community.chat.models import ChatMessage, ChatPresence, MessageState
from community.errors import DomainError, Forbidden, NotFound, ValidationFailed
from community.i18n import N_
from community.permissions import authorize, can
from community.review.services import flags_from_verdict, open_item
from community.verdicts import explanation
from moderation import Verdict, check

CATCH_UP_LIMIT = 500


@dataclass(frozen=True)
class MessageEvent:
    """A delivered message as every reader receives it."""

    channel: str
    seq: int
    message_id: int
    author: str
    text: str
    at: datetime

    def to_payload(self) -> dict[str, Any]:
        return {
            "type": "message",
            "channel": self.channel,
            "seq": self.seq,
            "id": self.message_id,
            "author": self.author,
            "text": self.text,
            "at": self.at.isoformat(),
        }


@dataclass(frozen=True)
class RemovalEvent:
    """A moderator removed the message with ``message_seq``; readers drop it."""

    channel: str
    seq: int
    message_id: int
    message_seq: int

    def to_payload(self) -> dict[str, Any]:
        return {
            "type": "removal",
            "channel": self.channel,
            "seq": self.seq,
            "id": self.message_id,
            "message_seq": self.message_seq,
        }


ChannelEvent = MessageEvent | RemovalEvent


@dataclass(frozen=True)
class SendOutcome:
    """What happened to a message: delivered, held or blocked, and why.

    ``event`` is set when the message was delivered; ``crisis`` tells the caller
    to show helplines at once and alert ``alert_user_ids`` and the moderators.
    """

    status: str
    verdict: Verdict
    message: ChatMessage | None
    event: MessageEvent | None
    crisis: bool
    alert_user_ids: tuple[int, ...] = ()

    def problems(self) -> list[dict[str, Any]]:
        """The findings the writer is shown: guideline, explanation, marked part."""
        return [
            {
                "guideline": f.guideline,
                "category": f.category,
                "start": f.start,
                "end": f.end,
                "explanation": explanation(f),
            }
            for f in self.verdict.findings
        ]


def message_event(message: ChatMessage, channel: Channel, author_alias: str) -> MessageEvent:
    return MessageEvent(
        channel=channel.name,
        seq=message.seq or 0,
        message_id=message.id,
        author=author_alias,
        text=message.shown_text,
        at=message.delivered_at or message.created_at,
    )


def channel_of(message: ChatMessage) -> Channel:
    if message.room_id is not None:
        return Channel("room", message.room_id)
    return Channel("talk", message.talk_id)


def _check_body(body: object, max_length: int) -> str:
    text = str(body or "").strip()
    if not text:
        raise ValidationFailed(N_("Write something first."), field="body")
    if len(text) > max_length:
        raise ValidationFailed(
            N_("A message can be at most %(max)d characters."), field="body", max=max_length
        )
    return text


def send_message(
    session: Session,
    actor: User,
    channel: Channel,
    body: object,
    now: datetime,
    *,
    max_length: int,
    refused: DomainError | None = None,
) -> SendOutcome:
    """Check ``body`` with the moderation engine and store or refuse it.

    Promises: nothing is delivered that the engine did not allow; a delivered
    message is committed with its sequence number before this returns (so the
    caller acknowledges and emits only what is stored); a crisis is never
    silently dropped: when the sender may not send now (muted, past the rate
    limit given as ``refused``, the room closed), a crisis message is still held
    for the moderators as urgent, and the sender gets the helplines.
    """
    access = channel_access(session, actor, channel, now)
    text = _check_body(body, max_length)
    verdict = check(text, "chat")
    refusal = refused or _refusal(actor, access)
    if refusal is not None:
        if not verdict.crisis:
            raise refusal
        return _hold(session, actor, channel, access, text, verdict, now)
    column = {"room_id": channel.id} if channel.kind == "room" else {"talk_id": channel.id}
    if verdict.action == "allow" and not verdict.crisis:
        message = ChatMessage(
            **column,
            author_id=actor.id,
            seq=next_seq(session, channel),
            body=text,
            display_text=verdict.display_text,
            state=MessageState.DELIVERED,
            created_at=now,
            delivered_at=now,
        )
        session.add(message)
        session.commit()
        event = message_event(message, channel, actor.alias)
        return SendOutcome("delivered", verdict, message, event, crisis=False)
    if verdict.action == "block" and not verdict.crisis:
        # Not stored: we keep no more than we show. The log says that, not what.
        record_event(
            session,
            actor,
            "chat.message.block",
            subject=(f"chat_{channel.kind}", channel.id),
            guideline=verdict.findings[0].guideline if verdict.findings else None,
            reason=",".join(verdict.categories)[:60] or None,
            now=now,
        )
        session.commit()
        return SendOutcome("blocked", verdict, None, None, crisis=False)
    return _hold(session, actor, channel, access, text, verdict, now)


def _refusal(actor: User, access: ChannelAccess) -> DomainError | None:
    """Why ``actor`` may not send in the channel now, or None when they may."""
    if can(actor, "chat.message.send", access):
        return None
    if access.muted:
        return Forbidden(
            N_("A moderator has paused your writing for a while. You can still read along.")
        )
    try:
        authorize(actor, "chat.message.send", access)
    except DomainError as refusal:
        return refusal
    return None


def _hold(
    session: Session,
    actor: User,
    channel: Channel,
    access: ChannelAccess,
    text: str,
    verdict: Verdict,
    now: datetime,
) -> SendOutcome:
    """Store ``text`` unseen for the moderators (urgent when it is a crisis)."""
    column = {"room_id": channel.id} if channel.kind == "room" else {"talk_id": channel.id}
    message = ChatMessage(
        **column,
        author_id=actor.id,
        seq=None,
        body=text,
        display_text=verdict.display_text,
        state=MessageState.HELD,
        crisis=verdict.crisis,
        created_at=now,
    )
    session.add(message)
    session.flush()
    open_item(
        session,
        subject_type="chat_message",
        subject_id=message.id,
        author_id=actor.id,
        flags=flags_from_verdict(verdict, field="body"),
        now=now,
        urgent=verdict.crisis,
    )
    record_event(
        session,
        actor,
        "chat.message.crisis" if verdict.crisis else "chat.message.hold",
        subject=("chat_message", message.id),
        to_state=MessageState.HELD,
        reason=",".join(verdict.categories)[:60] or None,
        now=now,
    )
    session.commit()
    status = "blocked" if verdict.action == "block" else "held"
    alert = _hosts_to_alert(session, access) if verdict.crisis else ()
    return SendOutcome(status, verdict, message, None, crisis=verdict.crisis, alert_user_ids=alert)


def _hosts_to_alert(session: Session, access: ChannelAccess) -> tuple[int, ...]:
    if access.talk is not None:
        return (access.talk.host_id,) if access.talk.host_id else ()
    return tuple(
        sorted(
            set(
                session.scalars(
                    select(ChatPresence.user_id).where(
                        ChatPresence.room_id == access.channel.id, ChatPresence.role == "host"
                    )
                )
            )
        )
    )


def _readable(session: Session, actor: User, channel: Channel, now: datetime) -> ChannelAccess:
    access = channel_access(session, actor, channel, now)
    if not (access.participant or access.watcher):
        if channel.kind == "talk":
            authorize(actor, "chat.talk.join", access.talk)
        else:
            raise NotFound(N_("Join the room to read it."))
    return access


def events_after(
    session: Session, actor: User, channel: Channel, after_seq: int, now: datetime
) -> tuple[list[ChannelEvent], bool]:
    """Every event in ``channel`` after ``after_seq`` that ``actor`` may see, in order.

    For a reconnecting client: each delivered message it missed, once, and each
    removal of a message it had already received. Returns the events (at most
    ``CATCH_UP_LIMIT``) and whether more follow.
    """
    access = _readable(session, actor, channel, now)
    after = max(int(after_seq), access.visible_after)
    where = ChatMessage.room_id if channel.kind == "room" else ChatMessage.talk_id
    rows = session.execute(
        select(ChatMessage, User.alias)
        .join(User, User.id == ChatMessage.author_id)
        .where(
            where == channel.id,
            or_(
                and_(ChatMessage.seq > after, ChatMessage.state == MessageState.DELIVERED),
                and_(
                    ChatMessage.removed_seq > after,
                    ChatMessage.seq <= after,
                    ChatMessage.seq > access.visible_after,
                ),
            ),
        )
    ).all()
    events: list[ChannelEvent] = []
    for message, alias in rows:
        if message.state == MessageState.DELIVERED:
            events.append(message_event(message, channel, alias))
        else:
            events.append(RemovalEvent(channel.name, message.removed_seq, message.id, message.seq))
    events.sort(key=lambda e: e.seq)
    more = len(events) > CATCH_UP_LIMIT
    return events[:CATCH_UP_LIMIT], more


def history_before(
    session: Session,
    actor: User,
    channel: Channel,
    before_seq: int | None,
    now: datetime,
    *,
    limit: int = 50,
) -> tuple[list[MessageEvent], bool]:
    """Up to ``limit`` delivered messages before ``before_seq`` (the newest if None),
    oldest first, and whether earlier ones exist. Keyset-paged on the sequence."""
    access = _readable(session, actor, channel, now)
    where = ChatMessage.room_id if channel.kind == "room" else ChatMessage.talk_id
    stmt = (
        select(ChatMessage, User.alias)
        .join(User, User.id == ChatMessage.author_id)
        .where(
            where == channel.id,
            ChatMessage.state == MessageState.DELIVERED,
            ChatMessage.seq > access.visible_after,
        )
    )
    if before_seq is not None:
        stmt = stmt.where(ChatMessage.seq < int(before_seq))
    rows = session.execute(stmt.order_by(ChatMessage.seq.desc()).limit(limit + 1)).all()
    earlier = len(rows) > limit
    events = [message_event(m, channel, alias) for m, alias in rows[:limit]]
    events.reverse()
    return events, earlier


def held_messages(session: Session, actor: User, channel: Channel) -> list[ChatMessage]:
    """Messages in ``channel`` waiting for a moderator (moderators only)."""
    authorize(actor, "chat.moderate")
    where = ChatMessage.room_id if channel.kind == "room" else ChatMessage.talk_id
    return list(
        session.scalars(
            select(ChatMessage)
            .where(where == channel.id, ChatMessage.state == MessageState.HELD)
            .order_by(ChatMessage.crisis.desc(), ChatMessage.id)
        )
    )
