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
"selvmordsmetoder"), which keeps look-ups exact and fast. The last word of an
entry may end in ``**``: a prefix of a compound ("selvmords**" matches
"selvmordstanker" and "selvmordsforsøg"); a token is tried against the prefix
lengths in use, a handful of dict look-ups whatever the number of entries. A
word in brackets is optional ("tager [jeg] livet af mig": Danish puts the
subject after the verb when something else opens the sentence).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from moderation.normalise import TextView, squeeze

_END = "\x00"
_PREFIX = "\x01"  # marks a key that is a prefix ("selvmords**"); also the trie's prefix table
_MIN_PREFIX = 4
_NUMBER_WORD_RE = re.compile(r"(?<![\w@$])\d+(?![\w@$])")
_MAX_EXPANSIONS = 400


@dataclass(frozen=True)
class Meaning:
    """What a matched entry means: a category at a severity, maybe a crisis signal."""

    category: str
    severity: str
    crisis: bool
    rule: str


class Hit(NamedTuple):
    """A matched entry: its span in the normalised text and what it means.

    A named tuple rather than a frozen dataclass: the engine makes a hit for every
    word-list match, and a frozen dataclass is several times slower to create."""

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
        # Prefix entries of one word: prefix -> meanings, and the prefix lengths in use.
        self._first_prefixes: dict[str, list[Meaning]] = {}
        self._prefix_lengths: set[int] = set()
        self._prefix_heads: set[str] = set()  # the first letters of every prefix: a quick test
        self.size = 0

    def entry_keys(self, text: str, endings: Iterable[str]) -> list[tuple[str, ...]]:
        """The key sequences an entry stands for; raises ValueError when it cannot match."""
        alternatives: list[list[str | None]] = []
        endings = list(endings)
        words = text.split()
        for number, word in enumerate(words):
            optional = word.startswith("[") and word.endswith("]") and len(words) > 1
            word = word.strip("[]") if optional else word
            prefix = word.endswith("**")
            stem = word.endswith("*") and not prefix
            word = word.rstrip("*")
            if prefix and (number != len(words) - 1 or optional):
                raise ValueError("only the last word of an entry can be a prefix ('word**')")
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
            if prefix:
                if len(keys) != 1 or len(keys[0]) < _MIN_PREFIX:
                    raise ValueError(f"a prefix needs one word of {_MIN_PREFIX} letters or more")
                alternatives[-1] = [keys[0] + _PREFIX]
            if optional:
                alternatives[-1] = [*alternatives[-1], None]
        if not alternatives:
            raise ValueError("empty entry")
        combos = 1
        for options in alternatives:
            combos *= len(options)
        if combos > _MAX_EXPANSIONS:
            raise ValueError(f"too many stem expansions ({combos}); use fewer '*' in one entry")
        found = []
        for combo in itertools.product(*alternatives):
            keys = tuple(key for key in combo if key is not None)
            if keys and keys not in found:
                found.append(keys)
        return found

    def add(self, keys: tuple[str, ...], meaning: Meaning) -> None:
        """Store one key sequence with its meaning."""
        if keys[-1].endswith(_PREFIX):
            self._add_prefix(keys, meaning)
            return
        for trie, seq in ((self._trie, keys), (self._squeezed_trie, tuple(map(squeeze, keys)))):
            node = trie
            for key in seq:
                node = node.setdefault(key, {})
            node.setdefault(_END, []).append(meaning)
        self._joined.setdefault("".join(keys), []).append(meaning)
        self._first_keys.add(keys[0])
        self.size += 1

    def _add_prefix(self, keys: tuple[str, ...], meaning: Meaning) -> None:
        prefix = keys[-1][: -len(_PREFIX)]
        self._prefix_lengths.add(len(prefix))
        self._prefix_heads.add(prefix[:_MIN_PREFIX])
        self.size += 1
        if len(keys) == 1:
            self._first_prefixes.setdefault(prefix, []).append(meaning)
            return
        node = self._trie
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node.setdefault(_PREFIX, {}).setdefault(prefix, []).append(meaning)
        self._first_keys.add(keys[0])

    def find(self, view: TextView) -> list[Hit]:
        """Every occurrence of every entry in the text (overlaps included)."""
        hits: list[Hit] = []
        keys = view.keys
        starts = self._first_keys.intersection(view.key_set)
        if starts:
            self._walk_all(keys, starts, view, hits)
        if self._first_prefixes:
            heads = self._prefix_heads
            for i, key in enumerate(keys):
                if key[:_MIN_PREFIX] in heads:
                    for meaning in self._prefix_meanings(self._first_prefixes, key):
                        hits.append(Hit(*view.token_spans[i], meaning))
        if view.has_repeats:
            self._find_squeezed(view, hits)
        if "1" in view.lower:
            self._find_one_as_l(view, hits)
        for start, end, joined in view.spaced_words:
            for meaning in self._joined.get(joined, ()):
                hits.append(Hit(start, end, meaning))
        return hits

    def _walk_all(self, keys: list[str], starts: set[str], view: TextView, hits: list[Hit]):
        # The hot loop of the engine: ``_walk`` inlined for every start, since most
        # walks end after one or two tokens and a call costs more than the walk.
        trie = self._trie
        count = len(keys)
        with_prefixes = bool(self._prefix_lengths)
        for i, key in enumerate(keys):
            if key not in starts:
                continue
            node = trie[key]
            j = i
            while True:
                meanings = node.get(_END)
                if meanings:
                    spans = view.token_spans
                    for meaning in meanings:
                        hits.append(Hit(spans[i][0], spans[j][1], meaning))
                j += 1
                if j == count:
                    break
                if with_prefixes:
                    prefixes = node.get(_PREFIX)
                    if prefixes:
                        for meaning in self._prefix_meanings(prefixes, keys[j]):
                            spans = view.token_spans
                            hits.append(Hit(spans[i][0], spans[j][1], meaning))
                node = node.get(keys[j])
                if node is None:
                    break

    def _prefix_meanings(self, prefixes: dict[str, list[Meaning]], key: str) -> list[Meaning]:
        """Meanings of the prefix entries that ``key`` starts with."""
        found: list[Meaning] = []
        if key[:_MIN_PREFIX] not in self._prefix_heads:
            return found
        for length in self._prefix_lengths:
            if length <= len(key):
                found.extend(prefixes.get(key[:length], ()))
        return found

    def _walk(self, trie, keys, i, view, hits, must_cover: set[int] | None = None) -> None:
        node = trie
        for j in range(i, len(keys)):
            prefixes = node.get(_PREFIX) if j > i and self._prefix_lengths else None
            if prefixes and (must_cover is None or must_cover.intersection(range(i, j + 1))):
                for meaning in self._prefix_meanings(prefixes, keys[j]):
                    hits.append(Hit(view.token_spans[i][0], view.token_spans[j][1], meaning))
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
