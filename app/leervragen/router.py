"""HTTP endpoints of /v1/netwerken/{netwerkId}/leervragen."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from sqlmodel import select

from app.auth.rechten import IngelogdDep, eigen_deelnemer_check
from app.common import responses
from app.common.listing import (
    SORTEER_BESCHRIJVING,
    PagineringDep,
    paginalinks,
    pagineer,
    sorteer_op,
)
from app.common.router import Router
from app.common.versies import EtagRoute, versie_van
from app.common.waarschuwingen import met_waarschuwingen
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.errors import Problem
from app.leervragen import matches, schemas, service
from app.models import Leervraag, Voortgang
from app.models.enums import LeervraagSoort, LeervraagStatus
from app.netwerken.router import NetwerkDep
from app.personen.router import PersoonDep

router = Router(
    prefix="/netwerken/{netwerkId}/leervragen", tags=["Leervragen"], route_class=EtagRoute
)
# Finding who can help, beside the leervragen: per netwerk (agenda) and per persoon.
hulp_router = Router(tags=["Leervragen"], route_class=EtagRoute)

Limiet = Annotated[
    int,
    Query(
        ge=1,
        le=matches.MAX_LIMIET,
        description=f"Hoeveel matches hoogstens (1 tot {matches.MAX_LIMIET}).",
    ),
]


async def leervraag_uit_pad(
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
async def lijst(
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
    description="Wat wil je brengen, wat hoop je te halen? De deelnemer moet van dit netwerk "
    "zijn. Een vraag zonder thema die niets gemeen heeft met het onderwerp van het netwerk wordt "
    "bewaard, met de waarschuwing `buiten-onderwerp`.",
    responses=responses.MAAK_ONDER,
)
async def maak(
    netwerk: NetwerkDep,
    data: schemas.LeervraagNieuw,
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> schemas.LeervraagOpgeslagen:
    eigen_deelnemer_check(aanroeper, netwerk.id, data.deelnemer_id)
    leervraag = service.maak(netwerk, data, session=session)
    return met_waarschuwingen(
        schemas.LeervraagOpgeslagen, leervraag, service.waarschuwingen(netwerk, leervraag)
    )


@router.get("/{leervraagId}", summary="Eén leervraag opvragen", responses=responses.LEES)
async def lees(leervraag: LeervraagDep) -> schemas.Leervraag:
    return schemas.Leervraag.model_validate(leervraag)


@router.patch(
    "/{leervraagId}",
    dependencies=[versie_van(leervraag_uit_pad)],
    summary="Leervraag wijzigen",
    description="Alleen de meegestuurde velden veranderen. De status volgt `open` → "
    "`in-behandeling` → `beantwoord` of `losgelaten`; een beantwoorde of losgelaten vraag kan "
    "weer `open`. Het antwoord waarschuwt (`buiten-onderwerp`) als de lopende vraag geen thema "
    "heeft en niets gemeen met het onderwerp van het netwerk.",
    responses={
        **responses.WIJZIG,
        409: {
            "model": Problem,
            "description": "Deze statusovergang mag niet; `toegestaneStatussen` noemt waar de "
            "leervraag vanuit `huidigeStatus` wel heen kan.",
        },
    },
)
async def wijzig(
    netwerk: NetwerkDep,
    leervraag: LeervraagDep,
    data: schemas.LeervraagWijziging,
    session: SessionDep,
) -> schemas.LeervraagOpgeslagen:
    gewijzigd = service.wijzig(netwerk, leervraag, data, session=session)
    return met_waarschuwingen(
        schemas.LeervraagOpgeslagen, gewijzigd, service.waarschuwingen(netwerk, gewijzigd)
    )


@router.delete(
    "/{leervraagId}",
    dependencies=[versie_van(leervraag_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Leervraag verwijderen",
    responses=responses.VERWIJDER,
)
async def verwijder(leervraag: LeervraagDep, session: SessionDep) -> None:
    service.verwijder(leervraag, session=session)


@router.get(
    "/{leervraagId}/voortgang",
    summary="Voortgang van een leervraag opvragen",
    description="Wat de bijeenkomsten voor deze leervraag deden, in de woorden van de eigenaar; "
    "standaard de oudste notitie eerst.",
    responses=responses.LEES,
)
async def voortgang_lijst(
    leervraag: LeervraagDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaVoortgang:
    statement = select(Voortgang).where(Voortgang.leervraag_id == leervraag.id)
    order = sorteer_op(sorteer, service.VOORTGANG_SORTEERBAAR, ["aangemaaktOp"], Voortgang.id)
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaVoortgang(
        results=[schemas.Voortgang.model_validate(r) for r in rows], **page
    )


@router.post(
    "/{leervraagId}/voortgang",
    status_code=status.HTTP_201_CREATED,
    summary="Voortgang bij een leervraag noteren",
    description="Wat deed deze bijeenkomst voor je vraag? Noem eventueel de bijeenkomst; die "
    "moet van hetzelfde netwerk zijn.",
    responses=responses.problems(400, 404, 415),
)
async def voortgang_maak(
    leervraag: LeervraagDep, data: schemas.VoortgangNieuw, session: SessionDep
) -> schemas.Voortgang:
    return schemas.Voortgang.model_validate(
        service.voeg_voortgang_toe(leervraag, data, session=session)
    )


@router.get(
    "/{leervraagId}/matches",
    summary="Wie kan helpen bij deze leervraag?",
    description="Bij een `halen`-vraag: de deelnemers wier `brengen`-vragen er het best bij "
    "passen. Bij een `brengen`-vraag: wie erom vraagt. Alleen actieve deelnemers en vragen die "
    "nog lopen tellen mee. Deelnemers uit andere organisaties staan vóór collega's uit je eigen "
    "organisatie: daar voegt het netwerk toe wat je organisatie mist. Elke match vertelt "
    "waarom: gedeelde thema's en tags, en de woorden die overeenkwamen (ook via synoniemen, "
    "vervoegingen en samenstellingen).",
    responses=responses.LEES,
)
def leervraag_matches(
    leervraag: LeervraagDep, session: SessionDep, limiet: Limiet = 10
) -> schemas.Matches:
    return matches.voor_leervraag(leervraag, session=session, limiet=limiet)


@hulp_router.get(
    "/netwerken/{netwerkId}/agenda-suggesties",
    summary="Agendasuggesties uit de leervragen",
    description="Groepen verwante open `halen`-vragen (naar tekst en thema), de grootste "
    "groep eerst, elk met de deelnemers die er iets over kunnen brengen en de organisatie die "
    "de volgende bijeenkomst ontvangt: wat een kartrekker nodig heeft om die bijeenkomst met "
    "de gastheer voor te bereiden.",
    responses=responses.LEES,
)
def agenda_suggesties(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
) -> schemas.PaginaAgendaSuggesties:
    suggesties = matches.agenda(netwerk, session=session)
    begin = (paging.page - 1) * paging.page_size
    page = paginalinks(len(suggesties), paging=paging, request=request, response=response)
    return schemas.PaginaAgendaSuggesties(
        results=suggesties[begin : begin + paging.page_size], **page
    )


@hulp_router.get(
    "/personen/{persoonId}/matches",
    summary="Wie kan mij helpen, in al mijn netwerken?",
    description="Voor de eigen open `halen`-vragen van een persoon: wie kan helpen, per netwerk "
    "gezocht en samengevoegd. Alleen netwerken waarin de persoon actief deelnemer is (en die jij "
    "mag zien) tellen mee. Andere organisaties eerst, dan collega's; binnen elk op score.",
    responses=responses.LEES,
)
def persoon_matches(
    persoon: PersoonDep, aanroeper: IngelogdDep, session: SessionDep, limiet: Limiet = 10
) -> schemas.PersoonMatches:
    return matches.voor_persoon(persoon, aanroeper, session=session, limiet=limiet)
