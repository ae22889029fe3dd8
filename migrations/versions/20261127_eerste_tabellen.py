"""eerste tabellen

Revision ID: e7b16b88ce90
Revises:
Create Date: 2026-11-27 21:20:07.480468
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.models.base

revision: str = "e7b16b88ce90"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "netwerk",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("naam", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("onderwerp", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("toelichting", sqlmodel.sql.sqltypes.AutoString(length=5000), nullable=True),
        sa.Column("themas", sa.JSON(), nullable=False),
        sa.Column("rollen", sa.JSON(), nullable=False),
        sa.Column("startdatum", sa.Date(), nullable=True),
        sa.Column("geplande_einddatum", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("publiek", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_netwerk")),
    )
    with op.batch_alter_table("netwerk", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_netwerk_status"), ["status"], unique=False)

    op.create_table(
        "organisatie",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("naam", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("soort", sa.String(length=40), nullable=False),
        sa.Column("tooi_uri", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("organisatiecode", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("oin", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("begindatum", sa.Date(), nullable=True),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisatie")),
        sa.UniqueConstraint("oin", name=op.f("uq_organisatie_oin")),
        sa.UniqueConstraint("tooi_uri", name=op.f("uq_organisatie_tooi_uri")),
    )
    with op.batch_alter_table("organisatie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisatie_naam"), ["naam"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organisatie_organisatiecode"), ["organisatiecode"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_organisatie_soort"), ["soort"], unique=False)

    op.create_table(
        "bijeenkomst",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False),
        sa.Column("titel", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("start", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("einde", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("locatie", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("online_link", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("gastorganisatie_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.CheckConstraint("einde > start", name=op.f("ck_bijeenkomst_einde_na_start")),
        sa.ForeignKeyConstraint(
            ["gastorganisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_bijeenkomst_gastorganisatie_id_organisatie"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_bijeenkomst_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bijeenkomst")),
        sa.UniqueConstraint(
            "netwerk_id", "volgnummer", name=op.f("uq_bijeenkomst_netwerk_id_volgnummer")
        ),
    )
    with op.batch_alter_table("bijeenkomst", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bijeenkomst_gastorganisatie_id"), ["gastorganisatie_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_bijeenkomst_netwerk_id"), ["netwerk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bijeenkomst_start"), ["start"], unique=False)

    op.create_table(
        "persoon",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("naam", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("organisatie_id", sa.Uuid(), nullable=False),
        sa.Column("functie", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_persoon_organisatie_id_organisatie"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persoon")),
        sa.UniqueConstraint("email", name=op.f("uq_persoon_email")),
    )
    with op.batch_alter_table("persoon", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_persoon_organisatie_id"), ["organisatie_id"], unique=False
        )

    op.create_table(
        "deelnemer",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("persoon_id", sa.Uuid(), nullable=False),
        sa.Column("rol", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("kartrekker", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("sinds", sa.Date(), nullable=False),
        sa.Column("tot", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_deelnemer_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["persoon_id"],
            ["persoon.id"],
            name=op.f("fk_deelnemer_persoon_id_persoon"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deelnemer")),
        sa.UniqueConstraint("id", "netwerk_id", name=op.f("uq_deelnemer_id_netwerk_id")),
        sa.UniqueConstraint(
            "netwerk_id", "persoon_id", name=op.f("uq_deelnemer_netwerk_id_persoon_id")
        ),
    )
    with op.batch_alter_table("deelnemer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deelnemer_netwerk_id"), ["netwerk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_deelnemer_persoon_id"), ["persoon_id"], unique=False)

    op.create_table(
        "leervraag",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("deelnemer_id", sa.Uuid(), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("tekst", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("themas", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["deelnemer_id", "netwerk_id"],
            ["deelnemer.id", "deelnemer.netwerk_id"],
            name=op.f("fk_leervraag_deelnemer_id_netwerk_id_deelnemer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_leervraag_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leervraag")),
    )
    with op.batch_alter_table("leervraag", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_leervraag_deelnemer_id"), ["deelnemer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_leervraag_netwerk_id"), ["netwerk_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("leervraag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leervraag_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_leervraag_deelnemer_id"))

    op.drop_table("leervraag")
    with op.batch_alter_table("deelnemer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deelnemer_persoon_id"))
        batch_op.drop_index(batch_op.f("ix_deelnemer_netwerk_id"))

    op.drop_table("deelnemer")
    with op.batch_alter_table("persoon", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_persoon_organisatie_id"))

    op.drop_table("persoon")
    with op.batch_alter_table("bijeenkomst", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bijeenkomst_start"))
        batch_op.drop_index(batch_op.f("ix_bijeenkomst_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_bijeenkomst_gastorganisatie_id"))

    op.drop_table("bijeenkomst")
    with op.batch_alter_table("organisatie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisatie_soort"))
        batch_op.drop_index(batch_op.f("ix_organisatie_organisatiecode"))
        batch_op.drop_index(batch_op.f("ix_organisatie_naam"))

    op.drop_table("organisatie")
    with op.batch_alter_table("netwerk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_netwerk_status"))

    op.drop_table("netwerk")
