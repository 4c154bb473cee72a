"""What coordinators curate: the list of topics and the peer of the week."""

import re
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.audit import record_event
from community.errors import Conflict, NotFound, Problems, ValidationFailed
from community.i18n import N_
from community.permissions import authorize
from community.posts.models import FeaturedPeer, Topic

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def all_topics(session: Session, actor: object) -> list[Topic]:
    """Every topic, shown or hidden, in order (for coordinators)."""
    authorize(actor, "topics.manage")
    return list(session.scalars(select(Topic).order_by(Topic.position, Topic.id)))


def add_topic(
    session: Session, actor: object, *, slug: str, name_da: str, name_en: str, now: datetime
) -> Topic:
    """Add a topic at the end of the list."""
    authorize(actor, "topics.manage")
    problems = Problems()
    if not _SLUG.match(slug) or len(slug) > 40:
        problems.add("slug", N_("Use lower-case letters, digits and dashes (at most 40)."))
    elif session.scalar(select(Topic.id).where(Topic.slug == slug)) is not None:
        problems.add("slug", N_("A topic with this short name exists."))
    for field, name in (("name_da", name_da), ("name_en", name_en)):
        if not name.strip() or len(name) > 60:
            problems.add(field, N_("Use 1 to 60 characters."))
    problems.raise_if_any()
    position = (session.scalar(select(func.max(Topic.position))) or 0) + 1
    topic = Topic(
        slug=slug, name_da=name_da.strip(), name_en=name_en.strip(), position=position, active=True
    )
    session.add(topic)
    session.flush()
    record_event(session, actor, "topic.add", subject=("topic", topic.id), now=now)
    session.commit()
    return topic


def rename_topic(
    session: Session, actor: object, topic_id: int, *, name_da: str, name_en: str, now: datetime
) -> None:
    """Give a topic new names in both languages."""
    authorize(actor, "topics.manage")
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise NotFound(N_("There is no such topic."))
    problems = Problems()
    for field, name in (("name_da", name_da), ("name_en", name_en)):
        if not name.strip() or len(name) > 60:
            problems.add(field, N_("Use 1 to 60 characters."))
    problems.raise_if_any()
    topic.name_da, topic.name_en = name_da.strip(), name_en.strip()
    record_event(session, actor, "topic.rename", subject=("topic", topic.id), now=now)
    session.commit()


def set_topic_active(
    session: Session, actor: object, topic_id: int, active: bool, now: datetime
) -> None:
    """Show or hide a topic; its posts stay, only the topic page and choice go away."""
    authorize(actor, "topics.manage")
    topic = session.get(Topic, topic_id)
    if topic is None:
        raise NotFound(N_("There is no such topic."))
    if topic.active == active:
        raise Conflict(N_("Nothing to change."))
    topic.active = active
    record_event(
        session,
        actor,
        "topic.active" if active else "topic.inactive",
        subject=("topic", topic.id),
        now=now,
    )
    session.commit()


def feature_peer(session: Session, actor: object, peer: User, now: datetime) -> None:
    """Make ``peer`` the peer of the week, shown on the front page."""
    authorize(actor, "peer.feature")
    if not peer.is_peer:
        raise ValidationFailed(N_("Only a peer can be the peer of the week."))
    session.add(FeaturedPeer(user_id=peer.id, chosen_by_id=actor.id, chosen_at=now))
    record_event(session, actor, "peer.feature", subject=("user", peer.id), now=now)
    session.commit()


def featured_peer(session: Session) -> User | None:
    """The current peer of the week (the latest choice, if still a peer)."""
    choice = session.scalar(
        select(FeaturedPeer)
        .order_by(FeaturedPeer.chosen_at.desc(), FeaturedPeer.id.desc())
        .limit(1)
    )
    if choice is None or not choice.user.is_peer:
        return None
    return choice.user
