"""The permission rules, as a table of who may do what."""

import pytest

from community.accounts.models import Role, Task, Visitor
from community.errors import Forbidden, NotSignedIn
from community.permissions import RULES, authorize, can


class Person:
    """A user as the rules see it: roles, tasks and an id."""

    is_authenticated = True

    def __init__(self, id: int = 1, roles=(), tasks=()):
        self.id = id
        self._roles = set(roles)
        self._tasks = set(tasks)

    def has_role(self, role):
        return role in self._roles

    def has_task(self, task):
        return task in self._tasks


PEOPLE = {
    "visitor": Visitor(),
    "follower": Person(),
    "peer": Person(tasks={Task.BLOG, Task.CHAT}),
    "moderator": Person(roles={Role.MODERATOR}),
    "coordinator": Person(roles={Role.COORDINATOR}),
    "admin": Person(roles={Role.ADMIN}),
}

# action -> who may (everyone else may not)
MAY = {
    "page.read": set(PEOPLE),
    "account.sign_up": {"visitor"},
    "account.manage": set(PEOPLE) - {"visitor"},
    "review.view_queue": {"moderator", "admin"},
    "review.decide": {"moderator", "admin"},
    "user.suspend": {"moderator", "admin"},
    "staff.manage": {"admin"},
    "policy.publish": {"admin"},
    "tasks.grant": {"coordinator", "admin"},
}


@pytest.mark.parametrize(("action", "who"), [(a, w) for a in MAY for w in PEOPLE])
def test_rule_table(action, who):
    assert can(PEOPLE[who], action) is (who in MAY[action])


def test_profile_is_edited_by_its_owner_only():
    owner, other = Person(id=1), Person(id=2)
    assert can(owner, "profile.edit", owner)
    assert not can(other, "profile.edit", owner)
    assert not can(Person(id=3, roles={Role.ADMIN}), "profile.edit", owner)


def test_unknown_actions_are_refused():
    assert not can(PEOPLE["admin"], "no.such.action")


def test_authorize_says_sign_in_to_visitors_and_forbidden_to_others():
    with pytest.raises(NotSignedIn):
        authorize(Visitor(), "review.view_queue")
    with pytest.raises(Forbidden):
        authorize(PEOPLE["follower"], "review.view_queue")


def test_every_rule_has_a_name():
    assert all(rule.name for rule in RULES.values())


class Member(Person):
    """A person acted on: staff when they hold any role."""

    @property
    def is_staff(self):
        return bool(self._roles)


@pytest.mark.parametrize(
    ("actor", "target", "allowed"),
    [
        ("moderator", Member(id=9), True),
        ("admin", Member(id=9, tasks={Task.BLOG}), True),
        ("moderator", Member(id=9, roles={Role.MODERATOR}), False),
        ("moderator", Member(id=9, roles={Role.COORDINATOR}), False),
        ("admin", Member(id=9, roles={Role.ADMIN}), False),
        ("moderator", Member(id=1), False),  # themselves (every Person here has id 1)
        ("coordinator", Member(id=9), False),
        ("peer", Member(id=9), False),
        ("follower", Member(id=9), False),
        ("visitor", Member(id=9), False),
    ],
)
def test_moderators_suspend_members_only_never_staff_or_themselves(actor, target, allowed):
    assert can(PEOPLE[actor], "user.suspend", target) is allowed
