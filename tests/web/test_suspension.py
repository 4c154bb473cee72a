"""Suspension on the web: the moderator's form, the refused sign-in with its end
date in both languages, and a login of the suspended person ending at once."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_datetime
from sqlalchemy import select

from community.accounts.models import Suspension
from community.audit import AuditEntry
from tests.conftest import PASSWORD
from tests.socket.conftest import make_room

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
FORM = {"days": "3", "guideline": "3", "reason": "Hånede en anden i chatten flere gange."}
PAGE = "/moderation/users/follower-user"


@pytest.fixture(autouse=True)
def _fixed_clock(clock):
    clock.set(START)


def shown(when: datetime, language: str) -> str:
    return format_datetime(when, "short", tzinfo=ZoneInfo("Europe/Copenhagen"), locale=language)


def test_a_moderator_suspends_and_the_persons_login_ends_at_once(
    moderator_client, login_as, user_of, session
):
    follower = user_of("follower")
    their_browser = login_as(follower)
    assert their_browser.get("/settings").status_code == 200
    response = moderator_client.submit(PAGE, FORM)
    assert response.status_code == 302
    assert response.headers["Location"] == PAGE
    page = moderator_client.get(PAGE).get_data(as_text=True)
    assert shown(START + timedelta(days=3), "da") in page
    assert "Hånede en anden" in page
    suspension = session.scalar(select(Suspension))
    assert (suspension.user_id, suspension.guideline) == (follower.id, 3)
    logged = select(AuditEntry.actor_id).where(
        AuditEntry.action == "account.suspend", AuditEntry.subject_id == follower.id
    )
    assert session.scalar(logged) == user_of("moderator").id
    # The next request of the open login is a visitor's.
    assert their_browser.get("/settings").status_code == 302
    assert their_browser.get("/settings").headers["Location"].startswith("/login")


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_suspended_person_is_told_the_end_date_beside_the_sign_in_form(
    client, moderator_client, user_of, language
):
    user_of("follower")
    moderator_client.submit(PAGE, FORM)
    if language == "en":
        client.submit("/language", {"lang": "en"})
    response = client.submit("/login", {"login": "follower-user", "password": PASSWORD})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'class="form-errors"' in page
    assert shown(START + timedelta(days=3), language) in page
    assert client.get("/settings").status_code == 302


def test_after_the_end_date_or_a_lift_the_person_signs_in_again(
    client, moderator_client, user_of, clock
):
    user_of("follower")
    moderator_client.submit(PAGE, FORM)
    assert moderator_client.submit(f"{PAGE}/lift").status_code == 302
    assert client.submit(
        "/login", {"login": "follower-user", "password": PASSWORD}
    ).status_code == (302)
    client.submit("/logout")
    moderator_client.submit(PAGE, {**FORM, "days": "1"})
    clock.advance(days=1, minutes=1)
    assert client.submit(
        "/login", {"login": "follower-user", "password": PASSWORD}
    ).status_code == (302)


def test_the_form_shows_each_problem_beside_its_field(moderator_client, user_of, session):
    user_of("follower")
    response = moderator_client.submit(PAGE, {"days": "120", "guideline": "", "reason": ""})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    for name in ("days", "guideline", "reason"):
        assert f'id="{name}-error"' in page, name
    assert session.scalar(select(Suspension)) is None


def test_staff_are_not_suspended_here(moderator_client, user_of, session):
    user_of("coordinator")
    page = moderator_client.get("/moderation/users/coordinator-user").get_data(as_text=True)
    assert 'name="reason"' not in page
    response = moderator_client.submit("/moderation/users/coordinator-user", FORM)
    assert response.status_code == 403
    assert moderator_client.submit("/moderation/users/moderator-user", FORM).status_code == 403
    assert session.scalar(select(Suspension)) is None


def test_a_follower_gets_403_and_suspends_nobody(follower_client, user_of, session):
    user_of("peer")
    assert follower_client.get("/moderation/users/peer-user").status_code == 403
    assert follower_client.submit("/moderation/users/peer-user", FORM).status_code == 403
    assert follower_client.submit("/moderation/users/peer-user/lift").status_code == 403
    assert session.scalar(select(Suspension)) is None


def test_moderators_find_the_form_from_a_peer_profile_and_the_chat(
    moderator_client, follower_client, user_of, session, clock
):
    user_of("peer")
    link = 'href="/moderation/users/peer-user"'
    assert link in moderator_client.get("/peers/peer-user").get_data(as_text=True)
    assert link not in follower_client.get("/peers/peer-user").get_data(as_text=True)
    room = make_room(session, clock)
    chat = 'id="chat-suspend-template"'
    assert chat in moderator_client.get(f"/chat/rooms/{room.id}").get_data(as_text=True)
    assert chat not in follower_client.get(f"/chat/rooms/{room.id}").get_data(as_text=True)
