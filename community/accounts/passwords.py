"""Password rules and hashing (argon2id)."""

from argon2.exceptions import InvalidHashError, VerificationError

from community.accounts.rules import AccountRules
from community.errors import Problems
from community.i18n import N_
from community.reference import alias_key


def check_new_password(
    problems: Problems,
    rules: AccountRules,
    password: str,
    *,
    alias: str = "",
    email: str = "",
    field: str = "password",
) -> None:
    """Add a problem when ``password`` is too short, too long, common, or the alias/e-mail."""
    if len(password) < rules.password_min:
        problems.add(field, N_("Use at least %(min)d characters."), min=rules.password_min)
        return
    if len(password) > rules.password_max:
        problems.add(field, N_("Use at most %(max)d characters."), max=rules.password_max)
        return
    folded = password.casefold()
    if folded in rules.reference.common_passwords:
        problems.add(
            field, N_("This password is on a list of common passwords. Choose another one.")
        )
        return
    own = {alias_key(alias), email.casefold(), email.casefold().split("@")[0]} - {""}
    if alias_key(password) in own or folded in own:
        problems.add(field, N_("Your password must not be your alias or e-mail address."))


def hash_password(rules: AccountRules, password: str) -> str:
    """The argon2id hash of ``password``."""
    return rules.hasher.hash(password)


def verify_password(rules: AccountRules, password_hash: str, password: str) -> bool:
    """True when ``password`` matches ``password_hash``."""
    try:
        return rules.hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# A hash of a random password, verified when no account matches, so a wrong alias
# takes as long as a wrong password and does not reveal who has an account.
_DUMMY_PASSWORD = "no such account; compare anyway"  # noqa: S105 - not a credential


_dummy_hashes: dict[int, str] = {}


def spend_equal_time(rules: AccountRules) -> None:
    """Do the work of one verification, for a login with no matching account."""
    key = id(rules.hasher)
    if key not in _dummy_hashes:
        _dummy_hashes[key] = rules.hasher.hash(_DUMMY_PASSWORD)
    verify_password(rules, _dummy_hashes[key], "x")
