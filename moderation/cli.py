"""Command line: ``python -m moderation check | sanitize | validate``.

* ``check`` reads JSON lines ``{"id", "kind", "text"}`` on standard input and writes
  one JSON line per input line, in order, flushed at once:
  ``{"id", "action", "crisis", "categories", "findings"}``. A line that cannot be
  checked gives ``{"id", "error"}`` and the run goes on.
* ``sanitize`` reads author HTML on standard input and writes safe HTML; with
  ``--jsonl`` it reads ``{"id", "html"}`` lines and writes ``{"id", "html"}`` lines.
* ``validate`` loads the data directory and lists every problem with its file and
  line; it exits 1 when there are problems.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TextIO

from moderation.categories import KINDS
from moderation.loader import PolicyError, default_data_dir


def check_lines(lines: Iterable[str], out: TextIO, engine) -> int:
    """Check each JSON line and write its result line; return how many lines failed."""
    failed = 0
    for line in lines:
        if not line.strip():
            continue
        result = _check_one(line, engine)
        failed += "error" in result
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return failed


def _check_one(line: str, engine) -> dict:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"not JSON: {error.msg}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "expected a JSON object"}
    item_id = item.get("id")
    kind, text = item.get("kind"), item.get("text")
    if kind not in KINDS:
        return {"id": item_id, "error": f"kind must be one of {', '.join(KINDS)}"}
    if not isinstance(text, str):
        return {"id": item_id, "error": "text must be a string"}
    try:
        verdict = engine.check(text, kind)
    except Exception as error:
        return {"id": item_id, "error": f"{type(error).__name__}: {error}"}
    data = verdict.to_dict()
    return {
        "id": item_id,
        "action": data["action"],
        "crisis": data["crisis"],
        "categories": verdict.categories,
        "findings": data["findings"],
    }


def sanitize_lines(lines: Iterable[str], out: TextIO) -> int:
    """Sanitise ``{"id", "html"}`` JSON lines; return how many lines failed."""
    from moderation.sanitize import sanitize_html

    failed = 0
    for line in lines:
        if not line.strip():
            continue
        item_id = None
        try:
            item = json.loads(line)
            if isinstance(item, dict):
                item_id = item.get("id")
            if not isinstance(item, dict) or not isinstance(item.get("html"), str):
                raise ValueError("expected an object with a string 'html'")
            result = {"id": item_id, "html": sanitize_html(item["html"])}
        except (ValueError, TypeError) as error:
            result = {"id": item_id, "error": str(error)}
            failed += 1
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return failed


def validate(out: TextIO, data_dir=None) -> int:
    """Load the data and print each problem; 0 when clean, 1 otherwise."""
    from moderation.engine import Engine

    try:
        engine = Engine(data_dir)
    except PolicyError as error:
        out.write(f"error: {error}\n")
        return 1
    for problem in engine.load_problems:
        out.write(f"{problem}\n")
    count = len(engine.load_problems)
    out.write(f"{engine.data_dir}: {count} problem(s)\n" if count else f"{engine.data_dir}: ok\n")
    return 1 if count else 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m moderation``."""
    parser = argparse.ArgumentParser(
        prog="python -m moderation", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check JSON lines from standard input")
    check.add_argument("--data-dir", default=None, help=f"default: {default_data_dir()}")
    sanitize = sub.add_parser("sanitize", help="sanitise author HTML from standard input")
    sanitize.add_argument("--jsonl", action="store_true", help='read {"id", "html"} lines')
    check_data = sub.add_parser("validate", help="report malformed data entries")
    check_data.add_argument("--data-dir", default=None)
    args = parser.parse_args(argv)

    if args.command == "check":
        from moderation.engine import Engine

        try:
            engine = Engine(args.data_dir)
        except PolicyError as error:
            sys.stderr.write(f"error: {error}\n")
            return 2
        check_lines(sys.stdin, sys.stdout, engine)
        return 0
    if args.command == "sanitize":
        if args.jsonl:
            sanitize_lines(sys.stdin, sys.stdout)
            return 0
        from moderation.sanitize import sanitize_html

        sys.stdout.write(sanitize_html(sys.stdin.read()))
        return 0
    return validate(sys.stdout, args.data_dir)
