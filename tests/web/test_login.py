"""Signing in and out, remember me, password and alias changes."""

from sqlalchemy import select

from community.accounts.models import LoginSession, User
from tests.conftest import PASSWORD


def test_sign_in_by_alias_or_email(client, make_user):
    user = make_user("Havørn", email="orn@example.test")
    for login in ("havørn", "ORN@example.test"):
        response = client.submit("/login", {"login": login, "password": PASSWORD})
        assert response.status_code == 302
        assert "Havørn" in client.get("/").get_data(as_text=True)
        client.submit("/logout")
    assert user.id


def test_wrong_password_and_unknown_account_get_the_same_message(client, make_user):
    make_user("Havørn")
    wrong = client.submit("/login", {"login": "Havørn", "password": "not-the-password"})
    unknown = client.submit("/login", {"login": "Nobody", "password": "not-the-password"})
    assert wrong.status_code == unknown.status_code == 422

    def message(page):
        text = page.get_data(as_text=True)
        start = text.find('id="password-error">')
        return text[start : text.find("</p>", start)]

    assert message(wrong)
    assert message(wrong) == message(unknown)


def test_remember_me_sets_a_lasting_cookie_only_when_asked(client, make_user):
    make_user("Havørn")
    client.submit("/login", {"login": "Havørn", "password": PASSWORD})
    assert client.get_cookie("remember_token") is None
    client.submit("/logout")
    client.submit("/login", {"login": "Havørn", "password": PASSWORD, "remember": "y"})
    cookie = client.get_cookie("remember_token")
    assert cookie is not None
    assert cookie.http_only
    assert cookie.expires is not None


def test_logout_ends_the_login_on_the_server(app, login_as, make_user, session):
    user = make_user("Havørn")
    client = login_as(user)
    stolen = client.get_cookie("session").value
    client.submit("/logout")
    assert session.scalar(select(LoginSession)) is None
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/settings").status_code == 302  # back to the login page


def test_remember_cookie_stops_working_after_logout(app, client, make_user):
    make_user("Havørn")
    client.submit("/login", {"login": "Havørn", "password": PASSWORD, "remember": "y"})
    remembered = client.get_cookie("remember_token").value
    client.submit("/logout")
    thief = app.test_client()
    thief.set_cookie("remember_token", remembered)
    assert thief.get("/settings").status_code == 302


def test_changing_password_ends_every_other_login_but_this_one(login_as, make_user, session):
    user = make_user("Havørn")
    here = login_as(user)
    elsewhere = login_as(user)
    response = here.submit(
        "/settings/password",
        {
            "current_password": PASSWORD,
            "new_password": "en-helt-ny-kode-2026",
            "new_password_confirm": "en-helt-ny-kode-2026",
        },
    )
    assert response.status_code == 302
    assert here.get("/settings").status_code == 200
    assert elsewhere.get("/settings").status_code == 302
    assert session.scalar(select(LoginSession.id).where(LoginSession.user_id == user.id))


def test_changing_password_needs_the_current_one(login_as, make_user):
    client = login_as(make_user("Havørn"))
    page = client.submit(
        "/settings/password",
        {
            "current_password": "wrong-wrong-wrong",
            "new_password": "en-helt-ny-kode-2026",
            "new_password_confirm": "en-helt-ny-kode-2026",
        },
    )
    assert page.status_code == 422
    assert 'id="current_password-error"' in page.get_data(as_text=True)


def test_alias_can_be_changed_and_is_checked(login_as, make_user, session):
    make_user("Taget")
    user = make_user("Havørn")
    client = login_as(user)
    taken = client.submit("/settings/alias", {"alias": "taget"})
    assert taken.status_code == 422
    assert client.submit("/settings/alias", {"alias": "Bølgen"}).status_code == 302
    assert session.get(User, user.id).alias == "Bølgen"
    assert client.submit("/login", {"login": "Bølgen", "password": PASSWORD}).status_code == 302


def test_next_parameter_cannot_send_a_user_to_another_site(client, make_user):
    make_user("Havørn")
    response = client.submit(
        "/login?next=//evil.example/steal", {"login": "Havørn", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/"
