"""HTTP endpoints of /v1/abonnementen (webhooks) and the catalogue of event types."""

import uuid
from typing import Annotated

from fastapi import Depends, Path, Query, Request, Response, status
from sqlmodel import col

from app.auth.aanroeper import Aanroeper, GeenToegang
from app.auth.rechten import IngelogdDep
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
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.errors import InvalidInput, InvalidParam, NotFound
from app.models import Abonnement
from app.webhooks import schemas, service
from app.webhooks.events import CATALOGUS, AfleverStatus
from app.webhooks.instellingen import WebhookInstellingen

router = Router(tags=["Webhooks"], route_class=EtagRoute)


async def instellingen(request: Request) -> WebhookInstellingen:
    """The webhook settings of the app serving this request."""
    result: WebhookInstellingen = request.app.state.webhooks
    return result


InstellingenDep = Annotated[WebhookInstellingen, Depends(instellingen)]


def _is_eigenaar(aanroeper: Aanroeper, abonnement: Abonnement) -> bool:
    if aanroeper.beheerder:
        return True
    if aanroeper.persoon_id is not None:
        return abonnement.eigenaar_persoon_id == aanroeper.persoon_id
    return (
        aanroeper.sleutel_id is not None and abonnement.eigenaar_sleutel_id == aanroeper.sleutel_id
    )


async def abonnement_uit_pad(
    request: Request,
    abonnement_id: Annotated[
        uuid.UUID, Path(alias="abonnementId", description="Id van het abonnement.")
    ],
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> Abonnement:
    """Dependency: the caller's own subscription (any, for a beheerder), or 404."""
    abonnement = session.get(
        Abonnement, abonnement_id, with_for_update=request.method in SCHRIJVENDE_METHODEN
    )
    if abonnement is None or not _is_eigenaar(aanroeper, abonnement):
        raise NotFound(f"Er is geen abonnement met id {abonnement_id}.")
    return abonnement


AbonnementDep = Annotated[Abonnement, Depends(abonnement_uit_pad)]


def _antwoord(abonnement: Abonnement) -> schemas.Abonnement:
    return schemas.Abonnement.model_validate(abonnement)


def _met_geheim(abonnement: Abonnement) -> schemas.AbonnementMetGeheim:
    return schemas.AbonnementMetGeheim.model_validate(
        {**_antwoord(abonnement).model_dump(), "geheim": abonnement.geheim}
    )


@router.get(
    "/gebeurtenistypen",
    summary="Gebeurtenistypen opvragen",
    description="Alle gebeurtenissen waarop je kunt abonneren, met hun betekenis.",
    responses=responses.LIJST,
)
async def gebeurtenistypen() -> list[schemas.Gebeurtenistype]:
    return [
        schemas.Gebeurtenistype(type=naam, omschrijving=soort.omschrijving)
        for naam, soort in CATALOGUS.items()
    ]


@router.get(
    "/abonnementen",
    summary="Abonnementen opvragen",
    description="Je eigen abonnementen (een beheerder ziet ze allemaal); nieuwste eerst.",
    responses=responses.LIJST,
)
async def lijst(
    request: Request,
    response: Response,
    session: SessionDep,
    aanroeper: IngelogdDep,
    paging: PagineringDep,
    netwerk_id: Annotated[
        uuid.UUID | None, Query(alias="netwerkId", description="Alleen van dit netwerk.")
    ] = None,
    actief: Annotated[bool | None, Query(description="Alleen (niet) actieve.")] = None,
    sorteer: Annotated[str | None, Query(max_length=200, description=SORTEER_BESCHRIJVING)] = None,
) -> schemas.PaginaAbonnementen:
    statement = service.abonnementen_query(netwerk_id=netwerk_id, actief=actief)
    if not aanroeper.beheerder:
        statement = statement.where(
            col(Abonnement.eigenaar_persoon_id) == aanroeper.persoon_id
            if aanroeper.persoon_id is not None
            else col(Abonnement.eigenaar_sleutel_id) == aanroeper.sleutel_id
        )
    order = sorteer_op(sorteer, service.SORTEERBAAR, ["-aangemaaktOp"], col(Abonnement.id))
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaAbonnementen(results=[_antwoord(r) for r in rows], **page)


def _controleer_netwerk(aanroeper: Aanroeper, netwerk_id: uuid.UUID | None) -> None:
    if aanroeper.beheerder:
        return
    if netwerk_id is None:
        raise InvalidInput(
            [
                InvalidParam(
                    name="netwerkId",
                    code="required",
                    reason="Een kartrekker abonneert op een netwerk dat hij trekt.",
                )
            ]
        )
    if not aanroeper.trekt(netwerk_id):
        raise GeenToegang("Je kunt alleen abonneren op een netwerk dat je zelf trekt.")


@router.post(
    "/abonnementen",
    status_code=status.HTTP_201_CREATED,
    summary="Abonneren op gebeurtenissen",
    description="Het antwoord bevat het geheim waarmee elke aflevering is ondertekend "
    "(Standard Webhooks); het wordt daarna nooit meer getoond.",
    responses=responses.MAAK,
)
async def maak(
    data: schemas.AbonnementNieuw,
    session: SessionDep,
    aanroeper: IngelogdDep,
    webhook_instellingen: InstellingenDep,
) -> schemas.AbonnementMetGeheim:
    _controleer_netwerk(aanroeper, data.netwerk_id)
    abonnement = service.maak(
        session=session,
        instellingen=webhook_instellingen,
        sink=data.sink,
        types=data.types,
        filters=data.filters,
        netwerk_id=data.netwerk_id,
        eigenaar_persoon_id=aanroeper.persoon_id,
        eigenaar_sleutel_id=aanroeper.sleutel_id,
    )
    return _met_geheim(abonnement)


@router.get(
    "/abonnementen/{abonnementId}", summary="Eén abonnement opvragen", responses=responses.LEES
)
async def lees(abonnement: AbonnementDep) -> schemas.Abonnement:
    return _antwoord(abonnement)


@router.patch(
    "/abonnementen/{abonnementId}",
    dependencies=[versie_van(abonnement_uit_pad)],
    summary="Abonnement wijzigen",
    description="Wijzig sink, typen of filters, of zet het uit en weer aan.",
    responses=responses.WIJZIG,
)
async def wijzig(
    abonnement: AbonnementDep,
    data: schemas.AbonnementWijziging,
    session: SessionDep,
    webhook_instellingen: InstellingenDep,
) -> schemas.Abonnement:
    wijzigingen = data.velden(alleen_gezet=True)
    return _antwoord(
        service.wijzig(abonnement, wijzigingen, session=session, instellingen=webhook_instellingen)
    )


@router.delete(
    "/abonnementen/{abonnementId}",
    dependencies=[versie_van(abonnement_uit_pad)],
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Abonnement opzeggen",
    responses=responses.VERWIJDER,
)
async def verwijder(abonnement: AbonnementDep, session: SessionDep) -> None:
    service.verwijder(abonnement, session=session)


@router.post(
    "/abonnementen/{abonnementId}/_vernieuwgeheim",
    summary="Nieuw geheim",
    description="Het oude geheim werkt meteen niet meer; het nieuwe staat eenmalig in het "
    "antwoord.",
    responses=responses.ACTIE,
)
async def vernieuw_geheim(
    abonnement: AbonnementDep, session: SessionDep
) -> schemas.AbonnementMetGeheim:
    return _met_geheim(service.vernieuw_geheim(abonnement, session=session))


def _aflevering(item: service.AfleveringMetPogingen) -> schemas.Aflevering:
    aflevering, gebeurtenis = item.aflevering, item.gebeurtenis
    return schemas.Aflevering(
        id=aflevering.id,
        status=AfleverStatus(aflevering.status),
        pogingen=aflevering.pogingen,
        volgende_poging_op=aflevering.volgende_poging_op,
        laatste_statuscode=aflevering.laatste_statuscode,
        afgeleverd_op=aflevering.afgeleverd_op,
        gebeurtenis=schemas.GebeurtenisKort.model_validate(gebeurtenis),
        log=[schemas.Poging.model_validate(poging) for poging in item.pogingen],
    )


@router.get(
    "/abonnementen/{abonnementId}/afleveringen",
    summary="Afleveringen van een abonnement",
    description="Elke gebeurtenis voor dit abonnement met de toestand en elke poging "
    "(statuscode, fout, duur); nieuwste eerst.",
    responses=responses.LEES,
)
async def afleveringen(
    abonnement: AbonnementDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    status: Annotated[AfleverStatus | None, Query(description="Alleen deze status.")] = None,
) -> schemas.PaginaAfleveringen:
    items, total = service.lijst_afleveringen(
        abonnement, session=session, page=paging.page, page_size=paging.page_size, status=status
    )
    page = paginalinks(total, paging=paging, request=request, response=response)
    return schemas.PaginaAfleveringen(results=[_aflevering(item) for item in items], **page)


@router.post(
    "/abonnementen/{abonnementId}/afleveringen/{afleveringId}/_opnieuw",
    summary="Opnieuw afleveren",
    description="Zet een aflevering terug in de wachtrij, bijvoorbeeld nadat de sink weer werkt.",
    responses=responses.ACTIE,
)
async def opnieuw(
    abonnement: AbonnementDep,
    aflevering_id: Annotated[
        uuid.UUID, Path(alias="afleveringId", description="Id van de aflevering.")
    ],
    session: SessionDep,
) -> schemas.Aflevering:
    service.opnieuw_afleveren(abonnement, aflevering_id, session=session)
    return _aflevering(service.laad_aflevering(abonnement, aflevering_id, session=session))
