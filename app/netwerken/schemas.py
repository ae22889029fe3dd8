"""API shapes of netwerken."""

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import EmailStr, Field, StringConstraints

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, Thema, UtcMoment, tekst
from app.models.enums import NetwerkStatus, OrganisatieSoort

Rol = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=50),
    Field(description="Een perspectief in kebab-case, bijvoorbeeld `jonge-hond`."),
]
Themas = Annotated[list[Thema], Field(max_length=50, description="Thema's van het netwerk.")]
Rollen = Annotated[
    list[Rol],
    Field(
        min_length=1,
        max_length=20,
        description="De rollen die deelnemers kunnen hebben; standaard de vier uit de praktijk: "
        "beslisser, organisatieontwikkeling, participatie en jonge-hond.",
    ),
]

GeblokkeerdeData = Annotated[
    list[date],
    Field(
        max_length=500,
        description="Dagen waarop het netwerk niets plant (vakanties, raadsweken); het plannen "
        "volgens een ritme slaat ze over. De lijst vervangt de vorige.",
        examples=[["2027-05-05", "2027-12-24"]],
    ),
]


class NetwerkNieuw(Invoer):
    """Een nieuw netwerk; het begint als concept."""

    naam: Annotated[str, tekst(200)] = Field(examples=["Democratie in Actie Noord-Nederland"])
    onderwerp: Annotated[str, tekst(500)] | None = Field(
        default=None,
        description="Het scherp afgebakende onderwerp waarover het netwerk leert.",
        examples=["Hoe betrekken we inwoners bij besluiten over de energietransitie?"],
    )
    toelichting: Annotated[str, tekst(5000)] | None = None
    themas: Themas = Field(default_factory=list, examples=[["participatie", "energietransitie"]])
    rollen: Rollen | None = None
    startdatum: date | None = None
    geplande_einddatum: date | None = None
    publiek: bool = Field(
        default=False, description="Zichtbaar voor wie geen deelnemer is (naam, onderwerp)."
    )


class NetwerkWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    naam: Annotated[str, tekst(200)] | None = None
    onderwerp: Annotated[str, tekst(500)] | None = None
    toelichting: Annotated[str, tekst(5000)] | None = None
    themas: Themas | None = None
    rollen: Rollen | None = None
    startdatum: date | None = None
    geplande_einddatum: date | None = None
    publiek: bool | None = None
    geblokkeerde_data: GeblokkeerdeData | None = None


class Netwerk(Resource):
    """Een lerend netwerk."""

    naam: str
    onderwerp: str | None
    toelichting: str | None
    themas: list[str]
    rollen: list[str]
    startdatum: date | None
    geplande_einddatum: date | None
    status: NetwerkStatus = Field(
        description="concept → actief ⇄ gepauzeerd → afgerond; wijzigt via de acties "
        "`_activeer`, `_pauzeer`, `_hervat` en `_rondaf`."
    )
    publiek: bool
    geblokkeerde_data: list[date] = Field(
        description="Dagen waarop het netwerk niets plant (vakanties, raadsweken)."
    )
    voorganger_id: uuid.UUID | None = Field(description="Het netwerk waarvan dit het vervolg is.")


class PaginaNetwerken(Pagina[Netwerk]):
    """Een pagina netwerken."""


Telefoonnummer = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ()-]{5,28}$", max_length=30),
    Field(description="Cijfers, met spaties, haakjes of streepjes.", examples=["+31 591 685 000"]),
]


class ContactpersoonInvoer(Invoer):
    """Wie je bij de organisatie aanspreekt zolang (of naast wie) er deelnemers zijn."""

    naam: Annotated[str, tekst(200)] = Field(examples=["Sanne de Vries"])
    email: EmailStr | None = Field(default=None, max_length=254, examples=["s.devries@emmen.nl"])
    telefoon: Telefoonnummer | None = None


class NetwerkOrganisatieNieuw(Invoer):
    """Een organisatie die aan het netwerk meedoet, met haar contactpersoon."""

    organisatie_id: uuid.UUID = Field(description="Een bestaande organisatie (`/v1/organisaties`).")
    contactpersoon: ContactpersoonInvoer


class NetwerkOrganisatieWijziging(Invoer):
    """Een nieuwe contactpersoon; die vervangt de vorige helemaal."""

    contactpersoon: ContactpersoonInvoer


class Aansluiting(StrEnum):
    """How an organisation takes part in a network."""

    TOEGEVOEGD = "toegevoegd"
    """A kartrekker added it (it may have deelnemers by now)."""
    DEELNEMERS = "deelnemers"
    """Only through its people who are deelnemer."""


class Contactpersoon(ApiModel):
    """De contactpersoon; e-mail en telefoon zijn persoonsgegevens."""

    naam: str
    email: str | None = Field(
        description="Alleen voor de kartrekkers van het netwerk en beheerders; anders `null`."
    )
    telefoon: str | None = Field(
        description="Alleen voor de kartrekkers van het netwerk en beheerders; anders `null`."
    )


class NetwerkOrganisatie(ApiModel):
    """Een organisatie in het netwerk: toegevoegd door een kartrekker, of via haar deelnemers."""

    id: uuid.UUID = Field(description="Id van de organisatie (zoals in `/v1/organisaties`).")
    netwerk_id: uuid.UUID
    naam: str
    soort: OrganisatieSoort
    aangesloten_via: Aansluiting = Field(
        description="`toegevoegd`: een kartrekker voegde haar toe (misschien heeft ze intussen "
        "deelnemers); `deelnemers`: ze doet alleen mee via mensen die deelnemer zijn."
    )
    aantal_deelnemers: int = Field(
        description="Deelnemers van deze organisatie in het netwerk die niet vertrokken zijn."
    )
    contactpersoon: Contactpersoon | None = Field(
        description="Bij een toegevoegde organisatie; `null` bij een organisatie via deelnemers."
    )
    toegevoegd_op: UtcMoment | None = Field(
        description="Wanneer een kartrekker haar toevoegde; `null` bij een organisatie via "
        "deelnemers."
    )
    gewijzigd_op: UtcMoment | None = Field(
        description="De laatste wijziging van de toevoeging (de ETag volgt die)."
    )


class PaginaNetwerkOrganisaties(Pagina[NetwerkOrganisatie]):
    """Een pagina organisaties van een netwerk."""
