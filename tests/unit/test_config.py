"""Settings: production refuses to start half-configured; hashing is strong enough."""

import subprocess
import sys
from pathlib import Path

import pytest

from config import ConfigurationError, DevelopmentConfig, ProductionConfig, config_for

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY and DATABASE_URL"),
        ({"SECRET_KEY": "s"}, "DATABASE_URL"),
        ({"DATABASE_URL": "postgresql://x"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_its_secrets(monkeypatch, env, missing):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError, match=missing):
        config_for("production")


def test_production_failure_is_one_clear_line_on_the_command_line():
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        env={"APP_ENV": "production", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode != 0
    assert "Production needs SECRET_KEY and DATABASE_URL set" in result.stderr


def _import_wsgi(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import wsgi; print(wsgi.app.config['ENV_NAME'])"],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_a_wsgi_server_without_app_env_runs_production_and_refuses_without_its_secrets():
    # `gunicorn wsgi:app` with nothing set must not fall back to the public dev key.
    result = _import_wsgi({})
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: Production needs SECRET_KEY and DATABASE_URL set in the environment; "
        "refusing to start without."
    ]


def test_a_wsgi_server_runs_in_development_when_app_env_says_so(tmp_path):
    result = _import_wsgi(
        {"APP_ENV": "development", "DATABASE_URL": f"sqlite:///{tmp_path}/dev.sqlite3"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "development"


@pytest.mark.parametrize("settings", [DevelopmentConfig, ProductionConfig])
def test_password_hashing_meets_owasp_asvs(settings):
    # OWASP Password Storage Cheat Sheet / ASVS 4.0 2.4.1: argon2id, m >= 19 MiB, t >= 2, p >= 1.
    assert settings.PASSWORD_HASH_MEMORY_KIB >= 19 * 1024
    assert settings.PASSWORD_HASH_TIME_COST >= 2
    assert settings.PASSWORD_HASH_PARALLELISM >= 1


def test_unknown_environment_name_is_refused():
    with pytest.raises(ConfigurationError, match="APP_ENV"):
        config_for("staging")


@pytest.mark.parametrize("name", ["development", "production"])
def test_the_socketio_channel_is_read_from_the_environment(monkeypatch, name):
    monkeypatch.setenv("SECRET_KEY", "s")
    monkeypatch.setenv("DATABASE_URL", "postgresql://x")
    monkeypatch.delenv("SOCKETIO_CHANNEL", raising=False)
    assert config_for(name).SOCKETIO_CHANNEL == "flask-socketio"
    monkeypatch.setenv("SOCKETIO_CHANNEL", "ungtilung-staging")
    assert config_for(name).SOCKETIO_CHANNEL == "ungtilung-staging"


def test_the_transport_cap_leaves_room_for_a_client_that_escapes_every_character():
    # "\u00e6" on the wire is six bytes for two in UTF-8: an event just over the
    # chat's own limit must still reach the chat's check and get its error event.
    settings = DevelopmentConfig()
    assert settings.SOCKETIO_MAX_PAYLOAD_BYTES >= 3 * settings.CHAT_EVENT_MAX_BYTES + 1024
