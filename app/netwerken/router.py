"""HTTP endpoints of /v1/netwerken and its lifecycle actions."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from sqlmodel import select

from app.auth import rechten
from app.auth.aanroeper import AanroeperDep
from app.auth.rechten import IngelogdDep
from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.versies import EtagRoute, versie_van
from app.db import SessionDep
from app.models import Netwerk
from app.models.enums import NetwerkStatus
from app.netwerken import schemas, service

router = APIRouter(prefix="/netwerken", tags=["Netwerken"], route_class=EtagRoute)


async def netwerk_uit_pad(
    request: Request,
    netwerk_id: Annotated[uuid.UUID, Path(alias="netwerkId", description="Id van het netwerk.")],
    session: SessionDep,
    aanroeper: AanroeperDep,
) -> Netwerk:
    """Dependency: the netwerk named in the path if the caller may see it, or 404."""
    return rechten.netwerk_uit_pad(request, session, aanroeper)


NetwerkDep = Annotated[Netwerk, Depends(netwerk_uit_pad)]


@router.get(
    "",
    summary="Netwerken opvragen",
    description="De netwerken die je mag zien (waarvan je deelnemer bent, en publieke), "
    "te filteren op status en thema; gesorteerd op naam.",
    responses=responses.LIJST,
)
def lijst(
    request: Request,
    response: Response,
    session: SessionDep,
    aanroeper: IngelogdDep,
    paging: PagineringDep,
    status: Annotated[NetwerkStatus | None, Query(description="Alleen deze status.")] = None,
    thema: Annotated[str | None, Query(max_length=60, description="Alleen met dit thema.")] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaNetwerken:
    statement = select(Netwerk).where(rechten.zichtbare_netwerken(aanroeper))
    if status is not None:
        statement = statement.where(Netwerk.status == status)
    if thema:
        statement = statement.where(service.thema_filter(thema))
    order = sorteer_op(sorteer, service.SORTEERBAAR, ["naam"], Netwerk.id)
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaNetwerken(
        results=[schemas.Netwerk.model_validate(r) for r in rows], **page
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Netwerk oprichten",
    description="Een nieuw netwerk begint als `concept`.",
    responses=responses.MAAK,
)
def maak(data: schemas.NetwerkNieuw, session: SessionDep) -> schemas.Netwerk:
    return schemas.Netwerk.model_validate(service.maak(data, session=session))


@router.get("/{netwerkId}", summary="Eén netwerk opvragen", responses=responses.LEES)
def lees(netwerk: NetwerkDep) -> schemas.Netwerk:
    return schemas.Netwerk.model_validate(netwerk)


@router.patch(
    "/{netwerkId}",
    dependencies=[versie_van(netwerk_uit_pad)],
    summary="Netwerk wijzigen",
    description="Alleen de meegestuurde velden veranderen. Rollen en thema's die nog in gebruik "
    "zijn, kunnen niet worden weggehaald (409).",
    responses=responses.WIJZIG,
)
def wijzig(
    netwerk: NetwerkDep, data: schemas.NetwerkWijziging, session: SessionDep
) -> schemas.Netwerk:
    return schemas.Netwerk.model_validate(service.wijzig(netwerk, data, session=session))


@router.delete(
    "/{netwerkId}",
    dependencies=[versie_van(netwerk_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Netwerk verwijderen",
    description="Alleen een netwerk in `concept`; samen met zijn deelnemers, bijeenkomsten "
    "en leervragen.",
    responses=responses.VERWIJDER,
)
def verwijder(netwerk: NetwerkDep, session: SessionDep) -> None:
    service.verwijder(netwerk, session=session)


@router.post(
    "/{netwerkId}/_vervolg",
    status_code=status.HTTP_201_CREATED,
    summary="Vervolgnetwerk starten",
    description="Een netwerk is nooit af: een afgerond netwerk krijgt een opvolger (als "
    "concept) met dezelfde mensen, hetzelfde onderwerp en de open leervragen.",
    responses=responses.ACTIE,
)
def vervolg(netwerk: NetwerkDep, session: SessionDep) -> schemas.Netwerk:
    return schemas.Netwerk.model_validate(service.vervolg(netwerk, session=session))


_ACTIES = {
    "activeer": ("Netwerk starten", "Van `concept` naar `actief`."),
    "pauzeer": (
        "Netwerk pauzeren",
        "Van `actief` naar `gepauzeerd`, bijvoorbeeld om te reflecteren.",
    ),
    "hervat": ("Netwerk hervatten", "Van `gepauzeerd` terug naar `actief`."),
    "rondaf": ("Netwerk afronden", "Van `actief` of `gepauzeerd` naar `afgerond`."),
}


def _actie_endpoint(actie: str):  # type: ignore[no-untyped-def]
    def endpoint(netwerk: NetwerkDep, session: SessionDep) -> schemas.Netwerk:
        return schemas.Netwerk.model_validate(service.voer_uit(netwerk, actie, session=session))

    endpoint.__name__ = f"netwerk_{actie}"
    return endpoint


for _actie, (_summary, _description) in _ACTIES.items():
    router.add_api_route(
        f"/{{netwerkId}}/_{_actie}",
        _actie_endpoint(_actie),
        methods=["POST"],
        summary=_summary,
        description=_description + " Een actie die niet past bij de huidige status geeft 409.",
        responses=responses.ACTIE,
        operation_id=f"netwerken{_actie.title()}",
    )
