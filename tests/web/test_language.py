"""Danish by default, English as a remembered choice, both catalogues complete."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from community.accounts.models import User

TRANSLATIONS = Path(__file__).resolve().parents[2] / "app" / "translations"


def test_pages_are_danish_by_default(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="da">' in page
    assert "Unge hjælper unge" in page


def test_a_visitor_choice_of_english_is_remembered(client):
    response = client.submit("/language?next=/guidelines", {"lang": "en"})
    assert response.headers["Location"] == "/guidelines"
    assert "Ethical guidelines" in client.get("/guidelines").get_data(as_text=True)
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_a_signed_in_choice_follows_the_user_to_another_device(login_as, make_user, session):
    user = make_user("Havørn")
    login_as(user).submit("/language", {"lang": "en"})
    assert session.scalar(select(User.locale).where(User.id == user.id)) == "en"
    other_device = login_as(user)
    assert '<html lang="en">' in other_device.get("/").get_data(as_text=True)


def test_an_unknown_language_is_ignored(client):
    client.submit("/language", {"lang": "xx"})
    assert '<html lang="da">' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("language", ["da", "en"])
def test_catalogue_translates_every_message_in_the_template(language):
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    template = {m[0] if isinstance(m, tuple) else m for m in template}
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalogue = read_po(handle)

    def translated(message) -> bool:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        return all(strings)

    missing = [m for m in template if m not in catalogue or not translated(catalogue[m])]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not missing, f"{language}: untranslated {sorted(map(str, missing))[:10]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:10]}"


def test_the_template_holds_every_message_in_the_code(tmp_path):
    from babel.messages.frontend import CommandLineInterface

    fresh = tmp_path / "fresh.pot"
    root = TRANSLATIONS.parents[1]
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(root / "babel.cfg"),
            "-k",
            "N_",
            "-k",
            "_l",
            "--no-location",
            "-o",
            str(fresh),
            str(root),
        ]
    )
    with fresh.open("rb") as handle:
        in_code = {m.id for m in read_po(handle) if m.id}
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        in_template = {m.id for m in read_po(handle) if m.id}
    assert not in_code - in_template, "run `make translations-update` and translate"
