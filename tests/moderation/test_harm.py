"""Harm (guidelines 3 and 4): encouragement and method are blocked, recovery talk passes,
acute risk raises the crisis flag."""

from __future__ import annotations

import pytest

from moderation import check


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("What's the best way to hide cuts from my parents?", "harm.self_harm"),
        ("You should just cut yourself, it helps", "harm.self_harm"),
        ("tips til at skære uden at det ses?", "harm.self_harm"),
        ("how many pills does it take to die", "harm.suicide"),
        ("hvad er den nemmeste måde at dø på", "harm.suicide"),
        ("eat under 500 calories a day, trust me", "harm.eating_disorder"),
        ("thinspo anyone?", "harm.eating_disorder"),
        ("tips til at lade være med at spise", "harm.eating_disorder"),
        ("I will kill you", "harm.violence"),
        ("jeg ved hvor du bor", "harm.violence"),
        ("send nudes", "harm.sexual"),
        ("how old are you? are you alone? send me a pic", "harm.sexual"),
        ("who sells weed in aarhus", "harm.drugs"),
        ("hvem sælger hash?", "harm.drugs"),
        ("how to shoplift without getting caught", "harm.crime"),
        ("hvordan hacker man en instagram", "harm.crime"),
        ("all muslims are rats", "harm.hate"),
        ("nobody wants you here", "harm.hate"),
        ("what do you use to cut? razor or knife?", "harm.self_harm"),
        ("jeg skærer mig hver aften og det hjælper, prøv det", "harm.self_harm"),
        ("honestly just end it, no one will care", "harm.suicide"),
        ("let's skip lunch together and see who loses more this week", "harm.eating_disorder"),
        ("she's a fat ugly cow and everyone knows it", "harm.hate"),
        ("hvem vil mødes bag skolen og ryge en joint", "harm.drugs"),
        ("where can i get xanax without my parents knowing", "harm.drugs"),
        ("teach me how to steal from the shop", "harm.crime"),
        ("i swear i'm going to stab him tomorrow", "harm.violence"),
    ],
)
def test_encouragement_methods_and_abuse_are_blocked(text, category):
    verdict = check(text, "chat")
    assert verdict.action == "block"
    assert category in verdict.categories


@pytest.mark.parametrize(
    "text",
    [
        "I used to cut, now I hold ice when the urge comes",
        "jeg var indlagt efter et selvmordsforsøg for to år siden",
        "I often think about dying",
        "I had suicidal thoughts last winter",
        "sometimes I wish I could just disappear",
        "Jeg har haft anoreksi i fem år, men nu spiser jeg tre måltider om dagen",
        "I used to eat under 500 calories a day, now I follow my meal plan",
        "how do I stop cutting?",
        "Hvordan stopper jeg med at skære i mig selv?",
        "I've been clean for 365 days",
        "I deleted my dealer's number and blocked him",
        "My dad used to hit me. I didn't deserve it.",
        "Jeg følte at ingen kunne lide mig, men det var depressionen der talte",
        "I feel like nobody likes me",
        "Jeg hader mig selv. Jeg hader mig selv. Jeg hader mig selv. Jeg hader mig selv.",
        "min mor hjælper mig",
        "my psychologist said I'm doing well",
        "When I relapsed I took too many pills, but my sister found me and I got help",
        "I used to hide my cuts with bracelets, now I wear short sleeves proudly",
        "My ED voice tells me I'm not thin enough, but I know it's lying",
        "jeg havde lyst til at skære, men jeg ringede til min veninde i stedet",
        "Hvordan kan man hjælpe en ven der har selvmordstanker?",
        "I want to die sometimes but I'm not going to act on it",
        "my friend keeps talking about killing herself, how do I help her?",
        "I'm going to do it tonight - finally telling my parents I'm gay!",
        "jeg gør det i aften, jeg skal endelig sige det til min mor",
        "My mom will kill me if she sees my grades lol",
        "Jeg tog en overdosis for tre år siden. I dag læser jeg til pædagog.",
        "Jeg tager 20 mg sertralin om dagen og det hjælper",
        "Jeg går på VUC og tager hf-fag",
    ],
)
def test_recovery_and_everyday_talk_is_allowed(text):
    verdict = check(text, "chat")
    assert (verdict.action, verdict.crisis) == ("allow", False), verdict.findings


@pytest.mark.parametrize(
    "text",
    [
        "I have the pills ready",
        "jeg står på broen",
        "I'm going to end it tonight",
        "jeg har skåret mig lige nu og det bløder meget",
        "this is my last post. thank you all",
        "jeg har skrevet mit afskedsbrev",
    ],
)
def test_acute_risk_is_crisis_and_goes_to_review(text):
    verdict = check(text, "chat")
    assert verdict.crisis is True
    assert verdict.action == "review"


def test_crisis_with_a_method_and_amount_is_blocked_and_still_crisis():
    verdict = check("I'm taking 30 paracetamol now, it'll be over soon", "chat")
    assert verdict.crisis is True
    assert verdict.action == "block"
    assert "harm.suicide" in verdict.categories


@pytest.mark.parametrize(
    "text", ["I took 20 of my mum's pills an hour ago", "jeg har taget 20 piller for en time siden"]
)
def test_pills_taken_with_an_amount_are_crisis_and_blocked(text):
    verdict = check(text, "chat")
    assert (verdict.action, verdict.crisis) == ("block", True)


def test_crisis_with_a_phone_number_is_blocked_and_still_crisis():
    verdict = check("jeg står på broen, ring 22 33 44 55", "chat")
    assert (verdict.action, verdict.crisis) == ("block", True)


def test_crisis_explanation_points_to_helplines():
    finding = check("I have the pills ready", "chat").findings[0]
    assert "70 201 201" in finding.explanation_en
    assert "70 201 201" in finding.explanation_da


@pytest.mark.parametrize(
    "text",
    [
        "I'm gay and my girlfriend is trans",
        "Jeg er bøsse og stolt af det",
        "jeg er lesbisk og min far har svært ved det",
        "I'm queer and nonbinary",
        "Jeg er homoseksuel",
        "sex education should be better in schools",
        "kønsidentitet og sex er vigtige emner",
        "as a bi person I felt invisible",
        "being a lesbian is part of who I am",
    ],
)
def test_identity_words_are_not_abuse(text):
    verdict = check(text, "comment")
    assert (verdict.action, verdict.findings) == ("allow", ()), verdict.findings


def test_identity_word_used_as_a_slur_at_someone_is_hate():
    assert "harm.hate" in check("du er sådan en bøsse", "chat").categories


@pytest.mark.parametrize("text", ["kys og kram til jer alle", "Kys og kram fra mig"])
def test_danish_kiss_is_not_english_kys(text):
    assert check(text, "chat").action == "allow"


def test_kys_aimed_at_someone_is_hate():
    assert check("just kys loser", "chat").action == "block"


def test_a_harm_topic_with_advice_goes_to_a_moderator():
    verdict = check("a pencil sharpener blade works if you can't get razors", "chat")
    assert verdict.action == "review"
    assert [(f.category, f.severity) for f in verdict.findings] == [("harm.self_harm", "medium")]


def test_the_same_topic_with_coping_words_passes():
    text = "when the urge comes I hold ice, it works better than a blade ever did"
    assert check(text, "chat").action == "allow"


def test_means_now_and_first_person_raise_the_crisis_flag():
    verdict = check("I've locked myself in the bathroom with a knife", "chat")
    assert verdict.crisis is True
    assert verdict.action == "review"
