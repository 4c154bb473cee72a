"""The public interface other parts of the product depend on."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

import moderation
from moderation import CATEGORIES, KINDS, Engine, Finding, Verdict, check


def test_categories_and_kinds_are_the_contract():
    assert CATEGORIES == (
        "pii.email", "pii.phone", "pii.cpr", "pii.address", "pii.name", "pii.school",
        "pii.social", "link.external", "harm.self_harm", "harm.suicide",
        "harm.eating_disorder", "harm.violence", "harm.sexual", "harm.drugs", "harm.crime",
        "harm.hate", "profanity", "spam",
    )  # fmt: skip
    assert KINDS == ("post", "comment", "chat", "profile", "alias")


def test_check_returns_a_frozen_verdict_with_findings():
    verdict = check("ring til mig på 22 33 44 55", "chat")
    assert isinstance(verdict, Verdict)
    assert verdict.action == "block"
    assert verdict.crisis is False
    assert [f.category for f in verdict.findings] == ["pii.phone"]
    assert isinstance(verdict.findings[0], Finding)
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.action = "allow"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.findings[0].start = 0  # type: ignore[misc]


def test_to_dict_has_the_json_shape_of_the_spec():
    text = "ring til mig på 22 33 44 55"
    data = check(text, "chat").to_dict()
    assert set(data) == {"action", "crisis", "findings", "display_text"}
    finding = data["findings"][0]
    assert set(finding) == {
        "category", "guideline", "severity", "action", "start", "end", "text", "explanation"
    }  # fmt: skip
    assert finding["action"] == "block"
    assert finding["guideline"] == 1
    assert finding["severity"] == "high"
    assert text[finding["start"] : finding["end"]] == finding["text"] == "22 33 44 55"
    assert set(finding["explanation"]) == {"da", "en"}
    assert all(finding["explanation"].values())
    json.dumps(data)


def test_clean_text_is_allowed_without_findings():
    verdict = check("Jeg havde en god dag i dag og gik en tur ved vandet.", "chat")
    assert verdict == Verdict("allow", False, (), None)


def test_empty_text_is_allowed():
    assert check("", "comment").action == "allow"
    assert check("   \n", "post").action == "allow"


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="unknown content kind"):
        check("hej", "tweet")


def test_every_kind_can_be_checked():
    for kind in KINDS:
        assert check("en helt almindelig tekst", kind).action == "allow"


def test_engine_loads_from_a_given_directory(data_copy):
    engine = Engine(data_copy)
    assert engine.check("mail mig på anna@example.com", "comment").action == "block"
    assert engine.load_problems == []


def test_data_directory_comes_from_the_environment(data_copy, monkeypatch):
    monkeypatch.setenv("MODERATION_DATA_DIR", str(data_copy))
    assert Engine().data_dir == data_copy


def test_guideline_for_a_name_in_an_alias_is_one():
    finding = check("AnnaJensen", "alias").findings[0]
    assert finding.category == "pii.name"
    assert finding.guideline == 1
    assert check("min psykolog Henrik", "chat").findings[0].guideline == 2


def test_sanitize_html_is_exposed_by_the_package():
    assert moderation.sanitize_html("<b>hej</b><script>x</script>") == "<b>hej</b>"


def test_importing_the_engine_pulls_in_no_web_framework_database_or_faker():
    code = (
        "import sys, moderation; moderation.check('x', 'chat'); "
        "bad = [m for m in ('flask', 'sqlalchemy', 'werkzeug', 'faker', 'better_profanity', "
        "'bleach', 'config', 'app', 'community') if m in sys.modules]; print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "kind", "actions"),
    [
        ("ring til mig på 22 33 44 55", "chat", {"pii.phone": "block"}),
        ("det er fucking svært", "chat", {"profanity": "allow"}),
        ("det er fucking svært", "post", {"profanity": "review"}),
        ("det er fucking svært", "alias", {"profanity": "block"}),
        ("se https://example.com og ring 22 33 44 55", "post",
         {"link.external": "review", "pii.phone": "block"}),
    ],
)  # fmt: skip
def test_each_finding_carries_the_policy_action_for_the_kind(text, kind, actions):
    verdict = check(text, kind)
    assert {f.category: f.action for f in verdict.findings} == actions


def test_a_crisis_finding_is_at_least_review():
    verdict = check("I have the pills ready", "chat")
    assert verdict.crisis
    assert all(f.action in ("review", "block") for f in verdict.findings if f.crisis)
