"""Logins bound to a persoon by issuer and subject; idempotent answers stored encrypted.

Revision ID: ce15576ac1e1
Revises: ffcebb005ebf
Create Date: 2026-12-04 21:11:56.294154
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.models.base

revision: str = "ce15576ac1e1"
down_revision: str | None = "ffcebb005ebf"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "oidc_identiteit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("persoon_id", sa.Uuid(), nullable=False),
        sa.Column("issuer", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["persoon_id"],
            ["persoon.id"],
            name=op.f("fk_oidc_identiteit_persoon_id_persoon"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oidc_identiteit")),
        sa.UniqueConstraint("issuer", "subject", name=op.f("uq_oidc_identiteit_issuer_subject")),
        sa.UniqueConstraint(
            "persoon_id", "issuer", name=op.f("uq_oidc_identiteit_persoon_id_issuer")
        ),
    )
    with op.batch_alter_table("oidc_identiteit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_oidc_identiteit_persoon_id"), ["persoon_id"], unique=False
        )
    # Stored answers were kept in clear text, secrets included; they are a 24-hour cache, so
    # dropping them costs only the replay of a retry that is already late.
    op.execute("DELETE FROM idempotent_verzoek")


def downgrade() -> None:
    with op.batch_alter_table("oidc_identiteit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_oidc_identiteit_persoon_id"))
    op.drop_table("oidc_identiteit")
    # Encrypted answers cannot be replayed by the older code.
    op.execute("DELETE FROM idempotent_verzoek")
