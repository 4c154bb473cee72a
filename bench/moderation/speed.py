"""How fast the engine is: per text length, per word-list size, at load, and next to
better-profanity on the same texts."""

from __future__ import annotations

import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.moderation.quality import REPO
from bench.moderation.texts import CHAT_DA, CHAT_EN, POST_PARAGRAPHS


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
            handle.write("\n# synthetic entries added by bench/moderation/speed.py\n")
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
