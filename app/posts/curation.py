"""Coordinators: the list of topics and the peer of the week."""

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from app.clock import now
from app.extensions import db
from app.forms import form_page, form_status, show_problems
from app.permissions import require
from community.errors import ValidationFailed
from community.posts.curation import (
    add_topic,
    all_topics,
    feature_peer,
    rename_topic,
    set_topic_active,
)
from community.posts.reading import peer_by_alias

bp = Blueprint("curate", __name__, url_prefix="/manage")
bp.before_request(require("topics.manage"))


class TopicForm(FlaskForm):
    slug = StringField(_l("Short name in the address"), validators=[DataRequired(), Length(max=40)])
    name_da = StringField(_l("Name in Danish"), validators=[DataRequired(), Length(max=60)])
    name_en = StringField(_l("Name in English"), validators=[DataRequired(), Length(max=60)])


@bp.route("/topics", methods=["GET", "POST"])
@form_page(TopicForm, "posts/topics_manage.html")
def topics() -> Response | tuple[str, int]:
    form = TopicForm()
    if form.validate_on_submit():
        try:
            add_topic(
                db.session,
                current_user,
                slug=form.slug.data,
                name_da=form.name_da.data,
                name_en=form.name_en.data,
                now=now(),
            )
        except ValidationFailed as error:
            show_problems(form, error)
        else:
            flash(_("The topic is added."), "success")
            return redirect(url_for("curate.topics"))
    listed = all_topics(db.session, current_user)
    return render_template("posts/topics_manage.html", form=form, topics=listed), form_status(form)


@bp.post("/topics/<int:topic_id>")
def change_topic(topic_id: int) -> Response:
    if "active" in request.form:
        set_topic_active(db.session, current_user, topic_id, request.form["active"] == "1", now())
    else:
        rename_topic(
            db.session,
            current_user,
            topic_id,
            name_da=request.form.get("name_da", ""),
            name_en=request.form.get("name_en", ""),
            now=now(),
        )
    flash(_("Saved."), "success")
    return redirect(url_for("curate.topics"))


@bp.post("/peers/<alias>/feature")
def feature(alias: str) -> Response:
    feature_peer(db.session, current_user, peer_by_alias(db.session, alias), now())
    flash(_("%(alias)s is now the peer of the week.", alias=alias), "success")
    return redirect(url_for("read.profile", alias=alias))
