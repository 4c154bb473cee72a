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
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO / "tests" / "moderation" / "corpus"
# Written independently and never used to develop the engine: only aggregate figures
# are printed for it, never texts or ids, so it stays held out.
HELDOUT_DIR = REPO / "tests" / "moderation" / "heldout"
# A second blind set, written by another engineer; reported the same way, apart.
HELDOUT2_DIR = REPO / "tests" / "moderation" / "heldout2"
DEV_DIR = REPO / "tests" / "moderation" / "dev"
MUST_ALLOW_GROUPS = {"recovery", "everyday", "identity", "helpline"}

# Realistic, harmless chat: what most messages look like.
CHAT_DA = (
    "Hej allesammen, jeg har haft en rigtig god dag i dag. Jeg var ude at gå en tur med min "
    "hund i parken, og bagefter lavede jeg mad med min lillesøster. Vi lavede pasta med "
    "tomatsovs og det smagte virkelig godt. I morgen skal jeg til samtale hos min psykolog, "
    "og jeg er lidt nervøs, men det går nok. Hvordan har I det? Jeg håber at I alle har haft "
    "en okay dag. Husk at drikke vand og få noget frisk luft, det hjælper mig altid lidt. "
    "Godnat og tak fordi I er her."
)
CHAT_EN = (
    "Hi everyone, today was a pretty good day for me. I went for a walk with my dog in the "
    "park and afterwards I cooked dinner with my little sister. We made pasta with tomato "
    "sauce and it tasted really good. Tomorrow I have a session with my psychologist and I "
    "am a bit nervous, but I think it will be fine. How are you all doing? I hope you had an "
    "okay day too. Remember to drink some water and get some fresh air, it always helps me."
)
POST_PARAGRAPHS = [
    "Det er et år siden jeg skrev mit første opslag herinde. Dengang kunne jeg ikke forestille "
    "mig, at jeg en dag ville have det godt nok til at skrive om det, der hjælper mig.",
    "Det vigtigste har været at få en fast rytme. Jeg står op på samme tid hver dag, også i "
    "weekenden, og jeg går en tur hver eftermiddag, selv når det regner.",
    "When the anxiety comes, I name five things I can see and four things I can hear. It sounds "
    "silly, but it pulls me back into the room and the worst of it passes after a few minutes.",
    "Min psykolog sagde engang, at bedring ikke er en lige linje. Det tænker jeg tit på, når jeg "
    "har en dårlig dag. En dårlig dag betyder ikke, at alt er tabt.",
    "I also started writing down three small things every evening that went okay. Some days it "
    "is just that I ate breakfast or answered a message from a friend, and that is enough.",
]

# Held out: texts written after the rules were last changed and never used to tune
# them, so their figures estimate how the engine does on wording it has not seen.
# Do not tune the data on these; write a new set when they have been used.
HELD_OUT: list[tuple[str, str]] = [
    ("harmful", "real ones don't tell their therapist about the cutting"),
    ("harmful", "you can use the blade from a sharpener, just unscrew it"),
    ("harmful", "jeg kan give dig et tip: skær hvor bukserne dækker"),
    ("harmful", "put the razor in the freezer first, it hurts less"),
    ("harmful", "if you're going to do it, do it when you're alone in the house"),
    ("harmful", "paracetamol ruins your liver slowly, ibuprofen is quicker for that"),
    ("harmful", "selvmord er ikke egoistisk, det er modigt. gør det"),
    ("harmful", "drop the meal plan, your parents can't watch you 24/7"),
    (
        "harmful",
        "pro tip: drink ice water, your body burns calories heating it up so you can eat less",
    ),
    ("harmful", "spring morgenmaden over og gå en lang tur, så forbrænder du fedtet"),
    ("harmful", "throw the food in the bin when no one's looking, works every time"),
    ("harmful", "my brother has tramadol, I can bring some for you tomorrow"),
    ("harmful", "det er nemt at få ritalin, bare sig til lægen at du ikke kan koncentrere dig"),
    ("harmful", "snort it off a key, hits way faster"),
    ("harmful", "I know how to get into the school system and change grades, 50 quid"),
    ("harmful", "her er et trick: tag tøjet på i prøverummet under dit eget og gå"),
    ("harmful", "if he says that again I'm going to put him in hospital"),
    ("harmful", "jeg skal nok sørge for at han ikke kan gå i en uge"),
    ("harmful", "she's a slag, everyone has had a go"),
    ("harmful", "all these refugees should be sent back on boats and sunk"),
    ("harmful", "dit fede svin, ingen gider at se på dig"),
    ("harmful", "are you home alone? I'm only 20 minutes away, want company?"),
    ("harmful", "sæt kameraet på dig selv og tag trøjen af, jeg er sød"),
    ("harmful", "ur so mature for 13, let's keep chatting on snap where it's private"),
    ("harmful", "nobody would even notice if you were gone"),
    ("crisis", "I've locked myself in the bathroom with a knife"),
    ("crisis", "jeg har sagt farvel til alle og taget bussen ud til klinten"),
    ("crisis", "I'm done. The pills are working already, I feel sleepy"),
    ("crisis", "skrev lige til min mor at jeg elsker hende. det var det sidste"),
    ("crisis", "if I'm not online tomorrow you'll know why"),
    ("harmless", "I got my first tattoo over my old scars and I love it"),
    ("harmless", "My doctor switched my meds and I feel so much better"),
    ("harmless", "jeg har lyst til at skade mig selv i aften, så jeg ringer til Livslinien"),
    ("harmless", "I hated my body for years. Now I can look in the mirror."),
    ("harmless", "Jeg drikker ikke mere, det er 3 måneder siden"),
    ("harmless", "The lake was so beautiful this morning, I'm sitting here with a coffee now"),
    ("harmless", "Does anyone have a good playlist for anxiety?"),
    ("harmless", "Jeg klippede mit hår selv i går, det blev skævt haha"),
    ("harmless", "We're going to the bridge to watch the fireworks tonight with friends"),
    ("harmless", "My grandma taught me to bake bread this weekend"),
    ("harmless", "I used to think about jumping from the roof at school. I'm glad I told someone."),
    ("harmless", "Jeg tog min medicin og gik i seng tidligt"),
    ("harmless", "When I want to starve myself I remind myself why I want to recover"),
    ("harmless", "my therapist says my scars are part of my story"),
    ("harmless", "Er der nogen der vil spille online i aften?"),
    ("harmless", "jeg har det lidt bedre, men jeg er stadig bange for at falde tilbage"),
    ("harmless", "A friend from school told me she cuts. I told a teacher and now she gets help."),
    ("harmless", "I cried in the shower today and then felt a bit lighter"),
    ("harmless", "Jeg elsker at løbe tidligt om morgenen"),
    ("harmless", "i finished my first week at college!"),
    ("crisis", "I've swallowed everything in the cupboard and locked the door"),
    ("crisis", "jeg har skrevet til min bror at han skal passe på mor. nu går jeg"),
    ("crisis", "there's a train in 10 minutes and I'm standing right by the tracks"),
    ("crisis", "my hands are shaking, I cut too deep and there's blood everywhere"),
    ("crisis", "jeg har besluttet mig, i morgen er jeg her ikke"),
    ("crisis", "just took my whole prescription, sorry to whoever finds me"),
    ("crisis", "I've climbed over the railing, I just need to let go"),
    ("crisis", "jeg har ikke spist i en uge og nu kan jeg ikke stå op"),
    ("crisis", "I'm going to walk into the river tonight, I can't keep going"),
    ("crisis", "min mor tror jeg sover, men jeg har taget alle hendes sovepiller"),
    ("crisis", "I wrote my last message to my best friend, I'm ready now"),
    ("crisis", "the noose is tied, I'm just sitting with it"),
    ("crisis", "jeg er på vej ud til klinten, det er sidste gang jeg skriver"),
    ("crisis", "I've taken 20 of my sertraline and I'm waiting"),
    ("crisis", "I don't want to be alive anymore and I've got everything I need tonight"),
    ("harmless", "I climbed over the fence to get my football back lol"),
    ("harmless", "jeg har skrevet til min bror at han skal huske mors fødselsdag"),
    ("harmless", "there's a train in 10 minutes so I'll be a bit late"),
    ("harmless", "my hands are shaking after that exam, so much coffee"),
    ("harmless", "jeg har besluttet mig for at starte til håndbold igen"),
    ("harmless", "just picked up my prescription, the pharmacist was nice"),
    ("harmless", "I'm going to walk by the river tonight with my mum"),
    ("harmless", "min mor tror jeg sover, men jeg læser under dynen"),
    ("harmless", "I wrote a message to my best friend to say sorry for our fight"),
    ("harmless", "I'm just sitting with my thoughts tonight, it's been a heavy day"),
    ("harmless", "jeg er på vej ud til stranden med mine venner"),
    ("harmless", "I've taken my sertraline for 6 weeks and I think it's helping"),
    ("harmless", "sometimes I don't want to be alive, but I'm getting help for it"),
    ("harmless", "I'm ready now for the next chapter, moving out next month"),
    ("harmless", "jeg har ikke spist morgenmad, har travlt i dag"),
]


def _corpus(folder: Path = CORPUS_DIR, pattern: str = "*.jsonl", skip: str = "") -> list[dict]:
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


def _per_call_ms(function, text: str, kind: str, repeat: int) -> float:
    """Median of a few rounds of ``repeat`` calls, in milliseconds per call."""
    function(text, kind)
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            function(text, kind)
        rounds.append((time.perf_counter() - start) / repeat * 1000)
    return statistics.median(rounds)


def _text_of(length: int, paragraphs: list[str]) -> str:
    text = ""
    i = 0
    while len(text) < length:
        text += paragraphs[i % len(paragraphs)] + "\n\n"
        i += 1
    return text[:length]


def _synthetic_word(rng: random.Random) -> str:
    return "zq" + "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 9)))


def _doubled_data_dir(target: Path) -> Path:
    """A copy of the data directory with every word list doubled by synthetic entries."""
    from moderation.loader import default_data_dir
    from moderation.wordlists import better_profanity_words

    rng = random.Random(7)
    shutil.copytree(default_data_dir(), target)
    _, imported = better_profanity_words()
    for path in sorted(target.rglob("*.txt")):
        if path.parent == target or path.name == "alias_joined.txt":
            continue  # allowlists and character maps are not word lists; aliases not timed
        entries = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        count = len(entries) + (len(imported) if path.name == "profanity.txt" else 0)
        words = []
        for entry in entries[:count] or ["x"]:
            words.append(" ".join(_synthetic_word(rng) for _ in entry.split()) or "zqzq")
        while len(words) < count:
            words.append(_synthetic_word(rng))
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\n# synthetic entries added by bench/moderation.py\n")
            handle.write("\n".join(words[:count]) + "\n")
    for path in sorted(target.glob("*/frames.toml")):
        _double_frame_classes(path, rng)
    return target


def _double_frame_classes(path: Path, rng: random.Random) -> None:
    """Double every word class of a frames.toml with synthetic entries (in place)."""
    import tomllib

    classes = tomllib.loads(path.read_text(encoding="utf-8")).get("classes", {})
    lines = path.read_text(encoding="utf-8").splitlines()
    in_classes = False
    for i, line in enumerate(lines):
        if line.startswith("["):
            in_classes = line.strip() == "[classes]"
            continue
        name, _, rest = line.partition(" = [")
        if in_classes and name in classes and line.startswith(name):
            extra = ", ".join(f'"{_synthetic_word(rng)}"' for _ in classes[name])
            lines[i] = f"{name} = [{extra}, {rest}" if classes[name] else line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _load_seconds() -> float:
    code = "import moderation; moderation.check('x', 'chat')"
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
        times.append(time.perf_counter() - start)
    return min(times)


def _python_start_seconds() -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def speed(engine, quick: bool) -> dict:
    """Timings of the engine, its scaling, and better-profanity for comparison."""
    from moderation import Engine

    chat_da, chat_en = CHAT_DA[:500], CHAT_EN[:500]
    post_paragraphs = [*POST_PARAGRAPHS, CHAT_DA, CHAT_EN]
    post = _text_of(10_000, post_paragraphs)
    double_post = _text_of(20_000, post_paragraphs)
    half_post = _text_of(5_000, post_paragraphs)
    check = engine.check
    chat_repeat = 200 if quick else 1000
    figures = {
        "chat_500_da_ms": _per_call_ms(check, chat_da, "chat", chat_repeat),
        "chat_500_en_ms": _per_call_ms(check, chat_en, "chat", chat_repeat),
        "post_5000_ms": _per_call_ms(check, half_post, "post", 20),
        "post_10000_ms": _per_call_ms(check, post, "post", 20),
        "post_20000_ms": _per_call_ms(check, double_post, "post", 10),
    }
    figures["chat_500_ms"] = max(figures["chat_500_da_ms"], figures["chat_500_en_ms"])
    figures["text_doubling_ratio_5k_to_10k"] = figures["post_10000_ms"] / figures["post_5000_ms"]
    figures["text_doubling_ratio_10k_to_20k"] = figures["post_20000_ms"] / figures["post_10000_ms"]

    with tempfile.TemporaryDirectory() as folder:
        doubled = Engine(_doubled_data_dir(Path(folder) / "data"))
        figures["doubled_lists_chat_500_ms"] = max(
            _per_call_ms(doubled.check, chat_da, "chat", chat_repeat),
            _per_call_ms(doubled.check, chat_en, "chat", chat_repeat),
        )
        figures["doubled_lists_post_10000_ms"] = _per_call_ms(doubled.check, post, "post", 20)
        figures["phrase_entries"] = engine.phrases.size
        figures["phrase_entries_doubled"] = doubled.phrases.size
    figures["list_doubling_ratio_chat"] = (
        figures["doubled_lists_chat_500_ms"] / figures["chat_500_ms"]
    )
    figures["list_doubling_ratio_post"] = (
        figures["doubled_lists_post_10000_ms"] / figures["post_10000_ms"]
    )

    figures["load_fresh_process_s"] = _load_seconds()
    figures["python_start_s"] = _python_start_seconds()

    from better_profanity import profanity  # only here: slow to import and to match

    profanity.load_censor_words()

    def contains(text, _kind):
        return profanity.contains_profanity(text)

    figures["better_profanity_chat_500_ms"] = _per_call_ms(contains, chat_da, "chat", 3)
    start = time.perf_counter()
    contains(post, "post")
    figures["better_profanity_post_10000_ms"] = (time.perf_counter() - start) * 1000
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}


def main(argv: list[str]) -> int:
    """Run the benchmark; print a report and, last, one JSON line with the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench moderation")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)

    import moderation

    engine = moderation.Engine()
    items = _corpus()
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
        heldout_items = _corpus(folder) if folder.is_dir() else []
        name = folder.relative_to(REPO)
        if heldout_items:
            result[key] = labelled_set(engine, heldout_items)
            print_labelled_set(f"held-out set {name} (aggregate only)", result[key])
        else:
            print(f"no held-out set in {name}")
    dev_items = _corpus(DEV_DIR, skip="measure") if DEV_DIR.is_dir() else []
    if dev_items:
        result["dev_examples"] = labelled_set(engine, dev_items)
        print_labelled_set(
            "development examples tests/moderation/dev (tuned on)", result["dev_examples"]
        )
    measured = _corpus(DEV_DIR, pattern="measure*.jsonl") if DEV_DIR.is_dir() else []
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
