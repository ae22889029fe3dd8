"""Who may call which route: every route's permission, declared in this one table."""

import uuid
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, FastAPI, Request, Security, routing
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy import ColumnElement, or_, true
from sqlmodel import Session, col, select

from app.auth.aanroeper import (
    Aanroeper,
    AanroeperDep,
    GeenToegang,
    Lidmaatschap,
    NietGeauthenticeerd,
    api_key_header,
    bearer,
    bepaal_aanroeper,
)
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.errors import InvalidInput, InvalidParam, NotFound
from app.models import Bijdrage, Deelnemer, Evaluatie, Leervraag, Netwerk, OidcIdentiteit
from app.models.enums import BijdrageSoort, DeelnemerStatus


class Toegang(StrEnum):
    """The permission levels; each route has exactly one."""

    OPENBAAR = "openbaar"
    AANGEMELD = "aangemeld"
    KARTREKKER = "kartrekker"
    BEHEERDER = "beheerder"
    NETWERK_LEZEN = "netwerk-lezen"
    NETWERK_DEELNEMER = "netwerk-deelnemer"
    NETWERK_BEHEREN = "netwerk-beheren"
    EIGEN_LEERVRAAG = "eigen-leervraag"
    ZELF_OF_KARTREKKER = "zelf-of-kartrekker"
    ZELF = "zelf"
    GASTHEER_OF_KARTREKKER = "gastheer-of-kartrekker"
    EIGEN_EVALUATIE = "eigen-evaluatie"


UITLEG: dict[Toegang, str] = {
    Toegang.OPENBAAR: "iedereen, zonder authenticatie",
    Toegang.AANGEMELD: "iedere aangemelde persoon of API-sleutel "
    "(lijsten tonen alleen wat je mag zien)",
    Toegang.KARTREKKER: "kartrekkers (van welk netwerk ook) en beheerders",
    Toegang.BEHEERDER: "beheerders (persoon in KARTREKKER_BEHEERDERS of sleutel met scope "
    "`beheer`)",
    Toegang.NETWERK_LEZEN: "deelnemers van het netwerk, leessleutels ervoor en beheerders; "
    "bij een publiek netwerk iedere aangemelde persoon",
    Toegang.NETWERK_DEELNEMER: "deelnemers van het netwerk (voor zichzelf), kartrekkers en "
    "beheerders",
    Toegang.NETWERK_BEHEREN: "kartrekkers van het netwerk en beheerders",
    Toegang.EIGEN_LEERVRAAG: "de eigenaar van de leervraag, kartrekkers van het netwerk en "
    "beheerders",
    Toegang.ZELF_OF_KARTREKKER: "de persoon zelf, kartrekkers van een netwerk waarin de persoon "
    "deelnemer is (van een persoon die nog nergens deelnemer is en nooit aanmeldde: iedere "
    "kartrekker), leessleutels voor alle netwerken (alleen lezen) en beheerders",
    Toegang.ZELF: "de persoon zelf en beheerders",
    Toegang.GASTHEER_OF_KARTREKKER: "kartrekkers van het netwerk, de contactpersonen van de "
    "gastheer van deze bijeenkomst en beheerders",
    Toegang.EIGEN_EVALUATIE: "de deelnemer die de evaluatie gaf; lezen mogen ook de "
    "kartrekkers van het netwerk en beheerders",
}

N = "/v1/netwerken/{netwerkId}"
B = f"{N}/bijeenkomsten/{{bijeenkomstId}}"
ROUTE_RECHTEN: dict[tuple[str, str], Toegang] = {
    # Documentation and the service itself.
    ("GET", "/v1/openapi.json"): Toegang.OPENBAAR,
    ("GET", "/v1/docs"): Toegang.OPENBAAR,
    ("GET", "/v1/redoc"): Toegang.OPENBAAR,
    ("GET", "/v1/status"): Toegang.OPENBAAR,
    ("GET", "/v1/ik"): Toegang.AANGEMELD,
    # Netwerken and their lifecycle.
    ("GET", "/v1/netwerken"): Toegang.AANGEMELD,
    ("POST", "/v1/netwerken"): Toegang.BEHEERDER,
    ("GET", N): Toegang.NETWERK_LEZEN,
    ("PATCH", N): Toegang.NETWERK_BEHEREN,
    ("DELETE", N): Toegang.NETWERK_BEHEREN,
    ("POST", f"{N}/_activeer"): Toegang.NETWERK_BEHEREN,
    ("POST", f"{N}/_pauzeer"): Toegang.NETWERK_BEHEREN,
    ("POST", f"{N}/_hervat"): Toegang.NETWERK_BEHEREN,
    ("POST", f"{N}/_rondaf"): Toegang.NETWERK_BEHEREN,
    # Spelregels, health and follow-up: the kartrekkers' view.
    ("GET", f"{N}/spelregels"): Toegang.NETWERK_LEZEN,
    ("PUT", f"{N}/spelregels"): Toegang.NETWERK_BEHEREN,
    ("GET", f"{N}/gezondheid"): Toegang.NETWERK_BEHEREN,
    ("GET", f"{N}/opvolgingen"): Toegang.NETWERK_BEHEREN,
    ("POST", f"{N}/opvolgingen/_bijwerken"): Toegang.NETWERK_BEHEREN,
    ("PATCH", f"{N}/opvolgingen/{{opvolgingId}}"): Toegang.NETWERK_BEHEREN,
    ("POST", f"{N}/_vervolg"): Toegang.NETWERK_BEHEREN,
    # The gastrooster: everyone sees it, kartrekkers plan and swap, members name their
    # organisation's unavailable dates.
    ("GET", f"{N}/gastrooster"): Toegang.NETWERK_LEZEN,
    ("POST", f"{N}/gastrooster/_plan"): Toegang.NETWERK_BEHEREN,
    ("POST", f"{N}/gastrooster/_ruil"): Toegang.NETWERK_BEHEREN,
    ("GET", f"{N}/gastrooster/wijzigingen"): Toegang.NETWERK_LEZEN,
    # Werkgroepjes: the host or a kartrekker forms them on the day; kartrekkers plan ahead.
    ("POST", f"{B}/groepsindeling"): Toegang.GASTHEER_OF_KARTREKKER,
    ("GET", f"{B}/groepsindeling"): Toegang.NETWERK_LEZEN,
    ("POST", f"{N}/groepsplanning"): Toegang.NETWERK_BEHEREN,
    ("GET", f"{N}/onbeschikbaarheden"): Toegang.NETWERK_LEZEN,
    ("POST", f"{N}/onbeschikbaarheden"): Toegang.NETWERK_DEELNEMER,
    ("DELETE", f"{N}/onbeschikbaarheden/{{onbeschikbaarheidId}}"): Toegang.NETWERK_DEELNEMER,
    # Deelnemers.
    ("GET", f"{N}/deelnemers"): Toegang.NETWERK_LEZEN,
    ("POST", f"{N}/deelnemers"): Toegang.NETWERK_BEHEREN,
    ("GET", f"{N}/deelnemers/{{deelnemerId}}"): Toegang.NETWERK_LEZEN,
    ("PATCH", f"{N}/deelnemers/{{deelnemerId}}"): Toegang.NETWERK_BEHEREN,
    ("DELETE", f"{N}/deelnemers/{{deelnemerId}}"): Toegang.NETWERK_BEHEREN,
    # Organisations of a network: added by its kartrekkers, also before their people join.
    ("GET", f"{N}/organisaties"): Toegang.NETWERK_LEZEN,
    ("POST", f"{N}/organisaties"): Toegang.NETWERK_BEHEREN,
    ("GET", f"{N}/organisaties/{{organisatieId}}"): Toegang.NETWERK_LEZEN,
    ("PATCH", f"{N}/organisaties/{{organisatieId}}"): Toegang.NETWERK_BEHEREN,
    ("DELETE", f"{N}/organisaties/{{organisatieId}}"): Toegang.NETWERK_BEHEREN,
    # Bijeenkomsten.
    ("GET", f"{N}/bijeenkomsten"): Toegang.NETWERK_LEZEN,
    ("POST", f"{N}/bijeenkomsten"): Toegang.NETWERK_BEHEREN,
    ("GET", f"{N}/bijeenkomsten/{{bijeenkomstId}}"): Toegang.NETWERK_LEZEN,
    ("PATCH", f"{N}/bijeenkomsten/{{bijeenkomstId}}"): Toegang.NETWERK_BEHEREN,
    ("DELETE", f"{N}/bijeenkomsten/{{bijeenkomstId}}"): Toegang.NETWERK_BEHEREN,
    # Around a bijeenkomst: planning from a rhythm, RSVPs, attendance, evaluations,
    # contributions, the agenda and the host's draaiboek.
    ("POST", f"{N}/bijeenkomsten/_plan"): Toegang.NETWERK_BEHEREN,
    ("GET", f"{B}/aanmeldingen"): Toegang.NETWERK_LEZEN,
    ("GET", f"{B}/aanmeldingen/{{deelnemerId}}"): Toegang.NETWERK_LEZEN,
    ("PUT", f"{B}/aanmeldingen/{{deelnemerId}}"): Toegang.NETWERK_DEELNEMER,
    ("GET", f"{B}/aanwezigheid"): Toegang.NETWERK_LEZEN,
    ("PUT", f"{B}/aanwezigheid"): Toegang.GASTHEER_OF_KARTREKKER,
    ("GET", f"{B}/evaluaties"): Toegang.NETWERK_LEZEN,
    ("POST", f"{B}/evaluaties"): Toegang.NETWERK_DEELNEMER,
    ("GET", f"{B}/evaluaties/{{evaluatieId}}"): Toegang.EIGEN_EVALUATIE,
    ("PATCH", f"{B}/evaluaties/{{evaluatieId}}"): Toegang.EIGEN_EVALUATIE,
    ("GET", f"{N}/evaluaties/trend"): Toegang.NETWERK_LEZEN,
    ("GET", f"{B}/bijdragen"): Toegang.NETWERK_LEZEN,
    ("PUT", f"{B}/bijdragen"): Toegang.GASTHEER_OF_KARTREKKER,
    ("GET", f"{B}/agenda-onderdelen"): Toegang.NETWERK_LEZEN,
    ("POST", f"{B}/agenda-onderdelen"): Toegang.GASTHEER_OF_KARTREKKER,
    ("GET", f"{B}/agenda-onderdelen/{{onderdeelId}}"): Toegang.NETWERK_LEZEN,
    ("PATCH", f"{B}/agenda-onderdelen/{{onderdeelId}}"): Toegang.GASTHEER_OF_KARTREKKER,
    ("DELETE", f"{B}/agenda-onderdelen/{{onderdeelId}}"): Toegang.GASTHEER_OF_KARTREKKER,
    ("GET", f"{B}/draaiboek"): Toegang.NETWERK_LEZEN,
    # Leervragen: a deelnemer writes their own.
    ("GET", f"{N}/leervragen"): Toegang.NETWERK_LEZEN,
    ("POST", f"{N}/leervragen"): Toegang.NETWERK_DEELNEMER,
    ("GET", f"{N}/leervragen/{{leervraagId}}"): Toegang.NETWERK_LEZEN,
    ("PATCH", f"{N}/leervragen/{{leervraagId}}"): Toegang.EIGEN_LEERVRAAG,
    ("DELETE", f"{N}/leervragen/{{leervraagId}}"): Toegang.EIGEN_LEERVRAAG,
    ("GET", f"{N}/leervragen/{{leervraagId}}/voortgang"): Toegang.NETWERK_LEZEN,
    ("POST", f"{N}/leervragen/{{leervraagId}}/voortgang"): Toegang.EIGEN_LEERVRAAG,
    # Finding who can help: from a leervraag, for the agenda, and across a person's networks.
    ("GET", f"{N}/leervragen/{{leervraagId}}/matches"): Toegang.NETWERK_LEZEN,
    ("GET", f"{N}/agenda-suggesties"): Toegang.NETWERK_LEZEN,
    ("GET", "/v1/personen/{persoonId}/matches"): Toegang.ZELF_OF_KARTREKKER,
    # Organisaties and personen: kartrekkers invite them, beheerders maintain them.
    ("GET", "/v1/organisaties"): Toegang.AANGEMELD,
    ("POST", "/v1/organisaties"): Toegang.KARTREKKER,
    ("GET", "/v1/organisaties/{organisatieId}"): Toegang.AANGEMELD,
    ("PATCH", "/v1/organisaties/{organisatieId}"): Toegang.BEHEERDER,
    ("DELETE", "/v1/organisaties/{organisatieId}"): Toegang.BEHEERDER,
    ("GET", "/v1/personen"): Toegang.AANGEMELD,
    ("POST", "/v1/personen"): Toegang.KARTREKKER,
    ("GET", "/v1/personen/{persoonId}"): Toegang.ZELF_OF_KARTREKKER,
    ("PATCH", "/v1/personen/{persoonId}"): Toegang.ZELF_OF_KARTREKKER,
    ("DELETE", "/v1/personen/{persoonId}"): Toegang.BEHEERDER,
    # Webhooks: the caller's own subscriptions (a beheerder sees all).
    ("GET", "/v1/gebeurtenistypen"): Toegang.AANGEMELD,
    ("GET", "/v1/abonnementen"): Toegang.KARTREKKER,
    ("POST", "/v1/abonnementen"): Toegang.KARTREKKER,
    ("GET", "/v1/abonnementen/{abonnementId}"): Toegang.KARTREKKER,
    ("PATCH", "/v1/abonnementen/{abonnementId}"): Toegang.KARTREKKER,
    ("DELETE", "/v1/abonnementen/{abonnementId}"): Toegang.KARTREKKER,
    ("POST", "/v1/abonnementen/{abonnementId}/_vernieuwgeheim"): Toegang.KARTREKKER,
    ("GET", "/v1/abonnementen/{abonnementId}/afleveringen"): Toegang.KARTREKKER,
    (
        "POST",
        "/v1/abonnementen/{abonnementId}/afleveringen/{afleveringId}/_opnieuw",
    ): Toegang.KARTREKKER,
    # Calendar feeds: a deelnemer subscribes to the network, a person to their own sessions;
    # the feed itself is public behind its token.
    ("GET", f"{N}/kalenderfeeds"): Toegang.NETWERK_BEHEREN,
    ("POST", f"{N}/kalenderfeeds"): Toegang.NETWERK_DEELNEMER,
    ("POST", f"{N}/kalenderfeeds/{{feedId}}/_intrekken"): Toegang.NETWERK_BEHEREN,
    ("GET", "/v1/personen/{persoonId}/kalenderfeeds"): Toegang.ZELF,
    ("POST", "/v1/personen/{persoonId}/kalenderfeeds"): Toegang.ZELF,
    ("POST", "/v1/personen/{persoonId}/kalenderfeeds/{feedId}/_intrekken"): Toegang.ZELF,
    ("GET", "/v1/kalender/{token}"): Toegang.OPENBAAR,
    # API keys.
    ("GET", "/v1/api-sleutels"): Toegang.BEHEERDER,
    ("POST", "/v1/api-sleutels"): Toegang.BEHEERDER,
    ("GET", "/v1/api-sleutels/{sleutelId}"): Toegang.BEHEERDER,
    ("POST", "/v1/api-sleutels/{sleutelId}/_intrekken"): Toegang.BEHEERDER,
}


def route_paden(app: FastAPI) -> dict[int, tuple[str, frozenset[str]]]:
    """Every route of `app` with its full path and methods, keyed by the route object's id.

    A request's scope names the route as declared in its router, without the prefixes it was
    included under; this table gives back the full path the permissions are declared for.
    """
    paden: dict[int, tuple[str, frozenset[str]]] = {}
    for context in routing.iter_route_contexts(app.routes):
        if context.methods and context.path:
            paden[id(context.original_route)] = (context.path, frozenset(context.methods))
    return paden


def toegang_van(path: str, method: str) -> Toegang | None:
    """The declared permission of a route, or None when it has none (a defect)."""
    return ROUTE_RECHTEN.get(("GET" if method == "HEAD" else method, path))


def _zichtbaar(aanroeper: Aanroeper, netwerk: Netwerk) -> bool:
    if aanroeper.leest_alles() or aanroeper.is_lid(netwerk.id):
        return True
    if aanroeper.sleutel_netwerk_id == netwerk.id:
        return True
    return netwerk.publiek


def _pad_id(request: Request, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(request.path_params[name])
    except ValueError as error:
        raise InvalidInput(
            [InvalidParam(name=name, code="uuid_parsing", reason="Moet een UUID zijn.")]
        ) from error


def zichtbare_netwerken(aanroeper: Aanroeper) -> ColumnElement[bool]:
    """SQL condition: the networks this caller may see (for lists)."""
    if aanroeper.leest_alles():
        return true()
    zichtbaar = [col(Netwerk.publiek).is_(True)]
    ids = list(aanroeper.lidmaatschappen)
    if aanroeper.sleutel_netwerk_id is not None:
        ids.append(aanroeper.sleutel_netwerk_id)
    if ids:
        zichtbaar.append(col(Netwerk.id).in_(ids))
    return or_(*zichtbaar)


def netwerk_uit_pad(request: Request, session: Session, aanroeper: Aanroeper | None) -> Netwerk:
    """The path's netwerk if the caller may see it, loaded once per request; 404 otherwise."""
    netwerk_id = _pad_id(request, "netwerkId")
    netwerk: Netwerk | None = getattr(request.state, "netwerk", None)
    if netwerk is None or netwerk.id != netwerk_id:
        # A writing request locks the network row: writes to one network run one at a time,
        # so rules over the whole network (its size, its kartrekkers) hold under concurrency.
        netwerk = session.get(
            Netwerk, netwerk_id, with_for_update=request.method in SCHRIJVENDE_METHODEN
        )
    # An invisible network answers 404, like one that does not exist: no existence leaks.
    if netwerk is None or aanroeper is None or not _zichtbaar(aanroeper, netwerk):
        raise NotFound(f"Er is geen netwerk met id {netwerk_id}.")
    request.state.netwerk = netwerk
    return netwerk


def _controleer(toegang: Toegang, request: Request, session: Session, aanroeper: Aanroeper) -> None:
    if aanroeper.alleen_lezen and request.method in SCHRIJVENDE_METHODEN:
        raise GeenToegang("Deze API-sleutel mag alleen lezen.")
    if toegang is Toegang.AANGEMELD:
        return
    if toegang is Toegang.BEHEERDER:
        if not aanroeper.beheerder:
            raise GeenToegang("Alleen een beheerder mag dit.")
        return
    if toegang is Toegang.KARTREKKER:
        if not (aanroeper.beheerder or aanroeper.kartrekker_ergens):
            raise GeenToegang("Alleen kartrekkers en beheerders mogen dit.")
        return
    if toegang in (Toegang.ZELF_OF_KARTREKKER, Toegang.ZELF):
        persoon_id = _pad_id(request, "persoonId")
        if aanroeper.persoon_id == persoon_id or aanroeper.beheerder:
            return
        if toegang is Toegang.ZELF_OF_KARTREKKER and (
            (request.method == "GET" and aanroeper.leest_alles())
            or trekt_persoon(aanroeper, persoon_id, session=session)
        ):
            return
        raise GeenToegang(
            "Je mag alleen je eigen gegevens zien en wijzigen, en als kartrekker die van de "
            "mensen in je eigen netwerken."
        )
    netwerk = netwerk_uit_pad(request, session, aanroeper)
    if toegang is Toegang.NETWERK_LEZEN:
        return
    if toegang is Toegang.EIGEN_EVALUATIE:
        _eigen_evaluatie(request, session, aanroeper, netwerk)
        return
    if aanroeper.trekt(netwerk.id):
        return
    if toegang is Toegang.NETWERK_BEHEREN:
        raise GeenToegang("Alleen de kartrekkers van dit netwerk mogen dit.")
    if not aanroeper.is_lid(netwerk.id):
        raise GeenToegang("Alleen deelnemers van dit netwerk mogen dit.")
    if toegang is Toegang.GASTHEER_OF_KARTREKKER:
        _gastheer(request, session, aanroeper.lidmaatschappen[netwerk.id])
        return
    if toegang is Toegang.EIGEN_LEERVRAAG:
        leervraag = session.get(Leervraag, _pad_id(request, "leervraagId"))
        eigen = aanroeper.lidmaatschappen[netwerk.id].deelnemer_id
        if leervraag is not None and leervraag.deelnemer_id != eigen:
            raise GeenToegang("Je mag alleen je eigen leervragen wijzigen.")
    # NETWERK_DEELNEMER: the endpoint checks that a deelnemer writes for themselves.


def netwerken_van_persoon(persoon_id: uuid.UUID, *, session: Session) -> set[uuid.UUID]:
    """The networks this persoon is a deelnemer of (not counting those they left)."""
    return set(
        session.exec(
            select(Deelnemer.netwerk_id).where(
                Deelnemer.persoon_id == persoon_id,
                col(Deelnemer.status) != DeelnemerStatus.VERTROKKEN,
            )
        ).all()
    )


def trekt_persoon(aanroeper: Aanroeper, persoon_id: uuid.UUID, *, session: Session) -> bool:
    """Whether the caller carries this persoon: kartrekker of one of the persoon's networks.

    A persoon who is in no network yet and never signed in belongs to no one: any kartrekker
    may look after them (they were just invited, and carry no rights a takeover could gain).
    """
    if not aanroeper.kartrekker_ergens:
        return False
    netwerken = netwerken_van_persoon(persoon_id, session=session)
    if netwerken:
        return any(aanroeper.trekt(netwerk_id) for netwerk_id in netwerken)
    aangemeld = session.exec(
        select(OidcIdentiteit.id).where(OidcIdentiteit.persoon_id == persoon_id)
    ).first()
    return aangemeld is None


def _gastheer(request: Request, session: Session, lid: Lidmaatschap) -> None:
    """The caller must be a host contact (Bijdrage gastheer) of the path's bijeenkomst."""
    contact = session.exec(
        select(Bijdrage.id).where(
            Bijdrage.bijeenkomst_id == _pad_id(request, "bijeenkomstId"),
            Bijdrage.deelnemer_id == lid.deelnemer_id,
            Bijdrage.soort == BijdrageSoort.GASTHEER,
        )
    ).first()
    if contact is None:
        raise GeenToegang(
            "Alleen de kartrekkers en de contactpersonen van de gastheer van deze bijeenkomst "
            "mogen dit."
        )


def _eigen_evaluatie(
    request: Request, session: Session, aanroeper: Aanroeper, netwerk: Netwerk
) -> None:
    """Only its author changes an evaluation; kartrekkers and beheerders may also read it."""
    if request.method == "GET" and aanroeper.trekt(netwerk.id):
        return
    lid = aanroeper.lidmaatschappen.get(netwerk.id)
    evaluatie = session.get(Evaluatie, _pad_id(request, "evaluatieId"))
    # An unknown id is the endpoint's 404; someone else's evaluation stays private.
    if lid is None or (evaluatie is not None and evaluatie.deelnemer_id != lid.deelnemer_id):
        raise GeenToegang(
            "Een evaluatie is alleen te zien voor wie haar gaf en voor de kartrekkers, en alleen "
            "te wijzigen door wie haar gaf."
        )


async def autoriseer(
    request: Request,
    session: SessionDep,
    api_sleutel: Annotated[str | None, Security(api_key_header)] = None,
    token: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None,
) -> None:
    """App-wide dependency: enforce the route's declared permission (fail closed)."""
    paden: dict[int, tuple[str, frozenset[str]]] = request.app.state.route_paden
    route = paden.get(id(request.scope.get("route")))
    toegang = toegang_van(route[0], request.method) if route else None
    if toegang is None:
        raise GeenToegang("Voor deze route is geen toegang vastgelegd.")
    if toegang is Toegang.OPENBAAR:
        # Public stays public: credentials sent along (stale, revoked) are not even looked at.
        return
    aanroeper = bepaal_aanroeper(request, session, api_sleutel, token)
    request.state.aanroeper = aanroeper
    if aanroeper is None:
        raise NietGeauthenticeerd(
            "Meld je aan met een OIDC-token (Authorization: Bearer …) of een API-sleutel "
            "(X-Api-Key)."
        )
    _controleer(toegang, request, session, aanroeper)


async def vereist_aanroeper(aanroeper: AanroeperDep) -> Aanroeper:
    """The caller, for endpoints that are never public."""
    if aanroeper is None:
        raise NietGeauthenticeerd("Authenticatie is vereist.")
    return aanroeper


IngelogdDep = Annotated[Aanroeper, Depends(vereist_aanroeper)]


def eigen_deelnemer_check(
    aanroeper: Aanroeper,
    netwerk_id: uuid.UUID,
    deelnemer_id: uuid.UUID,
    *,
    handeling: str = "een leervraag toevoegen",
) -> None:
    """A deelnemer who is no kartrekker may only write on their own behalf."""
    if aanroeper.trekt(netwerk_id):
        return
    lid = aanroeper.lidmaatschappen.get(netwerk_id)
    if lid is None or lid.deelnemer_id != deelnemer_id:
        raise GeenToegang(f"Je mag alleen voor jezelf {handeling}.")


def rechten_tabel() -> str:
    """The permission of every route as a Markdown table (the README shows it)."""
    regels = ["| methode | pad | wie mag het |", "| --- | --- | --- |"]
    for (method, path), toegang in ROUTE_RECHTEN.items():
        regels.append(f"| {method} | `{path}` | {UITLEG[toegang]} |")
    return "\n".join(regels)
