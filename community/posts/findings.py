"""The engine's findings on a post, by field, as the author and moderators see them."""

from dataclasses import dataclass

import moderation
from moderation import Finding, Verdict, check  # the sanitiser is imported lazily by moderation

# Kept as a fixed order: title, then body, then "what helps me".
POST_FIELDS = ("title", "body", "helps")


@dataclass(frozen=True)
class FieldFinding:
    """One finding in one field, with the text around it for showing it marked."""

    field: str
    finding: Finding
    before: str
    marked: str
    after: str


@dataclass(frozen=True)
class PostCheck:
    """The engine's view of a whole post."""

    verdicts: dict[str, Verdict]
    findings: list[FieldFinding]

    @property
    def action(self) -> str:
        order = {"allow": 0, "review": 1, "block": 2}
        return max(
            (v.action for v in self.verdicts.values()), key=order.__getitem__, default="allow"
        )

    @property
    def crisis(self) -> bool:
        return any(v.crisis for v in self.verdicts.values())

    @property
    def blocked(self) -> bool:
        return self.action == "block"


CONTEXT = 40


def excerpt(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The marked part of ``text`` with up to 40 characters on each side."""
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return (
        ("…" if start > CONTEXT else "") + before,
        text[start:end],
        after + ("…" if end + CONTEXT < len(text) else ""),
    )


def post_texts(title: str, body_html: str, helps_text: str) -> dict[str, str]:
    """The plain texts of a post, by field, as the engine reads them."""
    return {"title": title, "body": moderation.html_to_text(body_html), "helps": helps_text}


def check_post(title: str, body_html: str, helps_text: str) -> PostCheck:
    """Check each field of a post with the engine."""
    texts = post_texts(title, body_html, helps_text)
    verdicts = {name: check(texts[name], "post") for name in POST_FIELDS if texts[name]}
    found = []
    for name in POST_FIELDS:
        for finding in verdicts[name].findings if name in verdicts else []:
            before, marked, after = excerpt(texts[name], finding.start, finding.end)
            found.append(FieldFinding(name, finding, before, marked, after))
    return PostCheck(verdicts=verdicts, findings=found)
