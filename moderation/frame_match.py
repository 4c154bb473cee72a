"""Matching frames: one word of each class near the others, and the vetoes.

``moderation.frames`` loads the classes and frames; this module finds, for one
frame, a combination of class words that fits its window and sentences and that
no veto class rules out. Words are counted in tokens (numbers written in digits
count as words too), so a window means the same in every text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning

SENTENCE_END_RE = re.compile(r"[.!?\n]+")
CLAUSE_END_RE = re.compile(r"[.!?\n,;:]+")
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_SPAN_BEFORE = 2
LEAD = "lead"  # words that may come before an imperative: "just", "bare", "and then"
CONDITIONAL = "conditional"  # "if", "hvis": an imperative may open the clause after it
IMP_CHAIN = "imp_chain"  # "don't", "spild": a second imperative may follow in the next clause


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
    imperative: bool = False


class Found:
    """A class word in the text: token range [first, last], sentence and clause number,
    characters."""

    __slots__ = ("clause", "end", "first", "last", "sentence", "start")

    def __init__(self, first: int, last: int, sentence: int, start: int, end: int, clause=0):
        self.first, self.last, self.sentence = first, last, sentence
        self.start, self.end, self.clause = start, end, clause


class Positions:
    """Word positions (tokens and numbers) and sentence numbers of one text."""

    def __init__(self, view: TextView):
        spans = view.token_spans
        if NUMBER_RE.search(view.lower):
            spans = sorted(spans + [m.span() for m in NUMBER_RE.finditer(view.lower)])
        self.starts = [start for start, _end in spans]
        self.first_of = {start: i for i, (start, _end) in enumerate(spans)}
        self.last_of = {end: i for i, (_start, end) in enumerate(spans)}
        ends = [m.end() for m in SENTENCE_END_RE.finditer(view.lower)]
        self.sentence_starts = [0, *ends]
        self.clause_starts = [0, *(m.end() for m in CLAUSE_END_RE.finditer(view.lower))]

    def sentence(self, position: int) -> int:
        """The number of the sentence a character position is in."""
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def clause(self, position: int) -> int:
        """The number of the clause (between commas, semicolons, sentence ends) of a position."""
        return bisect.bisect_right(self.clause_starts, position) - 1

    def first_word(self, sentence: int) -> int:
        """The index of the first word of a sentence."""
        return bisect.bisect_left(self.starts, self.sentence_starts[sentence])

    def by_class(self, found: list[Hit]) -> dict[str, list[Found]]:
        """Class words by class name, as word ranges with their sentence."""
        by_class: dict[str, list[Found]] = {}
        for hit in found:
            first, last = self.first_of.get(hit.start), self.last_of.get(hit.end)
            if first is None or last is None:
                continue
            sentence, clause = self.sentence(hit.start), self.clause(hit.start)
            item = Found(first, last, sentence, hit.start, hit.end, clause)
            by_class.setdefault(hit.meaning.category, []).append(item)
        for items in by_class.values():
            items.sort(key=_order)
        return by_class

    def ends_of(self, hit: Hit) -> list[Found]:
        """The first and last word of another detector's finding, with their sentences."""
        first = bisect.bisect_left(self.starts, hit.start)
        last = bisect.bisect_left(self.starts, hit.end) - 1
        if first > last:
            return []
        end_sentence = self.sentence(max(hit.start, hit.end - 1))
        end_clause = self.clause(max(hit.start, hit.end - 1))
        return [
            Found(
                first, first, self.sentence(hit.start), hit.start, hit.end, self.clause(hit.start)
            ),
            Found(last, last, end_sentence, hit.start, hit.end, end_clause),
        ]


def match(
    frame: Frame, by_class: dict, scopes: dict, positions: Positions
) -> tuple[int, int] | None:
    """The character span of the first combination without a veto, or None.

    Each word of the rarest group is tried as the anchor. The other groups take
    words within the window around it, nearest first (in order, when the frame is
    ordered), and when a combination does not fit or is vetoed the next nearest
    words are tried, up to ``_MAX_TRIES`` combinations per anchor: so a valid
    combination a few words further away is found, while the cost still grows with
    the number of rare words and not with all pairs. An ``imperative`` frame's first
    word must open its sentence, after nothing but words of the class ``lead``
    ("just", "bare").
    """
    groups = []
    for index, group in enumerate(frame.groups):
        items = sorted((f for name in group for f in by_class.get(name, ())), key=_order)
        if index == 0 and frame.imperative:
            items = [f for f in items if _opens(f, by_class, positions)]
            if not items:
                return None
        groups.append((items, [f.first for f in items]))
    rarest = min(range(len(groups)), key=lambda i: len(groups[i][0]))
    used = {name for group in frame.groups for name in group}
    for anchor in groups[rarest][0]:
        candidates = _candidates(frame, groups, rarest, anchor)
        if candidates is None:
            continue
        budget = [_MAX_TRIES]
        chosen = _search(frame, candidates, [], budget, by_class, scopes, used)
        if chosen is not None:
            return min(f.start for f in chosen), max(f.end for f in chosen)
    return None


_MAX_TRIES = 24  # combinations tried per anchor word


def _opens(word: Found, by_class: dict, positions: Positions) -> bool:
    """True when only ``lead`` words stand between the sentence start and ``word``, or
    between the clause start and ``word`` in a sentence that opens with a ``conditional``
    word ("if the ice doesn't work anymore, (then) switch to ...") or an ``imp_chain``
    word ("don't waste time with scratching, get a ...")."""
    lead = {i for f in by_class.get(LEAD, ()) for i in range(f.first, f.last + 1)}
    first = positions.first_word(word.sentence)
    if all(i in lead for i in range(first, word.first)):
        return True
    openers = (*by_class.get(CONDITIONAL, ()), *by_class.get(IMP_CHAIN, ()))
    if not any(f.first == first for f in openers):
        return False
    clause_start = positions.clause_starts[positions.clause(positions.starts[word.first])]
    clause_first = bisect.bisect_left(positions.starts, clause_start)
    return clause_first > first and all(i in lead for i in range(clause_first, word.first))


def _order(found: Found) -> tuple[int, int]:
    return found.first, found.last


def _candidates(frame: Frame, groups: list, rarest: int, anchor: Found) -> list | None:
    """Per group, its words within the window and the sentences around the anchor,
    nearest first; the anchor alone for its own group. None when a group has none."""
    result = []
    for i, (items, firsts) in enumerate(groups):
        if i == rarest:
            result.append([anchor])
            continue
        low = bisect.bisect_left(firsts, anchor.first - frame.window + 1)
        high = bisect.bisect_left(firsts, anchor.first + frame.window)
        near = [
            f
            for f in items[low:high]
            if abs(f.sentence - anchor.sentence) < frame.sentences
            and f.last - anchor.first < frame.window
            and anchor.last - f.first < frame.window
        ]
        if not near:
            return None
        near.sort(key=lambda f: abs(f.first - anchor.first))
        result.append(near)
    return result


def _search(frame, candidates, chosen, budget, by_class, scopes, used) -> list | None:
    """Depth-first: one word per group that fits the window, the sentences, the order
    and no overlap, and whose combination no veto rules out; None when the budget of
    tries is spent first."""
    depth = len(chosen)
    if depth == len(candidates):
        budget[0] -= 1
        whole = [_whole(word, group) for word, group in zip(chosen, candidates, strict=True)]
        return None if vetoed_by(frame.unless, whole, by_class, scopes, used) else chosen
    for candidate in candidates[depth]:
        if budget[0] <= 0:
            return None
        if not _fits(frame, chosen, candidate):
            continue
        found = _search(frame, candidates, [*chosen, candidate], budget, by_class, scopes, used)
        if found is not None:
            return found
    return None


def _whole(word: Found, group: list[Found]) -> Found:
    """The word as far as the longest word of its group that contains it reaches, for
    the vetoes: "not" before "a real cutter" also concerns "cutter", so the search
    cannot step around a negation by taking part of a phrase."""
    first, last = word.first, word.last
    for other in group:
        if other.first <= word.first and word.last <= other.last:
            first, last = min(first, other.first), max(last, other.last)
    if (first, last) == (word.first, word.last):
        return word
    return Found(first, last, word.sentence, word.start, word.end, word.clause)


def _fits(frame: Frame, chosen: list, candidate: Found) -> bool:
    if frame.ordered and chosen and candidate.first <= chosen[-1].last:
        return False
    if any(_overlap(c, candidate) for c in chosen):
        return False  # one word cannot fill two groups
    first = min([candidate.first, *(c.first for c in chosen)])
    last = max([candidate.last, *(c.last for c in chosen)])
    if last - first + 1 > frame.window:
        return False
    sentences = [candidate.sentence, *(c.sentence for c in chosen)]
    return max(sentences) - min(sentences) + 1 <= frame.sentences


def _overlap(a: Found, b: Found) -> bool:
    return a.first <= b.last and b.first <= a.last


def vetoed_by(unless, chosen: list, by_class: dict, scopes: dict, used) -> bool:
    """True when a word of an ``unless`` class lies in its scope around the words
    ``chosen`` ("span": just before one of them in the same clause, or inside it;
    "sentence": in their
    sentences; "near": also one sentence either side). Veto words that are part of a
    word of the ``used`` classes do not count ("won't" in "won't stop bleeding")."""
    low_sentence = min(f.sentence for f in chosen)
    high_sentence = max(f.sentence for f in chosen)
    positive = [f for name in used for f in by_class.get(name, ())]
    for name in unless:
        scope = scopes.get(name, "sentence")
        for veto in by_class.get(name, ()):
            if any(p.first <= veto.first and veto.last <= p.last for p in positive):
                continue  # part of a word the frame found: "won't" in "won't stop"
            if scope == "span":
                # just before one of the words found, or inside it, in the same clause:
                # "not going to", "ikke tage" (but not "ikke nok, du skal have ...")
                if any(
                    w.first - _SPAN_BEFORE <= veto.last
                    and veto.first <= w.last
                    and (w.clause == veto.clause or veto.first >= w.first)
                    for w in chosen
                ):
                    return True
            elif scope == "sentence":
                if low_sentence <= veto.sentence <= high_sentence:
                    return True
            elif low_sentence - 1 <= veto.sentence <= high_sentence + 1:
                return True
    return False
