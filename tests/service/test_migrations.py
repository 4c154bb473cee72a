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
    # The search indexes are database-side objects, made by the migrations, not models.
    differences = [d for d in differences if not _is_search_index(d)]
    assert differences == [], differences


def _is_search_index(difference: tuple) -> bool:
    if difference[0] == "remove_table":
        name = difference[1].name
    elif difference[0] == "remove_index":
        name = difference[1].table.name
    else:
        return False
    return name.startswith("post_fts") or name == "post_search"
