"""Front page and topic page latency at 10,000 and 300,000 published posts.

    python -m bench feed [--database-url URL] [--requests N]

Seeds posts straight into the database (bulk inserts), then requests the pages
through the whole Flask stack (routing, queries, templates) in-process, and
prints p50/p99 per page and size. The last line is one JSON object. The goal:
p99 under 50 ms, and p50 at 300,000 posts at most 1.5 times p50 at 10,000.
By default it uses a fresh SQLite file in a temporary folder; a PostgreSQL URL
is emptied first (only use a throwaway database).
"""

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select, text

SIZES = (10_000, 300_000)
BATCH = 5_000
BODY = (
    "<p>Jeg vil gerne fortælle om en periode, hvor det var svært at komme ud af sengen, "
    "og om de små ting, der hjalp mig videre.</p>" * 4
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def seed(app, target: int, author_id: int, topic_ids: list[int]) -> None:
    """Add published posts until there are ``target`` of them."""
    from app.extensions import db
    from community.posts.models import Post, PostRevision, PostTopic

    start = db.session.scalar(select(func.count()).select_from(Post)) or 0
    base = datetime(2020, 1, 1, tzinfo=UTC)
    for first in range(start + 1, target + 1, BATCH):
        ids = range(first, min(first + BATCH, target + 1))
        when = {i: base + timedelta(minutes=i) for i in ids}
        db.session.execute(
            insert(Post),
            [
                {
                    "id": i,
                    "author_id": author_id,
                    "state": "published",
                    "title": f"Indlæg {i}",
                    "hidden": False,
                    "live_revision_id": None,
                    "created_at": when[i],
                    "published_at": when[i],
                    "like_count": i % 7,
                    "comment_count": i % 3,
                }
                for i in ids
            ],
        )
        db.session.execute(
            insert(PostRevision),
            [
                {
                    "id": i,
                    "post_id": i,
                    "title": f"Indlæg {i}",
                    "body_html": BODY,
                    "helps_text": "En gåtur hjælper.",
                    "summary": BODY[3:200],
                    "topic_ids": "",
                    "state": "published",
                    "created_at": when[i],
                    "saved_at": when[i],
                    "submitted_at": when[i],
                    "decided_at": when[i],
                    "version": 1,
                }
                for i in ids
            ],
        )
        db.session.execute(
            text("UPDATE post SET live_revision_id = id WHERE id BETWEEN :a AND :b"),
            {"a": ids[0], "b": ids[-1]},
        )
        db.session.execute(
            insert(PostTopic),
            [
                {"topic_id": topic_ids[i % len(topic_ids)], "post_id": i, "published_at": when[i]}
                for i in ids
            ],
        )
        db.session.commit()
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE"))
        db.session.commit()


def measure(client, path: str, requests: int) -> dict[str, float]:
    for _ in range(10):
        client.get(path)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return {"p50": round(statistics.median(timings), 2), "p99": round(percentile(timings, 0.99), 2)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench feed")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args(argv)

    from flask_migrate import upgrade

    from app import create_app
    from app.extensions import db
    from community.accounts.models import Task, UserTask
    from community.accounts.services import SignUpInput, sign_up
    from community.posts.models import Topic

    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{os.path.join(folder, 'feed.sqlite3')}"
        app = create_app("testing", SQLALCHEMY_DATABASE_URI=url)
        with app.app_context():
            if db.engine.dialect.name == "postgresql":
                with db.engine.begin() as connection:
                    connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            upgrade()
            now = datetime.now(UTC)
            author = sign_up(
                db.session,
                app.extensions["account_rules"],
                SignUpInput(
                    alias="bench-peer",
                    email="bench@example.test",
                    password="bench-password-42",
                    birth_year=now.year - 25,
                    municipality_code="0101",
                    accepted_guidelines=True,
                    accepted_privacy=True,
                ),
                now,
            )
            db.session.add(UserTask(user_id=author.id, task=Task.BLOG, active=True, granted_at=now))
            db.session.commit()
            topics = list(db.session.scalars(select(Topic.id)))
            slug = db.session.scalar(select(Topic.slug).where(Topic.id == topics[0]))
            author_id = author.id
        client = app.test_client()
        figures: dict[str, dict] = {}
        for size in SIZES:
            started = time.perf_counter()
            with app.app_context():
                seed(app, size, author_id, topics)
            print(f"seeded {size:,} posts in {time.perf_counter() - started:.1f} s")
            figures[str(size)] = {
                "front": measure(client, "/", args.requests),
                "topic": measure(client, f"/topics/{slug}", args.requests),
            }
            for page, values in figures[str(size)].items():
                print(
                    f"{size:>7,} posts  {page:<5}  p50 {values['p50']:6.2f} ms"
                    f"  p99 {values['p99']:6.2f} ms"
                )
        small, large = figures[str(SIZES[0])], figures[str(SIZES[1])]
        ratios = {page: round(large[page]["p50"] / small[page]["p50"], 2) for page in small}
        worst_p99 = max(v["p99"] for size in figures.values() for v in size.values())
        met = worst_p99 < 50 and all(r <= 1.5 for r in ratios.values())
        print(f"p50 ratio 300k/10k: {ratios}; worst p99 {worst_p99} ms; goal met: {met}")
        dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
        print(
            json.dumps(
                {
                    "benchmark": "feed",
                    "database": dialect,
                    "requests": args.requests,
                    "figures": figures,
                    "p50_ratio": ratios,
                    "worst_p99_ms": worst_p99,
                    "goal_met": met,
                }
            )
        )
    return 0 if met else 1
