"""Bijeenkomst: a session of a network, hosted by one of its organisations."""

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlmodel import Field

from app.models.base import Tabel, UTCDateTime
from app.models.enums import BijeenkomstStatus


class Bijeenkomst(Tabel, table=True):
    __table_args__ = (
        UniqueConstraint("netwerk_id", "volgnummer"),
        UniqueConstraint("id", "netwerk_id"),
        CheckConstraint("einde > start", name="einde_na_start"),
    )

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    volgnummer: int = Field(ge=1)
    titel: str = Field(max_length=200)
    start: datetime = Field(sa_type=UTCDateTime, index=True)
    einde: datetime = Field(sa_type=UTCDateTime)
    locatie: str | None = Field(default=None, max_length=300)
    online_link: str | None = Field(default=None, max_length=500)
    gastorganisatie_id: uuid.UUID | None = Field(
        default=None, foreign_key="organisatie.id", ondelete="RESTRICT", index=True
    )
    status: BijeenkomstStatus = Field(default=BijeenkomstStatus.GEPLAND, sa_type=String(20))
    capaciteit: int | None = Field(default=None, ge=1)
    # A host a kartrekker set by hand: the rotation planner leaves it alone.
    gastheer_vast: bool = False
    # Why the planner could not be fair here, when it could not (shown in the gastrooster).
    rooster_opmerking: str | None = Field(default=None, max_length=500)
    praktische_info: str | None = Field(default=None, max_length=2000)
    # RFC 5545 SEQUENCE: rises with every change, so calendars replace their copy.
    sequence: int = 0
