"""Full-text search over published posts.

SQLite uses an FTS5 table (``post_fts``), PostgreSQL a ``tsvector`` table
(``post_search``) with a GIN index; both are made by the migrations, hold one
row per published post, and are kept up to date when a post is published,
edited or taken down. Results come newest first and page by keyset like every
other list.
"""

import re

from sqlalchemy import Integer, column, false, select, text
from sqlalchemy.orm import Session

import moderation
from community.pagination import Page, SortKey, paginate
from community.posts.models import Post, PostState

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 8


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def index_post(session: Session, post: Post) -> None:
    """Put the post's live text in the search index (replacing what was there)."""
    live = post.live_revision
    if live is None:
        return
    values = {
        "id": post.id,
        "title": live.title,
        "body": moderation.html_to_text(live.body_html),
        "helps": live.helps_text,
    }
    unindex_post(session, post.id)
    if _dialect(session) == "postgresql":
        session.execute(
            text(
                "INSERT INTO post_search (post_id, document) VALUES (:id, "
                "setweight(to_tsvector('danish', :title), 'A') || "
                "setweight(to_tsvector('english', :title), 'A') || "
                "to_tsvector('danish', :body || ' ' || :helps) || "
                "to_tsvector('english', :body || ' ' || :helps))"
            ),
            values,
        )
    else:
        session.execute(
            text(
                "INSERT INTO post_fts (rowid, title, body, helps) "
                "VALUES (:id, :title, :body, :helps)"
            ),
            values,
        )


def unindex_post(session: Session, post_id: int) -> None:
    """Take the post out of the search index."""
    if _dialect(session) == "postgresql":
        session.execute(text("DELETE FROM post_search WHERE post_id = :id"), {"id": post_id})
    else:
        session.execute(text("DELETE FROM post_fts WHERE rowid = :id"), {"id": post_id})


def search_terms(query: str) -> list[str]:
    """The words of a search, without any query syntax a user could inject."""
    return _WORD.findall(query.casefold())[:MAX_TERMS]


def search_posts(
    session: Session, query: str, *, cursor: str | None = None, limit: int = 20
) -> Page[Post]:
    """Visible posts matching every word of ``query`` (the last one as a prefix)."""
    terms = search_terms(query)
    if not terms:
        return Page(items=[], next_cursor=None)
    if _dialect(session) == "postgresql":
        tsquery = " & ".join([*terms[:-1], terms[-1] + ":*"])
        matches = (
            text(
                "SELECT post_id FROM post_search WHERE document @@ (to_tsquery('danish', :q)"
                " || to_tsquery('english', :q) || to_tsquery('simple', :q))"
            )
            .bindparams(q=tsquery)
            .columns(column("post_id", Integer))
        )
    else:
        fts = " ".join(f'"{t}"' for t in terms[:-1]) + f' "{terms[-1]}"*'
        matches = (
            text("SELECT rowid FROM post_fts WHERE post_fts MATCH :q")
            .bindparams(q=fts.strip())
            .columns(column("rowid", Integer))
        )
    stmt = select(Post).where(
        Post.id.in_(matches),
        Post.state == PostState.PUBLISHED,
        Post.hidden == false(),
    )
    return paginate(
        session,
        stmt,
        (SortKey(Post.published_at, descending=True), SortKey(Post.id, descending=True)),
        lambda p: (p.published_at, p.id),
        cursor=cursor,
        limit=limit,
    )
