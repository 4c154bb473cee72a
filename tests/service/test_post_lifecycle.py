"""A post from draft to published, and every other way it can go."""

import pytest
from sqlalchemy import select

from community.accounts.models import Role, Task
from community.errors import Conflict, Forbidden, NotFound, ValidationFailed
from community.notifications import Notification
from community.posts.models import Post, PostRevision, PostTopic, Topic
from community.posts.reading import front_page, topic_page
from community.posts.search import search_posts
from community.posts.social import follow_peer
from community.posts.writing import (
    SubmissionHeld,
    save_draft,
    start_post,
    submit_post,
    take_back,
    withdraw_post,
)
from community.review.services import perform
from tests.service.blog_helpers import draft, item_of, published_post, submitted_post, topic_ids


@pytest.fixture
def rules(app):
    return app.extensions["content_rules"]


@pytest.fixture
def peer(user_of):
    return user_of("peer")


@pytest.fixture
def moderator(user_of):
    return user_of("moderator")


def send(session, rules, author, post_id, data, clock, *, anyway=False):
    return submit_post(
        session,
        rules,
        author,
        post_id,
        data,
        expected_version=None,
        send_anyway=anyway,
        now=clock(),
    )


def test_a_follower_cannot_write(session, rules, user_of, clock):
    with pytest.raises(Forbidden):
        start_post(session, rules, user_of("follower"), draft(session), clock())


def test_a_clean_post_waits_for_a_moderator(app, session, peer, clock):
    revision = submitted_post(app, session, peer, clock)
    assert revision.state == "pending"
    assert session.get(Post, revision.post_id).state == "pending"
    assert item_of(session, "post_revision", revision.id).status == "open"
    assert front_page(session).items == []


def test_a_phone_number_stops_the_post_and_the_draft_is_kept(session, rules, peer, clock):
    revision = start_post(session, rules, peer, draft(session), clock())
    text = "<p>Ring til mig på 22 33 44 55, hvis du har det svært.</p>"
    with pytest.raises(SubmissionHeld) as held:
        send(session, rules, peer, revision.post_id, draft(session, body=text), clock)
    assert held.value.check.blocked
    finding = held.value.check.findings[0]
    assert (finding.field, finding.finding.category) == ("body", "pii.phone")
    assert finding.marked == "22 33 44 55"
    assert "22 33 44 55" in session.get(PostRevision, revision.id).body_html
    assert item_of(session, "post_revision", revision.id) is None


def test_a_finding_for_review_is_shown_first_then_can_be_sent(session, rules, peer, clock):
    revision = start_post(session, rules, peer, draft(session), clock())
    text = "<p>Jeg læste en god artikel på www.example.org om søvn.</p>"
    with pytest.raises(SubmissionHeld) as held:
        send(session, rules, peer, revision.post_id, draft(session, body=text), clock)
    assert not held.value.check.blocked
    send(session, rules, peer, revision.post_id, draft(session, body=text), clock, anyway=True)
    item = item_of(session, "post_revision", revision.id)
    assert "link.external" in {f.category for f in item.flags}


def test_a_crisis_post_is_sent_as_urgent(session, rules, peer, clock):
    revision = start_post(session, rules, peer, draft(session), clock())
    text = "<p>Jeg har pillerne klar og vil ikke leve mere. I nat gør jeg det.</p>"
    result = send(session, rules, peer, revision.post_id, draft(session, body=text), clock)
    assert result.crisis
    assert item_of(session, "post_revision", revision.id).urgent


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"helps": ""}, "helps"),
        ({"topics": []}, "topics"),
        ({"body": ""}, "body"),
    ],
)
def test_an_incomplete_post_cannot_be_sent(session, rules, peer, clock, changes, field):
    revision = start_post(session, rules, peer, draft(session), clock())
    with pytest.raises(ValidationFailed) as refused:
        send(session, rules, peer, revision.post_id, draft(session, **changes), clock)
    assert refused.value.problems[0].field == field


def test_publishing_lists_the_post_everywhere_and_tells_followers(
    app, session, peer, moderator, user_of, clock
):
    reader = user_of("follower")
    follow_peer(session, reader, peer, clock())
    post = published_post(
        app, session, peer, moderator, clock, topics=topic_ids(session, "anxiety")
    )
    assert [p.id for p in front_page(session).items] == [post.id]
    anxiety = session.scalar(select(PostTopic.topic_id).where(PostTopic.post_id == post.id))
    assert anxiety == topic_ids(session, "anxiety")[0]
    assert [p.id for p in search_posts(session, "vinter").items] == [post.id]
    kinds = {(n.user_id, n.kind) for n in session.scalars(select(Notification))}
    assert (reader.id, "new_post") in kinds
    assert (peer.id, "post_published") in kinds


def test_requesting_changes_needs_a_guideline_and_a_note(app, session, peer, moderator, clock):
    revision = submitted_post(app, session, peer, clock)
    item = item_of(session, "post_revision", revision.id)
    with pytest.raises(ValidationFailed):
        perform(session, moderator, item.id, "request_changes", now=clock())
    session.rollback()
    perform(
        session,
        moderator,
        item.id,
        "request_changes",
        now=clock(),
        guideline=5,
        note="Fortæl gerne mere om, hvad der hjalp.",
    )
    revision = session.get(PostRevision, revision.id)
    assert (revision.state, revision.decision_guideline) == ("changes_requested", 5)
    assert session.get(Post, revision.post_id).state == "changes_requested"


def test_an_author_resubmits_after_changes(app, session, rules, peer, moderator, clock):
    revision = submitted_post(app, session, peer, clock)
    perform(
        session,
        moderator,
        item_of(session, "post_revision", revision.id).id,
        "request_changes",
        now=clock(),
        guideline=5,
        note="Mere om det, der hjælper.",
    )
    send(session, rules, peer, revision.post_id, draft(session, helps="Musik og min hund."), clock)
    assert session.get(PostRevision, revision.id).state == "pending"
    assert item_of(session, "post_revision", revision.id).status == "open"


def test_a_rejected_post_is_never_shown(app, session, peer, moderator, clock):
    revision = submitted_post(app, session, peer, clock)
    perform(
        session,
        moderator,
        item_of(session, "post_revision", revision.id).id,
        "reject",
        now=clock(),
        guideline=4,
        note="Metoder hører ikke hjemme her.",
    )
    assert session.get(Post, revision.post_id).state == "rejected"
    assert front_page(session).items == []


def test_editing_a_published_post_keeps_the_approved_text_live(
    app, session, rules, peer, moderator, clock
):
    post = published_post(app, session, peer, moderator, clock)
    live_id = post.live_revision_id
    send(session, rules, peer, post.id, draft(session, title="Ny titel"), clock)
    assert session.get(Post, post.id).live_revision.title == "Om at være alene"
    new = session.scalar(select(PostRevision).where(PostRevision.state == "pending"))
    perform(
        session, moderator, item_of(session, "post_revision", new.id).id, "publish", now=clock()
    )
    post = session.get(Post, post.id)
    assert post.live_revision.title == "Ny titel"
    assert session.get(PostRevision, live_id).state == "superseded"


def test_withdrawing_takes_the_post_down_everywhere(app, session, peer, moderator, clock):
    post = published_post(app, session, peer, moderator, clock)
    withdraw_post(session, peer, post.id, clock())
    assert front_page(session).items == []
    assert search_posts(session, "vinter").items == []
    topic = session.get(Topic, topic_ids(session)[0])
    assert topic_page(session, topic).items == []
    assert session.scalar(select(PostTopic)) is None


def test_taking_back_a_waiting_post(app, session, peer, clock):
    revision = submitted_post(app, session, peer, clock)
    take_back(session, peer, revision.post_id, clock())
    assert session.get(PostRevision, revision.id).state == "draft"
    assert item_of(session, "post_revision", revision.id).status == "closed"


def test_a_stale_tab_cannot_overwrite_newer_text(session, rules, peer, clock):
    revision = start_post(session, rules, peer, draft(session), clock())
    seen = revision.version
    save_draft(
        session,
        rules,
        peer,
        revision.post_id,
        draft(session, title="Fra fane 1"),
        expected_version=seen,
        now=clock(),
    )
    with pytest.raises(Conflict):
        save_draft(
            session,
            rules,
            peer,
            revision.post_id,
            draft(session, title="Fra fane 2"),
            expected_version=seen,
            now=clock(),
        )


def test_nobody_edits_another_users_draft(session, rules, peer, make_user, clock):
    other = make_user("AndenPeer", tasks=[Task.BLOG])
    revision = start_post(session, rules, peer, draft(session), clock())
    with pytest.raises(NotFound):
        save_draft(
            session,
            rules,
            other,
            revision.post_id,
            draft(session),
            expected_version=None,
            now=clock(),
        )


def test_a_peer_cannot_moderate_and_nobody_decides_their_own_post(
    app, session, peer, make_user, clock
):
    revision = submitted_post(app, session, peer, clock)
    item = item_of(session, "post_revision", revision.id)
    with pytest.raises(Forbidden):
        perform(session, peer, item.id, "publish", now=clock())
    writer_moderator = make_user("SkrivendeMod", roles=[Role.MODERATOR], tasks=[Task.BLOG])
    own = submitted_post(app, session, writer_moderator, clock)
    with pytest.raises(Forbidden):
        perform(
            session,
            writer_moderator,
            item_of(session, "post_revision", own.id).id,
            "publish",
            now=clock(),
        )


def test_script_in_the_body_is_removed_at_save(session, rules, peer, clock):
    body = '<p onclick="x()">Hej<script>alert(1)</script></p><a href="javascript:x">link</a>'
    revision = start_post(session, rules, peer, draft(session, body=body), clock())
    assert "script" not in revision.body_html
    assert "onclick" not in revision.body_html
    assert "javascript:" not in revision.body_html


def test_removing_a_post_closes_its_waiting_edit_so_it_cannot_come_back(
    app, session, rules, peer, moderator, clock, user_of
):
    from community.posts.reports import report_post

    post = published_post(app, session, peer, moderator, clock)
    send(session, rules, peer, post.id, draft(session, title="Ny titel"), clock)
    edit = session.scalar(select(PostRevision).where(PostRevision.state == "pending"))
    report_post(session, rules, user_of("follower"), post.id, "harmful", "Metoder", clock())
    perform(
        session,
        moderator,
        item_of(session, "post", post.id).id,
        "remove",
        now=clock(),
        guideline=4,
        note="Indlægget beskriver metoder.",
    )
    assert item_of(session, "post_revision", edit.id).status == "closed"
    assert session.get(PostRevision, edit.id).state == "rejected"
    with pytest.raises(Conflict):
        perform(
            session,
            moderator,
            item_of(session, "post_revision", edit.id).id,
            "publish",
            now=clock(),
        )
    assert session.get(Post, post.id).state == "removed"
