"""Who gets what: every route, for every role.

Each endpoint of the app must appear in ``EXPECTED``; a new route without an
entry fails ``test_every_route_is_in_the_access_table``. Statuses: 200 shown,
302 redirected (visitors to the sign-in page), 403 refused, 404 hidden.
"""

import io
from datetime import time

import pytest
from PIL import Image
from sqlalchemy import select

from community.accounts.models import Avatar
from community.accounts.services import ProfileInput, update_profile
from community.chat.models import ChatRoom, OpeningHours
from community.posts.comments import add_comment
from community.posts.models import Topic
from community.posts.writing import start_post
from tests.service.blog_helpers import draft as blog_draft
from tests.service.blog_helpers import item_of, published_post, submitted_post

ROLES = ("visitor", "follower", "peer", "moderator", "coordinator", "admin")
SIGNED_IN = ROLES[1:]


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def members_only(status: int = 200) -> dict[str, int]:
    return {"visitor": 302, **dict.fromkeys(SIGNED_IN, status)}


def visitors_only() -> dict[str, int]:
    return {"visitor": 200, **dict.fromkeys(SIGNED_IN, 302)}


def staff_only(role: str, status: int = 200) -> dict[str, int]:
    """``role`` and the admin get ``status``; other members 403, visitors sign in."""
    return {
        "visitor": 302,
        **dict.fromkeys(SIGNED_IN, 403),
        role: status,
        "admin": status,
    }


def writers_only(status: int = 200, *, posted: bool = False) -> dict[str, int]:
    """Peers with the blog task get ``status``; visitors sign in (or 401 for a POST)."""
    return {"visitor": 401 if posted else 302, **dict.fromkeys(SIGNED_IN, 403), "peer": status}


def members_posting(status: int) -> dict[str, int]:
    """A POST any member may make; a visitor's is refused with 401."""
    return {"visitor": 401, **dict.fromkeys(SIGNED_IN, status)}


def staff_posting(role: str, status: int) -> dict[str, int]:
    return {**staff_only(role, status), "visitor": 401}


@pytest.fixture(autouse=True)
def chat_room_1(session, clock) -> None:
    """Chat room 1 with opening hours 1, which the chat URLs in EXPECTED point at."""
    room = ChatRoom(name="Rum", description="", max_members=30, created_at=clock(), last_seq=0)
    room.hours = [OpeningHours(weekday=0, starts=time(18), ends=time(20))]
    session.add(room)
    session.commit()


# endpoint -> (method, url, {role: status})
EXPECTED: dict[str, tuple[str, str, dict[str, int]]] = {
    "main.index": ("GET", "/", everyone(200)),
    "main.guidelines": ("GET", "/guidelines", everyone(200)),
    "main.privacy": ("GET", "/privacy", everyone(200)),
    "main.set_language": ("POST", "/language", everyone(302)),
    "account.signup": ("GET", "/signup", visitors_only()),
    "account.login": ("GET", "/login", visitors_only()),
    "account.logout": ("POST", "/logout", everyone(302)),
    "account.settings": ("GET", "/settings", members_only()),
    "account.password": ("GET", "/settings/password", members_only()),
    "account.alias": ("GET", "/settings/alias", members_only()),
    "account.consent": ("GET", "/consent", members_only()),
    "account.download_data": ("GET", "/settings/data.json", members_only()),
    "account.delete": ("GET", "/settings/delete", members_only()),
    # Chat (issue 5): room 1 with opening hours 1 exist (see ``chat_room_1``).
    "chat.schedule": ("GET", "/chat/", everyone(200)),
    "chat.room": ("GET", "/chat/rooms/1", members_only()),
    "chat.new_room": ("GET", "/chat/rooms/new", staff_only("coordinator")),
    "chat.edit_room": ("GET", "/chat/rooms/1/edit", staff_only("coordinator")),
    "chat.add_hours": ("POST", "/chat/rooms/1/hours", staff_only("coordinator", 422)),
    "chat.remove_hours": ("POST", "/chat/rooms/1/hours/1/delete", staff_only("coordinator", 302)),
    "chat.archive_room": ("POST", "/chat/rooms/1/archive", staff_only("coordinator", 302)),
    "chat.live": ("GET", "/chat/live", staff_only("moderator")),
    # Blogs (issue 4): see ``url_args`` for the post, draft, comment, topic and item.
    "read.topic": ("GET", "/topics/anxiety", everyone(200)),
    "read.following": ("GET", "/following", members_only()),
    "read.post": ("GET", "/posts/{post}", everyone(200)),
    "read.profile": ("GET", "/peers/peer-user", everyone(200)),
    "read.search": ("GET", "/search?q=vinter", everyone(200)),
    "write.new": ("GET", "/write", writers_only()),
    "write.edit": ("GET", "/posts/{draft}/edit", writers_only()),
    "write.autosave": ("POST", "/posts/{draft}/autosave", writers_only(posted=True)),
    "write.autosave_new": ("POST", "/write/autosave", writers_only(posted=True)),
    "write.take_back_view": ("POST", "/posts/{draft}/take-back", writers_only(409, posted=True)),
    "write.withdraw": ("POST", "/posts/{draft}/withdraw", writers_only(302, posted=True)),
    "write.discard": ("POST", "/posts/{draft}/discard", writers_only(302, posted=True)),
    "write.mine": ("GET", "/my/posts", writers_only()),
    "social.like": ("POST", "/posts/{post}/like", members_posting(302)),
    "social.unlike": ("POST", "/posts/{post}/unlike", members_posting(409)),
    "social.comment": ("POST", "/posts/{post}/comments", members_posting(422)),
    "social.report_post_view": ("POST", "/posts/{post}/report", members_posting(422)),
    "social.report_comment_view": ("POST", "/comments/{comment}/report", members_posting(422)),
    # Peers cannot follow themselves.
    "social.follow": ("POST", "/peers/peer-user/follow", {**members_posting(302), "peer": 422}),
    "social.unfollow": ("POST", "/peers/peer-user/unfollow", members_posting(409)),
    "social.notifications": ("GET", "/notifications", members_only()),
    "social.read_all": ("POST", "/notifications/read", members_posting(302)),
    "curate.topics": ("GET", "/manage/topics", staff_only("coordinator")),
    "curate.change_topic": ("POST", "/manage/topics/{topic}", staff_posting("coordinator", 422)),
    "curate.feature": (
        "POST",
        "/manage/peers/peer-user/feature",
        staff_posting("coordinator", 302),
    ),
    "moderation.queue": ("GET", "/moderation", staff_only("moderator")),
    "moderation.item": ("GET", "/moderation/items/{item}", staff_only("moderator")),
    "moderation.user": ("GET", "/moderation/users/follower-user", staff_only("moderator")),
    # The follower is not suspended, so there is nothing to lift.
    "moderation.lift": (
        "POST",
        "/moderation/users/follower-user/lift",
        staff_posting("moderator", 409),
    ),
    # A pending picture: only its owner (the follower here) and moderators.
    "account.avatar": (
        "GET",
        "/avatar/{pending_avatar}.jpg",
        {
            "visitor": 302,
            "follower": 200,
            "peer": 403,
            "moderator": 200,
            "coordinator": 403,
            "admin": 200,
        },
    ),
}

UNLISTED = {"static"}


def test_every_route_is_in_the_access_table(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - UNLISTED
    assert endpoints - EXPECTED.keys() == set(), "add the new routes to EXPECTED"


@pytest.fixture
def url_args(app, user_of, make_user, session, clock) -> dict[str, int]:
    """Objects the URLs in EXPECTED point at."""
    picture = io.BytesIO()
    Image.new("RGB", (50, 50)).save(picture, format="PNG")
    update_profile(
        session,
        app.extensions["account_rules"],
        user_of("follower"),
        ProfileInput(municipality_code="0101", description="", avatar=picture.getvalue()),
        clock(),
    )
    peer, moderator = user_of("peer"), user_of("moderator")
    post = published_post(app, session, peer, moderator, clock)
    draft = start_post(session, app.extensions["content_rules"], peer, blog_draft(session), clock())
    commenter = make_user("Kommentator")
    comment = add_comment(
        session,
        app.extensions["content_rules"],
        commenter,
        post.id,
        "Tak for at dele.",
        now=clock(),
    ).comment
    waiting = submitted_post(app, session, peer, clock, title="Venter på en moderator")
    return {
        "pending_avatar": session.scalar(select(Avatar.id)),
        "post": post.id,
        "draft": draft.post_id,
        "comment": comment.id,
        "topic": session.scalar(select(Topic.id).where(Topic.slug == "anxiety")),
        "item": item_of(session, "post_revision", waiting.id).id,
    }


@pytest.mark.parametrize("endpoint", sorted(EXPECTED))
def test_access_by_role(endpoint, client, login_as, user_of, url_args):
    method, url, expected = EXPECTED[endpoint]
    url = url.format(**url_args)
    for role in ROLES:
        browser = client if role == "visitor" else login_as(user_of(role))
        response = browser.get(url) if method == "GET" else browser.submit(url, {})
        assert response.status_code == expected[role], f"{endpoint} as {role}"
