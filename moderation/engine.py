"""The engine: loads the data directory once, then checks texts against it.

``Engine.check(text, kind)`` runs every detector over one normalised view of the
text, drops matches that a more specific one explains (a phone number inside an
e-mail address, a swear word inside a slur, a harm word inside a harmless
phrase), maps spans back to the original text and applies the policy.
"""

from __future__ import annotations

from pathlib import Path

from moderation.alias import JoinedWords, split_alias
from moderation.categories import CATEGORIES, SEVERITY_RANK
from moderation.deobfuscate import Vocabulary, rewrite
from moderation.frames import FrameDetector
from moderation.loader import DataSource, LoadProblem, PolicyError, default_data_dir
from moderation.model import ModelDetector
from moderation.normalise import Folding, TextView, accent_table, build_key_table
from moderation.phrases import Hit, PhraseIndex
from moderation.pii_contact import ContactDetector
from moderation.pii_names import NameDetector
from moderation.pii_numbers import NumberDetector
from moderation.pii_places import PlaceDetector
from moderation.policy import load_policy, strictest
from moderation.rules import RuleSet
from moderation.signals import SignalDetector
from moderation.spam import find_spam
from moderation.verdict import Finding, Verdict
from moderation.wordlists import SAFE, inflection_endings, load_phrases

# A finding of the key category is dropped when it overlaps one of the value categories,
# which explain the same characters more precisely.
_EXPLAINED_BY = {
    "link.external": {"pii.email"},
    "pii.phone": {"pii.cpr", "pii.email", "pii.address"},
    "pii.name": {"pii.email", "pii.social", "pii.school", "pii.address"},
    "pii.address": {"pii.email"},
    "profanity": {"harm.hate", "harm.sexual"},
}
_SAFE_PHRASES_COVER = {c for c in CATEGORIES if c.startswith("harm.")} | {"profanity"}
_ALIAS_MAX_LENGTH = 64


class Engine:
    """A loaded moderation engine. Create once, share freely: ``check`` has no side effects."""

    def __init__(self, data_dir: Path | str | None = None):
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        if not (self.data_dir / "policy.toml").is_file():
            raise PolicyError(f"{self.data_dir / 'policy.toml'}: no moderation policy found")
        source = DataSource(self.data_dir)
        self.policy = load_policy(source)
        self._homoglyphs = accent_table() | _read_char_map(
            source, "homoglyphs.txt", single_char_values=True
        )
        self._key_table = build_key_table(_read_char_map(source, "leetspeak.txt", False))
        self._folding = Folding(self._homoglyphs, self._key_table)
        self._explanations = _read_explanations(source)
        self.vocabulary = Vocabulary()
        # Word-list entries repeat the same words thousands of times; while loading,
        # each distinct word is read once.
        self._entry_views: dict[str, TextView] = {}

        self.phrases = self._new_index()
        load_phrases(source, self.phrases, self.policy.import_better_profanity)
        self.rules = RuleSet(
            source,
            self._new_index,
            lambda folder: inflection_endings(source, folder),
            vocabulary=self.vocabulary,
        )
        self.signals = SignalDetector(
            source, self._new_index, lambda folder: inflection_endings(source, folder)
        )
        self.frames = FrameDetector(
            source, self._new_index, lambda folder: inflection_endings(source, folder)
        )
        self.model = ModelDetector(source)
        self.numbers = NumberDetector(source, self.view)
        self.contacts = ContactDetector(source, self.view, self._new_index)
        self.places = PlaceDetector(source, self.view)
        self.names = NameDetector(source, self.view, self._new_index, self.places.towns)
        self.joined = JoinedWords(source, lambda word: word.translate(self._key_table))
        self.vocabulary.freeze()
        self._entry_views = {}
        self.load_problems: list[LoadProblem] = source.problems

    def _new_index(self) -> PhraseIndex:
        return PhraseIndex(self._entry_view, self.vocabulary)

    def _entry_view(self, word: str) -> TextView:
        view = self._entry_views.get(word)
        if view is None:
            view = self._entry_views[word] = self.view(word)
        return view

    def view(self, text: str) -> TextView:
        """The normalised view of a text, as the detectors see it."""
        return TextView(text, self._folding)

    def check(self, text: str, kind: str) -> Verdict:
        """Check one text of one content kind; return the verdict (see the policy spec)."""
        kind_policy = self.policy.for_kind(kind)
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        if not text.strip():
            return Verdict("allow", False)
        view = self.view(text)
        hits = self._detect(view, kind)
        hits = _drop_explained(hits)
        findings = []
        crisis = False
        actions = []
        censored = []
        for hit in hits:
            meaning = hit.meaning
            crisis = crisis or meaning.crisis
            action = kind_policy.action(meaning.category, meaning.severity)
            actions.append(action)
            start, end = view.original_span(hit.start, hit.end)
            if action == "censor":
                censored.append((start, end))
            own_action = "allow" if action == "censor" else action
            if meaning.crisis:
                own_action = strictest([own_action, self.policy.crisis_action])
            da, en = self._explain(meaning)
            findings.append(
                Finding(
                    category=meaning.category,
                    guideline=kind_policy.guidelines[meaning.category],
                    severity=meaning.severity,
                    start=start,
                    end=end,
                    text=text[start:end],
                    explanation_da=da,
                    explanation_en=en,
                    action=own_action,
                    rule=meaning.rule,
                    crisis=meaning.crisis,
                )
            )
        if crisis:
            actions.append(self.policy.crisis_action)
        action = strictest(actions)
        if action == "censor":
            action = "allow"
        display_text = _mask(text, censored) if censored else None
        return Verdict(action, crisis, tuple(findings), display_text)

    def _detect(self, view: TextView, kind: str) -> list[Hit]:
        if kind == "alias":
            return self._detect_alias(view)
        hits, link_hits = self._detect_text(view)
        hits += self.places.find(view)
        hits += self.names.find(view, kind)
        hits += find_spam(view, link_hits)
        hits += self.signals.find(view)
        return self.frames.apply(view, hits, self.model)

    def _detect_text(self, view: TextView) -> tuple[list[Hit], list[Hit]]:
        """Detectors that need no capital letters, run on the text and on its rewrite."""
        hits = self.phrases.find(view)
        hits += self.rules.find(view)
        hits += self.numbers.find(view)
        contact_hits = self.contacts.find(view)
        hits += contact_hits
        rewritten = rewrite(view, self.vocabulary)
        if rewritten is not None:
            text, mapping = rewritten
            second = self.view(text)
            extra = self.phrases.find(second) + self.rules.find(second)
            extra += self.numbers.find(second)
            extra_contacts = self.contacts.find(second)
            hits += _map_back(extra + extra_contacts, second, mapping)
            contact_hits += _map_back(extra_contacts, second, mapping)
        return hits, [h for h in contact_hits if h.meaning.rule == "link"]

    def _detect_alias(self, view: TextView) -> list[Hit]:
        # An alias has no sentences: read "SendNudes69" and "snap_anna_03" as words,
        # and match lists on whole words only (see moderation/alias.py).
        words, mapping = split_alias(view.plain)
        alias_view = self.view(words)
        found, _links = self._detect_text(alias_view)
        found += self.places.find(alias_view)
        hits = _map_back(found, alias_view, mapping)
        for platform in self.contacts.platforms_in(alias_view):
            hits += _map_back([platform], alias_view, mapping)
        # Leetspeak words kept whole ("n1gger"), and the curated joined compounds.
        whole, whole_mapping = split_alias(view.plain, split_digits=False)
        whole_view = self.view(whole)
        found = self.phrases.find(whole_view)
        if len(view.plain) <= _ALIAS_MAX_LENGTH and whole_view.keys:
            spans, keys = whole_view.token_spans, whole_view.keys
            segments = [(s, e, k) for (s, e), k in zip(spans, keys, strict=True)]
            if len(keys) > 1:
                segments.append((spans[0][0], spans[-1][1], "".join(keys)))
            found += self.joined.find(segments)
        hits += _map_back(found, whole_view, whole_mapping)
        # Addresses with dots ("anna.h@gmail.com", "www.example.dk") are read unsplit.
        hits += self.contacts.find(view) + self.numbers.find(view)
        hits += self.names.find(view, "alias")
        return hits

    def _explain(self, meaning) -> tuple[str, str]:
        own = self.rules.explanation(meaning.rule)
        if own:
            return own
        if meaning.crisis and "crisis" in self._explanations:
            return self._explanations["crisis"]
        return self._explanations.get(
            meaning.category,
            ("Teksten bryder måske retningslinjerne.", "The text may break the guidelines."),
        )


def _map_back(hits: list[Hit], view: TextView, mapping: list[int]) -> list[Hit]:
    """Hits found in a rewritten text, moved to the offsets of the text it was made from."""
    moved = []
    for hit in hits:
        start, end = view.original_span(hit.start, hit.end)
        if end <= start or start >= len(mapping):
            continue
        moved.append(Hit(mapping[start], mapping[min(end, len(mapping)) - 1] + 1, hit.meaning))
    return moved


def _drop_explained(hits: list[Hit]) -> list[Hit]:
    """Remove safe-phrase matches, explained matches and duplicates; sort by position."""
    safe = [h for h in hits if h.meaning.category == SAFE]
    kept = [h for h in hits if h.meaning.category != SAFE]
    if safe:
        kept = [
            h
            for h in kept
            if h.meaning.category not in _SAFE_PHRASES_COVER
            or not any(_overlap(s, h) for s in safe)
        ]
    # A finding of the word model says less than a frame's or a rule's: drop it where one
    # of those already marks the same harm (or the crisis) in the same place.
    kept = [h for h in kept if not _is_model(h) or not any(_same_harm(h, o) for o in kept)]
    result = []
    for hit in kept:
        category = hit.meaning.category
        explainers = _EXPLAINED_BY.get(category, ())
        if any(other.meaning.category in explainers and _overlap(hit, other) for other in kept):
            continue
        result.append(hit)
    # Of overlapping findings of one category keep the strongest, then the longest.
    result.sort(
        key=lambda h: (
            -SEVERITY_RANK[h.meaning.severity],
            -int(h.meaning.crisis),
            -(h.end - h.start),
            h.start,
        )
    )
    chosen: list[Hit] = []
    for hit in result:
        if not any(
            c.meaning.category == hit.meaning.category
            and c.meaning.crisis == hit.meaning.crisis
            and _overlap(c, hit)
            for c in chosen
        ):
            chosen.append(hit)
    chosen.sort(key=lambda h: (h.start, h.end, h.meaning.category))
    return chosen


def _is_model(hit: Hit) -> bool:
    return hit.meaning.rule.startswith("model.")


def _same_harm(model_hit: Hit, other: Hit) -> bool:
    if _is_model(other) or not _overlap(model_hit, other):
        return False
    if model_hit.meaning.crisis:
        return other.meaning.crisis
    return other.meaning.category == model_hit.meaning.category


def _overlap(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = "*"
    return "".join(chars)


def _read_char_map(source: DataSource, name: str, single_char_values: bool) -> dict:
    path = source.root / name
    table = {}
    for entry in source.entries(path):
        parts = entry.text.split()
        if len(parts) != 2 or len(parts[0]) != 1 or (single_char_values and len(parts[1]) != 1):
            source.problem(
                path, entry.line, "expected 'character replacement' (one character each)"
            )
            continue
        table[ord(parts[0])] = parts[1]
    return table


def _read_explanations(source: DataSource) -> dict[str, tuple[str, str]]:
    path = source.root / "explanations.toml"
    data = source.toml(path, required=True)
    explanations = {}
    for key, value in data.items():
        if key not in CATEGORIES and key != "crisis":
            source.problem(path, source.line_of(path, key), f"unknown category {key!r}")
            continue
        if not isinstance(value, dict) or not value.get("da") or not value.get("en"):
            source.problem(path, source.line_of(path, key), f"{key}: needs both da and en")
            continue
        explanations[key] = (value["da"], value["en"])
    for category in CATEGORIES:
        if category not in explanations:
            source.problem(path, 0, f"no explanation for {category}")
    return explanations
