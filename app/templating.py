"""What templates can use: the permission check, the language, reference data."""

from flask import Flask
from flask_login import current_user

from app.context import reference
from app.i18n import current_language, pick, translate
from community.permissions import can


def user_can(action: str, obj: object = None) -> bool:
    """``can`` for the current user: the same rule the views and services apply."""
    return can(current_user, action, obj)


def municipality_name(code: str) -> str:
    found = reference().municipality(code)
    return found.name if found else ""


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        can=user_can,
        pick=pick,
        translate=translate,
        current_language=current_language,
        municipality_name=municipality_name,
        helplines=lambda: reference().helplines,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
