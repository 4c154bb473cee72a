"""What each kind of subject does when a moderator decides.

Domain modules (profiles, posts, comments, chat) register one handler per subject
type; :func:`community.review.services.perform` looks it up. A handler knows which
decisions apply and how to carry one out on its subject.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Decision:
    """What a moderator decided, with the reason the author will be shown."""

    action: str
    guideline: int | None = None
    reason: str | None = None
    note: str | None = None


# apply(session, actor, subject_id, decision, now) -> (from_state, to_state)
ApplyDecision = Callable[[Session, object, int, Decision, datetime], tuple[str | None, str]]


def _no_subject(session: Session, subject_id: int) -> object | None:
    return None


def _no_texts(subject: object) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class SubjectHandler:
    """How the queue treats one subject type.

    ``actions`` are the decisions that apply; ``apply`` carries one out. ``load``
    fetches the subject for the console, and ``texts`` gives its plain texts by
    field name, which the console shows with the engine's findings marked (a
    flag's ``field`` and span point into these texts).
    """

    subject_type: str
    actions: tuple[str, ...]
    apply: ApplyDecision
    load: Callable[[Session, int], object | None] = _no_subject
    texts: Callable[[object], dict[str, str]] = _no_texts


_HANDLERS: dict[str, SubjectHandler] = {}


def register(handler: SubjectHandler) -> SubjectHandler:
    """Make ``handler`` responsible for its subject type (once)."""
    existing = _HANDLERS.get(handler.subject_type)
    if existing is not None and existing is not handler:
        raise ValueError(f"a handler for {handler.subject_type!r} is already registered")
    _HANDLERS[handler.subject_type] = handler
    return handler


def handler_for(subject_type: str) -> SubjectHandler:
    """The handler of ``subject_type``; KeyError if none is registered."""
    return _HANDLERS[subject_type]
