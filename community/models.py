"""Every model and review handler, imported once so the metadata is complete.

Alembic compares migrations with ``Base.metadata``, and the review queue needs
every subject handler registered; importing this module guarantees both.
"""

from community import audit, consent
from community.accounts import models as accounts
from community.accounts import profile_review
from community.chat import data as chat_data, moderation as chat_moderation  # noqa: F401
from community.db import Base
from community.review import models as review

__all__ = ["Base", "accounts", "audit", "consent", "profile_review", "review"]
