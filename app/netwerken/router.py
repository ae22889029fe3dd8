"""HTTP endpoints of /v1/netwerken and its lifecycle actions."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from sqlmodel import select

from app.auth import rechten
from app.auth.aanroeper import Aanroeper, AanroeperDep
from app.auth.rechten import IngelogdDep
from app.common import responses
from app.common.listing import SORTEER_BESCHRIJVING, PagineringDep, pagineer, sorteer_op
from app.common.router import Router
from app.common.versies import EtagRoute, IfMatch, controleer_if_match, versie_van
from app.db import SessionDep
from app.models import Netwerk, Organisatie
from app.models.enums import NetwerkStatus, OrganisatieSoort
from app.netwerken import organisaties, schemas, service

router = Router(prefix="/netwerken", tags=["Netwerken"], route_class=EtagRoute)


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
async def lijst(
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
async def maak(data: schemas.NetwerkNieuw, session: SessionDep) -> schemas.Netwerk:
    return schemas.Netwerk.model_validate(service.maak(data, session=session))


@router.get("/{netwerkId}", summary="Eén netwerk opvragen", responses=responses.LEES)
async def lees(netwerk: NetwerkDep) -> schemas.Netwerk:
    return schemas.Netwerk.model_validate(netwerk)


@router.patch(
    "/{netwerkId}",
    dependencies=[versie_van(netwerk_uit_pad)],
    summary="Netwerk wijzigen",
    description="Alleen de meegestuurde velden veranderen. Rollen en thema's die nog in gebruik "
    "zijn, kunnen niet worden weggehaald (409).",
    responses=responses.WIJZIG,
)
async def wijzig(
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
async def verwijder(netwerk: NetwerkDep, session: SessionDep) -> None:
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


# The organisations of a network: added by a kartrekker, or there through their deelnemers.


async def organisatie_in_netwerk(
    netwerk: NetwerkDep,
    organisatie_id: Annotated[
        uuid.UUID, Path(alias="organisatieId", description="Id van de organisatie.")
    ],
    session: SessionDep,
) -> organisaties.Aangesloten:
    """Dependency: the path's organisation in the path's netwerk, or 404."""
    return organisaties.laad(netwerk, organisatie_id, session=session)


AangeslotenDep = Annotated[organisaties.Aangesloten, Depends(organisatie_in_netwerk)]


async def _versie_van_toevoeging(aangesloten: AangeslotenDep, if_match: IfMatch = None) -> None:
    if aangesloten.toevoeging is not None:
        controleer_if_match(
            if_match, aangesloten.organisatie.id, aangesloten.toevoeging.gewijzigd_op
        )


def _netwerkorganisatie(
    netwerk: Netwerk, aangesloten: organisaties.Aangesloten, aanroeper: Aanroeper
) -> schemas.NetwerkOrganisatie:
    organisatie, toevoeging, aantal = aangesloten
    via_deelnemers = schemas.Aansluiting.DEELNEMERS
    contactpersoon = None
    if toevoeging is not None:
        # E-mail and phone are personal data: for the network's kartrekkers and beheerders.
        vertrouwd = aanroeper.trekt(netwerk.id)
        contactpersoon = schemas.Contactpersoon(
            naam=toevoeging.contact_naam,
            email=toevoeging.contact_email if vertrouwd else None,
            telefoon=toevoeging.contact_telefoon if vertrouwd else None,
        )
    return schemas.NetwerkOrganisatie(
        id=organisatie.id,
        netwerk_id=netwerk.id,
        naam=organisatie.naam,
        soort=organisatie.soort,
        aangesloten_via=schemas.Aansluiting.TOEGEVOEGD if toevoeging else via_deelnemers,
        aantal_deelnemers=aantal,
        contactpersoon=contactpersoon,
        toegevoegd_op=toevoeging.aangemaakt_op if toevoeging else None,
        gewijzigd_op=toevoeging.gewijzigd_op if toevoeging else None,
    )


_CONTACTGEGEVENS = (
    "E-mail en telefoon van de contactpersoon ziet alleen wie het netwerk trekt (en beheerders); "
    "voor anderen zijn ze `null`."
)


@router.get(
    "/{netwerkId}/organisaties",
    summary="Organisaties van een netwerk opvragen",
    description="De organisaties die een kartrekker toevoegde en die via hun deelnemers "
    "meedoen, elk met hoe ze meedoen (`aangeslotenVia`) en hun aantal deelnemers; gesorteerd "
    "op naam. " + _CONTACTGEGEVENS,
    responses=responses.LEES,
)
async def organisaties_lijst(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    aanroeper: IngelogdDep,
    paging: PagineringDep,
    aangesloten_via: Annotated[
        schemas.Aansluiting | None,
        Query(alias="aangeslotenVia", description="Alleen wie zo meedoet."),
    ] = None,
    soort: Annotated[OrganisatieSoort | None, Query(description="Alleen deze soort.")] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaNetwerkOrganisaties:
    statement, sorteerbaar = organisaties.overzicht(netwerk.id, aangesloten_via=aangesloten_via)
    if soort is not None:
        statement = statement.where(Organisatie.soort == soort)
    order = sorteer_op(sorteer, sorteerbaar, ["naam"], Organisatie.id)
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaNetwerkOrganisaties(
        results=[
            _netwerkorganisatie(netwerk, organisaties.Aangesloten(*row), aanroeper) for row in rows
        ],
        **page,
    )


@router.post(
    "/{netwerkId}/organisaties",
    status_code=status.HTTP_201_CREATED,
    summary="Organisatie aan een netwerk toevoegen",
    description="Een organisatie doet mee voordat haar mensen bekend zijn: met een "
    "contactpersoon die een kartrekker kan bellen. Een onbekende of opgeheven organisatie geeft "
    "400, een tweede keer 409, een afgerond netwerk 409. Ook een organisatie die al via "
    "deelnemers meedoet, kan zo een contactpersoon krijgen.",
    responses=responses.MAAK_ONDER,
)
async def organisaties_voeg_toe(
    netwerk: NetwerkDep,
    data: schemas.NetwerkOrganisatieNieuw,
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> schemas.NetwerkOrganisatie:
    aangesloten = organisaties.voeg_toe(netwerk, data, session=session)
    return _netwerkorganisatie(netwerk, aangesloten, aanroeper)


@router.get(
    "/{netwerkId}/organisaties/{organisatieId}",
    summary="Eén organisatie van een netwerk opvragen",
    description="Een toegevoegde organisatie of een die via deelnemers meedoet; anders 404. "
    + _CONTACTGEGEVENS,
    responses=responses.LEES,
)
async def organisaties_lees(
    netwerk: NetwerkDep, aangesloten: AangeslotenDep, aanroeper: IngelogdDep
) -> schemas.NetwerkOrganisatie:
    return _netwerkorganisatie(netwerk, aangesloten, aanroeper)


@router.patch(
    "/{netwerkId}/organisaties/{organisatieId}",
    dependencies=[Depends(_versie_van_toevoeging)],
    summary="Contactpersoon van een organisatie wijzigen",
    description="Vervangt de contactpersoon van een toegevoegde organisatie. Een organisatie "
    "die alleen via deelnemers meedoet, voeg je eerst toe (anders 409).",
    responses=responses.WIJZIG,
)
async def organisaties_wijzig(
    netwerk: NetwerkDep,
    aangesloten: AangeslotenDep,
    data: schemas.NetwerkOrganisatieWijziging,
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> schemas.NetwerkOrganisatie:
    gewijzigd = organisaties.wijzig(netwerk, aangesloten, data, session=session)
    return _netwerkorganisatie(netwerk, gewijzigd, aanroeper)


@router.delete(
    "/{netwerkId}/organisaties/{organisatieId}",
    dependencies=[Depends(_versie_van_toevoeging)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Toegevoegde organisatie uit een netwerk halen",
    description="Alleen een toegevoegde organisatie zonder deelnemers (die niet vertrokken "
    "zijn); een organisatie met deelnemers blijft (409).",
    responses=responses.VERWIJDER,
)
async def organisaties_verwijder(
    netwerk: NetwerkDep, aangesloten: AangeslotenDep, session: SessionDep
) -> None:
    organisaties.verwijder(netwerk, aangesloten, session=session)
