"""Small helpers for blog tests: a post from draft to published in one call."""

from sqlalchemy import select

from community.posts.models import Topic
from community.posts.writing import DraftInput, start_post, submit_post
from community.review.models import ReviewItem
from community.review.services import perform

CLEAN_BODY = (
    "<p>Sidste vinter var jeg meget alene, og jeg troede, det aldrig ville ændre sig.</p>"
    "<p>Langsomt fandt jeg små ting, der hjalp mig igennem dagene.</p>"
)
CLEAN_HELPS = "Jeg går en tur hver morgen og skriver tre gode ting ned om aftenen."


def topic_ids(session, *slugs: str) -> list[int]:
    """Ids of the topics with these slugs, or of the first topic when none are named."""
    if slugs:
        return list(session.scalars(select(Topic.id).where(Topic.slug.in_(slugs))))
    return [session.scalar(select(Topic.id).order_by(Topic.position, Topic.id))]


def draft(
    session, topics=None, *, title="Om at være alene", body=CLEAN_BODY, helps=CLEAN_HELPS
) -> DraftInput:
    return DraftInput(
        title=title,
        body_html=body,
        helps_text=helps,
        topic_ids=topics if topics is not None else topic_ids(session),
    )


def submitted_post(app, session, author, clock, **draft_args):
    rules = app.extensions["content_rules"]
    revision = start_post(session, rules, author, draft(session, **draft_args), clock())
    submit_post(
        session,
        rules,
        author,
        revision.post_id,
        draft(session, **draft_args),
        expected_version=None,
        send_anyway=False,
        now=clock(),
    )
    return revision


def item_of(session, subject_type: str, subject_id: int) -> ReviewItem:
    return session.scalar(
        select(ReviewItem).where(
            ReviewItem.subject_type == subject_type, ReviewItem.subject_id == subject_id
        )
    )


def published_post(app, session, author, moderator, clock, **draft_args):
    revision = submitted_post(app, session, author, clock, **draft_args)
    perform(
        session,
        moderator,
        item_of(session, "post_revision", revision.id).id,
        "publish",
        now=clock(),
    )
    return revision.post
