"""Train the linear model of ``moderation.model`` and write its weights file.

    .venv/bin/python -m moderation.tools.train_model [--check]

It learns from the labelled corpus (``tests/moderation/corpus/*.jsonl``) and our
development examples (``tests/moderation/dev/*.jsonl`` except ``measure*.jsonl``,
which stay blind). It never reads a held-out set. One logistic regression per target
(``crisis`` and each harm category) over the features of ``moderation.model.features``,
fitted with AdaGrad and an L2 penalty. Must-allow texts are split into the same
windows the detector scores, and every window is a negative example, since no part
of them may be flagged.

The threshold of each target comes from cross-validation by source file (a whole
corpus file or development round is left out at a time, so the estimate is for
wording the model has not seen): the lowest score at which no more than
``--max-false-flags`` of the left-out must-allow texts would be flagged. ``--check``
prints the cross-validated figures without writing anything.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import defaultdict
from pathlib import Path

from moderation.engine import Engine
from moderation.model import CRISIS, Model, position_features, windows

REPO = Path(__file__).resolve().parents[2]
SOURCES = [REPO / "tests" / "moderation" / "corpus", REPO / "tests" / "moderation" / "dev"]
OUTPUT = REPO / "config" / "moderation" / "model" / "weights.tsv"
MUST_ALLOW = {"recovery", "everyday", "identity", "helpline"}
TARGETS = [
    CRISIS,
    "harm.self_harm",
    "harm.suicide",
    "harm.eating_disorder",
    "harm.violence",
    "harm.drugs",
]


def _items() -> list[dict]:
    items = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.jsonl")):
            if path.name.startswith("measure"):
                continue  # blind measurement sets are never trained on
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    item["source"] = f"{folder.name}/{path.name}"
                    items.append(item)
    return items


def _examples(engine: Engine, items: list[dict]) -> list[dict]:
    """Per item: its features (whole text, and each window), labels and group."""
    examples = []
    for item in items:
        view = engine.view(item["text"])
        positions = position_features(view.keys)
        spans = windows(view)
        labels = {CRISIS: bool(item.get("crisis"))}
        for category in TARGETS[1:]:
            labels[category] = category in (item.get("categories") or [])
        must_allow = item.get("group") in MUST_ALLOW
        examples.append(
            {
                "whole": _flat(positions),
                "windows": [_flat(positions[a:b]) for a, b in spans] or [[]],
                "labels": labels,
                "must_allow": must_allow,
                "source": item["source"],
            }
        )
    return examples


def _flat(positions: list[list[str]]) -> list[str]:
    return [feature for found in positions for feature in found]


def _training_rows(examples: list[dict], target: str) -> list[tuple[list[str], bool]]:
    rows = []
    for example in examples:
        positive = example["labels"][target]
        if example["must_allow"] or not positive:
            rows.extend((window, False) for window in example["windows"])
        else:
            rows.append((example["whole"], True))
    return rows


def _fit(rows, epochs: int, l2: float, seed: int) -> tuple[dict[str, float], float]:
    counts: dict[str, int] = defaultdict(int)
    for found, _label in rows:
        for feature in found:
            counts[feature] += 1
    usable = {f for f, n in counts.items() if n >= 2}
    positives = sum(1 for _f, label in rows if label)
    pos_weight = min(10.0, (len(rows) - positives) / max(1, positives))
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    bias, bias_square = 0.0, 1e-8
    rate = 0.5
    order = list(range(len(rows)))
    rng = random.Random(seed)  # noqa: S311 - a shuffle, not a secret
    for _epoch in range(epochs):
        rng.shuffle(order)
        for index in order:
            found, label = rows[index]
            active = [f for f in found if f in usable]
            total = bias + sum(weights[f] for f in active)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
            gradient = (p - label) * (pos_weight if label else 1.0)
            for feature in active:
                g = gradient + l2 * weights[feature]
                squares[feature] += g * g
                weights[feature] -= rate * g / math.sqrt(squares[feature])
            bias_square += gradient * gradient
            bias -= rate * gradient / math.sqrt(bias_square)
    return {f: w for f, w in weights.items() if abs(w) >= 0.05}, bias


def _score(weights: dict[str, float], bias: float, example: dict) -> float:
    best = -math.inf
    for found in example["windows"]:
        best = max(best, bias + sum(weights.get(f, 0.0) for f in found))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, best))))


def _cross_validated(examples, target, epochs, l2) -> list[float]:
    sources = sorted({e["source"] for e in examples})
    scores = [0.0] * len(examples)
    for source in sources:
        train = [e for e in examples if e["source"] != source]
        weights, bias = _fit(_training_rows(train, target), epochs, l2, seed=1)
        for i, example in enumerate(examples):
            if example["source"] == source:
                scores[i] = _score(weights, bias, example)
    return scores


def _threshold(examples, scores, max_false_flags: float) -> float:
    allowed = sorted(
        (s for e, s in zip(examples, scores, strict=True) if e["must_allow"]), reverse=True
    )
    budget = int(max_false_flags * len(allowed))
    return min(0.999, max(0.5, allowed[budget] + 1e-6 if budget < len(allowed) else 0.5))


def main(argv: list[str] | None = None) -> int:
    """Cross-validate, print the figures, and (unless --check) write the weights."""
    parser = argparse.ArgumentParser(prog="python -m moderation.tools.train_model")
    parser.add_argument("--check", action="store_true", help="cross-validate only")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--l2", type=float, default=0.002)
    parser.add_argument("--max-false-flags", type=float, default=0.003)
    args = parser.parse_args(argv)
    engine = Engine()
    items = _items()
    examples = _examples(engine, items)
    model = Model()
    report = [
        "Weights of moderation/model.py, written by moderation/tools/train_model.py.",
        f"Trained on {len(items)} labelled texts of tests/moderation/corpus and dev",
        "(never measure*.jsonl or a held-out set). Do not edit by hand: re-run the tool.",
        "Cross-validated by source file (threshold, recall, must-allow flagged):",
    ]
    for target in TARGETS:
        positives = sum(e["labels"][target] for e in examples)
        if positives < 15:
            continue
        scores = _cross_validated(examples, target, args.epochs, args.l2)
        threshold = _threshold(examples, scores, args.max_false_flags)
        caught = sum(
            1
            for e, s in zip(examples, scores, strict=True)
            if e["labels"][target] and s >= threshold
        )
        allowed = [s for e, s in zip(examples, scores, strict=True) if e["must_allow"]]
        flagged = sum(1 for s in allowed if s >= threshold)
        line = (
            f"  {target}: threshold {threshold:.3f}, recall {caught}/{positives}, "
            f"must-allow flagged {flagged}/{len(allowed)}"
        )
        print(line)
        report.append(line)
        if not args.check:
            weights, bias = _fit(_training_rows(examples, target), args.epochs, args.l2, seed=1)
            model.weights[target] = weights
            model.bias[target] = bias
            model.threshold[target] = threshold
    if not args.check:
        model.write(OUTPUT, "\n".join(report))
        print(f"wrote {OUTPUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
