"""Frames: harm and crisis found as combinations of small word classes near each other.

A phrase list finds what it lists, and a pattern rule finds one wording. A frame
describes the *shape* of a harmful or acute text instead, as word classes that
must all occur within a few words of each other, with classes that veto it:

    crisis:  first person + an act of suicide + a time ("tonight", "i nat")
    crisis:  an act just done ("har lige slugt") + all of a means ("hele pakken")
    harm:    advice aimed at others ("you should", "prøv at") + a self-harm act

Each language has ``<lang>/frames.toml``::

    markers = ["the", "and", ...]      # common words: the frames of a language run
                                       # only on texts written (partly) in it
    [classes]
    self = ["i", "i'm", "myself"]      # words or phrases; "*" allows endings
    time = ["tonight", "right now"]
    negation = ["not", "never"]

    [scope]                            # where a veto class counts (default "sentence")
    negation = "span"                  # inside the matched words, or just before
    coping = "near"                    # the sentence(s) of the match and one either side

    [[frame]]
    id = "en.crisis.intent_time"
    category = "harm.suicide"
    severity = "medium"                # low | medium | high (default medium)
    crisis = true
    all = ["self", "intend", "act|take_all", "time"]   # one of each; "|" = either class
    window = 12                        # the words found lie within this many tokens
    sentences = 1                      # ... and within this many sentences
    ordered = false                    # true: in the order of ``all``
    unless = ["negation", "past", "coping"]

A veto word that is part of a word the frame found ("won't" in "won't stop
bleeding") does not count. ``all`` may hold a single class of whole phrases
("can't keep myself safe") to give them the frame's vetoes. ``number`` is a
built-in class: any number written in digits ("30 tablets"), from ``number_min``.

Two more lists use the same classes on the findings of the other detectors:
``crisis_unless`` drops a crisis signal (not of high severity) of the phrase
lists, rules or broad signals when one of its classes is near it, and
``signals_unless`` does the same for the medium findings of the broad signals,
``model_unless`` for those of the word model (``moderation.model``), and
``reported_unless`` for slurs and hate phrases that the writer reports having been
called ("people call me a ...", "someone wrote '...' on my locker"): those are
someone telling what was done to them, not hate.

All classes of a language are one phrase index, so a text is read once per
language whatever the number of classes and frames. Matching is in
``moderation.frame_match``.
"""

from __future__ import annotations

from pathlib import Path

from moderation.categories import CATEGORIES, SEVERITIES
from moderation.frame_match import (
    CONDITIONAL,
    IMP_CHAIN,
    LEAD,
    NUMBER_RE,
    Frame,
    Positions,
    match,
    vetoed_by,
)
from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning, PhraseIndex

NUMBER = "number"  # a built-in class: any number written in digits ("30 tablets")
_SCOPES = ("span", "sentence", "near")
_MAX_WINDOW = 40
# Contractions that, typed without the apostrophe, are other words.
_NOT_JOINED = frozenset({"ill", "well", "were", "shell", "hell", "id", "wed", "shed", "hed", "odd"})


class _Language:
    """The classes, vetoes and frames of one language."""

    def __init__(self, name: str, index: PhraseIndex):
        self.name = name
        self.index = index
        self.markers: frozenset[str] = frozenset()
        self.scopes: dict[str, str] = {}
        self.frames: list[Frame] = []
        self.crisis_unless: tuple[str, ...] = ()
        self.signals_unless: tuple[str, ...] = ()
        self.reported_unless: tuple[str, ...] = ()
        self.model_unless: tuple[str, ...] = ()
        # A finding of the word model is kept only when one of its target's classes
        # (topic words: "blade", "piller", "bridge") lies inside it, in some language.
        self.model_requires: dict[str, tuple[str, ...]] = {}
        self.model_needs: frozenset[str] = frozenset()
        self.uses_number = False
        self.number_min = 0
        # Each frame is listed under the classes of its most specific group (the group
        # with the fewest entries): a frame is tried only when one of them is in the text.
        self.triggers: dict[str, list[int]] = {}


class FrameDetector:
    """Finds frames in a text, per language."""

    def __init__(self, source: DataSource, phrase_index_factory, endings_of):
        self._languages: list[_Language] = []
        self.count = 0
        for folder in source.languages():
            path = folder / "frames.toml"
            data = source.toml(path)
            if data:
                language = _Language(folder.name, phrase_index_factory())
                self._load(source, path, data, language, endings_of(folder))
                if language.frames:
                    self._languages.append(language)
                    self.count += len(language.frames)

    def _load(self, source: DataSource, path: Path, data: dict, language, endings) -> None:
        index = language.index
        classes = data.get("classes", {})
        markers = set()
        for word in data.get("markers", []):
            markers.update(keys[0] for keys in index.entry_keys(str(word), ()) if len(keys) == 1)
        language.markers = frozenset(markers)
        for name, words in classes.items():
            if not isinstance(words, list):
                source.problem(path, source.line_of(path, name), f"class {name}: expected a list")
                continue
            meaning = Meaning(name, "low", False, f"{path.name}:{name}")
            for word in words:
                try:
                    for variant in _spellings(str(word)):
                        for keys in index.entry_keys(variant, endings):
                            index.add(keys, meaning)
                except ValueError as error:
                    source.problem(path, source.line_of(path, str(word)), f"{word!r}: {error}")
        number_min = data.get("number_min", 0)
        if not isinstance(number_min, int):
            source.problem(
                path, source.line_of(path, "number_min"), "number_min: expected a number"
            )
            number_min = 0
        language.number_min = number_min
        for key in ("crisis_unless", "signals_unless", "reported_unless", "model_unless"):
            names = data.get(key, [])
            unknown = sorted(set(names) - classes.keys())
            if unknown:
                source.problem(path, source.line_of(path, key), f"{key}: unknown {unknown}")
            setattr(language, key, tuple(c for c in names if c in classes))
        for target, names in data.get("model_requires", {}).items():
            unknown = sorted(set(names) - classes.keys())
            if unknown:
                source.problem(path, source.line_of(path, target), f"{target}: unknown {unknown}")
            language.model_requires[target] = tuple(n for n in names if n in classes)
        language.model_needs = frozenset(n for v in language.model_requires.values() for n in v)
        for name, scope in data.get("scope", {}).items():
            if scope not in _SCOPES or name not in classes:
                source.problem(path, source.line_of(path, name), f"bad scope for {name!r}")
                continue
            language.scopes[name] = scope
        sizes = {name: len(words) for name, words in classes.items() if isinstance(words, list)}
        for number, raw in enumerate(data.get("frame", []), start=1):
            frame_id = raw.get("id") or f"frame #{number}"
            line = source.line_of(path, f'"{frame_id}"')
            try:
                frame = _compile(raw, frame_id, classes.keys() | {NUMBER})
            except ValueError as error:
                source.problem(path, line, f"{frame_id}: {error}")
                continue
            trigger = min(frame.groups, key=lambda group: sum(sizes.get(n, 0) for n in group))
            for name in trigger:
                language.triggers.setdefault(name, []).append(len(language.frames))
            language.frames.append(frame)
            language.uses_number = language.uses_number or NUMBER in frame.classes

    def apply(self, view: TextView, hits: list[Hit], model=None) -> list[Hit]:
        """``hits`` plus the frames found in the text, minus the crisis signals and the
        medium signals of other detectors that a language's ``crisis_unless`` and
        ``signals_unless`` classes veto (recovery, the past, everyday context near
        them), minus hate the writer reports having been called (``reported_unless``).
        Other high-severity findings are never removed. ``model`` (a
        ``moderation.model.ModelDetector``) is run only when a class its findings
        need (``model_requires``) is in the text, and its findings are kept only with
        such a class inside them and no ``model_unless`` class next to them."""
        languages = self._languages_of(view)
        if not languages:
            return hits
        read = []
        for language in languages:
            class_hits = language.index.find(view)
            if language.uses_number and NUMBER_RE.search(view.lower):
                number = Meaning(NUMBER, "low", False, NUMBER)
                class_hits += [
                    Hit(*m.span(), number)
                    for m in NUMBER_RE.finditer(view.lower)
                    if float(m.group().replace(",", ".")) >= language.number_min
                ]
            read.append((language, class_hits, {hit.meaning.category for hit in class_hits}))
        if model is not None and any(not n.isdisjoint(lang.model_needs) for lang, _h, n in read):
            hits = hits + model.find(view)
        gated = {i: h.meaning.rule[len("model.") :] for i, h in enumerate(hits) if _is_model(h)}
        found: list[Hit] = []
        vetoed: set[int] = set()
        topical: set[int] = set()  # model findings with a topic word of their target inside
        soft = [(i, _soft_kind(hit)) for i, hit in enumerate(hits) if _soft_kind(hit)]
        context: Positions | None = None
        for language, class_hits, names in read:
            tried = sorted({i for name in names for i in language.triggers.get(name, ())})
            frames = [
                frame
                for frame in (language.frames[i] for i in tried)
                if all(group & names for group in frame.groups)
            ]
            vetoes = {
                "crisis": language.crisis_unless,
                "signals": language.signals_unless,
                "reported": language.reported_unless,
                "model": language.model_unless,
            }
            checks = [(i, vetoes[kind]) for i, kind in soft if not names.isdisjoint(vetoes[kind])]
            required = {
                i: language.model_requires.get(target, ())
                for i, target in gated.items()
                if not names.isdisjoint(language.model_requires.get(target, ()))
            }
            if not frames and not checks and not required:
                continue
            needed = {name for _i, unless in checks for name in unless}
            needed.update(name for names_ in required.values() for name in names_)
            for frame in frames:
                needed.update(frame.classes)
            context = context or Positions(view)
            by_class = context.by_class([h for h in class_hits if h.meaning.category in needed])
            for frame in frames:
                span = match(frame, by_class, language.scopes, context)
                if span is not None:
                    found.append(Hit(span[0], span[1], frame.meaning))
            for index, names_ in required.items():
                hit = hits[index]
                if any(
                    hit.start <= f.start and f.end <= hit.end
                    for name in names_
                    for f in by_class.get(name, ())
                ):
                    topical.add(index)
            for index, unless in checks:
                ends = context.ends_of(hits[index])
                if ends and vetoed_by(unless, ends, by_class, language.scopes, ()):
                    vetoed.add(index)
        dropped = vetoed | (gated.keys() - topical)
        kept = [hit for index, hit in enumerate(hits) if index not in dropped]
        return kept + found

    def _languages_of(self, view: TextView) -> list[_Language]:
        keys = view.key_set
        if not keys:
            return []
        counts = [len(language.markers & keys) for language in self._languages]
        best = max(counts, default=0)
        if best == 0:
            return self._languages
        return [lang for lang, n in zip(self._languages, counts, strict=True) if 2 * n >= best]


def _spellings(entry: str) -> list[str]:
    """An entry and, when it has apostrophes, the same words typed without them
    ("can't go on" -> "cant go on"), unless that makes another word ("we'll" -> "well")."""
    if "'" not in entry:
        return [entry]
    joined = " ".join(word.replace("'", "") for word in entry.split())
    if any(word.replace("'", "") in _NOT_JOINED for word in entry.split() if "'" in word):
        return [entry]
    return [entry, joined]


def _compile(raw: dict, frame_id: str, classes) -> Frame:
    category = raw.get("category")
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    severity = raw.get("severity", "medium")
    if severity not in SEVERITIES:
        raise ValueError(f"bad severity {severity!r}")
    crisis = raw.get("crisis", False)
    if not isinstance(crisis, bool):
        raise ValueError("crisis must be true or false")
    groups = []
    for group in raw.get("all", []):
        names = frozenset(part.strip() for part in str(group).split("|"))
        unknown = sorted(names - classes)
        if unknown:
            raise ValueError(f"unknown class {', '.join(unknown)}")
        groups.append(names)
    if not groups:
        raise ValueError("a frame needs at least one class in 'all'")
    unless = tuple(raw.get("unless", []))
    unknown = sorted(set(unless) - classes)
    if unknown:
        raise ValueError(f"unknown class {', '.join(unknown)} in 'unless'")
    window = raw.get("window", 12)
    sentences = raw.get("sentences", 1)
    if not isinstance(window, int) or not 1 <= window <= _MAX_WINDOW:
        raise ValueError(f"window must be a number from 1 to {_MAX_WINDOW}")
    if not isinstance(sentences, int) or not 1 <= sentences <= 3:
        raise ValueError("sentences must be 1, 2 or 3")
    meaning = Meaning(category, severity, crisis, frame_id)
    ordered = bool(raw.get("ordered", False))
    imperative = bool(raw.get("imperative", False))
    used = frozenset(unless).union(*groups) | (
        {LEAD, CONDITIONAL, IMP_CHAIN} if imperative else set()
    )
    return Frame(meaning, tuple(groups), window, sentences, ordered, unless, used, imperative)


def _is_model(hit: Hit) -> bool:
    return hit.meaning.rule.startswith("model.")


def _soft_kind(hit: Hit) -> str:
    """Which veto list may remove a finding of another detector: "crisis", "signals",
    "reported", "model" or ""."""
    meaning = hit.meaning
    if _is_model(hit):
        return "model"
    if meaning.category == "harm.hate" and not meaning.rule.startswith("signals"):
        return "reported"
    if meaning.severity == "high":
        return ""
    if meaning.crisis:
        return "crisis"
    return "signals" if meaning.rule.startswith("signals") else ""
