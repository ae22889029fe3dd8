"""HTTP endpoints of /v1/organisaties."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from sqlmodel import select

from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.router import Router
from app.common.versies import EtagRoute, versie_van
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.models import Organisatie
from app.models.enums import OrganisatieSoort
from app.organisaties import schemas, service

router = Router(prefix="/organisaties", tags=["Organisaties"], route_class=EtagRoute)


async def organisatie_uit_pad(
    request: Request,
    organisatie_id: Annotated[
        uuid.UUID, Path(alias="organisatieId", description="Id van de organisatie.")
    ],
    session: SessionDep,
) -> Organisatie:
    """Dependency: the organisatie named in the path, or 404."""
    return service.laad(
        organisatie_id, session=session, for_update=request.method in SCHRIJVENDE_METHODEN
    )


OrganisatieDep = Annotated[Organisatie, Depends(organisatie_uit_pad)]


@router.get(
    "",
    summary="Organisaties opvragen",
    description="Alle organisaties, te filteren op soort, code en naam; gesorteerd op naam.",
    responses=responses.LIJST,
)
async def lijst(
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    soort: Annotated[OrganisatieSoort | None, Query(description="Alleen deze soort.")] = None,
    organisatiecode: Annotated[str | None, Query(max_length=20, description="TOOI-code.")] = None,
    naam: Annotated[
        str | None, Query(max_length=200, description="Deel van de naam (hoofdletterongevoelig).")
    ] = None,
    actueel: Annotated[
        bool | None, Query(description="`true`: alleen bestaande organisaties (zonder einddatum).")
    ] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaOrganisaties:
    statement = select(Organisatie)
    if soort is not None:
        statement = statement.where(Organisatie.soort == soort)
    if organisatiecode is not None:
        statement = statement.where(Organisatie.organisatiecode == organisatiecode.lower())
    if naam:
        statement = statement.where(Organisatie.naam.ilike(f"%{naam}%"))  # type: ignore[attr-defined]
    if actueel is not None:
        statement = statement.where(
            Organisatie.einddatum.is_(None) if actueel else Organisatie.einddatum.is_not(None)  # type: ignore[union-attr]
        )
    order = sorteer_op(sorteer, service.SORTEERBAAR, ["naam"], Organisatie.id)
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaOrganisaties(
        results=[schemas.Organisatie.model_validate(r) for r in rows], **page
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Organisatie toevoegen",
    responses=responses.MAAK,
)
async def maak(data: schemas.OrganisatieNieuw, session: SessionDep) -> schemas.Organisatie:
    return schemas.Organisatie.model_validate(service.maak(data, session=session))


@router.get(
    "/{organisatieId}",
    summary="Eén organisatie opvragen",
    responses=responses.LEES,
)
async def lees(organisatie: OrganisatieDep) -> schemas.Organisatie:
    return schemas.Organisatie.model_validate(organisatie)


@router.patch(
    "/{organisatieId}",
    dependencies=[versie_van(organisatie_uit_pad)],
    summary="Organisatie wijzigen",
    description="Alleen de meegestuurde velden veranderen.",
    responses=responses.WIJZIG,
)
async def wijzig(
    organisatie: OrganisatieDep, data: schemas.OrganisatieWijziging, session: SessionDep
) -> schemas.Organisatie:
    return schemas.Organisatie.model_validate(service.wijzig(organisatie, data, session=session))


@router.delete(
    "/{organisatieId}",
    dependencies=[versie_van(organisatie_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Organisatie verwijderen",
    description="Kan alleen als er geen personen meer bij de organisatie horen.",
    responses=responses.VERWIJDER,
)
async def verwijder(organisatie: OrganisatieDep, session: SessionDep) -> None:
    service.verwijder(organisatie, session=session)
