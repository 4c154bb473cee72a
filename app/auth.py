"""Flask-Login wired to the server-side login sessions, and the consent gate."""

from datetime import timedelta

from flask import Flask, redirect, request, session, url_for
from flask_login import LoginManager, current_user, login_user, logout_user
from werkzeug.wrappers import Response

from app.clock import now
from app.extensions import db
from community.accounts.logins import end_login, start_login, user_for_token
from community.accounts.models import User, Visitor
from community.consent import current_versions, documents_to_accept

# Pages a user may reach while they still have to accept new guidelines: reading
# them, and leaving instead (signing out, taking their data, deleting the account).
CONSENT_FREE_ENDPOINTS = {
    "static",
    "account.consent",
    "account.logout",
    "account.download_data",
    "account.delete",
    "main.guidelines",
    "main.privacy",
    "main.set_language",
}


def sign_in(user: User, *, remember: bool) -> None:
    """Start a login for ``user`` in this browser."""
    start_login(db.session, user, remember=remember, now=now())
    # Nothing from before sign-in carries over (a planted session is worthless),
    # except the language the visitor chose.
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    login_user(user, remember=remember)


def sign_out() -> str | None:
    """End this browser's login; returns the ended login's hash (None if none)."""
    token = current_user.get_id() if current_user.is_authenticated else None
    language = session.get("lang")
    logout_user()
    session.clear()
    if language:
        session["lang"] = language
    return end_login(db.session, token) if token else None


def init_app(app: Flask, login_manager: LoginManager) -> None:
    login_manager.init_app(app)
    login_manager.anonymous_user = Visitor
    login_manager.login_view = "account.login"
    login_manager.login_message = None
    # Flask-Login's session protection hashes the client address into the cookie;
    # our logins are server-side rows instead, so it is not needed and stays off.
    login_manager.session_protection = None
    # Flask-Login still writes a hash of the client address and browser into the
    # session cookie at sign-in (its ``_id``). An unsalted hash of an IPv4 address
    # is easy to reverse, so nothing derived from the address is written at all.
    login_manager._session_identifier_generator = lambda: ""
    app.config["REMEMBER_COOKIE_DURATION"] = timedelta(
        days=app.config["REMEMBER_COOKIE_DURATION_DAYS"]
    )

    @login_manager.user_loader
    def load_user(token: str) -> User | None:
        return user_for_token(db.session, token, now())

    @app.before_request
    def require_current_consent() -> Response | None:
        if not current_user.is_authenticated or request.endpoint in CONSENT_FREE_ENDPOINTS:
            return None
        if documents_to_accept(current_user, current_versions(db.session)):
            return redirect(url_for("account.consent", next=request.full_path))
        return None
