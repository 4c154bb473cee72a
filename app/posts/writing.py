"""Writing: the editor (save, preview, send), autosave, taking back and withdrawing."""

from flask import Blueprint, Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.clock import now
from app.context import content_rules
from app.extensions import db
from app.forms import form_page, form_status, show_problems
from app.i18n import translate
from app.permissions import require
from app.posts.forms import PostForm
from community.errors import Conflict, ValidationFailed
from community.posts.reading import active_topics, own_posts
from community.posts.writing import (
    DraftInput,
    SubmissionHeld,
    discard_draft,
    revision_for_editing,
    save_draft,
    start_post,
    submit_post,
    take_back,
    withdraw_post,
)

bp = Blueprint("write", __name__)
bp.before_request(require("post.create"))


def _form() -> PostForm:
    form = PostForm()
    form.set_topics(active_topics(db.session))
    return form


def _draft(form: PostForm) -> DraftInput:
    return DraftInput(
        title=form.title.data or "",
        body_html=form.body.data or "",
        helps_text=form.helps.data or "",
        topic_ids=form.topics.data or [],
    )


@bp.route("/write", methods=["GET", "POST"])
@form_page(PostForm, "posts/editor.html")
def new() -> Response | tuple[str, int]:
    form = _form()
    if form.validate_on_submit():
        try:
            revision = start_post(db.session, content_rules(), current_user, _draft(form), now())
        except ValidationFailed as error:
            db.session.rollback()
            show_problems(form, error)
            return render_template("posts/editor.html", form=form, revision=None), error.status
        flash(_("Your draft is saved. Send it when you are ready."), "success")
        return redirect(url_for("write.edit", post_id=revision.post_id))
    return render_template("posts/editor.html", form=form, revision=None), form_status(form)


def _editing_context(post_id: int) -> dict:
    """What the editor of an existing post needs, for a form shown again after its
    CSRF token expired: without it the form would post to "new" and copy the post."""
    return {"revision": revision_for_editing(db.session, current_user, post_id, now())}


@bp.route("/posts/<int:post_id>/edit", methods=["GET", "POST"])
@form_page(PostForm, "posts/editor.html", context=_editing_context)
def edit(post_id: int) -> Response | tuple[str, int] | str:
    revision = revision_for_editing(db.session, current_user, post_id, now())
    form = _form()
    if request.method == "GET":
        form.process(
            data={
                "title": revision.title,
                "body": revision.body_html,
                "helps": revision.helps_text,
                "topics": revision.topic_id_list,
                "version": revision.version,
            }
        )
    elif form.validate_on_submit():
        return _save_or_send(form, post_id)
    return render_template("posts/editor.html", form=form, revision=revision), form_status(form)


def _save_or_send(form: PostForm, post_id: int) -> Response | tuple[str, int]:
    wants_send = "send" in request.form or "send_anyway" in request.form
    args = (db.session, content_rules(), current_user, post_id, _draft(form))
    try:
        if wants_send:
            result = submit_post(
                *args,
                expected_version=form.version.data,
                send_anyway="send_anyway" in request.form,
                now=now(),
            )
            return render_template("posts/sent.html", crisis=result.crisis, post_id=post_id)
        revision = save_draft(*args, expected_version=form.version.data, now=now())
    except SubmissionHeld as held:
        revision = revision_for_editing(db.session, current_user, post_id, now())
        return render_template(
            "posts/editor.html", form=form, revision=revision, check=held.check
        ), 422
    except ValidationFailed as error:
        show_problems(form, error)
        return _editor_again(form, post_id, error.status)
    except Conflict as error:
        form.form_errors.append(translate(error.message, error.params))
        return _editor_again(form, post_id, error.status)
    if "preview" in request.form:
        return render_template("posts/editor.html", form=form, revision=revision, preview=True), 200
    flash(_("Saved."), "success")
    return redirect(url_for("write.edit", post_id=post_id))


def _editor_again(form: PostForm, post_id: int, status: int) -> tuple[str, int]:
    """The editor with what the user typed and the problems, never their text lost."""
    db.session.rollback()
    revision = revision_for_editing(db.session, current_user, post_id, now())
    return render_template("posts/editor.html", form=form, revision=revision), status


@bp.post("/posts/<int:post_id>/autosave")
def autosave(post_id: int) -> Response:
    form = _form()
    if not form.validate_on_submit():
        return jsonify(error=_("The draft could not be saved.")), 400
    revision = save_draft(
        db.session,
        content_rules(),
        current_user,
        post_id,
        _draft(form),
        expected_version=form.version.data,
        now=now(),
    )
    return jsonify(version=revision.version, saved_at=revision.saved_at.isoformat())


@bp.post("/write/autosave")
def autosave_new() -> Response:
    form = _form()
    if not form.validate_on_submit():
        return jsonify(error=_("The draft could not be saved.")), 400
    revision = start_post(db.session, content_rules(), current_user, _draft(form), now())
    return jsonify(
        version=revision.version,
        saved_at=revision.saved_at.isoformat(),
        edit_url=url_for("write.edit", post_id=revision.post_id),
        autosave_url=url_for("write.autosave", post_id=revision.post_id),
    )


@bp.post("/posts/<int:post_id>/take-back")
def take_back_view(post_id: int) -> Response:
    take_back(db.session, current_user, post_id, now())
    flash(_("Your post is back with you as a draft."), "info")
    return redirect(url_for("write.edit", post_id=post_id))


@bp.post("/posts/<int:post_id>/withdraw")
def withdraw(post_id: int) -> Response:
    withdraw_post(db.session, current_user, post_id, now())
    flash(_("Your post is taken down. Nobody else can see it now."), "info")
    return redirect(url_for("write.mine"))


@bp.post("/posts/<int:post_id>/discard")
def discard(post_id: int) -> Response:
    discard_draft(db.session, current_user, post_id, now())
    flash(_("The draft is deleted."), "info")
    return redirect(url_for("write.mine"))


@bp.get("/my/posts")
def mine() -> str:
    page = own_posts(db.session, current_user, cursor=request.args.get("after") or None)
    return render_template("posts/mine.html", page=page)
