"""Keyset pagination: the one way every list in the product is paged.

A page is fetched with ``WHERE (sort key) after (the last row's key) ORDER BY ...
LIMIT n+1``, so page 1,000 costs what page 1 costs, given an index on the sort key.
The cursor is the last row's key, encoded as an opaque URL-safe string.
"""

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, and_, or_, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from community.errors import ValidationFailed
from community.i18n import N_

T = TypeVar("T")


@dataclass(frozen=True)
class SortKey:
    """A column of the sort order and its direction."""

    column: ColumnElement[Any]
    descending: bool = False


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of rows and the cursor of the next page (None on the last)."""

    items: list[T]
    next_cursor: str | None


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque, URL-safe cursor for a row's sort-key ``values``."""
    tagged = [{"dt": v.isoformat()} if isinstance(v, datetime) else v for v in values]
    raw = json.dumps(tagged, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    """The sort-key values in ``cursor``; ValidationFailed if it was tampered with."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != size:
            raise ValueError("wrong size")
        return [datetime.fromisoformat(v["dt"]) if isinstance(v, dict) else v for v in values]
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError) as exc:
        raise ValidationFailed(N_("That page link is not valid."), field="cursor") from exc


def _after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    """The condition "comes after ``values``" in the order ``keys``."""
    if all(k.descending == keys[0].descending for k in keys):
        # One direction: a row-value comparison, which both SQLite and PostgreSQL
        # answer straight from a composite index.
        left = tuple_(*(k.column for k in keys))
        right = tuple_(*values)
        return left < right if keys[0].descending else left > right
    clauses = []
    for i, key in enumerate(keys):
        equal = [keys[j].column == values[j] for j in range(i)]
        step = key.column < values[i] if key.descending else key.column > values[i]
        clauses.append(and_(*equal, step))
    return or_(*clauses)


def paginate(
    session: Session,
    stmt: Select[Any],
    keys: Sequence[SortKey],
    key_of: Callable[[Any], Sequence[Any]],
    *,
    cursor: str | None,
    limit: int,
    scalars: bool = True,
) -> Page[Any]:
    """Run ``stmt`` ordered by ``keys`` from ``cursor`` on, ``limit`` rows at most.

    ``key_of(row)`` gives a row's sort-key values, which become the next cursor.
    """
    if cursor:
        stmt = stmt.where(_after(keys, decode_cursor(cursor, len(keys))))
    order = [k.column.desc() if k.descending else k.column.asc() for k in keys]
    stmt = stmt.order_by(*order).limit(limit + 1)
    result = session.scalars(stmt) if scalars else session.execute(stmt)
    rows = list(result.all())
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(key_of(rows[-1])) if more and rows else None
    return Page(items=rows, next_cursor=next_cursor)
