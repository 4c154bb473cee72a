"""One normalisation pass over a text, with a map back to the original offsets.

The engine matches on normalised forms but must report spans in the text the
author wrote. ``TextView`` keeps three aligned strings:

* ``plain``: NFKC-normalised, invisible characters (zero-width, bidi controls,
  soft hyphens) removed, and look-alike letters from other scripts (Cyrillic,
  Greek) replaced by their Latin twins. Case is kept (names need it).
* ``lower``: ``plain`` in lower case, same length, so the same offsets.
* token keys: every word of ``lower`` folded for word-list look-ups (leetspeak,
  æ/ø/å spelled ae/oe/aa, accents). Folding happens per token, so it never
  shifts offsets.

Most texts are already NFKC and have no invisible characters; for them ``plain``
is one ``str.translate`` of the original and the offset map is the identity,
so no per-character Python work is done.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property

_INVISIBLE_CHARS = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c"
    "\ufe0d\ufe0e\ufe0f\ufeff\uffa0"
)
INVISIBLE = frozenset(_INVISIBLE_CHARS)
_INVISIBLE_RE = re.compile("[" + re.escape(_INVISIBLE_CHARS) + "]")

# A word: starts at a boundary, has at least one letter, may contain digits and
# the leetspeak symbols @ $ (anywhere) and ! | (inside only, so "fuck!" is "fuck").
# Number-only words are not tokens: the number detectors handle them.
TOKEN_RE = re.compile(r"(?<![\w@$])[\d@$]*[^\W\d_][\w@$]*(?:[!|]+[\w@$]+)*")

# Letters repeated three times or more ("fuuuuck").
_REPEAT_RE = re.compile(r"([^\W\d_])\1\1")
# The same for any word character, twice as fast to scan; matches are then
# checked for a letter (not a digit or "_").
_WORD_REPEAT_RE = re.compile(r"(\w)\1\1")
_SQUEEZE_RE = re.compile(r"(.)\1+")

# Single letters or digits separated by one separator: "s n a p", "f.u.c.k", "2 2 3 3".
SPACED_RE = re.compile(r"(?<![\w])(?:[^\W_][ .\-_*/]){2,}[^\W_](?![\w])")
_SPACED_SEPARATORS = str.maketrans("", "", " .-_*/")

_BASE_KEY_FOLD = {
    "æ": "ae",
    "ø": "oe",
    "å": "aa",
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "_": None,
}


def build_key_table(leetspeak: dict[int, str]) -> dict[int, str | None]:
    """Return the ``str.translate`` table that folds a lower-case token to its key.

    ``leetspeak`` maps a symbol or digit (as a code point) to the letter it stands for. Accented
    letters fold to their base letter; æ/ø/å fold to ae/oe/aa so both spellings meet.
    """
    table: dict[int, str | None] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base.lower()
    for char, folded in _BASE_KEY_FOLD.items():
        table[ord(char)] = folded
    table.update(leetspeak)
    return table


def accent_table() -> dict[int, str]:
    """Latin letters with accents -> their base letter, except the Danish æ, ø and å.

    One character to one, so offsets are kept: "kîll" reads as "kill", "é" as "e".
    """
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        if char in "æøåÆØÅ":
            continue
        base = unicodedata.normalize("NFKD", char)[:1]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    return table


def squeeze(key: str) -> str:
    """Collapse every run of a repeated character to one ("fuuuck" -> "fuck")."""
    return _SQUEEZE_RE.sub(r"\1", key)


class Folding:
    """The tables a text is read through, with what makes reading them fast: a test
    for the characters the homoglyph table changes (most texts have none, and a
    translate over Danish letters is slow), and a bounded cache of token keys."""

    _CACHE_LIMIT = 50_000

    def __init__(self, homoglyphs: dict[int, str], key_table: dict[int, str | None]):
        self.homoglyphs = homoglyphs
        self.key_table = key_table
        self._homoglyph_re = re.compile(
            "[" + "".join(re.escape(chr(code)) for code in sorted(homoglyphs)) + "]"
        )
        self._keys: dict[str, str] = {}

    def plain(self, text: str) -> str:
        """``text`` with look-alike letters read as the letters they imitate."""
        if text.isascii() or not self._homoglyph_re.search(text):
            return text
        return text.translate(self.homoglyphs)

    def keys(self, tokens: list[str]) -> list[str]:
        """The look-up key of each token, from the cache where it has been seen."""
        cache = self._keys
        keys = []
        for token in tokens:
            key = cache.get(token)
            if key is None:
                key = token.translate(self.key_table)
                if len(cache) >= self._CACHE_LIMIT:
                    cache.clear()
                cache[token] = key
            keys.append(key)
        return keys


class TextView:
    """A text with its normalised forms, tokens and a map back to original offsets."""

    def __init__(self, text: str, folding: Folding):
        self.original = text
        self._folding = folding
        self._key_table = folding.key_table
        if unicodedata.is_normalized("NFKC", text) and not _INVISIBLE_RE.search(text):
            self.plain = folding.plain(text)
            self._to_original: list[int] | None = None
        else:
            self.plain, self._to_original = _normalise_slowly(text, folding.homoglyphs)
        lower = self.plain.lower()
        if len(lower) != len(self.plain):
            # A few letters (e.g. Turkish dotted I) lower-case to two characters;
            # keep those as they are so offsets stay aligned.
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.plain)
        self.lower = lower

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``plain``/``lower`` to the original text."""
        mapping = self._to_original
        if mapping is None:
            return start, end
        if start >= len(mapping):
            return len(self.original), len(self.original)
        first = mapping[start]
        last = mapping[end - 1] + 1 if end > start else first
        return first, last

    @cached_property
    def tokens(self) -> list[str]:
        """The words of ``lower``, in order."""
        lower = self.lower
        return [lower[start:end] for start, end in self.token_spans]

    @cached_property
    def keys(self) -> list[str]:
        """The look-up key of each token (same order as ``tokens``)."""
        return self._folding.keys(self.tokens)

    @cached_property
    def key_set(self) -> frozenset[str]:
        """The distinct keys, for set intersections with word lists."""
        return frozenset(self.keys)

    @cached_property
    def token_spans(self) -> list[tuple[int, int]]:
        """The ``[start, end)`` span in ``lower`` of each token."""
        return [m.span() for m in TOKEN_RE.finditer(self.lower)]

    @cached_property
    def has_repeats(self) -> bool:
        """True when some letter is repeated three times or more in a row."""
        return any(
            not m.group(1).isdecimal() and m.group(1) != "_"
            for m in _WORD_REPEAT_RE.finditer(self.lower)
        )

    def repeated_token_indexes(self) -> list[int]:
        """Indexes of tokens that contain a letter repeated three times or more."""
        return [i for i, token in enumerate(self.tokens) if _REPEAT_RE.search(token)]

    @cached_property
    def spaced_words(self) -> list[tuple[int, int, str]]:
        """Letters or digits written apart ("s n a p"), joined: (start, end, joined key)."""
        found = []
        for match in SPACED_RE.finditer(self.lower):
            joined = match.group().translate(_SPACED_SEPARATORS).translate(self._key_table)
            found.append((match.start(), match.end(), joined))
        return found

    def fold(self, word: str) -> str:
        """The look-up key of a lower-case word."""
        return word.translate(self._key_table)


def _normalise_slowly(text: str, homoglyphs: dict[int, str]) -> tuple[str, list[int]]:
    """Normalise character by character, recording where each output character came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in INVISIBLE:
            continue
        if unicodedata.combining(char) and chars:
            composed = unicodedata.normalize("NFC", chars[-1] + char)
            if len(composed) == 1:
                chars[-1] = composed
            # A mark that does not compose is decoration (or an evasion): drop it.
            continue
        for normal in unicodedata.normalize("NFKC", char):
            chars.append(normal)
            origin.append(index)
    return "".join(chars).translate(homoglyphs), origin
