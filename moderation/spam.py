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
_REPEATS = ((1, 10), (2, 6), (3, 5), (4, 5), (5, 5))

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
    if len(keys) >= 10:
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
                spans = view.token_spans
                first = i - needed + 1
                hits.append(Hit(spans[first][0], spans[i + size][1], _REPEATED))
                return hits
    return hits
