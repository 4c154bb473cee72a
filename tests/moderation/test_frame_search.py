"""The matching machinery behind frames: prefixes, optional words, the search beyond
the nearest word, clause-bound negation, imperatives after an "if" clause, help words
only in their help-seeking use, and names that are titles."""

from __future__ import annotations

import pytest

from moderation import Engine, check
from moderation.phrases import Meaning


@pytest.fixture(scope="module")
def index():
    engine = Engine()
    phrases = engine._new_index()
    meaning = Meaning("harm.suicide", "low", False, "test")
    for entry in ("selvmords**", "tager [jeg] livet af mig", "tage en overdosis**"):
        for keys in phrases.entry_keys(entry, ()):
            phrases.add(keys, meaning)
    return engine, phrases


def _found(index, text: str) -> list[str]:
    engine, phrases = index
    view = engine.view(text)
    return sorted(text[h.start : h.end] for h in phrases.find(view))


def test_a_prefix_entry_matches_compounds_and_the_word_itself(index):
    assert _found(index, "jeg har selvmordstanker") == ["selvmordstanker"]
    assert _found(index, "selvmords") == ["selvmords"]
    assert _found(index, "selvmord") == []


def test_a_bracketed_word_is_optional(index):
    assert _found(index, "i nat tager jeg livet af mig") == ["tager jeg livet af mig"]
    assert _found(index, "jeg tager livet af mig") == ["tager livet af mig"]


def test_a_prefix_only_ends_an_entry():
    phrases = Engine()._new_index()
    with pytest.raises(ValueError, match="last word"):
        phrases.entry_keys("selv** mord", ())
    with pytest.raises(ValueError, match="letters or more"):
        phrases.entry_keys("ab**", ())


@pytest.mark.parametrize(
    "text",
    [
        # the nearest "everything" is in the previous sentence; "all my" further on fits
        "i'm so tired of everything. going to take all my sleeping pills and sleep forever",
        # Danish puts the subject after the verb when a time opens the sentence
        "jeg kan ikke mere. i nat tager jeg livet af mig",
        # written without apostrophes
        "cant keep myself safe tonight",
    ],
)
def test_a_valid_combination_beyond_the_nearest_word_is_found(text):
    assert check(text, "chat").crisis


def test_negation_does_not_reach_across_a_comma():
    verdict = check("at kradse er ikke nok, du skal have noget skarpere", "comment")
    assert verdict.action in ("review", "block")
    assert check("du skal ikke have noget skarpere", "comment").action == "allow"


def test_an_imperative_may_open_the_clause_after_an_if_clause():
    text = "hvis isterninger ikke virker mere, så skift til et blad, tro mig"
    assert check(text, "comment").action in ("review", "block")
    assert check("hvis du er ked af det, så skift til en anden kanal", "chat").action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "put ice on it first and then cut, you barely feel it",
        "the doctor will give you ritalin if you just say you can't focus",
        "p-huset ved stationen er højt nok, det er sikkert",
        "it's not dangerous if you do it right, paracetamol just takes a few days",
    ],
)
def test_help_words_veto_only_in_their_help_seeking_use(text):
    assert check(text, "comment").action in ("review", "block")


@pytest.mark.parametrize(
    "text",
    [
        "please don't cut tonight, hold ice or snap a hair band instead and message me",
        "talk to your doctor about the side effects before you stop the meds",
        "alkohol og din medicin er en farlig blanding, pas på dig selv",
        "just do it, tell your mum about the cuts. she will want to help",
        "I made it through the night without hurting myself",
    ],
)
def test_help_seeking_and_support_still_pass(text):
    verdict = check(text, "comment")
    assert (verdict.action, verdict.crisis) == ("allow", False), verdict.findings


@pytest.mark.parametrize(
    "text",
    [
        "go ahead and do it, you've been talking about it for months",
        "hvorfor har du ikke gjort det endnu? du siger det hele tiden",
    ],
)
def test_encouragement_with_no_content_word_is_read_from_the_nearby_sentences(text):
    assert check(text, "comment").action in ("review", "block")


def test_first_person_past_narrative_is_not_advice():
    text = "Self-harm was my way of coping. I cut on my thighs so nobody would see. I'm free now."
    assert check(text, "post").action == "allow"
    assert check("cut on your thighs so nobody will see", "comment").action != "allow"


def test_a_first_name_before_a_title_word_is_not_a_person():
    assert check("my brother killed me in Mario Kart again", "chat").action == "allow"
    assert check("I talked to Mario yesterday", "chat").action == "review"


@pytest.mark.parametrize(
    "text",
    [
        "people at school call me a faggot and it really hurts. how do I deal with it?",
        "nogen skrev 'rejs hjem til dit eget land' på mit skab. jeg fortalte det til rektor.",
    ],
)
def test_a_slur_the_writer_reports_having_been_called_is_not_hate(text):
    assert check(text, "post").action == "allow"


@pytest.mark.parametrize(
    "text", ["you're a faggot", "I'll call you a faggot", "rejs hjem til dit eget land"]
)
def test_the_same_slur_aimed_at_someone_is_still_blocked(text):
    assert check(text, "comment").action == "block"
