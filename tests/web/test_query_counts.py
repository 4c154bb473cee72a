"""Every main page costs a fixed number of SQL statements, however much it lists (no N+1)."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event

from app.extensions import db
from community.posts.comments import add_comment
from community.posts.reports import report_post
from community.posts.social import follow_peer
from tests.service.blog_helpers import published_post

# The most statements each page may run, whatever the number of rows it shows.
BUDGET = {
    "/": 12,
    "/topics/anxiety": 12,
    "/posts/{post}": 16,
    "/peers/peer-user": 15,
    "/following": 12,
    "/moderation": 16,  # one query per kind of subject on the page (at most 7 kinds)
    "/notifications": 10,
    "/search?q=vinter": 12,
}


@contextmanager
def counting_statements():
    counted: list[str] = []

    def count(conn, cursor, statement, *args):
        counted.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield counted
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def fill(app, session, user_of, make_user, clock, posts: int, round_: int) -> int:
    rules = app.extensions["content_rules"]
    peer, moderator = user_of("peer"), user_of("moderator")
    first = None
    for n in range(posts):
        post = published_post(
            app, session, peer, moderator, clock, title=f"Indlæg nummer {n}", topics=None
        )
        first = first or post.id
        reader = make_user(f"Læser{round_}x{n}")
        add_comment(session, rules, reader, first, f"Tak for indlæg {n}.", now=clock())
        report_post(session, rules, reader, post.id, "spam", "", clock())
    return first


@pytest.mark.parametrize("path", sorted(BUDGET))
def test_a_page_costs_the_same_with_few_or_many_rows(
    app, session, user_of, make_user, clock, login_as, path
):
    moderator_browser = login_as(user_of("moderator"))
    peer_browser = login_as(user_of("peer"))
    follower_browser = login_as(user_of("follower"))
    follow_peer(session, user_of("follower"), user_of("peer"), clock())
    browsers = {"/moderation": moderator_browser, "/following": follower_browser}
    counts = []
    for round_, posts in enumerate((2, 12)):
        post_id = fill(app, session, user_of, make_user, clock, posts, round_)
        url = path.format(post=post_id)
        browser = browsers.get(path, peer_browser)
        browser.get(url)  # warm caches that are per process, not per page
        with counting_statements() as statements:
            response = browser.get(url)
        assert response.status_code == 200, url
        assert path != "/following" or "Indlæg nummer" in response.get_data(as_text=True)
        counts.append(len(statements))
    assert counts[0] == counts[1], f"{path}: {counts} statements – grows with rows (N+1)"
    assert counts[1] <= BUDGET[path], f"{path}: {counts[1]} statements, budget {BUDGET[path]}"
