"""The moderation console: what waits, crisis first, and one decision per item."""

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.clock import now
from app.context import reference
from app.extensions import db
from app.forms import show_problems
from app.i18n import pick, translate
from app.permissions import require
from app.review_hooks import run_after_decision
from community.errors import Conflict, ValidationFailed
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
    return int(text) if text.isascii() and text.isdecimal() else -1
