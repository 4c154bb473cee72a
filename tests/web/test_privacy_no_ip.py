"""No IP address is stored in the database or written to any log (guideline 8)."""

import http.client
import logging
import threading

from sqlalchemy import String, Text, select

from app.extensions import db
from app.logs import PrivateRequestHandler
from community.db import Base
from tests.conftest import PASSWORD
from tests.web.test_signup import signup_form

CLIENT_ADDRESS = "198.51.100.73"
FORWARDED_ADDRESS = "203.0.113.201"
LOOPBACK_CLIENT = "127.73.31.7"


def everything_stored() -> str:
    """Every text value in every table, and the raw database file on SQLite."""
    parts = []
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, String | Text)]
        if columns:
            for row in db.session.execute(select(*columns)):
                parts.extend(str(v) for v in row if v is not None)
    if db.engine.dialect.name == "sqlite":
        path = db.engine.url.database
        db.session.remove()
        db.engine.dispose()
        for suffix in ("", "-wal"):
            try:
                with open(path + suffix, "rb") as handle:
                    parts.append(handle.read().decode("latin-1"))
            except FileNotFoundError:
                pass
    return "\n".join(parts)


def test_requests_from_a_distinctive_address_leave_no_trace(app, client, caplog):
    caplog.set_level(logging.DEBUG)
    client.environ_base.update(
        {"REMOTE_ADDR": CLIENT_ADDRESS, "HTTP_X_FORWARDED_FOR": FORWARDED_ADDRESS}
    )
    client.submit("/signup", signup_form(description="Jeg elsker at gå ture."))
    client.submit("/logout")
    client.submit("/login", {"login": "StilleSol", "password": "wrong-password-here"})
    client.submit(
        "/login", {"login": "StilleSol", "password": "rolig-morgen-ved-havet", "remember": "y"}
    )
    for path in ("/", "/guidelines", "/privacy", "/settings", "/no-such-page"):
        client.get(path)
    client.submit(
        "/settings/password",
        {"current_password": "x", "new_password": PASSWORD, "new_password_confirm": PASSWORD},
    )
    stored = everything_stored()
    logged = caplog.text
    for address in (CLIENT_ADDRESS, FORWARDED_ADDRESS):
        assert address not in stored
        assert address not in logged


def test_the_development_server_log_has_no_client_address(app, caplog):
    from werkzeug.serving import make_server

    caplog.set_level(logging.INFO, logger="werkzeug")
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=PrivateRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection(
            "127.0.0.1", server.port, source_address=(LOOPBACK_CLIENT, 0), timeout=10
        )
        connection.request("GET", "/guidelines", headers={"X-Forwarded-For": FORWARDED_ADDRESS})
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        server.shutdown()
        thread.join(timeout=5)
    request_lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any("GET /guidelines" in line for line in request_lines)
    assert not any(LOOPBACK_CLIENT in line or FORWARDED_ADDRESS in line for line in request_lines)
