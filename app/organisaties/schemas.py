"""API shapes of organisaties."""

from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints

from app.common.listing import Pagina
from app.common.schemas import Invoer, Resource, tekst
from app.models.enums import OrganisatieSoort

# Prefixes of the OIN-stelsel (Logius): RSIN, fiscaal nummer, KVK-nummer, subOIN, Logius-OIN.
OIN_PREFIXES = ("00000001", "00000002", "00000003", "00000004", "00000006")

Oin = Annotated[
    str,
    StringConstraints(pattern=r"^(0000000[12346])\d{12}$"),
    Field(
        description="Organisatie-identificatienummer: 20 cijfers, beginnend met een bekend prefix "
        f"({', '.join(OIN_PREFIXES)}).",
        examples=["00000001001589623000"],
    ),
]
Organisatiecode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2,5}\d{2,6}$"),
    Field(description="Code uit TOOI, bijvoorbeeld `gm0106` (Assen).", examples=["gm0106"]),
]
TooiUri = Annotated[
    str,
    StringConstraints(pattern=r"^https://\S+$", max_length=255),
    Field(
        description="TOOI-URI van de organisatie.",
        examples=["https://identifier.overheid.nl/tooi/id/gemeente/gm0106"],
    ),
]


class OrganisatieNieuw(Invoer):
    """Een nieuwe organisatie."""

    naam: Annotated[str, tekst(200)] = Field(examples=["Gemeente Assen"])
    soort: OrganisatieSoort
    tooi_uri: TooiUri | None = None
    organisatiecode: Organisatiecode | None = None
    oin: Oin | None = None
    begindatum: date | None = None
    einddatum: date | None = Field(default=None, description="Leeg zolang de organisatie bestaat.")


class OrganisatieWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    naam: Annotated[str, tekst(200)] | None = None
    soort: OrganisatieSoort | None = None
    tooi_uri: TooiUri | None = None
    organisatiecode: Organisatiecode | None = None
    oin: Oin | None = None
    begindatum: date | None = None
    einddatum: date | None = None


class Organisatie(Resource):
    """Een deelnemende organisatie: gemeente, provincie, waterschap, ministerie, …"""

    naam: str
    soort: OrganisatieSoort
    tooi_uri: str | None
    organisatiecode: str | None
    oin: str | None
    begindatum: date | None
    einddatum: date | None


class PaginaOrganisaties(Pagina[Organisatie]):
    """Een pagina organisaties."""
