"""Closing the open chat sockets of logins that have just ended.

Logout, a password change, account deletion and a suspension: each ends
login sessions in the database and then calls :func:`close_sockets_of`. Every
socket is recorded with its login's hash when it connects, so the sockets are
found whichever server process holds them, and closed there (through the
message queue when there is one). Socket handlers also re-check the login at
every event, so even a socket missed here cannot act for an ended login.
"""

from app.extensions import db, socketio
from community.chat.presence import sockets_of_logins


def login_room(token_hash: str) -> str:
    """The Socket.IO room every socket of one login joins."""
    return f"login:{token_hash}"


def close_sockets_of(token_hashes: list[str]) -> None:
    """Tell every socket of these logins that the login ended, and close them."""
    if not token_hashes:
        return
    sids = sockets_of_logins(db.session, token_hashes)
    for hashed in token_hashes:
        socketio.emit("session_ended", {}, to=login_room(hashed))
    for sid in sids:
        socketio.server.disconnect(sid, namespace="/")
    for hashed in token_hashes:
        socketio.close_room(login_room(hashed))
