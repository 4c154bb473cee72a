"""Home, the ethical guidelines, the privacy notice and the language switch."""

from flask import Blueprint, Response, current_app, redirect, render_template, request, session
from flask_login import current_user

from app.account.forms import ConfirmForm
from app.extensions import db
from app.i18n import current_language
from app.navigation import safe_next
from community.accounts.services import set_locale
from community.consent import current_versions
from community.posts import pages

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
    page = pages.front(db.session, current_user, request.args.get("after") or None)
    return render_template("main/index.html", page=page)


@bp.get("/guidelines")
def guidelines() -> str:
    version = current_versions(db.session)["guidelines"]
    return render_template(f"pages/guidelines_{current_language()}.html", version=version)


@bp.get("/privacy")
def privacy() -> str:
    version = current_versions(db.session)["privacy"]
    return render_template(f"pages/privacy_{current_language()}.html", version=version)


@bp.post("/language")
def set_language() -> Response:
    """Switch language; remembered in the session and, when signed in, on the account."""
    language = request.form.get("lang", "")
    languages = current_app.config["LANGUAGES"]
    if ConfirmForm().validate_on_submit() and language in languages:
        session["lang"] = language
        if current_user.is_authenticated:
            set_locale(db.session, current_user, language, languages)
    return redirect(safe_next())
