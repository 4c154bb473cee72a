"""The Flask application: factory, extensions, blueprints, socket handlers, CLI."""

from pathlib import Path

from flask import Flask

from app.extensions import babel, csrf, db, login_manager, migrate, socketio
from community.db import utcnow
from config import BaseConfig, config_for


def create_app(config: str | BaseConfig | None = None, **overrides: object) -> Flask:
    """Build the app for ``config`` (a name such as "testing", or a settings object)."""
    settings = config if isinstance(config, BaseConfig) else config_for(config)
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(settings)
    app.config.update(overrides)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        path = Path(app.instance_path) / "ungtilung.sqlite3"
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{path}"
    app.config["SQLALCHEMY_DATABASE_URI"] = _psycopg_url(app.config["SQLALCHEMY_DATABASE_URI"])
    app.extensions["clock"] = utcnow

    from app import logs

    logs.configure(app)

    import community.models  # noqa: F401 - every model and review handler, before anything queries
    from app import context, i18n, security, sqlite

    context.init_app(app)
    db.init_app(app)
    sqlite.init_app(app)
    migrate.init_app(app, db, directory=str(Path(app.root_path).parent / "migrations"))
    csrf.init_app(app)
    i18n.init_app(app, babel)
    security.init_app(app)

    from app import auth, errors, templating

    auth.init_app(app, login_manager)
    errors.init_app(app)
    templating.init_app(app)
    _register_blueprints(app)
    _init_socketio(app)

    from app import cli

    cli.init_app(app)
    return app


def _psycopg_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs given in the common short forms."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _register_blueprints(app: Flask) -> None:
    from app.account.views import bp as account_bp
    from app.chat.views import bp as chat_bp
    from app.main.views import bp as main_bp
    from app.moderation.views import bp as moderation_bp
    from app.posts.curation import bp as curation_bp
    from app.posts.reading import bp as reading_bp
    from app.posts.social import bp as social_bp
    from app.posts.writing import bp as writing_bp

    for blueprint in (
        main_bp,
        account_bp,
        reading_bp,
        writing_bp,
        social_bp,
        curation_bp,
        moderation_bp,
    ):
        app.register_blueprint(blueprint)
    app.register_blueprint(chat_bp)


def _init_socketio(app: Flask) -> None:
    # Imported before init_app so the chat's handlers are registered with every app.
    from app.chat import (  # noqa: F401
        events_moderation,
        events_rooms,
        events_talks,
        limits,
        sockets,
    )

    socketio.init_app(
        app,
        async_mode="threading",
        message_queue=app.config.get("SOCKETIO_MESSAGE_QUEUE"),
        channel=app.config["SOCKETIO_CHANNEL"],
        # None means same-origin only; never "*".
        cors_allowed_origins=app.config.get("SOCKETIO_ALLOWED_ORIGINS"),
        max_http_buffer_size=app.config["SOCKETIO_MAX_PAYLOAD_BYTES"],
        logger=False,
        engineio_logger=False,
        manage_session=False,
    )
    limits.init_app(app)
