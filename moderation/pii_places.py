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
    r"minutter|minutters|min|sek|times|hours|hour|years|year|days|day|weeks|week|months|month|"
    r"minutes|minute|mins|min|second|seconds|kilo|meter|metres|meters|"
    r"pounds|lbs|miles|percent|calories|kcal|kalorier|piller|pills|stk|pcs)\b",
    re.IGNORECASE,
)
_FLOOR_RE = re.compile(
    r",?\s*(?:\d{1,2}\.?\s*(?:sal\b|th\b|tv\b|mf\b|t\.?\s?h\.?|t\.?\s?v\.?)|st\.?(?:\s*(?:th|tv|mf)\b)?|"
    r"kl\.?\s*(?:th|tv)?\b|(?:apt|flat|lejl(?:ighed)?)\.?\s*\d+\w?)\.?",
    re.IGNORECASE,
)
_ADDRESS_LEAD_RE = re.compile(
    r"\b(?:at|on|address(?: is)?|adresse(?:n er| er)?|bor på|bor i|lives? at|live on)\s*:?\s*$", re.IGNORECASE
)
_DK_POSTCODE_TOWN_RE = re.compile(r",?\s*\d{4}\s+[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZØ]\b)?")
_UK_POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
_US_STATE_ZIP_RE = re.compile(r",?\s*(?:[A-Z][a-z]+\s?)+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
_CAPITALISED_RE = re.compile(r"[A-ZÆØÅ][\w'\-]*")
_AFTER_TOWN_RE = re.compile(r"\s+([\w\-]+)")
_OF_TOWN_RE = re.compile(r"([A-Z][\w\-]+)\s+of\s+(?:the\s+)?$")
_WORD_RE = re.compile(r"[^\W\d_][\w'’&\-]*\.?|\d+\b")
_SENTENCE_BREAK_RE = re.compile(r"[.!?;:\n]")
# After a workplace or school name: "i Silkeborg", "in Leeds", "på Vestergade", ", Sheffield".
_PLACE_AFTER_RE = re.compile(
    r"(?:\s+[a-zæøå']+){0,4}?(?:\s*,\s*|\s+(?:i|in|på|ved|at|near|nær|on)\s+(?:the\s+)?)"
    r"([A-ZÆØÅ][\w\-]+)"
)

ADDRESS = "pii.address"
SCHOOL = "pii.school"


class PlaceDetector:
    """Finds addresses and schools or workplaces together with a town."""

    def __init__(self, source: DataSource, view_of):
        self._fold = lambda word: "".join(view_of(word).keys)
        self.street_words: set[str] = set()
        self.street_types: set[str] = set()
        self.not_streets: set[str] = set()
        self.towns: set[str] = set()
        self.school_words: set[str] = set()
        self.workplaces: set[str] = set()
        self.workplace_types: set[str] = set()
        self.not_place_names: set[str] = set()
        self._longest_town = 1
        files = {
            "street_words.txt": self.street_words,
            "street_types.txt": self.street_types,
            "street_exceptions.txt": self.not_streets,
            "school_words.txt": self.school_words,
            "workplaces.txt": self.workplaces,
            "workplace_types.txt": self.workplace_types,
            "place_stopwords.txt": self.not_place_names,
        }
        for folder in source.languages():
            for name, target in files.items():
                for entry in source.entries(folder / name):
                    target.add(self._fold(entry.text))
            for entry in source.entries(folder / "towns.txt"):
                self.towns.add(self._fold(entry.text))
                self._longest_town = max(self._longest_town, len(entry.text.split()))
        self._suffixes = tuple(sorted(self.street_words, key=len, reverse=True))
        self._school_suffixes = tuple(w for w in self.school_words if len(w) >= 5)
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
        hits.extend(self._schools(view))
        return hits

    # --- addresses -------------------------------------------------------------

    def _is_street_word(self, word: str, standalone_ok: bool) -> bool:
        key = self._fold(word.lower().rstrip("."))
        if not key or key in self.not_streets:
            return False
        if key in self.street_words or key in self.street_types:
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
            if len(words) > 1 and words[-1].lower().rstrip(".") in ("nr", "no", "nummer", "number"):
                words = words[:-1]  # "Jernbanegade nr 31"
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
                last_key = self._fold(last.lower().rstrip("."))
                if last_key not in self.street_types and last_key not in self.street_words:
                    continue
                # "221B Baker Street", or lower case when short and offered as an
                # address: "i live at 12 baker street" (not "a 20 minute walk").
                lower_ok = k <= 2 and last.islower() and _ADDRESS_LEAD_RE.search(
                    plain, max(0, number.start() - 25), number.start()
                )
                if all(w[:1].isupper() for w in middle) or lower_ok:
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

    def _school_key(self, word: str) -> str:
        return self._fold(word.lower().rstrip(".,"))

    def _is_school_word(self, word: str) -> bool:
        return self._school_key(word) in self.school_words

    def _is_named_compound(self, word: str) -> bool:
        """"Skovvangskolen": a capitalised word ending in a school word, not itself generic."""
        if not word[:1].isupper():
            return False
        key = self._school_key(word)
        if key in self.school_words:
            return False
        return key.endswith(self._school_suffixes) and any(
            len(key) - len(suffix) >= 3 for suffix in self._school_suffixes if key.endswith(suffix)
        )

    def _is_name_word(self, word: str) -> bool:
        return (
            word[:1].isupper()
            and self._school_key(word) not in self.not_place_names
            and not self._is_school_word(word)
        )

    def _schools(self, view: TextView) -> list[Hit]:
        plain = view.plain
        words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(plain)]
        hits = []
        for i, (start, end, word) in enumerate(words):
            if self._is_school_word(word) and (word[:1].isupper() or word.isupper()):
                # "Viborg Gymnasium", "Lincoln High School", "Westfield Sixth Form College"
                first = i
                while first > 0 and self._is_name_word(words[first - 1][2]):
                    if _SENTENCE_BREAK_RE.search(plain, words[first - 1][1], words[first][0]):
                        break
                    first -= 1
                if first < i:
                    hits.append(Hit(words[first][0], self._school_end(words, i), self._school))
                    continue
            if self._is_named_compound(word):
                hits.append(Hit(start, end, self._school))
                continue
            if word.startswith(("St.", "St")) and word in ("St.", "St") and i + 1 < len(words):
                # "St. Mary's", "St Luke's hospital"
                saint = words[i + 1][2]
                if saint[:1].isupper() and saint.endswith(("'s", "’s")):
                    hits.append(Hit(start, self._school_end(words, i + 1), self._school))
                    continue
            named = self._workplace_name_at(words, i)
            if named is not None:
                name_end = words[named][1]
                town = _PLACE_AFTER_RE.match(plain, name_end)
                if town and not _SENTENCE_BREAK_RE.search(plain, name_end, town.start(1)):
                    hits.append(Hit(start, town.end(1), self._school))
        hits.extend(self._town_then_school(view))
        return hits

    def _school_end(self, words, i: int) -> int:
        """Extend a school name over following school words ("High School")."""
        while i + 1 < len(words) and self._is_school_word(words[i + 1][2]) and words[i + 1][2][:1].isupper():
            i += 1
        return words[i][1]

    def _workplace_name_at(self, words, i: int) -> int | None:
        """If a chain ("Netto", "Burger King") or a workplace type with a name
        ("plejehjemmet Solgården", "VUC Storstrøm") starts at word i, the index of its last word."""
        for size in (3, 2, 1):
            if i + size <= len(words):
                candidate = " ".join(w for _, _, w in words[i : i + size])
                if self._fold(candidate.lower()) in self.workplaces:
                    return i + size - 1
        word = words[i][2]
        key = self._school_key(word)
        if (key in self.workplace_types or key in self.school_words) and i + 1 < len(words):
            follower = words[i + 1][2]
            if follower[:1].isupper() and self._school_key(follower) not in self.not_place_names:
                return i + 1
        return None

    def _town_then_school(self, view: TextView) -> list[Hit]:
        if not (self.towns.intersection(view.key_set) or self._genitive_towns(view)):
            return []
        hits = []
        plain, keys, spans = view.plain, view.keys, view.token_spans
        for i, key in enumerate(keys):
            if key not in self.towns and key[:-1] not in self.towns:
                continue
            start, end = spans[i]
            if not plain[start : start + 1].isupper():
                continue
            # "Aarhus universitet", "Københavns Universitet"
            after = _AFTER_TOWN_RE.match(plain, end)
            if after and self._is_school_word(after.group(1)):
                hits.append(Hit(start, after.end(), self._school))
                continue
            # "University of Copenhagen"
            of = _OF_TOWN_RE.search(plain, max(0, start - 40), start)
            if of and self._is_school_word(of.group(1)):
                hits.append(Hit(of.start(), end, self._school))
        return hits

    def _genitive_towns(self, view: TextView) -> bool:
        return any(key.endswith("s") and key[:-1] in self.towns for key in view.keys)
