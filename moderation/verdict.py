"""The engine's answer: a verdict with its findings, as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Finding:
    """One thing the engine found: what, which guideline, how bad, and where.

    ``start``/``end`` index the original text as given (end exclusive), even when
    the match was made on a normalised form. ``action`` is what the policy does with
    this one finding in the checked kind: ``block`` (the author must change it),
    ``review`` (a moderator looks before it is shown) or ``allow`` (e.g. a swear word
    that is only masked in chat). ``rule`` names the data entry that
    matched (``file:line`` or a rule id) and ``crisis`` tells whether the finding is
    a sign of acute risk; both are for moderators and tuning and are not part of
    the JSON contract.
    """

    category: str
    guideline: int
    severity: str
    start: int
    end: int
    text: str
    explanation_da: str
    explanation_en: str
    action: str = "review"
    rule: str = field(default="", compare=False)
    crisis: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a finding in the policy spec."""
        return {
            "category": self.category,
            "guideline": self.guideline,
            "severity": self.severity,
            "action": self.action,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "explanation": {"da": self.explanation_da, "en": self.explanation_en},
        }


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check.

    ``action`` is ``allow``, ``review`` or ``block``; ``crisis`` tells the caller to
    show helplines at once and raise an urgent queue item, whatever the action.
    ``display_text`` is the text to show when the policy masks words (chat and
    comments), else None.
    """

    action: str
    crisis: bool
    findings: tuple[Finding, ...] = ()
    display_text: str | None = None

    @property
    def categories(self) -> list[str]:
        """The distinct categories of the findings, sorted."""
        return sorted({finding.category for finding in self.findings})

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a verdict in the policy spec."""
        return {
            "action": self.action,
            "crisis": self.crisis,
            "findings": [finding.to_dict() for finding in self.findings],
            "display_text": self.display_text,
        }
