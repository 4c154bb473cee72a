"""Forms for managing chat rooms and their opening hours (coordinators)."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange

REQUIRED = _l("Please fill this in.")

WEEKDAYS = (
    _l("Monday"),
    _l("Tuesday"),
    _l("Wednesday"),
    _l("Thursday"),
    _l("Friday"),
    _l("Saturday"),
    _l("Sunday"),
)


class RoomForm(FlaskForm):
    name = StringField(
        _l("Theme"),
        validators=[
            DataRequired(REQUIRED),
            Length(max=80, message=_l("Use at most %(max)d characters.", max=80)),
        ],
    )
    description = TextAreaField(
        _l("Description"),
        validators=[Length(max=1000, message=_l("Use at most %(max)d characters.", max=1000))],
    )
    max_members = IntegerField(
        _l("Room size (people at most)"),
        validators=[
            InputRequired(REQUIRED),
            NumberRange(min=2, message=_l("A room holds at least 2 people.")),
        ],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("max_members", current_app.config["CHAT_ROOM_DEFAULT_SIZE"])
        super().__init__(*args, **kwargs)


class HoursForm(FlaskForm):
    weekday = SelectField(
        _l("Day"),
        coerce=int,
        choices=[(i, day) for i, day in enumerate(WEEKDAYS)],
        validators=[InputRequired(REQUIRED)],
    )
    starts = TimeField(_l("Opens at"), validators=[InputRequired(REQUIRED)])
    ends = TimeField(_l("Closes at"), validators=[InputRequired(REQUIRED)])
