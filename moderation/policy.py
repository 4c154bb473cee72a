"""The policy: which action each finding leads to, per content kind (data, not code).

``policy.toml`` holds, for every kind, an action per category, either one action
for all severities or a table per severity. This module reads it, checks it and
turns a list of findings into a verdict action.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from moderation.categories import ACTION_RANK, ACTIONS, CATEGORIES, KINDS, SEVERITIES
from moderation.loader import DataSource, PolicyError

_FAIL_SAFE_ACTION = "review"


@dataclass(frozen=True)
class KindPolicy:
    """The action table of one content kind."""

    kind: str
    # category -> severity -> action
    actions: dict[str, dict[str, str]]
    guidelines: dict[str, int]

    def action(self, category: str, severity: str) -> str:
        """The action for one finding of this kind."""
        return self.actions.get(category, {}).get(severity, _FAIL_SAFE_ACTION)


@dataclass(frozen=True)
class Policy:
    """All kinds' tables plus the crisis action."""

    kinds: dict[str, KindPolicy]
    crisis_action: str
    import_better_profanity: bool = True

    def for_kind(self, kind: str) -> KindPolicy:
        """The table of ``kind``; ValueError for a kind the engine does not know."""
        try:
            return self.kinds[kind]
        except KeyError:
            raise ValueError(f"unknown content kind {kind!r}; expected one of {KINDS}") from None


def strictest(actions) -> str:
    """The strictest of some actions (``allow`` when there are none)."""
    return max(actions, key=ACTION_RANK.__getitem__, default="allow")


def load_policy(source: DataSource) -> Policy:
    """Read ``policy.toml``; raise PolicyError when a kind has no policy at all."""
    path = source.root / "policy.toml"
    data = source.toml(path, required=True)
    guidelines = _read_guidelines(source, path, data.get("guidelines", {}))
    crisis_action = data.get("crisis_action", "review")
    if crisis_action not in ACTIONS:
        source.problem(path, source.line_of(path, "crisis_action"), "bad crisis_action")
        crisis_action = "review"
    kinds_data = data.get("kinds", {})
    missing = [kind for kind in KINDS if not isinstance(kinds_data.get(kind), dict)]
    if missing:
        raise PolicyError(
            f"{path}: no policy for content kind(s) {', '.join(missing)} "
            f"(add a [kinds.{missing[0]}] table)"
        )
    for kind in kinds_data:
        if kind not in KINDS:
            source.problem(path, source.line_of(path, f"[kinds.{kind}"), f"unknown kind {kind!r}")
    overrides = data.get("guideline_overrides", {})
    kinds = {}
    for kind in KINDS:
        kind_guidelines = dict(guidelines)
        for category, number in overrides.get(kind, {}).items():
            if category in CATEGORIES and isinstance(number, int):
                kind_guidelines[category] = number
            else:
                line = source.line_of(path, category)
                source.problem(path, line, f"bad guideline override {category!r} for {kind}")
        kinds[kind] = KindPolicy(
            kind, _read_kind(source, path, kind, kinds_data[kind]), kind_guidelines
        )
    return Policy(kinds, crisis_action, bool(data.get("import_better_profanity", True)))


def _read_guidelines(source: DataSource, path: Path, table: dict) -> dict[str, int]:
    guidelines = {}
    for category in CATEGORIES:
        number = table.get(category)
        if not isinstance(number, int):
            source.problem(
                path, source.line_of(path, "[guidelines]"), f"no guideline for {category}"
            )
            number = 0
        guidelines[category] = number
    for category in table:
        if category not in CATEGORIES:
            source.problem(path, source.line_of(path, category), f"unknown category {category!r}")
    return guidelines


def _read_kind(source: DataSource, path: Path, kind: str, table: dict) -> dict[str, dict[str, str]]:
    actions: dict[str, dict[str, str]] = {}
    for category, value in table.items():
        section = f"[kinds.{kind}]"
        line = source.line_of(path, f'"{category}"', after=section) or source.line_of(path, section)
        if category not in CATEGORIES:
            source.problem(path, line, f"unknown category {category!r} in kinds.{kind}")
            continue
        if isinstance(value, str):
            value = dict.fromkeys(SEVERITIES, value)
        if not isinstance(value, dict):
            source.problem(path, line, f"{kind}/{category}: expected an action or a table")
            continue
        per_severity = {}
        bad = sorted({str(a) for a in value.values() if a not in ACTIONS})
        if bad:
            source.problem(path, line, f"{kind}/{category}: bad action {', '.join(bad)}")
        for severity in SEVERITIES:
            action = value.get(severity, _FAIL_SAFE_ACTION)
            per_severity[severity] = action if action in ACTIONS else _FAIL_SAFE_ACTION
        for severity in value:
            if severity not in SEVERITIES:
                source.problem(path, line, f"{kind}/{category}: bad severity {severity!r}")
        actions[category] = per_severity
    for category in CATEGORIES:
        if category not in actions and category in table:
            continue
        if category not in actions:
            source.problem(
                path,
                source.line_of(path, f"[kinds.{kind}]"),
                f"kinds.{kind} has no action for {category}; using {_FAIL_SAFE_ACTION}",
            )
            actions[category] = dict.fromkeys(SEVERITIES, _FAIL_SAFE_ACTION)
    return actions
