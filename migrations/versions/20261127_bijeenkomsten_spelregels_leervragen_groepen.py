"""bijeenkomsten spelregels leervragen groepen

Revision ID: 184a8daac0e7
Revises: 98f4aea099cc
Create Date: 2026-11-27 22:06:12.033097
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import app.models.base

revision: str = "184a8daac0e7"
down_revision: str | None = "98f4aea099cc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing tables first: the new tables' composite keys refer to their new constraints,
    # and new NOT NULL columns get a default for the rows already there.
    with op.batch_alter_table("bijeenkomst", schema=None) as batch_op:
        batch_op.add_column(sa.Column("capaciteit", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("gastheer_vast", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column(
                "rooster_opmerking", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True
            )
        )
        batch_op.add_column(
            sa.Column(
                "praktische_info", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True
            )
        )
        batch_op.add_column(sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"))
        batch_op.create_unique_constraint(
            batch_op.f("uq_bijeenkomst_id_netwerk_id"), ["id", "netwerk_id"]
        )

    with op.batch_alter_table("deelnemer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vervangt_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_deelnemer_vervangt_id_deelnemer"),
            "deelnemer",
            ["vervangt_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("leervraag", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tags", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.create_unique_constraint(
            batch_op.f("uq_leervraag_id_netwerk_id"), ["id", "netwerk_id"]
        )

    with op.batch_alter_table("netwerk", schema=None) as batch_op:
        batch_op.add_column(sa.Column("spelregels", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("reflecties", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(
            sa.Column("geblokkeerde_data", sa.JSON(), nullable=False, server_default="[]")
        )
        batch_op.add_column(sa.Column("voorganger_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_netwerk_voorganger_id_netwerk"),
            "netwerk",
            ["voorganger_id"],
            ["id"],
            ondelete="SET NULL",
        )

    op.create_table(
        "onbeschikbaarheid",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("organisatie_id", sa.Uuid(), nullable=False),
        sa.Column("datum", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_onbeschikbaarheid_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_onbeschikbaarheid_organisatie_id_organisatie"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onbeschikbaarheid")),
        sa.UniqueConstraint(
            "netwerk_id",
            "organisatie_id",
            "datum",
            name=op.f("uq_onbeschikbaarheid_netwerk_id_organisatie_id_datum"),
        ),
    )
    with op.batch_alter_table("onbeschikbaarheid", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_onbeschikbaarheid_netwerk_id"), ["netwerk_id"], unique=False
        )

    op.create_table(
        "agenda_onderdeel",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=False),
        sa.Column("volgorde", sa.Integer(), nullable=False),
        sa.Column("werkvorm", sa.String(length=20), nullable=False),
        sa.Column("titel", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("toelichting", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("duur_minuten", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id", "netwerk_id"],
            ["bijeenkomst.id", "bijeenkomst.netwerk_id"],
            name=op.f("fk_agenda_onderdeel_bijeenkomst_id_netwerk_id_bijeenkomst"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_agenda_onderdeel_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_onderdeel")),
        sa.UniqueConstraint("id", "netwerk_id", name=op.f("uq_agenda_onderdeel_id_netwerk_id")),
    )
    with op.batch_alter_table("agenda_onderdeel", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_onderdeel_bijeenkomst_id"), ["bijeenkomst_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_onderdeel_netwerk_id"), ["netwerk_id"], unique=False
        )

    op.create_table(
        "groepsindeling",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=False),
        sa.Column("groepen", sa.JSON(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("kwaliteit", sa.JSON(), nullable=False),
        sa.Column("bron", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id", "netwerk_id"],
            ["bijeenkomst.id", "bijeenkomst.netwerk_id"],
            name=op.f("fk_groepsindeling_bijeenkomst_id_netwerk_id_bijeenkomst"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_groepsindeling_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groepsindeling")),
        sa.UniqueConstraint("bijeenkomst_id", name=op.f("uq_groepsindeling_bijeenkomst_id")),
    )
    with op.batch_alter_table("groepsindeling", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_groepsindeling_bijeenkomst_id"), ["bijeenkomst_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_groepsindeling_netwerk_id"), ["netwerk_id"], unique=False
        )

    op.create_table(
        "kalenderfeed",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("prefix", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=True),
        sa.Column("persoon_id", sa.Uuid(), nullable=True),
        sa.Column("ingetrokken", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_kalenderfeed_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["persoon_id"],
            ["persoon.id"],
            name=op.f("fk_kalenderfeed_persoon_id_persoon"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kalenderfeed")),
        sa.UniqueConstraint("prefix", name=op.f("uq_kalenderfeed_prefix")),
    )
    with op.batch_alter_table("kalenderfeed", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_kalenderfeed_netwerk_id"), ["netwerk_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_kalenderfeed_persoon_id"), ["persoon_id"], unique=False
        )

    op.create_table(
        "rooster_wijziging",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=False),
        sa.Column("van_organisatie_id", sa.Uuid(), nullable=True),
        sa.Column("naar_organisatie_id", sa.Uuid(), nullable=True),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.Column("toelichting", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id"],
            ["bijeenkomst.id"],
            name=op.f("fk_rooster_wijziging_bijeenkomst_id_bijeenkomst"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["naar_organisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_rooster_wijziging_naar_organisatie_id_organisatie"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_rooster_wijziging_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["van_organisatie_id"],
            ["organisatie.id"],
            name=op.f("fk_rooster_wijziging_van_organisatie_id_organisatie"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rooster_wijziging")),
    )
    with op.batch_alter_table("rooster_wijziging", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rooster_wijziging_netwerk_id"), ["netwerk_id"], unique=False
        )

    op.create_table(
        "aanmelding",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=False),
        sa.Column("deelnemer_id", sa.Uuid(), nullable=False),
        sa.Column("antwoord", sa.String(length=20), nullable=False),
        sa.Column("vervanger_persoon_id", sa.Uuid(), nullable=True),
        sa.Column("wachtlijst", sa.Boolean(), nullable=False),
        sa.Column("opmerking", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id", "netwerk_id"],
            ["bijeenkomst.id", "bijeenkomst.netwerk_id"],
            name=op.f("fk_aanmelding_bijeenkomst_id_netwerk_id_bijeenkomst"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["deelnemer_id", "netwerk_id"],
            ["deelnemer.id", "deelnemer.netwerk_id"],
            name=op.f("fk_aanmelding_deelnemer_id_netwerk_id_deelnemer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_aanmelding_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vervanger_persoon_id"],
            ["persoon.id"],
            name=op.f("fk_aanmelding_vervanger_persoon_id_persoon"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanmelding")),
        sa.UniqueConstraint(
            "bijeenkomst_id", "deelnemer_id", name=op.f("uq_aanmelding_bijeenkomst_id_deelnemer_id")
        ),
    )
    with op.batch_alter_table("aanmelding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aanmelding_bijeenkomst_id"), ["bijeenkomst_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_aanmelding_deelnemer_id"), ["deelnemer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_aanmelding_netwerk_id"), ["netwerk_id"], unique=False)

    op.create_table(
        "aanwezigheid",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=False),
        sa.Column("deelnemer_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id", "netwerk_id"],
            ["bijeenkomst.id", "bijeenkomst.netwerk_id"],
            name=op.f("fk_aanwezigheid_bijeenkomst_id_netwerk_id_bijeenkomst"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["deelnemer_id", "netwerk_id"],
            ["deelnemer.id", "deelnemer.netwerk_id"],
            name=op.f("fk_aanwezigheid_deelnemer_id_netwerk_id_deelnemer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_aanwezigheid_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aanwezigheid")),
        sa.UniqueConstraint(
            "bijeenkomst_id",
            "deelnemer_id",
            name=op.f("uq_aanwezigheid_bijeenkomst_id_deelnemer_id"),
        ),
    )
    with op.batch_alter_table("aanwezigheid", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_aanwezigheid_bijeenkomst_id"), ["bijeenkomst_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_aanwezigheid_deelnemer_id"), ["deelnemer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_aanwezigheid_netwerk_id"), ["netwerk_id"], unique=False
        )

    op.create_table(
        "bijdrage",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=False),
        sa.Column("deelnemer_id", sa.Uuid(), nullable=False),
        sa.Column("soort", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id", "netwerk_id"],
            ["bijeenkomst.id", "bijeenkomst.netwerk_id"],
            name=op.f("fk_bijdrage_bijeenkomst_id_netwerk_id_bijeenkomst"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["deelnemer_id", "netwerk_id"],
            ["deelnemer.id", "deelnemer.netwerk_id"],
            name=op.f("fk_bijdrage_deelnemer_id_netwerk_id_deelnemer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_bijdrage_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bijdrage")),
        sa.UniqueConstraint(
            "bijeenkomst_id",
            "deelnemer_id",
            "soort",
            name=op.f("uq_bijdrage_bijeenkomst_id_deelnemer_id_soort"),
        ),
    )
    with op.batch_alter_table("bijdrage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bijdrage_bijeenkomst_id"), ["bijeenkomst_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_bijdrage_deelnemer_id"), ["deelnemer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_bijdrage_netwerk_id"), ["netwerk_id"], unique=False)

    op.create_table(
        "evaluatie",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=False),
        sa.Column("deelnemer_id", sa.Uuid(), nullable=False),
        sa.Column("leerwaarde", sa.Integer(), nullable=False),
        sa.Column("plezier", sa.Integer(), nullable=False),
        sa.Column("opbrengst", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.CheckConstraint(
            "leerwaarde BETWEEN 1 AND 5", name=op.f("ck_evaluatie_leerwaarde_1_tot_5")
        ),
        sa.CheckConstraint("plezier BETWEEN 1 AND 5", name=op.f("ck_evaluatie_plezier_1_tot_5")),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id", "netwerk_id"],
            ["bijeenkomst.id", "bijeenkomst.netwerk_id"],
            name=op.f("fk_evaluatie_bijeenkomst_id_netwerk_id_bijeenkomst"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["deelnemer_id", "netwerk_id"],
            ["deelnemer.id", "deelnemer.netwerk_id"],
            name=op.f("fk_evaluatie_deelnemer_id_netwerk_id_deelnemer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_evaluatie_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluatie")),
        sa.UniqueConstraint(
            "bijeenkomst_id", "deelnemer_id", name=op.f("uq_evaluatie_bijeenkomst_id_deelnemer_id")
        ),
    )
    with op.batch_alter_table("evaluatie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluatie_bijeenkomst_id"), ["bijeenkomst_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_evaluatie_deelnemer_id"), ["deelnemer_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_evaluatie_netwerk_id"), ["netwerk_id"], unique=False)

    op.create_table(
        "opvolging",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("deelnemer_id", sa.Uuid(), nullable=False),
        sa.Column("kartrekker_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=True),
        sa.Column("reden", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notitie", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id"],
            ["bijeenkomst.id"],
            name=op.f("fk_opvolging_bijeenkomst_id_bijeenkomst"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["deelnemer_id", "netwerk_id"],
            ["deelnemer.id", "deelnemer.netwerk_id"],
            name=op.f("fk_opvolging_deelnemer_id_netwerk_id_deelnemer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kartrekker_id", "netwerk_id"],
            ["deelnemer.id", "deelnemer.netwerk_id"],
            name=op.f("fk_opvolging_kartrekker_id_netwerk_id_deelnemer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_opvolging_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opvolging")),
    )
    with op.batch_alter_table("opvolging", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opvolging_deelnemer_id"), ["deelnemer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_opvolging_kartrekker_id"), ["kartrekker_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opvolging_netwerk_id"), ["netwerk_id"], unique=False)

    op.create_table(
        "agenda_leervraag",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("agenda_onderdeel_id", sa.Uuid(), nullable=False),
        sa.Column("leervraag_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_onderdeel_id", "netwerk_id"],
            ["agenda_onderdeel.id", "agenda_onderdeel.netwerk_id"],
            name=op.f("fk_agenda_leervraag_agenda_onderdeel_id_netwerk_id_agenda_onderdeel"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["leervraag_id", "netwerk_id"],
            ["leervraag.id", "leervraag.netwerk_id"],
            name=op.f("fk_agenda_leervraag_leervraag_id_netwerk_id_leervraag"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_agenda_leervraag_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_leervraag")),
        sa.UniqueConstraint(
            "agenda_onderdeel_id",
            "leervraag_id",
            name=op.f("uq_agenda_leervraag_agenda_onderdeel_id_leervraag_id"),
        ),
    )
    with op.batch_alter_table("agenda_leervraag", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_leervraag_agenda_onderdeel_id"),
            ["agenda_onderdeel_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_leervraag_leervraag_id"), ["leervraag_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_leervraag_netwerk_id"), ["netwerk_id"], unique=False
        )

    op.create_table(
        "voortgang",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("aangemaakt_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("netwerk_id", sa.Uuid(), nullable=False),
        sa.Column("leervraag_id", sa.Uuid(), nullable=False),
        sa.Column("bijeenkomst_id", sa.Uuid(), nullable=True),
        sa.Column("tekst", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.ForeignKeyConstraint(
            ["bijeenkomst_id"],
            ["bijeenkomst.id"],
            name=op.f("fk_voortgang_bijeenkomst_id_bijeenkomst"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["leervraag_id", "netwerk_id"],
            ["leervraag.id", "leervraag.netwerk_id"],
            name=op.f("fk_voortgang_leervraag_id_netwerk_id_leervraag"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["netwerk_id"],
            ["netwerk.id"],
            name=op.f("fk_voortgang_netwerk_id_netwerk"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voortgang")),
    )
    with op.batch_alter_table("voortgang", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_voortgang_leervraag_id"), ["leervraag_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_voortgang_netwerk_id"), ["netwerk_id"], unique=False)


def downgrade() -> None:
    # New tables first: they refer to the constraints the existing tables lose after them.
    with op.batch_alter_table("voortgang", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_voortgang_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_voortgang_leervraag_id"))

    op.drop_table("voortgang")

    with op.batch_alter_table("agenda_leervraag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_leervraag_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_leervraag_leervraag_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_leervraag_agenda_onderdeel_id"))

    op.drop_table("agenda_leervraag")

    with op.batch_alter_table("opvolging", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opvolging_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_opvolging_kartrekker_id"))
        batch_op.drop_index(batch_op.f("ix_opvolging_deelnemer_id"))

    op.drop_table("opvolging")

    with op.batch_alter_table("evaluatie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluatie_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_evaluatie_deelnemer_id"))
        batch_op.drop_index(batch_op.f("ix_evaluatie_bijeenkomst_id"))

    op.drop_table("evaluatie")

    with op.batch_alter_table("bijdrage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bijdrage_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_bijdrage_deelnemer_id"))
        batch_op.drop_index(batch_op.f("ix_bijdrage_bijeenkomst_id"))

    op.drop_table("bijdrage")

    with op.batch_alter_table("aanwezigheid", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aanwezigheid_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_aanwezigheid_deelnemer_id"))
        batch_op.drop_index(batch_op.f("ix_aanwezigheid_bijeenkomst_id"))

    op.drop_table("aanwezigheid")

    with op.batch_alter_table("aanmelding", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_aanmelding_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_aanmelding_deelnemer_id"))
        batch_op.drop_index(batch_op.f("ix_aanmelding_bijeenkomst_id"))

    op.drop_table("aanmelding")

    with op.batch_alter_table("rooster_wijziging", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rooster_wijziging_netwerk_id"))

    op.drop_table("rooster_wijziging")

    with op.batch_alter_table("kalenderfeed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kalenderfeed_persoon_id"))
        batch_op.drop_index(batch_op.f("ix_kalenderfeed_netwerk_id"))

    op.drop_table("kalenderfeed")

    with op.batch_alter_table("groepsindeling", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_groepsindeling_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_groepsindeling_bijeenkomst_id"))

    op.drop_table("groepsindeling")

    with op.batch_alter_table("agenda_onderdeel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_onderdeel_netwerk_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_onderdeel_bijeenkomst_id"))

    op.drop_table("agenda_onderdeel")

    with op.batch_alter_table("onbeschikbaarheid", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onbeschikbaarheid_netwerk_id"))

    op.drop_table("onbeschikbaarheid")

    with op.batch_alter_table("netwerk", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_netwerk_voorganger_id_netwerk"), type_="foreignkey")
        batch_op.drop_column("voorganger_id")
        batch_op.drop_column("geblokkeerde_data")
        batch_op.drop_column("reflecties")
        batch_op.drop_column("spelregels")

    with op.batch_alter_table("leervraag", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_leervraag_id_netwerk_id"), type_="unique")
        batch_op.drop_column("tags")

    with op.batch_alter_table("deelnemer", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_deelnemer_vervangt_id_deelnemer"), type_="foreignkey"
        )
        batch_op.drop_column("vervangt_id")

    with op.batch_alter_table("bijeenkomst", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_bijeenkomst_id_netwerk_id"), type_="unique")
        batch_op.drop_column("sequence")
        batch_op.drop_column("praktische_info")
        batch_op.drop_column("rooster_opmerking")
        batch_op.drop_column("gastheer_vast")
        batch_op.drop_column("capaciteit")
