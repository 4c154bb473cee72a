"""Swear words (censored in chat and comments), links and spam, per content kind."""

from __future__ import annotations

import pytest

from moderation import check
from moderation.wordlists import better_profanity_words


def test_profanity_is_masked_in_chat_and_allowed():
    text = "fuck det her lort, jeg er så træt"
    verdict = check(text, "chat")
    assert verdict.action == "allow"
    assert verdict.display_text == "**** det her ****, jeg er så træt"
    assert {f.category for f in verdict.findings} == {"profanity"}


def test_profanity_is_masked_in_comments():
    verdict = check("for helvede hvor er det godt skrevet", "comment")
    assert verdict.action == "allow"
    assert verdict.display_text == "*** ******* hvor er det godt skrevet"


@pytest.mark.parametrize(("kind", "action"), [("post", "review"), ("profile", "review")])
def test_profanity_in_posts_and_profiles_goes_to_review(kind, action):
    verdict = check("what a fucking day", kind)
    assert verdict.action == action
    assert verdict.display_text is None


def test_profanity_in_an_alias_blocks():
    assert check("fuuuuck_det_hele", "alias").action == "block"


def test_text_without_swearing_has_no_display_text():
    assert check("en helt almindelig besked", "chat").display_text is None


@pytest.mark.parametrize(
    "text",
    [
        "skidt vejr i dag",
        "Scunthorpe is a town",
        "I live in Hellerup",
        "the bass was too loud in class",
        "my assessment went well",
        "det er slut med at gemme sig",
        "i fuld fart ned ad bakken",
        "jeg ser ham tit",
    ],
)
def test_innocent_words_are_not_swearing(text):
    assert check(text, "chat").findings == ()


def test_better_profanity_list_is_read_from_the_installed_package():
    # (test_interface checks in a fresh process that the package is never imported)
    path, words = better_profanity_words()
    assert path is not None
    assert path.name == "profanity_wordlist.txt"
    assert "fuck" in words


@pytest.mark.parametrize(
    "text",
    ["see https://www.example.com/page", "look at example.org", "www.example.net/x"],
)
def test_external_links_go_to_review(text):
    verdict = check(text, "comment")
    assert verdict.action == "review"
    assert verdict.categories == ["link.external"]


@pytest.mark.parametrize(
    "text",
    [
        "læs mere på sundhed.dk",
        "https://www.livslinien.dk/hjaelp",
        "se psykiatrifonden.dk og bornetelefonen.dk",
        "https://headspace.dk/",
    ],
)
def test_allowlisted_health_sites_are_allowed(text):
    assert check(text, "comment").action == "allow"


def test_a_link_in_an_alias_blocks():
    assert check("www.example.dk", "alias").action == "block"


def test_profile_links_are_social_and_external():
    verdict = check("find me at instagram.com/anna.jensen", "comment")
    assert verdict.action == "block"
    assert set(verdict.categories) == {"pii.social", "link.external"}


@pytest.mark.parametrize(
    "text",
    [
        "follow for follow!!",
        "F4F anyone?",
        "earn 500 dollars a day from home",
        "tjen 2000 kr om dagen hjemmefra",
        "KØB BILLIGE FØLGERE NU KØB BILLIGE FØLGERE NU KØB BILLIGE FØLGERE NU",
        "first!!! first!!! first!!! first!!! first!!! first!!! first!!!",
    ],
)
def test_spam_is_blocked_in_chat(text):
    verdict = check(text, "chat")
    assert verdict.action == "block"
    assert "spam" in verdict.categories


def test_spam_goes_to_review_in_comments():
    assert check("follow for follow", "comment").action == "review"


def test_many_links_are_spam():
    text = "see a.example.com and b.example.com and c.example.com"
    assert {"spam", "link.external"} <= set(check(text, "comment").categories)
