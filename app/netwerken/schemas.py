"""API shapes of netwerken."""

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


class PaginaNetwerken(Pagina[Netwerk]):
    """Een pagina netwerken."""
