"""HTTP endpoints of /v1/netwerken/{netwerkId}/deelnemers."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from sqlmodel import col, select

from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.router import Router
from app.common.versies import EtagRoute, versie_van
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.deelnemers import schemas, service
from app.models import Deelnemer, Persoon
from app.models.enums import DeelnemerStatus
from app.netwerken.router import NetwerkDep

router = Router(
    prefix="/netwerken/{netwerkId}/deelnemers", tags=["Deelnemers"], route_class=EtagRoute
)


async def deelnemer_uit_pad(
    request: Request,
    netwerk: NetwerkDep,
    deelnemer_id: Annotated[
        uuid.UUID, Path(alias="deelnemerId", description="Id van de deelnemer.")
    ],
    session: SessionDep,
) -> tuple[Deelnemer, Persoon]:
    """Dependency: the deelnemer of the path's netwerk, with its persoon, or 404."""
    return service.laad(
        netwerk, deelnemer_id, session=session, for_update=request.method in SCHRIJVENDE_METHODEN
    )


DeelnemerDep = Annotated[tuple[Deelnemer, Persoon], Depends(deelnemer_uit_pad)]


@router.get(
    "",
    summary="Deelnemers van een netwerk opvragen",
    description="Te filteren op rol, status, kartrekker en organisatie; gesorteerd op naam.",
    responses=responses.LEES,
)
async def lijst(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    rol: Annotated[str | None, Query(max_length=50, description="Alleen deze rol.")] = None,
    status: Annotated[DeelnemerStatus | None, Query(description="Alleen deze status.")] = None,
    kartrekker: Annotated[bool | None, Query(description="Alleen (geen) kartrekkers.")] = None,
    organisatie_id: Annotated[
        uuid.UUID | None, Query(alias="organisatieId", description="Alleen van deze organisatie.")
    ] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaDeelnemers:
    statement = (
        select(Deelnemer, Persoon)
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .where(Deelnemer.netwerk_id == netwerk.id)
    )
    if rol is not None:
        statement = statement.where(Deelnemer.rol == rol)
    if status is not None:
        statement = statement.where(Deelnemer.status == status)
    if kartrekker is not None:
        statement = statement.where(Deelnemer.kartrekker == kartrekker)
    if organisatie_id is not None:
        statement = statement.where(Persoon.organisatie_id == organisatie_id)
    order = sorteer_op(sorteer, service.SORTEERBAAR, ["naam"], col(Deelnemer.id))
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaDeelnemers(results=[schemas.Deelnemer.van(d, p) for d, p in rows], **page)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Deelnemer toevoegen",
    description="Een persoon kan één keer deelnemer van een netwerk zijn (anders 409).",
    responses=responses.MAAK_ONDER,
)
async def maak(
    netwerk: NetwerkDep, data: schemas.DeelnemerNieuw, session: SessionDep
) -> schemas.Deelnemer:
    return schemas.Deelnemer.van(*service.maak(netwerk, data, session=session))


@router.get("/{deelnemerId}", summary="Eén deelnemer opvragen", responses=responses.LEES)
async def lees(deelnemer: DeelnemerDep) -> schemas.Deelnemer:
    return schemas.Deelnemer.van(*deelnemer)


@router.patch(
    "/{deelnemerId}",
    dependencies=[versie_van(deelnemer_uit_pad)],
    summary="Deelnemer wijzigen",
    description="Alleen de meegestuurde velden veranderen.",
    responses=responses.WIJZIG,
)
async def wijzig(
    netwerk: NetwerkDep,
    deelnemer: DeelnemerDep,
    data: schemas.DeelnemerWijziging,
    session: SessionDep,
) -> schemas.Deelnemer:
    rij, persoon = deelnemer
    return schemas.Deelnemer.van(service.wijzig(netwerk, rij, data, session=session), persoon)


@router.delete(
    "/{deelnemerId}",
    dependencies=[versie_van(deelnemer_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Deelnemer verwijderen",
    description="Haalt de deelnemer en diens leervragen weg. Wie vertrekt, krijg je beter "
    "met status `vertrokken`: dan blijft de geschiedenis bewaard.",
    responses=responses.VERWIJDER,
)
async def verwijder(netwerk: NetwerkDep, deelnemer: DeelnemerDep, session: SessionDep) -> None:
    service.verwijder(netwerk, deelnemer[0], session=session)
