"""API shapes of API keys and of the caller."""

import uuid
from typing import Annotated

from pydantic import AwareDatetime, Field

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, UtcMoment, tekst


class ApiSleutelNieuw(Invoer):
    """Een nieuwe API-sleutel voor een systeem."""

    naam: Annotated[str, tekst(200)] = Field(examples=["Intranet gemeente Assen"])
    scopes: list[str] = Field(
        min_length=1,
        max_length=2,
        description="`beheer` (alles) of `lezen` (alleen lezen).",
        examples=[["lezen"]],
    )
    netwerk_id: uuid.UUID | None = Field(
        default=None, description="Beperk een leessleutel tot één netwerk."
    )
    verloopt_op: AwareDatetime | None = Field(
        default=None, description="Na dit moment werkt de sleutel niet meer."
    )


class ApiSleutel(Resource):
    """Een API-sleutel; het geheim zelf is alleen bij aanmaken te zien."""

    naam: str
    prefix: str = Field(description="Zichtbaar begin van de sleutel, om hem te herkennen.")
    scopes: list[str]
    netwerk_id: uuid.UUID | None
    verloopt_op: UtcMoment | None
    ingetrokken_op: UtcMoment | None
    laatst_gebruikt_op: UtcMoment | None


class ApiSleutelAangemaakt(ApiSleutel):
    """De nieuwe sleutel, met het geheim: bewaar het nu, het wordt nooit meer getoond."""

    sleutel: str = Field(description="Stuur mee in de header `X-Api-Key`.")


class PaginaApiSleutels(Pagina[ApiSleutel]):
    """Een pagina API-sleutels."""


class MijnNetwerk(ApiModel):
    """Een netwerk waarvan de aanroeper deelnemer is."""

    netwerk_id: uuid.UUID
    deelnemer_id: uuid.UUID
    kartrekker: bool


class Ik(ApiModel):
    """Wie de aanroeper is en wat hij mag."""

    persoon_id: uuid.UUID | None = Field(description="Bij aanmelden met een token.")
    api_sleutel_id: uuid.UUID | None = Field(description="Bij aanmelden met een API-sleutel.")
    beheerder: bool
    alleen_lezen: bool
    netwerken: list[MijnNetwerk]
