"""Marking user-facing texts in the domain without depending on a web framework.

Domain errors carry an English message id marked with :func:`N_`; the web layer
translates it with the user's catalogue when it shows the message. Babel's
extractor is configured to collect ``N_`` calls (see ``babel.cfg``).
"""


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it here."""
    return message
