"""Broad signals: harm topics met with advice or intent words in one sentence.

Phrase lists and pattern rules catch the shapes of harm they describe. This module
is a wider, weaker net for wording nobody has written a rule for: a sentence that
names a harm topic ("blade", "laxatives", "pills") together with advice or intent
("you should", "trust me", "I can send"; per category also e.g. "you" for insults)
and with no sign of coping or help-seeking
("urge", "therapist", "instead", "used to") in it or next to it gives a *medium*
finding, so a moderator looks; nothing is blocked on these alone. The same goes for
crisis: means or a place ("rope", "bridge") with now-or-never words ("tonight",
"won't come back") in a first-person sentence raise the crisis flag.

The words are data (``<lang>/signals.toml``), matched as token keys through phrase
indexes, so the cost does not grow with the lists.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from moderation.categories import CATEGORIES
from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning, PhraseIndex

_SENTENCE_RE = re.compile(r"[^.!?\n]+")
_CUE_KINDS = ("means", "acute", "finality")
_TOPIC = "topic"


class SignalDetector:
    """Sentence-level combination of topic, intent and coping words."""

    def __init__(self, source: DataSource, phrase_index_factory, endings_of):
        self._topics = phrase_index_factory()
        self._intent = phrase_index_factory()
        self._category_intent = phrase_index_factory()
        self._coping = phrase_index_factory()
        self._means = phrase_index_factory()
        self._now = phrase_index_factory()
        self._self = phrase_index_factory()
        # Crisis cues by kind; two kinds close together in first person is a crisis signal.
        self._cues = {kind: phrase_index_factory() for kind in _CUE_KINDS}
        self._meanings: dict[str, Meaning] = {}
        self._crisis = Meaning("harm.suicide", "medium", True, "signals.crisis")
        for folder in source.languages():
            path = folder / "signals.toml"
            data = source.toml(path)
            if data:
                self._load(source, path, data, endings_of(folder))

    def _load(self, source: DataSource, path: Path, data: dict, endings) -> None:
        marker = Meaning(_TOPIC, "medium", False, "signals")
        for category, words in data.get("topics", {}).items():
            if category not in CATEGORIES:
                source.problem(
                    path, source.line_of(path, category), f"unknown category {category!r}"
                )
                continue
            meaning = self._meanings.setdefault(
                category, Meaning(category, "medium", False, f"signals.{category}")
            )
            self._add(source, path, self._topics, words, meaning, endings)
        for category, words in data.get("intent_by_category", {}).items():
            if category not in CATEGORIES:
                source.problem(
                    path, source.line_of(path, category), f"unknown category {category!r}"
                )
                continue
            meaning = Meaning(category, "medium", False, "signals.intent")
            self._add(source, path, self._category_intent, words, meaning, endings)
        lists = {
            "intent": self._intent,
            "coping": self._coping,
            "crisis_means": self._means,
            "crisis_now": self._now,
            "first_person": self._self,
        }
        for name, index in lists.items():
            self._add(source, path, index, data.get(name, []), marker, endings)
        cues = data.get("crisis_cues", {})
        for kind in cues:
            if kind not in _CUE_KINDS:
                source.problem(
                    path, source.line_of(path, kind), f"unknown crisis cue kind {kind!r}"
                )
        for kind, index in self._cues.items():
            self._add(source, path, index, cues.get(kind, []), marker, endings)

    @staticmethod
    def _add(source, path, index: PhraseIndex, words, meaning: Meaning, endings) -> None:
        if not isinstance(words, list):
            source.problem(path, 0, "expected lists of words")
            return
        for word in words:
            try:
                for keys in index.entry_keys(str(word), endings):
                    index.add(keys, meaning)
            except ValueError as error:
                source.problem(path, source.line_of(path, str(word)), f"{word!r}: {error}")

    def find(self, view: TextView) -> list[Hit]:
        """Medium findings for sentences where a harm topic meets intent without coping."""
        topics = self._topics.find(view)
        means = self._means.find(view)
        cues = {kind: index.find(view) for kind, index in self._cues.items()}
        if not topics and not means and sum(1 for found in cues.values() if found) < 2:
            return []
        sentences = [m.span() for m in _SENTENCE_RE.finditer(view.lower)]
        starts = [s for s, _ in sentences]

        def sentence_of(hit: Hit) -> int:
            return max(0, bisect.bisect_right(starts, hit.start) - 1)

        coping = {sentence_of(h) for h in self._coping.find(view)}
        near_coping = coping | {i + 1 for i in coping} | {i - 1 for i in coping}
        hits = []
        if topics:
            intent = {sentence_of(h) for h in self._intent.find(view)}
            category_intent = {
                (sentence_of(h), h.meaning.category) for h in self._category_intent.find(view)
            }
            seen = set()
            for hit in topics:
                i = sentence_of(hit)
                key = (i, hit.meaning.category)
                has_intent = i in intent or key in category_intent
                if has_intent and i not in near_coping and key not in seen:
                    seen.add(key)
                    hits.append(Hit(*_trimmed(view.lower, sentences[i]), hit.meaning))
        first_person = None
        if means:
            now = {sentence_of(h) for h in self._now.find(view)}
            first_person = {sentence_of(h) for h in self._self.find(view)}
            for hit in means:
                i = sentence_of(hit)
                if i in now and i in first_person and i not in near_coping:
                    hits.append(Hit(*_trimmed(view.lower, sentences[i]), self._crisis))
                    return hits
        cue_sentences = {
            kind: {sentence_of(h) for h in found} for kind, found in cues.items() if found
        }
        if len(cue_sentences) >= 2:
            if first_person is None:
                first_person = {sentence_of(h) for h in self._self.find(view)}
            # Two kinds of cue (means, acute state, finality) within three sentences.
            for i in range(len(sentences)):
                window = {i - 1, i, i + 1}
                kinds = [k for k, found in cue_sentences.items() if found & window]
                if len(kinds) >= 2 and first_person & window and not coping & window:
                    first, last = max(0, i - 1), min(len(sentences) - 1, i + 1)
                    span = _trimmed(view.lower, (sentences[first][0], sentences[last][1]))
                    hits.append(Hit(*span, self._crisis))
                    break
        return hits


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
