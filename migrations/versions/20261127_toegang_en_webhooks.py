"""toegang en webhooks

Revision ID: 98f4aea099cc
Revises: e7b16b88ce90
Create Date: 2026-11-27 21:28:52.640724
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.models.base

revision: str = "98f4aea099cc"
down_revision: str | None = "e7b16b88ce90"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "gebeurtenis",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("onderwerp", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("tijd", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gebeurtenis")),
    )
    with op.batch_alter_table("gebeurtenis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gebeurtenis_netwerk_id"), ["netwerk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_gebeurtenis_type"), ["type"], unique=False)

    op.create_table(
        "idempotent_verzoek",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("afzender", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("sleutel", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("vingerafdruk", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("headers", sa.JSON(), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("klaar", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotent_verzoek")),
        sa.UniqueConstraint(
            "afzender", "sleutel", name=op.f("uq_idempotent_verzoek_afzender_sleutel")
        ),
    )
    op.create_table(
        "api_sleutel",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("naam", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("prefix", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=True),
        sa.Column("verloopt_op", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ingetrokken_op", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("laatst_gebruikt_op", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_api_sleutel_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_sleutel")),
        sa.UniqueConstraint("prefix", name=op.f("uq_api_sleutel_prefix")),
    )
    with op.batch_alter_table("api_sleutel", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_sleutel_netwerk_id"), ["netwerk_id"], unique=False)

    op.create_table(
        "abonnement",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sink", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("types", sa.JSON(), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("geheim", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("beeindigd_reden", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("netwerk_id", sa.Uuid(), nullable=True),
        sa.Column("eigenaar_persoon_id", sa.Uuid(), nullable=True),
        sa.Column("eigenaar_sleutel_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["eigenaar_persoon_id"],
            ["persoon.id"],
            name=op.f("fk_abonnement_eigenaar_persoon_id_persoon"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["eigenaar_sleutel_id"],
            ["api_sleutel.id"],
            name=op.f("fk_abonnement_eigenaar_sleutel_id_api_sleutel"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_abonnement_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_abonnement")),
    )
    with op.batch_alter_table("abonnement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_abonnement_eigenaar_persoon_id"), ["eigenaar_persoon_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_abonnement_eigenaar_sleutel_id"), ["eigenaar_sleutel_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_abonnement_netwerk_id"), ["netwerk_id"], unique=False)

    op.create_table(
        "aflevering",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("abonnement_id", sa.Uuid(), nullable=False),
        sa.Column("gebeurtenis_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pogingen", sa.Integer(), nullable=False),
        sa.Column("volgende_poging_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("geclaimd_tot", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("laatste_statuscode", sa.Integer(), nullable=True),
        sa.Column("afgeleverd_op", app.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["abonnement_id"],
            ["abonnement.id"],
            name=op.f("fk_aflevering_abonnement_id_abonnement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["gebeurtenis_id"],
            ["gebeurtenis.id"],
            name=op.f("fk_aflevering_gebeurtenis_id_gebeurtenis"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aflevering")),
        sa.UniqueConstraint(
            "abonnement_id",
            "gebeurtenis_id",
            name=op.f("uq_aflevering_abonnement_id_gebeurtenis_id"),
        ),
    )
    with op.batch_alter_table("aflevering", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aflevering_abonnement_id"), ["abonnement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_aflevering_gebeurtenis_id"), ["gebeurtenis_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_aflevering_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_aflevering_volgende_poging_op"), ["volgende_poging_op"], unique=False
        )

    op.create_table(
        "aflever_poging",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("aflevering_id", sa.Uuid(), nullable=False),
        sa.Column("moment", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("statuscode", sa.Integer(), nullable=True),
        sa.Column("fout", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("duur_ms", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["aflevering_id"],
            ["aflevering.id"],
            name=op.f("fk_aflever_poging_aflevering_id_aflevering"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aflever_poging")),
    )
    with op.batch_alter_table("aflever_poging", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aflever_poging_aflevering_id"), ["aflevering_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("aflever_poging", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aflever_poging_aflevering_id"))

    op.drop_table("aflever_poging")
    with op.batch_alter_table("aflevering", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aflevering_volgende_poging_op"))
        batch_op.drop_index(batch_op.f("ix_aflevering_status"))
        batch_op.drop_index(batch_op.f("ix_aflevering_gebeurtenis_id"))
        batch_op.drop_index(batch_op.f("ix_aflevering_abonnement_id"))

    op.drop_table("aflevering")
    with op.batch_alter_table("abonnement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_abonnement_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_abonnement_eigenaar_sleutel_id"))
        batch_op.drop_index(batch_op.f("ix_abonnement_eigenaar_persoon_id"))

    op.drop_table("abonnement")
    with op.batch_alter_table("api_sleutel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_sleutel_netwerk_id"))

    op.drop_table("api_sleutel")
    op.drop_table("idempotent_verzoek")
    with op.batch_alter_table("gebeurtenis", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gebeurtenis_type"))
        batch_op.drop_index(batch_op.f("ix_gebeurtenis_netwerk_id"))

    op.drop_table("gebeurtenis")
