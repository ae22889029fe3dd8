"""HTTP endpoints of /v1/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/agenda-onderdelen."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from sqlmodel import select

from app.agenda import schemas, service
from app.bijeenkomsten.router import BijeenkomstDep
from app.common import responses
from app.common.listing import PagineringDep, pagineer
from app.common.router import Router
from app.common.versies import EtagRoute, versie_van
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.models import AgendaOnderdeel
from app.models.enums import Werkvorm

router = Router(
    prefix="/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/agenda-onderdelen",
    tags=["Agenda"],
    route_class=EtagRoute,
)


async def onderdeel_uit_pad(
    request: Request,
    bijeenkomst: BijeenkomstDep,
    onderdeel_id: Annotated[
        uuid.UUID, Path(alias="onderdeelId", description="Id van het agendaonderdeel.")
    ],
    session: SessionDep,
) -> AgendaOnderdeel:
    """Dependency: the agenda part of the path's bijeenkomst, or 404."""
    return service.laad(
        bijeenkomst,
        onderdeel_id,
        session=session,
        for_update=request.method in SCHRIJVENDE_METHODEN,
    )


OnderdeelDep = Annotated[AgendaOnderdeel, Depends(onderdeel_uit_pad)]


@router.get(
    "",
    summary="Agenda van een bijeenkomst opvragen",
    description="De onderdelen in volgorde, elk met zijn werkvorm en de leervragen waarover "
    "het gaat.",
    responses=responses.LEES,
)
async def lijst(
    bijeenkomst: BijeenkomstDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    werkvorm: Annotated[Werkvorm | None, Query(description="Alleen deze werkvorm.")] = None,
) -> schemas.PaginaAgendaOnderdelen:
    statement = select(AgendaOnderdeel).where(AgendaOnderdeel.bijeenkomst_id == bijeenkomst.id)
    if werkvorm is not None:
        statement = statement.where(AgendaOnderdeel.werkvorm == werkvorm)
    rows, page = pagineer(
        session,
        statement,
        paging=paging,
        order_by=service.VOLGORDE,
        request=request,
        response=response,
    )
    return schemas.PaginaAgendaOnderdelen(
        results=service.als_schemas(rows, session=session), **page
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Agendaonderdeel toevoegen",
    description="`leervraagIds` koppelt leervragen van hetzelfde netwerk; een leervraag van een "
    "ander netwerk geeft 400 en er wordt niets opgeslagen.",
    responses=responses.MAAK_ONDER,
)
async def maak(
    bijeenkomst: BijeenkomstDep, data: schemas.AgendaOnderdeelNieuw, session: SessionDep
) -> schemas.AgendaOnderdeel:
    onderdeel = service.maak(bijeenkomst, data, session=session)
    return service.als_schemas([onderdeel], session=session)[0]


@router.get("/{onderdeelId}", summary="Eén agendaonderdeel opvragen", responses=responses.LEES)
async def lees(onderdeel: OnderdeelDep, session: SessionDep) -> schemas.AgendaOnderdeel:
    return service.als_schemas([onderdeel], session=session)[0]


@router.patch(
    "/{onderdeelId}",
    dependencies=[versie_van(onderdeel_uit_pad)],
    summary="Agendaonderdeel wijzigen",
    description="Alleen de meegestuurde velden veranderen; `leervraagIds` vervangt de "
    "gekoppelde leervragen.",
    responses=responses.WIJZIG,
)
async def wijzig(
    onderdeel: OnderdeelDep, data: schemas.AgendaOnderdeelWijziging, session: SessionDep
) -> schemas.AgendaOnderdeel:
    service.wijzig(onderdeel, data, session=session)
    return service.als_schemas([onderdeel], session=session)[0]


@router.delete(
    "/{onderdeelId}",
    dependencies=[versie_van(onderdeel_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Agendaonderdeel verwijderen",
    responses=responses.VERWIJDER,
)
async def verwijder(onderdeel: OnderdeelDep, session: SessionDep) -> None:
    service.verwijder(onderdeel, session=session)
