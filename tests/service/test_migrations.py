"""The schema comes from the migrations only, and they match the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.extensions import db
from community.db import Base


def test_models_and_migrations_agree(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, Base.metadata)
    # FTS shadow tables and similar database-side objects are not models.
    differences = [d for d in differences if not _is_fts_table(d)]
    assert differences == [], differences


def _is_fts_table(difference: tuple) -> bool:
    return difference[0] == "remove_table" and "_fts" in difference[1].name
