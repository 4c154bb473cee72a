"""The domain: people, roles, consent, content, chat and the review queue.

Services here are plain functions of explicit arguments (a database session, the
acting user, the input, ``now``). They return results or raise
:class:`community.errors.DomainError`, and they own the commit. Nothing here
knows about HTTP, Flask or sockets.
"""
