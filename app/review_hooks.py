"""What the app does after a moderator's decision has been committed.

``perform`` changes the database; some decisions also have to reach people at
once (an approved chat message is delivered, a removed one disappears). Those
effects are registered here per subject type and run by whoever called
``perform``, after the commit, so nothing is emitted that was not stored.
"""

from collections.abc import Callable

from community.review.models import ReviewItem

AfterDecision = Callable[[ReviewItem], None]
_HOOKS: dict[str, list[AfterDecision]] = {}


def after_decision(subject_type: str) -> Callable[[AfterDecision], AfterDecision]:
    """Register the decorated function to run after each decision on ``subject_type``."""

    def register(hook: AfterDecision) -> AfterDecision:
        _HOOKS.setdefault(subject_type, []).append(hook)
        return hook

    return register


def run_after_decision(item: ReviewItem) -> None:
    """Run the hooks of ``item``'s subject type (call after ``perform`` returned)."""
    for hook in _HOOKS.get(item.subject_type, []):
        hook(item)
