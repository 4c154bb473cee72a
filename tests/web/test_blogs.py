"""Blogs as people use them in a browser: write, check, fix, send, publish, read, react."""

import json
import re

from sqlalchemy import select

from community.posts.models import Comment, Post, PostRevision, Topic
from tests.service.blog_helpers import CLEAN_BODY, CLEAN_HELPS, item_of, published_post


def topic_id(session) -> str:
    return str(session.scalar(select(Topic.id).where(Topic.slug == "anxiety")))


def editor_form(session, **changes) -> dict:
    form = {
        "title": "Om at være alene",
        "body": CLEAN_BODY,
        "helps": CLEAN_HELPS,
        "topics": topic_id(session),
    }
    form.update(changes)
    return form


def test_a_peer_sees_the_finding_marked_fixes_it_and_sends(peer_client, session):
    created = peer_client.submit("/write", editor_form(session))
    assert created.status_code == 302
    edit_url = created.headers["Location"]
    phone = "<p>Skriv til mig på 22 33 44 55, hvis du vil snakke.</p>"
    held = peer_client.submit(edit_url, {**editor_form(session, body=phone), "send": "1"})
    page = held.get_data(as_text=True)
    assert held.status_code == 422
    assert "<mark>22 33 44 55</mark>" in page
    assert "1" in re.search(r"(?:Guideline|Retningslinje) (\d)", page).group(1)
    # Nothing was lost: the text is still in the editor.
    assert "22 33 44 55" in page
    sent = peer_client.submit(edit_url, {**editor_form(session), "send": "1"})
    assert sent.status_code == 200
    assert session.scalar(select(PostRevision.state)) == "pending"


def test_after_a_finding_the_page_can_send_the_fixed_text(peer_client, session):
    """The held page carries the saved version, so fixing and sending is not "stale"."""
    peer_client.submit("/write", editor_form(session))
    post_id = session.scalar(select(Post.id))
    url = f"/posts/{post_id}/edit"
    phone = "<p>Skriv til mig på 22 33 44 55.</p>"
    held = peer_client.submit(
        url, {**editor_form(session, body=phone), "send": "1", "version": "1"}
    )
    version = re.search(r'name="version" value="(\d+)"', held.get_data(as_text=True)).group(1)
    sent = peer_client.submit(url, {**editor_form(session), "send": "1", "version": version})
    assert sent.status_code == 200
    assert session.scalar(select(PostRevision.state)) == "pending"


def test_a_moderator_publishes_from_the_console(
    app, peer_client, moderator_client, session, client
):
    peer_client.submit("/write", editor_form(session))
    post_id = session.scalar(select(Post.id))
    peer_client.submit(f"/posts/{post_id}/edit", {**editor_form(session), "send": "1"})
    queue = moderator_client.get("/moderation").get_data(as_text=True)
    item = item_of(session, "post_revision", session.scalar(select(PostRevision.id)))
    assert f"/moderation/items/{item.id}" in queue
    detail = moderator_client.get(f"/moderation/items/{item.id}")
    assert "Om at være alene" in detail.get_data(as_text=True)
    decided = moderator_client.submit(
        f"/moderation/items/{item.id}", {"action": "publish", "version": str(item.version)}
    )
    assert decided.status_code == 302
    assert "Om at være alene" in client.get("/").get_data(as_text=True)


def test_a_decision_on_a_changed_item_is_refused_with_a_message(
    app, session, user_of, moderator_client, clock
):
    post = published_post(app, session, user_of("peer"), user_of("admin"), clock)
    from community.posts.reports import report_post

    report_post(
        session, app.extensions["content_rules"], user_of("follower"), post.id, "spam", "", clock()
    )
    item = item_of(session, "post", post.id)
    stale = item.version
    report_post(
        session,
        app.extensions["content_rules"],
        user_of("coordinator"),
        post.id,
        "spam",
        "",
        clock(),
    )
    answer = moderator_client.submit(
        f"/moderation/items/{item.id}", {"action": "keep", "version": str(stale)}
    )
    assert answer.status_code == 409
    assert 'class="form-errors"' in answer.get_data(as_text=True)


def test_a_follower_reads_likes_once_comments_and_follows(
    app, session, user_of, follower_client, clock
):
    post = published_post(app, session, user_of("peer"), user_of("moderator"), clock)
    assert follower_client.submit(f"/posts/{post.id}/like").status_code == 302
    again = follower_client.submit(f"/posts/{post.id}/like")
    assert again.status_code == 409
    page = follower_client.get(f"/posts/{post.id}").get_data(as_text=True)
    assert re.search(r"♥ 1 ", page)
    follower_client.submit(f"/posts/{post.id}/comments", {"body": "Tak for at dele det her."})
    assert "Tak for at dele det her." in follower_client.get(f"/posts/{post.id}").get_data(
        as_text=True
    )
    assert follower_client.submit("/peers/peer-user/follow").status_code == 302
    assert "Om at være alene" in follower_client.get("/following").get_data(as_text=True)


def test_a_blocked_comment_is_explained_and_the_text_kept(
    app, session, user_of, follower_client, clock
):
    post = published_post(app, session, user_of("peer"), user_of("moderator"), clock)
    answer = follower_client.submit(
        f"/posts/{post.id}/comments", {"body": "Min snap er sol_pigen99, skriv!"}
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert "<mark>" in page
    assert "sol_pigen99" in page  # kept in the textarea to fix


def test_a_crisis_comment_shows_the_helplines_at_once(
    app, session, user_of, follower_client, clock
):
    post = published_post(app, session, user_of("peer"), user_of("moderator"), clock)
    answer = follower_client.submit(
        f"/posts/{post.id}/comments",
        {"body": "Jeg har pillerne klar og vil ikke leve mere. I nat gør jeg det."},
    )
    page = answer.get_data(as_text=True)
    assert "70 201 201" in page
    assert "116 111" in page


def test_the_bell_counts_unread_notifications_and_clears(app, session, user_of, login_as, clock):
    peer = user_of("peer")
    published_post(app, session, peer, user_of("moderator"), clock)
    browser = login_as(peer)
    assert 'class="bell-count"' in browser.get("/").get_data(as_text=True)
    notes = browser.get("/notifications").get_data(as_text=True)
    assert "Om at være alene" in notes
    browser.submit("/notifications/read")
    assert 'class="bell-count"' not in browser.get("/").get_data(as_text=True)


def test_search_topic_and_profile_pages(app, session, user_of, client, clock):
    published_post(
        app, session, user_of("peer"), user_of("moderator"), clock, topics=[int(topic_id(session))]
    )
    assert "Om at være alene" in client.get("/search?q=vinter").get_data(as_text=True)
    assert "Om at være alene" in client.get("/topics/anxiety").get_data(as_text=True)
    assert "No posts in" not in client.get("/topics/anxiety").get_data(as_text=True)
    profile = client.get("/peers/peer-user").get_data(as_text=True)
    assert "Om at være alene" in profile
    assert "@example.test" not in profile  # e-mail addresses are never shown


def test_an_empty_topic_says_so(client):
    client.submit("/language", {"lang": "en"})
    assert "No posts in this topic yet." in client.get("/topics/loneliness").get_data(as_text=True)


def test_autosave_creates_the_draft_and_refuses_a_stale_tab(peer_client, session):
    first = peer_client.submit(
        "/write/autosave",
        editor_form(session, title="Kladde"),
        headers={"Accept": "application/json"},
    )
    answer = json.loads(first.get_data())
    assert first.status_code == 200
    assert answer["edit_url"].endswith("/edit")
    again = peer_client.submit(
        answer["autosave_url"],
        {**editor_form(session, title="Nyere"), "version": answer["version"]},
        headers={"Accept": "application/json"},
    )
    assert again.status_code == 200
    stale = peer_client.submit(
        answer["autosave_url"],
        {**editor_form(session, title="Gammel fane"), "version": answer["version"]},
        headers={"Accept": "application/json"},
    )
    assert stale.status_code == 409
    assert "error" in json.loads(stale.get_data())


def test_an_oversize_post_is_refused_and_the_text_kept(peer_client, session):
    peer_client.submit("/write", editor_form(session))
    post_id = session.scalar(select(Post.id))
    long_body = "<p>" + "ord " * 6000 + "</p>"
    answer = peer_client.submit(f"/posts/{post_id}/edit", editor_form(session, body=long_body))
    assert answer.status_code == 422
    assert 'id="body-error"' in answer.get_data(as_text=True)
    assert "ord ord ord" in answer.get_data(as_text=True)


def test_sending_twice_is_refused_with_a_clear_message(peer_client, session):
    peer_client.submit("/write", editor_form(session))
    post_id = session.scalar(select(Post.id))
    first = peer_client.submit(f"/posts/{post_id}/edit", {**editor_form(session), "send": "1"})
    assert first.status_code == 200
    second = peer_client.submit(f"/posts/{post_id}/edit", {**editor_form(session), "send": "1"})
    assert second.status_code == 409


def test_script_in_every_field_is_neutralised(peer_client, session):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    peer_client.submit(
        "/write", editor_form(session, title=evil, body=CLEAN_BODY + evil, helps=evil + " hjælper")
    )
    post_id = session.scalar(select(Post.id))
    page = peer_client.get(f"/posts/{post_id}/edit").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<img src=x onerror" not in page
    stored = session.scalar(select(PostRevision.body_html))
    assert "script" not in stored
    assert "onerror" not in stored


def test_an_oversize_new_post_is_refused_beside_the_field_and_the_text_kept(peer_client, session):
    long_body = "<p>" + "ord " * 6000 + "</p>"
    answer = peer_client.submit("/write", editor_form(session, body=long_body, title="x" * 300))
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert 'id="body-error"' in page
    assert 'id="title-error"' in page
    assert "ord ord ord" in page
    assert session.scalar(select(Post.id)) is None


def test_an_expired_form_on_an_existing_post_still_edits_that_post(peer_client, session):
    peer_client.submit("/write", editor_form(session))
    post_id = session.scalar(select(Post.id))
    expired = peer_client.post(f"/posts/{post_id}/edit", data=editor_form(session, title="Ny"))
    page = expired.get_data(as_text=True)
    assert expired.status_code == 400
    assert f'action="/posts/{post_id}/edit"' in page
    assert 'name="send"' in page
    assert len(session.scalars(select(Post.id)).all()) == 1


def test_a_too_long_comment_is_refused_beside_the_field_and_the_text_kept(
    app, session, user_of, follower_client, clock
):
    post = published_post(app, session, user_of("peer"), user_of("moderator"), clock)
    text = "Tak for dit indlæg. " * 130
    answer = follower_client.submit(f"/posts/{post.id}/comments", {"body": text})
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert 'id="body-error"' in page
    assert "Tak for dit indlæg. Tak for dit indlæg." in page


def test_an_odd_reply_number_is_read_as_no_reply_not_an_error(
    app, session, user_of, follower_client, clock
):
    post = published_post(app, session, user_of("peer"), user_of("moderator"), clock)
    answer = follower_client.submit(
        f"/posts/{post.id}/comments", {"body": "Fint skrevet", "parent_id": "²"}
    )
    assert answer.status_code == 302


def test_a_mangled_item_version_is_refused_as_a_changed_item(
    app, session, user_of, moderator_client, clock
):
    post = published_post(app, session, user_of("peer"), user_of("admin"), clock)
    from community.posts.reports import report_post

    report_post(
        session, app.extensions["content_rules"], user_of("follower"), post.id, "spam", "", clock()
    )
    item = item_of(session, "post", post.id)
    answer = moderator_client.submit(
        f"/moderation/items/{item.id}", {"action": "keep", "version": "abc"}
    )
    assert answer.status_code == 409


def test_a_comment_sent_twice_is_stored_once(app, session, user_of, follower_client, clock):
    post = published_post(app, session, user_of("peer"), user_of("moderator"), clock)
    for _ in range(2):
        answer = follower_client.submit(f"/posts/{post.id}/comments", {"body": "Fint skrevet"})
        assert answer.status_code == 302
    assert len(session.scalars(select(Comment.id)).all()) == 1


def test_a_new_post_sent_twice_is_one_draft(peer_client, session):
    first = peer_client.submit("/write", editor_form(session))
    second = peer_client.submit("/write", editor_form(session))
    assert first.headers["Location"] == second.headers["Location"]
    assert len(session.scalars(select(Post.id)).all()) == 1
