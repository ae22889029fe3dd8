"""Subscriptions (`/v1/abonnementen`) and their deliveries: the service under the router.

Every function takes the session keyword-only, flushes and never commits, and raises the
AppError family: invalid input is one 400 that lists all problems.
"""

import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlmodel
from sqlalchemy import Row, Select, func, select
from sqlmodel import Session, col

from app.common.service import get_or_404
from app.errors import Conflict, InvalidInput, InvalidParam, NotFound
from app.models import Abonnement, Aflevering, AfleverPoging, Gebeurtenis, utcnow
from app.webhooks.delivery import maak_geheim
from app.webhooks.events import (
    CATALOGUS,
    FILTERS,
    AfleverStatus,
    type_past,
    wek_na_commit,
)
from app.webhooks.instellingen import WebhookInstellingen
from app.webhooks.sinks import OngeldigeSink, Resolver, controleer_sink, los_op

MAX_TYPES = 50
WIJZIGBAAR = frozenset({"sink", "types", "filters", "actief"})
UITGEZET = "Uitgezet door de eigenaar."

SORTEERBAAR: dict[str, Any] = {
    "aangemaaktOp": col(Abonnement.aangemaakt_op),
    "sink": col(Abonnement.sink),
}
"""Sort keys for the list of subscriptions (query parameter `sorteer`)."""

AFLEVERINGEN_SORTEERBAAR: dict[str, Any] = {
    "aangemaaktOp": col(Aflevering.aangemaakt_op),
    "volgendePogingOp": col(Aflevering.volgende_poging_op),
    "status": col(Aflevering.status),
}
"""Sort keys for the deliveries of a subscription."""


def _controleer_sink(
    sink: Any, instellingen: WebhookInstellingen, resolver: Resolver
) -> tuple[str | None, list[InvalidParam]]:
    if not isinstance(sink, str) or not sink.strip():
        return None, [InvalidParam("sink", "required", "Geef de URL waar events heen gaan.")]
    try:
        return controleer_sink(sink, instellingen, resolver=resolver).url, []
    except OngeldigeSink as fout:
        return None, [InvalidParam("sink", "ongeldige-sink", str(fout))]


def controleer_types(types: Sequence[str]) -> tuple[list[str], list[InvalidParam]]:
    """The types without duplicates, and a problem for each that matches nothing we publish."""
    problemen = []
    if len(types) > MAX_TYPES:
        problemen.append(
            InvalidParam("types", "too_long", f"Te veel elementen: hoogstens {MAX_TYPES}.")
        )
    for index, patroon in enumerate(types):
        if not any(type_past(patroon, bekend) for bekend in CATALOGUS):
            problemen.append(
                InvalidParam(
                    f"types.{index}",
                    "onbekend-type",
                    f"Onbekend gebeurtenistype '{patroon}'. Kies een type uit de catalogus, "
                    "een voorvoegsel zoals 'nl.kartrekker.bijeenkomst.*', of laat de lijst leeg "
                    "voor alle typen.",
                )
            )
    return list(dict.fromkeys(types)), problemen


def controleer_filters(
    filters: Mapping[str, str], *, netwerk_id: uuid.UUID | None
) -> tuple[dict[str, str], list[InvalidParam]]:
    """The filters normalised, and a problem for each unknown key or invalid value."""
    problemen = []
    resultaat: dict[str, str] = {}
    for sleutel, waarde in filters.items():
        naam = f"filters.{sleutel}"
        if sleutel not in FILTERS:
            problemen.append(
                InvalidParam(
                    naam,
                    "onbekend-filter",
                    f"Onbekend filter; kies uit: {', '.join(sorted(FILTERS))}.",
                )
            )
            continue
        try:
            netwerk = uuid.UUID(str(waarde))
        except ValueError:
            problemen.append(InvalidParam(naam, "uuid_parsing", "Moet een UUID zijn."))
            continue
        if netwerk_id is not None and netwerk != netwerk_id:
            problemen.append(
                InvalidParam(
                    naam,
                    "buiten-netwerk",
                    "Dit abonnement hoort bij een ander netwerk; het kan alleen gebeurtenissen "
                    "van dat netwerk ontvangen.",
                )
            )
            continue
        resultaat[sleutel] = str(netwerk)
    return resultaat, problemen


def maak(
    *,
    session: Session,
    instellingen: WebhookInstellingen,
    sink: str,
    types: Sequence[str] = (),
    filters: Mapping[str, str] | None = None,
    netwerk_id: uuid.UUID | None = None,
    eigenaar_persoon_id: uuid.UUID | None = None,
    eigenaar_sleutel_id: uuid.UUID | None = None,
    resolver: Resolver = los_op,
) -> Abonnement:
    """Create a subscription with a new secret; show `geheim` to the caller once, in the 201.

    `netwerk_id` binds it to one netwerk (a kartrekker's subscription): it then receives that
    netwerk's events only, whatever its filters say.
    """
    goede_sink, problemen = _controleer_sink(sink, instellingen, resolver)
    goede_types, type_problemen = controleer_types(types)
    goede_filters, filter_problemen = controleer_filters(filters or {}, netwerk_id=netwerk_id)
    problemen += type_problemen + filter_problemen
    if problemen or goede_sink is None:
        raise InvalidInput(problemen)
    abonnement = Abonnement(
        sink=goede_sink,
        types=goede_types,
        filters=goede_filters,
        geheim=maak_geheim(),
        netwerk_id=netwerk_id,
        eigenaar_persoon_id=eigenaar_persoon_id,
        eigenaar_sleutel_id=eigenaar_sleutel_id,
    )
    session.add(abonnement)
    session.flush()
    return abonnement


def laad(abonnement_id: uuid.UUID, *, session: Session) -> Abonnement:
    """The subscription with this id, or 404."""
    return get_or_404(session, Abonnement, abonnement_id, naam="abonnement")


def abonnementen_query(*, netwerk_id: uuid.UUID | None = None, actief: bool | None = None) -> Any:
    """The subscriptions, optionally of one netwerk or by state; the router adds its rights."""
    # sqlmodel's select, so that paging yields Abonnement objects rather than rows.
    statement = sqlmodel.select(Abonnement)
    if netwerk_id is not None:
        statement = statement.where(col(Abonnement.netwerk_id) == netwerk_id)
    if actief is not None:
        statement = statement.where(col(Abonnement.actief) == actief)
    return statement


def wijzig(
    abonnement: Abonnement,
    wijzigingen: Mapping[str, Any],
    *,
    session: Session,
    instellingen: WebhookInstellingen,
    resolver: Resolver = los_op,
) -> Abonnement:
    """Apply a partial change of `sink`, `types`, `filters` and `actief`, checked as on create.

    Switching a subscription on again (also after a 410) clears its end reason; deliveries
    that stopped stay stopped, and can be redelivered on request.
    """
    onbekend = set(wijzigingen) - WIJZIGBAAR
    if onbekend:
        raise ValueError(f"Niet te wijzigen: {', '.join(sorted(onbekend))}.")
    problemen: list[InvalidParam] = []
    nieuw: dict[str, Any] = {}
    if "sink" in wijzigingen:
        sink, sink_problemen = _controleer_sink(wijzigingen["sink"], instellingen, resolver)
        problemen += sink_problemen
        nieuw["sink"] = sink
    if "types" in wijzigingen:
        nieuw["types"], type_problemen = controleer_types(wijzigingen["types"] or [])
        problemen += type_problemen
    if "filters" in wijzigingen:
        nieuw["filters"], filter_problemen = controleer_filters(
            wijzigingen["filters"] or {}, netwerk_id=abonnement.netwerk_id
        )
        problemen += filter_problemen
    if "actief" in wijzigingen:
        if wijzigingen["actief"] is None:
            problemen.append(InvalidParam("actief", "required", "Dit veld mag niet leeg zijn."))
        nieuw["actief"] = wijzigingen["actief"]
    if problemen:
        raise InvalidInput(problemen)
    if "actief" in nieuw and nieuw["actief"] != abonnement.actief:
        nieuw["beeindigd_reden"] = None if nieuw["actief"] else UITGEZET
    for naam, waarde in nieuw.items():
        setattr(abonnement, naam, waarde)
    session.add(abonnement)
    session.flush()
    return abonnement


def vernieuw_geheim(abonnement: Abonnement, *, session: Session) -> Abonnement:
    """Give the subscription a new secret (to show once); the old one stops working at once."""
    abonnement.geheim = maak_geheim()
    session.add(abonnement)
    session.flush()
    return abonnement


def verwijder(abonnement: Abonnement, *, session: Session) -> None:
    """Remove the subscription; its deliveries and their log go with it."""
    session.delete(abonnement)
    session.flush()


@dataclass(frozen=True)
class AfleveringMetPogingen:
    """A delivery, the event it carries, and every attempt, oldest first."""

    aflevering: Aflevering
    gebeurtenis: Gebeurtenis
    pogingen: list[AfleverPoging]


def afleveringen_query(
    abonnement_id: uuid.UUID, *, status: AfleverStatus | None = None
) -> Select[Aflevering, Gebeurtenis]:
    """The deliveries of a subscription with their events: one row each (page it, then add
    the attempts with `met_pogingen`)."""
    statement = (
        select(Aflevering, Gebeurtenis)
        .join(Gebeurtenis, col(Gebeurtenis.id) == col(Aflevering.gebeurtenis_id))
        .where(col(Aflevering.abonnement_id) == abonnement_id)
    )
    if status is not None:
        statement = statement.where(col(Aflevering.status) == status)
    return statement


def met_pogingen(
    rijen: Sequence[Row[Aflevering, Gebeurtenis] | tuple[Aflevering, Gebeurtenis]],
    *,
    session: Session,
) -> list[AfleveringMetPogingen]:
    """The attempts of a page of deliveries, in one statement whatever the page size."""
    ids = [aflevering.id for aflevering, _ in rijen]
    per_aflevering: dict[uuid.UUID, list[AfleverPoging]] = defaultdict(list)
    if ids:
        for poging in session.scalars(
            select(AfleverPoging)
            .where(col(AfleverPoging.aflevering_id).in_(ids))
            .order_by(col(AfleverPoging.moment), col(AfleverPoging.id))
        ):
            per_aflevering[poging.aflevering_id].append(poging)
    return [
        AfleveringMetPogingen(aflevering, gebeurtenis, per_aflevering[aflevering.id])
        for aflevering, gebeurtenis in rijen
    ]


def lijst_afleveringen(
    abonnement: Abonnement,
    *,
    session: Session,
    page: int = 1,
    page_size: int = 20,
    status: AfleverStatus | None = None,
) -> tuple[list[AfleveringMetPogingen], int]:
    """One page of deliveries, newest first, with their attempts, and the total: 3 statements."""
    statement = afleveringen_query(abonnement.id, status=status)
    totaal = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    rijen = session.execute(
        statement.order_by(col(Aflevering.aangemaakt_op).desc(), col(Aflevering.id).desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    return met_pogingen(rijen, session=session), int(totaal)


def laad_aflevering(
    abonnement: Abonnement, aflevering_id: uuid.UUID, *, session: Session
) -> AfleveringMetPogingen:
    """One delivery of this subscription with its attempts, or 404."""
    rij = session.execute(
        afleveringen_query(abonnement.id).where(col(Aflevering.id) == aflevering_id)
    ).first()
    if rij is None:
        raise NotFound(f"Dit abonnement heeft geen aflevering met id {aflevering_id}.")
    return met_pogingen([rij], session=session)[0]


def opnieuw_afleveren(
    abonnement: Abonnement,
    aflevering_id: uuid.UUID,
    *,
    session: Session,
    nu: datetime | None = None,
) -> Aflevering:
    """Deliver again on request: back to `wachtend`, due now, with a fresh series of attempts.

    The attempts made so far stay in the log. A worker still busy with it keeps its attempt
    in the log but can no longer change the delivery.
    """
    if not abonnement.actief:
        raise Conflict(
            "Dit abonnement is niet actief; zet het eerst weer aan (actief: true) "
            "en vraag dan opnieuw om aflevering."
        )
    aflevering = session.get(Aflevering, aflevering_id)
    if aflevering is None or aflevering.abonnement_id != abonnement.id:
        raise NotFound(f"Dit abonnement heeft geen aflevering met id {aflevering_id}.")
    aflevering.status = AfleverStatus.WACHTEND
    aflevering.pogingen = 0
    aflevering.volgende_poging_op = nu or utcnow()
    aflevering.geclaimd_tot = None
    aflevering.afgeleverd_op = None
    session.add(aflevering)
    session.flush()
    wek_na_commit(session)
    return aflevering
