"""Pattern rules (``<lang>/rules.toml``): regular expressions gated by trigger words.

A rule runs only when one of its trigger words is in the text, found by one set
intersection, so adding rules does not slow down texts that do not concern them.
Patterns run on the lower-cased, normalised text and may use word classes
``{name}`` defined in the same file (``[classes]``); a class entry is a word or
phrase, where a trailing ``*`` means "any ending".

    [classes]
    pills = ["pill*", "piller*", "panodil*"]

    [[rule]]
    id = "en.suicide.pills_ready"
    category = "harm.suicide"
    severity = "medium"          # low | medium | high (default high)
    crisis = true                # the writer signals acute risk now
    triggers = ["{pills}"]       # words and/or classes
    pattern = '''\\b(?:have|got)\\b.{0,30}{pills}.{0,20}\\bready\\b'''
    unless = '''\\bnot\\b'''      # optional: skip when this is found near the match
    requires = '''\\btonight\\b'''  # optional: match only when this is found in the text

The engine also runs the rules on its rewrite of an evasive text (see
``deobfuscate.py``); for that, every Danish letter in a pattern also matches its
two-letter spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from moderation.categories import CATEGORIES, SEVERITIES
from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning, PhraseIndex

_CLASS_REF_RE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_DANISH_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_LITERAL_WORD_RE = re.compile(r"[a-zæøå]{3,}")
_REGEX_ESCAPE_RE = re.compile(r"\\[a-zA-Z]")
_UNLESS_BEFORE = 60
_UNLESS_AFTER = 60


@dataclass(frozen=True)
class Rule:
    """One compiled pattern rule."""

    meaning: Meaning
    regex: re.Pattern
    unless: re.Pattern | None
    requires: re.Pattern | None
    explanation: tuple[str, str] | None
    order: int = 0  # load order: rules run in it, so equal findings resolve the same way


class RuleSet:
    """All pattern rules of all languages, indexed by trigger key."""

    def __init__(self, source: DataSource, phrase_index_factory, endings_of, vocabulary=None):
        self._vocabulary = vocabulary
        self._by_trigger: dict[str, list[Rule]] = {}
        self._always: list[Rule] = []
        self._explanations: dict[str, tuple[str, str]] = {}
        self.count = 0
        for folder in source.languages():
            path = folder / "rules.toml"
            data = source.toml(path)
            if data:
                self._load(source, path, data, phrase_index_factory(), endings_of(folder))

    def _load(
        self, source: DataSource, path: Path, data: dict, index: PhraseIndex, endings
    ) -> None:
        classes: dict[str, list[str]] = {}
        for name, words in data.get("classes", {}).items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                source.problem(
                    path, source.line_of(path, name), f"class {name!r}: expected a list of words"
                )
                continue
            classes[name] = [w.lower() for w in words]
        for number, rule in enumerate(data.get("rule", []), start=1):
            rule_id = rule.get("id") or f"rule #{number}"
            line = source.line_of(path, f'"{rule_id}"') if "id" in rule else 0
            try:
                compiled, trigger_words = self._compile(rule, rule_id, classes, self.count)
                trigger_keys = set()
                for word in trigger_words:
                    for keys in index.entry_keys(word, endings):
                        trigger_keys.add(keys[0])
            except (ValueError, re.error) as error:
                source.problem(path, line, f"{rule_id}: {error}")
                continue
            self.count += 1
            if compiled.explanation:
                self._explanations[rule_id] = compiled.explanation
            if not trigger_keys:
                source.problem(path, line, f"{rule_id}: no triggers, so it runs on every text")
                self._always.append(compiled)
            for key in trigger_keys:
                self._by_trigger.setdefault(key, []).append(compiled)

    def _compile(
        self, rule: dict, rule_id: str, classes: dict[str, list[str]], order: int
    ) -> tuple[Rule, list[str]]:
        category = rule.get("category")
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        severity = rule.get("severity", "high")
        if severity not in SEVERITIES:
            raise ValueError(f"bad severity {severity!r} (expected one of {', '.join(SEVERITIES)})")
        crisis = rule.get("crisis", False)
        if not isinstance(crisis, bool):
            raise ValueError("crisis must be true or false")
        pattern = rule.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            raise ValueError("no pattern")
        regex = re.compile(_expand(pattern, classes))
        unless = rule.get("unless")
        unless_regex = re.compile(_expand(unless, classes)) if unless else None
        requires = rule.get("requires")
        requires_regex = re.compile(_expand(requires, classes)) if requires else None
        if self._vocabulary is not None:
            for text in (pattern, unless or "", requires or ""):
                for word in _LITERAL_WORD_RE.findall(_REGEX_ESCAPE_RE.sub(" ", text)):
                    self._vocabulary.add(word.translate(_DANISH_ASCII), word)
        triggers = []
        for trigger in rule.get("triggers", []):
            reference = _CLASS_REF_RE.fullmatch(trigger)
            if reference:
                if reference.group(1) not in classes:
                    raise ValueError(f"unknown class {trigger}")
                triggers.extend(classes[reference.group(1)])
            else:
                triggers.append(trigger)
        explanation = None
        if rule.get("explanation_da") and rule.get("explanation_en"):
            explanation = (rule["explanation_da"], rule["explanation_en"])
        meaning = Meaning(category, severity, crisis, rule_id)
        return Rule(meaning, regex, unless_regex, requires_regex, explanation, order), triggers

    def find(self, view: TextView) -> list[Hit]:
        """Every match of every rule whose trigger is in the text."""
        rules: dict[int, Rule] = {id(rule): rule for rule in self._always}
        for key in view.key_set.intersection(self._by_trigger):
            for rule in self._by_trigger[key]:
                rules[id(rule)] = rule
        hits = []
        lower = view.lower
        # The trigger set's order depends on string hashing, which differs per process.
        for rule in sorted(rules.values(), key=_by_order):
            if rule.requires and not rule.requires.search(lower):
                continue
            for match in rule.regex.finditer(lower):
                if match.end() == match.start():
                    continue
                if rule.unless and rule.unless.search(
                    lower, max(0, match.start() - _UNLESS_BEFORE), match.end() + _UNLESS_AFTER
                ):
                    continue
                hits.append(Hit(match.start(), match.end(), rule.meaning))
        return hits

    def explanation(self, rule_id: str) -> tuple[str, str] | None:
        """A rule's own explanation (da, en), when it has one."""
        return self._explanations.get(rule_id)


def _by_order(rule: Rule) -> int:
    return rule.order


def _expand(pattern: str, classes: dict[str, list[str]]) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in classes:
            raise ValueError(f"unknown class {{{name}}}")
        alternatives = []
        words = set(classes[name])
        # Danish letters are often typed as ae/oe/aa; match both spellings.
        words |= {w.translate(_DANISH_ASCII) for w in words if not w.isascii()}
        for word in sorted(words, key=len, reverse=True):
            parts = [
                re.escape(part.rstrip("*")) + (r"\w*" if part.endswith("*") else "")
                for part in word.split()
            ]
            alternatives.append(r"\s+".join(parts))
        return r"\b(?:" + "|".join(alternatives) + r")\b"

    return _CLASS_REF_RE.sub(replace, pattern)
