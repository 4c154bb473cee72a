"""Street addresses and named schools or workplaces with a town (guideline 1).

Addresses are found from their house number: a short number preceded by a
street name (Danish order: "Nørregade 12, 2. tv", "Peter Bangs Vej 5", with an
optional postcode and town) or followed by one (English order: "221B Baker
Street"), plus full UK postcodes. Street words, towns and exceptions are data.

Schools and workplaces: the guideline forbids a school or workplace together with
a town. A *named* school carries its place in its name ("Viborg Katedralskole",
"Tørring Efterskole", "Lincoln High School", "Skovvangskolen", "St. Mary's"), so it
counts on its own; a chain or a workplace type with a name counts when a place
follows ("the Netto in Odense", "plejehjemmet Solgården i Ringsted"); a town with a
school word ("Aarhus Universitet", "University of Copenhagen") counts too. A school
type without a name ("jeg går på gymnasiet") or a workplace type with a town ("a
café near Leeds") is allowed.
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
    r"\b(?:at|on|address(?: is)?|adresse(?:n er| er)?|bor på|bor i|lives? at|live on)\s*:?\s*$",
    re.IGNORECASE,
)
_DK_POSTCODE_TOWN_RE = re.compile(r",?\s*\d{4}\s+[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZØ]\b)?")
_UK_POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b")
_US_STATE_ZIP_RE = re.compile(r",?\s*(?:[A-Z][a-z]+\s?)+,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
_OF_TOWN_RE = re.compile(r"([A-Z][\w\-]+)\s+of\s+(?:the\s+)?$")
_DIGIT_RE = re.compile(r"\d")
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
        self._suffixes = tuple(sorted(self.street_words, key=len, reverse=True))
        self._school_suffixes = tuple(w for w in self.school_words if len(w) >= 5)
        # A chain may have several words ("Burger King"): index them by their first word.
        self._workplace_sequences: dict[str, list[tuple[str, ...]]] = {}
        for folder in source.languages():
            for entry in source.entries(folder / "workplaces.txt"):
                sequence = tuple(view_of(entry.text).keys)
                if sequence:
                    self._workplace_sequences.setdefault(sequence[0], []).append(sequence)
        self._school_triggers = (
            self.school_words | self.workplace_types | set(self._workplace_sequences) | {"st"}
        )
        self._address = Meaning(ADDRESS, "high", False, "address")
        self._postcode = Meaning(ADDRESS, "high", False, "address.uk_postcode")
        self._school = Meaning(SCHOOL, "high", False, "school")

    def find(self, view: TextView) -> list[Hit]:
        """All addresses and school/workplace-with-town mentions of the text."""
        hits: list[Hit] = []
        plain = view.plain
        if _DIGIT_RE.search(plain):
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
                lower_ok = (
                    k <= 2
                    and last.islower()
                    and _ADDRESS_LEAD_RE.search(plain, max(0, number.start() - 25), number.start())
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

    def _schools(self, view: TextView) -> list[Hit]:
        """Named schools, and named workplaces followed by a place."""
        keys = view.key_set
        candidates = keys & self._school_triggers
        compounds = {k for k in keys if k.endswith(self._school_suffixes) and self._is_compound(k)}
        if not candidates and not compounds:
            return self._town_then_school(view)
        hits = []
        plain, keys_list, spans = view.plain, view.keys, view.token_spans
        for i, key in enumerate(keys_list):
            if key not in candidates and key not in compounds:
                continue
            start, end = spans[i]
            capitalised = plain[start].isupper()
            if key in compounds and capitalised:
                hits.append(Hit(start, end, self._school))  # "Skovvangskolen"
                continue
            if key in self.school_words and capitalised:
                # "Viborg Gymnasium", "Lincoln High School", "Westfield Sixth Form College"
                first = i
                while first > 0 and self._is_name_token(view, first - 1, first):
                    first -= 1
                if first < i:
                    hits.append(Hit(spans[first][0], self._school_end(view, i), self._school))
                    continue
            if key == "st" and capitalised and i + 1 < len(keys_list):
                # "St. Mary's", "St Luke's hospital"
                saint_start, saint_end = spans[i + 1]
                if plain[saint_start].isupper() and plain[saint_end : saint_end + 2] in (
                    "'s",
                    "’s",
                ):
                    hits.append(Hit(start, self._school_end(view, i + 1), self._school))
                    continue
            named_end = self._workplace_name_end(view, i)
            if named_end is not None:
                place = _PLACE_AFTER_RE.match(plain, named_end)
                if place and not _SENTENCE_BREAK_RE.search(plain, named_end, place.start(1)):
                    hits.append(Hit(start, place.end(1), self._school))
        hits.extend(self._town_then_school(view))
        return hits

    def _is_compound(self, key: str) -> bool:
        """A word ending in a school word that is not itself a generic school word."""
        if key in self.school_words:
            return False
        return any(len(key) - len(s) >= 3 for s in self._school_suffixes if key.endswith(s))

    def _is_name_token(self, view: TextView, i: int, following: int) -> bool:
        start, end = view.token_spans[i]
        key = view.keys[i]
        if (
            not view.plain[start].isupper()
            or key in self.not_place_names
            or key in self.school_words
        ):
            return False
        return not _SENTENCE_BREAK_RE.search(view.plain, end, view.token_spans[following][0])

    def _school_end(self, view: TextView, i: int) -> int:
        """Extend a school name over the school words after it ("High School")."""
        keys, spans, plain = view.keys, view.token_spans, view.plain
        while (
            i + 1 < len(keys)
            and keys[i + 1] in self.school_words
            and plain[spans[i + 1][0]].isupper()
        ):
            i += 1
        end = spans[i][1]
        if plain[end : end + 2] in ("'s", "’s"):
            end += 2
        return end

    def _workplace_name_end(self, view: TextView, i: int) -> int | None:
        """Where a chain ("Netto", "Burger King") or a workplace type with a name
        ("plejehjemmet Solgården", "VUC Storstrøm") starting at token i ends, else None."""
        keys, spans, plain = view.keys, view.token_spans, view.plain
        for sequence in self._workplace_sequences.get(keys[i], ()):
            if tuple(keys[i : i + len(sequence)]) == sequence:
                return spans[i + len(sequence) - 1][1]
        key = keys[i]
        if (key in self.workplace_types or key in self.school_words) and i + 1 < len(keys):
            follower_start = spans[i + 1][0]
            named = plain[follower_start].isupper() and keys[i + 1] not in self.not_place_names
            if named and not _SENTENCE_BREAK_RE.search(plain, spans[i][1], follower_start):
                return spans[i + 1][1]
        return None

    def _town_then_school(self, view: TextView) -> list[Hit]:
        keys = view.keys
        towns = self.towns
        if towns.isdisjoint(view.key_set) and not any(
            k[-1:] == "s" and k[:-1] in towns for k in view.key_set
        ):
            return []
        hits = []
        plain, spans = view.plain, view.token_spans
        for i, key in enumerate(keys):
            if key not in towns and key[:-1] not in towns:
                continue
            start, end = spans[i]
            if not plain[start].isupper():
                continue
            # "Aarhus universitet", "Københavns Universitet"
            if i + 1 < len(keys) and keys[i + 1] in self.school_words:
                hits.append(Hit(start, spans[i + 1][1], self._school))
                continue
            # "University of Copenhagen"
            of = _OF_TOWN_RE.search(plain, max(0, start - 40), start)
            if of and self._fold(of.group(1).lower()) in self.school_words:
                hits.append(Hit(of.start(), end, self._school))
        return hits
