"""Personal data (guidelines 1 and 2): what must be found, and what must not."""

from __future__ import annotations

import pytest

from moderation import check


def categories(text: str, kind: str = "chat") -> set[str]:
    return set(check(text, kind).categories)


@pytest.mark.parametrize(
    "text",
    [
        "ring 22334455",
        "ring 22 33 44 55",
        "ring 2233 4455",
        "ring 22-33-44-55",
        "ring 22.33.44.55",
        "ring +45 22 33 44 55",
        "ring 0045 22334455",
        "ring +4522334455",
        "ring 2 2 3 3 4 4 5 5",
        "ring to to tre tre fire fire fem fem",
        "call two two three three four four five five",
        "ring toogtyve treogtredive fireogfyrre femoghalvtreds",
        "call me on +44 7911 123456",
        "call me on 07911 123456",
        "call (555) 201-4567",
        "my number is 555-0143",
    ],
)
def test_phone_numbers_in_common_spellings_are_found(text):
    assert "pii.phone" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jeg har været clean i 365 dage",
        "Det var d. 12.05.2024 kl. 10.30-11.45",
        "fra 2019-2020 gik jeg på efterskole",
        "jeg vejer 52 kg og er 19 år",
        "bogen har 320 sider og koster 249,95 kr",
        "it cost 1.250.000 kr",
        "Ring til Livslinien på 70 201 201",
        "Livslinien: 70201201",
        "BørneTelefonen 116 111, og ring 112 hvis det haster",
        "vi mødes kl 17 på torsdag",
        "I've been sober for 1 year and 3 months",
        "My order number is 48213377 but it never arrived",
        "ordrenummer: 48213377",
    ],
)
def test_numbers_that_are_not_phone_numbers_are_left_alone(text):
    verdict = check(text, "chat")
    assert verdict.action == "allow", verdict.findings


@pytest.mark.parametrize(
    "text", ["mit cpr er 010190-1234", "cpr 0101901234", "280200 3344", "cpr: 28 02 00 - 33 44"]
)
def test_cpr_numbers_with_a_valid_date_are_found(text):
    assert "pii.cpr" in categories(text)


def test_cpr_numbers_need_not_pass_modulus_11():
    # 010190-1235 fails the old modulus-11 check but may be a real number since 2007.
    assert "pii.cpr" in categories("cpr 010190-1235")


def test_ten_digits_without_a_valid_date_are_not_cpr():
    assert "pii.cpr" not in categories("ordrenummer 3213991234")


@pytest.mark.parametrize(
    "text",
    [
        "skriv til anna.jensen@gmail.com",
        "anna dot jensen at gmail dot com",
        "anna snabel-a gmail punktum com",
        "anna[at]gmail[.]com",
        "riverwalker99 @ gmail . com",
        "ellie underscore b at gmail",
        "anna_j at gmail",
    ],
)
def test_email_addresses_also_spelled_out_are_found(text):
    assert "pii.email" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "jeg bor på Nørregade 12, 2. tv",
        "Vesterbrogade 4B 1620 København V",
        "Peter Bangs Vej 5, st. th.",
        "I live at 221B Baker Street, London",
        "Flat 3, 14 Elm Road, Leeds LS1 4AP",
        "1600 Pennsylvania Avenue, Washington, DC 20500",
    ],
)
def test_street_addresses_are_found(text):
    assert "pii.address" in categories(text)


@pytest.mark.parametrize(
    "text", ["I live near Aarhus", "jeg går på gymnasiet", "we walked 2 miles down the road"]
)
def test_towns_and_public_places_alone_are_allowed(text):
    assert check(text, "chat").action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "min snap er anna_j03",
        "add me on insta @anna.j",
        "følg mig på tiktok: @stjerneskud",
        "instagram.com/anna.jensen",
        "discord: anna#1234",
        "add me on snap",
    ],
)
def test_social_handles_and_profile_links_are_found(text):
    assert "pii.social" in categories(text)


def test_mentioning_a_platform_is_allowed():
    assert check("Jeg slettede snapchat og det hjalp mig meget", "chat").action == "allow"


@pytest.mark.parametrize(
    "text",
    [
        "jeg går på Viborg Katedralskole",
        "I work at the Netto in Odense",
        "jeg arbejder i Føtex i Herning",
        "jeg læser på Aarhus Universitet",
        "I study at the University of Copenhagen",
        "jeg går på Skovvangskolen i Aarhus",
    ],
)
def test_school_or_workplace_with_town_is_found(text):
    assert "pii.school" in categories(text)


def test_workplace_type_with_a_town_but_no_name_is_allowed():
    assert check("I work in a café near Leeds", "chat").action == "allow"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("min psykolog Henrik siger det går fremad", "Henrik"),
        ("my caseworker Sarah Jones called", "Sarah Jones"),
        ("min psykolog henrik er sød", "henrik"),
        ("min far Per er syg", "Per"),
        ("Anna Jensen er min veninde", "Anna Jensen"),
        ("my teacher Mr. Hughes called my parents", "Hughes"),
    ],
)
def test_names_of_others_are_found_with_high_severity(text, name):
    verdict = check(text, "chat")
    assert verdict.action == "block"
    assert [(f.category, f.severity, f.text) for f in verdict.findings] == [
        ("pii.name", "high", name)
    ]


def test_a_lone_first_name_goes_to_review():
    verdict = check("jeg snakkede med Henrik i går", "chat")
    assert verdict.action == "review"
    assert verdict.findings[0].severity == "low"


@pytest.mark.parametrize(
    "text",
    [
        "Per dag spiser jeg tre måltider",
        "min far per mail er bedst",
        "Bo alene er svært",
        "I will ask my mum",
        "I hope you have a good day",
        "Grace and joy came back into my life",
        "Mark your calendar",
        "I will be there in May",
        "min psykolog sagde at det går fremad",
        "my psychologist said I am doing well",
        "Sankt Hans aften er min yndlingsaften",
    ],
)
def test_names_that_are_also_words_need_capitals_and_context(text):
    assert "pii.name" not in categories(text)


def test_an_ambiguous_name_counts_when_capitalised_mid_sentence():
    assert "pii.name" in categories("jeg var sammen med Per i går")
