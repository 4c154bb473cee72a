"""Street addresses and named schools or workplaces with a town (guideline 1).

Addresses are found from their house number: a short number preceded by a
street name (Danish order: "Nørregade 12, 2. tv", "Peter Bangs Vej 5", with an
optional postcode and town) or followed by one (English order: "221B Baker
Street"), plus full UK postcodes. Street words, towns and exceptions are data.

Schools and workplaces count only together with a town, as the guideline says:
a school or workplace name that contains a town ("Viborg Katedralskole",
"Aarhus Universitet") or a named one followed by "i/in <town>" ("Skovvangskolen
i Aarhus", "the Netto in Odense"). "jeg går på gymnasiet" and "I live near
Aarhus" are allowed.
"""

from __future__ import annotations

import re

from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning

_HOUSE_NUMBER_RE = re.compile(r"(?<![\w\-.,/:])\d{1,4}(?: ?[a-zA-Z])?(?![\w]|[.,:]\d|-\d)")
_WORDS_BEFORE_RE = re.compile(r"((?:[^\W\d_][\w.'\-]*\s+){0,3}[^\W\d_][\w.'\-]*),?\s+$")
_WORDS_AFTER_RE = re.compile(r"(?:\s+[^\W\d_][\w'\-]*\.?){1,4}")
_NOT_A_HOUSE_AFTER_RE = re.compile(
    r"\s*(?:gange|gang|timer|time|år|års|dage|dag|uger|uge|måneder|kr|kroner|km|kg|procent|%|"
    r"minutter|min|sek|times|hours|hour|years|year|days|day|weeks|months|minutes|mins|kilo|"
    r"pounds|lbs|miles|percent|calories|kcal|kalorier|piller|pills|stk|pcs)\b",
    re.IGNORECASE,
)
_FLOOR_RE = re.compile(
    r",?\s*(?:\d{1,2}\.?\s*(?:sal\b|th\b|tv\b|mf\b|t\.?\s?h\.?|t\.?\s?v\.?)|st\.?(?:\s*(?:th|tv|mf)\b)?|"
    r"kl\.?\s*(?:th|tv)?\b|(?:apt|flat|lejl(?:ighed)?)\.?\s*\d+\w?)\.?",
    re.IGNORECASE,
)
_DK_POSTCODE_TOWN_RE = re.compile(r",?\s*\d{4}\s+[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZØ]\b)?")
_UK_POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
_US_STATE_ZIP_RE = re.compile(r",?\s*(?:[A-Z][a-z]+\s?)+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
_CAPITALISED_RE = re.compile(r"[A-ZÆØÅ][\w'\-]*")
_AFTER_TOWN_RE = re.compile(r"(?:s)?\s+((?:[A-ZÆØÅ][\w\-]*\s+){0,2})([\w\-]+)")
_NAME_BEFORE_RE = re.compile(
    r"((?:[A-ZÆØÅ][\w&'\-]*\s+){0,3}[A-ZÆØÅ][\w&'\-]*)\s+(?:(?:lige\s+)?(?:i|in|på|ved|at|near|nær)\s+)$"
)

ADDRESS = "pii.address"
SCHOOL = "pii.school"


class PlaceDetector:
    """Finds addresses and schools or workplaces together with a town."""

    def __init__(self, source: DataSource, view_of):
        self._fold = lambda word: "".join(view_of(word).keys)
        self.street_words: set[str] = set()
        self.not_streets: set[str] = set()
        self.towns: set[str] = set()
        self.school_words: set[str] = set()
        self.workplaces: set[str] = set()
        self._longest_town = 1
        files = {
            "street_words.txt": self.street_words,
            "street_exceptions.txt": self.not_streets,
            "school_words.txt": self.school_words,
            "workplaces.txt": self.workplaces,
        }
        for folder in source.languages():
            for name, target in files.items():
                for entry in source.entries(folder / name):
                    target.add(self._fold(entry.text))
            for entry in source.entries(folder / "towns.txt"):
                self.towns.add(self._fold(entry.text))
                self._longest_town = max(self._longest_town, len(entry.text.split()))
        self._suffixes = tuple(sorted(self.street_words, key=len, reverse=True))
        self._address = Meaning(ADDRESS, "high", False, "address")
        self._postcode = Meaning(ADDRESS, "high", False, "address.uk_postcode")
        self._school = Meaning(SCHOOL, "high", False, "school")

    def find(self, view: TextView) -> list[Hit]:
        """All addresses and school/workplace-with-town mentions of the text."""
        hits: list[Hit] = []
        plain = view.plain
        if any(c.isdigit() for c in plain):
            for match in _HOUSE_NUMBER_RE.finditer(plain):
                hit = self._address_around(plain, match)
                if hit:
                    hits.append(hit)
            hits.extend(
                Hit(m.start(), m.end(), self._postcode) for m in _UK_POSTCODE_RE.finditer(plain)
            )
        if self.towns.intersection(view.key_set) or self._genitive_towns(view):
            hits.extend(self._schools(view))
        return hits

    # --- addresses -------------------------------------------------------------

    def _is_street_word(self, word: str, standalone_ok: bool) -> bool:
        key = self._fold(word.lower().rstrip("."))
        if not key or key in self.not_streets:
            return False
        if key in self.street_words:
            return standalone_ok
        return key.endswith(self._suffixes) and any(
            len(key) - len(suffix) >= 3 for suffix in self._suffixes if key.endswith(suffix)
        )

    def _address_around(self, plain: str, number: re.Match) -> Hit | None:
        if _NOT_A_HOUSE_AFTER_RE.match(plain, number.end()):
            return None
        before = _WORDS_BEFORE_RE.search(plain, max(0, number.start() - 60), number.start())
        if before:
            words = before.group(1).split()
            last = words[-1]
            # "Peter Bangs Vej 5": a street word on its own needs a capitalised name before it.
            standalone_ok = len(words) > 1 and words[-2][:1].isupper() and words[-2] != "I"
            if self._is_street_word(last, standalone_ok):
                first_word = len(words) - 1
                while first_word > 0 and words[first_word - 1][:1].isupper():
                    first_word -= 1
                start = (
                    before.start(1) + len(" ".join(words[:first_word])) + (1 if first_word else 0)
                )
                return Hit(start, self._extend_address(plain, number.end()), self._address)
        after = _WORDS_AFTER_RE.match(plain, number.end())
        if after:
            words = after.group().split()
            for k in range(1, len(words)):
                middle, last = words[:k], words[k]
                if self._fold(last.lower().rstrip(".")) not in self.street_words:
                    continue
                # "221B Baker Street", or lower case when short: "12 baker street"
                if all(w[:1].isupper() for w in middle) or (k <= 2 and last.islower()):
                    end = (
                        number.end() + after.group().index(last, sum(map(len, middle))) + len(last)
                    )
                    return Hit(number.start(), self._extend_address(plain, end), self._address)
                break
        return None

    def _extend_address(self, plain: str, end: int) -> int:
        for pattern in (_FLOOR_RE, _DK_POSTCODE_TOWN_RE, _US_STATE_ZIP_RE):
            match = pattern.match(plain, end)
            if match and match.end() > end:
                end = match.end()
        return end

    # --- schools and workplaces ------------------------------------------------

    def _genitive_towns(self, view: TextView) -> bool:
        return any(key.endswith("s") and key[:-1] in self.towns for key in view.keys if key[:1])

    def _is_school_word(self, word: str) -> bool:
        key = self._fold(word.lower())
        if key in self.school_words:
            return True
        return any(
            key.endswith(w) and len(key) - len(w) >= 3 for w in self.school_words if len(w) >= 4
        )

    def _schools(self, view: TextView) -> list[Hit]:
        hits = []
        plain, keys, spans = view.plain, view.keys, view.token_spans
        for i, key in enumerate(keys):
            town_key = key if key in self.towns else key[:-1] if key[:-1] in self.towns else None
            if town_key is None:
                continue
            start, end = spans[i]
            if not plain[start : start + 1].isupper():
                continue
            # "Viborg Katedralskole", "Aarhus Universitet", "Københavns Universitet"
            after = _AFTER_TOWN_RE.match(plain, end)
            if after and self._is_school_word(after.group(2)):
                hits.append(Hit(start, after.end(), self._school))
                continue
            # "Skovvangskolen i Aarhus", "the Netto in Odense", "Riverside High School in Leeds"
            name = _NAME_BEFORE_RE.search(plain, max(0, start - 80), start)
            if name and self._names_a_place(name.group(1)):
                hits.append(Hit(name.start(1), end, self._school))
                continue
            # "University of Copenhagen"
            of = re.search(r"([A-Z][\w\-]+)\s+of\s+(?:the\s+)?$", plain[max(0, start - 40) : start])
            if of and self._is_school_word(of.group(1)):
                hits.append(Hit(start - len(of.group()), end, self._school))
        return hits

    def _names_a_place(self, name: str) -> bool:
        words = name.split()
        # A sentence-initial word alone ("Jeg i Aarhus") is not a place name.
        for size in range(len(words), 0, -1):
            candidate = self._fold(" ".join(words[-size:]).lower())
            if candidate in self.workplaces:
                return True
        return any(self._is_school_word(word) for word in words)
