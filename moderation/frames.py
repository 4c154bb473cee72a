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
bleeding") does not count. All classes of a language are one phrase index, so a
text is read once per language whatever the number of classes and frames.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from moderation.categories import CATEGORIES, SEVERITIES
from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning, PhraseIndex

_SENTENCE_END_RE = re.compile(r"[.!?\n]+")
_NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
NUMBER = "number"  # a built-in class: any number written in digits ("30 tablets")
_SCOPES = ("span", "sentence", "near")
_SPAN_BEFORE = 2
_MAX_WINDOW = 40


@dataclass(frozen=True)
class Frame:
    """One combination of word classes that signals harm or crisis."""

    meaning: Meaning
    groups: tuple[frozenset[str], ...]
    window: int
    sentences: int
    ordered: bool
    unless: tuple[str, ...]
    classes: frozenset[str]


class _Found:
    """A class word in the text: token range [first, last], sentence number, characters."""

    __slots__ = ("end", "first", "last", "sentence", "start")

    def __init__(self, first: int, last: int, sentence: int, start: int, end: int):
        self.first, self.last, self.sentence = first, last, sentence
        self.start, self.end = start, end


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
        self.uses_number = False


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
                    for keys in index.entry_keys(str(word), endings):
                        index.add(keys, meaning)
                except ValueError as error:
                    source.problem(path, source.line_of(path, str(word)), f"{word!r}: {error}")
        for key in ("crisis_unless", "signals_unless"):
            names = data.get(key, [])
            unknown = sorted(set(names) - classes.keys())
            if unknown:
                source.problem(path, source.line_of(path, key), f"{key}: unknown {unknown}")
            setattr(language, key, tuple(c for c in names if c in classes))
        for name, scope in data.get("scope", {}).items():
            if scope not in _SCOPES or name not in classes:
                source.problem(path, source.line_of(path, name), f"bad scope for {name!r}")
                continue
            language.scopes[name] = scope
        for number, raw in enumerate(data.get("frame", []), start=1):
            frame_id = raw.get("id") or f"frame #{number}"
            line = source.line_of(path, f'"{frame_id}"')
            try:
                frame = _compile(raw, frame_id, classes.keys() | {NUMBER})
            except ValueError as error:
                source.problem(path, line, f"{frame_id}: {error}")
                continue
            language.frames.append(frame)
            language.uses_number = language.uses_number or NUMBER in frame.classes

    def apply(self, view: TextView, hits: list[Hit]) -> list[Hit]:
        """``hits`` plus the frames found in the text, minus the crisis signals and the
        medium signals of other detectors that a language's ``crisis_unless`` and
        ``signals_unless`` classes veto (recovery, the past, everyday context near
        them). High-severity findings are never removed."""
        languages = self._languages_of(view)
        if not languages:
            return hits
        found: list[Hit] = []
        vetoed: set[int] = set()
        soft = [(i, _soft_kind(hit)) for i, hit in enumerate(hits) if _soft_kind(hit)]
        context: _Context | None = None
        for language in languages:
            class_hits = language.index.find(view)
            if language.uses_number and _NUMBER_RE.search(view.lower):
                number = Meaning(NUMBER, "low", False, NUMBER)
                class_hits += [Hit(*m.span(), number) for m in _NUMBER_RE.finditer(view.lower)]
            names = {hit.meaning.category for hit in class_hits}
            frames = [f for f in language.frames if all(group & names for group in f.groups)]
            vetoes = {"crisis": language.crisis_unless, "signals": language.signals_unless}
            checks = [(i, vetoes[kind]) for i, kind in soft if not names.isdisjoint(vetoes[kind])]
            if not frames and not checks:
                continue
            needed = {name for _i, unless in checks for name in unless}
            for frame in frames:
                needed.update(frame.classes)
            context = context or _Context(view)
            by_class = context.by_class([h for h in class_hits if h.meaning.category in needed])
            for frame in frames:
                span = _match(frame, by_class, language.scopes)
                if span is not None:
                    found.append(Hit(span[0], span[1], frame.meaning))
            for index, unless in checks:
                ends = context.ends_of(hits[index])
                if ends and _vetoed_by(unless, ends, by_class, language.scopes, ()):
                    vetoed.add(index)
        kept = [hit for index, hit in enumerate(hits) if index not in vetoed]
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
    used = frozenset(unless).union(*groups)
    return Frame(meaning, tuple(groups), window, sentences, ordered, unless, used)


def _soft_kind(hit: Hit) -> str:
    """Which veto list may remove a finding of another detector: "crisis", "signals" or ""."""
    meaning = hit.meaning
    if meaning.severity == "high":
        return ""
    if meaning.crisis:
        return "crisis"
    return "signals" if meaning.rule.startswith("signals") else ""


class _Context:
    """Word positions (tokens and numbers) and sentence numbers of one text."""

    def __init__(self, view: TextView):
        spans = view.token_spans
        if _NUMBER_RE.search(view.lower):
            spans = sorted(spans + [m.span() for m in _NUMBER_RE.finditer(view.lower)])
        self.starts = [start for start, _end in spans]
        self.first_of = {start: i for i, (start, _end) in enumerate(spans)}
        self.last_of = {end: i for i, (_start, end) in enumerate(spans)}
        ends = [m.end() for m in _SENTENCE_END_RE.finditer(view.lower)]
        self.sentence_starts = [0, *ends]

    def sentence(self, position: int) -> int:
        """The number of the sentence a character position is in."""
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def by_class(self, found: list[Hit]) -> dict[str, list[_Found]]:
        """Class words by class name, as word ranges with their sentence."""
        by_class: dict[str, list[_Found]] = {}
        for hit in found:
            first, last = self.first_of.get(hit.start), self.last_of.get(hit.end)
            if first is None or last is None:
                continue
            item = _Found(first, last, self.sentence(hit.start), hit.start, hit.end)
            by_class.setdefault(hit.meaning.category, []).append(item)
        for items in by_class.values():
            items.sort(key=_order)
        return by_class

    def ends_of(self, hit: Hit) -> list[_Found]:
        """The first and last word of another detector's finding, with their sentences."""
        first = bisect.bisect_left(self.starts, hit.start)
        last = bisect.bisect_left(self.starts, hit.end) - 1
        if first > last:
            return []
        end_sentence = self.sentence(max(hit.start, hit.end - 1))
        return [
            _Found(first, first, self.sentence(hit.start), hit.start, hit.end),
            _Found(last, last, end_sentence, hit.start, hit.end),
        ]


def _match(frame: Frame, by_class: dict, scopes: dict) -> tuple[int, int] | None:
    """The character span of the first combination without a veto, or None.

    Each word of the rarest group is tried as the anchor, and every other group
    takes its word nearest to the anchor (in order, when the frame is ordered), so
    the cost grows with the number of rare words, not with all pairs.
    """
    groups = []
    for group in frame.groups:
        items = sorted((f for name in group for f in by_class.get(name, ())), key=_order)
        groups.append((items, [f.first for f in items]))
    rarest = min(range(len(groups)), key=lambda i: len(groups[i][0]))
    used = {name for group in frame.groups for name in group}
    for anchor in groups[rarest][0]:
        chosen = _combination(frame, groups, rarest, anchor)
        if chosen is not None and not _vetoed(frame, chosen, by_class, scopes, used):
            return min(f.start for f in chosen), max(f.end for f in chosen)
    return None


def _order(found: _Found) -> tuple[int, int]:
    return found.first, found.last


def _combination(frame: Frame, groups: list, rarest: int, anchor: _Found) -> list | None:
    """One word per group around the anchor, or None when they do not fit the frame."""
    chosen: list[_Found | None] = [None] * len(groups)
    chosen[rarest] = anchor
    if frame.ordered:
        for i in range(rarest + 1, len(groups)):
            items, firsts = groups[i]
            position = bisect.bisect_right(firsts, chosen[i - 1].last)
            if position == len(items):
                return None
            chosen[i] = items[position]
        for i in range(rarest - 1, -1, -1):
            items, firsts = groups[i]
            position = bisect.bisect_left(firsts, chosen[i + 1].first) - 1
            while position >= 0 and items[position].last >= chosen[i + 1].first:
                position -= 1
            if position < 0:
                return None
            chosen[i] = items[position]
    else:
        for i, (items, firsts) in enumerate(groups):
            if i != rarest:
                pick = _nearest(items, firsts, anchor, chosen, frame.window)
                if pick is None:
                    return None
                chosen[i] = pick
    first = min(f.first for f in chosen)
    last = max(f.last for f in chosen)
    if last - first + 1 > frame.window:
        return None
    sentences = [f.sentence for f in chosen]
    if max(sentences) - min(sentences) + 1 > frame.sentences:
        return None
    return chosen


def _nearest(items: list, firsts: list[int], anchor: _Found, taken: list, window: int):
    """The group's word nearest to the anchor that shares no token with a word already
    taken (one word cannot fill two groups), or None within the window."""
    position = bisect.bisect_left(firsts, anchor.first)
    left, right = position - 1, position
    while left >= 0 or right < len(items):
        left_gap = anchor.first - items[left].first if left >= 0 else window
        right_gap = items[right].first - anchor.first if right < len(items) else window
        if min(left_gap, right_gap) >= window:
            return None
        if left_gap <= right_gap:
            candidate, left = items[left], left - 1
        else:
            candidate, right = items[right], right + 1
        if not any(t is not None and _overlap(t, candidate) for t in taken):
            return candidate
    return None


def _overlap(a: _Found, b: _Found) -> bool:
    return a.first <= b.last and b.first <= a.last


def _vetoed(frame: Frame, chosen: list, by_class: dict, scopes: dict, used: set) -> bool:
    return _vetoed_by(frame.unless, chosen, by_class, scopes, used)


def _vetoed_by(unless, chosen: list, by_class: dict, scopes: dict, used) -> bool:
    low_sentence = min(f.sentence for f in chosen)
    high_sentence = max(f.sentence for f in chosen)
    positive = [f for name in used for f in by_class.get(name, ())]
    for name in unless:
        scope = scopes.get(name, "sentence")
        for veto in by_class.get(name, ()):
            if any(p.first <= veto.first and veto.last <= p.last for p in positive):
                continue  # part of a word the frame found: "won't" in "won't stop"
            if scope == "span":
                # just before one of the words found, or inside it: "not going to", "ikke tage"
                if any(
                    w.first - _SPAN_BEFORE <= veto.first <= w.last and w.sentence == veto.sentence
                    for w in chosen
                ):
                    return True
            elif scope == "sentence":
                if low_sentence <= veto.sentence <= high_sentence:
                    return True
            elif low_sentence - 1 <= veto.sentence <= high_sentence + 1:
                return True
    return False
