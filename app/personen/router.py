"""HTTP endpoints of /v1/personen."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from sqlmodel import func, select

from app.auth.rechten import IngelogdDep
from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.router import Router
from app.common.versies import EtagRoute, versie_van
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.models import Persoon
from app.personen import schemas, service

router = Router(prefix="/personen", tags=["Personen"], route_class=EtagRoute)


async def persoon_uit_pad(
    request: Request,
    persoon_id: Annotated[uuid.UUID, Path(alias="persoonId", description="Id van de persoon.")],
    session: SessionDep,
) -> Persoon:
    """Dependency: the persoon named in the path, or 404."""
    return service.laad(
        persoon_id, session=session, for_update=request.method in SCHRIJVENDE_METHODEN
    )


PersoonDep = Annotated[Persoon, Depends(persoon_uit_pad)]


@router.get(
    "",
    summary="Personen opvragen",
    description="De personen die je mag zien: jijzelf en, als kartrekker, de mensen in de "
    "netwerken die je trekt; een beheerder en een leessleutel zien iedereen (een leessleutel "
    "voor één netwerk: de mensen van dat netwerk). Met `email` zoek je één persoon op zijn "
    "exacte adres: zo vindt een intranet zijn gebruiker en een kartrekker iemand die al in een "
    "ander netwerk zit. Te filteren op organisatie en naam; gesorteerd op naam.",
    responses=responses.LIJST,
)
async def lijst(
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    aanroeper: IngelogdDep,
    email: Annotated[
        str | None,
        Query(
            max_length=254,
            description="Exact e-mailadres (hoofdletterongevoelig).",
            examples=["f.hoekstra@assen.nl"],
        ),
    ] = None,
    organisatie_id: Annotated[
        uuid.UUID | None, Query(alias="organisatieId", description="Alleen medewerkers hiervan.")
    ] = None,
    naam: Annotated[
        str | None, Query(max_length=200, description="Deel van de naam (hoofdletterongevoelig).")
    ] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaPersonen:
    statement = select(Persoon).where(service.zichtbaar_voor(aanroeper, email=email))
    if email is not None:
        statement = statement.where(func.lower(Persoon.email) == email.strip().lower())
    if organisatie_id is not None:
        statement = statement.where(Persoon.organisatie_id == organisatie_id)
    if naam:
        statement = statement.where(Persoon.naam.ilike(f"%{naam}%"))  # type: ignore[attr-defined]
    order = sorteer_op(sorteer, service.SORTEERBAAR, ["naam"], Persoon.id)
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaPersonen(results=[schemas.Persoon.model_validate(r) for r in rows], **page)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Persoon toevoegen",
    responses=responses.MAAK,
)
async def maak(data: schemas.PersoonNieuw, session: SessionDep) -> schemas.Persoon:
    return schemas.Persoon.model_validate(service.maak(data, session=session))


@router.get("/{persoonId}", summary="Eén persoon opvragen", responses=responses.LEES)
async def lees(persoon: PersoonDep) -> schemas.Persoon:
    return schemas.Persoon.model_validate(persoon)


@router.patch(
    "/{persoonId}",
    dependencies=[versie_van(persoon_uit_pad)],
    summary="Persoon wijzigen",
    description="Alleen de meegestuurde velden veranderen.",
    responses=responses.WIJZIG,
)
async def wijzig(
    persoon: PersoonDep,
    data: schemas.PersoonWijziging,
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> schemas.Persoon:
    if data.email is not None:
        service.controleer_adreswijziging(persoon, data.email, aanroeper, session=session)
    return schemas.Persoon.model_validate(service.wijzig(persoon, data, session=session))


@router.delete(
    "/{persoonId}",
    dependencies=[versie_van(persoon_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Persoon verwijderen",
    description="Kan alleen als de persoon van geen enkel netwerk meer deelnemer is.",
    responses=responses.VERWIJDER,
)
async def verwijder(persoon: PersoonDep, session: SessionDep) -> None:
    service.verwijder(persoon, session=session)
