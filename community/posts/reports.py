"""Reports: readers flag published posts and comments for a moderator."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from community.audit import record_event
from community.errors import Conflict, NotFound, ValidationFailed
from community.i18n import N_
from community.permissions import authorize
from community.posts.decisions import change_comment_count
from community.posts.models import Comment, Post
from community.posts.rules import ContentRules
from community.posts.writing import unlist_post
from community.review.models import FlagSource, ItemStatus, ReviewFlag, ReviewItem
from community.review.services import FlagInput, open_item

NOTE_MAX = 1000


def _report(
    session: Session,
    rules: ContentRules,
    reporter: object,
    *,
    subject_type: str,
    subject: Post | Comment,
    reason_key: str,
    note: str,
    now: datetime,
) -> bool:
    authorize(reporter, "content.report", subject)
    reason = rules.reference.report_reason(reason_key)
    if reason is None:
        raise ValidationFailed(N_("Choose what is wrong."), field="reason")
    if len(note) > NOTE_MAX:
        raise ValidationFailed(N_("Use at most %(max)d characters."), field="note", max=NOTE_MAX)
    if subject.author_id == reporter.id:
        raise ValidationFailed(N_("You cannot report your own text. You can withdraw it instead."))
    already = session.scalar(
        select(ReviewFlag.id)
        .join(ReviewItem)
        .where(
            ReviewItem.subject_type == subject_type,
            ReviewItem.subject_id == subject.id,
            ReviewFlag.reporter_id == reporter.id,
        )
    )
    if already is not None:
        raise Conflict(N_("You have already reported this. A moderator will look at it."))
    item = open_item(
        session,
        subject_type=subject_type,
        subject_id=subject.id,
        author_id=subject.author_id,
        flags=[
            FlagInput(
                source=FlagSource.REPORT,
                category=reason.key,
                guideline=reason.guideline,
                reporter_id=reporter.id,
                note=note.strip() or None,
            )
        ],
        now=now,
    )
    session.flush()
    reporters = session.scalar(
        select(func.count(func.distinct(ReviewFlag.reporter_id))).where(
            ReviewFlag.item_id == item.id,
            ReviewFlag.source == FlagSource.REPORT,
            ReviewFlag.created_at >= item.opened_at,
        )
    )
    hide = item.status == ItemStatus.OPEN and (reason.severe or reporters >= rules.reports_to_hide)
    record_event(
        session,
        reporter,
        "report.add",
        subject=(subject_type, subject.id),
        guideline=reason.guideline,
        reason=reason.key,
        now=now,
    )
    return hide


def report_post(
    session: Session,
    rules: ContentRules,
    reporter: object,
    post_id: int,
    reason_key: str,
    note: str,
    now: datetime,
) -> None:
    """Report a visible post. A severe reason, or enough reporters, hides it at once."""
    post = session.get(Post, post_id)
    if post is None or not post.is_visible:
        raise NotFound(N_("We could not find that post."))
    if _report(
        session,
        rules,
        reporter,
        subject_type="post",
        subject=post,
        reason_key=reason_key,
        note=note,
        now=now,
    ):
        post.hidden = True
        unlist_post(session, post)
        record_event(
            session,
            None,
            "post.hide",
            subject=("post", post.id),
            from_state="visible",
            to_state="hidden",
            now=now,
        )
    session.commit()


def report_comment(
    session: Session,
    rules: ContentRules,
    reporter: object,
    comment_id: int,
    reason_key: str,
    note: str,
    now: datetime,
) -> int:
    """Report a visible comment. A severe reason, or enough reporters, hides it at once.

    Returns the id of the comment's post.
    """
    comment = session.get(Comment, comment_id)
    if comment is None or not comment.is_visible:
        raise NotFound(N_("The comment is no longer there."))
    if _report(
        session,
        rules,
        reporter,
        subject_type="comment",
        subject=comment,
        reason_key=reason_key,
        note=note,
        now=now,
    ):
        comment.hidden = True
        change_comment_count(session, comment.post_id, -1)
        record_event(
            session,
            None,
            "comment.hide",
            subject=("comment", comment.id),
            from_state="visible",
            to_state="hidden",
            now=now,
        )
    post_id = comment.post_id
    session.commit()
    return post_id
