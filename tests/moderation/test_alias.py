"""Aliases: lists match whole parts of an alias, never short fragments inside a word."""

from __future__ import annotations

import pytest

from moderation import Engine, check

ACCEPTED = [
    "demo-follower",
    "demo-peer",
    "demo-moderator",
    "demo-coordinator",
    "demo-admin",
    "StilleSol",
    "Skovsti",
    "Havørn",
    "Bølgen",
    "Mod-Sol",
    "medlem7",
    "tester1",
    "Sommerfugl22",
    "NatteRavn",
    "kaffekop",
    "Blå-Hval",
    "morgenfrisk",
    "hyggehjørnet",
    "Scunthorpe",
    "analyst",
    "therapist-in-training",
    "Kassandra",
    # short list entries inside ordinary words
    "Glasses",
    "Cocktail",
    "Hancock",
    "Dickens",
    "Assessor",
    "Arsenal",
    "Pikachu",
    "Spicy",
    "cockatoo",
    "Essex",
    "Hellerup",
    "skidtfisk",
    "Bassist",
]

REFUSED = [
    ("fuckface", "profanity"),
    ("lortemand", "profanity"),
    ("pikhoved", "profanity"),
    ("lortehoved", "profanity"),
    ("shitstorm", "profanity"),
    ("Fuck_Everything", "profanity"),
    ("n1gger", "harm.hate"),
    ("n1ggerlover", "harm.hate"),
    ("kill-yourself", "harm.hate"),
    ("KYS_loser", "harm.hate"),
    ("xXsendnudesXx", "harm.sexual"),
    ("SendNudes69", "harm.sexual"),
    ("thinspo_queen", "harm.eating_disorder"),
    ("Anna Jensen", "pii.name"),
    ("anna.jensen@example.com", "pii.email"),
    ("22334455", "pii.phone"),
]


@pytest.mark.parametrize("alias", ACCEPTED)
def test_ordinary_aliases_are_accepted(alias):
    verdict = check(alias, "alias")
    assert verdict.action == "allow", [(f.category, f.rule) for f in verdict.findings]


@pytest.mark.parametrize(("alias", "category"), REFUSED)
def test_offensive_or_identifying_aliases_are_blocked(alias, category):
    verdict = check(alias, "alias")
    assert verdict.action == "block"
    assert category in verdict.categories


def test_a_joined_entry_marks_the_whole_word():
    [finding] = check("xXsendnudesXx", "alias").findings
    assert (finding.start, finding.end) == (0, len("xXsendnudesXx"))


def test_short_joined_entries_are_refused_by_the_loader(data_copy):
    path = data_copy / "en" / "alias_joined.txt"
    path.write_text(path.read_text(encoding="utf-8") + "mofo | profanity\nass* | profanity\n")
    problems = [str(p) for p in Engine(data_copy).load_problems]
    assert any("'mofo'" in p and "6+ letters" in p for p in problems)
    assert any("'ass*'" in p and "4+ letters" in p for p in problems)
