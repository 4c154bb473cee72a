"""suspension: a moderator stops a person signing in for a time

Revision ID: 0004_suspension
Revises: 0003_blogs
Create Date: 2026-11-25 16:44:55.872806

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0004_suspension'
down_revision = '0003_blogs'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('suspension',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('until', sa.DateTime(), nullable=False),
    sa.Column('guideline', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('lifted_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_suspension_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_suspension_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suspension'))
    )
    with op.batch_alter_table('suspension', schema=None) as batch_op:
        batch_op.create_index('ix_suspension_user_until', ['user_id', 'until'], unique=False)


def downgrade():
    with op.batch_alter_table('suspension', schema=None) as batch_op:
        batch_op.drop_index('ix_suspension_user_until')

    op.drop_table('suspension')
