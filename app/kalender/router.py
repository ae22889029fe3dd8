"""HTTP endpoints of calendar feeds: making and revoking them, and the public feed itself."""

import uuid
from typing import Annotated, Any

from fastapi import Header, Path, Request, Response, status
from sqlmodel import col, select

from app.common import responses
from app.common.listing import PagineringDep, pagineer
from app.common.router import Router
from app.config import instellingen
from app.db import SessionDep
from app.errors import PROBLEM_JSON, AppError
from app.kalender import schemas, service
from app.models import Kalenderfeed
from app.netwerken.router import NetwerkDep
from app.openapi import API_PREFIX
from app.personen.router import PersoonDep

netwerk_router = Router(prefix="/netwerken/{netwerkId}/kalenderfeeds", tags=["Kalenderfeeds"])
persoon_router = Router(prefix="/personen/{persoonId}/kalenderfeeds", tags=["Kalenderfeeds"])
publiek_router = Router(prefix="/kalender", tags=["Kalenderfeeds"])

TEXT_CALENDAR = "text/calendar"
FeedId = Annotated[uuid.UUID, Path(alias="feedId", description="Id van de kalenderfeed.")]


class KalenderResponse(Response):
    media_type = TEXT_CALENDAR
    charset = "utf-8"


class NietAanvaardbaar(AppError):
    status = 406
    code = "niet-aanvaardbaar"
    title = "Het gevraagde formaat kan niet worden geleverd."


def _aangemaakt(request: Request, nieuw: service.NieuweFeed) -> schemas.KalenderfeedAangemaakt:
    # Without a configured address, the one the caller used: a link that works from where
    # they are (behind a proxy, uvicorn's proxy headers give the outside address).
    basis = (instellingen(request).public_base_url or str(request.base_url)).rstrip("/")
    return schemas.KalenderfeedAangemaakt.model_validate(
        {
            **schemas.Kalenderfeed.model_validate(nieuw.rij).model_dump(),
            "token": nieuw.token,
            "url": f"{basis}{API_PREFIX}/kalender/{nieuw.token}",
        }
    )


def _lijst(
    statement: Any, request: Request, response: Response, session: SessionDep, paging: PagineringDep
) -> schemas.PaginaKalenderfeeds:
    rows, page = pagineer(
        session,
        statement,
        paging=paging,
        order_by=[col(Kalenderfeed.aangemaakt_op).desc(), col(Kalenderfeed.id).asc()],
        request=request,
        response=response,
    )
    return schemas.PaginaKalenderfeeds(
        results=[schemas.Kalenderfeed.model_validate(r) for r in rows], **page
    )


_MAAK_UITLEG = (
    " Het antwoord bevat het token en de URL, eenmalig: Kartrekker bewaart alleen een hash. "
    "De URL bevat geen persoonsgegevens; wie hem heeft, kan de agenda lezen, dus deel hem niet. "
    "Intrekken kan altijd."
)


@netwerk_router.get(
    "",
    summary="Kalenderfeeds van een netwerk opvragen",
    description="Alle feeds van het netwerk, nieuwste eerst, om ze te herkennen (aan `prefix`) "
    "en in te trekken; het token staat er nooit bij.",
    responses=responses.LEES,
)
async def netwerkfeeds_lijst(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
) -> schemas.PaginaKalenderfeeds:
    statement = select(Kalenderfeed).where(Kalenderfeed.netwerk_id == netwerk.id)
    return _lijst(statement, request, response, session, paging)


@netwerk_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Agenda van een netwerk abonneren",
    description="Maakt een feed (iCalendar) met alle bijeenkomsten van het netwerk, ook de "
    "geannuleerde (als geannuleerd)." + _MAAK_UITLEG,
    responses=responses.MAAK_ONDER,
)
async def maak_netwerkfeed(
    netwerk: NetwerkDep, request: Request, session: SessionDep
) -> schemas.KalenderfeedAangemaakt:
    return _aangemaakt(request, service.maak(netwerk_id=netwerk.id, session=session))


@netwerk_router.post(
    "/{feedId}/_intrekken",
    summary="Kalenderfeed van een netwerk intrekken",
    description="Daarna geeft de URL van de feed 404; de feed blijft zichtbaar in de lijst.",
    responses=responses.ACTIE,
)
async def trek_netwerkfeed_in(
    netwerk: NetwerkDep, feed_id: FeedId, session: SessionDep
) -> schemas.Kalenderfeed:
    feed = service.laad(feed_id, netwerk_id=netwerk.id, session=session)
    return schemas.Kalenderfeed.model_validate(service.trek_in(feed, session=session))


@persoon_router.get(
    "",
    summary="Eigen kalenderfeeds opvragen",
    description="De persoonlijke feeds van deze persoon, nieuwste eerst; het token staat er "
    "nooit bij.",
    responses=responses.LEES,
)
async def persoonsfeeds_lijst(
    persoon: PersoonDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
) -> schemas.PaginaKalenderfeeds:
    statement = select(Kalenderfeed).where(Kalenderfeed.persoon_id == persoon.id)
    return _lijst(statement, request, response, session, paging)


@persoon_router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Persoonlijke agenda abonneren",
    description="Maakt een feed met de bijeenkomsten van alle netwerken waarvan de persoon "
    'deelnemer is (en die waar hij als vervanger komt), met wat hij er doet: "Jouw organisatie '
    'is gastheer", "Je presenteert", of hij zich heeft aangemeld.' + _MAAK_UITLEG,
    responses=responses.MAAK_ONDER,
)
async def maak_persoonsfeed(
    persoon: PersoonDep, request: Request, session: SessionDep
) -> schemas.KalenderfeedAangemaakt:
    return _aangemaakt(request, service.maak(persoon_id=persoon.id, session=session))


@persoon_router.post(
    "/{feedId}/_intrekken",
    summary="Persoonlijke kalenderfeed intrekken",
    description="Daarna geeft de URL van de feed 404; de feed blijft zichtbaar in de lijst.",
    responses=responses.ACTIE,
)
async def trek_persoonsfeed_in(
    persoon: PersoonDep, feed_id: FeedId, session: SessionDep
) -> schemas.Kalenderfeed:
    feed = service.laad(feed_id, persoon_id=persoon.id, session=session)
    return schemas.Kalenderfeed.model_validate(service.trek_in(feed, session=session))


def _aanvaardt_kalender(accept: str | None) -> bool:
    if not accept:
        return True
    for deel in accept.split(","):
        mediatype, _, parameters = deel.strip().partition(";")
        weging = [p.strip() for p in parameters.split(";") if p.strip().startswith("q=")]
        if weging and weging[0] in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        if mediatype.strip().lower() in (TEXT_CALENDAR, "text/*", "*/*"):
            return True
    return False


@publiek_router.get(
    "/{token}",
    response_class=KalenderResponse,
    summary="Agenda-abonnement (iCalendar)",
    description="De feed zelf, voor Outlook en andere agenda's: `text/calendar` volgens RFC "
    "5545. Het token is de enige sleutel; er is geen andere authenticatie. Een onbekend of "
    "ingetrokken token geeft 404. Elke bijeenkomst houdt dezelfde `UID`; `SEQUENCE` stijgt bij "
    "elke wijziging; een geannuleerde bijeenkomst blijft staan met `STATUS:CANCELLED`; tijden "
    "zijn in Europe/Amsterdam (met VTIMEZONE). Agenda's die een bestandsnaam verwachten, mogen "
    "`.ics` achter het token zetten. Wie met `Accept` iets anders dan `text/calendar` vraagt, "
    "krijgt 406.",
    responses={
        status.HTTP_200_OK: {
            "description": "De agenda.",
            "content": {TEXT_CALENDAR: {"schema": {"type": "string"}}},
        },
        # Problems stay JSON: the route's text/calendar must not be assumed for them.
        **{
            code: {
                "description": antwoord["description"],
                "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            }
            for code, antwoord in responses.problems(400, 404, 406).items()
        },
    },
)
def agenda(
    token: Annotated[
        str,
        Path(
            max_length=200,
            description="Het geheime token uit de URL van de feed (eventueel met `.ics`).",
        ),
    ],
    session: SessionDep,
    accept: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> KalenderResponse:
    if not _aanvaardt_kalender(accept):
        raise NietAanvaardbaar("Deze URL levert alleen text/calendar (iCalendar, RFC 5545).")
    feed = service.zoek(token.removesuffix(".ics"), session=session)
    return KalenderResponse(
        content=service.ical(feed, session=session),
        headers={"Content-Disposition": 'inline; filename="kartrekker.ics"'},
    )
