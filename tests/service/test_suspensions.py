"""Suspending an account: checked, allowed to moderators for members only, every
login ended at once, refused at sign-in and at every request, in the audit log."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from community.accounts.data_rights import delete_account, export_account_data
from community.accounts.logins import authenticate, start_login, token_hash, user_for_token
from community.accounts.models import LoginSession, Role, Suspension, Task
from community.accounts.suspensions import (
    current_suspension,
    lift_suspension,
    suspend_user,
    user_by_alias,
)
from community.audit import AuditEntry
from community.errors import Conflict, Forbidden, NotFound, ValidationFailed
from tests.conftest import PASSWORD

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def people(make_user, clock):
    clock.set(START)
    return {
        "moderator": make_user("Vagten", roles=[Role.MODERATOR]),
        "follower": make_user("Skovsti"),
        "peer": make_user("Lygten", tasks=[Task.BLOG]),
    }


def suspend(session, actor, user, clock, **overrides):
    given = {"days": 7, "guideline": 3, "reason": "Gentagne hånlige beskeder i chatten."}
    return suspend_user(session, actor, user, now=clock(), **{**given, **overrides})


def logins_of(session, user):
    return session.scalar(
        select(func.count()).select_from(LoginSession).where(LoginSession.user_id == user.id)
    )


def test_a_suspension_ends_every_login_and_is_logged(app, session, people, clock):
    follower, moderator = people["follower"], people["moderator"]
    tokens = [start_login(session, follower, remember=r, now=clock()) for r in (False, True)]
    start_login(session, moderator, remember=False, now=clock())

    done = suspend(session, moderator, follower, clock)

    assert sorted(done.ended_logins) == sorted(token_hash(t) for t in tokens)
    assert logins_of(session, follower) == 0
    assert logins_of(session, moderator) == 1
    assert all(user_for_token(session, t, clock()) is None for t in tokens)
    assert done.suspension.until == START + timedelta(days=7)
    assert done.suspension.created_by_id == moderator.id
    entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "account.suspend"))
    assert (entry.actor_id, entry.subject_type, entry.subject_id) == (
        moderator.id,
        "user",
        follower.id,
    )
    assert entry.guideline == 3
    # The moderator's reason is kept with the account, not in the log that outlives it.
    assert "hånlige" not in (entry.note or "")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"days": 0}, "days"),
        ({"days": 91}, "days"),
        ({"days": "syv"}, "days"),
        ({"days": None}, "days"),
        ({"days": True}, "days"),
        ({"guideline": 0}, "guideline"),
        ({"guideline": 9}, "guideline"),
        ({"guideline": ""}, "guideline"),
        ({"reason": "   "}, "reason"),
        ({"reason": "x" * 1001}, "reason"),
    ],
)
def test_bad_input_is_refused_and_nothing_changes(session, people, clock, overrides, field):
    follower = people["follower"]
    start_login(session, follower, remember=False, now=clock())
    with pytest.raises(ValidationFailed) as refused:
        suspend(session, people["moderator"], follower, clock, **overrides)
    assert [p.field for p in refused.value.problems] == [field]
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Suspension)) == 0
    assert logins_of(session, follower) == 1


def test_the_longest_allowed_and_text_numbers_from_a_form_are_accepted(session, people, clock):
    done = suspend(session, people["moderator"], people["peer"], clock, days="90", guideline="8")
    assert done.suspension.until == START + timedelta(days=90)
    assert done.suspension.guideline == 8


def test_only_moderators_suspend_and_never_staff_or_themselves(session, people, make_user, clock):
    moderator, follower = people["moderator"], people["follower"]
    colleague = make_user("Kollega", roles=[Role.MODERATOR])
    coordinator = make_user("Planlæggeren", roles=[Role.COORDINATOR])
    admin = make_user("Driften", roles=[Role.ADMIN])
    for actor, target in [
        (follower, people["peer"]),
        (people["peer"], follower),
        (coordinator, follower),
        (moderator, moderator),
        (moderator, colleague),
        (moderator, coordinator),
        (moderator, admin),
        (admin, moderator),
    ]:
        with pytest.raises(Forbidden):
            suspend(session, actor, target, clock)
        session.rollback()
    assert session.scalar(select(func.count()).select_from(Suspension)) == 0
    # An admin counts as a moderator; peers are members and can be suspended.
    suspend(session, admin, follower, clock)
    suspend(session, moderator, people["peer"], clock)
    assert session.scalar(select(func.count()).select_from(Suspension)) == 2


def test_a_suspended_person_cannot_sign_in_until_it_ends(app, session, people, clock):
    follower, rules = people["follower"], app.extensions["account_rules"]
    suspend(session, people["moderator"], follower, clock, days=2)
    with pytest.raises(ValidationFailed) as refused:
        authenticate(session, rules, "Skovsti", PASSWORD, now=clock())
    assert refused.value.params["until"] == START + timedelta(days=2)
    assert refused.value.params["guideline"] == 3
    # The wrong password still gets the usual answer: only the owner learns of it.
    with pytest.raises(ValidationFailed) as wrong:
        authenticate(session, rules, "Skovsti", "not-the-password", now=clock())
    assert "until" not in wrong.value.params
    clock.advance(days=2, seconds=1)
    assert authenticate(session, rules, "Skovsti", PASSWORD, now=clock()).id == follower.id


def test_a_login_that_survived_is_refused_at_every_request(session, people, clock):
    follower = people["follower"]
    token = start_login(session, follower, remember=True, now=clock())
    # A suspension recorded without ending the logins (another process, a later
    # tool): the per-request check alone must refuse the login.
    session.add(
        Suspension(
            user_id=follower.id,
            until=clock() + timedelta(days=1),
            guideline=2,
            reason="test",
            created_at=clock(),
        )
    )
    session.commit()
    assert user_for_token(session, token, clock()) is None
    clock.advance(days=1, minutes=1)
    assert user_for_token(session, token, clock()).id == follower.id


def test_lifting_lets_the_person_in_again_and_is_logged(app, session, people, clock):
    follower, moderator = people["follower"], people["moderator"]
    suspend(session, moderator, follower, clock)
    clock.advance(hours=1)
    lift_suspension(session, moderator, follower, now=clock())
    assert current_suspension(session, follower.id, clock()) is None
    user = authenticate(session, app.extensions["account_rules"], "Skovsti", PASSWORD, now=clock())
    assert user.id == follower.id
    assert session.scalar(
        select(AuditEntry.actor_id).where(AuditEntry.action == "account.suspension_lift")
    ) == (moderator.id)
    with pytest.raises(Conflict):
        lift_suspension(session, moderator, follower, now=clock())
    session.rollback()
    with pytest.raises(Forbidden):
        lift_suspension(session, people["peer"], follower, now=clock())


def test_a_new_suspension_replaces_the_one_in_force(session, people, clock):
    follower, moderator = people["follower"], people["moderator"]
    suspend(session, moderator, follower, clock, days=30)
    suspend(session, moderator, follower, clock, days=1)
    assert current_suspension(session, follower.id, clock()).until == START + timedelta(days=1)
    clock.advance(days=1, minutes=1)
    assert current_suspension(session, follower.id, clock()) is None


def test_finding_a_person_needs_the_permission(session, people):
    assert user_by_alias(session, people["moderator"], "skovsti").id == people["follower"].id
    with pytest.raises(NotFound):
        user_by_alias(session, people["moderator"], "ingen-her")
    with pytest.raises(Forbidden):
        user_by_alias(session, people["follower"], "lygten")


def test_the_suspension_is_in_the_data_download_and_goes_with_the_account(
    app, session, people, clock
):
    follower = people["follower"]
    suspend(session, people["moderator"], follower, clock)
    exported = export_account_data(session, follower, clock())
    assert exported["suspensions"] == [
        {
            "from": START.isoformat(),
            "until": (START + timedelta(days=7)).isoformat(),
            "lifted_at": None,
            "guideline": 3,
            "reason": "Gentagne hånlige beskeder i chatten.",
        }
    ]
    assert "Vagten" not in str(exported["suspensions"])
    delete_account(
        session, app.extensions["account_rules"], follower, password=PASSWORD, now=clock()
    )
    assert session.scalar(select(func.count()).select_from(Suspension)) == 0
