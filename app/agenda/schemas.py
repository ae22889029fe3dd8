"""API shapes of agenda parts."""

import uuid
from typing import Annotated

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import Invoer, Resource, tekst
from app.models.enums import Werkvorm

Volgorde = Annotated[
    int, Field(ge=1, le=1000, description="Plaats op de agenda; 1 komt eerst.", examples=[1])
]
Duur = Annotated[int, Field(ge=1, le=1440, description="Duur in minuten.", examples=[45])]
LeervraagIds = Annotated[
    list[uuid.UUID],
    Field(
        max_length=50,
        description="Leervragen van dit netwerk waarover dit onderdeel gaat.",
    ),
]
WerkvormVeld = Annotated[
    Werkvorm,
    Field(
        description="`lezing`, `intervisie`, `kleine-groepen`, `huiswerk`, `excursie` of "
        "`overig`. Huiswerk staat ook in het draaiboek van de volgende gastheer.",
        examples=["intervisie"],
    ),
]


class AgendaOnderdeelNieuw(Invoer):
    """Een nieuw onderdeel van de agenda."""

    werkvorm: WerkvormVeld
    titel: Annotated[str, tekst(200)] = Field(examples=["Casus: de wijkraad in Assen-Oost"])
    volgorde: Volgorde | None = Field(default=None, description="Standaard achteraan.")
    toelichting: Annotated[str, tekst(2000)] | None = None
    duur_minuten: Duur | None = None
    leervraag_ids: LeervraagIds = Field(default_factory=list)


class AgendaOnderdeelWijziging(Invoer):
    """Gedeeltelijke wijziging; `leervraagIds` vervangt de gekoppelde leervragen."""

    werkvorm: WerkvormVeld | None = None
    titel: Annotated[str, tekst(200)] | None = None
    volgorde: Volgorde | None = None
    toelichting: Annotated[str, tekst(2000)] | None = None
    duur_minuten: Duur | None = None
    leervraag_ids: LeervraagIds | None = None


class AgendaOnderdeel(Resource):
    """Een onderdeel van de agenda van een bijeenkomst."""

    netwerk_id: uuid.UUID
    bijeenkomst_id: uuid.UUID
    volgorde: int
    werkvorm: Werkvorm
    titel: str
    toelichting: str | None
    duur_minuten: int | None
    leervraag_ids: list[uuid.UUID]


class PaginaAgendaOnderdelen(Pagina[AgendaOnderdeel]):
    """Een pagina agendaonderdelen."""
