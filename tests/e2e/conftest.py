"""A real server and a real browser (Debian's Chromium, driven by Playwright).

The server is ``python -m app`` on a free loopback port with a fresh SQLite
database and the demo content. Without Chromium or Playwright the tests skip
locally; under CI (``CI`` set) a missing browser fails with a clear message.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEMO_PASSWORD = "demo-password-2024"


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        _missing(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The base URL of a development server with the demo content loaded."""
    folder = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    env = {
        **os.environ,
        "APP_ENV": "development",
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{folder}/e2e.sqlite3",
        "SECRET_KEY": "e2e-secret",
    }
    env.pop("SOCKETIO_MESSAGE_QUEUE", None)
    flask = [sys.executable, "-m", "flask", "--app", "wsgi"]
    for step in (["db", "upgrade"], ["demo", "load"]):
        subprocess.run([*flask, *step], cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def person(browser, live_server):
    """``person("demo-peer")``: a signed-in browser page of its own (own cookies)."""
    contexts = []

    def open_as(alias: str | None, width: int = 390):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        if alias:
            page.goto(live_server + "/login")
            page.fill("#login", alias)
            page.fill("#password", DEMO_PASSWORD)
            page.click("form.stack button[type=submit]")
            page.wait_for_url(live_server + "/")
        return page

    yield open_as
    for context in contexts:
        context.close()
