"""Forms for accounts. They check shape (present, length, type); the services
check the community's rules (alias free and acceptable, password not common...)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, Optional

from app.clock import now
from app.context import account_rules, reference

REQUIRED = _l("Please fill this in.")


def _too_long(limit: int) -> object:
    return Length(max=limit, message=_l("Use at most %(max)d characters.", max=limit))


def birth_year_choices() -> list[tuple[int, str]]:
    rules = account_rules()
    year = now().year
    years = range(year - rules.age_min, year - rules.age_max - 1, -1)
    return [(y, str(y)) for y in years]


def municipality_choices() -> list[tuple[str, str]]:
    return [(m.code, m.name) for m in reference().municipalities]


class YearField(SelectField):
    """A year chosen from a list; a value that is not a number gets a clear message."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as exc:
            raise ValueError(_l("Choose a year from the list.")) from exc


class SignUpForm(FlaskForm):
    alias = StringField(_l("Alias"), validators=[DataRequired(REQUIRED), _too_long(24)])
    email = EmailField(_l("E-mail address"), validators=[DataRequired(REQUIRED), _too_long(254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED), _too_long(128)])
    password_confirm = PasswordField(
        _l("Password again"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("password", message=_l("The two passwords are not the same.")),
        ],
    )
    birth_year = YearField(
        _l("Year of birth"),
        coerce=int,
        validators=[InputRequired(REQUIRED)],
        validate_choice=False,
    )
    municipality = SelectField(
        _l("Municipality"), validators=[InputRequired(REQUIRED)], validate_choice=False
    )
    description = TextAreaField(
        _l("About you (optional)"), validators=[Optional(), _too_long(1000)]
    )
    avatar = FileField(_l("Picture (optional)"))
    accept_guidelines = BooleanField(_l("I have read and accept the guidelines"))
    accept_privacy = BooleanField(_l("I have read the privacy notice"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.birth_year.choices = [(0, "–"), *birth_year_choices()]
        self.municipality.choices = [("", "–"), *municipality_choices()]


class LoginForm(FlaskForm):
    login = StringField(
        _l("Alias or e-mail address"), validators=[DataRequired(REQUIRED), _too_long(254)]
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED), _too_long(128)])
    remember = BooleanField(_l("Remember me on this device"))


class PasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"), validators=[DataRequired(REQUIRED), _too_long(128)]
    )
    new_password = PasswordField(
        _l("New password"), validators=[DataRequired(REQUIRED), _too_long(128)]
    )
    new_password_confirm = PasswordField(
        _l("New password again"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("new_password", message=_l("The two passwords are not the same.")),
        ],
    )


class AliasForm(FlaskForm):
    alias = StringField(_l("New alias"), validators=[DataRequired(REQUIRED), _too_long(24)])


class ProfileForm(FlaskForm):
    municipality = SelectField(
        _l("Municipality"), validators=[InputRequired(REQUIRED)], validate_choice=False
    )
    description = TextAreaField(
        _l("About you (optional)"), validators=[Optional(), _too_long(1000)]
    )
    avatar = FileField(_l("New picture (optional)"))
    remove_avatar = BooleanField(_l("Remove my picture"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.municipality.choices = municipality_choices()


class ConsentForm(FlaskForm):
    accept_guidelines = BooleanField(_l("I have read and accept the guidelines"))
    accept_privacy = BooleanField(_l("I have read the privacy notice"))


class ConfirmForm(FlaskForm):
    """A form with nothing but the CSRF token, for buttons that change something."""


class DeleteAccountForm(FlaskForm):
    password = PasswordField(
        _l("Your password"), validators=[DataRequired(REQUIRED), _too_long(128)]
    )
