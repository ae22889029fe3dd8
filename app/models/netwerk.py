"""Netwerk and Deelnemer: the learning network and the people in it."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlmodel import Field

from app.models.base import Tabel
from app.models.enums import STANDAARD_ROLLEN, DeelnemerStatus, NetwerkStatus


class Netwerk(Tabel, table=True):
    naam: str = Field(max_length=200)
    onderwerp: str | None = Field(default=None, max_length=500)
    toelichting: str | None = Field(default=None, max_length=5000)
    themas: list[str] = Field(default_factory=list, sa_type=JSON)
    rollen: list[str] = Field(default_factory=lambda: list(STANDAARD_ROLLEN), sa_type=JSON)
    startdatum: date | None = None
    geplande_einddatum: date | None = None
    status: NetwerkStatus = Field(default=NetwerkStatus.CONCEPT, sa_type=String(20), index=True)
    publiek: bool = False
    # The kartrekkers' edits of the spelregels; null means the defaults of the article.
    spelregels: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    # Days the network paused to reflect ("pas op de plaats").
    reflecties: list[str] = Field(default_factory=list, sa_type=JSON)
    # Dates on which no bijeenkomst is planned (holidays, council weeks).
    geblokkeerde_data: list[str] = Field(default_factory=list, sa_type=JSON)
    voorganger_id: uuid.UUID | None = Field(
        default=None, foreign_key="netwerk.id", ondelete="SET NULL"
    )


class Deelnemer(Tabel, table=True):
    __table_args__ = (
        UniqueConstraint("netwerk_id", "persoon_id"),
        # Target of the composite foreign keys that keep children inside one network.
        UniqueConstraint("id", "netwerk_id"),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    persoon_id: uuid.UUID = Field(foreign_key="persoon.id", ondelete="RESTRICT", index=True)
    rol: str = Field(max_length=50)
    kartrekker: bool = False
    status: DeelnemerStatus = Field(default=DeelnemerStatus.ACTIEF, sa_type=String(20))
    sinds: date
    tot: date | None = None
    # The deelnemer this one replaces (a vervanger), for a stable composition.
    vervangt_id: uuid.UUID | None = Field(
        default=None, foreign_key="deelnemer.id", ondelete="SET NULL"
    )
