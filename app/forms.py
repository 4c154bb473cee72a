"""Helpers shared by every form: showing domain problems beside their fields, and
re-showing a form whose CSRF token had expired without losing what was typed."""

from collections.abc import Callable
from typing import Any

from flask import render_template, request
from flask_babel import gettext
from flask_wtf import FlaskForm

from app.i18n import translate
from community.errors import DomainError, ValidationFailed


def show_problems(form: FlaskForm, error: ValidationFailed) -> None:
    """Attach each problem to its field, or to the form when no field matches."""
    for problem in error.problems:
        message = translate(problem.message, problem.params)
        field = getattr(form, problem.field, None) if problem.field else None
        if field is not None and hasattr(field, "errors"):
            if not isinstance(field.errors, list):
                field.errors = list(field.errors)
            field.errors.append(message)
        else:
            form.form_errors.append(message)


def form_status(form: FlaskForm) -> int:
    """200 for a fresh form, 422 when it is shown again with problems."""
    return 422 if form.errors else 200


def form_page(
    form_class: type[FlaskForm],
    template: str,
    context: Callable[..., dict[str, Any]] | None = None,
) -> Callable[[Callable], Callable]:
    """Mark a view as showing ``form_class`` in ``template``.

    When the view's CSRF check fails, the error handler renders this form again,
    filled with what the user sent, with the reason above it, instead of a bare
    error page. ``context`` (called with the view's URL arguments) gives the rest
    of what the template needs, so the form still posts where it came from.
    """

    def mark(view: Callable[..., Any]) -> Callable[..., Any]:
        view.csrf_form_page = (form_class, template, context)
        return view

    return mark


def render_expired_form(view: Callable[..., Any]) -> tuple[str, int] | None:
    """The view's form, refilled from the request, with an "expired" message; else None."""
    marked = getattr(view, "csrf_form_page", None)
    if marked is None:
        return None
    form_class, template, context = marked
    try:
        extra = context(**(request.view_args or {})) if context else {}
    except DomainError:
        return None  # the page is gone or not theirs: the plain error answer fits
    # Bound to the request's data; renders a fresh CSRF token for the next try.
    form = form_class()
    form.form_errors.append(
        gettext(
            "The form had expired, so nothing was saved. Check what you wrote and send it again."
        )
    )
    return render_template(template, form=form, **extra), 400
