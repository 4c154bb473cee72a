"""The one place that turns errors into answers a person can read.

Domain errors map to their HTTP status; HTTP errors get a friendly page in the
user's language; a JSON request gets a JSON answer. Nothing a user does should
produce a 500, and when something does, the page says so calmly.
"""

from flask import Flask, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from app.forms import render_expired_form
from app.i18n import translate
from community.errors import DomainError, NotSignedIn


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return request.is_json or best == "application/json"


def error_page(status: int, title: str, message: str) -> tuple[Response | str, int]:
    """A page (or JSON) explaining an error, with ``status``."""
    if wants_json():
        return jsonify(error=message, status=status), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def _titles() -> dict[int, str]:
    return {
        400: gettext("Something in the request was wrong"),
        401: gettext("Please sign in"),
        403: gettext("Not for you"),
        404: gettext("We could not find that page"),
        405: gettext("That does not work here"),
        409: gettext("Something changed meanwhile"),
        413: gettext("That was too big"),
        422: gettext("Please check what you wrote"),
        429: gettext("Slow down a little"),
        500: gettext("Something went wrong on our side"),
    }


def _http_message(status: int) -> str:
    messages = {
        400: gettext("Please go back and try again."),
        403: gettext("You do not have permission to see this page."),
        404: gettext("The page may have been moved or removed."),
        405: gettext("Please go back and try again."),
        413: gettext("The file or text you sent was too big. Pictures can be at most 2 MB."),
        429: gettext("You have tried many times in a short while. Please wait a bit."),
        500: gettext("It is not your fault. Please try again in a moment."),
    }
    return messages.get(status, gettext("Please go back and try again."))


def init_app(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(error: DomainError) -> tuple[Response | str, int] | Response:
        if isinstance(error, NotSignedIn) and not wants_json() and request.method == "GET":
            return redirect(url_for("account.login", next=request.full_path))
        message = translate(error.message, error.params)
        return error_page(error.status, _titles().get(error.status, ""), message)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[Response | str, int]:
        view = app.view_functions.get(request.endpoint or "")
        refilled = render_expired_form(view) if view and not wants_json() else None
        if refilled is not None:
            return refilled
        return error_page(
            400,
            gettext("The form had expired"),
            gettext(
                "For your safety, forms expire after a while. Go back, reload the page "
                "and send it again; what you wrote is usually still there."
            ),
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[Response | str, int]:
        status = error.code or 500
        return error_page(status, _titles().get(status, error.name), _http_message(status))

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> tuple[Response | str, int]:
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        return error_page(500, _titles()[500], _http_message(500))
