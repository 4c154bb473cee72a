"""blogs: posts and revisions, topics, likes, comments, follows, notifications, search

Revision ID: 0003_blogs
Revises: 0002_chat
Create Date: 2026-11-25 12:43:37.624104

"""
import sqlalchemy as sa
from alembic import op

# The topics a new installation starts with; coordinators edit the list later.
TOPICS = [
    ("anxiety", "Angst", "Anxiety"),
    ("depression", "Depression", "Depression"),
    ("loneliness", "Ensomhed", "Loneliness"),
    ("self-harm-recovery", "Selvskade og recovery", "Self-harm and recovery"),
    ("eating", "Mad og spisning", "Eating"),
    ("school-work", "Skole og arbejde", "School and work"),
    ("family-relationships", "Familie og relationer", "Family and relationships"),
    ("identity", "Identitet", "Identity"),
    ("everyday-life", "Hverdagsliv", "Everyday life"),
]


# revision identifiers, used by Alembic.
revision = '0003_blogs'
down_revision = '0002_chat'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('topic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('name_da', sa.String(length=60), nullable=False),
    sa.Column('name_en', sa.String(length=60), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topic')),
    sa.UniqueConstraint('slug', name=op.f('uq_topic_slug'))
    )
    op.create_table('featured_peer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('chosen_by_id', sa.Integer(), nullable=True),
    sa.Column('chosen_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['chosen_by_id'], ['user_account.id'], name=op.f('fk_featured_peer_chosen_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_featured_peer_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_featured_peer'))
    )
    with op.batch_alter_table('featured_peer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_featured_peer_chosen_at'), ['chosen_at'], unique=False)

    op.create_table('follow',
    sa.Column('follower_id', sa.Integer(), nullable=False),
    sa.Column('followee_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['followee_id'], ['user_account.id'], name=op.f('fk_follow_followee_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['follower_id'], ['user_account.id'], name=op.f('fk_follow_follower_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('follower_id', 'followee_id', name=op.f('pk_follow'))
    )
    with op.batch_alter_table('follow', schema=None) as batch_op:
        batch_op.create_index('ix_follow_followee', ['followee_id'], unique=False)

    op.create_table('post',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('live_revision_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('like_count', sa.Integer(), nullable=False),
    sa.Column('comment_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_post_author_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post'))
    )
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.create_index('ix_post_author_published', ['author_id', 'published_at', 'id'], unique=False)
        batch_op.create_index('ix_post_feed', ['published_at', 'id'], unique=False, sqlite_where=sa.text("state = 'published' AND hidden = 0"), postgresql_where=sa.text("state = 'published' AND hidden = false"))

    op.create_table('comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('shown_body', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_comment_author_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['comment.id'], name=op.f('fk_comment_parent_id_comment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_comment_post_id_post'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment'))
    )
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_comment_post_created', ['post_id', 'created_at', 'id'], unique=False)

    op.create_table('post_like',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_post_like_post_id_post'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_post_like_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'post_id', name=op.f('pk_post_like'))
    )
    op.create_table('post_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=150), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('helps_text', sa.Text(), nullable=False),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('topic_ids', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decision_guideline', sa.Integer(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_post_revision_post_id_post'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_revision'))
    )
    with op.batch_alter_table('post_revision', schema=None) as batch_op:
        batch_op.create_index('ix_post_revision_post_state', ['post_id', 'state'], unique=False)

    # post and post_revision point at each other; the post's reference to its live
    # revision is added once both tables exist (PostgreSQL needs that).
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f('fk_post_live_revision_id_post_revision'), 'post_revision',
            ['live_revision_id'], ['id'], ondelete='SET NULL',
        )

    op.create_table('post_topic',
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_post_topic_post_id_post'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_post_topic_topic_id_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('topic_id', 'post_id', name=op.f('pk_post_topic'))
    )
    with op.batch_alter_table('post_topic', schema=None) as batch_op:
        batch_op.create_index('ix_post_topic_feed', ['topic_id', 'published_at', 'post_id'], unique=False)

    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('comment_id', sa.Integer(), nullable=True),
    sa.Column('guideline', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['user_account.id'], name=op.f('fk_notification_actor_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['comment_id'], ['comment.id'], name=op.f('fk_notification_comment_id_comment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_notification_post_id_post'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_notification_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index('ix_notification_list', ['user_id', 'created_at', 'id'], unique=False)
        batch_op.create_index('ix_notification_unread', ['user_id', 'read_at'], unique=False)

    # Full-text search: a database-side index, not a model (see community/posts/search.py).
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE TABLE post_search ("
            " post_id INTEGER PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,"
            " document TSVECTOR NOT NULL)"
        )
        op.execute("CREATE INDEX ix_post_search_document ON post_search USING GIN (document)")
    else:
        op.execute(
            "CREATE VIRTUAL TABLE post_fts USING fts5("
            "title, body, helps, tokenize = 'unicode61 remove_diacritics 2')"
        )

    topic = sa.table('topic', sa.column('slug'), sa.column('name_da'), sa.column('name_en'),
                     sa.column('position'), sa.column('active'))
    op.bulk_insert(topic, [
        {'slug': slug, 'name_da': da, 'name_en': en, 'position': n, 'active': True}
        for n, (slug, da, en) in enumerate(TOPICS, start=1)
    ])



def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TABLE post_search")
    else:
        op.execute("DROP TABLE post_fts")
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index('ix_notification_unread')
        batch_op.drop_index('ix_notification_list')

    op.drop_table('notification')
    with op.batch_alter_table('post_topic', schema=None) as batch_op:
        batch_op.drop_index('ix_post_topic_feed')

    op.drop_table('post_topic')
    with op.batch_alter_table('post_revision', schema=None) as batch_op:
        batch_op.drop_index('ix_post_revision_post_state')

    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_post_live_revision_id_post_revision'),
                                 type_='foreignkey')

    op.drop_table('post_revision')
    op.drop_table('post_like')
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.drop_index('ix_comment_post_created')
        batch_op.drop_index(batch_op.f('ix_comment_author_id'))

    op.drop_table('comment')
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.drop_index('ix_post_feed', sqlite_where=sa.text("state = 'published' AND hidden = 0"), postgresql_where=sa.text("state = 'published' AND hidden = false"))
        batch_op.drop_index('ix_post_author_published')

    op.drop_table('post')
    with op.batch_alter_table('follow', schema=None) as batch_op:
        batch_op.drop_index('ix_follow_followee')

    op.drop_table('follow')
    with op.batch_alter_table('featured_peer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_featured_peer_chosen_at'))

    op.drop_table('featured_peer')
    op.drop_table('topic')
