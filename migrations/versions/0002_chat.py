"""chat: rooms and opening hours, memberships, talks, messages, sockets, sanctions

Revision ID: 0002_chat
Revises: 0001_foundation
Create Date: 2026-11-25 12:39:21.827169

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002_chat'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('chat_connection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sid', sa.String(length=64), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('connected_at', sa.DateTime(), nullable=False),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_connection')),
    sa.UniqueConstraint('sid', name=op.f('uq_chat_connection_sid'))
    )
    with op.batch_alter_table('chat_connection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_connection_token_hash'), ['token_hash'], unique=False)

    op.create_table('chat_mute',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('muted_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('until', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['muted_by_id'], ['user_account.id'], name=op.f('fk_chat_mute_muted_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_chat_mute_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_mute'))
    )
    with op.batch_alter_table('chat_mute', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_mute_user_id'), ['user_id'], unique=False)

    op.create_table('chat_room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('max_members', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('archived_at', sa.DateTime(), nullable=True),
    sa.Column('opened_ad_hoc_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_chat_room_created_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_room'))
    )
    op.create_table('chat_membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('joined_at', sa.DateTime(), nullable=False),
    sa.Column('joined_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['room_id'], ['chat_room.id'], name=op.f('fk_chat_membership_room_id_chat_room'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_chat_membership_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_membership')),
    sa.UniqueConstraint('room_id', 'user_id', name=op.f('uq_chat_membership_room_id_user_id'))
    )
    with op.batch_alter_table('chat_membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_membership_user_id'), ['user_id'], unique=False)

    op.create_table('chat_opening_hours',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('ends', sa.Time(), nullable=False),
    sa.ForeignKeyConstraint(['room_id'], ['chat_room.id'], name=op.f('fk_chat_opening_hours_room_id_chat_room'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_opening_hours'))
    )
    with op.batch_alter_table('chat_opening_hours', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_opening_hours_room_id'), ['room_id'], unique=False)

    op.create_table('chat_presence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['chat_connection.id'], name=op.f('fk_chat_presence_connection_id_chat_connection'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['room_id'], ['chat_room.id'], name=op.f('fk_chat_presence_room_id_chat_room'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_chat_presence_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_presence')),
    sa.UniqueConstraint('connection_id', 'room_id', name=op.f('uq_chat_presence_connection_id_room_id'))
    )
    with op.batch_alter_table('chat_presence', schema=None) as batch_op:
        batch_op.create_index('ix_chat_presence_room', ['room_id', 'role'], unique=False)
        batch_op.create_index(batch_op.f('ix_chat_presence_user_id'), ['user_id'], unique=False)

    op.create_table('chat_removal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('removed_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('until', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['removed_by_id'], ['user_account.id'], name=op.f('fk_chat_removal_removed_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['room_id'], ['chat_room.id'], name=op.f('fk_chat_removal_room_id_chat_room'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_chat_removal_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_removal'))
    )
    with op.batch_alter_table('chat_removal', schema=None) as batch_op:
        batch_op.create_index('ix_chat_removal_room_user', ['room_id', 'user_id'], unique=False)

    op.create_table('chat_talk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('follower_id', sa.Integer(), nullable=False),
    sa.Column('host_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=False),
    sa.Column('accepted_at', sa.DateTime(), nullable=True),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('helped', sa.Integer(), nullable=True),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['follower_id'], ['user_account.id'], name=op.f('fk_chat_talk_follower_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['host_id'], ['user_account.id'], name=op.f('fk_chat_talk_host_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['room_id'], ['chat_room.id'], name=op.f('fk_chat_talk_room_id_chat_room'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_talk'))
    )
    with op.batch_alter_table('chat_talk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_talk_follower_id'), ['follower_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_chat_talk_host_id'), ['host_id'], unique=False)
        batch_op.create_index('ix_chat_talk_queue', ['room_id', 'state', 'requested_at', 'id'], unique=False)

    op.create_table('chat_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('talk_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('display_text', sa.Text(), nullable=True),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('crisis', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('delivered_at', sa.DateTime(), nullable=True),
    sa.Column('removed_at', sa.DateTime(), nullable=True),
    sa.Column('removed_seq', sa.Integer(), nullable=True),
    sa.CheckConstraint('(room_id IS NULL) <> (talk_id IS NULL)', name=op.f('ck_chat_message_one_channel')),
    sa.ForeignKeyConstraint(['author_id'], ['user_account.id'], name=op.f('fk_chat_message_author_id_user_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['room_id'], ['chat_room.id'], name=op.f('fk_chat_message_room_id_chat_room'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['talk_id'], ['chat_talk.id'], name=op.f('fk_chat_message_talk_id_chat_talk'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_message')),
    sa.UniqueConstraint('room_id', 'seq', name=op.f('uq_chat_message_room_id_seq')),
    sa.UniqueConstraint('talk_id', 'seq', name=op.f('uq_chat_message_talk_id_seq'))
    )
    with op.batch_alter_table('chat_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_message_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_chat_message_created_at'), ['created_at'], unique=False)



def downgrade():
    with op.batch_alter_table('chat_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_message_created_at'))
        batch_op.drop_index(batch_op.f('ix_chat_message_author_id'))

    op.drop_table('chat_message')
    with op.batch_alter_table('chat_talk', schema=None) as batch_op:
        batch_op.drop_index('ix_chat_talk_queue')
        batch_op.drop_index(batch_op.f('ix_chat_talk_host_id'))
        batch_op.drop_index(batch_op.f('ix_chat_talk_follower_id'))

    op.drop_table('chat_talk')
    with op.batch_alter_table('chat_removal', schema=None) as batch_op:
        batch_op.drop_index('ix_chat_removal_room_user')

    op.drop_table('chat_removal')
    with op.batch_alter_table('chat_presence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_presence_user_id'))
        batch_op.drop_index('ix_chat_presence_room')

    op.drop_table('chat_presence')
    with op.batch_alter_table('chat_opening_hours', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_opening_hours_room_id'))

    op.drop_table('chat_opening_hours')
    with op.batch_alter_table('chat_membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_membership_user_id'))

    op.drop_table('chat_membership')
    op.drop_table('chat_room')
    with op.batch_alter_table('chat_mute', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_mute_user_id'))

    op.drop_table('chat_mute')
    with op.batch_alter_table('chat_connection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_connection_token_hash'))

    op.drop_table('chat_connection')
