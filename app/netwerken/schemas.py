"""API shapes of netwerken."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints

from app.common.listing import Pagina
from app.common.schemas import Invoer, Resource, Thema, tekst
from app.models.enums import NetwerkStatus

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
