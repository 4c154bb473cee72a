"""The fixed vocabulary of the engine: categories, content kinds, severities, actions.

These names are the contract in ``docs/moderation-policy-spec.md``; the data files
may only use them, and other parts of the product depend on them.
"""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "pii.email",
    "pii.phone",
    "pii.cpr",
    "pii.address",
    "pii.name",
    "pii.school",
    "pii.social",
    "link.external",
    "harm.self_harm",
    "harm.suicide",
    "harm.eating_disorder",
    "harm.violence",
    "harm.sexual",
    "harm.drugs",
    "harm.crime",
    "harm.hate",
    "profanity",
    "spam",
)

KINDS: tuple[str, ...] = ("post", "comment", "chat", "profile", "alias")

# Ordered from weakest to strongest.
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")

# Ordered from mildest to strictest; the strictest action of all findings wins.
# "censor" is policy data only: it means allow, but show a masked display_text.
ACTIONS: tuple[str, ...] = ("allow", "censor", "review", "block")

ACTION_RANK = {action: rank for rank, action in enumerate(ACTIONS)}
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}
