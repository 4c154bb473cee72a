"""Values the views hand to services, built once per app from its settings."""

from pathlib import Path

from flask import Flask, current_app

from community.accounts.rules import AccountRules, make_hasher
from community.posts.rules import ContentRules
from community.reference import ReferenceData, load_reference_data


def init_app(app: Flask) -> None:
    """Load and validate the reference data files; refuse to start if one is wrong."""
    config = app.config
    reference = load_reference_data(
        municipalities=Path(config["MUNICIPALITIES_FILE"]),
        helplines=Path(config["HELPLINES_FILE"]),
        reserved_aliases=Path(config["RESERVED_ALIASES_FILE"]),
        common_passwords=Path(config["COMMON_PASSWORDS_FILE"]),
        report_reasons=Path(config["REPORT_REASONS_FILE"]),
        canned_reasons=Path(config["CANNED_REASONS_FILE"]),
    )
    app.extensions["reference"] = reference
    app.extensions["account_rules"] = AccountRules(
        reference=reference,
        hasher=make_hasher(
            config["PASSWORD_HASH_TIME_COST"],
            config["PASSWORD_HASH_MEMORY_KIB"],
            config["PASSWORD_HASH_PARALLELISM"],
        ),
        age_min=config["AGE_MIN"],
        age_max=config["AGE_MAX"],
        password_min=config["PASSWORD_MIN_LENGTH"],
        password_max=config["PASSWORD_MAX_LENGTH"],
        avatar_max_bytes=config["AVATAR_MAX_BYTES"],
        avatar_size_px=config["AVATAR_SIZE_PX"],
        description_max=config["DESCRIPTION_MAX_LENGTH"],
        allow_test_email_domains=config["ALLOW_TEST_EMAIL_DOMAINS"],
    )

    app.extensions["content_rules"] = ContentRules(
        reference=reference,
        title_max=config["POST_TITLE_MAX"],
        body_max=config["POST_BODY_MAX"],
        helps_max=config["POST_HELPS_MAX"],
        comment_max=config["COMMENT_MAX"],
        premoderate_comments=config["PREMODERATE_ALL_COMMENTS"],
        reports_to_hide=config["REPORTS_TO_HIDE"],
    )


def content_rules() -> ContentRules:
    return current_app.extensions["content_rules"]


def account_rules() -> AccountRules:
    return current_app.extensions["account_rules"]


def reference() -> ReferenceData:
    return current_app.extensions["reference"]
