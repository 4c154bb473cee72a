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
    # names that begin like a hate word
    "Nazim",
    "Nazira",
    "Nazir22",
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
    # hate words as the whole alias, alone, joined or with a number code
    ("nazi", "harm.hate"),
    ("Nazis", "harm.hate"),
    ("NaziKing", "harm.hate"),
    ("nazi88", "harm.hate"),
    ("neonazist", "harm.hate"),
    ("hitler", "harm.hate"),
    ("SiegHeil", "harm.hate"),
    ("white power", "harm.hate"),
    ("hagekors", "harm.hate"),
    # e-mail addresses with spaces for "@" and "."
    ("annajensen gmail com", "pii.email"),
    ("anna_jensen hotmail dk", "pii.email"),
    ("anna.jensen gmail com", "pii.email"),
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


@pytest.mark.parametrize(
    "text",
    [
        "My grandfather fought the nazis in the war.",
        "Vi læste om Hitler og nazisterne i historie.",
        "I use gmail com for school and hotmail dk for games.",
        "Jeg bruger gmail com, men min hotmail dk virker ikke.",
    ],
)
def test_hate_words_and_mail_providers_stay_allowed_in_ordinary_sentences(text):
    verdict = check(text, "post")
    assert verdict.action == "allow", [(f.category, f.rule) for f in verdict.findings]


def test_an_e_mail_address_written_with_spaces_is_blocked_in_a_post_too():
    verdict = check("Skriv til mig på annajensen gmail com", "post")
    assert verdict.action == "block"
    assert "pii.email" in verdict.categories
