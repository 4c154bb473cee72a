"""Reading the data directory: plain-text lists and TOML files, with problems collected.

A malformed entry never stops the engine from starting: it is recorded as a
``LoadProblem`` (file, line, message) and skipped, and the rest of the data loads.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR_ENV = "MODERATION_DATA_DIR"

_TOML_LINE_RE = re.compile(r"line (\d+)")


def default_data_dir() -> Path:
    """The data directory: ``$MODERATION_DATA_DIR``, else ``<repo>/config/moderation``."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parent.parent / "config" / "moderation"


class PolicyError(Exception):
    """The data cannot express a policy at all (e.g. a content kind has none)."""


@dataclass(frozen=True)
class LoadProblem:
    """A malformed data entry: where it is and what is wrong with it."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Entry:
    """One meaningful line of a list file."""

    text: str
    path: str
    line: int

    @property
    def where(self) -> str:
        """``file:line``, for findings and problems."""
        return f"{self.path}:{self.line}"


class DataSource:
    """Reads files below one data directory and collects problems."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.problems: list[LoadProblem] = []
        self._lines: dict[Path, list[str]] = {}  # read once: rules and frames ask per entry

    def relative(self, path: Path) -> str:
        """A path as shown in problems and finding rules: relative to the data directory."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def problem(self, path: Path | str, line: int, message: str) -> None:
        """Record a problem with a file and line."""
        shown = self.relative(path) if isinstance(path, Path) else path
        self.problems.append(LoadProblem(shown, line, message))

    def languages(self) -> list[Path]:
        """The language folders (``da``, ``en``, ...) in a stable order."""
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def entries(self, path: Path) -> list[Entry]:
        """The entries of a list file: one per line, ``#`` comments and blank lines skipped.

        A missing file is an empty list: every list is optional.
        """
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as error:
            self.problem(path, 0, f"cannot read: {error}")
            return []
        shown = self.relative(path)
        found = []
        for number, line in enumerate(raw.splitlines(), start=1):
            text = line.split(" #", 1)[0].strip() if " #" in line else line.strip()
            if text and not text.startswith("#"):
                found.append(Entry(text, shown, number))
        return found

    def toml(self, path: Path, required: bool = False) -> dict[str, Any]:
        """A parsed TOML file, or ``{}`` (with a problem) when it is missing or malformed."""
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            if required:
                self.problem(path, 0, "file is missing")
            return {}
        except (OSError, UnicodeDecodeError) as error:
            self.problem(path, 0, f"cannot read: {error}")
            return {}
        try:
            return tomllib.loads(raw)
        except tomllib.TOMLDecodeError as error:
            match = _TOML_LINE_RE.search(str(error))
            self.problem(path, int(match.group(1)) if match else 0, f"malformed TOML: {error}")
            return {}

    def line_of(self, path: Path, needle: str, after: str | None = None) -> int:
        """The first line of a file that contains ``needle`` (0 when not found),
        optionally only looking below the first line that contains ``after``.

        TOML parsers do not report line numbers of values, so problems in a TOML
        entry are located by searching for a distinctive part of it.
        """
        lines = self._lines.get(path)
        if lines is None:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError:
                return 0
            self._lines[path] = lines
        searching = after is None
        for number, line in enumerate(lines, 1):
            if not searching:
                searching = after in line
                continue
            if needle in line:
                return number
        return 0
