"""API shapes of bijeenkomsten."""

import uuid
from typing import Annotated

from pydantic import AwareDatetime, Field, StringConstraints

from app.common.listing import Pagina
from app.common.schemas import Invoer, Resource, UtcMoment, tekst
from app.models.enums import BijeenkomstStatus

Link = Annotated[
    str,
    StringConstraints(pattern=r"^https?://\S+$", max_length=500),
    Field(description="Link voor wie online meedoet.", examples=["https://meet.example.nl/abc"]),
]
Moment = Annotated[
    AwareDatetime,
    Field(description="Datum-tijd mét tijdzone, bijvoorbeeld `2027-02-11T13:30:00+01:00`."),
]


class BijeenkomstNieuw(Invoer):
    """Een nieuwe bijeenkomst van het netwerk."""

    titel: Annotated[str, tekst(200)] = Field(examples=["Inwoners aan het roer"])
    start: Moment
    einde: Moment
    volgnummer: int | None = Field(
        default=None, ge=1, le=10_000, description="Standaard het volgende vrije nummer."
    )
    locatie: Annotated[str, tekst(300)] | None = Field(
        default=None, examples=["Stadhuis Assen, Noordersingel 33"]
    )
    online_link: Link | None = None
    gastorganisatie_id: uuid.UUID | None = Field(
        default=None, description="De organisatie die gastheer is; moet deelnemen aan het netwerk."
    )
    status: BijeenkomstStatus = BijeenkomstStatus.GEPLAND


class BijeenkomstWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    titel: Annotated[str, tekst(200)] | None = None
    start: Moment | None = None
    einde: Moment | None = None
    volgnummer: int | None = Field(default=None, ge=1, le=10_000)
    locatie: Annotated[str, tekst(300)] | None = None
    online_link: Link | None = None
    gastorganisatie_id: uuid.UUID | None = None
    status: BijeenkomstStatus | None = None


class Bijeenkomst(Resource):
    """Een bijeenkomst van een netwerk, georganiseerd door een gastorganisatie."""

    netwerk_id: uuid.UUID
    volgnummer: int
    titel: str
    start: UtcMoment = Field(description="Begin (UTC).")
    einde: UtcMoment = Field(description="Einde (UTC).")
    locatie: str | None
    online_link: str | None
    gastorganisatie_id: uuid.UUID | None
    status: BijeenkomstStatus


class PaginaBijeenkomsten(Pagina[Bijeenkomst]):
    """Een pagina bijeenkomsten."""
