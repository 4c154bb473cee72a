"""Languages: Danish by default, English as a choice that is remembered.

A visitor's choice lives in the session cookie; a signed-in user's also on their
account, so it follows them to another device.
"""

from collections.abc import Mapping
from datetime import datetime

from flask import Flask, current_app, session
from flask_babel import Babel, format_datetime, get_locale, gettext
from flask_login import current_user


def select_locale() -> str:
    """The user's saved language, else the visitor's choice, else Danish."""
    languages = current_app.config["LANGUAGES"]
    saved = getattr(current_user, "locale", None) if current_user else None
    for candidate in (saved, session.get("lang")):
        if candidate in languages:
            return candidate
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    """ "da" or "en": the language of this response."""
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"])


def pick(texts: Mapping[str, str]) -> str:
    """The text for the current language from a ``{"da": ..., "en": ...}`` mapping."""
    language = current_language()
    return texts.get(language) or texts.get("da") or next(iter(texts.values()), "")


def translate(message: str, params: Mapping[str, object]) -> str:
    """A domain message id in the current language, its placeholders filled.

    A parameter that is itself a ``{"da": ..., "en": ...}`` mapping (an engine
    explanation) is shown in the current language too, and a time in the
    community's time zone and the language's format.
    """
    filled = {k: _shown(v) for k, v in params.items()}
    return gettext(message, **filled) if filled else gettext(message)


def _shown(value: object) -> object:
    if isinstance(value, Mapping):
        return pick(value)
    if isinstance(value, datetime):
        return format_datetime(value, "short")
    return value


def init_app(app: Flask, babel: Babel) -> None:
    babel.init_app(app, locale_selector=select_locale)
