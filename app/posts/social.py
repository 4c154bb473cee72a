"""Taking part: likes, comments, reports, follows, notifications."""

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.clock import now
from app.context import content_rules, reference
from app.extensions import db
from app.forms import show_problems
from app.permissions import require
from app.posts.forms import CommentForm, ReportForm
from community.errors import ValidationFailed
from community.notifications import mark_all_read, notifications_of
from community.numbers import whole_number
from community.posts import pages
from community.posts.comments import CommentBlocked, add_comment
from community.posts.reading import peer_by_alias
from community.posts.reports import report_comment, report_post
from community.posts.social import follow_peer, like_post, unfollow_peer, unlike_post

bp = Blueprint("social", __name__)
bp.before_request(require("account.manage"))


def _back_to_post(post_id: int, anchor: str = "") -> Response:
    return redirect(url_for("read.post", post_id=post_id) + anchor)


@bp.post("/posts/<int:post_id>/like")
def like(post_id: int) -> Response:
    like_post(db.session, current_user, post_id, now())
    return _back_to_post(post_id, "#likes")


@bp.post("/posts/<int:post_id>/unlike")
def unlike(post_id: int) -> Response:
    unlike_post(db.session, current_user, post_id)
    return _back_to_post(post_id, "#likes")


@bp.post("/posts/<int:post_id>/comments")
def comment(post_id: int) -> Response | tuple[str, int]:
    form = CommentForm()
    if not form.validate_on_submit():
        return _post_again(post_id, comment_form=form, status=422)
    parent = whole_number(form.parent_id.data)
    try:
        result = add_comment(
            db.session,
            content_rules(),
            current_user,
            post_id,
            form.body.data,
            parent_id=parent,
            now=now(),
        )
    except CommentBlocked as blocked:
        return _post_again(post_id, comment_form=form, status=422, blocked=blocked)
    except ValidationFailed as error:
        db.session.rollback()
        show_problems(form, error)
        return _post_again(post_id, comment_form=form, status=error.status)
    if result.crisis:
        return render_template("posts/helplines.html", post_id=post_id), 200
    if result.waiting:
        flash(
            _("Thank you. Your comment waits for a moderator and is shown once approved."), "info"
        )
    return _back_to_post(post_id, f"#comment-{result.comment.id}")


def _post_again(
    post_id: int,
    *,
    status: int,
    comment_form: CommentForm | None = None,
    report_form: ReportForm | None = None,
    blocked: CommentBlocked | None = None,
) -> tuple[str, int]:
    """The post page again, what was typed kept, with what to change beside it."""
    page = pages.reading(db.session, current_user, post_id, None)
    if report_form is None:
        report_form = _report_form()
    return render_template(
        "posts/post.html",
        page=page,
        comment_form=comment_form or CommentForm(formdata=None),
        report_form=report_form,
        blocked=blocked,
    ), status


def _report_form() -> ReportForm:
    form = ReportForm()
    form.set_reasons(reference().report_reasons)
    return form


@bp.post("/posts/<int:post_id>/report")
def report_post_view(post_id: int) -> Response | tuple[str, int]:
    form = _report_form()
    if not form.validate_on_submit():
        return _post_again(post_id, report_form=form, status=422)
    report_post(
        db.session,
        content_rules(),
        current_user,
        post_id,
        form.reason.data,
        form.note.data or "",
        now(),
    )
    flash(_("Thank you for telling us. A moderator will look at it."), "info")
    return _back_to_post(post_id)


@bp.post("/comments/<int:comment_id>/report")
def report_comment_view(comment_id: int) -> Response:
    form = _report_form()
    post_id = report_comment(
        db.session,
        content_rules(),
        current_user,
        comment_id,
        form.reason.data or "",
        form.note.data or "",
        now(),
    )
    flash(_("Thank you for telling us. A moderator will look at it."), "info")
    return _back_to_post(post_id)


@bp.post("/peers/<alias>/follow")
def follow(alias: str) -> Response:
    follow_peer(db.session, current_user, peer_by_alias(db.session, alias), now())
    flash(_("You now follow %(alias)s.", alias=alias), "success")
    return redirect(url_for("read.profile", alias=alias))


@bp.post("/peers/<alias>/unfollow")
def unfollow(alias: str) -> Response:
    unfollow_peer(db.session, current_user, peer_by_alias(db.session, alias), now())
    flash(_("You no longer follow %(alias)s.", alias=alias), "info")
    return redirect(url_for("read.profile", alias=alias))


@bp.get("/notifications")
def notifications() -> str:
    page = notifications_of(db.session, current_user.id, cursor=request.args.get("after") or None)
    return render_template("posts/notifications.html", page=page)


@bp.post("/notifications/read")
def read_all() -> Response:
    mark_all_read(db.session, current_user.id, now())
    return redirect(url_for("social.notifications"))
