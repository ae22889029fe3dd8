"""Loads a network's bijeenkomsten into the rotation, and stores a plan, a re-plan or a swap."""

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.bijdragen.service import vervallen_gastheren
from app.errors import Conflict, InvalidInput, InvalidParam
from app.gastrooster import (
    Eerlijkheidsrapport,
    Gastrooster,
    Knelpunt,
    RoosterBijeenkomst,
    RoosterFout,
    RoosterOrganisatie,
    Ruil,
    beoordeel,
    herplan,
    ruil,
)
from app.models import (
    Bijeenkomst,
    Deelnemer,
    Netwerk,
    Onbeschikbaarheid,
    Organisatie,
    Persoon,
    RoosterWijziging,
)
from app.models.enums import BijeenkomstStatus, DeelnemerStatus, RoosterWijzigingSoort
from app.webhooks import events
from app.webhooks.events import publiceer

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
OrgId = uuid.UUID
BijId = uuid.UUID


@dataclass(frozen=True)
class Rooster:
    """A network's rotation as loaded: its organisations, bijeenkomsten and current hosts."""

    organisaties: list[RoosterOrganisatie[OrgId]]
    bijeenkomsten: list[RoosterBijeenkomst[BijId, OrgId]]
    rijen: dict[BijId, Bijeenkomst]
    # Tentative hosts of the open (unconfirmed) bijeenkomsten: the previous plan.
    voorlopig: dict[BijId, OrgId | None]
    namen: dict[OrgId, str]


def is_vast(bijeenkomst: Bijeenkomst) -> bool:
    """A host that no plan may move: held, confirmed, or set by hand by a kartrekker."""
    return bijeenkomst.gastorganisatie_id is not None and (
        bijeenkomst.gastheer_vast
        or bijeenkomst.status in (BijeenkomstStatus.GEHOUDEN, BijeenkomstStatus.BEVESTIGD)
    )


def is_vastgezet(bijeenkomst: Bijeenkomst) -> bool:
    """A planned bijeenkomst whose host was set by hand (a swap, a PATCH): it can be unpinned."""
    return (
        bijeenkomst.gastorganisatie_id is not None
        and bijeenkomst.gastheer_vast
        and bijeenkomst.status == BijeenkomstStatus.GEPLAND
    )


def _dagstart(dag: date) -> datetime:
    return datetime.combine(dag, time.min, tzinfo=AMSTERDAM).astimezone(UTC)


def laad(netwerk: Netwerk, *, session: Session) -> Rooster:
    """The rotation of `netwerk` in four statements, whatever its size."""
    leden = session.execute(
        sa_select(
            col(Deelnemer.sinds),
            col(Deelnemer.tot),
            col(Deelnemer.status),
            col(Organisatie.id),
            col(Organisatie.naam),
        )
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .join(Organisatie, col(Organisatie.id) == col(Persoon.organisatie_id))
        .where(col(Deelnemer.netwerk_id) == netwerk.id)
    ).all()
    per_organisatie: dict[OrgId, list[tuple[date, date | None, bool]]] = defaultdict(list)
    namen: dict[OrgId, str] = {}
    for sinds, tot, status, organisatie_id, naam in leden:
        vertrokken = status == DeelnemerStatus.VERTROKKEN
        per_organisatie[organisatie_id].append((sinds, tot, vertrokken))
        namen[organisatie_id] = naam
    organisaties = []
    for organisatie_id, perioden in per_organisatie.items():
        vanaf = min(sinds for sinds, _, _ in perioden)
        # An organisation leaves the rotation when its last deelnemer has left.
        alle_weg = all(vertrokken for _, _, vertrokken in perioden)
        einden = [tot for _, tot, _ in perioden if tot is not None]
        tot = max(einden) if alle_weg and einden else None
        organisaties.append(
            RoosterOrganisatie(
                id=organisatie_id,
                naam=namen[organisatie_id],
                vanaf=_dagstart(vanaf),
                tot=_dagstart(tot) if tot is not None else None,
            )
        )
    rijen = {
        b.id: b
        for b in session.exec(select(Bijeenkomst).where(Bijeenkomst.netwerk_id == netwerk.id)).all()
    }
    verhinderd: dict[date, set[OrgId]] = defaultdict(set)
    for organisatie_id, datum in session.exec(
        select(col(Onbeschikbaarheid.organisatie_id), col(Onbeschikbaarheid.datum)).where(
            Onbeschikbaarheid.netwerk_id == netwerk.id
        )
    ).all():
        verhinderd[datum].add(organisatie_id)
    bijeenkomsten = []
    voorlopig: dict[BijId, OrgId | None] = {}
    for rij in sorted(rijen.values(), key=lambda b: (b.start, b.volgnummer)):
        vast = is_vast(rij)
        if not vast and rij.status != BijeenkomstStatus.GEANNULEERD:
            voorlopig[rij.id] = rij.gastorganisatie_id
        bijeenkomsten.append(
            RoosterBijeenkomst(
                id=rij.id,
                start=rij.start,
                # A host fixed by hand counts as confirmed for the rotation.
                status=BijeenkomstStatus.BEVESTIGD
                if vast and rij.status == BijeenkomstStatus.GEPLAND
                else BijeenkomstStatus(rij.status),
                gastorganisatie=rij.gastorganisatie_id if vast else None,
                verhinderd=frozenset(verhinderd[rij.start.astimezone(AMSTERDAM).date()]),
                naam=rij.titel,
            )
        )
    return Rooster(organisaties, bijeenkomsten, rijen, voorlopig, namen)


def huidig(
    rooster: Rooster, *, nu: datetime | None = None
) -> tuple[Eerlijkheidsrapport[BijId, OrgId], tuple[Knelpunt[BijId, OrgId], ...]]:
    """The fairness report of the rotation as it stands, and the hosts that cannot host."""
    return beoordeel(rooster.organisaties, rooster.bijeenkomsten, rooster.voorlopig, nu=nu)


def _zet_gastheer(
    netwerk: Netwerk,
    rij: Bijeenkomst,
    naar: OrgId | None,
    soort: RoosterWijzigingSoort,
    *,
    session: Session,
    toelichting: str | None = None,
) -> None:
    session.add(
        RoosterWijziging(
            netwerk_id=netwerk.id,
            bijeenkomst_id=rij.id,
            van_organisatie_id=rij.gastorganisatie_id,
            naar_organisatie_id=naar,
            soort=soort,
            toelichting=toelichting,
        )
    )
    rij.gastorganisatie_id = naar
    # A new host is a change calendars must pick up.
    rij.sequence += 1
    session.add(rij)
    session.flush()
    # The old host's contact people no longer host this bijeenkomst.
    vervallen_gastheren(rij, session=session)


def plan(
    netwerk: Netwerk,
    *,
    losmaken: Sequence[BijId] = (),
    session: Session,
    nu: datetime | None = None,
) -> tuple[Rooster, Gastrooster[BijId, OrgId]]:
    """Give every open bijeenkomst a host; confirmed and held ones never move, and of the open
    ones as few as possible (the previous plan is kept where the rules allow).

    The hosts of `losmaken`, pinned by hand, are loose again first. Returns the rotation (its
    rows carry the new hosts) and the plan with its report.
    """
    rooster = laad(netwerk, session=session)
    if losmaken:
        _maak_los(rooster, losmaken, session=session)
        rooster = laad(netwerk, session=session)
    if not rooster.organisaties:
        raise Conflict(
            "Dit netwerk heeft nog geen deelnemende organisaties om een rooster mee te maken."
        )
    uitkomst = herplan(rooster.organisaties, rooster.bijeenkomsten, rooster.voorlopig, nu=nu)
    opmerking = _opmerking(uitkomst.knelpunten)
    veranderd = []
    for bijeenkomst_id, gast in uitkomst.toewijzing.items():
        rij = rooster.rijen[bijeenkomst_id]
        soort = (
            RoosterWijzigingSoort.HERPLAN if rij.gastorganisatie_id else RoosterWijzigingSoort.PLAN
        )
        if rij.gastorganisatie_id != gast:
            _zet_gastheer(netwerk, rij, gast, soort, session=session)
            veranderd.append(rij.id)
    for rij in rooster.rijen.values():
        # Fixed hosts too: a pinned host on an unavailable date is why this one is not fair.
        if rij.status in (BijeenkomstStatus.GEHOUDEN, BijeenkomstStatus.GEANNULEERD):
            continue
        betrokken = opmerking.get(rij.id)
        if rij.rooster_opmerking != betrokken:
            rij.rooster_opmerking = betrokken
            session.add(rij)
    session.flush()
    if veranderd:
        publiceer(
            session,
            events.GASTROOSTER_GEWIJZIGD,
            onderwerp=netwerk.id,
            netwerk_id=netwerk.id,
            data={"bijeenkomstIds": veranderd, "eerlijk": uitkomst.eerlijk},
        )
    return rooster, uitkomst


def _maak_los(rooster: Rooster, losmaken: Sequence[BijId], *, session: Session) -> None:
    """Unpin hand-set hosts; a bijeenkomst that is not planned, or not there, is a 400."""
    problemen = []
    for index, bijeenkomst_id in enumerate(losmaken):
        naam = f"losmaken.{index}"
        rij = rooster.rijen.get(bijeenkomst_id)
        if rij is None:
            problemen.append(
                InvalidParam(
                    name=naam,
                    code="bestaat-niet",
                    reason=f"Dit netwerk heeft geen bijeenkomst {bijeenkomst_id}.",
                )
            )
        elif rij.status != BijeenkomstStatus.GEPLAND:
            problemen.append(
                InvalidParam(
                    name=naam,
                    code=str(rij.status),
                    reason=f"{rij.titel} is {rij.status}: alleen een geplande bijeenkomst heeft "
                    "een gastheer die los kan. Kies met een PATCH van `gastorganisatieId` een "
                    "andere gastheer.",
                )
            )
    if problemen:
        raise InvalidInput(problemen)
    for bijeenkomst_id in losmaken:
        rij = rooster.rijen[bijeenkomst_id]
        if rij.gastheer_vast:
            rij.gastheer_vast = False
            session.add(rij)
    session.flush()


def _opmerking(knelpunten: tuple[Knelpunt[BijId, OrgId], ...]) -> dict[BijId, str]:
    """Per bijeenkomst, why its host could not be fair (the best possible plan, marked)."""
    opmerkingen: dict[BijId, list[str]] = defaultdict(list)
    for knelpunt in knelpunten:
        if knelpunt.blokkeert:
            for bijeenkomst_id in knelpunt.bijeenkomsten:
                opmerkingen[bijeenkomst_id].append(knelpunt.melding)
    return {b: " ".join(m)[:500] for b, m in opmerkingen.items()}


def wissel(
    netwerk: Netwerk,
    eerste: BijId,
    tweede: BijId,
    *,
    forceer: bool,
    session: Session,
    nu: datetime | None = None,
) -> None:
    """Swap the hosts of two coming bijeenkomsten; a swap a rule forbids needs `forceer`."""
    rooster = laad(netwerk, session=session)
    problemen = [
        InvalidParam(
            name=naam, code="bestaat-niet", reason=f"Dit netwerk heeft geen bijeenkomst {i}."
        )
        for naam, i in (("eersteBijeenkomstId", eerste), ("tweedeBijeenkomstId", tweede))
        if i not in rooster.rijen
    ]
    if problemen:
        raise InvalidInput(problemen)
    toewijzing = dict(rooster.voorlopig)
    try:
        uitkomst = ruil(
            rooster.organisaties, rooster.bijeenkomsten, toewijzing, eerste, tweede, nu=nu
        )
    except RoosterFout as fout:
        raise Conflict(fout.melding) from fout
    if not uitkomst.toegestaan and not forceer:
        raise RuilBezwaar(uitkomst, rooster.namen)
    soort = (
        RoosterWijzigingSoort.HANDMATIG
        if forceer and not uitkomst.toegestaan
        else RoosterWijzigingSoort.RUIL
    )
    for bijeenkomst_id, gast in ((eerste, uitkomst.eerste_gast), (tweede, uitkomst.tweede_gast)):
        rij = rooster.rijen[bijeenkomst_id]
        _zet_gastheer(netwerk, rij, gast, soort, session=session, toelichting="Ruil")
        # A swapped host is what people agreed on: a later re-plan leaves it.
        rij.gastheer_vast = True
    session.flush()
    publiceer(
        session,
        events.GASTROOSTER_GEWIJZIGD,
        onderwerp=netwerk.id,
        netwerk_id=netwerk.id,
        data={"bijeenkomstIds": [eerste, tweede], "ruil": True},
    )


class RuilBezwaar(Conflict):
    """A swap that breaks a rotation rule; the body names the objections."""

    code = "ruil-bezwaar"
    title = "Deze ruil gaat in tegen het gastrooster."

    def __init__(self, uitkomst: Ruil[BijId, OrgId], namen: dict[OrgId, str]) -> None:
        super().__init__(
            "De ruil breekt een regel van het rooster. Een kartrekker kan hem toch doorvoeren "
            "met `forceer: true`.",
            extra={"bezwaren": [knelpunt_json(k) for k in uitkomst.bezwaren]},
        )


def knelpunt_json(knelpunt: Knelpunt[BijId, OrgId]) -> dict[str, Any]:
    """A knelpunt as the API shows it."""
    return {
        "code": knelpunt.code,
        "melding": knelpunt.melding,
        "blokkeert": knelpunt.blokkeert,
        "bijeenkomstIds": [str(i) for i in knelpunt.bijeenkomsten],
        "organisatieIds": [str(i) for i in knelpunt.organisaties],
    }
