"""netwerk organisaties

Organisations a kartrekker adds to a network, with their contact, before their people join.

Revision ID: e02c7fb0ccb4
Revises: ce15576ac1e1
Create Date: 2026-12-04 21:16:39.197578
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.models.base

revision: str = "e02c7fb0ccb4"
down_revision: str | None = "ce15576ac1e1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "netwerk_organisatie",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("organisatie_id", sa.Uuid(), nullable=False),
        sa.Column("contact_naam", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("contact_email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("contact_telefoon", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_netwerk_organisatie_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_netwerk_organisatie_organisatie_id_organisatie"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_netwerk_organisatie")),
        sa.UniqueConstraint(
            "netwerk_id",
            "organisatie_id",
            name=op.f("uq_netwerk_organisatie_netwerk_id_organisatie_id"),
        ),
    )
    with op.batch_alter_table("netwerk_organisatie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_netwerk_organisatie_netwerk_id"), ["netwerk_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_netwerk_organisatie_organisatie_id"), ["organisatie_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("netwerk_organisatie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_netwerk_organisatie_organisatie_id"))
        batch_op.drop_index(batch_op.f("ix_netwerk_organisatie_netwerk_id"))

    op.drop_table("netwerk_organisatie")
