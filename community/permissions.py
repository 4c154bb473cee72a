"""Who may do what: one table of named rules, asked through :func:`can`.

Views (per blueprint, in ``before_request``), socket handlers, templates and the
services themselves all ask here; nothing else compares role names. Rules are
small composable predicates of ``(user, obj)``, combined with ``&``, ``|`` and ``~``
(after FlaskBB's permission rules).
"""

from collections.abc import Callable
from dataclasses import dataclass

from community.accounts.models import Role, Task
from community.errors import Forbidden, NotSignedIn
from community.i18n import N_


@dataclass(frozen=True)
class Rule:
    """A named predicate of ``(user, obj)``."""

    name: str
    test: Callable[[object, object], bool]

    def __call__(self, user: object, obj: object = None) -> bool:
        return bool(self.test(user, obj))

    def __and__(self, other: "Rule") -> "Rule":
        return Rule(f"({self.name} and {other.name})", lambda u, o: self(u, o) and other(u, o))

    def __or__(self, other: "Rule") -> "Rule":
        return Rule(f"({self.name} or {other.name})", lambda u, o: self(u, o) or other(u, o))

    def __invert__(self) -> "Rule":
        return Rule(f"not {self.name}", lambda u, o: not self(u, o))


anyone = Rule("anyone", lambda u, o: True)
signed_in = Rule("signed in", lambda u, o: bool(getattr(u, "is_authenticated", False)))


def has_role(role: Role) -> Rule:
    """The user holds staff role ``role``; the admin counts as holding every staff role."""
    return Rule(
        f"has role {role}",
        lambda u, o: signed_in(u) and (u.has_role(role) or u.has_role(Role.ADMIN)),
    )


def has_task(task: Task) -> Rule:
    """The user holds peer task ``task`` and it is active."""
    return Rule(f"has task {task}", lambda u, o: signed_in(u) and u.has_task(task))


def owns(attribute: str) -> Rule:
    """``obj.<attribute>`` is the user's id (the author of a post, the owner of a profile)."""
    return Rule(
        f"owns via {attribute}",
        lambda u, o: signed_in(u) and o is not None and getattr(o, attribute, None) == u.id,
    )


is_self = Rule("is self", lambda u, o: signed_in(u) and o is not None and o.id == u.id)
# The person acted on (``obj``) holds a staff role.
staff_target = Rule("acts on staff", lambda u, o: bool(getattr(o, "is_staff", False)))

moderator = has_role(Role.MODERATOR)
coordinator = has_role(Role.COORDINATOR)
admin = Rule("is admin", lambda u, o: signed_in(u) and u.has_role(Role.ADMIN))

# --- Chat (issue 5) -------------------------------------------------------
# The facts a chat rule needs about its object (is the room open, is the user
# muted or removed, does the user take part) are worked out by the chat
# services and handed over as attributes of ``obj``; who may act on them is
# decided here only.
chat_host = has_task(Task.CHAT)
chat_room_open = Rule("chat room is open", lambda u, o: bool(getattr(o, "is_open", False)))
chat_removed = Rule("removed from the room", lambda u, o: bool(getattr(o, "removed", False)))
chat_muted = Rule("muted in chat", lambda u, o: bool(getattr(o, "muted", False)))
chat_room_full = Rule("chat room is full", lambda u, o: bool(getattr(o, "full", False)))
chat_participant = Rule(
    "takes part in the channel", lambda u, o: bool(getattr(o, "participant", False))
)
talk_follower = owns("follower_id")
talk_host = owns("host_id")

RULES: dict[str, Rule] = {
    # Everyone, signed in or not.
    "page.read": anyone,
    "account.sign_up": ~signed_in,
    # Any signed-in person.
    "account.manage": signed_in,
    "profile.edit": is_self,
    # Chat (issue 5): the schedule is public; rooms are managed by coordinators,
    # hosted by peers with the chat task, joined by any signed-in person while
    # open, and watched and moderated by moderators.
    "chat.schedule.view": anyone,
    "chat.connect": signed_in,
    "chat.room.manage": coordinator,
    "chat.room.host": chat_host,
    "chat.room.open": chat_host,
    "chat.room.close": chat_host | moderator,
    "chat.room.join": signed_in
    & ~chat_removed
    & (chat_host | moderator | (chat_room_open & ~chat_room_full)),
    "chat.room.watch": moderator,
    "chat.message.send": signed_in & chat_participant & ~chat_muted & chat_room_open,
    "chat.typing": signed_in & chat_participant & ~chat_muted,
    "chat.talk.request": signed_in & chat_room_open & ~chat_removed & ~chat_muted,
    "chat.talk.accept": chat_host & chat_participant,
    "chat.talk.join": talk_follower | talk_host | moderator,
    "chat.talk.end": talk_follower | talk_host | moderator,
    "chat.talk.rate": talk_follower,
    "chat.moderate": moderator,
    # Staff.
    "review.view_queue": moderator,
    "review.decide": moderator,
    "profile.see_pending": is_self | moderator,
    # Suspending an account (and lifting it): moderators, for members only. Staff
    # are not suspended here (their roles are managed instead), nor oneself.
    "user.suspend": moderator & ~is_self & ~staff_target,
    "staff.manage": admin,
    "policy.publish": admin,
    "tasks.grant": coordinator,
    # Blogs.
    "post.create": has_task(Task.BLOG),
    "post.edit": owns("author_id") & has_task(Task.BLOG),
    "post.see_unpublished": owns("author_id") | moderator,
    "post.like": signed_in,
    "comment.create": signed_in,
    "content.report": signed_in,
    "peer.follow": signed_in,
    "notifications.read": signed_in,
    "topics.manage": coordinator,
    "peer.feature": coordinator,
}


def can(user: object, action: str, obj: object = None) -> bool:
    """True when ``user`` may do ``action`` (to ``obj``). Unknown actions are refused."""
    rule = RULES.get(action)
    return rule is not None and rule(user, obj)


def authorize(user: object, action: str, obj: object = None) -> None:
    """Raise :class:`NotSignedIn` or :class:`Forbidden` unless ``can(user, action, obj)``."""
    if can(user, action, obj):
        return
    if not signed_in(user):
        raise NotSignedIn(N_("Please sign in first."))
    raise Forbidden(N_("You do not have permission to do that."))
