"""API shapes of evaluaties."""

import uuid
from typing import Annotated

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, UtcMoment, tekst

Leerwaarde = Annotated[
    int, Field(ge=1, le=5, description="Wat leverde het op aan leren? 1 (niets) tot 5 (veel).")
]
Plezier = Annotated[
    int, Field(ge=1, le=5, description="Hoe leuk was het? 1 (niet) tot 5 (erg): bewaak de lol.")
]
Opbrengst = Annotated[
    str,
    tekst(2000),
    Field(
        description="Wat neem je mee, in je eigen woorden.",
        examples=["Het idee van een inwonerspanel dat zelf de agenda zet."],
    ),
]


class EvaluatieNieuw(Invoer):
    """Het oordeel van een deelnemer over een bijeenkomst."""

    deelnemer_id: uuid.UUID = Field(description="De deelnemer die evalueert.")
    leerwaarde: Leerwaarde
    plezier: Plezier
    opbrengst: Opbrengst | None = None


class EvaluatieWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    leerwaarde: Leerwaarde | None = None
    plezier: Plezier | None = None
    opbrengst: Opbrengst | None = None


class Evaluatie(Resource):
    """Een evaluatie; alleen te zien voor wie haar gaf en voor de kartrekkers."""

    netwerk_id: uuid.UUID
    bijeenkomst_id: uuid.UUID
    deelnemer_id: uuid.UUID
    leerwaarde: int
    plezier: int
    opbrengst: str | None


class Samenvatting(ApiModel):
    """De evaluaties van een bijeenkomst samengevat; voor alle deelnemers te zien."""

    aantal: int = Field(description="Aantal evaluaties.")
    gemiddelde_leerwaarde: float | None = Field(description="Gemiddelde, 1 tot 5; leeg bij 0.")
    gemiddeld_plezier: float | None = Field(description="Gemiddelde, 1 tot 5; leeg bij 0.")


class PaginaEvaluaties(Pagina[Evaluatie]):
    """Een pagina evaluaties die je mag zien, met de samenvatting over álle evaluaties."""

    samenvatting: Samenvatting


class TrendPunt(ApiModel):
    """Hoe één gehouden bijeenkomst werd gewaardeerd."""

    bijeenkomst_id: uuid.UUID
    volgnummer: int
    titel: str
    start: UtcMoment
    aantal: int
    gemiddelde_leerwaarde: float | None
    gemiddeld_plezier: float | None


class EvaluatieTrend(ApiModel):
    """De waardering van de gehouden bijeenkomsten van een netwerk, in volgorde van datum."""

    netwerk_id: uuid.UUID
    bijeenkomsten: list[TrendPunt]
