"""A user's blog data in their download: posts with every revision, comments, likes, follows."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.data_rights import register_exporter
from community.accounts.models import User
from community.notifications import Notification
from community.posts.models import Comment, Follow, Like, Post, PostRevision


def _posts(session: Session, user: User) -> list[dict[str, Any]]:
    posts = []
    for post in session.scalars(select(Post).where(Post.author_id == user.id).order_by(Post.id)):
        revisions = session.scalars(
            select(PostRevision).where(PostRevision.post_id == post.id).order_by(PostRevision.id)
        )
        posts.append(
            {
                "id": post.id,
                "state": post.state,
                "created_at": post.created_at.isoformat(),
                "published_at": post.published_at.isoformat() if post.published_at else None,
                "likes": post.like_count,
                "revisions": [
                    {
                        "title": r.title,
                        "body_html": r.body_html,
                        "what_helps_me": r.helps_text,
                        "state": r.state,
                        "saved_at": r.saved_at.isoformat(),
                        "moderator_note": r.decision_note,
                    }
                    for r in revisions
                ],
            }
        )
    return posts


def _comments(session: Session, user: User) -> list[dict[str, Any]]:
    return [
        {
            "post_id": c.post_id,
            "text": c.body,
            "state": c.state,
            "written_at": c.created_at.isoformat(),
        }
        for c in session.scalars(
            select(Comment).where(Comment.author_id == user.id).order_by(Comment.id)
        )
    ]


def _likes(session: Session, user: User) -> list[dict[str, Any]]:
    return [
        {"post_id": like.post_id, "at": like.created_at.isoformat()}
        for like in session.scalars(select(Like).where(Like.user_id == user.id))
    ]


def _follows(session: Session, user: User) -> list[dict[str, Any]]:
    rows = session.execute(
        select(User.alias, Follow.created_at)
        .join(Follow, Follow.followee_id == User.id)
        .where(Follow.follower_id == user.id)
    )
    return [{"peer": alias, "since": since.isoformat()} for alias, since in rows]


def _notifications(session: Session, user: User) -> list[dict[str, Any]]:
    return [
        {
            "kind": n.kind,
            "post_id": n.post_id,
            "at": n.created_at.isoformat(),
            "read": n.read_at is not None,
        }
        for n in session.scalars(select(Notification).where(Notification.user_id == user.id))
    ]


register_exporter("posts", _posts)
register_exporter("comments", _comments)
register_exporter("likes", _likes)
register_exporter("follows", _follows)
register_exporter("notifications", _notifications)
