"""Word and phrase lists matched by hashing token keys, never by looping over entries.

Every entry is turned into a sequence of token keys (the same folding the text
gets) and stored in a trie of dicts. A text is matched by walking the trie from
the tokens whose key starts some entry, so the cost grows with the text and not
with the number of entries. Two extra views catch evasions:

* repeated letters: keys with every run squeezed ("fuuuck" and "fuck" both give
  "fuck") in a second trie, used only for tokens that had a run of three;
* spaced letters ("k y s", "s e n d  n u d e s"): the joined letters are looked up
  in a dict of every entry written without spaces.

An entry word ending in ``*`` is a stem: it is stored with each ending of the
language's ``inflections.txt`` ("selvmordsmetode*" also matches
"selvmordsmetoder"), which keeps look-ups exact and fast.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from moderation.normalise import TextView, squeeze

_END = "\x00"
_NUMBER_WORD_RE = re.compile(r"(?<![\w@$])\d+(?![\w@$])")
_MAX_EXPANSIONS = 400


@dataclass(frozen=True)
class Meaning:
    """What a matched entry means: a category at a severity, maybe a crisis signal."""

    category: str
    severity: str
    crisis: bool
    rule: str


@dataclass(frozen=True)
class Hit:
    """A matched entry: its span in the normalised text and what it means."""

    start: int
    end: int
    meaning: Meaning


class PhraseIndex:
    """A set of phrases (one or more words) with their meanings."""

    def __init__(self, view_of: Callable[[str], TextView], vocabulary=None):
        self._view_of = view_of
        self._vocabulary = vocabulary
        self._trie: dict = {}
        self._squeezed_trie: dict = {}
        self._joined: dict[str, list[Meaning]] = {}
        self._first_keys: set[str] = set()
        self.size = 0

    def entry_keys(self, text: str, endings: Iterable[str]) -> list[tuple[str, ...]]:
        """The key sequences an entry stands for; raises ValueError when it cannot match."""
        alternatives: list[list[str]] = []
        endings = list(endings)
        for word in text.split():
            stem = word.endswith("*")
            word = word.rstrip("*")
            if _NUMBER_WORD_RE.search(word):
                raise ValueError("a number on its own cannot be matched by a word list")
            view = self._view_of(word)
            keys = view.keys
            if not keys:
                raise ValueError("no letters to match")
            if self._vocabulary is not None:
                for token, key in zip(view.tokens, keys, strict=True):
                    self._vocabulary.add(key, token)
            alternatives.extend([key] for key in keys)
            if stem:
                alternatives[-1] = [keys[-1] + ending for ending in ["", *endings]]
        if not alternatives:
            raise ValueError("empty entry")
        combos = 1
        for options in alternatives:
            combos *= len(options)
        if combos > _MAX_EXPANSIONS:
            raise ValueError(f"too many stem expansions ({combos}); use fewer '*' in one entry")
        return [tuple(keys) for keys in itertools.product(*alternatives)]

    def add(self, keys: tuple[str, ...], meaning: Meaning) -> None:
        """Store one key sequence with its meaning."""
        for trie, seq in ((self._trie, keys), (self._squeezed_trie, tuple(map(squeeze, keys)))):
            node = trie
            for key in seq:
                node = node.setdefault(key, {})
            node.setdefault(_END, []).append(meaning)
        self._joined.setdefault("".join(keys), []).append(meaning)
        self._first_keys.add(keys[0])
        self.size += 1

    def find(self, view: TextView) -> list[Hit]:
        """Every occurrence of every entry in the text (overlaps included)."""
        hits: list[Hit] = []
        keys = view.keys
        starts = self._first_keys.intersection(view.key_set)
        if starts:
            for i, key in enumerate(keys):
                if key in starts:
                    self._walk(self._trie, keys, i, view, hits)
        if view.has_repeats:
            self._find_squeezed(view, hits)
        if "1" in view.lower:
            self._find_one_as_l(view, hits)
        for start, end, joined in view.spaced_words:
            for meaning in self._joined.get(joined, ()):
                hits.append(Hit(start, end, meaning))
        return hits

    def _walk(self, trie, keys, i, view, hits, must_cover: set[int] | None = None) -> None:
        node = trie
        for j in range(i, len(keys)):
            node = node.get(keys[j])
            if node is None:
                return
            meanings = node.get(_END)
            if meanings and (must_cover is None or must_cover.intersection(range(i, j + 1))):
                spans = view.token_spans  # computed only when something matched
                for meaning in meanings:
                    hits.append(Hit(spans[i][0], spans[j][1], meaning))

    def _find_squeezed(self, view: TextView, hits: list[Hit]) -> None:
        repeated = set(view.repeated_token_indexes())
        if not repeated:
            return
        squeezed = [squeeze(key) for key in view.keys]
        for i in range(len(squeezed)):
            if squeezed[i] in self._squeezed_trie:
                self._walk(self._squeezed_trie, squeezed, i, view, hits, must_cover=repeated)

    def _find_one_as_l(self, view: TextView, hits: list[Hit]) -> None:
        # "1" is "i" in the key table; it is also a common stand-in for "l" ("ki11").
        for i, token in enumerate(view.tokens):
            if "1" in token:
                key = view.fold(token.replace("1", "l"))
                node = self._trie.get(key)
                if node and _END in node:
                    start, end = view.token_spans[i]
                    hits.extend(Hit(start, end, meaning) for meaning in node[_END])
