"""Follow-up, reflection on learning, the hosting rotation's history, feeds and small groups."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlmodel import Field

from app.models.base import Tabel
from app.models.enums import OpvolgingStatus, RoosterWijzigingSoort
from app.models.netwerkdeel import binnen_netwerk


class Opvolging(Tabel, table=True):
    """A follow-up task: a kartrekker calls a deelnemer who is drifting away."""

    __table_args__ = (
        *binnen_netwerk(("deelnemer_id", "deelnemer"), ("kartrekker_id", "deelnemer")),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    deelnemer_id: uuid.UUID = Field(index=True)
    kartrekker_id: uuid.UUID = Field(index=True)
    # The first missed bijeenkomst of the absence run: one task per run, never recreated.
    bijeenkomst_id: uuid.UUID | None = Field(
        default=None, foreign_key="bijeenkomst.id", ondelete="SET NULL"
    )
    reden: str = Field(max_length=500)
    status: OpvolgingStatus = Field(default=OpvolgingStatus.OPEN, sa_type=String(20))
    notitie: str | None = Field(default=None, max_length=2000)


class Voortgang(Tabel, table=True):
    """What a session did for a leervraag, in its owner's words."""

    __table_args__ = (*binnen_netwerk(("leervraag_id", "leervraag")),)

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    leervraag_id: uuid.UUID = Field(index=True)
    bijeenkomst_id: uuid.UUID | None = Field(
        default=None, foreign_key="bijeenkomst.id", ondelete="SET NULL"
    )
    tekst: str = Field(max_length=2000)


class Onbeschikbaarheid(Tabel, table=True):
    """A date on which an organisation cannot host."""

    __table_args__ = (UniqueConstraint("netwerk_id", "organisatie_id", "datum"),)

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    organisatie_id: uuid.UUID = Field(foreign_key="organisatie.id", ondelete="CASCADE")
    datum: date


class RoosterWijziging(Tabel, table=True):
    """History of the gastrooster: who hosted a bijeenkomst before, who now, and why."""

    __tablename__ = "rooster_wijziging"

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    bijeenkomst_id: uuid.UUID = Field(foreign_key="bijeenkomst.id", ondelete="CASCADE")
    van_organisatie_id: uuid.UUID | None = Field(
        default=None, foreign_key="organisatie.id", ondelete="SET NULL"
    )
    naar_organisatie_id: uuid.UUID | None = Field(
        default=None, foreign_key="organisatie.id", ondelete="SET NULL"
    )
    soort: RoosterWijzigingSoort = Field(sa_type=String(20))
    toelichting: str | None = Field(default=None, max_length=500)


class Kalenderfeed(Tabel, table=True):
    """A revocable calendar feed behind a random token (no personal data in the URL)."""

    prefix: str = Field(max_length=20, unique=True)
    hash: str = Field(max_length=64)
    netwerk_id: uuid.UUID | None = Field(
        default=None, foreign_key="netwerk.id", ondelete="CASCADE", index=True
    )
    persoon_id: uuid.UUID | None = Field(
        default=None, foreign_key="persoon.id", ondelete="CASCADE", index=True
    )
    ingetrokken: bool = False


class Groepsindeling(Tabel, table=True):
    """The small groups of one bijeenkomst: planned ahead or formed on the day."""

    __table_args__ = (
        UniqueConstraint("bijeenkomst_id"),
        *binnen_netwerk(("bijeenkomst_id", "bijeenkomst")),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    bijeenkomst_id: uuid.UUID = Field(index=True)
    # Lists of deelnemer ids, one list per group.
    groepen: list[list[str]] = Field(default_factory=list, sa_type=JSON)
    seed: int = 0
    kwaliteit: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    bron: str = Field(default="dag", sa_type=String(20))
