"""Demo posts for development: a few published stories, one waiting for review."""

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from community.accounts.models import User
from community.posts.comments import add_comment
from community.posts.curation import feature_peer
from community.posts.models import Post, Topic
from community.posts.rules import ContentRules
from community.posts.social import follow_peer
from community.posts.writing import DraftInput, start_post, submit_post
from community.review.models import ReviewItem
from community.review.services import perform

DEMO_POSTS = [
    (
        "Da angsten fyldte hele dagen",
        "<p>For to år siden kunne jeg ikke gå i supermarkedet uden at få hjertebanken. "
        "Jeg handlede om natten og undgik alle, jeg kendte.</p>"
        "<p>Det vendte ikke på én dag. Men jeg lærte, at angsten topper og falder igen, "
        "hvis jeg bliver i situationen lidt længere, end jeg har lyst til.</p>",
        "Jeg trækker vejret langsomt ind på fire og ud på seks. Og jeg fortæller en ven, "
        "når det er svært, i stedet for at gemme mig.",
        ["anxiety", "everyday-life"],
    ),
    (
        "Ensom midt i en klasse",
        "<p>Jeg sad hver dag sammen med tyve andre og følte mig helt alene. "
        "Det værste var at tro, at det kun var mig.</p>"
        "<p>Da jeg endelig fortalte det til en lærer, fik jeg at vide, "
        "at flere havde det sådan.</p>",
        "En fast aftale om ugen med én person, jeg er tryg ved. Det behøver ikke være mere.",
        ["loneliness", "school-work"],
    ),
    (
        "Små skridt efter en hård vinter",
        "<p>Sidste vinter lå jeg mest i sengen. Jeg troede, det ville blive sådan for altid.</p>"
        "<p>Min behandler foreslog, at jeg skulle gøre én lille ting hver dag. "
        "Nogle dage var det bare at tage tøj på.</p>",
        "En liste med tre små ting om dagen, og lov til at en dag med én ting også tæller.",
        ["depression"],
    ),
]
WAITING_POST = (
    "Hvad jeg gerne ville have vidst som 15-årig",
    "<p>Jeg troede, at man skulle klare alt selv. Det er ikke rigtigt.</p>",
    "At sige det højt til én person gjorde det mindre tungt.",
    ["identity"],
)


def _user(session: Session, alias: str) -> User:
    return session.scalar(select(User).where(User.alias == alias))


def _draft(session: Session, title: str, body: str, helps: str, slugs: list[str]) -> DraftInput:
    topics = list(session.scalars(select(Topic.id).where(Topic.slug.in_(slugs))))
    return DraftInput(title=title, body_html=body, helps_text=helps, topic_ids=topics)


def load_demo_posts(session: Session, rules: ContentRules, now: datetime) -> bool:
    """Create demo posts once; returns False when they already exist."""
    peer, moderator = _user(session, "demo-peer"), _user(session, "demo-moderator")
    follower, coordinator = _user(session, "demo-follower"), _user(session, "demo-coordinator")
    if None in (peer, moderator, follower, coordinator):
        return False
    if session.scalar(select(Post.id).where(Post.author_id == peer.id)) is not None:
        return False
    follow_peer(session, follower, peer, now)
    first_post = None
    for n, (title, body, helps, slugs) in enumerate(DEMO_POSTS):
        when = now - timedelta(days=len(DEMO_POSTS) - n)
        draft = _draft(session, title, body, helps, slugs)
        revision = start_post(session, rules, peer, draft, when)
        submit_post(
            session,
            rules,
            peer,
            revision.post_id,
            draft,
            expected_version=None,
            send_anyway=True,
            now=when,
        )
        item = session.scalar(
            select(ReviewItem).where(
                ReviewItem.subject_type == "post_revision", ReviewItem.subject_id == revision.id
            )
        )
        perform(session, moderator, item.id, "publish", now=when)
        first_post = first_post or revision.post_id
    add_comment(
        session,
        rules,
        follower,
        first_post,
        "Tak fordi du skriver det. Vejrtrækningen vil jeg prøve i morgen.",
        now=now,
    )
    waiting = _draft(session, *WAITING_POST)
    revision = start_post(session, rules, peer, waiting, now)
    submit_post(
        session,
        rules,
        peer,
        revision.post_id,
        waiting,
        expected_version=None,
        send_anyway=True,
        now=now,
    )
    feature_peer(session, coordinator, peer, now)
    return True
