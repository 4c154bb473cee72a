"""Names of people (guideline 2; guideline 1 for aliases).

Names come from the generated ``first_names.txt``/``last_names.txt`` (Faker's
person providers) and are judged by context and capitalisation:

* high severity: a name right after a word for a relative, professional or other
  user ("min psykolog Henrik", "my caseworker Sarah Jones"), or a capitalised
  first name followed by a capitalised last name ("Anna Jensen");
* low severity: a capitalised first name on its own ("jeg snakkede med Henrik").

Names that are also ordinary words (``name_ambiguous.txt``: "Per", "Bo", "Will",
"Hope", ...) count only when capitalised and not first in a sentence, or after a
relation word. ``name_relation_only.txt`` words ("May", "Christian") count only
after a relation word. Towns are never taken for names.
"""

from __future__ import annotations

import itertools
import re

from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning, PhraseIndex

_SENTENCE_END_RE = re.compile(r"(?:^|[.!?:;\n\"“”(]\s*|^\s*[-*•]\s*)$")
_ALIAS_PART_RE = re.compile(r"[A-ZÆØÅ]?[a-zæøåéèöüä]+|[A-ZÆØÅ]+(?![a-zæøå])")

NAME = "pii.name"


class NameDetector:
    """Finds names of people by context and capitalisation."""

    def __init__(self, source: DataSource, view_of, phrase_index_factory, towns: set[str]):
        self._view_of = view_of
        self.first: set[str] = set()
        self.last: set[str] = set()
        self.ambiguous: set[str] = set()
        self.relation_only: set[str] = set()
        self.titles: set[str] = set()
        self.intro_words: set[str] = set()
        self.not_after: set[str] = set()
        self.not_before: set[str] = set()
        self.towns = towns
        self.relations: PhraseIndex = phrase_index_factory()
        relation = Meaning(NAME, "high", False, "name.relation")
        lists = {
            "first_names.txt": self.first,
            "first_names_extra.txt": self.first,
            "last_names.txt": self.last,
            "name_ambiguous.txt": self.ambiguous,
            "name_relation_only.txt": self.relation_only,
            "name_titles.txt": self.titles,
            "name_intro_words.txt": self.intro_words,
            "name_not_after.txt": self.not_after,
            "name_not_before.txt": self.not_before,
        }
        for folder in source.languages():
            for file_name, target in lists.items():
                for entry in source.entries(folder / file_name):
                    keys = view_of(entry.text).keys
                    if len(keys) != 1:
                        source.problem(folder / file_name, entry.line, "expected one word")
                        continue
                    target.add(keys[0])
            path = folder / "relation_words.txt"
            for entry in source.entries(path):
                try:
                    for keys in self.relations.entry_keys(entry.text, ()):
                        self.relations.add(keys, relation)
                except ValueError as error:
                    source.problem(path, entry.line, str(error))
        self.first -= self.towns
        self._all_names = self.first | self.last
        self._high = relation
        self._full = Meaning(NAME, "high", False, "name.full")
        self._lone = Meaning(NAME, "low", False, "name.first")

    def find(self, view: TextView, kind: str) -> list[Hit]:
        """All names of the text; aliases are also read as run-together words."""
        if kind == "alias":
            return self._alias(view)
        if self._all_names.isdisjoint(view.key_set):
            return []
        hits: list[Hit] = []
        keys, spans, plain = view.keys, view.token_spans, view.plain
        named: set[int] = set()
        for relation in self.relations.find(view):
            i = _token_index_ending_at(spans, relation.end)
            if i is None:
                continue
            j = self._name_index_after(keys, plain, spans, i + 1)
            if j is not None:
                end_index = (
                    j + 1
                    if j + 1 < len(keys) and self._is_last_name(keys, plain, spans, j + 1)
                    else j
                )
                hits.append(Hit(spans[j][0], spans[end_index][1], self._high))
                named.update(range(j, end_index + 1))
        for i, key in enumerate(keys):
            if i in named or key not in self.first:
                continue
            if i > 0 and keys[i - 1] in self.not_after:
                continue  # "Sankt Hans", "St Mary's"
            if i + 1 < len(keys) and keys[i + 1] in self.not_before:
                continue  # "Mario Kart": a title, not a person
            if not self._counts_alone(key, plain, spans[i]):
                continue
            if i + 1 < len(keys) and self._is_last_name(keys, plain, spans, i + 1):
                hits.append(Hit(spans[i][0], spans[i + 1][1], self._full))
                named.update((i, i + 1))
            elif key not in self.relation_only:
                hits.append(Hit(spans[i][0], spans[i][1], self._lone))
        return hits

    def _name_index_after(self, keys, plain, spans, j: int) -> int | None:
        """The index of a name right after a relation word (titles skipped), or after a
        naming word a few words on ("min kontaktperson på afdelingen hedder Jytte")."""
        k = j
        while k < len(keys) and keys[k] in self.titles:
            k += 1
        if k < len(keys) and self._is_name_after_relation(keys[k], plain, spans[k]):
            return k
        for k in range(j, min(j + 5, len(keys) - 1)):
            if keys[k] in self.intro_words:
                k += 1
                while k < len(keys) and keys[k] in self.titles:
                    k += 1
                if k < len(keys) and self._is_name_after_relation(keys[k], plain, spans[k]):
                    return k
                return None
        return None

    def _is_name_after_relation(self, key: str, plain: str, span: tuple[int, int]) -> bool:
        if key not in self._all_names or key in self.towns:
            return False
        capitalised = plain[span[0]].isupper()
        if key in self.ambiguous or key in self.relation_only or key not in self.first:
            return capitalised
        return True

    def _counts_alone(self, key: str, plain: str, span: tuple[int, int]) -> bool:
        start, end = span
        word = plain[start:end]
        if not word[:1].isupper() or (word.isupper() and len(word) > 1):
            return False
        if key in self.ambiguous:
            return not _starts_sentence(plain, start)
        return True

    def _is_last_name(self, keys, plain, spans, i) -> bool:
        start, _end = spans[i]
        # The two names must be neighbours ("Anna Jensen"), not across punctuation.
        gap = plain[spans[i - 1][1] : start]
        return (
            keys[i] in self.last
            and gap in (" ", "-")
            and plain[start].isupper()
            and keys[i] not in self.ambiguous
        )

    def _alias(self, view: TextView) -> list[Hit]:
        """An alias such as "AnnaJensen99" or "anna.jensen": run-together name parts."""
        text = view.plain
        parts = [
            (m.start(), m.end(), self._view_of(m.group()).keys)
            for m in _ALIAS_PART_RE.finditer(text)
        ]
        parts = [(s, e, k[0]) for s, e, k in parts if len(k) == 1]
        for (s1, _e1, first), (_s2, e2, last) in itertools.pairwise(parts):
            if first in self.first and last in self.last and first not in self.ambiguous:
                return [Hit(s1, e2, self._full)]
        for start, end, key in parts:
            usable = key not in self.ambiguous and key not in self.relation_only
            if key in self.first and usable and len(key) >= 3:
                return [Hit(start, end, self._lone)]
        return []


def _starts_sentence(plain: str, start: int) -> bool:
    return _SENTENCE_END_RE.search(plain, max(0, start - 4), start) is not None


def _token_index_ending_at(spans: list[tuple[int, int]], end: int) -> int | None:
    low, high = 0, len(spans) - 1
    while low <= high:
        middle = (low + high) // 2
        if spans[middle][1] == end:
            return middle
        if spans[middle][1] < end:
            low = middle + 1
        else:
            high = middle - 1
    return None
