"""Spam signals that are not phrases: many links, and the same words repeated over and over.

Adverts, "follow for follow" and money offers are phrase lists and pattern rules
(``phrases/spam.txt``, ``rules.toml``); this module adds what needs counting.
Repetition thresholds are high on purpose: someone in distress may repeat a
sentence, and that is not spam.
"""

from __future__ import annotations

import operator

from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning

MANY_LINKS = 3
# (words in the repeated chunk, how many times the chunk must follow itself)
_REPEATS = ((1, 6), (2, 4), (3, 4), (4, 3), (5, 3), (6, 3))
# Someone in distress may repeat a sentence about themselves; that is not spam.
_FIRST_PERSON = frozenset({"jeg", "mig", "min", "mit", "mine", "i", "me", "my", "myself", "im"})

_MANY_LINKS = Meaning("spam", "high", False, "spam.many_links")
_REPEATED = Meaning("spam", "high", False, "spam.repeated_text")


def find_spam(view: TextView, link_hits: list[Hit]) -> list[Hit]:
    """Spam findings for many links and long runs of repeated words."""
    hits = []
    if len(link_hits) >= MANY_LINKS:
        hits.append(
            Hit(min(h.start for h in link_hits), max(h.end for h in link_hits), _MANY_LINKS)
        )
    keys = view.keys
    if len(keys) >= 6:
        hits.extend(_repeated_runs(view, keys))
    return hits


def _repeated_runs(view: TextView, keys: list[str]) -> list[Hit]:
    for size, times in _REPEATS:
        needed = size * (times - 1)
        if len(keys) < size * times:
            continue
        # One byte per position: 1 where the word equals the word `size` places on.
        same = bytes(map(operator.eq, keys, keys[size:]))
        run = b"\x01" * needed
        position = same.find(run)
        while position >= 0:
            if not _FIRST_PERSON.intersection(keys[position : position + size]):
                spans = view.token_spans
                last = position + needed - 1 + size
                return [Hit(spans[position][0], spans[last][1], _REPEATED)]
            position = same.find(run, position + 1)
    return []
