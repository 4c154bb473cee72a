"""Reading: topic pages, posts from followed peers, a post, a peer's profile, search."""

from flask import Blueprint, render_template, request
from flask_login import current_user, login_required

from app.context import reference
from app.extensions import db
from app.posts.forms import CommentForm, ReportForm, SearchForm
from community.posts import pages
from community.posts.reading import peer_by_alias, topic_by_slug
from community.posts.search import search_posts

bp = Blueprint("read", __name__)


def _cursor() -> str | None:
    return request.args.get("after") or None


@bp.get("/topics/<slug>")
def topic(slug: str) -> str:
    page = pages.by_topic(db.session, current_user, topic_by_slug(db.session, slug), _cursor())
    return render_template("posts/feed.html", page=page)


@bp.get("/following")
@login_required
def following() -> str:
    page = pages.followed(db.session, current_user, _cursor())
    return render_template("posts/feed.html", page=page, following=True)


@bp.get("/posts/<int:post_id>")
def post(post_id: int) -> str:
    page = pages.reading(db.session, current_user, post_id, _cursor())
    report_form = ReportForm()
    report_form.set_reasons(reference().report_reasons)
    return render_template(
        "posts/post.html", page=page, comment_form=CommentForm(), report_form=report_form
    )


@bp.get("/peers/<alias>")
def profile(alias: str) -> str:
    page = pages.profile(db.session, current_user, peer_by_alias(db.session, alias), _cursor())
    return render_template("posts/profile.html", page=page)


@bp.get("/search")
def search() -> str:
    form = SearchForm(request.args)
    results = None
    if form.validate() and form.q.data:
        results = search_posts(db.session, form.q.data, cursor=_cursor())
    return render_template("posts/search.html", form=form, results=results)
