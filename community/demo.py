"""Demo content for development: one account per role, loaded once.

Only ever called where the settings allow demo accounts (development). The
password is public, so these accounts must never exist in production.
"""

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.models import Role, Task, User, UserTask
from community.accounts.rules import AccountRules
from community.accounts.services import create_staff_account
from community.audit import record_event
from community.chat.models import ChatRoom, OpeningHours


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


DEMO_ROOM_NAME = "Hyggesnak om hverdagen"


def load_demo_chat_room(session: Session, now: datetime) -> bool:
    """Create the demo chat room, open all day every day, once; True if created.

    It is open whenever ``demo-peer`` (a host) is in it, so two browsers can try
    the chat at any hour.
    """
    if session.scalar(select(ChatRoom.id).where(ChatRoom.name == DEMO_ROOM_NAME)) is not None:
        return False
    room = ChatRoom(
        name=DEMO_ROOM_NAME,
        description=(
            "Et roligt rum til at tale om, hvordan dagen er gået – det svære og det, der hjælper."
        ),
        max_members=30,
        created_at=now,
        last_seq=0,
    )
    room.hours = [OpeningHours(weekday=day, starts=time(0, 0), ends=time(0, 0)) for day in range(7)]
    session.add(room)
    session.flush()
    record_event(session, None, "chat.room.create", subject=("chat_room", room.id), now=now)
    session.commit()
    return True
