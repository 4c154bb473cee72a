"""Command-line tasks for operators: staff accounts, demo content, policy versions."""

from datetime import timedelta

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app.clock import now
from app.context import account_rules, content_rules
from app.extensions import db
from community.accounts.models import Role
from community.accounts.services import create_staff_account
from community.consent import Document, publish_version
from community.demo import DEMO_ACCOUNTS, load_demo_accounts, load_demo_chat_room
from community.errors import ValidationFailed
from community.posts.demo import load_demo_posts
from community.retention import RetentionPolicy, run_retention

demo_cli = AppGroup("demo", help="Demo content for development.")
retention_cli = AppGroup("retention", help="Delete data past its retention period.")
policy_cli = AppGroup("policy", help="Versions of the guidelines and the privacy notice.")


def _fail_with_problems(error: ValidationFailed) -> None:
    for problem in error.problems:
        message = (
            problem.message
            % {k: v.get("en", "") if isinstance(v, dict) else v for k, v in problem.params.items()}
            if problem.params
            else problem.message
        )
        click.echo(f"{problem.field or 'error'}: {message}", err=True)
    raise SystemExit(1)


@click.command("create-user")
@click.option("--alias", required=True)
@click.option("--email", required=True)
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice([r.value for r in Role]),
    help="Repeat to combine roles.",
)
@click.option("--municipality", default="0101", show_default=True, help="Municipality code.")
@click.option("--birth-year", type=int, default=1990, show_default=True)
@click.password_option(help="Prompted for when not given.")
def create_user(
    alias: str,
    email: str,
    roles: tuple[str, ...],
    municipality: str,
    birth_year: int,
    password: str,
) -> None:
    """Create a staff account (moderator, coordinator, admin)."""
    try:
        user = create_staff_account(
            db.session,
            account_rules(),
            alias=alias,
            email=email,
            password=password,
            roles=[Role(r) for r in roles],
            birth_year=birth_year,
            municipality_code=municipality,
            now=now(),
        )
    except ValidationFailed as error:
        _fail_with_problems(error)
    click.echo(f"Created {user.alias} with role(s) {', '.join(roles)}.")


@demo_cli.command("load")
def demo_load() -> None:
    """Create the demo accounts and content once (development only)."""
    if not current_app.config.get("DEMO_ACCOUNTS"):
        raise click.ClickException("Demo accounts exist only in development (APP_ENV=development).")
    password = current_app.config["DEMO_PASSWORD"]
    created = load_demo_accounts(db.session, account_rules(), password, now())
    if load_demo_posts(db.session, content_rules(), now()):
        click.echo("Demo posts created: three published, one waiting in the moderation queue.")
    if load_demo_chat_room(db.session, now()):
        click.echo("Demo chat room created: open every day, hosted by demo-peer.")
    click.echo(
        f"Demo content: {len(created)} account(s) created."
        if created
        else "Demo content was already loaded."
    )
    click.echo(f"Demo accounts (password for all: {password}):")
    for account in DEMO_ACCOUNTS:
        what = ", ".join([*account.roles, *(f"task {t}" for t in account.tasks)]) or "follower"
        click.echo(f"  {account.alias:<18} {what}")


@policy_cli.command("publish")
@click.argument("document", type=click.Choice([d.value for d in Document]))
@click.option("--summary", default="", help="What changed, for the record.")
def policy_publish(document: str, summary: str) -> None:
    """Publish a new version of a document; everyone accepts it at their next visit."""
    version = publish_version(db.session, None, document, summary, now())
    click.echo(f"{document} is now version {version}.")


@retention_cli.command("run")
def retention_run() -> None:
    """Delete everything past its retention period (run daily from cron)."""
    policy = RetentionPolicy(
        chat_messages=timedelta(days=current_app.config["CHAT_RETENTION_DAYS"])
    )
    deleted = run_retention(db.session, policy, now())
    for job, count in deleted.items():
        click.echo(f"{job}: {count} deleted")


def init_app(app: Flask) -> None:
    app.cli.add_command(create_user)
    app.cli.add_command(demo_cli)
    app.cli.add_command(policy_cli)
    app.cli.add_command(retention_cli)
