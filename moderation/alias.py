"""Aliases (public user names): read as words, never as one long string of letters.

An alias has no sentences and often no spaces ("NatteRavn", "demo-follower",
"Sommerfugl22"). The engine reads it in two ways:

* split into segments on separators, camelCase and digits ("SendNudes_69" ->
  "Send Nudes 69"), where every detector runs as on a text, so list entries match
  whole segments or runs of segments only;
* split on separators and camelCase only, keeping digits in a word, so leetspeak
  such as "n1gger" is read as one word.

Word-list entries are never looked for *inside* a segment: better-profanity's
short entries ("m0f0", "cunt", "ass") are found inside innocent words
("demofollower", "Scunthorpe", "Glasses"). Only the short, curated
``<lang>/alias_joined.txt`` list is matched inside joined words: compound insults
and harmful phrases that people write joined ("fuckface", "sendnudes"). A line
is ``entry | category``; ``entry`` is matched anywhere inside a segment (at least
six letters), ``entry*`` only at the start of a segment and ``*entry`` only at its
end (at least four letters each).
"""

from __future__ import annotations

from moderation.categories import CATEGORIES
from moderation.loader import DataSource
from moderation.phrases import Hit, Meaning

_SEPARATORS = "_.-+~|/ "
_MIN_INSIDE = 6
_MIN_EDGE = 4


def split_alias(alias: str, split_digits: bool = True) -> tuple[str, list[int]]:
    """An alias with its parts apart ("SendNudes_69" -> "Send Nudes 69"), and an offset map.

    With ``split_digits`` False, digits stay inside words ("n1gger" stays one word).
    """
    out: list[str] = []
    mapping: list[int] = []
    previous = ""
    for index, char in enumerate(alias):
        if char in _SEPARATORS:
            char = " "
        elif previous and (
            (previous.islower() and char.isupper())
            or (
                split_digits
                and (
                    (previous.isalpha() and char.isdigit())
                    or (previous.isdigit() and char.isalpha())
                )
            )
        ):
            out.append(" ")
            mapping.append(index)
        out.append(char)
        mapping.append(index)
        previous = char
    return "".join(out), mapping


class JoinedWords:
    """The curated entries that are matched inside joined alias segments.

    Look-ups are by hash: each substring of a segment whose length is the length
    of some entry is looked up, so the cost does not grow with the list.
    """

    def __init__(self, source: DataSource, fold):
        # where ("inside", "start", "end") -> key -> meanings
        self._entries: dict[str, dict[str, list[Meaning]]] = {"inside": {}, "start": {}, "end": {}}
        self._lengths: dict[str, set[int]] = {"inside": set(), "start": set(), "end": set()}
        self.size = 0
        for folder in source.languages():
            path = folder / "alias_joined.txt"
            for entry in source.entries(path):
                word, _, category = (part.strip() for part in entry.text.partition("|"))
                if category not in CATEGORIES:
                    source.problem(path, entry.line, f"unknown category {category!r}")
                    continue
                where = "start" if word.endswith("*") else "end" if word.startswith("*") else ""
                key = fold(word.strip("*").lower().replace(" ", ""))
                minimum = _MIN_EDGE if where else _MIN_INSIDE
                if len(key) < minimum or not key.isalpha():
                    source.problem(
                        path,
                        entry.line,
                        f"{word!r}: needs {minimum}+ letters to be matched inside a word",
                    )
                    continue
                where = where or "inside"
                meaning = Meaning(category, "high", False, entry.where)
                self._entries[where].setdefault(key, []).append(meaning)
                self._lengths[where].add(len(key))
                self.size += 1

    def find(self, segments: list[tuple[int, int, str]]) -> list[Hit]:
        """Hits for segments given as (start, end, key) in the alias's normalised text."""
        hits = []
        inside, start_of, end_of = (self._entries[w] for w in ("inside", "start", "end"))
        for start, end, key in segments:
            meanings: list[Meaning] = []
            for length in self._lengths["start"]:
                meanings += start_of.get(key[:length], ())
            for length in self._lengths["end"]:
                meanings += end_of.get(key[-length:], ())
            for length in self._lengths["inside"]:
                for i in range(len(key) - length + 1):
                    meanings += inside.get(key[i : i + length], ())
            hits.extend(Hit(start, end, meaning) for meaning in meanings)
        return hits
