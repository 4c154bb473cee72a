"""Spam signals that are not phrases: many links, and the same words repeated over and over.

Adverts, "follow for follow" and money offers are phrase lists and pattern rules
(``phrases/spam.txt``, ``rules.toml``); this module adds what needs counting.
Repetition thresholds are high on purpose: someone in distress may repeat a
sentence, and that is not spam.
"""

from __future__ import annotations

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
    hits = []
    for size, times in _REPEATS:
        needed = size * (times - 1)
        if len(keys) < size * times:
            continue
        run = 0
        for i, same in enumerate(a == b for a, b in zip(keys, keys[size:], strict=False)):
            run = run + 1 if same else 0
            if run == needed:
                first = i - needed + 1
                if _FIRST_PERSON.intersection(keys[first : first + size]):
                    run = 0
                    continue
                spans = view.token_spans
                hits.append(Hit(spans[first][0], spans[i + size][1], _REPEATED))
                return hits
    return hits
