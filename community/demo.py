"""Demo content for development: one account per role, loaded once.

Only ever called where the settings allow demo accounts (development). The
password is public, so these accounts must never exist in production.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.models import Role, Task, User, UserTask
from community.accounts.rules import AccountRules
from community.accounts.services import create_staff_account
from community.audit import record_event


@dataclass(frozen=True)
class DemoAccount:
    alias: str
    roles: tuple[Role, ...] = ()
    tasks: tuple[Task, ...] = ()

    @property
    def email(self) -> str:
        return f"{self.alias}@example.test"


DEMO_ACCOUNTS = (
    DemoAccount("demo-follower"),
    DemoAccount("demo-peer", tasks=(Task.BLOG, Task.CHAT)),
    DemoAccount("demo-moderator", roles=(Role.MODERATOR,)),
    DemoAccount("demo-coordinator", roles=(Role.COORDINATOR,)),
    DemoAccount("demo-admin", roles=(Role.ADMIN,)),
)


def load_demo_accounts(
    session: Session, rules: AccountRules, password: str, now: datetime
) -> list[str]:
    """Create the demo accounts that do not exist yet; return the aliases created."""
    created = []
    for account in DEMO_ACCOUNTS:
        if session.scalar(select(User.id).where(User.email == account.email)) is not None:
            continue
        user = create_staff_account(
            session,
            rules,
            alias=account.alias,
            email=account.email,
            password=password,
            roles=list(account.roles),
            birth_year=now.year - 22,
            municipality_code="0219",
            now=now,
        )
        for task in account.tasks:
            session.add(UserTask(user_id=user.id, task=task, active=True, granted_at=now))
            record_event(
                session, None, "account.task", subject=("user", user.id), to_state=task, now=now
            )
        session.commit()
        created.append(account.alias)
    return created
