"""wachtlijst sinds

Revision ID: ffcebb005ebf
Revises: 184a8daac0e7
Create Date: 2026-11-27 23:04:23.670404
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "ffcebb005ebf"
down_revision: str | None = "184a8daac0e7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("aanmelding", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("wachtlijst_sinds", app.models.base.UTCDateTime(timezone=True), nullable=True)
        )
    # Who was waiting keeps the order they had: the moment of their last change.
    op.execute("UPDATE aanmelding SET wachtlijst_sinds = gewijzigd_op WHERE wachtlijst")


def downgrade() -> None:
    with op.batch_alter_table("aanmelding", schema=None) as batch_op:
        batch_op.drop_column("wachtlijst_sinds")
