"""What a moderator's decision does to post revisions, reported posts and comments."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from community.errors import Conflict, NotFound, ValidationFailed
from community.i18n import N_
from community.notifications import NotificationKind, notify, notify_many
from community.posts.findings import post_texts
from community.posts.models import (
    Comment,
    CommentState,
    Follow,
    Post,
    PostRevision,
    PostState,
    PostTopic,
    RevisionState,
)
from community.posts.search import index_post
from community.posts.writing import unlist_post
from community.review.registry import Decision, SubjectHandler, register
from community.review.services import close_without_decision


def _require_reason(decision: Decision) -> None:
    if decision.guideline is None or not (decision.note or decision.reason):
        raise ValidationFailed(
            N_("Say which guideline it concerns and why, so the author can act on it."),
            field="reason",
        )


def publish_revision(session: Session, revision: PostRevision, now: datetime) -> None:
    """Make ``revision`` the live text of its post and list the post (no commit)."""
    post = revision.post
    if post.live_revision is not None:
        post.live_revision.state = RevisionState.SUPERSEDED
    revision.state = RevisionState.PUBLISHED
    revision.decided_at = now
    post.live_revision = revision
    first_time = post.published_at is None
    if first_time:
        post.published_at = now
    post.state = PostState.PUBLISHED
    session.flush()
    session.execute(PostTopic.__table__.delete().where(PostTopic.post_id == post.id))
    if not post.hidden:
        session.execute(
            PostTopic.__table__.insert(),
            [
                {"topic_id": t, "post_id": post.id, "published_at": post.published_at}
                for t in revision.topic_id_list
            ],
        )
        index_post(session, post)
    notify(session, post.author_id, NotificationKind.POST_PUBLISHED, now, post_id=post.id)
    if first_time:
        followers = list(
            session.scalars(select(Follow.follower_id).where(Follow.followee_id == post.author_id))
        )
        notify_many(
            session,
            followers,
            NotificationKind.NEW_POST,
            now,
            actor_id=post.author_id,
            post_id=post.id,
        )


def _decide_revision(
    session: Session, actor: object, revision_id: int, decision: Decision, now: datetime
) -> tuple[str | None, str]:
    revision = session.get(PostRevision, revision_id)
    if revision is None or revision.state != RevisionState.PENDING:
        raise NotFound(N_("The post was taken back or changed meanwhile."))
    post = revision.post
    if decision.action == "publish":
        if post.state == PostState.REMOVED:
            raise Conflict(N_("A moderator removed this post, so its changes cannot be published."))
        publish_revision(session, revision, now)
        return RevisionState.PENDING, RevisionState.PUBLISHED
    _require_reason(decision)
    revision.decided_at = now
    revision.decision_guideline = decision.guideline
    revision.decision_note = decision.note
    if decision.action == "request_changes":
        revision.state = RevisionState.CHANGES_REQUESTED
        if post.state == PostState.PENDING:
            post.state = PostState.CHANGES_REQUESTED
        kind = NotificationKind.POST_CHANGES_REQUESTED
    else:
        revision.state = RevisionState.REJECTED
        if post.state == PostState.PENDING:
            post.state = PostState.REJECTED
        kind = NotificationKind.POST_REJECTED
    notify(session, post.author_id, kind, now, post_id=post.id, guideline=decision.guideline)
    return RevisionState.PENDING, revision.state


def _decide_reported_post(
    session: Session, actor: object, post_id: int, decision: Decision, now: datetime
) -> tuple[str | None, str]:
    post = session.get(Post, post_id)
    if post is None:
        raise NotFound(N_("The post no longer exists."))
    if decision.action == "keep":
        was_hidden = post.hidden
        post.hidden = False
        if was_hidden and post.state == PostState.PUBLISHED:
            publish_listing(session, post)
        return ("hidden" if was_hidden else post.state), post.state
    _require_reason(decision)
    from_state = post.state
    post.state = PostState.REMOVED
    post.hidden = True
    unlist_post(session, post)
    # An edit waiting for review must not bring a removed post back when published.
    for pending in session.scalars(
        select(PostRevision).where(
            PostRevision.post_id == post.id, PostRevision.state == RevisionState.PENDING
        )
    ):
        pending.state = RevisionState.REJECTED
        pending.decided_at = now
        close_without_decision(session, "post_revision", pending.id, reason="post_removed", now=now)
    notify(
        session,
        post.author_id,
        NotificationKind.POST_REMOVED,
        now,
        post_id=post.id,
        guideline=decision.guideline,
    )
    return from_state, PostState.REMOVED


def publish_listing(session: Session, post: Post) -> None:
    """Put a visible post back on its topic pages and in search (no commit)."""
    session.execute(PostTopic.__table__.delete().where(PostTopic.post_id == post.id))
    session.execute(
        PostTopic.__table__.insert(),
        [
            {"topic_id": t, "post_id": post.id, "published_at": post.published_at}
            for t in post.live_revision.topic_id_list
        ],
    )
    index_post(session, post)


def _decide_comment(
    session: Session, actor: object, comment_id: int, decision: Decision, now: datetime
) -> tuple[str | None, str]:
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise NotFound(N_("The comment no longer exists."))
    from_state = "hidden" if comment.hidden else comment.state
    was_shown = comment.is_visible
    if decision.action == "approve":
        if comment.state == CommentState.BLOCKED:
            # A blocked crisis comment is reviewed for the writer's sake; it stays unseen.
            return from_state, CommentState.BLOCKED
        was_held = comment.state == CommentState.HELD
        comment.state = CommentState.VISIBLE
        comment.hidden = False
        if was_held:
            notify(
                session,
                comment.author_id,
                NotificationKind.COMMENT_APPROVED,
                now,
                post_id=comment.post_id,
                comment_id=comment.id,
            )
            notify_reply(session, comment, now)
    else:
        _require_reason(decision)
        comment.state = CommentState.REMOVED if was_shown else CommentState.REJECTED
        notify(
            session,
            comment.author_id,
            NotificationKind.COMMENT_BLOCKED,
            now,
            post_id=comment.post_id,
            comment_id=comment.id,
            guideline=decision.guideline,
        )
    change_comment_count(session, comment.post_id, int(comment.is_visible) - int(was_shown))
    return from_state, comment.state


def notify_reply(session: Session, comment: Comment, now: datetime) -> None:
    """Tell the author of the comment replied to (no commit)."""
    if comment.parent_id is not None:
        parent_author = session.scalar(
            select(Comment.author_id).where(Comment.id == comment.parent_id)
        )
        if parent_author is not None:
            notify(
                session,
                parent_author,
                NotificationKind.COMMENT_REPLY,
                now,
                actor_id=comment.author_id,
                post_id=comment.post_id,
                comment_id=comment.id,
            )


def change_comment_count(session: Session, post_id: int, delta: int) -> None:
    """Move the post's visible-comment count by ``delta`` in the database (no commit)."""
    if delta:
        session.execute(
            update(Post).where(Post.id == post_id).values(comment_count=Post.comment_count + delta)
        )


def _post_texts(post: Post) -> dict[str, str]:
    live = post.live_revision
    return post_texts(live.title, live.body_html, live.helps_text) if live else {}


REVISION = register(
    SubjectHandler(
        "post_revision",
        ("publish", "request_changes", "reject"),
        _decide_revision,
        model=PostRevision,
        texts=lambda r: post_texts(r.title, r.body_html, r.helps_text),
    )
)
REPORTED_POST = register(
    SubjectHandler(
        "post",
        ("keep", "remove"),
        _decide_reported_post,
        model=Post,
        texts=_post_texts,
    )
)
COMMENT = register(
    SubjectHandler(
        "comment",
        ("approve", "reject"),
        _decide_comment,
        model=Comment,
        texts=lambda c: {"body": c.body},
    )
)
