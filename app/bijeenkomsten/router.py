"""HTTP endpoints of /v1/netwerken/{netwerkId}/bijeenkomsten."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from pydantic import AwareDatetime
from sqlmodel import select

from app.bijeenkomsten import planning as plan_service
from app.bijeenkomsten import schemas, service
from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.router import Router
from app.common.versies import EtagRoute, versie_van
from app.common.waarschuwingen import met_waarschuwingen
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.models import Bijeenkomst
from app.models.enums import BijeenkomstStatus
from app.netwerken.router import NetwerkDep

router = Router(
    prefix="/netwerken/{netwerkId}/bijeenkomsten", tags=["Bijeenkomsten"], route_class=EtagRoute
)


async def bijeenkomst_uit_pad(
    request: Request,
    netwerk: NetwerkDep,
    bijeenkomst_id: Annotated[
        uuid.UUID, Path(alias="bijeenkomstId", description="Id van de bijeenkomst.")
    ],
    session: SessionDep,
) -> Bijeenkomst:
    """Dependency: the bijeenkomst of the path's netwerk, or 404."""
    return service.laad(
        netwerk, bijeenkomst_id, session=session, for_update=request.method in SCHRIJVENDE_METHODEN
    )


BijeenkomstDep = Annotated[Bijeenkomst, Depends(bijeenkomst_uit_pad)]


@router.get(
    "",
    summary="Bijeenkomsten van een netwerk opvragen",
    description="Te filteren op status, gastorganisatie en periode; gesorteerd op start.",
    responses=responses.LEES,
)
async def lijst(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    status: Annotated[BijeenkomstStatus | None, Query(description="Alleen deze status.")] = None,
    gastorganisatie_id: Annotated[
        uuid.UUID | None, Query(alias="gastorganisatieId", description="Alleen bij deze gastheer.")
    ] = None,
    vanaf: Annotated[
        AwareDatetime | None,
        Query(description="Alleen bijeenkomsten die op of na dit moment beginnen."),
    ] = None,
    tot: Annotated[
        AwareDatetime | None,
        Query(description="Alleen bijeenkomsten die vóór dit moment beginnen."),
    ] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaBijeenkomsten:
    statement = select(Bijeenkomst).where(Bijeenkomst.netwerk_id == netwerk.id)
    if status is not None:
        statement = statement.where(Bijeenkomst.status == status)
    if gastorganisatie_id is not None:
        statement = statement.where(Bijeenkomst.gastorganisatie_id == gastorganisatie_id)
    if vanaf is not None:
        statement = statement.where(Bijeenkomst.start >= vanaf)
    if tot is not None:
        statement = statement.where(Bijeenkomst.start < tot)
    order = sorteer_op(sorteer, service.SORTEERBAAR, ["start"], Bijeenkomst.id)
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaBijeenkomsten(
        results=[schemas.Bijeenkomst.model_validate(r) for r in rows], **page
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Bijeenkomst plannen",
    description="Een bijeenkomst vóór de start of na het geplande einde van het netwerk wordt "
    "bewaard, met de waarschuwing `buiten-looptijd`.",
    responses=responses.MAAK_ONDER,
)
async def maak(
    netwerk: NetwerkDep, data: schemas.BijeenkomstNieuw, session: SessionDep
) -> schemas.BijeenkomstOpgeslagen:
    bijeenkomst = service.maak(netwerk, data, session=session)
    return met_waarschuwingen(
        schemas.BijeenkomstOpgeslagen, bijeenkomst, service.waarschuwingen(netwerk, [bijeenkomst])
    )


@router.post(
    "/_plan",
    status_code=status.HTTP_201_CREATED,
    summary="Reeks bijeenkomsten plannen volgens een ritme",
    description="Plant in één keer een reeks bijeenkomsten: volgens een herhaalregel (RFC 5545 "
    "RRULE, bijvoorbeeld elke zes weken op donderdag: `FREQ=WEEKLY;INTERVAL=6;BYDAY=TH`) vanaf "
    "`eersteDag`, of op losse `data`; steeds om `begintijd` Nederlandse tijd, ook over de "
    "overgang naar zomer- of wintertijd heen. Dagen in `geblokkeerdeData` van het netwerk, in "
    "`geblokkeerd` en in `geblokkeerdePerioden` worden overgeslagen, net als dagen waarop het "
    "netwerk al een bijeenkomst heeft; `overgeslagen` noemt ze. Alles of niets: bij een fout "
    "(400) wordt geen enkele bijeenkomst aangemaakt. Elke nieuwe bijeenkomst geeft de "
    "gebeurtenis `nl.kartrekker.bijeenkomst.gepland`. Valt er een buiten de looptijd van het "
    "netwerk, dan noemt `waarschuwingen` haar.",
    responses=responses.MAAK_ONDER,
)
def plan(
    netwerk: NetwerkDep, data: schemas.PlanVerzoek, session: SessionDep
) -> schemas.PlanUitkomst:
    planning = plan_service.plan(netwerk, data, session=session)
    return schemas.PlanUitkomst(
        bijeenkomsten=[schemas.Bijeenkomst.model_validate(b) for b in planning.bijeenkomsten],
        overgeslagen=planning.overgeslagen,
        waarschuwingen=service.waarschuwingen(netwerk, planning.bijeenkomsten, noem_titel=True),
    )


@router.get("/{bijeenkomstId}", summary="Eén bijeenkomst opvragen", responses=responses.LEES)
async def lees(bijeenkomst: BijeenkomstDep) -> schemas.Bijeenkomst:
    return schemas.Bijeenkomst.model_validate(bijeenkomst)


@router.patch(
    "/{bijeenkomstId}",
    dependencies=[versie_van(bijeenkomst_uit_pad)],
    summary="Bijeenkomst wijzigen",
    description="Alleen de meegestuurde velden veranderen. Het antwoord waarschuwt "
    "(`buiten-looptijd`) als de bijeenkomst buiten de looptijd van het netwerk valt.",
    responses=responses.WIJZIG,
)
async def wijzig(
    netwerk: NetwerkDep,
    bijeenkomst: BijeenkomstDep,
    data: schemas.BijeenkomstWijziging,
    session: SessionDep,
) -> schemas.BijeenkomstOpgeslagen:
    gewijzigd = service.wijzig(bijeenkomst, data, session=session)
    return met_waarschuwingen(
        schemas.BijeenkomstOpgeslagen, gewijzigd, service.waarschuwingen(netwerk, [gewijzigd])
    )


@router.delete(
    "/{bijeenkomstId}",
    dependencies=[versie_van(bijeenkomst_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Bijeenkomst verwijderen",
    description="Verwijdert de bijeenkomst. Afzeggen doe je met status `geannuleerd`: dan "
    "blijft ze zichtbaar in agenda's.",
    responses=responses.VERWIJDER,
)
async def verwijder(bijeenkomst: BijeenkomstDep, session: SessionDep) -> None:
    service.verwijder(bijeenkomst, session=session)
