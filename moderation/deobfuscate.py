"""A second reading of a text with its evasions undone ("k1ll y0urs3lf", "s e n d  n u d e s").

The word lists already see through leetspeak, repeated letters and spaced letters
token by token. Pattern rules, e-mail and phone patterns need whole text, so when
a text shows signs of evasion the engine rewrites it and runs those detectors
again on the rewrite:

* letters or digits written apart by single spaces are joined ("2 8 0 2 0 0");
* a word with digits or symbols for letters becomes the listed word it spells
  ("s3lvm0rd" -> "selvmord", "sl4r" -> "slår"), found by trying the readings of
  each symbol against the vocabulary of the data files;
* letters repeated three times or more are squeezed ("kyyyyys" -> "kys");
* a word typed with ae/oe/aa, or with a swapped Danish letter ("sælvmord"), becomes
  the listed spelling;
* digits written with the letters O and l ("2O 3O") become digits.

The rewrite keeps a map to the offsets of the text it came from, so findings still
point at what the author wrote.
"""

from __future__ import annotations

import itertools
import re

from moderation.normalise import TextView

_SPACED_SINGLES_RE = re.compile(r"(?<!\S)(?:\S )+\S(?!\S)")
# Letters joined by dots, dashes or stars: "f.a.s.t.i.n.g", "k-y-s".
_DOTTED_SINGLES_RE = re.compile(r"(?<![\w.\-*])(?:[^\W\d_][.\-*]){2,}[^\W\d_](?![\w\-*]|\.\w)")
_REPEAT3_RE = re.compile(r"([^\W\d_])\1\1+")
_LEET_CHARS = frozenset("0134578@$!|€")
# Digits mixed with look-alike letters: "2o 3o", "22l3" (not a word: no letter run of 2).
_DIGITS_WITH_LETTERS_RE = re.compile(
    r"(?<![\w|])(?=[0-9oli|]*\d)(?=[0-9oli|]*[oli|])(?:\d|[oli|](?![oli|]))+(?![\w|])"
)
_ALL_DIGITISH_RE = re.compile(r"[0-9oli|]*\d[0-9oli|]*")
_DIGIT_FOR_LETTER = str.maketrans("oli|", "0111")
_LEET_READINGS = {
    "0": ("o", "ø"),
    "1": ("i", "l"),
    "3": ("e",),
    "4": ("a", "å", "æ"),
    "5": ("s",),
    "7": ("t",),
    "8": ("b",),
    "@": ("a",),
    "$": ("s",),
    "!": ("i",),
    "|": ("l",),
    "€": ("e",),
}
_DANISH_FOR_PLAIN = {"e": "ae", "o": "oe", "a": "aa"}
# A leetspeak symbol next to a letter. Written symbol first, with the letter in a
# look-around, so the regex engine can skip ahead to the symbols (10x faster).
_LEET_IN_WORD_RE = re.compile(r"[0-9@$!|€](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
# Cheap tests that rule out the slower patterns: a dotted run has ".x." in it, and
# digits mixed with letters need a digit.
_DOTTED_GATE_RE = re.compile(r"[.\-*][^\W\d_][.\-*]")
_DIGIT_RE = re.compile(r"\d")
_MAX_READINGS = 64
_MIN_SWAP_LENGTH = 5


class Vocabulary:
    """The words of the data files: look-up key -> spelling as written in the data."""

    def __init__(self) -> None:
        self.spelling: dict[str, str] = {}
        self.swaps: dict[str, str] = {}
        # Frozen key sets, so a text's keys are intersected without touching every entry.
        self.respelled_keys: frozenset[str] = frozenset()
        self.swap_keys: frozenset[str] = frozenset()

    def add(self, key: str, word: str) -> None:
        """Remember how a key is spelled in the data (the first spelling wins)."""
        if key and word and not any(c.isdigit() for c in word):
            self.spelling.setdefault(key, word)

    def freeze(self) -> None:
        """Build the look-up sets once all data is loaded."""
        self.respelled_keys = frozenset(k for k, word in self.spelling.items() if word != k)
        self.swaps = self._build_swaps()
        self.swap_keys = frozenset(self.swaps)

    def _build_swaps(self) -> dict[str, str]:
        """Keys of listed words with one plain vowel typed as a Danish letter
        ("saelvmord", the key of "sælvmord") -> the listed spelling ("selvmord")."""
        swaps: dict[str, str] = {}
        for key, word in self.spelling.items():
            if len(word) < _MIN_SWAP_LENGTH:
                continue
            for i, char in enumerate(key):
                danish = _DANISH_FOR_PLAIN.get(char)
                if danish:
                    variant = key[:i] + danish + key[i + 1 :]
                    if variant not in self.spelling:
                        swaps.setdefault(variant, word)
        return swaps


def rewrite(view: TextView, vocabulary: Vocabulary) -> tuple[str, list[int]] | None:
    """The text with evasions undone and a map from each of its characters to ``view.lower``.

    None when there is nothing to undo (the common case), so callers skip the second pass.
    """
    lower = view.lower
    pieces: list[tuple[str, int, int]] = []  # (replacement, start, end) in lower
    changed = _compact_spaced(lower, pieces)
    spelling = vocabulary.spelling
    key_set = view.key_set
    # Only these tokens can change: listed words spelled another way (ae for æ), Danish
    # letters put in, leetspeak, and repeated letters. Most texts have none of them.
    # A token that equals its own key while the listed word is spelled otherwise was
    # typed the plain way ("slaar" for "slår"); a token typed as listed needs nothing.
    respelled = vocabulary.respelled_keys.intersection(view.tokens)
    swapped = key_set & vocabulary.swap_keys
    has_leet = _LEET_IN_WORD_RE.search(lower) is not None
    token_pieces = []
    if respelled or swapped or has_leet or view.has_repeats:
        spans = None
        fold = view.fold
        for i, (token, key) in enumerate(zip(view.tokens, view.keys, strict=True)):
            if key in respelled:
                better = spelling[key]
            elif key in swapped:
                better = vocabulary.swaps[key]
            elif (has_leet and not _LEET_CHARS.isdisjoint(token)) or _REPEAT3_RE.search(token):
                better = _better_spelling(token, key, fold, spelling)
            else:
                continue
            if better is not None and better != token:
                spans = spans or view.token_spans
                token_pieces.append((better, *spans[i]))
    digit_runs = _DIGITS_WITH_LETTERS_RE.finditer(lower) if _DIGIT_RE.search(lower) else ()
    for match in digit_runs:
        token_pieces.append(
            (match.group().translate(_DIGIT_FOR_LETTER), match.start(), match.end())
        )
    if token_pieces:
        changed = True
        pieces = _merge(pieces, token_pieces)
    if not changed:
        return None
    return _apply(lower, pieces)


def _compact_spaced(lower: str, pieces: list) -> bool:
    runs = list(_SPACED_SINGLES_RE.finditer(lower))
    long_run = any(len(m.group()) >= 7 for m in runs)
    for match in runs:
        # Two singles ("i a") are ordinary words; join them only in a spaced-out text.
        if len(match.group()) >= 5 or long_run:
            pieces.append((match.group().replace(" ", ""), match.start(), match.end()))
    dotted = _DOTTED_SINGLES_RE.finditer(lower) if _DOTTED_GATE_RE.search(lower) else ()
    for match in dotted:
        # "e.g." and "i.e." are two letters; a dotted word has three or more.
        if not any(s <= match.start() < e for _, s, e in pieces):
            pieces.append((re.sub(r"[.\-*]", "", match.group()), match.start(), match.end()))
    pieces.sort(key=lambda piece: piece[1])
    return bool(pieces)


def _better_spelling(token: str, key: str, fold, spelling: dict[str, str]) -> str | None:
    if _ALL_DIGITISH_RE.fullmatch(token):
        return None  # "3o" is a number written with a letter O, not leetspeak
    known = spelling.get(key)
    if known is not None:
        return known
    if any(c in _LEET_CHARS for c in token) and any(c.isalpha() for c in token):
        return _read_leet(token, fold, spelling)
    if _REPEAT3_RE.search(token):
        squeezed = _REPEAT3_RE.sub(r"\1", token)
        return spelling.get(fold(squeezed), squeezed)
    return None


def _read_leet(token: str, fold, spelling: dict[str, str]) -> str | None:
    options = [_LEET_READINGS.get(c, (c,)) if c in _LEET_CHARS else (c,) for c in token]
    count = 1
    for option in options:
        count *= len(option)
    if count <= _MAX_READINGS:
        for reading in itertools.product(*options):
            word = "".join(reading)
            known = spelling.get(fold(word))
            if known is not None:
                return known
            squeezed = _REPEAT3_RE.sub(r"\1", word)
            if squeezed != word and fold(squeezed) in spelling:
                return spelling[fold(squeezed)]
    # No listed word: read symbols that sit inside letters with their first meaning,
    # and leave trailing digits alone (they are often part of a user name).
    chars = list(token)
    for i, c in enumerate(chars):
        if c in _LEET_CHARS and i + 1 < len(chars) and chars[i + 1].isalpha():
            chars[i] = _LEET_READINGS[c][0]
    return "".join(chars)


def _merge(spaced: list, tokens: list) -> list:
    """Token repairs inside a joined spaced run are dropped: the run already covers them."""
    merged = list(spaced)
    for piece in tokens:
        if not any(s <= piece[1] and piece[2] <= e for _, s, e in spaced):
            merged.append(piece)
    merged.sort(key=lambda p: p[1])
    return merged


def _apply(lower: str, pieces: list) -> tuple[str, list[int]]:
    out: list[str] = []
    mapping: list[int] = []
    position = 0
    for replacement, start, end in pieces:
        if start < position:
            continue
        out.append(lower[position:start])
        mapping.extend(range(position, start))
        out.append(replacement)
        width = end - start
        # Spread the replacement over the replaced span, first to first and last to last.
        last = max(len(replacement) - 1, 1)
        mapping.extend(start + round(i * (width - 1) / last) for i in range(len(replacement)))
        position = end
    out.append(lower[position:])
    mapping.extend(range(position, len(lower)))
    return "".join(out), mapping
