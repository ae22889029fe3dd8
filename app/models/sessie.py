"""What happens around a bijeenkomst: RSVPs, attendance, evaluations, contributions, agenda."""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlmodel import Field

from app.models.base import Tabel, UTCDateTime
from app.models.enums import AanmeldAntwoord, AanwezigheidStatus, BijdrageSoort, Werkvorm
from app.models.netwerkdeel import binnen_netwerk


class Aanmelding(Tabel, table=True):
    """A deelnemer's answer to "are you coming?"; a colleague may come as vervanger."""

    __table_args__ = (
        UniqueConstraint("bijeenkomst_id", "deelnemer_id"),
        *binnen_netwerk(("bijeenkomst_id", "bijeenkomst"), ("deelnemer_id", "deelnemer")),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    bijeenkomst_id: uuid.UUID = Field(index=True)
    deelnemer_id: uuid.UUID = Field(index=True)
    antwoord: AanmeldAntwoord = Field(sa_type=String(20))
    vervanger_persoon_id: uuid.UUID | None = Field(
        default=None, foreign_key="persoon.id", ondelete="SET NULL"
    )
    # On the waiting list when the venue is full; moves up when someone cancels, in the order
    # people joined the list (`wachtlijst_sinds`), whatever they change meanwhile.
    wachtlijst: bool = False
    wachtlijst_sinds: datetime | None = Field(default=None, sa_type=UTCDateTime)
    opmerking: str | None = Field(default=None, max_length=500)


class Aanwezigheid(Tabel, table=True):
    """Who was there, registered by a kartrekker or the host."""

    __table_args__ = (
        UniqueConstraint("bijeenkomst_id", "deelnemer_id"),
        *binnen_netwerk(("bijeenkomst_id", "bijeenkomst"), ("deelnemer_id", "deelnemer")),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    bijeenkomst_id: uuid.UUID = Field(index=True)
    deelnemer_id: uuid.UUID = Field(index=True)
    status: AanwezigheidStatus = Field(sa_type=String(20))


class Evaluatie(Tabel, table=True):
    """A deelnemer's judgement of a bijeenkomst: once per person, editable by its author."""

    __table_args__ = (
        UniqueConstraint("bijeenkomst_id", "deelnemer_id"),
        CheckConstraint("leerwaarde BETWEEN 1 AND 5", name="leerwaarde_1_tot_5"),
        CheckConstraint("plezier BETWEEN 1 AND 5", name="plezier_1_tot_5"),
        *binnen_netwerk(("bijeenkomst_id", "bijeenkomst"), ("deelnemer_id", "deelnemer")),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    bijeenkomst_id: uuid.UUID = Field(index=True)
    deelnemer_id: uuid.UUID = Field(index=True)
    leerwaarde: int
    plezier: int
    opbrengst: str | None = Field(default=None, max_length=2000)


class Bijdrage(Tabel, table=True):
    """What a deelnemer does for a bijeenkomst: host contact, organiser, presenter, facilitator."""

    __table_args__ = (
        UniqueConstraint("bijeenkomst_id", "deelnemer_id", "soort"),
        *binnen_netwerk(("bijeenkomst_id", "bijeenkomst"), ("deelnemer_id", "deelnemer")),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    bijeenkomst_id: uuid.UUID = Field(index=True)
    deelnemer_id: uuid.UUID = Field(index=True)
    soort: BijdrageSoort = Field(sa_type=String(20))


class AgendaOnderdeel(Tabel, table=True):
    """One part of a bijeenkomst's agenda, in a werkvorm, possibly about some leervragen."""

    __tablename__ = "agenda_onderdeel"
    __table_args__ = (
        UniqueConstraint("id", "netwerk_id"),
        *binnen_netwerk(("bijeenkomst_id", "bijeenkomst")),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    bijeenkomst_id: uuid.UUID = Field(index=True)
    volgorde: int = Field(ge=1)
    werkvorm: Werkvorm = Field(sa_type=String(20))
    titel: str = Field(max_length=200)
    toelichting: str | None = Field(default=None, max_length=2000)
    duur_minuten: int | None = None


class AgendaLeervraag(Tabel, table=True):
    """A leervraag an agenda part is about."""

    __tablename__ = "agenda_leervraag"
    __table_args__ = (
        UniqueConstraint("agenda_onderdeel_id", "leervraag_id"),
        *binnen_netwerk(("agenda_onderdeel_id", "agenda_onderdeel"), ("leervraag_id", "leervraag")),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    agenda_onderdeel_id: uuid.UUID = Field(index=True)
    leervraag_id: uuid.UUID = Field(index=True)
