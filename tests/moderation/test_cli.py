"""``python -m moderation check | sanitize | validate`` run as separate processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(args: list[str], stdin: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "moderation", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_check_writes_one_line_per_input_line_in_order_and_survives_bad_lines():
    lines = [
        json.dumps({"id": "a", "kind": "chat", "text": "ring 22 33 44 55"}),
        "this is not json",
        json.dumps({"id": "c", "kind": "tweet", "text": "hej"}),
        json.dumps({"id": "d", "kind": "chat"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 6, "kind": "post", "text": "Jeg har det godt i dag"}),
        json.dumps({"id": "g", "kind": "chat", "text": "I have the pills ready"}),
    ]
    result = run(["check"], "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c", "d", None, 6, "g"]
    assert out[0]["action"] == "block"
    assert out[0]["categories"] == ["pii.phone"]
    assert out[0]["findings"][0]["text"] == "22 33 44 55"
    assert set(out[0]) == {"id", "action", "crisis", "categories", "findings"}
    assert all("error" in o for o in out[1:5])
    assert out[5] == {"id": 6, "action": "allow", "crisis": False, "categories": [], "findings": []}
    assert out[6]["crisis"] is True


def test_check_streams_a_line_out_before_the_next_line_comes_in():
    process = subprocess.Popen(
        [sys.executable, "-m", "moderation", "check"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        process.stdin.write(json.dumps({"id": 1, "kind": "chat", "text": "hej"}) + "\n")
        process.stdin.flush()
        first = json.loads(process.stdout.readline())  # must not wait for end of input
        assert first["id"] == 1
        process.stdin.write(json.dumps({"id": 2, "kind": "chat", "text": "send nudes"}) + "\n")
        process.stdin.flush()
        assert json.loads(process.stdout.readline())["action"] == "block"
    finally:
        process.stdin.close()
        process.wait(timeout=30)


def test_sanitize_reads_html_and_writes_safe_html():
    result = run(["sanitize"], '<p onclick="x()">hej</p><script>alert(1)</script>')
    assert result.returncode == 0
    assert result.stdout == "<p>hej</p>"


def test_sanitize_jsonl_handles_bad_lines():
    lines = [
        json.dumps({"id": 1, "html": '<a href="javascript:x()">a</a>'}),
        "{broken",
        json.dumps({"id": 3, "html": 5}),
        json.dumps({"id": 4, "html": "<b>ok</b>"}),
    ]
    result = run(["sanitize", "--jsonl"], "\n".join(lines) + "\n")
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0] == {"id": 1, "html": '<a rel="nofollow noopener ugc">a</a>'}
    assert out[1]["id"] is None
    assert "error" in out[1]
    assert out[2]["id"] == 3
    assert "error" in out[2]
    assert out[3] == {"id": 4, "html": "<b>ok</b>"}


def test_validate_passes_on_the_shipped_data():
    result = run(["validate"], "")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("ok")


def test_validate_reports_problems_with_file_and_line_and_exits_1(data_copy):
    rules = data_copy / "en" / "rules.toml"
    rules.write_text(
        rules.read_text() + '\n[[rule]]\nid = "broken.one"\ncategory = "harm.drugs"\n'
        'triggers = ["x"]\npattern = "(unclosed"\n'
    )
    result = run(["validate"], "", env={"MODERATION_DATA_DIR": str(data_copy)})
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if "broken.one" in line)
    assert line.startswith("en/rules.toml:")
    assert int(line.split(":")[1]) > 0


def test_missing_policy_for_a_kind_is_a_one_line_error(data_copy):
    policy = data_copy / "policy.toml"
    policy.write_text(policy.read_text().replace("[kinds.alias]", "[kinds.not_alias]"))
    result = run(["check"], "", env={"MODERATION_DATA_DIR": str(data_copy)})
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "alias" in result.stderr


def test_the_same_text_gives_the_same_findings_in_every_process():
    # Several rules matched the same words; which one named the finding (and so its
    # explanation) depended on string hashing, so it changed from process to process.
    program = (
        "from moderation import check; "
        "print([f.rule for f in check('hvor mange panodiler skal der til for at dø?', "
        "'post').findings])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", program],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=60,
        ).stdout
        for seed in ("1", "2", "3", "4", "5", "6")
    }
    assert len(outputs) == 1, outputs
