"""Webhooks: subscriptions, the outbox of events, and every delivery and attempt."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlmodel import Field

from app.models.base import Tabel, UTCDateTime, utcnow


class Abonnement(Tabel, table=True):
    """A subscription of a sink to event types, modelled on VNG's Notificaties API."""

    sink: str = Field(max_length=500)
    types: list[str] = Field(default_factory=list, sa_type=JSON)
    filters: dict[str, str] = Field(default_factory=dict, sa_type=JSON)
    # Standard Webhooks secret ("whsec_…"); needed in full to sign, so kept as is.
    geheim: str = Field(max_length=100)
    actief: bool = True
    beeindigd_reden: str | None = Field(default=None, max_length=300)
    netwerk_id: uuid.UUID | None = Field(
        default=None, foreign_key="netwerk.id", ondelete="CASCADE", index=True
    )
    eigenaar_persoon_id: uuid.UUID | None = Field(
        default=None, foreign_key="persoon.id", ondelete="CASCADE", index=True
    )
    eigenaar_sleutel_id: uuid.UUID | None = Field(
        default=None, foreign_key="api_sleutel.id", ondelete="CASCADE", index=True
    )


class Gebeurtenis(Tabel, table=True):
    """An event in the outbox, written in the same transaction as the change it reports."""

    type: str = Field(max_length=100, index=True)
    onderwerp: str = Field(max_length=100)
    tijd: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    netwerk_id: uuid.UUID | None = Field(default=None, index=True)


class Aflevering(Tabel, table=True):
    """One event to one subscription: its state and when to try next."""

    __table_args__ = (UniqueConstraint("abonnement_id", "gebeurtenis_id"),)

    abonnement_id: uuid.UUID = Field(foreign_key="abonnement.id", ondelete="CASCADE", index=True)
    gebeurtenis_id: uuid.UUID = Field(foreign_key="gebeurtenis.id", ondelete="CASCADE", index=True)
    status: str = Field(default="wachtend", sa_type=String(20), index=True)
    pogingen: int = 0
    volgende_poging_op: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    # A worker's lease: another worker may take the delivery over once it has passed.
    geclaimd_tot: datetime | None = Field(default=None, sa_type=UTCDateTime)
    laatste_statuscode: int | None = None
    afgeleverd_op: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AfleverPoging(Tabel, table=True):
    """The log of one attempt to deliver."""

    __tablename__ = "aflever_poging"

    aflevering_id: uuid.UUID = Field(foreign_key="aflevering.id", ondelete="CASCADE", index=True)
    moment: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    statuscode: int | None = None
    fout: str | None = Field(default=None, max_length=500)
    duur_ms: int = 0
