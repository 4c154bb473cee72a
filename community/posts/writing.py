"""Writing a post: drafts that save themselves, the engine's check, sending it in,
withdrawing it. A published post is edited in a new revision while the approved
one stays live."""

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

import moderation
from community.audit import record_event
from community.errors import Conflict, DomainError, NotFound, Problems
from community.i18n import N_
from community.permissions import authorize
from community.posts.findings import PostCheck, check_post
from community.posts.models import Post, PostRevision, PostState, PostTopic, RevisionState, Topic
from community.posts.rules import ContentRules
from community.posts.search import unindex_post
from community.review.models import FlagSource
from community.review.services import (
    FlagInput,
    close_without_decision,
    flags_from_verdict,
    open_item,
)

# Revisions the author is working on (at most one per post).
WORKING = (RevisionState.DRAFT, RevisionState.PENDING, RevisionState.CHANGES_REQUESTED)


@dataclass(frozen=True)
class DraftInput:
    """What the editor sends."""

    title: str
    body_html: str
    helps_text: str
    topic_ids: list[int]


class SubmissionHeld(DomainError):
    """The engine found something; the author sees it before anything is sent.

    ``check.blocked`` says whether it must be fixed, or may be sent anyway for a
    moderator to look at.
    """

    status = 422

    def __init__(self, check: PostCheck) -> None:
        message = (
            N_("Please fix the marked parts before you send your post.")
            if check.blocked
            else N_("A moderator will look at the marked parts. Send anyway, or change them first.")
        )
        super().__init__(message)
        self.check = check


_DIV_OPEN_RE = re.compile(r"<div\b[^>]*>", re.IGNORECASE)
_DIV_CLOSE_RE = re.compile(r"</div\s*>", re.IGNORECASE)
_BLOCK_START_RE = re.compile(r"<(?:p|h2|h3|h4|ul|ol|blockquote)\b", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")


def body_from_editor(body: str) -> str:
    """Safe HTML from the editor; plain text (no tags) becomes paragraphs.

    Browsers' editable areas write a new line as ``<div>`` (Chromium) after a first
    line of bare text; the sanitiser drops ``div`` and keeps its text, which would
    join the lines. So divs become paragraphs, and bare text before the first block
    becomes a paragraph of its own."""
    if "<" not in body:
        paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
        body = "".join(f"<p>{_escape(p)}</p>" for p in paragraphs)
    else:
        body = _DIV_CLOSE_RE.sub("</p>", _DIV_OPEN_RE.sub("<p>", body))
        first_block = _BLOCK_START_RE.search(body)
        if first_block and _TAG_RE.sub("", body[: first_block.start()]).strip():
            body = f"<p>{body[: first_block.start()]}</p>{body[first_block.start() :]}"
    return moderation.sanitize_html(body)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


def _clean(rules: ContentRules, data: DraftInput) -> DraftInput:
    """The editor's input trimmed and sanitised (once), or ValidationFailed when
    it is longer than the limits, before any of it reaches the database
    (PostgreSQL refuses an over-long title when it is flushed; SQLite does not)."""
    clean = replace(
        data,
        title=data.title.strip(),
        body_html=body_from_editor(data.body_html),
        helps_text=data.helps_text.strip(),
    )
    problems = Problems()
    if len(clean.title) > rules.title_max:
        problems.add("title", N_("Use at most %(max)d characters."), max=rules.title_max)
    if len(moderation.html_to_text(clean.body_html)) > rules.body_max:
        problems.add("body", N_("Use at most %(max)d characters."), max=rules.body_max)
    if len(clean.helps_text) > rules.helps_max:
        problems.add("helps", N_("Use at most %(max)d characters."), max=rules.helps_max)
    problems.raise_if_any()
    return clean


def _check_complete(problems: Problems, revision: PostRevision) -> None:
    if not revision.title.strip():
        problems.add("title", N_("Give your post a title."))
    if not moderation.html_to_text(revision.body_html).strip():
        problems.add("body", N_("Write your post before you send it."))
    if not revision.helps_text.strip():
        problems.add("helps", N_("Tell what helps you – it is what makes a post give hope."))
    if not revision.topic_id_list:
        problems.add("topics", N_("Choose at least one topic."))


def _valid_topics(session: Session, topic_ids: list[int]) -> list[int]:
    if not topic_ids:
        return []
    active = set(session.scalars(select(Topic.id).where(Topic.id.in_(topic_ids), Topic.active)))
    return sorted(t for t in set(topic_ids) if t in active)


def _own_post(session: Session, author: object, post_id: int) -> Post:
    post = session.get(Post, post_id)
    if post is None or post.author_id != getattr(author, "id", None):
        # Someone else's post looks the same as no post: nothing leaks.
        raise NotFound(N_("We could not find that post."))
    authorize(author, "post.edit", post)
    return post


def working_revision(session: Session, post: Post) -> PostRevision | None:
    """The revision the author is working on or waiting for, if any."""
    return session.scalar(
        select(PostRevision)
        .where(PostRevision.post_id == post.id, PostRevision.state.in_(WORKING))
        .order_by(PostRevision.id.desc())
    )


SUMMARY_LENGTH = 280


def summarise(body_html: str) -> str:
    """The first words of the post's text, cut at a word boundary."""
    text = " ".join(moderation.html_to_text(body_html).split())
    if len(text) <= SUMMARY_LENGTH:
        return text
    return text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"


def _fill(revision: PostRevision, session: Session, data: DraftInput, now: datetime) -> None:
    """Put cleaned input (see ``_clean``) into ``revision``."""
    revision.title = data.title
    revision.body_html = data.body_html
    revision.summary = summarise(revision.body_html)
    revision.post.title = revision.title
    revision.helps_text = data.helps_text
    revision.topic_ids = ",".join(map(str, _valid_topics(session, data.topic_ids)))
    revision.saved_at = now


# The same new post sent twice within this time (a double click, a resent form) is
# one draft, not two.
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=2)


def start_post(
    session: Session, rules: ContentRules, author: object, data: DraftInput, now: datetime
) -> PostRevision:
    """Create a new post as a draft with its first revision (or return the one the
    same author started with the same text a moment ago)."""
    authorize(author, "post.create")
    data = _clean(rules, data)
    same = session.scalar(
        select(PostRevision)
        .join(Post, PostRevision.post_id == Post.id)
        .where(
            Post.author_id == author.id,
            Post.state == PostState.DRAFT,
            Post.created_at >= now - DOUBLE_SUBMIT_WINDOW,
            PostRevision.state == RevisionState.DRAFT,
            PostRevision.title == data.title,
            PostRevision.body_html == data.body_html,
        )
        .order_by(PostRevision.id.desc())
        .limit(1)
    )
    if same is not None:
        return same
    post = Post(author_id=author.id, state=PostState.DRAFT, created_at=now)
    session.add(post)
    session.flush()
    revision = PostRevision(
        post=post, state=RevisionState.DRAFT, created_at=now, saved_at=now, version=1
    )
    _fill(revision, session, data, now)
    session.add(revision)
    session.commit()
    return revision


def revision_for_editing(
    session: Session, author: object, post_id: int, now: datetime
) -> PostRevision:
    """The draft to edit: the working one, or a new one copied from the live text."""
    post = _own_post(session, author, post_id)
    if post.state in (PostState.WITHDRAWN, PostState.REMOVED, PostState.REJECTED):
        raise Conflict(N_("This post can no longer be edited."))
    revision = working_revision(session, post)
    if revision is not None:
        return revision
    live = post.live_revision
    revision = PostRevision(
        post=post,
        state=RevisionState.DRAFT,
        created_at=now,
        saved_at=now,
        version=1,
        title=live.title if live else "",
        body_html=live.body_html if live else "",
        helps_text=live.helps_text if live else "",
        topic_ids=live.topic_ids if live else "",
        summary=live.summary if live else "",
    )
    session.add(revision)
    session.commit()
    return revision


def save_draft(
    session: Session,
    rules: ContentRules,
    author: object,
    post_id: int,
    data: DraftInput,
    *,
    expected_version: int | None,
    now: datetime,
) -> PostRevision:
    """Save the editor's text into the working revision (autosave and manual save).

    Refuses (Conflict) when the text waits for a moderator, or when another tab
    saved newer text since this one loaded (``expected_version``).
    """
    revision = revision_for_editing(session, author, post_id, now)
    if revision.state == RevisionState.PENDING:
        raise Conflict(N_("Your post waits for a moderator. Take it back to change it."))
    if expected_version is not None and revision.version != expected_version:
        raise Conflict(
            N_("This post was changed in another window. Reload to see the newest text.")
        )
    _fill(revision, session, _clean(rules, data), now)
    revision.version += 1
    session.commit()
    return revision


def submit_post(
    session: Session,
    rules: ContentRules,
    author: object,
    post_id: int,
    data: DraftInput,
    *,
    expected_version: int | None,
    send_anyway: bool,
    now: datetime,
) -> PostCheck:
    """Save the editor's text, then send it to the moderators after the engine's check.

    The text is saved first, so a refused submission loses nothing. A finding that
    blocks must be fixed (SubmissionHeld, nothing sent). Findings a moderator only
    needs to see are shown first; ``send_anyway`` sends them on. A crisis is always
    sent, as urgent, so a person reads it at once.
    """
    revision = save_draft(
        session, rules, author, post_id, data, expected_version=expected_version, now=now
    )
    problems = Problems()
    _check_complete(problems, revision)
    problems.raise_if_any()
    result = check_post(revision.title, revision.body_html, revision.helps_text)
    if not result.crisis and (result.blocked or (result.findings and not send_anyway)):
        raise SubmissionHeld(result)
    post = revision.post
    from_state = revision.state
    revision.state = RevisionState.PENDING
    revision.submitted_at = now
    revision.version += 1
    if post.state in (PostState.DRAFT, PostState.CHANGES_REQUESTED):
        post.state = PostState.PENDING
    flags = [FlagInput(source=FlagSource.SUBMISSION)]
    for field, verdict in result.verdicts.items():
        flags.extend(flags_from_verdict(verdict, field=field))
    open_item(
        session,
        subject_type="post_revision",
        subject_id=revision.id,
        author_id=author.id,
        flags=flags,
        urgent=result.crisis,
        now=now,
    )
    record_event(
        session,
        author,
        "post.submit",
        subject=("post_revision", revision.id),
        from_state=from_state,
        to_state=RevisionState.PENDING,
        now=now,
    )
    session.commit()
    return result


def take_back(session: Session, author: object, post_id: int, now: datetime) -> PostRevision:
    """Pull a waiting revision back to draft so the author can change it."""
    post = _own_post(session, author, post_id)
    revision = working_revision(session, post)
    if revision is None or revision.state != RevisionState.PENDING:
        raise Conflict(N_("There is nothing waiting to take back."))
    revision.state = RevisionState.DRAFT
    revision.version += 1
    if post.state == PostState.PENDING:
        post.state = PostState.DRAFT
    close_without_decision(session, "post_revision", revision.id, reason="taken_back", now=now)
    record_event(
        session,
        author,
        "post.take_back",
        subject=("post_revision", revision.id),
        from_state=RevisionState.PENDING,
        to_state=RevisionState.DRAFT,
        now=now,
    )
    session.commit()
    return revision


def withdraw_post(session: Session, author: object, post_id: int, now: datetime) -> None:
    """Take a post down for good: readers no longer see it, nothing waits for review."""
    post = _own_post(session, author, post_id)
    if post.state in (PostState.WITHDRAWN, PostState.REMOVED):
        raise Conflict(N_("This post is already taken down."))
    revision = working_revision(session, post)
    if revision is not None:
        if revision.state == RevisionState.PENDING:
            close_without_decision(
                session, "post_revision", revision.id, reason="withdrawn", now=now
            )
        revision.state = RevisionState.WITHDRAWN
    close_without_decision(session, "post", post.id, reason="withdrawn", now=now)
    from_state = post.state
    post.state = PostState.WITHDRAWN
    unlist_post(session, post)
    record_event(
        session,
        author,
        "post.withdraw",
        subject=("post", post.id),
        from_state=from_state,
        to_state=PostState.WITHDRAWN,
        now=now,
    )
    session.commit()


def unlist_post(session: Session, post: Post) -> None:
    """Remove a post from topic pages and search (no commit)."""
    session.execute(PostTopic.__table__.delete().where(PostTopic.post_id == post.id))
    unindex_post(session, post.id)


def discard_draft(session: Session, author: object, post_id: int, now: datetime) -> None:
    """Delete a post that was never sent."""
    post = _own_post(session, author, post_id)
    if post.state != PostState.DRAFT or post.live_revision_id is not None:
        raise Conflict(N_("Only a draft that was never sent can be deleted."))
    record_event(
        session,
        author,
        "post.discard",
        subject=("post", post.id),
        from_state=PostState.DRAFT,
        to_state="deleted",
        now=now,
    )
    session.delete(post)
    session.commit()
