"""The errors services raise. The web layer maps each class to one HTTP answer
(and the socket layer to one error event) in a single place.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field


class DomainError(Exception):
    """Base class: ``message`` is an English message id (marked with ``N_``),
    ``params`` fills its ``%(name)s`` placeholders, ``field`` names the input it is
    about, if any, so forms can show it beside that field."""

    status = 400

    def __init__(self, message: str, *, field: str | None = None, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.field = field
        self.params: Mapping[str, object] = params


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input field."""

    field: str | None
    message: str
    params: Mapping[str, object] = field(default_factory=dict)


class ValidationFailed(DomainError):
    """The input breaks one or more rules; nothing was stored.

    ``problems`` lists every problem found, so a form can show each beside its field.
    """

    status = 422

    def __init__(self, message: str, *, field: str | None = None, **params: object) -> None:
        super().__init__(message, field=field, **params)
        self.problems: list[Problem] = [Problem(field, message, params)]

    @classmethod
    def of(cls, problems: list[Problem]) -> "ValidationFailed":
        """One error that carries several problems (the first one is its message)."""
        first = problems[0]
        error = cls(first.message, field=first.field, **first.params)
        error.problems = list(problems)
        return error


class Problems:
    """Collects problems while a service checks every field, then raises them together."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, field: str | None, message: str, **params: object) -> None:
        self.items.append(Problem(field, message, params))

    def has(self, field: str) -> bool:
        return any(p.field == field for p in self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationFailed.of(self.items)


class NotSignedIn(DomainError):
    """The action needs a signed-in user."""

    status = 401


class Forbidden(DomainError):
    """The user may not do this to this object."""

    status = 403


class NotFound(DomainError):
    """The object does not exist, or the user may not know that it does."""

    status = 404


class Conflict(DomainError):
    """The object changed meanwhile, or the action was already done."""

    status = 409


class RateLimited(DomainError):
    """Too many attempts in a short time."""

    status = 429
