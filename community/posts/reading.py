"""What readers see: the front page, topic pages, the peers they follow, profiles,
single posts. Every list pages by keyset on (published_at, id), newest first."""

from sqlalchemy import false, select
from sqlalchemy.orm import Session, joinedload

from community.accounts.aliases import user_with_alias
from community.accounts.models import User
from community.errors import NotFound
from community.i18n import N_
from community.pagination import Page, SortKey, paginate
from community.permissions import can
from community.posts.models import Follow, Post, PostRevision, PostState, PostTopic, Topic

NEWEST_FIRST = (SortKey(Post.published_at, descending=True), SortKey(Post.id, descending=True))
PAGE_SIZE = 20


def _visible():
    # Written to match the partial index ix_post_feed exactly, so both databases use it.
    return (Post.state == PostState.PUBLISHED) & (Post.hidden == false())


# A list shows the title and summary, never the whole text: do not load it.
LIST_LOADING = joinedload(Post.live_revision).load_only(
    PostRevision.id, PostRevision.title, PostRevision.summary, PostRevision.topic_ids
)


def _page(session: Session, stmt, cursor: str | None, limit: int) -> Page[Post]:
    stmt = stmt.options(LIST_LOADING)
    return paginate(
        session, stmt, NEWEST_FIRST, lambda p: (p.published_at, p.id), cursor=cursor, limit=limit
    )


def front_page(
    session: Session, *, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page[Post]:
    """The newest visible posts."""
    return _page(session, select(Post).where(_visible()), cursor, limit)


def topic_by_slug(session: Session, slug: str) -> Topic:
    topic = session.scalar(select(Topic).where(Topic.slug == slug, Topic.active))
    if topic is None:
        raise NotFound(N_("There is no such topic."))
    return topic


def topic_page(
    session: Session, topic: Topic, *, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page[Post]:
    """The newest visible posts under ``topic`` (one index range on post_topic)."""
    keys = (
        SortKey(PostTopic.published_at, descending=True),
        SortKey(PostTopic.post_id, descending=True),
    )
    stmt = (
        select(Post)
        .join(PostTopic, PostTopic.post_id == Post.id)
        .where(PostTopic.topic_id == topic.id, _visible())
        .options(LIST_LOADING)
    )
    return paginate(
        session, stmt, keys, lambda p: (p.published_at, p.id), cursor=cursor, limit=limit
    )


def following_page(
    session: Session, viewer: object, *, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page[Post]:
    """The newest visible posts by the peers ``viewer`` follows."""
    followed = select(Follow.followee_id).where(Follow.follower_id == viewer.id)
    return _page(
        session, select(Post).where(_visible(), Post.author_id.in_(followed)), cursor, limit
    )


def posts_by(
    session: Session, author: User, *, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page[Post]:
    """The author's visible posts, newest first (a profile page)."""
    return _page(
        session, select(Post).where(_visible(), Post.author_id == author.id), cursor, limit
    )


def post_for(session: Session, viewer: object, post_id: int) -> Post:
    """A post as ``viewer`` may see it: visible to all, otherwise to its author and
    moderators only; everyone else gets NotFound, as if it did not exist."""
    post = session.get(Post, post_id)
    if post is None or post.live_revision is None:
        raise NotFound(N_("We could not find that post."))
    if post.is_visible or can(viewer, "post.see_unpublished", post):
        return post
    raise NotFound(N_("We could not find that post."))


def peer_by_alias(session: Session, alias: str) -> User:
    """A peer's public profile, by alias (followers have no public profile page)."""
    user = user_with_alias(session, alias)
    if user is None or not user.is_peer:
        raise NotFound(N_("There is no peer with that alias."))
    return user


def active_topics(session: Session) -> list[Topic]:
    """Topics to browse and write under, in their chosen order."""
    return list(
        session.scalars(select(Topic).where(Topic.active).order_by(Topic.position, Topic.id))
    )


def own_posts(
    session: Session, author: object, *, cursor: str | None = None, limit: int = PAGE_SIZE
) -> Page[Post]:
    """All of the author's posts in any state, newest first (their "my posts" page)."""
    return paginate(
        session,
        select(Post).where(Post.author_id == author.id),
        (SortKey(Post.created_at, descending=True), SortKey(Post.id, descending=True)),
        lambda p: (p.created_at, p.id),
        cursor=cursor,
        limit=limit,
    )


def topics_by_id(session: Session, ids: list[int]) -> list[Topic]:
    """The topics with these ids, in list order."""
    if not ids:
        return []
    return list(
        session.scalars(select(Topic).where(Topic.id.in_(ids)).order_by(Topic.position, Topic.id))
    )
