"""Whether a wanted alias may be used: shape, reserved names, the moderation engine."""

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.accounts.rules import AccountRules
from community.errors import Problems
from community.i18n import N_
from community.reference import alias_key
from community.verdicts import explanation
from moderation import check

ALIAS_MIN = 3
ALIAS_MAX = 24
# Letters (any alphabet), digits, and single separators between them.
_ALIAS_SHAPE = re.compile(r"^[^\W_](?:[^\W_]|[ ._-](?=[^\W_]))*$")
# The form of the neutral alias a user gets when a moderator rejects theirs.
PLACEHOLDER_ALIAS = re.compile(r"bruger\d+")


def placeholder_alias(user_id: int) -> str:
    """A neutral alias nobody can choose, unique by the user's id."""
    return f"bruger-{user_id}"


def normalise_alias(alias: str) -> str:
    """The alias as stored: NFC, surrounding space removed."""
    return unicodedata.normalize("NFC", alias.strip())


def check_alias(
    problems: Problems,
    session: Session,
    rules: AccountRules,
    alias: str,
    *,
    current_user_id: int | None = None,
) -> list:
    """Add a problem when ``alias`` cannot be used; return the engine's review findings.

    An alias is refused, with the reason, when it is malformed, reserved, taken, or
    when the moderation engine blocks it (it looks like a real name, an e-mail
    address or phone number, or is offensive). Findings that only need a second
    look are returned so the caller can queue the alias for a moderator.
    """
    if not ALIAS_MIN <= len(alias) <= ALIAS_MAX:
        problems.add(
            "alias", N_("Use %(min)d to %(max)d characters."), min=ALIAS_MIN, max=ALIAS_MAX
        )
        return []
    if not _ALIAS_SHAPE.match(alias):
        problems.add(
            "alias",
            N_("Use letters and digits, with single spaces, dots, dashes or underscores between."),
        )
        return []
    key = alias_key(alias)
    if key in rules.reference.reserved_aliases or PLACEHOLDER_ALIAS.fullmatch(key):
        problems.add("alias", N_("This alias is reserved. Choose another one."))
        return []
    taken = session.scalar(select(User.id).where(User.alias_key == key))
    if taken is not None and taken != current_user_id:
        problems.add("alias", N_("Someone already uses this alias. Choose another one."))
        return []
    verdict = check(alias, "alias")
    if verdict.action == "block":
        reason = next(f for f in verdict.findings if f.action == "block")
        if reason.category == "pii.name":
            # The engine's explanation is written for texts that name other people;
            # an alias that looks like a name is the user's own name, or seems to be.
            problems.add(
                "alias",
                N_(
                    "This alias looks like a real name. "
                    "Choose another one, so nobody can tell who you are."
                ),
            )
        else:
            problems.add(
                "alias",
                N_("This alias cannot be used: %(reason)s"),
                reason=explanation(reason),
            )
        return []
    return list(verdict.findings) if verdict.action == "review" else []


def user_with_alias(session: Session, alias: str) -> User | None:
    """The account whose alias is ``alias`` (compared as the alias check compares
    them: case, accents and look-alike spellings aside), or None."""
    return session.scalar(select(User).where(User.alias_key == alias_key(alias)))
