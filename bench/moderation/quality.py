"""How well the engine does on labelled sets: the corpus, the blind held-out sets,
our development examples and our own blind measurement sets."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from bench.moderation.texts import HELD_OUT

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO / "tests" / "moderation" / "corpus"
# Written independently and never used to develop the engine: only aggregate figures
# are printed for it, never texts or ids, so it stays held out.
HELDOUT_DIR = REPO / "tests" / "moderation" / "heldout"
# A second blind set, written by another engineer; reported the same way, apart.
HELDOUT2_DIR = REPO / "tests" / "moderation" / "heldout2"
DEV_DIR = REPO / "tests" / "moderation" / "dev"
MUST_ALLOW_GROUPS = {"recovery", "everyday", "identity", "helpline"}


def corpus(folder: Path = CORPUS_DIR, pattern: str = "*.jsonl", skip: str = "") -> list[dict]:
    items = []
    for path in sorted(folder.glob(pattern)):
        if skip and path.name.startswith(skip):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def labelled_set(engine, items: list[dict]) -> dict:
    """Aggregate figures for a labelled set in the corpus format, per language.

    Per category: the share of items labelled with it that reach a moderator (review
    or block; for items labelled allow, such as a swear word in chat: that it is
    found). Crisis recall, and crisis flags on items not labelled crisis. For
    must-allow items (groups recovery, everyday, identity, helpline): the share that
    is held back (not allow, or crisis). Only counts are returned: no texts, no ids.
    """
    figures: dict = {}
    for lang in ("all", "da", "en"):
        chosen = [i for i in items if lang == "all" or i.get("lang") == lang]
        caught: Counter = Counter()
        support: Counter = Counter()
        row = Counter()
        for item in chosen:
            verdict = engine.check(item.get("text", ""), item.get("kind", "chat"))
            reached = verdict.action in ("review", "block")
            categories = item.get("categories") or []
            found = set(verdict.categories)
            for category in categories:
                support[category] += 1
                # a label of "allow" (a swear word in chat) is met when the word is found
                caught[category] += reached if item.get("action") != "allow" else category in found
            if categories:
                row["harmful"] += any(c.startswith("harm.") for c in categories)
                row["harmful_caught"] += reached and any(c.startswith("harm.") for c in categories)
            if item.get("crisis"):
                row["crisis"] += 1
                row["crisis_flagged"] += verdict.crisis
            else:
                row["not_crisis"] += 1
                row["false_crisis"] += verdict.crisis
            if item.get("group") in MUST_ALLOW_GROUPS:
                row["must_allow"] += 1
                row["must_allow_flagged"] += verdict.action != "allow" or verdict.crisis
            row["action_equal"] += verdict.action == item.get("action")
        figures[lang] = {
            "items": len(chosen),
            "harm_items_reaching_a_moderator": _share(row["harmful_caught"], row["harmful"]),
            "by_category": {
                c: {"support": support[c], "review_or_block": _share(caught[c], support[c])}
                for c in sorted(support)
            },
            "crisis_recall": _share(row["crisis_flagged"], row["crisis"]),
            "crisis_items": row["crisis"],
            "false_crisis_rate": _share(row["false_crisis"], row["not_crisis"]),
            "must_allow_items": row["must_allow"],
            "must_allow_flagged_rate": _share(row["must_allow_flagged"], row["must_allow"]),
            "action_equal_to_label": _share(row["action_equal"], len(chosen)),
        }
    return figures


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def print_labelled_set(title: str, figures: dict) -> None:
    """Print the aggregate figures of ``labelled_set``: one column per language."""
    langs = ("all", "da", "en")
    print(f"{title}: items " + ", ".join(f"{lang} {figures[lang]['items']}" for lang in langs))

    def cell(value) -> str:
        return "-" if value is None else f"{value:.3f}"

    categories = sorted({c for lang in langs for c in figures[lang]["by_category"]})
    print(f"  {'review or block, by category':34} {'all':>11} {'da':>11} {'en':>11}")
    for category in categories:
        cells = []
        for lang in langs:
            row = figures[lang]["by_category"].get(category)
            cells.append(f"{cell(row['review_or_block'])} ({row['support']:>3})" if row else "-")
        print(f"  {category:34} " + " ".join(f"{c:>11}" for c in cells))
    for key, label in (
        ("harm_items_reaching_a_moderator", "harm items reaching a moderator"),
        ("crisis_recall", "crisis recall"),
        ("false_crisis_rate", "crisis flag on non-crisis items"),
        ("must_allow_flagged_rate", "must-allow items held back"),
        ("action_equal_to_label", "action equal to the label"),
    ):
        print(f"  {label:34} " + " ".join(f"{cell(figures[lang][key]):>11}" for lang in langs))


def _hate_or_suicide_ids() -> set[str]:
    """Items where the corpus README accepts harm.suicide in place of harm.hate."""
    readme = CORPUS_DIR / "README.md"
    if not readme.is_file():
        return set()
    ids = set()
    for paragraph in readme.read_text(encoding="utf-8").split("\n- "):
        if "harm.suicide" in paragraph and "acceptable" in paragraph:
            ids.update(p.strip() for p in paragraph.split("`") if "-" in p and " " not in p.strip())
    return ids


def quality(engine, items: list[dict]) -> dict:
    """Precision and recall per category, crisis recall, must-allow false positives.

    A finding that only signals a crisis (the crisis flag is not a category) is not
    counted against precision; crisis has its own precision and recall. Where the
    corpus accepts harm.suicide for harm.hate ("kys" at someone), either counts.
    """
    from moderation import CATEGORIES

    either = _hate_or_suicide_ids()
    tp, fn, fp = Counter(), Counter(), Counter()
    crisis = Counter()
    action_ok = 0
    must_allow = flagged = 0
    flagged_ids = []
    for item in items:
        verdict = engine.check(item["text"], item["kind"])
        found = {f.category for f in verdict.findings if not f.crisis or f.severity == "high"}
        expected = set(item["categories"])
        if item["id"] in either and "harm.suicide" in found and "harm.hate" in expected:
            expected = expected - {"harm.hate"} | {"harm.suicide"}
        for category in CATEGORIES:
            if category in expected and category in found:
                tp[category] += 1
            elif category in expected:
                fn[category] += 1
            elif category in found:
                fp[category] += 1
        crisis[(item["crisis"], verdict.crisis)] += 1
        action_ok += verdict.action == item["action"]
        if item["group"] in MUST_ALLOW_GROUPS:
            must_allow += 1
            if verdict.action != "allow" or verdict.crisis:
                flagged += 1
                flagged_ids.append(item["id"])
    per_category = {}
    for category in CATEGORIES:
        support = tp[category] + fn[category]
        predicted = tp[category] + fp[category]
        per_category[category] = {
            "support": support,
            "precision": round(tp[category] / predicted, 4) if predicted else None,
            "recall": round(tp[category] / support, 4) if support else None,
        }
    crisis_support = crisis[(True, True)] + crisis[(True, False)]
    crisis_predicted = crisis[(True, True)] + crisis[(False, True)]
    return {
        "items": len(items),
        "action_accuracy": round(action_ok / len(items), 4) if items else None,
        "categories": per_category,
        "crisis_recall": round(crisis[(True, True)] / crisis_support, 4)
        if crisis_support
        else None,
        "crisis_precision": round(crisis[(True, True)] / crisis_predicted, 4)
        if crisis_predicted
        else None,
        "must_allow_items": must_allow,
        "must_allow_flagged_rate": round(flagged / must_allow, 4) if must_allow else None,
        "must_allow_flagged_ids": flagged_ids,
    }


def held_out(engine) -> dict:
    """Share of held-out harmful texts that reach a moderator (review or block) or are
    blocked, crisis texts flagged, and harmless texts passed untouched."""
    counts: dict[str, list[int]] = {}
    for expected, text in HELD_OUT:
        verdict = engine.check(text, "chat")
        caught = {
            "harmful": verdict.action in ("review", "block"),
            "crisis": verdict.crisis,
            "harmless": verdict.action == "allow" and not verdict.crisis,
        }[expected]
        row = counts.setdefault(expected, [0, 0, 0])
        row[0] += caught
        row[1] += expected == "harmful" and verdict.action == "block"
        row[2] += 1
    return {
        "harmful_reaching_a_moderator": round(counts["harmful"][0] / counts["harmful"][2], 4),
        "harmful_blocked": round(counts["harmful"][1] / counts["harmful"][2], 4),
        "crisis_flagged": round(counts["crisis"][0] / counts["crisis"][2], 4),
        "harmless_passed": round(counts["harmless"][0] / counts["harmless"][2], 4),
        "sizes": {kind: row[2] for kind, row in counts.items()},
    }
