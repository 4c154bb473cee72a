"""Reading the moderation engine's verdicts in the domain."""

from moderation import Finding


def explanation(finding: Finding) -> dict[str, str]:
    """The finding's explanation as ``{"da": ..., "en": ...}`` (shown in the user's language)."""
    return {"da": finding.explanation_da, "en": finding.explanation_en}
