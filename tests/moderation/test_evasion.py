"""Evasions: Unicode tricks, leetspeak, repeated and spaced letters. Findings must still
point at the characters the author wrote."""

from __future__ import annotations

import pytest

from moderation import check


def only_finding(text: str, kind: str = "chat"):
    verdict = check(text, kind)
    assert len(verdict.findings) == 1, verdict.findings
    return verdict.findings[0]


def test_fullwidth_letters_are_normalised():
    finding = only_finding("ｓｅｎｄ ｎｕｄｅｓ")
    assert finding.category == "harm.sexual"
    assert (finding.start, finding.end) == (0, 10)


def test_zero_width_characters_are_ignored_and_offsets_kept():
    text = "hej! send nu\u200bdes pls"
    finding = only_finding(text)
    assert finding.category == "harm.sexual"
    assert text[finding.start : finding.end] == "send nu\u200bdes"


def test_soft_hyphen_inside_a_number_is_ignored():
    text = "ring 2233\u00ad4455"
    finding = only_finding(text)
    assert finding.category == "pii.phone"
    assert text[finding.start : finding.end] == "2233\u00ad4455"


def test_cyrillic_look_alike_letters_are_read_as_latin():
    text = "min ѕnар er anna_j03"  # Cyrillic s, a and p
    finding = only_finding(text)
    assert finding.category == "pii.social"
    assert text[finding.start : finding.end].endswith("anna_j03")


def test_greek_look_alike_letters_are_read_as_latin():
    assert check("kill yοurself", "chat").action == "block"  # Greek omicron


@pytest.mark.parametrize("text", ["k1ll y0urs3lf", "dr4b d1g s3lv", "j3g sl4r d1g 1hj3l"])
def test_leetspeak_is_read(text):
    assert check(text, "chat").action == "block"


def test_leetspeak_offsets_point_at_the_original_word():
    text = "okay s3lvm0rd er løsningen"
    finding = only_finding(text)
    assert finding.category == "harm.suicide"
    assert text[finding.start : finding.end] == "s3lvm0rd er løsningen"


def test_danish_letters_typed_as_ae_oe_aa_are_read():
    assert "harm.suicide" in check("hvordan begaar man selvmord", "chat").categories


def test_swapped_danish_letters_are_read():
    assert "harm.suicide" in check("hvordan bægår man sælvmord hurtigst?", "chat").categories


def test_repeated_letters_are_squeezed():
    text = "fuuuuuck det"
    verdict = check(text, "chat")
    assert verdict.findings[0].category == "profanity"
    assert text[verdict.findings[0].start : verdict.findings[0].end] == "fuuuuuck"


def test_repeated_letters_in_harassment_are_read():
    assert check("kyyyyyys loser", "chat").action == "block"


def test_spaced_out_letters_are_joined():
    text = "k y s"
    finding = only_finding(text)
    assert finding.category == "harm.hate"
    assert text[finding.start : finding.end] == "k y s"


def test_spaced_out_handle_platform_is_read():
    assert "pii.social" in check("add me on s n a p: anna_j03", "chat").categories


def test_spaced_out_digits_are_a_phone_number():
    text = "ring 2 2 3 3 4 4 5 5 i aften"
    finding = only_finding(text)
    assert finding.category == "pii.phone"
    assert text[finding.start : finding.end] == "2 2 3 3 4 4 5 5"


def test_digits_written_with_the_letter_o_are_read():
    assert "pii.phone" in check("ring 2O 3O 4O 5O", "chat").categories


def test_spaced_out_email_address_is_found():
    text = "a n n a . j e n s e n @ g m a i l . c o m"
    finding = only_finding(text)
    assert finding.category == "pii.email"
    assert (finding.start, finding.end) == (0, len(text))


def test_combining_accents_do_not_hide_a_word():
    assert check("ki\u0301ll yourself", "chat").action == "block"


def test_offsets_after_a_decomposed_letter_are_right():
    text = "Cafe\u0301 hygge, ring 22334455"
    finding = only_finding(text)
    assert text[finding.start : finding.end] == "22334455"
