"""Likes and follows."""

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.audit import record_event
from community.errors import Conflict, NotFound, ValidationFailed
from community.i18n import N_
from community.permissions import authorize
from community.posts.models import Follow, Like, Post


def _visible_post(session: Session, post_id: int) -> Post:
    post = session.get(Post, post_id)
    if post is None or not post.is_visible:
        raise NotFound(N_("We could not find that post."))
    return post


def like_post(session: Session, user: object, post_id: int, now: datetime) -> int:
    """Like a visible post once; returns the new like count."""
    authorize(user, "post.like")
    _visible_post(session, post_id)
    session.add(Like(user_id=user.id, post_id=post_id, created_at=now))
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise Conflict(N_("You already like this post.")) from exc
    session.execute(update(Post).where(Post.id == post_id).values(like_count=Post.like_count + 1))
    session.commit()
    return session.scalar(select(Post.like_count).where(Post.id == post_id))


def unlike_post(session: Session, user: object, post_id: int) -> int:
    """Take back a like; returns the new like count."""
    authorize(user, "post.like")
    removed = session.execute(
        delete(Like).where(Like.user_id == user.id, Like.post_id == post_id)
    ).rowcount
    if not removed:
        session.rollback()
        raise Conflict(N_("You do not like this post."))
    session.execute(update(Post).where(Post.id == post_id).values(like_count=Post.like_count - 1))
    session.commit()
    return session.scalar(select(Post.like_count).where(Post.id == post_id))


def liked_post_ids(session: Session, user: object, post_ids: list[int]) -> set[int]:
    """Which of ``post_ids`` the user likes (one query for a whole page)."""
    if not getattr(user, "is_authenticated", False) or not post_ids:
        return set()
    return set(
        session.scalars(
            select(Like.post_id).where(Like.user_id == user.id, Like.post_id.in_(post_ids))
        )
    )


def follow_peer(session: Session, user: object, peer: User, now: datetime) -> None:
    """Follow a peer, to hear about their new posts."""
    authorize(user, "peer.follow", peer)
    if peer.id == user.id:
        raise ValidationFailed(N_("You cannot follow yourself."))
    if not peer.is_peer:
        raise ValidationFailed(N_("You can follow peers only."))
    if is_following(session, user, peer):
        raise Conflict(N_("You already follow %(alias)s."), alias=peer.alias)
    session.add(Follow(follower_id=user.id, followee_id=peer.id, created_at=now))
    record_event(session, user, "follow.add", subject=("user", peer.id), now=now)
    session.commit()


def unfollow_peer(session: Session, user: object, peer: User, now: datetime) -> None:
    """Stop following a peer."""
    authorize(user, "peer.follow", peer)
    removed = session.execute(
        delete(Follow).where(Follow.follower_id == user.id, Follow.followee_id == peer.id)
    ).rowcount
    if not removed:
        session.rollback()
        raise Conflict(N_("You do not follow %(alias)s."), alias=peer.alias)
    record_event(session, user, "follow.remove", subject=("user", peer.id), now=now)
    session.commit()


def is_following(session: Session, user: object, peer: User) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return (
        session.scalar(
            select(Follow.follower_id).where(
                Follow.follower_id == user.id, Follow.followee_id == peer.id
            )
        )
        is not None
    )


def follower_count(session: Session, peer: User) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Follow).where(Follow.followee_id == peer.id)
        )
        or 0
    )
