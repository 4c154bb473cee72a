"""The moderation engine: checks texts against the community's ethical guidelines.

Pure Python (no web framework, no database), so the web app, the chat, batch jobs
and outside tools can all use it::

    from moderation import check
    verdict = check("ring til mig på 22 33 44 55", "chat")
    verdict.action        # "block"
    verdict.to_dict()     # the JSON shape of docs/moderation-policy-spec.md

The default engine loads its data (``$MODERATION_DATA_DIR`` or
``config/moderation``) on first use; build an ``Engine(data_dir)`` for other data.
"""

from __future__ import annotations

import threading
from typing import Any

from moderation.categories import CATEGORIES, KINDS
from moderation.engine import Engine
from moderation.loader import LoadProblem, PolicyError
from moderation.verdict import Finding, Verdict

__all__ = [
    "CATEGORIES",
    "KINDS",
    "Engine",
    "Finding",
    "LoadProblem",
    "PolicyError",
    "Verdict",
    "check",
    "default_engine",
    "html_to_text",
    "sanitize_html",
]

_default: Engine | None = None
_default_lock = threading.Lock()


def default_engine() -> Engine:
    """The shared engine for the default data directory, loaded once on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Engine()
    return _default


def check(text: str, kind: str) -> Verdict:
    """Check ``text`` as content of ``kind`` (post, comment, chat, profile, alias)."""
    return default_engine().check(text, kind)


def __getattr__(name: str) -> Any:
    # The sanitiser pulls in bleach, which is slow to import; load it only when asked.
    if name in ("sanitize_html", "html_to_text"):
        from moderation import sanitize

        return getattr(sanitize, name)
    raise AttributeError(f"module 'moderation' has no attribute {name!r}")
