"""Comments are checked before anyone else sees them."""

import pytest
from sqlalchemy import select

from community.errors import NotFound, ValidationFailed
from community.notifications import Notification
from community.posts.comments import CommentBlocked, add_comment, comments_for
from community.posts.models import Comment, Post
from community.review.services import perform
from tests.service.blog_helpers import item_of, published_post, submitted_post


@pytest.fixture
def post(app, session, user_of, clock):
    return published_post(app, session, user_of("peer"), user_of("moderator"), clock)


@pytest.fixture
def rules(app):
    return app.extensions["content_rules"]


def comment(session, rules, author, post, text, clock, **kwargs):
    return add_comment(session, rules, author, post.id, text, now=clock(), **kwargs)


def test_a_clean_comment_is_shown_at_once(session, rules, post, user_of, clock):
    result = comment(session, rules, user_of("follower"), post, "Tak for at dele.", clock)
    assert not result.waiting
    assert session.get(Post, post.id).comment_count == 1
    assert [c.id for c in comments_for(session, user_of("coordinator"), post).items] == [
        result.comment.id
    ]


def test_a_comment_with_a_link_waits_and_only_its_author_sees_it(
    session, rules, post, user_of, clock
):
    writer = user_of("follower")
    result = comment(session, rules, writer, post, "Se www.example.org, den hjalp mig.", clock)
    assert result.waiting
    assert result.comment in comments_for(session, writer, post).items
    assert comments_for(session, user_of("coordinator"), post).items == []
    held = session.scalar(select(Notification).where(Notification.user_id == writer.id))
    assert held.kind == "comment_held"


def test_a_blocked_comment_is_not_stored_and_says_why(session, rules, post, user_of, clock):
    with pytest.raises(CommentBlocked) as blocked:
        comment(session, rules, user_of("follower"), post, "Skriv til mig på 22 33 44 55", clock)
    finding = blocked.value.findings[0]
    assert (finding.finding.category, finding.finding.guideline) == ("pii.phone", 1)
    assert finding.marked == "22 33 44 55"
    assert session.scalar(select(Comment)) is None


def test_a_crisis_comment_is_kept_for_an_urgent_review(session, rules, post, user_of, clock):
    result = comment(
        session,
        rules,
        user_of("follower"),
        post,
        "Jeg kan ikke mere. I aften tager jeg alle mine piller.",
        clock,
    )
    assert result.crisis
    item = item_of(session, "comment", result.comment.id)
    assert item.urgent


def test_profanity_in_a_comment_is_shown_masked(session, rules, post, user_of, clock):
    result = comment(
        session, rules, user_of("follower"), post, "Det er fucking flot skrevet.", clock
    )
    assert not result.waiting
    assert "fucking" not in result.comment.shown_body
    assert result.comment.body == "Det er fucking flot skrevet."


def test_pre_moderation_holds_every_comment(session, app, post, user_of, clock):
    from dataclasses import replace

    rules = replace(app.extensions["content_rules"], premoderate_comments=True)
    result = comment(session, rules, user_of("follower"), post, "Tak for at dele.", clock)
    assert result.waiting


def test_approving_a_held_comment_shows_it_and_tells_the_author(
    session, rules, post, user_of, clock
):
    writer = user_of("follower")
    result = comment(session, rules, writer, post, "Se www.example.org, den hjalp.", clock)
    perform(
        session,
        user_of("moderator"),
        item_of(session, "comment", result.comment.id).id,
        "approve",
        now=clock(),
    )
    assert session.get(Comment, result.comment.id).is_visible
    assert session.get(Post, post.id).comment_count == 1
    kinds = [
        n.kind
        for n in session.scalars(select(Notification).where(Notification.user_id == writer.id))
    ]
    assert "comment_approved" in kinds


def test_a_reply_tells_the_first_commenter(session, rules, post, user_of, make_user, clock):
    first = user_of("follower")
    original = comment(session, rules, first, post, "Tak for at dele.", clock).comment
    comment(
        session,
        rules,
        make_user("Svarer"),
        post,
        "Enig, det hjalp også mig.",
        clock,
        parent_id=original.id,
    )
    reply = session.scalar(
        select(Notification).where(
            Notification.user_id == first.id, Notification.kind == "comment_reply"
        )
    )
    assert reply is not None


def test_no_comment_on_an_unpublished_post(app, session, rules, user_of, clock):
    revision = submitted_post(app, session, user_of("peer"), clock)
    with pytest.raises(NotFound):
        add_comment(session, rules, user_of("follower"), revision.post_id, "Hej", now=clock())


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_empty_or_oversize_comments_are_refused(session, rules, post, user_of, clock, text):
    with pytest.raises(ValidationFailed):
        comment(session, rules, user_of("follower"), post, text, clock)
