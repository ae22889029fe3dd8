"""Leervraag: what a deelnemer wants to learn (halen) or can offer (brengen)."""

import uuid

from sqlalchemy import JSON, ForeignKeyConstraint, String, UniqueConstraint
from sqlmodel import Field

from app.models.base import Tabel
from app.models.enums import LeervraagSoort, LeervraagStatus


class Leervraag(Tabel, table=True):
    __table_args__ = (
        UniqueConstraint("id", "netwerk_id"),
        # The database itself keeps a leervraag inside its deelnemer's network.
        ForeignKeyConstraint(
            ["deelnemer_id", "netwerk_id"],
            ["deelnemer.id", "deelnemer.netwerk_id"],
            ondelete="CASCADE",
        ),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    deelnemer_id: uuid.UUID = Field(index=True)
    soort: LeervraagSoort = Field(sa_type=String(20))
    tekst: str = Field(max_length=2000)
    themas: list[str] = Field(default_factory=list, sa_type=JSON)
    # Free tags besides the network's themes.
    tags: list[str] = Field(default_factory=list, sa_type=JSON)
    status: LeervraagStatus = Field(default=LeervraagStatus.OPEN, sa_type=String(20))
