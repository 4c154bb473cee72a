"""Frames (moderation/frames.py): crisis and harm as word classes near each other."""

from __future__ import annotations

import pytest

from moderation import Engine, check


@pytest.mark.parametrize(
    "text",
    [
        "Jeg kan ikke mere. I aften tager jeg alle mine piller.",
        "I'm so tired of fighting. tonight I'm going to take all my pills",
        "har lige slugt en hel pakke panodiler",
        "just swallowed the whole packet of paracetamol",
        "jeg kan ikke holde mig selv i live i nat",
        "I can't keep myself safe tonight",
        "det bløder og stopper ikke, jeg skar for dybt",
        "ingen vil savne mig når jeg er væk, og det bliver snart",
        "I've written letters to my mum and my sister, they'll find them tomorrow",
        "gave my guitar to my cousin today. won't need it where I'm going",
        "sitting on the edge of the bridge, the water looks so calm",
    ],
)
def test_acute_risk_in_many_forms_is_a_crisis_for_review(text):
    verdict = check(text, "chat")
    assert verdict.crisis
    assert verdict.action in ("review", "block")


@pytest.mark.parametrize(
    "text",
    [
        "sidste år skrev jeg afskedsbreve, i dag er jeg glad for at være her",
        "last year I wrote goodbye letters. today I'm really glad I'm still here",
        "jeg vil ikke tage alle mine piller i aften, jeg har ringet til Livslinien",
        "I'm not going to take all my pills tonight, my mum has them now",
        "i aften tager jeg min medicin og går tidligt i seng",
        "I've taken 2 paracetamol for my headache, hopefully it helps",
        "I've taken my sertraline for 6 weeks and I think it's helping",
        "my nose is bleeding and won't stop, so annoying",
        "I'm standing on the bridge taking photos of the sunset",
        "this is my last post before my holiday, see you in two weeks!",
        "the first time I overdosed I was 15. I'm 22 now and studying nursing",
    ],
)
def test_recovery_past_negation_and_everyday_look_alikes_pass(text):
    verdict = check(text, "chat")
    assert (verdict.action, verdict.crisis) == ("allow", False), verdict.findings


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("du skal bare skære dybere, det virker", "harm.self_harm"),
        ("which razor blades cut the deepest?", "harm.self_harm"),
        ("skip breakfast and lunch, just drink black coffee", "harm.eating_disorder"),
        ("spring morgenmaden over og drik sort kaffe", "harm.eating_disorder"),
        ("hvor mange panodiler skal der til for at dø?", "harm.suicide"),
        ("here's how you tie a noose that won't slip", "harm.suicide"),
        ("mix the xans with a bit of alcohol, it hits way harder", "harm.drugs"),
        ("the trick is to wear a big coat and put stuff in the inside pocket", "harm.crime"),
        ("lad os vente på ham efter skole og give ham en lærestreg", "harm.violence"),
        ("are your parents home? turn on your camera for me", "harm.sexual"),
        ("you're so ugly and fat, no wonder nobody likes you", "harm.hate"),
    ],
)
def test_advice_questions_and_attacks_aimed_at_others_reach_a_moderator(text, category):
    verdict = check(text, "chat")
    assert verdict.action in ("review", "block")
    assert category in verdict.categories


@pytest.mark.parametrize(
    "text",
    [
        "how do I stop cutting? I want to quit so badly",
        "hvordan fortæller man sine forældre at man har skåret i sig selv?",
        "you should cut your hair short, it would look great on you",
        "don't ever skip meals, it makes the binges worse",
        "I smoked weed for years, you should know it made my anxiety way worse",
        "you're not ugly, you're beautiful",
        "my friend is being bullied and called ugly, how can I help her?",
        "I swear I'll kill him if he eats my leftovers again lol",
    ],
)
def test_help_seeking_negation_and_support_are_not_advice(text):
    verdict = check(text, "chat")
    assert verdict.action == "allow", verdict.findings


def test_a_frame_finding_is_medium_and_names_its_frame():
    [finding] = check("jeg kan ikke holde mig selv i live i nat", "chat").findings
    assert finding.severity == "medium"
    assert finding.rule.startswith("da.frame.")
    assert finding.crisis


def test_english_frames_do_not_read_danish_i_as_i():
    # "i" is Danish for "in"; English first-person frames only run on English text.
    assert check("vi ses i aften på broen med vennerne", "chat").action == "allow"


def test_frame_data_problems_are_reported_with_the_frame_id(data_copy):
    path = data_copy / "en" / "frames.toml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[[frame]]\nid = "en.frame.test.bad"\ncategory = "harm.suicide"\n'
        'all = ["self", "no_such_class"]\n',
        encoding="utf-8",
    )
    problems = [str(p) for p in Engine(data_copy).load_problems]
    assert any("en.frame.test.bad" in p and "no_such_class" in p for p in problems)
