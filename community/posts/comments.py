"""Comments: checked by the engine before anyone else sees them."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from community.audit import record_event
from community.errors import DomainError, NotFound, ValidationFailed
from community.i18n import N_
from community.notifications import NotificationKind, notify
from community.pagination import Page, SortKey, paginate
from community.permissions import authorize
from community.posts.decisions import change_comment_count, notify_reply
from community.posts.findings import FieldFinding, excerpt
from community.posts.models import Comment, CommentState, Post
from community.posts.rules import ContentRules
from community.review.models import FlagSource
from community.review.services import FlagInput, flags_from_verdict, open_item
from moderation import Verdict, check


class CommentBlocked(DomainError):
    """The engine blocked the comment; nothing was shown. The author sees why."""

    status = 422

    def __init__(self, findings: list[FieldFinding], crisis: bool) -> None:
        super().__init__(N_("Your comment was not posted. See what to change below."), field="body")
        self.findings = findings
        self.crisis = crisis


@dataclass(frozen=True)
class CommentResult:
    """What happened to a new comment: shown, waiting, and whether it signalled a crisis."""

    comment: Comment
    crisis: bool

    @property
    def waiting(self) -> bool:
        return self.comment.state != CommentState.VISIBLE


# A second send of the same text within this time is the same comment (a double
# click, a resent form), not a new one.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=2)


def _findings(text: str, verdict: Verdict) -> list[FieldFinding]:
    return [FieldFinding("body", f, *excerpt(text, f.start, f.end)) for f in verdict.findings]


def add_comment(
    session: Session,
    rules: ContentRules,
    author: object,
    post_id: int,
    body: str,
    *,
    parent_id: int | None = None,
    now: datetime,
) -> CommentResult:
    """Check and store a comment on a visible post.

    Clean: shown at once (or held when all comments are pre-moderated). Needs a
    look: held, and the author sees it waits. Blocked: nothing is stored and
    CommentBlocked says why, unless the text signals a crisis, in which case it is
    stored unseen and sent to the moderators as urgent.
    """
    authorize(author, "comment.create")
    text = body.strip()
    if not text:
        raise ValidationFailed(N_("Write something before you send it."), field="body")
    if len(text) > rules.comment_max:
        raise ValidationFailed(
            N_("Use at most %(max)d characters."), field="body", max=rules.comment_max
        )
    post = session.get(Post, post_id)
    if post is None or not post.is_visible:
        raise NotFound(N_("We could not find that post."))
    if parent_id is not None:
        parent = session.get(Comment, parent_id)
        if parent is None or parent.post_id != post.id or not parent.is_visible:
            raise NotFound(N_("The comment you answer is no longer there."))
    verdict = check(text, "comment")
    if verdict.action == "block" and not verdict.crisis:
        raise CommentBlocked(_findings(text, verdict), crisis=False)
    duplicate = _just_sent(session, author.id, post.id, parent_id, text, now)
    if duplicate is not None:
        if duplicate.state == CommentState.BLOCKED:
            raise CommentBlocked(_findings(text, verdict), crisis=True)
        return CommentResult(comment=duplicate, crisis=verdict.crisis)
    if verdict.action == "block":
        state = CommentState.BLOCKED
    elif verdict.action == "review" or rules.premoderate_comments:
        state = CommentState.HELD
    else:
        state = CommentState.VISIBLE
    comment = Comment(
        post_id=post.id,
        author_id=author.id,
        parent_id=parent_id,
        body=text,
        shown_body=verdict.display_text or text,
        state=state,
        created_at=now,
    )
    session.add(comment)
    session.flush()
    if state != CommentState.VISIBLE:
        flags = flags_from_verdict(verdict, field="body")
        if rules.premoderate_comments and verdict.action == "allow":
            flags.append(FlagInput(source=FlagSource.PREMODERATION))
        open_item(
            session,
            subject_type="comment",
            subject_id=comment.id,
            author_id=author.id,
            flags=flags,
            urgent=verdict.crisis,
            now=now,
        )
        if state == CommentState.HELD:
            notify(
                session,
                author.id,
                NotificationKind.COMMENT_HELD,
                now,
                post_id=post.id,
                comment_id=comment.id,
            )
    else:
        change_comment_count(session, post.id, 1)
        notify_reply(session, comment, now)
    record_event(
        session, author, "comment.add", subject=("comment", comment.id), to_state=state, now=now
    )
    session.commit()
    if state == CommentState.BLOCKED:
        raise CommentBlocked(_findings(text, verdict), crisis=True)
    return CommentResult(comment=comment, crisis=verdict.crisis)


def _just_sent(
    session: Session, author_id: int, post_id: int, parent_id: int | None, text: str, now: datetime
) -> Comment | None:
    """The same comment from the same author, sent a moment ago, if there is one."""
    return session.scalar(
        select(Comment)
        .where(
            Comment.author_id == author_id,
            Comment.post_id == post_id,
            Comment.parent_id.is_(None) if parent_id is None else Comment.parent_id == parent_id,
            Comment.body == text,
            Comment.created_at >= now - DOUBLE_SUBMIT_WINDOW,
        )
        .order_by(Comment.id.desc())
        .limit(1)
    )


def comments_for(
    session: Session, viewer: object, post: Post, *, cursor: str | None = None, limit: int = 50
) -> Page[Comment]:
    """A post's comments, oldest first: visible ones, and the viewer's own waiting ones."""
    shown = (Comment.state == CommentState.VISIBLE) & (Comment.hidden == false())
    viewer_id = getattr(viewer, "id", None)
    if viewer_id is not None:
        shown = shown | ((Comment.author_id == viewer_id) & (Comment.state == CommentState.HELD))
    return paginate(
        session,
        select(Comment).where(Comment.post_id == post.id, shown),
        (SortKey(Comment.created_at), SortKey(Comment.id)),
        lambda c: (c.created_at, c.id),
        cursor=cursor,
        limit=limit,
    )
