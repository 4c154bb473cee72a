"""Account pages: sign up, sign in and out, settings, consent, avatar pictures."""

from flask import Blueprint, Response, flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.account.forms import (
    AliasForm,
    ConfirmForm,
    ConsentForm,
    DeleteAccountForm,
    LoginForm,
    PasswordForm,
    ProfileForm,
    SignUpForm,
)
from app.account.uploads import read_upload
from app.auth import sign_in, sign_out
from app.clock import now
from app.context import account_rules
from app.extensions import db
from app.forms import form_page, form_status, show_problems
from app.navigation import safe_next
from app.sessions_ended import close_sockets_of
from community.accounts.data_rights import delete_account, export_account_data
from community.accounts.logins import authenticate, change_password, token_hash
from community.accounts.services import (
    ProfileInput,
    SignUpInput,
    avatar_image,
    change_alias,
    pending_description,
    sign_up,
    update_profile,
)
from community.consent import accept_current, pending_consent
from community.errors import ValidationFailed

bp = Blueprint("account", __name__)


@bp.route("/signup", methods=["GET", "POST"])
@form_page(SignUpForm, "account/signup.html")
def signup() -> Response | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = SignUpForm()
    if form.validate_on_submit():
        data = SignUpInput(
            alias=form.alias.data,
            email=form.email.data,
            password=form.password.data,
            birth_year=form.birth_year.data,
            municipality_code=form.municipality.data,
            accepted_guidelines=form.accept_guidelines.data,
            accepted_privacy=form.accept_privacy.data,
            description=form.description.data or "",
            avatar=read_upload(form.avatar.data),
        )
        try:
            user = sign_up(db.session, account_rules(), data, now())
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            sign_in(user, remember=False)
            flash(_("Welcome, %(alias)s! You are signed in.", alias=user.alias), "success")
            return redirect(url_for("main.index"))
    return render_template("account/signup.html", form=form), form_status(form)


@bp.route("/login", methods=["GET", "POST"])
@form_page(LoginForm, "account/login.html")
def login() -> Response | tuple[str, int]:
    if current_user.is_authenticated:
        return redirect(safe_next())
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = authenticate(
                db.session, account_rules(), form.login.data, form.password.data, now=now()
            )
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            sign_in(user, remember=form.remember.data)
            return redirect(safe_next())
    return render_template("account/login.html", form=form), form_status(form)


@bp.post("/logout")
def logout() -> Response:
    if ConfirmForm().validate_on_submit():
        ended = sign_out()
        close_sockets_of([ended] if ended else [])
        flash(_("You are signed out. Take care."), "info")
    return redirect(url_for("main.index"))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
@form_page(ProfileForm, "account/settings.html")
def settings() -> Response | tuple[str, int]:
    pending = pending_description(db.session, current_user)
    shown = pending.text if pending else current_user.description or ""
    form = ProfileForm(data={"municipality": current_user.municipality_code, "description": shown})
    if form.validate_on_submit():
        data = ProfileInput(
            municipality_code=form.municipality.data,
            description=form.description.data or "",
            avatar=read_upload(form.avatar.data),
            remove_avatar=form.remove_avatar.data,
        )
        try:
            update_profile(db.session, account_rules(), current_user, data, now())
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            flash(
                _("Saved. New texts and pictures are shown once a moderator has looked at them."),
                "success",
            )
            return redirect(url_for("account.settings"))
    return render_template("account/settings.html", form=form, pending=pending), form_status(form)


@bp.route("/settings/password", methods=["GET", "POST"])
@login_required
@form_page(PasswordForm, "account/password.html")
def password() -> Response | tuple[str, int]:
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            ended = change_password(
                db.session,
                account_rules(),
                current_user,
                current_password=form.current_password.data,
                new_password=form.new_password.data,
                now=now(),
            )
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            close_sockets_of(ended)
            flash(_("Your password is changed. You are signed out everywhere else."), "success")
            return redirect(url_for("account.settings"))
    return render_template("account/password.html", form=form), form_status(form)


@bp.route("/settings/alias", methods=["GET", "POST"])
@login_required
@form_page(AliasForm, "account/alias.html")
def alias() -> Response | tuple[str, int]:
    form = AliasForm()
    if form.validate_on_submit():
        try:
            change_alias(db.session, account_rules(), current_user, form.alias.data, now())
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            flash(_("Your alias is now %(alias)s.", alias=current_user.alias), "success")
            return redirect(url_for("account.settings"))
    return render_template("account/alias.html", form=form), form_status(form)


@bp.route("/consent", methods=["GET", "POST"])
@login_required
@form_page(ConsentForm, "account/consent.html")
def consent() -> Response | tuple[str, int]:
    form = ConsentForm()
    if form.validate_on_submit():
        try:
            accept_current(
                db.session,
                current_user,
                guidelines=form.accept_guidelines.data,
                privacy=form.accept_privacy.data,
                now=now(),
            )
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            return redirect(safe_next())
    pending = pending_consent(db.session, current_user)
    return render_template("account/consent.html", form=form, pending=pending), form_status(form)


@bp.get("/settings/data.json")
@login_required
def download_data() -> Response:
    response = jsonify(export_account_data(db.session, current_user, now()))
    response.headers["Content-Disposition"] = 'attachment; filename="ungtilung-data.json"'
    return response


@bp.route("/settings/delete", methods=["GET", "POST"])
@login_required
@form_page(DeleteAccountForm, "account/delete.html")
def delete() -> Response | tuple[str, int]:
    form = DeleteAccountForm()
    if form.validate_on_submit():
        token = current_user.get_id()
        try:
            ended = delete_account(
                db.session, account_rules(), current_user, password=form.password.data, now=now()
            )
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            sign_out()
            close_sockets_of([*ended, token_hash(token)])
            flash(_("Your account and everything in it is deleted. Take care of yourself."), "info")
            return redirect(url_for("main.index"))
    return render_template("account/delete.html", form=form), form_status(form)


@bp.get("/avatar/<int:avatar_id>.jpg")
def avatar(avatar_id: int) -> Response:
    picture = avatar_image(db.session, current_user, avatar_id)
    response = Response(picture.image, mimetype=picture.mime_type)
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response
