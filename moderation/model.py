"""A small linear model over words: a last, review-only net for crisis and harm wording
that no frame describes.

Frames and rules need the exact words of their classes, and fresh text often uses
other words for the same thing. This model gives every word, word pair and word
beginning a weight per target (``crisis`` and each harm category), learned by
``moderation.tools.train_model`` from the labelled corpus and our development
examples (never from a held-out set), so a text is scored by all of its words. The
weights are data: ``<data dir>/model/weights.tsv`` (``target<TAB>feature<TAB>weight``,
``#`` comments; the first lines give each target's ``bias`` and ``threshold``).

A text is scored in windows of up to three sentences (at most ``_WINDOW_TOKENS``
words), so a long post is read as short texts, the shape the model was trained
on. A window scoring above a target's threshold gives a *medium* finding over that
window: the crisis flag for ``crisis``, review for a harm category. Nothing is
blocked on the model alone, and each language's ``model_unless`` veto classes of
``frames.toml`` (the past, coping, help-seeking, everyday context, fiction ...)
drop these findings as they drop frames, so a word list still has the last word
on recovery talk.

Scoring is one dictionary look-up per feature, so the cost grows with the text and
not with the number of weights.
"""

from __future__ import annotations

import bisect
import math
import re
from pathlib import Path

from moderation.categories import CATEGORIES
from moderation.loader import DataSource
from moderation.normalise import TextView
from moderation.phrases import Hit, Meaning

CRISIS = "crisis"
_SENTENCE_END_RE = re.compile(r"[.!?\n]+")
_WINDOW_SENTENCES = 3
_WINDOW_TOKENS = 80
_PREFIX = 5
_NEGATIONS = frozenset(
    {"not", "never", "no", "nobody", "don", "didn", "won", "can", "cant", "dont", "wont",
     "isn", "ikke", "aldrig", "ingen", "intet", "ik", "ikk", "without", "uden"}
)  # fmt: skip
_NEGATION_REACH = 3


def position_features(keys: list[str]) -> list[list[str]]:
    """Per word: the word, its beginning (long words), the pair it ends, and the word
    marked as negated when one of the three words before it is a negation."""
    result: list[list[str]] = []
    negated_until = -1
    for i, key in enumerate(keys):
        found = ["u|" + key]
        if len(key) > _PREFIX + 1:
            found.append("p|" + key[:_PREFIX])
        if i:
            found.append("b|" + keys[i - 1] + " " + key)
        if i <= negated_until:
            found.append("n|" + key)
        if key in _NEGATIONS:
            negated_until = i + _NEGATION_REACH
        result.append(found)
    return result


def features(keys: list[str]) -> list[str]:
    """All features of a run of token keys (repeats counted), as the model sums them."""
    return [feature for found in position_features(keys) for feature in found]


def windows(view: TextView) -> list[tuple[int, int]]:
    """Token ranges [first, last) of up to three sentences (and ``_WINDOW_TOKENS``
    words) each, one starting at every sentence, until a window reaches the end."""
    spans = view.token_spans
    if not spans:
        return []
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(view.lower)]
    firsts = [0]
    for i, (start, _end) in enumerate(spans):
        if i and bisect.bisect_right(ends, start) != bisect.bisect_right(ends, spans[i - 1][0]):
            firsts.append(i)
    result = []
    for n, first in enumerate(firsts):
        stop = firsts[n + _WINDOW_SENTENCES] if n + _WINDOW_SENTENCES < len(firsts) else len(spans)
        result.append((first, min(stop, first + _WINDOW_TOKENS)))
        if stop == len(spans) and first + _WINDOW_TOKENS >= stop:
            break
    return result


class Model:
    """The weights of the linear model, per target."""

    def __init__(self):
        self.weights: dict[str, dict[str, float]] = {}
        self.bias: dict[str, float] = {}
        self.threshold: dict[str, float] = {}

    @property
    def targets(self) -> list[str]:
        """The targets with a threshold (the ones the detector uses)."""
        return [t for t in self.weights if t in self.threshold]

    def score(self, target: str, found: list[str]) -> float:
        """The probability the model gives ``target`` for a list of features."""
        weights = self.weights.get(target, {})
        return _sigmoid(self.bias.get(target, 0.0) + sum(weights.get(f, 0.0) for f in found))

    def write(self, path: Path, header: str) -> None:
        """Write the weights file (used by the training tool)."""
        lines = [f"# {line}" if line else "#" for line in header.splitlines()]
        for target in self.weights:
            lines.append(f"{target}\tbias\t{self.bias.get(target, 0.0):.6f}")
            if target in self.threshold:
                lines.append(f"{target}\tthreshold\t{self.threshold[target]:.6f}")
        for target, weights in self.weights.items():
            for feature, weight in sorted(weights.items()):
                lines.append(f"{target}\t{feature}\t{weight:.4f}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _sigmoid(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def read_model(source: DataSource, path: Path) -> Model:
    """The model in ``path`` (an empty model when the file is missing)."""
    model = Model()
    if not path.is_file():
        return model
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            source.problem(path, number, "expected 'target<TAB>feature<TAB>weight'")
            continue
        target, feature, value = parts
        if target != CRISIS and target not in CATEGORIES:
            source.problem(path, number, f"unknown target {target!r}")
            continue
        try:
            weight = float(value)
        except ValueError:
            source.problem(path, number, f"not a number: {value!r}")
            continue
        if feature == "bias":
            model.bias[target] = weight
        elif feature == "threshold":
            model.threshold[target] = weight
        else:
            model.weights.setdefault(target, {})[feature] = weight
    return model


class ModelDetector:
    """Medium findings where a window of the text scores above a target's threshold."""

    def __init__(self, source: DataSource):
        self.model = read_model(source, source.root / "model" / "weights.tsv")
        targets = self.model.targets
        self._targets = targets
        self._meanings = [
            Meaning(
                "harm.suicide" if target == CRISIS else target,
                "medium",
                target == CRISIS,
                f"model.{target}",
            )
            for target in targets
        ]
        # feature kind -> key -> ((target number, weight), ...): one look-up per feature
        # for all targets, with no feature string built for words and word beginnings
        tables: dict[str, dict[str, list[tuple[int, float]]]] = {k: {} for k in "upbn"}
        for number, target in enumerate(targets):
            for feature, weight in self.model.weights[target].items():
                kind, _bar, key = feature.partition("|")
                if kind in tables:
                    tables[kind].setdefault(key, []).append((number, weight))
        self._tables = {k: {f: tuple(v) for f, v in t.items()} for k, t in tables.items()}
        self._limits = [
            math.log(self.model.threshold[t] / (1 - self.model.threshold[t])) - self.model.bias[t]
            for t in targets
        ]

    def find(self, view: TextView) -> list[Hit]:
        """One finding per target, over its best window, when that window scores above
        the target's threshold. Word contributions are summed once into running totals,
        so each window costs one subtraction per target."""
        keys = view.keys
        if not self._targets or not keys:
            return []
        count = len(self._targets)
        running = [0.0] * count
        totals = running[:]  # totals[i * count + n]: target n summed over words before i
        words, beginnings = self._tables["u"], self._tables["p"]
        pairs, negated = self._tables["b"], self._tables["n"]
        negated_until = -1
        previous = ""
        for i, key in enumerate(keys):
            found = words.get(key, ())
            if len(key) > _PREFIX + 1:
                found += beginnings.get(key[:_PREFIX], ())
            if i:
                found += pairs.get(previous + " " + key, ())
            if i <= negated_until:
                found += negated.get(key, ())
            if key in _NEGATIONS:
                negated_until = i + _NEGATION_REACH
            for number, weight in found:
                running[number] += weight
            totals.extend(running)
            previous = key
        best: dict[int, tuple[float, int, int]] = {}
        for first, last in windows(view):
            for number in range(count):
                score = totals[last * count + number] - totals[first * count + number]
                if score >= self._limits[number] and score > best.get(number, (-math.inf,))[0]:
                    best[number] = (score, first, last)
        spans = view.token_spans
        return [
            Hit(spans[first][0], spans[last - 1][1], self._meanings[number])
            for number, (_score, first, last) in best.items()
        ]
