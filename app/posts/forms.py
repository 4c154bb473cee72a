"""Forms for writing, commenting and reporting."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    IntegerField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from app.i18n import pick

REQUIRED = _l("Please fill this in.")


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes; values that are not numbers are ignored."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = [int(v) for v in valuelist if v.isdigit()]

    def pre_validate(self, form: FlaskForm) -> None:
        """Unknown topics are dropped by the service; no error for them here."""


class PostForm(FlaskForm):
    # Limits here are generous guards against abuse; the service applies the real ones
    # (the body limit counts visible text, not HTML).
    title = StringField(_l("Title"), validators=[Optional(), Length(max=400)])
    body = TextAreaField(_l("Your post"), validators=[Optional(), Length(max=200_000)])
    helps = TextAreaField(_l("What helps me"), validators=[Optional(), Length(max=20_000)])
    topics = CheckboxesField(_l("Topics"), coerce=int)
    version = IntegerField(validators=[Optional()])

    def set_topics(self, topics: list) -> None:
        self.topics.choices = [(t.id, pick(t.names)) for t in topics]


class CommentForm(FlaskForm):
    body = TextAreaField(
        _l("Your comment"), validators=[DataRequired(REQUIRED), Length(max=20_000)]
    )
    parent_id = HiddenField()


class ReportForm(FlaskForm):
    reason = RadioField(
        _l("What is wrong?"),
        validators=[DataRequired(_l("Choose what is wrong."))],
        validate_choice=False,
    )
    note = TextAreaField(
        _l("Anything else a moderator should know (optional)"),
        validators=[Optional(), Length(max=1000)],
    )

    def set_reasons(self, reasons: tuple) -> None:
        self.reason.choices = [(r.key, pick(r.label)) for r in reasons]


class SearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Search posts"), validators=[Optional(), Length(max=200)])
