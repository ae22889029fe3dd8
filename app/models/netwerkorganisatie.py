"""NetwerkOrganisatie: an organisation a kartrekker added to a network, with its contact."""

import uuid

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from app.models.base import Tabel


class NetwerkOrganisatie(Tabel, table=True):
    """An organisation invited into a network before (or beside) its people.

    Organisations also take part through their deelnemers; this row records the ones a
    kartrekker added explicitly, and whom to contact there.
    """

    __tablename__ = "netwerk_organisatie"
    __table_args__ = (UniqueConstraint("netwerk_id", "organisatie_id"),)

    netwerk_id: uuid.UUID = Field(foreign_key="netwerk.id", ondelete="CASCADE", index=True)
    # An organisation that is still in a network cannot be removed (organisaties say why).
    organisatie_id: uuid.UUID = Field(foreign_key="organisatie.id", ondelete="RESTRICT", index=True)
    contact_naam: str = Field(max_length=200)
    contact_email: str | None = Field(default=None, max_length=254)
    contact_telefoon: str | None = Field(default=None, max_length=30)
