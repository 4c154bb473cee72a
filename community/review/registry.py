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


@dataclass(frozen=True)
class SubjectHandler:
    subject_type: str
    actions: tuple[str, ...]
    apply: ApplyDecision


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
