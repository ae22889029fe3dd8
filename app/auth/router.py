"""HTTP endpoints of /v1/api-sleutels and /v1/ik."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Request, Response, status
from sqlmodel import col, select

from app.auth import schemas, sleutels
from app.auth.rechten import IngelogdDep
from app.common import responses
from app.common.listing import PagineringDep, pagineer
from app.common.router import Router
from app.common.service import get_or_404
from app.db import SessionDep
from app.models import ApiSleutel

router = Router(tags=["Toegang"])


async def sleutel_uit_pad(
    sleutel_id: Annotated[uuid.UUID, Path(alias="sleutelId", description="Id van de sleutel.")],
    session: SessionDep,
) -> ApiSleutel:
    """Dependency: the API key named in the path, or 404."""
    return get_or_404(session, ApiSleutel, sleutel_id, naam="API-sleutel")


SleutelDep = Annotated[ApiSleutel, Depends(sleutel_uit_pad)]


@router.get(
    "/ik",
    summary="Wie ben ik?",
    description="De aanroeper: persoon of API-sleutel, beheerder of niet, en de netwerken "
    "waarin hij deelnemer of kartrekker is. Handig voor een frontend na het aanmelden.",
    responses=responses.LIJST,
)
async def ik(aanroeper: IngelogdDep) -> schemas.Ik:
    return schemas.Ik(
        persoon_id=aanroeper.persoon_id,
        api_sleutel_id=aanroeper.sleutel_id,
        beheerder=aanroeper.beheerder,
        alleen_lezen=aanroeper.alleen_lezen,
        netwerken=[
            schemas.MijnNetwerk(
                netwerk_id=netwerk_id, deelnemer_id=lid.deelnemer_id, kartrekker=lid.kartrekker
            )
            for netwerk_id, lid in sorted(aanroeper.lidmaatschappen.items())
        ],
    )


@router.get(
    "/api-sleutels",
    summary="API-sleutels opvragen",
    description="Alle sleutels, nieuwste eerst; het geheim staat er nooit bij.",
    responses=responses.LIJST,
)
async def lijst(
    request: Request, response: Response, session: SessionDep, paging: PagineringDep
) -> schemas.PaginaApiSleutels:
    rows, page = pagineer(
        session,
        select(ApiSleutel),
        paging=paging,
        order_by=[col(ApiSleutel.aangemaakt_op).desc(), col(ApiSleutel.id).asc()],
        request=request,
        response=response,
    )
    return schemas.PaginaApiSleutels(
        results=[schemas.ApiSleutel.model_validate(r) for r in rows], **page
    )


@router.post(
    "/api-sleutels",
    status_code=status.HTTP_201_CREATED,
    summary="API-sleutel maken",
    description="Het antwoord bevat het geheim (`sleutel`), eenmalig.",
    responses=responses.MAAK,
)
async def maak(data: schemas.ApiSleutelNieuw, session: SessionDep) -> schemas.ApiSleutelAangemaakt:
    nieuw = sleutels.maak(
        naam=data.naam,
        scopes=data.scopes,
        netwerk_id=data.netwerk_id,
        verloopt_op=data.verloopt_op,
        session=session,
    )
    return schemas.ApiSleutelAangemaakt.model_validate(
        {**schemas.ApiSleutel.model_validate(nieuw.rij).model_dump(), "sleutel": nieuw.sleutel}
    )


@router.get(
    "/api-sleutels/{sleutelId}", summary="Eén API-sleutel opvragen", responses=responses.LEES
)
async def lees(sleutel: SleutelDep) -> schemas.ApiSleutel:
    return schemas.ApiSleutel.model_validate(sleutel)


@router.post(
    "/api-sleutels/{sleutelId}/_intrekken",
    summary="API-sleutel intrekken",
    description="Daarna werkt de sleutel niet meer; hij blijft zichtbaar in de lijst. Een "
    "sleutel trekt zichzelf niet in, en de laatste geldige beheersleutel blijft (409): maak "
    "eerst een nieuwe.",
    responses=responses.ACTIE,
)
async def trek_in(
    sleutel: SleutelDep, session: SessionDep, aanroeper: IngelogdDep
) -> schemas.ApiSleutel:
    return schemas.ApiSleutel.model_validate(
        sleutels.trek_in(sleutel, session=session, door_sleutel_id=aanroeper.sleutel_id)
    )
