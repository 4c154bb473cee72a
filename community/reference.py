"""Reference data read from files at start-up: municipalities, helplines, reserved
aliases and common passwords.

Every loader validates its file and reports a problem with the file name and the
line number, so an operator who edits a file sees exactly what to fix.
"""

import csv
import gzip
import tomllib
from dataclasses import dataclass
from pathlib import Path


class ReferenceDataError(ValueError):
    """A data file is malformed; the message names the file and the line."""


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str


@dataclass(frozen=True)
class Helpline:
    key: str
    name: str
    phone: str
    url: str
    hours: dict[str, str]
    about: dict[str, str]


@dataclass(frozen=True)
class ReportReason:
    """Why a reader reports content; ``severe`` hides it at once."""

    key: str
    guideline: int
    severe: bool
    label: dict[str, str]


@dataclass(frozen=True)
class CannedReason:
    """A moderator's ready-made reason, tied to a guideline."""

    key: str
    guideline: int
    text: dict[str, str]


@dataclass(frozen=True)
class ReferenceData:
    """Everything the domain looks up but never writes."""

    municipalities: tuple[Municipality, ...]
    helplines: tuple[Helpline, ...]
    reserved_aliases: frozenset[str]
    common_passwords: frozenset[str]
    report_reasons: tuple[ReportReason, ...] = ()
    canned_reasons: tuple[CannedReason, ...] = ()

    def report_reason(self, key: str) -> ReportReason | None:
        return next((r for r in self.report_reasons if r.key == key), None)

    def canned_reason(self, key: str) -> CannedReason | None:
        return next((r for r in self.canned_reasons if r.key == key), None)

    def municipality(self, code: str) -> Municipality | None:
        """The municipality with ``code``, or None."""
        return next((m for m in self.municipalities if m.code == code), None)


def _data_lines(path: Path) -> list[tuple[int, str]]:
    """Lines of a text file that are neither blank nor ``#`` comments, numbered from 1."""
    lines = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.strip()
        if text and not text.startswith("#"):
            lines.append((number, text))
    return lines


EXPECTED_MUNICIPALITIES = 98


def load_municipalities(path: Path) -> tuple[Municipality, ...]:
    """Read ``code,name`` lines; exactly the 98 Danish municipalities, codes unique."""
    found: list[Municipality] = []
    seen: dict[str, int] = {}
    for number, text in _data_lines(path):
        row = next(csv.reader([text]))
        if len(row) != 2 or not row[0].isdigit() or len(row[0]) != 4 or not row[1].strip():
            raise ReferenceDataError(f"{path}:{number}: expected 'code,name' with a 4-digit code")
        code = row[0]
        if code in seen:
            raise ReferenceDataError(
                f"{path}:{number}: code {code} is already used on line {seen[code]}"
            )
        seen[code] = number
        found.append(Municipality(code=code, name=row[1].strip()))
    if len(found) != EXPECTED_MUNICIPALITIES:
        raise ReferenceDataError(
            f"{path}: {len(found)} municipalities listed; Denmark has {EXPECTED_MUNICIPALITIES}"
        )
    return tuple(sorted(found, key=lambda m: m.name))


_HELPLINE_KEYS = ("key", "name", "phone", "url", "hours_da", "hours_en", "about_da", "about_en")


def load_helplines(path: Path) -> tuple[Helpline, ...]:
    """Read ``[[helpline]]`` tables; each needs every key, at least one helpline."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        # tomllib puts "(at line N, column M)" in its message.
        raise ReferenceDataError(f"{path}: {exc}") from exc
    entries = document.get("helpline", [])
    if not entries:
        raise ReferenceDataError(f"{path}: no [[helpline]] entries")
    helplines = []
    for index, entry in enumerate(entries, start=1):
        missing = [k for k in _HELPLINE_KEYS if not isinstance(entry.get(k), str)]
        if missing or not entry["phone"].strip():
            raise ReferenceDataError(
                f"{path}: helpline number {index} lacks {', '.join(missing) or 'a phone number'}"
            )
        helplines.append(
            Helpline(
                key=entry["key"],
                name=entry["name"],
                phone=entry["phone"],
                url=entry["url"],
                hours={"da": entry["hours_da"], "en": entry["hours_en"]},
                about={"da": entry["about_da"], "en": entry["about_en"]},
            )
        )
    return tuple(helplines)


def _toml_tables(path: Path, table: str) -> list[dict]:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ReferenceDataError(f"{path}: {exc}") from exc
    entries = document.get(table, [])
    if not entries:
        raise ReferenceDataError(f"{path}: no [[{table}]] entries")
    return entries


def _require(path: Path, table: str, index: int, entry: dict, types: dict[str, type]) -> None:
    wrong = [k for k, t in types.items() if not isinstance(entry.get(k), t)]
    if wrong:
        raise ReferenceDataError(f"{path}: [[{table}]] number {index} needs {', '.join(wrong)}")
    if not 1 <= entry["guideline"] <= 8:
        raise ReferenceDataError(f"{path}: [[{table}]] number {index}: guideline must be 1-8")


def load_report_reasons(path: Path) -> tuple[ReportReason, ...]:
    """Read ``[[reason]]`` tables: key, guideline (1-8), severe, label_da, label_en."""
    reasons = []
    for index, entry in enumerate(_toml_tables(path, "reason"), start=1):
        _require(
            path,
            "reason",
            index,
            entry,
            {"key": str, "guideline": int, "severe": bool, "label_da": str, "label_en": str},
        )
        reasons.append(
            ReportReason(
                entry["key"],
                entry["guideline"],
                entry["severe"],
                {"da": entry["label_da"], "en": entry["label_en"]},
            )
        )
    return tuple(reasons)


def load_canned_reasons(path: Path) -> tuple[CannedReason, ...]:
    """Read ``[[reason]]`` tables: key, guideline (1-8), text_da, text_en."""
    reasons = []
    for index, entry in enumerate(_toml_tables(path, "reason"), start=1):
        _require(
            path,
            "reason",
            index,
            entry,
            {"key": str, "guideline": int, "text_da": str, "text_en": str},
        )
        reasons.append(
            CannedReason(
                entry["key"], entry["guideline"], {"da": entry["text_da"], "en": entry["text_en"]}
            )
        )
    return tuple(reasons)


def alias_key(alias: str) -> str:
    """The form two aliases are compared in: no case, no separators."""
    return "".join(ch for ch in alias.casefold() if ch not in " ._-")


def load_reserved_aliases(path: Path) -> frozenset[str]:
    """Read one alias per line."""
    return frozenset(alias_key(text) for _, text in _data_lines(path))


def load_common_passwords(path: Path) -> frozenset[str]:
    """Read a gzip'ed list of passwords, one per line, ``#`` lines skipped."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        words = {
            line.strip().casefold() for line in handle if line.strip() and not line.startswith("#")
        }
    if len(words) < 1000:
        raise ReferenceDataError(f"{path}: only {len(words)} passwords; the list looks truncated")
    return frozenset(words)


def load_reference_data(
    municipalities: Path,
    helplines: Path,
    reserved_aliases: Path,
    common_passwords: Path,
    report_reasons: Path,
    canned_reasons: Path,
) -> ReferenceData:
    """Load and validate every reference file, or raise :class:`ReferenceDataError`."""
    return ReferenceData(
        municipalities=load_municipalities(municipalities),
        helplines=load_helplines(helplines),
        reserved_aliases=load_reserved_aliases(reserved_aliases),
        common_passwords=load_common_passwords(common_passwords),
        report_reasons=load_report_reasons(report_reasons),
        canned_reasons=load_canned_reasons(canned_reasons),
    )
