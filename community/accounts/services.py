"""Signing up and keeping a profile: alias, e-mail, description, avatar."""

from dataclasses import dataclass
from datetime import datetime

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.aliases import check_alias, normalise_alias
from community.accounts.avatars import OUTPUT_MIME, reencode_avatar
from community.accounts.models import Avatar, DescriptionDraft, ReviewState, Role, User, UserRole
from community.accounts.passwords import check_new_password, hash_password
from community.accounts.rules import AccountRules
from community.audit import record_event
from community.consent import add_consent, current_versions
from community.errors import NotFound, Problems, ValidationFailed
from community.i18n import N_
from community.permissions import authorize
from community.reference import alias_key
from community.review.models import FlagSource
from community.review.services import (
    FlagInput,
    close_without_decision,
    flags_from_findings,
    flags_from_verdict,
    open_item,
)
from community.verdicts import explanation
from moderation import check


@dataclass(frozen=True)
class SignUpInput:
    """What a person gives at sign-up."""

    alias: str
    email: str
    password: str
    birth_year: int
    municipality_code: str
    accepted_guidelines: bool
    accepted_privacy: bool
    description: str = ""
    avatar: bytes | None = None


def normalise_email(email: str, *, allow_test_domains: bool = False) -> str:
    """The e-mail address as stored: validated syntax, lower case.

    ``allow_test_domains`` admits the reserved ``.test`` domain (development, tests).
    """
    try:
        return validate_email(
            email.strip(), check_deliverability=False, test_environment=allow_test_domains
        ).normalized.lower()
    except EmailNotValidError as exc:
        raise ValidationFailed(N_("This is not a valid e-mail address."), field="email") from exc


def _check_email(
    problems: Problems, session: Session, rules: AccountRules, email: str, user_id: int | None
) -> str:
    try:
        normalised = normalise_email(email, allow_test_domains=rules.allow_test_email_domains)
    except ValidationFailed as exc:
        problems.items.extend(exc.problems)
        return ""
    owner = session.scalar(select(User.id).where(User.email == normalised))
    if owner is not None and owner != user_id:
        problems.add("email", N_("An account with this e-mail address already exists."))
    return normalised


def _check_birth_year(problems: Problems, rules: AccountRules, year: int, now: datetime) -> None:
    age = now.year - year
    if not rules.age_min <= age <= rules.age_max:
        problems.add(
            "birth_year",
            N_("This community is for people aged %(min)d to %(max)d."),
            min=rules.age_min,
            max=rules.age_max,
        )


def _check_municipality(problems: Problems, rules: AccountRules, code: str) -> None:
    if rules.reference.municipality(code) is None:
        problems.add("municipality", N_("Choose your municipality from the list."))


def _check_description(problems: Problems, rules: AccountRules, text: str) -> list:
    """Problems for a description; the engine's findings for the review item."""
    if len(text) > rules.description_max:
        problems.add(
            "description", N_("Use at most %(max)d characters."), max=rules.description_max
        )
        return []
    verdict = check(text, "profile")
    if verdict.action == "block":
        problems.add(
            "description",
            N_("Your description cannot be shown: %(reason)s"),
            reason=explanation(verdict.findings[0]),
        )
    return flags_from_verdict(verdict, field="description")


def sign_up(session: Session, rules: AccountRules, data: SignUpInput, now: datetime) -> User:
    """Create a follower account, record consent, queue description and avatar.

    Every field is checked and every problem reported at once; nothing is stored
    unless all pass.
    """
    return _create_account(session, rules, data, now, check_age=True)


def _create_account(
    session: Session, rules: AccountRules, data: SignUpInput, now: datetime, *, check_age: bool
) -> User:
    problems = Problems()
    alias = normalise_alias(data.alias)
    alias_findings = check_alias(problems, session, rules, alias)
    email = _check_email(problems, session, rules, data.email, None)
    check_new_password(problems, rules, data.password, alias=alias, email=email)
    if check_age:
        _check_birth_year(problems, rules, data.birth_year, now)
    _check_municipality(problems, rules, data.municipality_code)
    description = data.description.strip()
    description_flags = _check_description(problems, rules, description) if description else []
    avatar = None
    if data.avatar:
        try:
            avatar = reencode_avatar(
                data.avatar, max_bytes=rules.avatar_max_bytes, size_px=rules.avatar_size_px
            )
        except ValidationFailed as exc:
            problems.items.extend(exc.problems)
    if not data.accepted_guidelines:
        problems.add("accept_guidelines", N_("Please accept the guidelines to sign up."))
    if not data.accepted_privacy:
        problems.add("accept_privacy", N_("Please accept the privacy notice to sign up."))
    problems.raise_if_any()

    user = User(
        alias=alias,
        alias_key=alias_key(alias),
        email=email,
        password_hash=hash_password(rules, data.password),
        birth_year=data.birth_year,
        municipality_code=data.municipality_code,
        created_at=now,
    )
    session.add(user)
    session.flush()
    add_consent(session, user, current_versions(session), now)
    record_event(session, user, "account.sign_up", subject=("user", user.id), now=now)
    if alias_findings:
        _queue_alias(session, user, alias_findings, now)
    if description:
        _queue_description(session, user, description, description_flags, now)
    if avatar:
        _queue_avatar(session, user, avatar, now)
    session.commit()
    return user


def _queue_alias(session: Session, user: User, findings: list, now: datetime) -> None:
    open_item(
        session,
        subject_type="alias",
        subject_id=user.id,
        author_id=user.id,
        flags=flags_from_findings(findings, "alias"),
        now=now,
    )


def _queue_description(session: Session, user: User, text: str, flags: list, now: datetime) -> None:
    # An older draft still waiting is replaced by the newer one, and its queue item closed.
    for old in session.scalars(
        select(DescriptionDraft).where(
            DescriptionDraft.user_id == user.id, DescriptionDraft.state == ReviewState.PENDING
        )
    ):
        close_without_decision(session, "description", old.id, reason="replaced", now=now)
        session.delete(old)
    draft = DescriptionDraft(user_id=user.id, text=text, state=ReviewState.PENDING, created_at=now)
    session.add(draft)
    session.flush()
    open_item(
        session,
        subject_type="description",
        subject_id=draft.id,
        author_id=user.id,
        flags=[FlagInput(source=FlagSource.SUBMISSION), *flags],
        now=now,
    )


def _queue_avatar(session: Session, user: User, image: bytes, now: datetime) -> None:
    for old in session.scalars(
        select(Avatar).where(Avatar.user_id == user.id, Avatar.state == ReviewState.PENDING)
    ):
        close_without_decision(session, "avatar", old.id, reason="replaced", now=now)
        session.delete(old)
    avatar = Avatar(
        user_id=user.id,
        state=ReviewState.PENDING,
        image=image,
        mime_type=OUTPUT_MIME,
        created_at=now,
    )
    session.add(avatar)
    session.flush()
    open_item(
        session,
        subject_type="avatar",
        subject_id=avatar.id,
        author_id=user.id,
        flags=[FlagInput(source=FlagSource.SUBMISSION)],
        now=now,
    )


@dataclass(frozen=True)
class ProfileInput:
    """What a user can change on their profile page."""

    municipality_code: str
    description: str
    avatar: bytes | None = None
    remove_avatar: bool = False


def update_profile(
    session: Session, rules: AccountRules, user: User, data: ProfileInput, now: datetime
) -> None:
    """Change municipality at once; queue a changed description or a new avatar."""
    authorize(user, "profile.edit", user)
    problems = Problems()
    _check_municipality(problems, rules, data.municipality_code)
    description = data.description.strip()
    pending = pending_description(session, user)
    current = pending.text if pending else (user.description or "")
    changed = description != current
    flags = _check_description(problems, rules, description) if description and changed else []
    avatar = None
    if data.avatar:
        try:
            avatar = reencode_avatar(
                data.avatar, max_bytes=rules.avatar_max_bytes, size_px=rules.avatar_size_px
            )
        except ValidationFailed as exc:
            problems.items.extend(exc.problems)
    problems.raise_if_any()

    user.municipality_code = data.municipality_code
    if changed and description:
        _queue_description(session, user, description, flags, now)
    elif changed:
        # An empty description needs no review: it shows nothing.
        user.description = None
        if pending:
            close_without_decision(session, "description", pending.id, reason="withdrawn", now=now)
            session.delete(pending)
    if avatar:
        _queue_avatar(session, user, avatar, now)
    elif data.remove_avatar:
        user.avatar_id = None
        for old in session.scalars(select(Avatar).where(Avatar.user_id == user.id)):
            close_without_decision(session, "avatar", old.id, reason="withdrawn", now=now)
            session.delete(old)
    record_event(session, user, "account.profile", subject=("user", user.id), now=now)
    session.commit()


def pending_description(session: Session, user: User) -> DescriptionDraft | None:
    """The user's description that waits for a moderator, if any."""
    return session.scalar(
        select(DescriptionDraft).where(
            DescriptionDraft.user_id == user.id, DescriptionDraft.state == ReviewState.PENDING
        )
    )


def change_alias(
    session: Session, rules: AccountRules, user: User, new_alias: str, now: datetime
) -> None:
    """Give the user a new alias, checked like one chosen at sign-up."""
    authorize(user, "profile.edit", user)
    problems = Problems()
    alias = normalise_alias(new_alias)
    findings = check_alias(problems, session, rules, alias, current_user_id=user.id)
    problems.raise_if_any()
    user.alias = alias
    user.alias_key = alias_key(alias)
    user.alias_changed_at = now
    # The aliases themselves stay out of the log: it outlives deleted accounts.
    record_event(session, user, "account.alias", subject=("user", user.id), now=now)
    if findings:
        _queue_alias(session, user, findings, now)
    session.commit()


def avatar_image(session: Session, viewer: object, avatar_id: int) -> Avatar:
    """An avatar's picture, if ``viewer`` may see it (approved, or own, or a moderator)."""
    avatar = session.get(Avatar, avatar_id)
    if avatar is None:
        raise NotFound(N_("No such picture."))
    if avatar.state != ReviewState.APPROVED:
        owner = session.get(User, avatar.user_id)
        authorize(viewer, "profile.see_pending", owner)
    return avatar


def create_staff_account(
    session: Session,
    rules: AccountRules,
    *,
    alias: str,
    email: str,
    password: str,
    roles: list[Role],
    birth_year: int,
    municipality_code: str,
    now: datetime,
) -> User:
    """Create an account with staff roles (from the command line, by an operator).

    Staff are not bound by the community's age range.
    """
    user = _create_account(
        session,
        rules,
        SignUpInput(
            alias=alias,
            email=email,
            password=password,
            birth_year=birth_year,
            municipality_code=municipality_code,
            accepted_guidelines=True,
            accepted_privacy=True,
        ),
        now,
        check_age=False,
    )
    for role in roles:
        session.add(UserRole(user_id=user.id, role=role, granted_at=now))
        record_event(
            session, None, "account.role", subject=("user", user.id), to_state=role, now=now
        )
    session.commit()
    return user


def set_locale(session: Session, user: User, locale: str, languages: tuple[str, ...]) -> None:
    """Remember the user's language on their account."""
    if locale not in languages:
        raise ValidationFailed(N_("That language is not available."), field="lang")
    user.locale = locale
    session.commit()
