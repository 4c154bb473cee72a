"""Closing the open chat sockets of logins that have just ended.

Logout, a password change, suspension: each ends login sessions in the
database. Socket handlers also re-check the login at every event, so this is
the prompt half of the guarantee: the browser is told at once.
"""

from app.extensions import socketio


def login_room(token_hash: str) -> str:
    """The Socket.IO room every socket of one login joins."""
    return f"login:{token_hash}"


def close_sockets_of(token_hashes: list[str]) -> None:
    """Tell every socket of these logins that the login ended, and drop them."""
    for hashed in token_hashes:
        room = login_room(hashed)
        socketio.emit("session_ended", {}, to=room)
        socketio.close_room(room)
