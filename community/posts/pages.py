"""Everything one page shows, gathered by one call, in a fixed number of queries."""

from dataclasses import dataclass

from sqlalchemy.orm import Session

from community.accounts.models import User
from community.pagination import Page
from community.posts.comments import comments_for
from community.posts.curation import featured_peer
from community.posts.models import Comment, Post, Topic
from community.posts.reading import (
    active_topics,
    following_page,
    front_page,
    post_for,
    posts_by,
    topic_page,
)
from community.posts.social import follower_count, is_following, liked_post_ids


@dataclass(frozen=True)
class FeedPage:
    """A list of posts with what the viewer needs to show it."""

    posts: Page[Post]
    liked: set[int]
    topics: list[Topic]
    featured: User | None = None
    topic: Topic | None = None


def front(session: Session, viewer: object, cursor: str | None) -> FeedPage:
    """The front page: newest posts, topics, the peer of the week."""
    posts = front_page(session, cursor=cursor)
    return FeedPage(
        posts,
        liked_post_ids(session, viewer, [p.id for p in posts.items]),
        active_topics(session),
        featured_peer(session) if cursor is None else None,
    )


def by_topic(session: Session, viewer: object, topic: Topic, cursor: str | None) -> FeedPage:
    """A topic page."""
    posts = topic_page(session, topic, cursor=cursor)
    return FeedPage(
        posts,
        liked_post_ids(session, viewer, [p.id for p in posts.items]),
        active_topics(session),
        topic=topic,
    )


def followed(session: Session, viewer: object, cursor: str | None) -> FeedPage:
    """Posts from the peers the viewer follows."""
    posts = following_page(session, viewer, cursor=cursor)
    return FeedPage(
        posts, liked_post_ids(session, viewer, [p.id for p in posts.items]), active_topics(session)
    )


@dataclass(frozen=True)
class PostPage:
    post: Post
    comments: Page[Comment]
    liked: bool
    following_author: bool


def reading(session: Session, viewer: object, post_id: int, cursor: str | None) -> PostPage:
    """A post with its comments, as ``viewer`` may see it."""
    post = post_for(session, viewer, post_id)
    return PostPage(
        post=post,
        comments=comments_for(session, viewer, post, cursor=cursor),
        liked=post.id in liked_post_ids(session, viewer, [post.id]),
        following_author=is_following(session, viewer, post.author),
    )


@dataclass(frozen=True)
class ProfilePage:
    peer: User
    posts: Page[Post]
    followers: int
    following: bool


def profile(session: Session, viewer: object, peer: User, cursor: str | None) -> ProfilePage:
    """A peer's public profile: alias, approved description and avatar, their posts."""
    return ProfilePage(
        peer,
        posts_by(session, peer, cursor=cursor),
        follower_count(session, peer),
        is_following(session, viewer, peer),
    )
