"""Every model and review handler, imported once so the metadata is complete.

Alembic compares migrations with ``Base.metadata``, and the review queue needs
every subject handler registered; importing this module guarantees both.
"""

from community import audit, consent, notifications
from community.accounts import data_rights, profile_review
from community.accounts import models as accounts
from community.chat import data as chat_data  # noqa: F401
from community.db import Base
from community.posts import decisions as post_decisions
from community.posts import exports as post_exports
from community.posts import models as posts
from community.review import models as review

__all__ = [
    "Base",
    "accounts",
    "audit",
    "consent",
    "data_rights",
    "notifications",
    "post_decisions",
    "post_exports",
    "posts",
    "profile_review",
    "review",
]
