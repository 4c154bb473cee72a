"""What each kind of subject does when a moderator decides.

Domain modules (profiles, posts, comments, chat) register one handler per subject
type; :func:`community.review.services.perform` looks it up. A handler knows which
decisions apply and how to carry one out on its subject.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
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


def _no_texts(subject: object) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class SubjectHandler:
    """How the queue treats one subject type.

    ``actions`` are the decisions that apply; ``apply`` carries one out. ``model``
    is the subject's table, so the console can load one subject or a whole page
    of them in one query, and ``texts`` gives a subject's plain texts by field
    name, which the console shows with the engine's findings marked (a flag's
    ``field`` and span point into these texts).
    """

    subject_type: str
    actions: tuple[str, ...]
    apply: ApplyDecision
    model: type | None = None
    texts: Callable[[object], dict[str, str]] = _no_texts

    def load(self, session: Session, subject_id: int) -> object | None:
        """The subject, or None when it is gone."""
        return session.get(self.model, subject_id) if self.model is not None else None

    def load_many(self, session: Session, subject_ids: list[int]) -> dict[int, object]:
        """Several subjects by id, in one query."""
        if self.model is None or not subject_ids:
            return {}
        rows = session.scalars(select(self.model).where(self.model.id.in_(subject_ids)))
        return {row.id: row for row in rows}


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
