"""Validate tests/moderation/heldout/*.jsonl (format, spec table, minimum counts).

Not a test: it checks the data only and prints the counts. Run from the repository root:
    .venv/bin/python tests/moderation/heldout/check_heldout.py
"""

import json
import os
import sys
from collections import Counter, defaultdict

D = os.path.dirname(os.path.abspath(__file__))
CATS = [
    "pii.email",
    "pii.phone",
    "pii.cpr",
    "pii.address",
    "pii.social",
    "pii.school",
    "pii.name",
    "link.external",
    "harm.self_harm",
    "harm.suicide",
    "harm.eating_disorder",
    "harm.violence",
    "harm.sexual",
    "harm.drugs",
    "harm.crime",
    "harm.hate",
    "profanity",
    "spam",
]
KINDS = ["post", "comment", "chat", "profile", "alias"]
ALLOW_GROUPS = {"recovery", "everyday", "identity", "helpline"}
KEYS = {"id", "lang", "kind", "text", "action", "crisis", "categories", "group", "note"}
B, R, A = "block", "review", "allow"
RANK = {A: 0, R: 1, B: 2}
TABLE = {c: dict.fromkeys(KINDS, B) for c in CATS}
TABLE["link.external"] = {"post": R, "comment": R, "chat": R, "profile": R, "alias": B}
TABLE["profanity"] = {"post": R, "comment": A, "chat": A, "profile": R, "alias": B}
TABLE["spam"] = {"post": R, "comment": R, "chat": B, "profile": R, "alias": B}
MINIMUM = {"crisis.jsonl": 80, "harm.jsonl": 100, "pii.jsonl": 60, "allow.jsonl": 120}

errors, items = [], []
for name in MINIMUM:
    path = os.path.join(D, name)
    if not os.path.exists(path):
        errors.append(f"missing {name}")
        continue
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{name}:{n}"
            try:
                o = json.loads(line)
            except Exception as e:
                errors.append(f"{where}: {e}")
                continue
            if not isinstance(o, dict) or set(o) != KEYS:
                errors.append(f"{where}: keys")
                continue
            o["_file"] = name
            items.append(o)
            if not str(o["id"]).startswith("ho-"):
                errors.append(f"{where}: id prefix")
            if o["lang"] not in ("da", "en"):
                errors.append(f"{where}: lang")
            if o["kind"] not in KINDS:
                errors.append(f"{where}: kind")
                continue
            if o["action"] not in RANK:
                errors.append(f"{where}: action")
            if not isinstance(o["crisis"], bool):
                errors.append(f"{where}: crisis")
            if not isinstance(o["text"], str) or not o["text"].strip():
                errors.append(f"{where}: text")
            if not isinstance(o["note"], str) or not o["note"].strip():
                errors.append(f"{where}: note")
            if not isinstance(o["group"], str) or not o["group"]:
                errors.append(f"{where}: group")
            cats = o["categories"]
            bad = not isinstance(cats, list) or any(c not in CATS for c in cats)
            if bad or len(set(cats)) != len(cats):
                errors.append(f"{where}: categories {cats}")
                continue
            exp = max([A] + [TABLE[c][o["kind"]] for c in cats], key=RANK.get)
            if o["crisis"] and exp == A:
                exp = R
            ok = o["action"] == exp
            if not ok and "pii.name" in cats and o["kind"] != "alias" and o["action"] == R:
                rest = [TABLE[c][o["kind"]] for c in cats if c != "pii.name"]
                ok = RANK[max([A, *rest], key=RANK.get)] <= RANK[R]  # low-severity name
            if not ok:
                errors.append(f"{where}: action {o['action']} != {exp} for {cats}/{o['kind']}")
            must_allow = o["group"] in ALLOW_GROUPS
            if must_allow and (cats or o["action"] != A or o["crisis"]):
                errors.append(f"{where}: must-allow group with findings")
            if not must_allow and o["action"] == A:
                errors.append(f"{where}: plain allow outside the must-allow groups")
            # per-file shape
            if name == "crisis.jsonl" and not o["crisis"]:
                errors.append(f"{where}: crisis file item without crisis")
            if name == "allow.jsonl" and not must_allow:
                errors.append(f"{where}: allow file item outside must-allow groups")
            has_harm = any(c.startswith("harm.") for c in cats)
            if name == "harm.jsonl" and (o["action"] != B or not has_harm or o["crisis"]):
                errors.append(f"{where}: harm item must be block with a harm.* category, no crisis")
            if name == "pii.jsonl" and (not any(c.startswith("pii.") for c in cats) or o["crisis"]):
                errors.append(f"{where}: pii item needs a pii.* category")

ids = Counter(o["id"] for o in items)
errors += [f"duplicate id {i}" for i, c in ids.items() if c > 1]
texts = Counter((o["kind"], o["text"]) for o in items)
errors += [f"duplicate text {t[1][:40]!r}" for t, c in texts.items() if c > 1]

print(f"items: {len(items)}")
per_file = Counter(o["_file"] for o in items)
print("\nper file            total   da   en")
for name, need in MINIMUM.items():
    sub = [o for o in items if o["_file"] == name]
    da = sum(o["lang"] == "da" for o in sub)
    print(f"  {name:16s} {len(sub):6d} {da:4d} {len(sub) - da:4d}")
    if per_file[name] < need:
        errors.append(f"{name}: {per_file[name]} < {need}")
cat_lang = defaultdict(Counter)
for o in items:
    for c in o["categories"]:
        cat_lang[c][o["lang"]] += 1
print("\nper category           da   en  total")
for c in CATS:
    if cat_lang[c]:
        da, en = cat_lang[c]["da"], cat_lang[c]["en"]
        print(f"  {c:20s} {da:4d} {en:4d} {da + en:6d}")
for title, key in (("lang", "lang"), ("kind", "kind"), ("action", "action"), ("group", "group")):
    print(f"\nper {title}")
    for k, v in sorted(Counter(o[key] for o in items).items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {k:20s} {v:4d}")
cr = [o for o in items if o["crisis"]]
n_rev, n_blk = sum(o["action"] == R for o in cr), sum(o["action"] == B for o in cr)
print(f"\ncrisis: {len(cr)} (review {n_rev}, block {n_blk})")
print("\nERRORS:" if errors else "\nOK: no errors")
for e in errors:
    print("  " + e)
sys.exit(1 if errors else 0)
