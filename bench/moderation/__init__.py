"""Moderation engine benchmark: quality on the labelled corpus, and speed.

    python -m bench moderation [--quick]

Prints precision and recall per category on ``tests/moderation/corpus/*.jsonl``,
aggregate figures (never texts or ids) for the blind sets ``tests/moderation/heldout/``
and ``tests/moderation/heldout2/`` (each apart, when present),
crisis recall, the share of must-allow items that were flagged, and timings:
a 500-character chat message, a 10,000-character post, the cost when the text
doubles, the cost when every word list doubles (synthetic entries), the engine's
load time in a fresh process, and better-profanity's own matcher on the same
texts for comparison. The last line is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json

from bench.moderation.quality import (
    CORPUS_DIR,
    DEV_DIR,
    HELDOUT2_DIR,
    HELDOUT_DIR,
    REPO,
    corpus,
    held_out,
    labelled_set,
    print_labelled_set,
    quality,
)
from bench.moderation.speed import speed
from bench.moderation.texts import CHAT_DA, CHAT_EN, POST_PARAGRAPHS

__all__ = ["CHAT_DA", "CHAT_EN", "POST_PARAGRAPHS", "main"]


def main(argv: list[str]) -> int:
    """Run the benchmark; print a report and, last, one JSON line with the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench moderation")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)

    import moderation

    engine = moderation.Engine()
    items = corpus()
    result: dict = {"corpus_dir": str(CORPUS_DIR.relative_to(REPO))}
    if items:
        result["quality"] = quality(engine, items)
        q = result["quality"]
        print(f"corpus: {q['items']} items, action accuracy {q['action_accuracy']}")
        print(f"{'category':22} {'support':>7} {'precision':>9} {'recall':>7}")
        for category, row in q["categories"].items():
            precision = "-" if row["precision"] is None else f"{row['precision']:.3f}"
            recall = "-" if row["recall"] is None else f"{row['recall']:.3f}"
            print(f"{category:22} {row['support']:7d} {precision:>9} {recall:>7}")
        print(f"crisis recall {q['crisis_recall']}, precision {q['crisis_precision']}")
        print(
            f"must-allow flagged: {q['must_allow_flagged_rate']} of {q['must_allow_items']} "
            f"items {q['must_allow_flagged_ids']}"
        )
    else:
        print(f"no corpus found in {CORPUS_DIR}")
    result["held_out"] = held_out(engine)
    h = result["held_out"]
    print(
        f"held-out texts {h['sizes']}: harmful reaching a moderator "
        f"{h['harmful_reaching_a_moderator']}, blocked {h['harmful_blocked']}; "
        f"crisis flagged {h['crisis_flagged']}; harmless passed {h['harmless_passed']}"
    )

    for key, folder in (("heldout_files", HELDOUT_DIR), ("heldout2_files", HELDOUT2_DIR)):
        heldout_items = corpus(folder) if folder.is_dir() else []
        name = folder.relative_to(REPO)
        if heldout_items:
            result[key] = labelled_set(engine, heldout_items)
            print_labelled_set(f"held-out set {name} (aggregate only)", result[key])
        else:
            print(f"no held-out set in {name}")
    dev_items = corpus(DEV_DIR, skip="measure") if DEV_DIR.is_dir() else []
    if dev_items:
        result["dev_examples"] = labelled_set(engine, dev_items)
        print_labelled_set(
            "development examples tests/moderation/dev (tuned on)", result["dev_examples"]
        )
    measured = corpus(DEV_DIR, pattern="measure*.jsonl") if DEV_DIR.is_dir() else []
    if measured:
        result["dev_measured"] = labelled_set(engine, measured)
        title = "own texts tests/moderation/dev/measure*.jsonl (written blind, not tuned on)"
        print_labelled_set(title, result["dev_measured"])

    figures = speed(engine, args.quick)
    result["speed"] = figures
    print(
        f"chat 500 chars: {figures['chat_500_ms']:.3f} ms (target < 0.5); "
        f"post 10,000 chars: {figures['post_10000_ms']:.2f} ms (target < 20)"
    )
    print(
        f"text doubling: 5k->10k x{figures['text_doubling_ratio_5k_to_10k']:.2f}, "
        f"10k->20k x{figures['text_doubling_ratio_10k_to_20k']:.2f} (linear = x2)"
    )
    print(
        f"word lists doubled ({figures['phrase_entries']} -> {figures['phrase_entries_doubled']} "
        f"phrase entries): chat x{figures['list_doubling_ratio_chat']:.2f}, "
        f"post x{figures['list_doubling_ratio_post']:.2f} (independent = x1)"
    )
    print(
        f"load in a fresh process: {figures['load_fresh_process_s']:.3f} s "
        f"(bare python start {figures['python_start_s']:.3f} s; target < 1 s)"
    )
    print(
        "better-profanity contains_profanity: "
        f"chat {figures['better_profanity_chat_500_ms']:.1f} ms, "
        f"post {figures['better_profanity_post_10000_ms']:.1f} ms"
    )
    print(json.dumps(result, ensure_ascii=False))
    return 0
