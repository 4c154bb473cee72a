"""Reports put published content in the queue and can hide it."""

import pytest

from community.errors import Conflict, ValidationFailed
from community.posts.models import Post
from community.posts.reading import front_page
from community.posts.reports import report_post
from community.review.services import perform
from tests.service.blog_helpers import item_of, published_post


@pytest.fixture
def post(app, session, user_of, clock):
    return published_post(app, session, user_of("peer"), user_of("moderator"), clock)


@pytest.fixture
def rules(app):
    return app.extensions["content_rules"]


def test_a_severe_report_hides_the_post_until_a_moderator_decides(
    session, rules, post, user_of, clock
):
    report_post(session, rules, user_of("follower"), post.id, "personal_data", "", clock())
    assert session.get(Post, post.id).hidden
    assert front_page(session).items == []
    perform(
        session, user_of("moderator"), item_of(session, "post", post.id).id, "keep", now=clock()
    )
    assert not session.get(Post, post.id).hidden
    assert [p.id for p in front_page(session).items] == [post.id]


def test_three_reporters_hide_a_post_two_do_not(session, rules, post, make_user, clock):
    for n in range(2):
        report_post(session, rules, make_user(f"Læser{n}"), post.id, "spam", "", clock())
    assert not session.get(Post, post.id).hidden
    report_post(session, rules, make_user("Læser3"), post.id, "spam", "", clock())
    assert session.get(Post, post.id).hidden


def test_the_same_person_cannot_report_twice(session, rules, post, user_of, clock):
    report_post(session, rules, user_of("follower"), post.id, "spam", "", clock())
    with pytest.raises(Conflict):
        report_post(session, rules, user_of("follower"), post.id, "other", "", clock())


def test_authors_cannot_report_themselves_and_reasons_must_be_known(
    session, rules, post, user_of, clock
):
    with pytest.raises(ValidationFailed):
        report_post(session, rules, user_of("peer"), post.id, "spam", "", clock())
    with pytest.raises(ValidationFailed):
        report_post(session, rules, user_of("follower"), post.id, "because", "", clock())


def test_removing_a_reported_post(session, rules, post, user_of, clock):
    report_post(session, rules, user_of("follower"), post.id, "harmful", "Metoder", clock())
    perform(
        session,
        user_of("moderator"),
        item_of(session, "post", post.id).id,
        "remove",
        now=clock(),
        guideline=4,
        note="Indlægget beskriver metoder.",
    )
    assert session.get(Post, post.id).state == "removed"
