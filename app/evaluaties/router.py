"""HTTP endpoints of evaluaties: per bijeenkomst, and the trend of a netwerk."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from sqlmodel import select

from app.auth.rechten import IngelogdDep, eigen_deelnemer_check
from app.bijeenkomsten.router import BijeenkomstDep
from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.router import Router
from app.common.versies import EtagRoute, versie_van
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.evaluaties import schemas, service
from app.models import Evaluatie
from app.netwerken.router import NetwerkDep

router = Router(
    prefix="/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/evaluaties",
    tags=["Evaluaties"],
    route_class=EtagRoute,
)
trend_router = Router(prefix="/netwerken/{netwerkId}/evaluaties", tags=["Evaluaties"])


async def evaluatie_uit_pad(
    request: Request,
    bijeenkomst: BijeenkomstDep,
    evaluatie_id: Annotated[
        uuid.UUID, Path(alias="evaluatieId", description="Id van de evaluatie.")
    ],
    session: SessionDep,
) -> Evaluatie:
    """Dependency: the evaluation of the path's bijeenkomst, or 404."""
    return service.laad(
        bijeenkomst,
        evaluatie_id,
        session=session,
        for_update=request.method in SCHRIJVENDE_METHODEN,
    )


EvaluatieDep = Annotated[Evaluatie, Depends(evaluatie_uit_pad)]


@router.get(
    "",
    summary="Evaluaties van een bijeenkomst opvragen",
    description="`samenvatting` (aantal, gemiddelde leerwaarde en plezier) gaat over alle "
    "evaluaties en is voor iedereen met leesrecht. De losse evaluaties ziet alleen wie ze gaf; "
    "kartrekkers en beheerders zien ze allemaal.",
    responses=responses.LEES,
)
async def lijst(
    netwerk: NetwerkDep,
    bijeenkomst: BijeenkomstDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    aanroeper: IngelogdDep,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaEvaluaties:
    statement = select(Evaluatie).where(
        Evaluatie.bijeenkomst_id == bijeenkomst.id, service.zichtbaar_voor(aanroeper, netwerk)
    )
    order = sorteer_op(sorteer, service.SORTEERBAAR, ["aangemaaktOp"], Evaluatie.id)
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaEvaluaties(
        results=[schemas.Evaluatie.model_validate(r) for r in rows],
        samenvatting=service.samenvattingen([bijeenkomst.id], session=session)[bijeenkomst.id],
        **page,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Bijeenkomst evalueren",
    description="Eén keer per deelnemer per bijeenkomst, na het begin ervan: leerwaarde en "
    "plezier van 1 tot 5 (anders 400), en wat het opleverde in woorden. Een tweede evaluatie "
    "geeft 409 (met `evaluatieId`): wijzig dan de eerste. Een deelnemer evalueert voor "
    "zichzelf.",
    responses=responses.MAAK_ONDER,
)
async def maak(
    netwerk: NetwerkDep,
    bijeenkomst: BijeenkomstDep,
    data: schemas.EvaluatieNieuw,
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> schemas.Evaluatie:
    eigen_deelnemer_check(aanroeper, netwerk.id, data.deelnemer_id, handeling="evalueren")
    return schemas.Evaluatie.model_validate(service.maak(bijeenkomst, data, session=session))


@router.get(
    "/{evaluatieId}",
    summary="Eén evaluatie opvragen",
    description="Voor wie haar gaf, de kartrekkers en beheerders.",
    responses=responses.LEES,
)
async def lees(evaluatie: EvaluatieDep) -> schemas.Evaluatie:
    return schemas.Evaluatie.model_validate(evaluatie)


@router.patch(
    "/{evaluatieId}",
    dependencies=[versie_van(evaluatie_uit_pad)],
    summary="Eigen evaluatie wijzigen",
    description="Alleen wie de evaluatie gaf, kan haar wijzigen.",
    responses=responses.WIJZIG,
)
async def wijzig(
    evaluatie: EvaluatieDep, data: schemas.EvaluatieWijziging, session: SessionDep
) -> schemas.Evaluatie:
    return schemas.Evaluatie.model_validate(service.wijzig(evaluatie, data, session=session))


@trend_router.get(
    "/trend",
    summary="Verloop van de evaluaties van een netwerk",
    description="Per gehouden bijeenkomst (begonnen en niet geannuleerd), op datum: het aantal "
    "evaluaties en de gemiddelde leerwaarde en het gemiddelde plezier. Leren we genoeg, en is "
    "het nog leuk?",
    responses=responses.LEES,
)
async def trend(netwerk: NetwerkDep, session: SessionDep) -> schemas.EvaluatieTrend:
    return service.trend(netwerk, session=session)
