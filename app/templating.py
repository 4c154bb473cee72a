"""What templates can use: the permission check, the language, reference data."""

from flask import Flask
from flask_babel import format_date, format_datetime
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.context import reference
from app.extensions import db
from app.i18n import current_language, pick, translate
from community.notifications import unread_count
from community.permissions import can
from community.posts.reading import topics_by_id

GUIDELINE_TITLES = {
    1: _l("Use an alias"),
    2: _l("Protect others"),
    3: _l("Nothing offensive"),
    4: _l("No harmful solutions"),
    5: _l("Show what helps, too"),
    6: _l("Write so everyone can follow"),
    7: _l("We can remove content"),
    8: _l("We look after you"),
}


def guideline_title(number: int | None) -> str:
    """The short name of guideline ``number`` in the current language."""
    return str(GUIDELINE_TITLES.get(number or 0, ""))


def user_can(action: str, obj: object = None) -> bool:
    """``can`` for the current user: the same rule the views and services apply."""
    return can(current_user, action, obj)


def municipality_name(code: str) -> str:
    found = reference().municipality(code)
    return found.name if found else ""


def unread_notifications() -> int:
    """The bell's count for the signed-in user (asked only by pages that show it)."""
    if not current_user.is_authenticated:
        return 0
    return unread_count(db.session, current_user.id)


def topic_names(ids: list[int]) -> list[str]:
    """Names of the given topics in the current language (for post pages)."""
    return [pick(t.names) for t in topics_by_id(db.session, ids)]


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        can=user_can,
        pick=pick,
        translate=translate,
        current_language=current_language,
        municipality_name=municipality_name,
        helplines=lambda: reference().helplines,
        unread_notifications=unread_notifications,
        topic_names=topic_names,
        guideline_title=guideline_title,
    )
    app.jinja_env.filters["format_date"] = lambda value: format_date(value, "medium")
    app.jinja_env.filters["format_datetime"] = lambda value: format_datetime(value, "short")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
