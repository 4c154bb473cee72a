"""Settings for each way the app runs.

Every value can be overridden from the environment. Production refuses to start
without a secret key and a database URL, because falling back to a development
default there would silently put young people's data at risk.
"""

import os
from pathlib import Path
from typing import ClassVar

CONFIG_DIR = Path(__file__).resolve().parent
DATA_DIR = CONFIG_DIR / "data"


class ConfigurationError(RuntimeError):
    """The settings cannot work; the message says what to set, in one line."""


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}.") from exc


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


class BaseConfig:
    """Defaults shared by every environment."""

    ENV_NAME = "base"
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}

    # Languages: Danish by default, English as a choice the user makes.
    LANGUAGES = ("da", "en")
    BABEL_DEFAULT_LOCALE = "da"
    BABEL_DEFAULT_TIMEZONE = "Europe/Copenhagen"

    # Cookies: HttpOnly and SameSite=Lax always; Secure where HTTPS is guaranteed.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    REMEMBER_COOKIE_DURATION_DAYS = 30
    PERMANENT_SESSION_LIFETIME = 60 * 60 * 12

    WTF_CSRF_TIME_LIMIT = 60 * 60 * 8
    # Room for a phone photo, so a picture over the 2 MB limit gets a message beside
    # its field rather than a bare 413.
    MAX_CONTENT_LENGTH = 8 * 1024 * 1024

    # Accounts.
    AGE_MIN = 15
    AGE_MAX = 35
    PASSWORD_MIN_LENGTH = 10
    PASSWORD_MAX_LENGTH = 128
    # argon2id at or above OWASP's ASVS minimum (m=19 MiB, t=2, p=1).
    PASSWORD_HASH_TIME_COST = 2
    PASSWORD_HASH_MEMORY_KIB = 19 * 1024
    PASSWORD_HASH_PARALLELISM = 1
    AVATAR_MAX_BYTES = 2 * 1024 * 1024
    AVATAR_SIZE_PX = 256
    DESCRIPTION_MAX_LENGTH = 1000
    # The reserved ".test" e-mail domain (demo accounts, tests); never in production.
    ALLOW_TEST_EMAIL_DOMAINS = False

    # Data files validated at start-up.
    MUNICIPALITIES_FILE = str(DATA_DIR / "municipalities.csv")
    COMMON_PASSWORDS_FILE = str(DATA_DIR / "common-passwords.txt.gz")
    HELPLINES_FILE = str(DATA_DIR / "helplines.toml")
    RESERVED_ALIASES_FILE = str(DATA_DIR / "reserved-aliases.txt")
    REPORT_REASONS_FILE = str(DATA_DIR / "report-reasons.toml")
    CANNED_REASONS_FILE = str(DATA_DIR / "canned-reasons.toml")

    # Demo accounts exist only where this is true (development).
    DEMO_ACCOUNTS = False
    DEMO_PASSWORD = "demo-password-2024"  # noqa: S105 - documented demo password, development only

    # Content: when true every comment waits for a moderator, clean or not.
    PREMODERATE_ALL_COMMENTS = False
    POST_TITLE_MAX = 150
    POST_BODY_MAX = 20_000  # characters of visible text
    POST_HELPS_MAX = 3_000
    COMMENT_MAX = 2_000
    # Reports from this many different people hide content until a moderator decides.
    REPORTS_TO_HIDE = 3

    # Socket.IO: the browser connects with the WebSocket transport only.
    SOCKETIO_MESSAGE_QUEUE: str | None = None
    # Processes sharing a message queue talk on this pub/sub channel. Redis
    # channels ignore the database index, so two deployments (or two test runs)
    # on one Redis need channels of their own.
    SOCKETIO_CHANNEL = "flask-socketio"
    # When set, the only origins ("https://example.org") a socket may come from,
    # the site's own too, as Engine.IO checks; unset, only the page's own scheme,
    # host and port (or those a proxy forwards).
    SOCKETIO_ALLOWED_ORIGINS: list[str] | None = None
    # The transport's hard cap on one message (Engine.IO's max_http_buffer_size).
    # It is far above CHAT_EVENT_MAX_BYTES on purpose: a client may escape every
    # non-ASCII character (\u00e6 is 6 bytes where UTF-8 needs 2, an emoji 12
    # where it needs 4), so an event just over the chat's limit can be three
    # times its size on the wire, and it must still reach the chat's own check
    # and get an error event. Only past this cap does the transport drop the
    # connection without a word (the client reconnects and catches up).
    SOCKETIO_MAX_PAYLOAD_BYTES = 64 * 1024

    # Chat. Limits past which the sender gets a clear error event. A socket event
    # larger than CHAT_EVENT_MAX_BYTES (as UTF-8 JSON) is refused with a
    # ``chat_error`` and the connection lives on; see SOCKETIO_MAX_PAYLOAD_BYTES
    # for the transport's cap above it.
    CHAT_MESSAGE_MAX_LENGTH = 1000
    CHAT_EVENT_MAX_BYTES = 8 * 1024
    CHAT_RATE_LIMIT_MESSAGES = _env_int("CHAT_RATE_LIMIT_MESSAGES", 5)
    CHAT_RATE_LIMIT_SECONDS = _env_int("CHAT_RATE_LIMIT_SECONDS", 10)
    # Other events (typing, joining, heartbeats...) per socket, against floods.
    CHAT_EVENT_LIMIT_PER_10S = _env_int("CHAT_EVENT_LIMIT_PER_10S", 60)
    # The size a new room gets, and the most a coordinator may give one.
    CHAT_ROOM_DEFAULT_SIZE = 30
    CHAT_ROOM_MAX_SIZE = 500
    CHAT_RETENTION_DAYS = _env_int("CHAT_RETENTION_DAYS", 30)
    # How long a moderator's removal of a person from a room lasts.
    CHAT_REMOVAL_HOURS = 24

    HSTS = False


class DevelopmentConfig(BaseConfig):
    """One process on a laptop: SQLite in the instance folder, demo accounts."""

    ENV_NAME = "development"
    DEMO_ACCOUNTS = True
    ALLOW_TEST_EMAIL_DOMAINS = True

    def __init__(self) -> None:
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret"
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: instance folder
        self.SOCKETIO_MESSAGE_QUEUE = os.environ.get("SOCKETIO_MESSAGE_QUEUE") or None
        self.SOCKETIO_CHANNEL = os.environ.get("SOCKETIO_CHANNEL") or BaseConfig.SOCKETIO_CHANNEL


class TestingConfig(BaseConfig):
    """The test suite: SQLite unless DATABASE_URL is set, cheap password hashing."""

    ENV_NAME = "testing"
    TESTING = True
    ALLOW_TEST_EMAIL_DOMAINS = True
    # Tests create many users; the strength of production hashing is asserted separately.
    PASSWORD_HASH_TIME_COST = 1
    PASSWORD_HASH_MEMORY_KIB = 64
    PASSWORD_HASH_PARALLELISM = 1

    def __init__(self) -> None:
        self.SECRET_KEY = "testing-secret-key"  # noqa: S105 - test-only key
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or "sqlite://"
        self.SOCKETIO_MESSAGE_QUEUE = None


class ProductionConfig(BaseConfig):
    """Behind HTTPS, on PostgreSQL, possibly several processes sharing Redis."""

    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    HSTS = True

    def __init__(self) -> None:
        missing = [n for n in ("SECRET_KEY", "DATABASE_URL") if not os.environ.get(n)]
        if missing:
            raise ConfigurationError(
                f"Production needs {' and '.join(missing)} set in the environment; "
                "refusing to start without."
            )
        self.SECRET_KEY = os.environ["SECRET_KEY"]
        self.SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
        self.SOCKETIO_MESSAGE_QUEUE = os.environ.get("SOCKETIO_MESSAGE_QUEUE") or None
        self.SOCKETIO_CHANNEL = os.environ.get("SOCKETIO_CHANNEL") or BaseConfig.SOCKETIO_CHANNEL
        origins = os.environ.get("SOCKETIO_ALLOWED_ORIGINS", "")
        self.SOCKETIO_ALLOWED_ORIGINS = [o.strip() for o in origins.split(",") if o.strip()] or None
        self.PREMODERATE_ALL_COMMENTS = _env_bool("PREMODERATE_ALL_COMMENTS", False)
        self.AGE_MIN = _env_int("AGE_MIN", BaseConfig.AGE_MIN)
        self.AGE_MAX = _env_int("AGE_MAX", BaseConfig.AGE_MAX)


_BY_NAME = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_for(name: str | None = None) -> BaseConfig:
    """Return the settings object for ``name`` (default: ``APP_ENV`` or development)."""
    chosen = (name or os.environ.get("APP_ENV") or "development").lower()
    try:
        cls = _BY_NAME[chosen]
    except KeyError as exc:
        raise ConfigurationError(
            f"APP_ENV must be one of {', '.join(_BY_NAME)}, not {chosen!r}."
        ) from exc
    return cls()
