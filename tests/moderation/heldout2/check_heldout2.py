"""Validate the second blind held-out set and print its counts.

Not a test (pytest does not collect this file) and it never calls the engine:

    .venv/bin/python tests/moderation/heldout2/check_heldout2.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = {"id", "lang", "kind", "text", "action", "crisis", "categories", "group", "note"}
LANGS = {"da", "en"}
KINDS = ("post", "comment", "chat", "profile", "alias")
ACTIONS = {"allow": 0, "review": 1, "block": 2}
BLOCK_EVERYWHERE = {
    "pii.email",
    "pii.phone",
    "pii.cpr",
    "pii.address",
    "pii.social",
    "pii.school",
    "pii.name",
    "harm.self_harm",
    "harm.suicide",
    "harm.eating_disorder",
    "harm.violence",
    "harm.sexual",
    "harm.drugs",
    "harm.crime",
    "harm.hate",
}
PER_KIND = {
    "link.external": dict(
        zip(KINDS, ("review", "review", "review", "review", "block"), strict=True)
    ),
    "profanity": dict(zip(KINDS, ("review", "allow", "allow", "review", "block"), strict=True)),
    "spam": dict(zip(KINDS, ("review", "review", "block", "review", "block"), strict=True)),
}
CATEGORIES = BLOCK_EVERYWHERE | set(PER_KIND)
ALLOW_GROUPS = {"recovery", "everyday", "identity", "helpline"}
HARM_GROUPS = {
    "self_harm",
    "suicide",
    "eating_disorder",
    "violence",
    "sexual",
    "drugs",
    "crime",
    "hate",
    "evasion",
}
FILES = {"crisis.jsonl": 110, "harm.jsonl": 100, "allow.jsonl": 120}
MIN_TOTAL = 330


def expected_action(categories: list[str], kind: str, crisis: bool) -> str:
    action = "review" if crisis else "allow"
    for category in categories:
        found = "block" if category in BLOCK_EVERYWHERE else PER_KIND[category][kind]
        if ACTIONS[found] > ACTIONS[action]:
            action = found
    return action


def check_item(name: str, item: dict, where: str) -> list[str]:
    errors: list[str] = []
    if set(item) != KEYS:
        return [f"{where}: keys {sorted(item)}"]
    for key in ("id", "text", "group", "note"):
        if not isinstance(item[key], str) or not item[key].strip():
            errors.append(f"{where}: {key} must be a non-empty string")
    if not item["id"].startswith("h2-"):
        errors.append(f"{where}: id must start with h2-")
    if item["lang"] not in LANGS:
        errors.append(f"{where}: lang {item['lang']!r}")
    if item["kind"] not in KINDS:
        errors.append(f"{where}: kind {item['kind']!r}")
    if item["action"] not in ACTIONS:
        errors.append(f"{where}: action {item['action']!r}")
    if not isinstance(item["crisis"], bool):
        errors.append(f"{where}: crisis must be a boolean")
    cats = item["categories"]
    if (
        not isinstance(cats, list)
        or any(c not in CATEGORIES for c in cats)
        or len(set(cats)) != len(cats)
    ):
        errors.append(f"{where}: categories {cats!r}")
        return errors
    if errors:
        return errors
    want = expected_action(cats, item["kind"], item["crisis"])
    if item["action"] != want:
        errors.append(f"{where}: action {item['action']} but the spec table gives {want}")
    group = item["group"]
    if name == "crisis.jsonl":
        if not item["crisis"] or group != "crisis" or item["action"] == "allow":
            errors.append(
                f"{where}: crisis items need crisis=true, group crisis, action review/block"
            )
    elif name == "harm.jsonl":
        if item["crisis"] or group not in HARM_GROUPS or item["action"] != "block":
            errors.append(f"{where}: harm items need crisis=false, a harm group and action block")
        if not any(c.startswith("harm.") for c in cats):
            errors.append(f"{where}: harm items need a harm.* category")
    elif name == "allow.jsonl" and (
        item["crisis"] or cats or item["action"] != "allow" or group not in ALLOW_GROUPS
    ):
        errors.append(
            f"{where}: must-allow items need allow, no categories, no crisis, an allow group"
        )
    if group in ALLOW_GROUPS and name != "allow.jsonl":
        errors.append(f"{where}: must-allow groups only in allow.jsonl")
    return errors


def main() -> int:
    errors: list[str] = []
    ids: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    items: dict[str, list[dict]] = {}
    for name in FILES:
        path = HERE / name
        items[name] = []
        if not path.is_file():
            errors.append(f"{name}: missing")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{name}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: {exc}")
                continue
            if not isinstance(item, dict):
                errors.append(f"{where}: not an object")
                continue
            errors.extend(check_item(name, item, where))
            ids[item.get("id")] += 1
            pairs[(item.get("kind"), item.get("text"))] += 1
            items[name].append(item)
    errors.extend(f"duplicate id {i}" for i, n in ids.items() if n > 1)
    errors.extend(f"duplicate ({k}, text) {t[:40]!r}" for (k, t), n in pairs.items() if n > 1)

    everything = [item for rows in items.values() for item in rows]
    print(f"items: {len(everything)}\n")
    print("per file            total   da   en")
    for name, minimum in FILES.items():
        rows = items[name]
        lang = Counter(r.get("lang") for r in rows)
        print(f"  {name:<16}{len(rows):>7}{lang['da']:>5}{lang['en']:>5}")
        if len(rows) < minimum:
            errors.append(f"{name}: {len(rows)} items, at least {minimum} needed")
        if abs(lang["da"] - lang["en"]) > max(2, len(rows) // 20):
            errors.append(
                f"{name}: Danish and English are not balanced ({lang['da']}/{lang['en']})"
            )
    if len(everything) < MIN_TOTAL:
        errors.append(f"{len(everything)} items, at least {MIN_TOTAL} needed")

    for title, key in (("per kind", "kind"), ("per action", "action"), ("per group", "group")):
        print(f"\n{title}")
        for value, n in Counter(r.get(key) for r in everything).most_common():
            print(f"  {value!s:<22}{n:>5}")
    print("\nper category           da   en  total")
    cats = Counter((c, r["lang"]) for r in everything for c in r.get("categories") or [])
    for cat in sorted({c for c, _ in cats}):
        da, en = cats[(cat, "da")], cats[(cat, "en")]
        print(f"  {cat:<20}{da:>5}{en:>5}{da + en:>7}")
    crisis = [r for r in everything if r.get("crisis")]
    acts = Counter(r.get("action") for r in crisis)
    print(f"\ncrisis: {len(crisis)} (review {acts['review']}, block {acts['block']})")

    if errors:
        print("\nERRORS:")
        for error in errors:
            print("  " + error)
        return 1
    print("\nOK: no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
