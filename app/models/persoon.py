"""Persoon: someone employed by an organisation."""

import uuid

from sqlmodel import Field

from app.models.base import Tabel


class Persoon(Tabel, table=True):
    naam: str = Field(max_length=200)
    # Stored lower-cased, so that uniqueness ignores case as mail does.
    email: str = Field(max_length=254, unique=True)
    organisatie_id: uuid.UUID = Field(foreign_key="organisatie.id", ondelete="RESTRICT", index=True)
    functie: str | None = Field(default=None, max_length=200)
