"""Reading in pages, the peer of the week, managing topics, and a held comment turned down."""

import re

from sqlalchemy import select

from community.posts.comments import add_comment
from community.posts.models import Topic
from community.review.services import perform
from tests.service.blog_helpers import item_of, published_post


def test_the_front_page_pages_on_and_a_broken_page_link_is_explained(
    app, session, user_of, client, clock
):
    for n in range(22):
        published_post(app, session, user_of("peer"), user_of("moderator"), clock, title=f"Nr {n}")
    first = client.get("/").get_data(as_text=True)
    assert "Nr 21" in first
    assert "Nr 1<" not in first
    next_link = re.search(r'href="(/\?after=[^"]+)"', first).group(1)
    second = client.get(next_link.replace("&amp;", "&")).get_data(as_text=True)
    assert "Nr 1<" in second or "Nr 0<" in second
    assert "Nr 21" not in second
    broken = client.get("/?after=not-a-cursor")
    assert broken.status_code == 422
    assert "Linket til siden er ikke gyldigt." in broken.get_data(as_text=True)


def test_a_coordinator_makes_a_peer_the_peer_of_the_week_on_the_front_page(
    coordinator_client, user_of, client
):
    peer = user_of("peer")
    answer = coordinator_client.submit(f"/manage/peers/{peer.alias}/feature")
    assert answer.status_code == 302
    front = client.get("/").get_data(as_text=True)
    featured = front.split('id="featured-title"')[1].split("</section>")[0]
    assert peer.alias in featured


def test_a_coordinator_adds_renames_and_hides_a_topic(coordinator_client, session):
    added = coordinator_client.submit(
        "/manage/topics", {"slug": "sovn", "name_da": "Søvn", "name_en": "Sleep"}
    )
    assert added.status_code == 302
    topic = session.scalar(select(Topic).where(Topic.slug == "sovn"))
    coordinator_client.submit(
        f"/manage/topics/{topic.id}", {"name_da": "Søvn og hvile", "name_en": "Rest"}
    )
    coordinator_client.submit(f"/manage/topics/{topic.id}", {"active": "0"})
    session.refresh(topic)
    assert (topic.name_da, topic.name_en, topic.active) == ("Søvn og hvile", "Rest", False)


def test_a_held_comment_turned_down_tells_its_author(app, session, user_of, clock, login_as):
    post = published_post(app, session, user_of("peer"), user_of("moderator"), clock)
    follower = user_of("follower")
    result = add_comment(
        session,
        app.extensions["content_rules"],
        follower,
        post.id,
        "Du er så dum, ingen gider læse det her",
        now=clock(),
    )
    assert result.waiting
    perform(
        session,
        user_of("moderator"),
        item_of(session, "comment", result.comment.id).id,
        "reject",
        now=clock(),
        guideline=6,
        note="Tonen er for hård.",
    )
    page = login_as(follower).get("/notifications").get_data(as_text=True)
    assert "Din kommentar blev ikke godkendt." in page
