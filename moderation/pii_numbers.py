"""Phone numbers and CPR numbers (guideline 1), in the spellings people use.

Phone numbers: 8-digit Danish numbers however they are grouped ("22334455",
"22 33 44 55", "2233 4455", "22-33-44-55", spaced digits "2 2 3 3 4 4 5 5"), with
``+45``/``0045``, international numbers with a country code, UK numbers with a
leading 0, North-American 3-3-4 numbers, and numbers spelled out in words
("to to tre tre ...", "two two three ..."). Numbers that are not phone numbers
(dates, year ranges, time ranges, prices, IP addresses, allowlisted helplines)
are left alone.

CPR numbers: ten digits (with or without the dash) whose first six are a real
date. The modulus-11 check is deliberately not required: numbers issued since
2007 need not pass it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning

_PHONE_RE = re.compile(
    r"""
    (?<![\w+.,/:\-])
    (?:(?P<intl>\+|00)\s?(?P<cc>\d{1,3})\s?(?:\(0\)\s?)?[\s.\-]?)?
    (?:\(\d{1,4}\)\s?)?
    \d(?:(?:[ .\-/]|\s-\s|\s\s)?\d){5,14}
    (?![\w]|[.,]\d)
    """,
    re.VERBOSE,
)
_CPR_RE = re.compile(
    r"(?<![\w+.,/\-])(\d\d) ?(\d\d) ?(\d\d)(?:[ \-]?| ?[\-–] ?)(\d\d ?\d\d)(?![\w\-]|[.,]\d)"
)
_DIGIT_RE = re.compile(r"\d")
_GROUP_SPLIT_RE = re.compile(r"[^\d]+")
_WORDS_BEFORE_NUMBER_RE = re.compile(r"[^\W\d]+")
_CPR_WORD_RE = re.compile(r"\b(?:cpr|personnummer|person nr|cpr-nr)", re.IGNORECASE)
_CONTACT_WORD_RE = re.compile(
    r"\b(?:ring|call|text|sms|message|nummer|number|tlf|tel|phone|mobil|mobile|whatsapp)\b[^.!?\n]{0,20}$",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"^(?:\d{1,2}[./\-]\d{1,2}[./\-](?:\d{4}|\d{2})|\d{4}[./\-]\d{1,2}[./\-]\d{1,2})$"
)
_TIME_RANGE_RE = re.compile(r"\d{1,2}[.:]\d{2}\s?-\s?\d{1,2}[.:]\d{2}")
_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")
_YEARS_RE = re.compile(r"^(?:19|20)\d\d\s?[\-/–]?\s?(?:19|20)\d\d$")
_MONEY_AFTER_RE = re.compile(r"^\s?(?:kr\b|kroner|dkk|,-|€|\$|£|euro|usd|eur)", re.IGNORECASE)
_MONEY_BEFORE_RE = re.compile(r"(?:kr\.?|dkk|€|\$|£)\s?$", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r"^[\s,.\-\d]*$")
_TRAILING_DIGITS_RE = re.compile(r"(?:[\s,.\-]*\d+)+")

PHONE = "pii.phone"
CPR = "pii.cpr"


class NumberWords:
    """Number words of all languages (``number_words.txt``: ``word value``)."""

    def __init__(self, source: DataSource, view_of):
        self.values: dict[str, int] = {}
        self.tens_joiners: set[str] = set()
        for folder in source.languages():
            path = folder / "number_words.txt"
            for entry in source.entries(path):
                parts = entry.text.split()
                if len(parts) == 2 and parts[0] == "joiner":
                    self.tens_joiners.add(view_of(parts[1]).keys[0])
                    continue
                if len(parts) != 2 or not parts[1].isdigit() or int(parts[1]) > 99:
                    source.problem(path, entry.line, "expected 'word number' (0-99)")
                    continue
                keys = view_of(parts[0]).keys
                if len(keys) != 1:
                    source.problem(path, entry.line, "a number word must be one word")
                    continue
                self.values[keys[0]] = int(parts[1])
        self._add_compounds()

    def _add_compounds(self) -> None:
        # Danish says 22 as "two-and-twenty" in one word: "toogtyve".
        units = {k: v for k, v in self.values.items() if 0 < v < 10}
        tens = {k: v for k, v in self.values.items() if v >= 20 and v % 10 == 0}
        for joiner in self.tens_joiners:
            for unit_word, unit in units.items():
                for tens_word, ten in tens.items():
                    self.values.setdefault(unit_word + joiner + tens_word, ten + unit)

    def value(self, key: str) -> int | None:
        """The value of a number word, including Danish compounds ("toogtyve" = 22)."""
        return self.values.get(key)


class NumberDetector:
    """Finds phone and CPR numbers."""

    def __init__(self, source: DataSource, view_of):
        self._allowed = _read_allowed_numbers(source, source.root / "allowlist_numbers.txt")
        self._not_phone_words = {
            key
            for entry in source.entries(source.root / "not_phone_words.txt")
            for key in view_of(entry.text).keys
        }
        self._words = NumberWords(source, view_of)
        self._phone = Meaning(PHONE, "high", False, "phone")
        self._phone_words = Meaning(PHONE, "high", False, "phone.words")
        self._cpr = Meaning(CPR, "high", False, "cpr")

    def find(self, view: TextView) -> list[Hit]:
        """All phone and CPR numbers of the text."""
        hits: list[Hit] = []
        text = view.plain
        if _DIGIT_RE.search(text):
            for match in _CPR_RE.finditer(text):
                raw = match.group()
                pairs_spaced = " " in raw[: match.end(3) - match.start()] or " " in match.group(4)
                spaced = pairs_spaced and not re.search(r"[\-–]", raw)
                # Spaced pairs without a dash are read as CPR only where CPR is mentioned.
                if spaced and not _CPR_WORD_RE.search(
                    text, max(0, match.start() - 25), match.start()
                ):
                    continue
                if _is_cpr_date(*match.groups()):
                    hits.append(Hit(match.start(), match.end(), self._cpr))
            for match in _PHONE_RE.finditer(text):
                if self._is_phone(text, match):
                    hits.append(Hit(match.start(), match.end(), self._phone))
        hits.extend(self._spelled_phones(view))
        return hits

    def _is_phone(self, text: str, match: re.Match) -> bool:
        raw = match.group()
        digits = re.sub(r"\D", "", raw)
        if match.group("intl"):
            national = digits[len(match.group("intl").strip("+")) + len(match.group("cc")) :]
            if national.lstrip("0") in self._allowed or (
                match.group("cc") == "45" and len(national) != 8
            ):
                return False
            return 7 <= len(national) <= 12
        if digits in self._allowed:
            return False
        if _looks_like_other_number(raw):
            return False
        if self._not_phone_words and self._named_as_other_number(text, match.start()):
            return False
        before = text[max(0, match.start() - 4) : match.start()]
        after = text[match.end() : match.end() + 7]
        if _MONEY_AFTER_RE.match(after) or _MONEY_BEFORE_RE.search(before):
            return False
        groups = [g for g in _GROUP_SPLIT_RE.split(raw) if g]
        if len(digits) == 8:
            return digits[0] not in "01"
        if len(digits) == 11:
            return digits[0] == "0"
        if len(digits) == 7 and [len(g) for g in groups] == [3, 4]:
            # "555-0199": a local number, counted when the text offers it as one.
            return (
                _CONTACT_WORD_RE.search(text, max(0, match.start() - 40), match.start()) is not None
            )
        if len(digits) == 10:
            us_style = [len(g) for g in groups] in ([3, 3, 4], [10]) or raw.startswith("(")
            uk_style = digits[0] == "0"
            return us_style or uk_style
        return False

    def _named_as_other_number(self, text: str, start: int) -> bool:
        """True when the words just before the number call it an order, case, ... number."""
        words = _WORDS_BEFORE_NUMBER_RE.findall(text[max(0, start - 30) : start].lower())
        return any(word.rstrip(".:-") in self._not_phone_words for word in words[-3:])

    def _spelled_phones(self, view: TextView) -> list[Hit]:
        words = self._words
        if words.values.keys().isdisjoint(view.key_set):
            return []
        values = words.values
        found = [i for i, key in enumerate(view.keys) if key in values]
        if len(found) < 2:
            return []
        spans, lower = view.token_spans, view.lower
        hits = []
        run = [found[0]]
        for i in found[1:]:
            gap = lower[spans[run[-1]][1] : spans[i][0]]
            if i == run[-1] + 1 and _LIST_GAP_RE.match(gap):
                run.append(i)
            else:
                hits.extend(self._check_run(view, run))
                run = [i]
        hits.extend(self._check_run(view, run))
        return hits

    def _check_run(self, view: TextView, run: list[int]) -> list[Hit]:
        if len(run) < 2:
            return []
        spans = view.token_spans
        start, end = spans[run[0]][0], spans[run[-1]][1]
        trailing = _TRAILING_DIGITS_RE.match(view.lower, end)
        if trailing:
            end = trailing.end()
        digits = ""
        pending_tens = None
        for i in run:
            value = self._words.value(view.keys[i])
            if pending_tens is not None and value is not None and value < 10:
                digits += str(pending_tens + value)
                pending_tens = None
                continue
            if pending_tens is not None:
                digits += str(pending_tens)
                pending_tens = None
            if value is not None and value >= 20 and value % 10 == 0:
                pending_tens = value
            else:
                digits += str(value)
        if pending_tens is not None:
            digits += str(pending_tens)
        # Digits written between the words count too ("to 2 tre 3 ...").
        digits_between = re.sub(r"\D", "", view.lower[start:end])
        if len(digits) + len(digits_between) >= 8:
            return [Hit(start, end, self._phone_words)]
        return []


def _looks_like_other_number(raw: str) -> bool:
    compact = raw.strip()
    if _DATE_RE.match(compact) or _TIME_RANGE_RE.search(compact) or _THOUSANDS_RE.match(compact):
        return True
    if _YEARS_RE.match(compact):
        return True
    groups = compact.split(".")
    if len(groups) == 4 and all(g.isdigit() for g in groups):
        return any(len(g) != 2 for g in groups)
    return False


def _is_cpr_date(day: str, month: str, year: str, serial: str) -> bool:
    serial = serial.replace(" ", "")
    d, m, y, century_digit = int(day), int(month), int(year), int(serial[0])
    if century_digit <= 3:
        full_year = 1900 + y
    elif century_digit in (4, 9):
        full_year = 2000 + y if y <= 36 else 1900 + y
    else:
        full_year = 2000 + y if y <= 57 else 1800 + y
    try:
        dt.date(full_year, m, d)
    except ValueError:
        return False
    return True


def _read_allowed_numbers(source: DataSource, path: Path) -> set[str]:
    allowed = set()
    for entry in source.entries(path):
        digits = re.sub(r"\D", "", entry.text.split("|", 1)[0])
        if not digits:
            source.problem(path, entry.line, "expected a number")
            continue
        allowed.add(digits)
    return allowed
