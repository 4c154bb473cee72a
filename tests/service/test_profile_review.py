"""Descriptions, avatars and aliases reach others only through a moderator."""

import io

import pytest
from PIL import Image
from sqlalchemy import select

from community.accounts.models import Avatar, User
from community.accounts.services import ProfileInput, pending_description, update_profile
from community.audit import AuditEntry
from community.errors import Conflict, Forbidden
from community.notifications import Notification
from community.review.models import ReviewItem
from community.review.services import FlagInput, open_item, open_items, perform


def picture() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 300), (10, 120, 200)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def rules(app):
    return app.extensions["account_rules"]


def item_for(session, subject_type: str) -> ReviewItem:
    return session.scalar(select(ReviewItem).where(ReviewItem.subject_type == subject_type))


def test_description_is_public_only_after_approval(session, rules, make_user, user_of, clock):
    owner = make_user("Skovsti")
    update_profile(session, rules, owner, ProfileInput("0101", "Jeg elsker lange gåture."), clock())
    assert owner.description is None
    assert pending_description(session, owner).text == "Jeg elsker lange gåture."

    perform(
        session, user_of("moderator"), item_for(session, "description").id, "approve", now=clock()
    )
    assert session.get(User, owner.id).description == "Jeg elsker lange gåture."
    assert pending_description(session, owner) is None
    told = session.scalar(select(Notification.kind).where(Notification.user_id == owner.id))
    assert told == "description_approved"


def test_a_rejected_avatar_is_deleted_not_kept(session, rules, make_user, user_of, clock):
    owner = make_user("Skovsti")
    update_profile(session, rules, owner, ProfileInput("0101", "", avatar=picture()), clock())
    perform(
        session,
        user_of("moderator"),
        item_for(session, "avatar").id,
        "reject",
        now=clock(),
        guideline=1,
        reason="identifiable",
    )
    assert session.scalar(select(Avatar)) is None
    assert session.get(User, owner.id).avatar_id is None


def test_pending_avatar_is_seen_by_owner_and_moderators_only(
    session, rules, make_user, login_as, user_of, client, clock
):
    owner = make_user("Skovsti")
    update_profile(session, rules, owner, ProfileInput("0101", "", avatar=picture()), clock())
    avatar_id = session.scalar(select(Avatar.id))
    url = f"/avatar/{avatar_id}.jpg"
    assert login_as(owner).get(url).status_code == 200
    assert login_as(user_of("moderator")).get(url).status_code == 200
    assert login_as(user_of("follower")).get(url).status_code == 403

    perform(session, user_of("moderator"), item_for(session, "avatar").id, "approve", now=clock())
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "image/jpeg"


def test_a_moderator_cannot_approve_their_own_picture(session, rules, user_of, clock):
    moderator = user_of("moderator")
    update_profile(session, rules, moderator, ProfileInput("0101", "", avatar=picture()), clock())
    with pytest.raises(Forbidden):
        perform(session, moderator, item_for(session, "avatar").id, "approve", now=clock())


def test_a_follower_cannot_decide(session, rules, make_user, user_of, clock):
    owner = make_user("Skovsti")
    update_profile(session, rules, owner, ProfileInput("0101", "Hej"), clock())
    with pytest.raises(Forbidden):
        perform(
            session,
            user_of("follower"),
            item_for(session, "description").id,
            "approve",
            now=clock(),
        )


def test_a_replaced_description_cannot_be_approved(session, rules, make_user, user_of, clock):
    owner = make_user("Skovsti")
    update_profile(session, rules, owner, ProfileInput("0101", "Første udgave"), clock())
    first_item = item_for(session, "description").id
    update_profile(session, rules, owner, ProfileInput("0101", "Anden udgave"), clock())
    assert session.get(ReviewItem, first_item).decision == "replaced"
    with pytest.raises(Conflict):
        perform(session, user_of("moderator"), first_item, "approve", now=clock())
    open_now = open_items(session, user_of("moderator")).items
    assert len(open_now) == 1


def test_a_decision_on_a_stale_screen_is_refused(session, rules, make_user, user_of, clock):
    owner = make_user("Skovsti")
    update_profile(session, rules, owner, ProfileInput("0101", "Hej"), clock())
    item = item_for(session, "description")
    seen_version = item.version
    open_item(
        session,
        subject_type="description",
        subject_id=item.subject_id,
        author_id=owner.id,
        flags=[FlagInput(source="report", reporter_id=None)],
        now=clock(),
    )
    session.commit()
    with pytest.raises(Conflict, match="changed while you looked"):
        perform(
            session,
            user_of("moderator"),
            item.id,
            "approve",
            now=clock(),
            expected_version=seen_version,
        )


def test_deciding_twice_is_refused(session, rules, make_user, user_of, clock):
    owner = make_user("Skovsti")
    update_profile(session, rules, owner, ProfileInput("0101", "Hej med jer"), clock())
    item_id = item_for(session, "description").id
    perform(session, user_of("moderator"), item_id, "approve", now=clock())
    with pytest.raises(Conflict):
        perform(session, user_of("admin"), item_id, "reject", now=clock())


def test_every_decision_is_in_the_audit_log(session, rules, make_user, user_of, clock):
    owner = make_user("Skovsti")
    update_profile(session, rules, owner, ProfileInput("0101", "", avatar=picture()), clock())
    moderator = user_of("moderator")
    perform(
        session,
        moderator,
        item_for(session, "avatar").id,
        "approve",
        now=clock(),
        note="fine picture",
    )
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "review.approve"))
    assert (entry.actor_id, entry.subject_type) == (moderator.id, "avatar")
    assert (entry.from_state, entry.to_state, entry.note) == ("pending", "approved", "fine picture")


def test_the_queue_is_for_moderators_oldest_first(session, rules, make_user, user_of, clock):
    first = make_user("Første")
    second = make_user("Anden")
    update_profile(session, rules, first, ProfileInput("0101", "Hej"), clock())
    clock.advance(minutes=5)
    update_profile(session, rules, second, ProfileInput("0101", "Hejsa"), clock())
    page = open_items(session, user_of("moderator"))
    assert [i.author_id for i in page.items] == [first.id, second.id]
    with pytest.raises(Forbidden):
        open_items(session, user_of("follower"))
