"""Malformed data is reported with its file and line, and the rest still loads."""

from __future__ import annotations

import pytest

from moderation import Engine, PolicyError


def problems_about(engine: Engine, text: str) -> list[str]:
    return [str(p) for p in engine.load_problems if text in str(p)]


def append(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_shipped_data_has_no_problems(engine):
    assert engine.load_problems == []


def test_bad_regex_is_reported_with_file_and_line(data_copy):
    rules = data_copy / "da" / "rules.toml"
    lines_before = len(rules.read_text(encoding="utf-8").splitlines())
    append(rules, '\n[[rule]]\nid = "da.test.bad"\ncategory = "harm.drugs"\n'
           'triggers = ["hash"]\npattern = "[unclosed"\n')  # fmt: skip
    engine = Engine(data_copy)
    [problem] = problems_about(engine, "da.test.bad")
    assert problem.startswith(f"da/rules.toml:{lines_before + 3}:")
    # everything else still works
    assert engine.check("hvem sælger hash?", "chat").action == "block"


def test_unknown_category_in_a_rule_is_reported(data_copy):
    append(data_copy / "en" / "rules.toml", '\n[[rule]]\nid = "en.test.cat"\n'
           'category = "harm.unknown"\ntriggers = ["x"]\npattern = "x"\n')  # fmt: skip
    [problem] = problems_about(Engine(data_copy), "en.test.cat")
    assert "unknown category" in problem
    assert problem.startswith("en/rules.toml:")


def test_bad_severity_in_a_phrase_list_is_reported_with_its_line(data_copy):
    path = data_copy / "da" / "phrases" / "spam.txt"
    count = len(path.read_text(encoding="utf-8").splitlines())
    append(path, "køb nu | extreme\n")
    engine = Engine(data_copy)
    [problem] = problems_about(engine, "extreme")
    assert problem.startswith(f"da/phrases/spam.txt:{count + 1}:")
    assert engine.check("follow for follow", "chat").action == "block"


def test_unknown_category_as_a_phrase_file_name_is_reported(data_copy):
    (data_copy / "en" / "phrases" / "harm.gossip.txt").write_text("some gossip\n")
    [problem] = problems_about(Engine(data_copy), "harm.gossip")
    assert "unknown category" in problem


def test_malformed_toml_is_reported_with_its_line_and_the_rest_loads(data_copy):
    rules = data_copy / "en" / "rules.toml"
    rules.write_text('[classes]\nyou = ["you"\nbroken = \n', encoding="utf-8")
    engine = Engine(data_copy)
    [problem] = [str(p) for p in engine.load_problems if p.path == "en/rules.toml"]
    assert "malformed TOML" in problem
    assert int(problem.split(":")[1]) >= 2
    # Danish rules and all word lists still load
    assert engine.check("hvem sælger hash?", "chat").action == "block"
    assert engine.check("ring 22 33 44 55", "chat").action == "block"


def test_bad_action_in_the_policy_is_reported_and_falls_back_to_review(data_copy):
    policy = data_copy / "policy.toml"
    text = policy.read_text(encoding="utf-8")
    marker = '[kinds.comment]\n"pii.email" = "block"'
    policy.write_text(text.replace(marker, '[kinds.comment]\n"pii.email" = "shout"'))
    engine = Engine(data_copy)
    [problem] = problems_about(engine, "shout")
    assert problem.startswith("policy.toml:")
    assert int(problem.split(":")[1]) > 0
    assert engine.check("anna@example.com", "comment").action == "review"


def test_missing_policy_for_a_kind_is_a_hard_error(data_copy):
    policy = data_copy / "policy.toml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("[kinds.chat]", "[kinds.talk]"))
    with pytest.raises(PolicyError, match="chat"):
        Engine(data_copy)


def test_missing_policy_file_is_a_hard_error(data_copy):
    (data_copy / "policy.toml").unlink()
    with pytest.raises(PolicyError):
        Engine(data_copy)


def test_an_admin_can_add_a_word_without_code(data_copy):
    append(data_copy / "da" / "phrases" / "harm.drugs.txt", "\nsælger grønne kager\n")
    engine = Engine(data_copy)
    assert engine.check("jeg sælger grønne kager", "chat").action == "block"


def test_a_stem_with_a_star_matches_endings(data_copy):
    append(data_copy / "da" / "phrases" / "harm.crime.txt", "\nbilstjæl*\n")
    engine = Engine(data_copy)
    assert engine.check("vi snakkede om bilstjæleren", "chat").action == "block"
