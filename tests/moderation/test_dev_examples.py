"""Our own development examples (tests/moderation/dev/*.jsonl, corpus format).

They were written from principles while building the frames (moderation/frames.py),
not copied from any test set: crisis texts must raise the crisis flag, harmful texts
must reach a moderator (review or block), must-allow texts must pass untouched.
``probe*.jsonl``, ``support.jsonl``, ``round6*.jsonl`` and ``round7-12.jsonl`` were each
written blind, measured once, and then used for development (the blind figures are in
docs/moderation.md).
Misses we know of and accept for now are strict xfails, so a fix is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import moderation

DEV_DIR = Path(__file__).parent / "dev"
MUST_ALLOW_GROUPS = {"recovery", "everyday", "identity", "helpline"}

KNOWN_MISSES: dict[str, str] = {
    "round7-crisis-da-011": (
        "'hver dag i 3 uger' reads as everyday context and 'vil jeg ikke mere' as a "
        "negation, which veto the frame; dropping either veto flags recovery talk"
    ),
    "round10-crisis-da-004": "a goodbye and thanks to the group, with no 'I' and no time",
    "round10-crisis-da-011": "waiting for the train at the tracks reads the same as a commute",
    "round10-everyday-en-011": "a settled plan with a day is read as a decided crisis",
    "round10-everyday-da-008": "a decision with a time is read as a decided crisis",
    "round8-self_harm-en-007": "swapping pictures says nothing of self-harm without the thread",
    "round8-self_harm-da-007": "swapping pictures says nothing of self-harm without the thread",
    "round8-self_harm-en-008": (
        "'relapsing is fine' is also what supporters say; 'deserve the release' alone is vague"
    ),
    "round8-self_harm-da-008": (
        "'et tilbagefald er fint' is also what supporters say; 'fortjener lettelsen' is vague"
    ),
}


def _items() -> list[dict]:
    items = []
    # measure*.jsonl are measured only (by the benchmark), never tuned on: not tested here.
    for path in sorted(p for p in DEV_DIR.glob("*.jsonl") if not p.name.startswith("measure")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def _param(item: dict):
    marks = []
    if item["id"] in KNOWN_MISSES:
        marks.append(pytest.mark.xfail(reason=KNOWN_MISSES[item["id"]], strict=True))
    return pytest.param(item, id=item["id"], marks=marks)


ITEMS = _items()


@pytest.mark.parametrize("item", [_param(item) for item in ITEMS])
def test_dev_example(item: dict) -> None:
    verdict = moderation.check(item["text"], item["kind"])
    shown = [(f.category, f.severity, f.text, f.rule) for f in verdict.findings]
    if item["group"] in MUST_ALLOW_GROUPS:
        assert (verdict.action, verdict.crisis) == ("allow", False), shown
    elif item["crisis"]:
        assert verdict.crisis, shown
    else:
        assert verdict.action in ("review", "block"), shown


def test_dev_examples_follow_the_corpus_format() -> None:
    keys = {"id", "lang", "kind", "text", "action", "crisis", "categories", "group", "note"}
    assert ITEMS
    assert all(set(item) == keys for item in ITEMS)
    assert len({item["id"] for item in ITEMS}) == len(ITEMS)
    assert set(KNOWN_MISSES) <= {item["id"] for item in ITEMS}
