"""The moderation console: what waits, crisis first, and one decision per item."""

from typing import Any

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.clock import now
from app.context import reference
from app.extensions import db
from app.forms import form_page, form_status, show_problems
from app.i18n import pick, translate
from app.permissions import require
from app.review_hooks import run_after_decision
from app.sessions_ended import close_sockets_of
from app.templating import guideline_title
from community.accounts.suspensions import (
    SUSPENSION_DAYS_MAX,
    lift_suspension,
    suspend_user,
    suspension_page,
    user_by_alias,
)
from community.errors import Conflict, ValidationFailed
from community.numbers import whole_number
from community.review.console import item_detail, queue_page
from community.review.services import perform

bp = Blueprint("moderation", __name__, url_prefix="/moderation")
bp.before_request(require("review.view_queue"))


class DecisionForm(FlaskForm):
    action = StringField(validators=[DataRequired()])
    reason = SelectField(_l("Ready-made reason"), validate_choice=False, validators=[Optional()])
    guideline = IntegerField(_l("Guideline"), validators=[Optional(), NumberRange(1, 8)])
    note = TextAreaField(_l("Note to the author"), validators=[Optional(), Length(max=2000)])
    version = HiddenField()

    def set_reasons(self) -> None:
        self.reason.choices = [("", "–")] + [
            (r.key, f"{r.guideline}. {pick(r.text)[:80]}") for r in reference().canned_reasons
        ]


class SuspendForm(FlaskForm):
    days = IntegerField(_l("Days (1–%(max)d)", max=SUSPENSION_DAYS_MAX), validators=[Optional()])
    guideline = SelectField(_l("Guideline"), validate_choice=False)
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=1000)])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guideline.choices = [("", "–")] + [
            (str(n), f"{n}. {guideline_title(n)}") for n in range(1, 9)
        ]


@bp.get("")
def queue() -> str:
    kinds = request.args.getlist("kind")
    listing = queue_page(
        db.session,
        current_user,
        subject_types=kinds or None,
        cursor=request.args.get("after") or None,
    )
    return render_template(
        "moderation/queue.html",
        page=listing.items,
        kinds=kinds,
        summary=listing.summary,
        excerpts=listing.excerpts,
    )


@bp.route("/items/<int:item_id>", methods=["GET", "POST"])
def item(item_id: int) -> Response | tuple[str, int]:
    form = DecisionForm()
    form.set_reasons()
    status = 200
    if form.validate_on_submit():
        canned = reference().canned_reason(form.reason.data or "")
        guideline = form.guideline.data or (canned.guideline if canned else None)
        note = "\n\n".join(x for x in (pick(canned.text) if canned else "", form.note.data) if x)
        try:
            decided = perform(
                db.session,
                current_user,
                item_id,
                form.action.data,
                now=now(),
                guideline=guideline,
                reason=canned.key if canned else None,
                note=note or None,
                expected_version=_expected_version(form.version.data),
            )
        except ValidationFailed as error:
            db.session.rollback()
            show_problems(form, error)
            status = error.status
        except Conflict as error:
            db.session.rollback()
            form.form_errors.append(translate(error.message, error.params))
            status = error.status
        else:
            run_after_decision(decided)
            flash(_("Decided. Here is the next item."), "success")
            return redirect(url_for("moderation.queue"))
    detail = item_detail(db.session, current_user, item_id)
    return render_template("moderation/item.html", detail=detail, form=form), status


def _expected_version(text: str | None) -> int | None:
    """The item version the page was showing; a mangled one can match no version,
    so the decision is refused as made on a changed item."""
    if not text:
        return None
    number = whole_number(text)
    return -1 if number is None else number


def _user_page(alias: str) -> dict[str, Any]:
    return {"page": suspension_page(db.session, current_user, alias, now())}


@bp.route("/users/<alias>", methods=["GET", "POST"])
@form_page(SuspendForm, "moderation/user.html", _user_page)
def user(alias: str) -> Response | tuple[str, int]:
    """A person as moderators see them, with the form to suspend the account."""
    form = SuspendForm()
    if form.validate_on_submit():
        target = user_by_alias(db.session, current_user, alias)
        try:
            done = suspend_user(
                db.session,
                current_user,
                target,
                days=form.days.data,
                guideline=form.guideline.data,
                reason=form.reason.data or "",
                now=now(),
            )
        except ValidationFailed as error:
            db.session.rollback()
            show_problems(form, error)
        else:
            close_sockets_of(done.ended_logins)
            until = format_datetime(done.suspension.until, "short")
            flash(
                _("%(alias)s is suspended until %(until)s.", alias=target.alias, until=until),
                "success",
            )
            return redirect(url_for("moderation.user", alias=target.alias))
    extra = _user_page(alias)
    return render_template("moderation/user.html", form=form, **extra), form_status(form)


@bp.post("/users/<alias>/lift")
def lift(alias: str) -> Response:
    target = user_by_alias(db.session, current_user, alias)
    lift_suspension(db.session, current_user, target, now=now())
    flash(
        _("The suspension is lifted. %(alias)s can sign in again.", alias=target.alias), "success"
    )
    return redirect(url_for("moderation.user", alias=target.alias))
