"""The labelled corpus (tests/moderation/corpus/*.jsonl) against the engine.

For every item: the action and the crisis flag must be as labelled, and every
labelled category must be among the verdict's findings. Items we dispute are
listed, with the reason, in ``disputed.toml`` and expected to fail (strict xfail,
so a fixed one is noticed).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

import moderation

HERE = Path(__file__).parent
CORPUS_DIR = HERE / "corpus"
# The corpus README says these harassment items may carry harm.suicide instead of harm.hate.
HATE_OR_SUICIDE_NOTE = "harm.suicide is also acceptable"


def _load_items() -> list[dict]:
    items = []
    for path in sorted(CORPUS_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def _hate_or_suicide_ids() -> set[str]:
    readme = CORPUS_DIR / "README.md"
    if not readme.is_file():
        return set()
    text = readme.read_text(encoding="utf-8")
    ids = set()
    for paragraph in text.split("\n- "):
        if "harm.suicide" in paragraph and "acceptable" in paragraph:
            ids.update(part.strip("`,. \n") for part in paragraph.split("`") if "-" in part)
    return {i for i in ids if i and " " not in i}


def _disputed() -> dict[str, str]:
    path = HERE / "disputed.toml"
    if not path.is_file():
        return {}
    return {item["id"]: item["reason"] for item in tomllib.loads(path.read_text()).get("item", [])}


ITEMS = _load_items()
DISPUTED = _disputed()
HATE_OR_SUICIDE = _hate_or_suicide_ids()


def _param(item: dict):
    marks = []
    if item["id"] in DISPUTED:
        marks.append(pytest.mark.xfail(reason=DISPUTED[item["id"]], strict=True))
    return pytest.param(item, id=item["id"], marks=marks)


@pytest.mark.skipif(not ITEMS, reason="the corpus has not been written yet")
@pytest.mark.parametrize("item", [_param(item) for item in ITEMS])
def test_corpus_item(item: dict) -> None:
    verdict = moderation.check(item["text"], item["kind"])
    found = set(verdict.categories)
    expected = set(item["categories"])
    if item["id"] in HATE_OR_SUICIDE and "harm.suicide" in found:
        expected.discard("harm.hate")
    shown = [(f.category, f.severity, f.text, f.rule) for f in verdict.findings]
    assert verdict.action == item["action"], shown
    assert verdict.crisis == item["crisis"], shown
    assert expected <= found, shown


def test_disputed_items_exist() -> None:
    ids = {item["id"] for item in ITEMS}
    assert set(DISPUTED) <= ids
