"""What a moderator's decision does to avatars, descriptions and aliases."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.aliases import placeholder_alias
from community.accounts.models import Avatar, DescriptionDraft, ReviewState, User
from community.errors import NotFound
from community.i18n import N_
from community.notifications import NotificationKind, notify
from community.reference import alias_key
from community.review.registry import Decision, SubjectHandler, register


def _decide_avatar(
    session: Session, actor: object, avatar_id: int, decision: Decision, now: datetime
) -> tuple[str | None, str]:
    avatar = session.get(Avatar, avatar_id)
    if avatar is None:
        raise NotFound(N_("The picture was replaced or removed meanwhile."))
    if decision.action == "approve":
        user = session.get(User, avatar.user_id)
        for older in session.scalars(
            select(Avatar).where(
                Avatar.user_id == avatar.user_id,
                Avatar.state == ReviewState.APPROVED,
                Avatar.id != avatar.id,
            )
        ):
            session.delete(older)
        avatar.state = ReviewState.APPROVED
        user.avatar_id = avatar.id
        notify(session, avatar.user_id, NotificationKind.AVATAR_APPROVED, now)
        return ReviewState.PENDING, ReviewState.APPROVED
    # A rejected picture is not kept: we store no more than we show.
    notify(
        session, avatar.user_id, NotificationKind.AVATAR_REJECTED, now, guideline=decision.guideline
    )
    session.delete(avatar)
    return ReviewState.PENDING, ReviewState.REJECTED


def _decide_description(
    session: Session, actor: object, draft_id: int, decision: Decision, now: datetime
) -> tuple[str | None, str]:
    draft = session.get(DescriptionDraft, draft_id)
    if draft is None:
        raise NotFound(N_("The description was changed meanwhile."))
    if decision.action == "approve":
        session.get(User, draft.user_id).description = draft.text
        outcome = ReviewState.APPROVED
        notify(session, draft.user_id, NotificationKind.DESCRIPTION_APPROVED, now)
    else:
        outcome = ReviewState.REJECTED
        notify(
            session,
            draft.user_id,
            NotificationKind.DESCRIPTION_REJECTED,
            now,
            guideline=decision.guideline,
        )
    session.delete(draft)
    return ReviewState.PENDING, outcome


def _decide_alias(
    session: Session, actor: object, user_id: int, decision: Decision, now: datetime
) -> tuple[str | None, str]:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(N_("The account no longer exists."))
    if decision.action == "approve":
        return "in_review", "approved"
    user.alias = placeholder_alias(user.id)
    user.alias_key = alias_key(user.alias)
    user.alias_changed_at = now
    notify(session, user.id, NotificationKind.ALIAS_REPLACED, now, guideline=decision.guideline)
    return "in_review", "replaced"


AVATAR = register(
    SubjectHandler(
        "avatar",
        ("approve", "reject"),
        _decide_avatar,
        model=Avatar,
    )
)
DESCRIPTION = register(
    SubjectHandler(
        "description",
        ("approve", "reject"),
        _decide_description,
        model=DescriptionDraft,
        texts=lambda draft: {"description": draft.text},
    )
)
ALIAS = register(
    SubjectHandler(
        "alias",
        ("approve", "reject"),
        _decide_alias,
        model=User,
        texts=lambda user: {"alias": user.alias},
    )
)
