"""HTTP endpoints of /v1/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/aanmeldingen."""

import uuid
from typing import Annotated

from fastapi import Path, Query, Request, Response, status
from sqlmodel import select

from app.aanmeldingen import schemas, service
from app.auth.rechten import IngelogdDep, eigen_deelnemer_check
from app.bijeenkomsten.router import BijeenkomstDep
from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.router import Router
from app.common.versies import EtagRoute
from app.db import SessionDep
from app.models import Aanmelding
from app.models.enums import AanmeldAntwoord
from app.netwerken.router import NetwerkDep

router = Router(
    prefix="/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/aanmeldingen",
    tags=["Aanmeldingen"],
    route_class=EtagRoute,
)
DeelnemerId = Annotated[
    uuid.UUID, Path(alias="deelnemerId", description="Id van de deelnemer die antwoordt.")
]


@router.get(
    "",
    summary="Aanmeldingen voor een bijeenkomst opvragen",
    description="Wie komt, wie niet, wie misschien, en wie op de wachtlijst staat; met de "
    "telling over de hele bijeenkomst. Standaard eerst `ja` (met plaats, dan de wachtlijst in "
    "volgorde), dan `misschien`, dan `nee`.",
    responses=responses.LEES,
)
async def lijst(
    bijeenkomst: BijeenkomstDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    antwoord: Annotated[AanmeldAntwoord | None, Query(description="Alleen dit antwoord.")] = None,
    wachtlijst: Annotated[
        bool | None, Query(description="`true`: alleen de wachtlijst; `false`: zonder.")
    ] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaAanmeldingen:
    statement = select(Aanmelding).where(Aanmelding.bijeenkomst_id == bijeenkomst.id)
    if antwoord is not None:
        statement = statement.where(Aanmelding.antwoord == antwoord)
    if wachtlijst is not None:
        statement = statement.where(Aanmelding.wachtlijst == wachtlijst)
    order = sorteer_op(
        sorteer, service.SORTEERBAAR, ["antwoord", "wachtlijst", "gewijzigdOp"], Aanmelding.id
    )
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaAanmeldingen(
        results=service.als_schemas(bijeenkomst, rows, session=session),
        telling=service.telling(bijeenkomst, session=session),
        **page,
    )


@router.get(
    "/{deelnemerId}",
    summary="Het antwoord van één deelnemer opvragen",
    description="404 als de deelnemer nog niet heeft gereageerd.",
    responses=responses.LEES,
)
async def lees(
    bijeenkomst: BijeenkomstDep, deelnemer_id: DeelnemerId, session: SessionDep
) -> schemas.Aanmelding:
    service.deelnemer_van(bijeenkomst, deelnemer_id, session=session)
    aanmelding = service.laad_of_404(bijeenkomst, deelnemer_id, session=session)
    return service.als_schema(aanmelding, session=session)


@router.put(
    "/{deelnemerId}",
    summary="Aanmelden, afmelden of misschien",
    description="Een deelnemer antwoordt voor zichzelf (een kartrekker voor iedereen): `ja`, "
    "`nee` of `misschien`. Is de bijeenkomst vol, dan komt een `ja` op de wachtlijst; zegt "
    "iemand met een plaats af, dan schuift de langst wachtende door. Kan de deelnemer niet, dan "
    "kan een collega van dezelfde organisatie in zijn plaats komen (`vervangerPersoonId`, bij "
    "`ja`). Een nieuw antwoord geeft 201, een gewijzigd 200; hetzelfde antwoord nog eens "
    "verandert niets. Een geannuleerde of al gehouden bijeenkomst geeft 409.",
    responses={
        status.HTTP_201_CREATED: {
            "model": schemas.Aanmelding,
            "description": "Het eerste antwoord van deze deelnemer.",
        },
        **responses.WIJZIG,
    },
)
async def beantwoord(
    netwerk: NetwerkDep,
    bijeenkomst: BijeenkomstDep,
    deelnemer_id: DeelnemerId,
    data: schemas.AanmeldingInvoer,
    session: SessionDep,
    aanroeper: IngelogdDep,
    response: Response,
) -> schemas.Aanmelding:
    eigen_deelnemer_check(aanroeper, netwerk.id, deelnemer_id, handeling="aan- of afmelden")
    deelnemer = service.deelnemer_van(bijeenkomst, deelnemer_id, session=session)
    aanmelding, nieuw = service.beantwoord(bijeenkomst, deelnemer, data, session=session)
    if nieuw:
        response.status_code = status.HTTP_201_CREATED
    return service.als_schema(aanmelding, session=session)
