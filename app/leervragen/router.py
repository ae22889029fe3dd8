"""HTTP endpoints of /v1/netwerken/{netwerkId}/leervragen."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from sqlmodel import select

from app.auth.rechten import IngelogdDep, eigen_deelnemer_check
from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.versies import EtagRoute, versie_van
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.leervragen import schemas, service
from app.models import Leervraag
from app.models.enums import LeervraagSoort, LeervraagStatus
from app.netwerken.router import NetwerkDep

router = APIRouter(
    prefix="/netwerken/{netwerkId}/leervragen", tags=["Leervragen"], route_class=EtagRoute
)


def leervraag_uit_pad(
    request: Request,
    netwerk: NetwerkDep,
    leervraag_id: Annotated[
        uuid.UUID, Path(alias="leervraagId", description="Id van de leervraag.")
    ],
    session: SessionDep,
) -> Leervraag:
    """Dependency: the leervraag of the path's netwerk, or 404."""
    return service.laad(
        netwerk, leervraag_id, session=session, for_update=request.method in SCHRIJVENDE_METHODEN
    )


LeervraagDep = Annotated[Leervraag, Depends(leervraag_uit_pad)]


@router.get(
    "",
    summary="Leervragen van een netwerk opvragen",
    description="Te filteren op soort, status, deelnemer en thema; nieuwste eerst.",
    responses=responses.LEES,
)
def lijst(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    soort: Annotated[LeervraagSoort | None, Query(description="`brengen` of `halen`.")] = None,
    status: Annotated[LeervraagStatus | None, Query(description="Alleen deze status.")] = None,
    deelnemer_id: Annotated[
        uuid.UUID | None, Query(alias="deelnemerId", description="Alleen van deze deelnemer.")
    ] = None,
    thema: Annotated[str | None, Query(max_length=60, description="Alleen met dit thema.")] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaLeervragen:
    statement = select(Leervraag).where(Leervraag.netwerk_id == netwerk.id)
    if soort is not None:
        statement = statement.where(Leervraag.soort == soort)
    if status is not None:
        statement = statement.where(Leervraag.status == status)
    if deelnemer_id is not None:
        statement = statement.where(Leervraag.deelnemer_id == deelnemer_id)
    if thema:
        statement = statement.where(service.thema_filter(thema))
    order = sorteer_op(sorteer, service.SORTEERBAAR, ["-aangemaaktOp"], Leervraag.id)
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaLeervragen(
        results=[schemas.Leervraag.model_validate(r) for r in rows], **page
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Leervraag toevoegen",
    description="Wat wil je brengen, wat hoop je te halen? De deelnemer moet van dit netwerk zijn.",
    responses=responses.MAAK_ONDER,
)
def maak(
    netwerk: NetwerkDep,
    data: schemas.LeervraagNieuw,
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> schemas.Leervraag:
    eigen_deelnemer_check(aanroeper, netwerk.id, data.deelnemer_id)
    return schemas.Leervraag.model_validate(service.maak(netwerk, data, session=session))


@router.get("/{leervraagId}", summary="Eén leervraag opvragen", responses=responses.LEES)
def lees(leervraag: LeervraagDep) -> schemas.Leervraag:
    return schemas.Leervraag.model_validate(leervraag)


@router.patch(
    "/{leervraagId}",
    dependencies=[versie_van(leervraag_uit_pad)],
    summary="Leervraag wijzigen",
    description="Alleen de meegestuurde velden veranderen.",
    responses=responses.WIJZIG,
)
def wijzig(
    netwerk: NetwerkDep,
    leervraag: LeervraagDep,
    data: schemas.LeervraagWijziging,
    session: SessionDep,
) -> schemas.Leervraag:
    return schemas.Leervraag.model_validate(
        service.wijzig(netwerk, leervraag, data, session=session)
    )


@router.delete(
    "/{leervraagId}",
    dependencies=[versie_van(leervraag_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Leervraag verwijderen",
    responses=responses.VERWIJDER,
)
def verwijder(leervraag: LeervraagDep, session: SessionDep) -> None:
    service.verwijder(leervraag, session=session)
