"""Organisatie: a participating body, identified by its TOOI URI where it has one."""

from datetime import date

from sqlalchemy import String
from sqlmodel import Field

from app.models.base import Tabel
from app.models.enums import OrganisatieSoort


class Organisatie(Tabel, table=True):
    naam: str = Field(max_length=200, index=True)
    soort: OrganisatieSoort = Field(sa_type=String(40), index=True)
    tooi_uri: str | None = Field(default=None, max_length=255, unique=True)
    organisatiecode: str | None = Field(default=None, max_length=20, index=True)
    oin: str | None = Field(default=None, max_length=20, unique=True)
    begindatum: date | None = None
    einddatum: date | None = None
