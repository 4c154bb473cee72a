"""The content rules a deployment chooses, in one value built from its settings."""

from dataclasses import dataclass

from community.reference import ReferenceData


@dataclass(frozen=True)
class ContentRules:
    """Limits and policies for posts, comments and reports."""

    reference: ReferenceData
    title_max: int = 150
    body_max: int = 20_000
    helps_max: int = 3_000
    comment_max: int = 2_000
    premoderate_comments: bool = False
    reports_to_hide: int = 3
