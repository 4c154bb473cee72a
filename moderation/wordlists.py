"""Loading the phrase lists (``<lang>/phrases/*.txt``) into one phrase index.

File names say what the entries mean:

* ``<category>.txt`` (e.g. ``harm.drugs.txt``, ``profanity.txt``): each line is a
  word or phrase of that category, severity high unless the line ends with
  ``| low`` or ``| medium``;
* ``<category>.crisis.txt``: phrases by which writers signal acute risk to
  themselves now; they are medium-severity findings that set ``crisis``;
* ``safe.txt``: harmless phrases that contain a listed word ("kill time",
  "dræbe tiden"); a harm or profanity match inside one is dropped.

The English profanity list of better-profanity is read from the installed package
(without importing it: its import and its matcher are slow) minus every
``profanity_exclusions.txt``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from moderation.categories import CATEGORIES, SEVERITIES
from moderation.loader import DataSource
from moderation.phrases import Meaning, PhraseIndex

SAFE = "safe"
_BETTER_PROFANITY_LIST = "profanity_wordlist.txt"


def inflection_endings(source: DataSource, folder: Path) -> list[str]:
    """The word endings a ``*`` stem stands for in this language (``inflections.txt``)."""
    return [entry.text for entry in source.entries(folder / "inflections.txt")]


def load_phrases(source: DataSource, index: PhraseIndex, import_better_profanity: bool) -> None:
    """Fill ``index`` from every language's phrase files (and better-profanity's list)."""
    excluded: set[tuple[str, ...]] = set()
    for folder in source.languages():
        endings = inflection_endings(source, folder)
        for entry in source.entries(folder / "profanity_exclusions.txt"):
            try:
                excluded.update(index.entry_keys(entry.text, ()))
            except ValueError as error:
                source.problem(folder / "profanity_exclusions.txt", entry.line, str(error))
        phrase_dir = folder / "phrases"
        if not phrase_dir.is_dir():
            continue
        for path in sorted(phrase_dir.glob("*.txt")):
            name = path.name.removesuffix(".txt")
            crisis = name.endswith(".crisis")
            category = name.removesuffix(".crisis")
            if category != SAFE and category not in CATEGORIES:
                source.problem(path, 0, f"unknown category {category!r} (file name)")
                continue
            for entry in source.entries(path):
                phrase, _, options = entry.text.partition("|")
                severity = options.strip() or ("medium" if crisis else "high")
                if severity not in SEVERITIES:
                    source.problem(path, entry.line, f"bad severity {severity!r}")
                    continue
                meaning = Meaning(category, severity, crisis, entry.where)
                try:
                    for keys in index.entry_keys(phrase.strip(), endings):
                        index.add(keys, meaning)
                except ValueError as error:
                    source.problem(path, entry.line, f"{phrase.strip()!r}: {error}")
    if import_better_profanity:
        _import_better_profanity(source, index, excluded)


def better_profanity_words() -> tuple[Path | None, list[str]]:
    """The installed better-profanity word list (path, words), found without importing it."""
    spec = importlib.util.find_spec("better_profanity")
    if spec is None:
        return None, []
    folders = list(spec.submodule_search_locations or [])
    if spec.origin:
        folders.append(str(Path(spec.origin).parent))
    for folder in folders:
        path = Path(folder) / _BETTER_PROFANITY_LIST
        if path.is_file():
            words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()]
            return path, words
    return None, []


def _import_better_profanity(source: DataSource, index: PhraseIndex, excluded) -> None:
    path, words = better_profanity_words()
    if path is None:
        source.problem("policy.toml", 0, "better-profanity's word list was not found; skipped")
        return
    for line, word in enumerate(words, start=1):
        try:
            sequences = index.entry_keys(word, ())
        except ValueError:
            continue  # entries such as "2 girls 1 cup" cannot be matched by words alone
        for keys in sequences:
            if keys not in excluded:
                index.add(keys, Meaning("profanity", "high", False, f"better-profanity:{line}"))
