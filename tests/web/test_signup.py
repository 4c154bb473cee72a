"""Signing up: what a new person sees, what is stored, and every refusal beside its field."""

import io

import pytest
from PIL import Image
from sqlalchemy import select

from community.accounts.models import Avatar, User
from community.consent import ConsentRecord
from community.review.models import ReviewItem


def signup_form(**changes: object) -> dict:
    form = {
        "alias": "StilleSol",
        "email": "sol@example.test",
        "password": "rolig-morgen-ved-havet",
        "password_confirm": "rolig-morgen-ved-havet",
        "birth_year": "2005",
        "municipality": "0219",
        "description": "",
        "accept_guidelines": "y",
        "accept_privacy": "y",
    }
    form.update(changes)
    if "password" in changes and "password_confirm" not in changes:
        form["password_confirm"] = changes["password"]
    return {k: v for k, v in form.items() if v is not None}


def error_beside(page: str, field: str) -> str:
    """The error text rendered beside ``field`` (empty if none)."""
    marker = f'id="{field}-error">'
    start = page.find(marker)
    return "" if start < 0 else page[start + len(marker) : page.find("</p>", start)]


def test_sign_up_creates_a_follower_and_signs_them_in(client, session, clock):
    response = client.submit("/signup", signup_form(), follow_redirects=True)
    assert response.status_code == 200
    assert "StilleSol" in response.get_data(as_text=True)
    user = session.scalar(select(User).where(User.alias == "StilleSol"))
    assert user.email == "sol@example.test"
    assert user.roles == []
    assert user.tasks == []
    assert user.password_hash.startswith("$argon2id$")


def test_sign_up_stores_the_accepted_versions_and_time(client, session, clock):
    client.submit("/signup", signup_form())
    records = session.scalars(select(ConsentRecord)).all()
    assert {(r.document, r.version) for r in records} == {("guidelines", 1), ("privacy", 1)}
    assert all(abs((r.accepted_at - clock()).total_seconds()) < 60 for r in records)


@pytest.mark.parametrize("missing", ["accept_guidelines", "accept_privacy"])
def test_sign_up_requires_both_consents(client, session, missing):
    response = client.submit("/signup", signup_form(**{missing: None}))
    assert response.status_code == 422
    assert error_beside(response.get_data(as_text=True), missing)
    assert session.scalar(select(User)) is None


@pytest.mark.parametrize(
    ("alias", "reason_word"),
    [
        ("stillesol", "already"),  # taken, whatever the case
        ("Stille.Sol", "already"),  # taken, whatever the separators
        ("admin", "reserved"),
        ("ab", "3 to 24"),
        ("hej!!", "letters"),
    ],
)
def test_alias_is_refused_with_the_reason(client, make_user, alias, reason_word):
    make_user("StilleSol")
    client.get("/")  # English for readable assertions
    client.submit("/language", {"lang": "en"})
    page = client.submit("/signup", signup_form(alias=alias, email="new@example.test"))
    assert page.status_code == 422
    assert reason_word in error_beside(page.get_data(as_text=True), "alias")


@pytest.mark.parametrize(
    "alias",
    ["Anna Jensen", "anna.jensen@gmail.com", "22334455", "+45 22 33 44 55", "fuckface"],
)
def test_alias_that_identifies_or_offends_is_refused(client, session, alias):
    page = client.submit("/signup", signup_form(alias=alias))
    assert page.status_code == 422
    assert error_beside(page.get_data(as_text=True), "alias")
    assert session.scalar(select(User)) is None


@pytest.mark.parametrize(
    ("alias", "reason_word"),
    [("nazi", "Slurs"), ("NaziKing", "Slurs"), ("annajensen gmail com", "e-mail address")],
)
def test_hate_words_and_spaced_e_mail_addresses_are_refused_as_aliases(
    client, session, alias, reason_word
):
    client.submit("/language", {"lang": "en"})
    page = client.submit("/signup", signup_form(alias=alias))
    assert page.status_code == 422
    assert reason_word in error_beside(page.get_data(as_text=True), "alias")
    assert session.scalar(select(User)) is None


@pytest.mark.parametrize(
    ("language", "expected", "not_expected"),
    [
        ("en", "This alias looks like a real name.", "do not name other people"),
        ("da", "Dette alias ligner et rigtigt navn.", "Nævn ikke andre"),
    ],
)
def test_an_alias_that_looks_like_a_real_name_is_refused_as_such(
    client, language, expected, not_expected
):
    client.submit("/language", {"lang": language})
    page = client.submit("/signup", signup_form(alias="Anna Jensen"))
    reason = error_beside(page.get_data(as_text=True), "alias")
    assert expected in reason
    assert not_expected not in reason


def test_duplicate_email_is_refused_beside_the_field(client, make_user):
    make_user("Someone", email="sol@example.test")
    page = client.submit("/signup", signup_form(email="SOL@example.test"))
    assert page.status_code == 422
    assert error_beside(page.get_data(as_text=True), "email")


@pytest.mark.parametrize(
    "password",
    ["short", "password123", "qwertyuiop", "x" * 129, "stillesol"],
    ids=["too-short", "common", "common-keyboard", "too-long", "same-as-alias"],
)
def test_weak_passwords_are_refused(client, session, password):
    page = client.submit("/signup", signup_form(password=password))
    assert page.status_code == 422
    assert error_beside(page.get_data(as_text=True), "password")
    assert session.scalar(select(User)) is None


@pytest.mark.parametrize("age", [14, 36])
def test_ages_outside_the_range_are_refused(client, clock, age):
    page = client.submit("/signup", signup_form(birth_year=str(clock().year - age)))
    assert page.status_code == 422
    assert error_beside(page.get_data(as_text=True), "birth_year")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("birth_year", "nineteen"),
        ("municipality", "9999"),
        ("alias", "a" * 25),
        ("email", "a" * 250 + "@x.dk"),
        ("email", "not-an-address"),
        ("description", "Jeg kan lide at tegne. " * 50),
    ],
)
def test_bad_input_gets_a_message_beside_the_field_not_an_error_page(client, session, field, value):
    page = client.submit("/signup", signup_form(**{field: value}))
    assert page.status_code == 422
    assert error_beside(page.get_data(as_text=True), field)
    assert session.scalar(select(User)) is None


def test_missing_csrf_token_keeps_what_was_typed(client, session):
    page = client.post("/signup", data=signup_form(alias="KeepMe"))
    text = page.get_data(as_text=True)
    assert page.status_code == 400
    assert 'value="KeepMe"' in text
    assert 'class="form-errors"' in text
    assert session.scalar(select(User)) is None


def _image(fmt: str = "JPEG", size: tuple[int, int] = (400, 300), exif: bool = False) -> bytes:
    picture = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "SpyCam Ltd"  # camera maker
        data[0x8825] = {1: "N", 2: (55.0, 40.0, 30.0)}  # GPS latitude: where the photo was taken
        picture.save(out, format=fmt, exif=data)
    else:
        picture.save(out, format=fmt)
    return out.getvalue()


def test_avatar_is_reencoded_without_exif_and_waits_for_a_moderator(client, session):
    original = _image(exif=True)
    assert b"SpyCam" in original
    form = signup_form()
    form["avatar"] = (io.BytesIO(original), "me.jpg")
    response = client.submit("/signup", form, content_type="multipart/form-data")
    assert response.status_code == 302
    avatar = session.scalar(select(Avatar))
    assert avatar.state == "pending"
    assert b"SpyCam" not in avatar.image
    with Image.open(io.BytesIO(avatar.image)) as stored:
        assert stored.size == (256, 256)
        assert not stored.getexif()
    item = session.scalar(select(ReviewItem).where(ReviewItem.subject_type == "avatar"))
    assert item.status == "open"


@pytest.mark.parametrize(
    ("payload", "name"),
    [
        (b"this is not a picture at all", "fake.jpg"),
        (b"GIF89a" + b"\x00" * 20, "broken.gif"),
        (_image("JPEG")[:200], "truncated.jpg"),
    ],
)
def test_a_file_that_is_not_an_image_is_refused_beside_the_field(client, session, payload, name):
    form = signup_form()
    form["avatar"] = (io.BytesIO(payload), name)
    page = client.submit("/signup", form, content_type="multipart/form-data")
    assert page.status_code == 422
    assert error_beside(page.get_data(as_text=True), "avatar")
    assert session.scalar(select(User)) is None


def test_an_image_over_two_megabytes_is_refused_beside_the_field(client, session):
    big = Image.effect_noise((1000, 1000), 100).convert("RGB")
    out = io.BytesIO()
    big.save(out, format="PNG")
    assert 2 * 1024 * 1024 < len(out.getvalue()) < 8 * 1024 * 1024
    form = signup_form()
    form["avatar"] = (io.BytesIO(out.getvalue()), "big.png")
    page = client.submit("/signup", form, content_type="multipart/form-data")
    assert page.status_code == 422
    assert "2 MB" in error_beside(page.get_data(as_text=True), "avatar")


def test_a_request_over_the_upload_limit_gets_a_friendly_page(client):
    form = signup_form()
    form["avatar"] = (io.BytesIO(b"x" * (9 * 1024 * 1024)), "huge.jpg")
    page = client.submit("/signup", form, content_type="multipart/form-data")
    assert page.status_code == 413
    assert "2 MB" in page.get_data(as_text=True)


def test_fields_carry_only_the_aria_attributes_that_apply(client):
    # WTForms writes None as the text "None"; aria-invalid="None" reads as invalid.
    fresh = client.get("/signup").get_data(as_text=True)
    assert '="None"' not in fresh
    assert "aria-invalid" not in fresh
    refused = client.submit("/signup", {"alias": "22 33 44 55"}).get_data(as_text=True)
    assert '="None"' not in refused
    assert 'aria-invalid="true"' in refused
