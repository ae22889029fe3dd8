"""Loads a network into a snapshot for the pure rules, and enforces them on writes.

The snapshot takes a fixed number of statements whatever the network's size: one per table.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from app.errors import Conflict, InvalidInput
from app.models import (
    Aanwezigheid,
    Bijdrage,
    Bijeenkomst,
    Deelnemer,
    Evaluatie,
    Leervraag,
    Netwerk,
    Opvolging,
    Organisatie,
    Persoon,
)
from app.models.enums import (
    AanwezigheidStatus,
    BijdrageSoort,
    BijeenkomstStatus,
    DeelnemerStatus,
    LeervraagSoort,
    LeervraagStatus,
    NetwerkStatus,
    OpvolgingStatus,
    OrganisatieSoort,
)
from app.spelregels import (
    Bevinding,
    NetwerkSnapshot,
    OngeldigeSpelregels,
    Spelregels,
    check,
    pas_aan,
    spelregels_uit_opslag,
)
from app.spelregels import snapshot as s

# Statuses in which the rules guard every write; a concept is still being set up.
BEWAAKT = frozenset({NetwerkStatus.ACTIEF, NetwerkStatus.GEPAUZEERD})


class SpelregelsOvertreden(Conflict):
    """A transition or write that would break a blocking rule; the body lists the bevindingen."""

    code = "spelregels-overtreden"
    title = "Dit gaat in tegen de spelregels van het netwerk."

    def __init__(self, bevindingen: list[Bevinding], detail: str) -> None:
        super().__init__(detail, extra={"bevindingen": [bevinding_json(b) for b in bevindingen]})
        self.bevindingen = bevindingen


def bevinding_json(bevinding: Bevinding) -> dict[str, Any]:
    """A bevinding as the API shows it (also inside a 409 problem)."""
    return {
        "code": bevinding.code,
        "ernst": bevinding.ernst.value,
        "melding": bevinding.melding,
        "organisatieIds": [str(i) for i in bevinding.organisatie_ids],
        "deelnemerIds": [str(i) for i in bevinding.deelnemer_ids],
        "bijeenkomstIds": [str(i) for i in bevinding.bijeenkomst_ids],
    }


def spelregels_van(netwerk: Netwerk) -> Spelregels:
    """The network's spelregels: the article's defaults with the kartrekkers' edits."""
    return spelregels_uit_opslag(netwerk.spelregels)


def wijzig_spelregels(
    netwerk: Netwerk, wijzigingen: dict[str, Any], *, session: Session
) -> Spelregels:
    """Apply a kartrekker's edits; 400 listing every invalid rule or parameter."""
    try:
        nieuw = pas_aan(spelregels_van(netwerk), wijzigingen)
    except OngeldigeSpelregels as fout:
        raise InvalidInput(fout.problemen) from fout
    netwerk.spelregels = nieuw.as_dict()
    session.add(netwerk)
    session.flush()
    return nieuw


def laad_snapshot(
    netwerk: Netwerk, *, session: Session, status: NetwerkStatus | None = None
) -> NetwerkSnapshot:
    """The network as the rules see it, as stored in this transaction (changes flushed)."""
    nid = netwerk.id
    deelnemers = session.exec(
        select(Deelnemer, Persoon)
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .where(Deelnemer.netwerk_id == nid)
    ).all()
    bijeenkomsten = session.exec(select(Bijeenkomst).where(Bijeenkomst.netwerk_id == nid)).all()
    bijdragen = session.exec(select(Bijdrage).where(Bijdrage.netwerk_id == nid)).all()
    organisatie_ids = {p.organisatie_id for _, p in deelnemers} | {
        b.gastorganisatie_id for b in bijeenkomsten if b.gastorganisatie_id is not None
    }
    organisaties = (
        session.exec(
            select(Organisatie.id, Organisatie.naam, Organisatie.soort).where(
                col(Organisatie.id).in_(organisatie_ids)
            )
        ).all()
        if organisatie_ids
        else []
    )
    aanwezigheden = session.exec(
        select(Aanwezigheid.bijeenkomst_id, Aanwezigheid.deelnemer_id, Aanwezigheid.status).where(
            Aanwezigheid.netwerk_id == nid
        )
    ).all()
    leervragen = session.exec(
        select(Leervraag.id, Leervraag.deelnemer_id, Leervraag.soort, Leervraag.status).where(
            Leervraag.netwerk_id == nid
        )
    ).all()
    evaluaties = session.exec(
        select(
            Evaluatie.bijeenkomst_id,
            Evaluatie.leerwaarde,
            Evaluatie.plezier,
            Evaluatie.deelnemer_id,
        ).where(Evaluatie.netwerk_id == nid)
    ).all()
    opvolgingen = session.exec(select(Opvolging).where(Opvolging.netwerk_id == nid)).all()

    per_bijeenkomst: dict[uuid.UUID, list[s.Bijdrage]] = defaultdict(list)
    mede: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    organisatie_van = {d.id: p.organisatie_id for d, p in deelnemers}
    for bijdrage in bijdragen:
        soort = BijdrageSoort(bijdrage.soort)
        per_bijeenkomst[bijdrage.bijeenkomst_id].append(
            s.Bijdrage(deelnemer_id=bijdrage.deelnemer_id, soort=soort)
        )
        if soort in s.ORGANISERENDE_BIJDRAGEN and bijdrage.deelnemer_id in organisatie_van:
            mede[bijdrage.bijeenkomst_id].add(organisatie_van[bijdrage.deelnemer_id])

    return NetwerkSnapshot(
        id=nid,
        naam=netwerk.naam,
        status=status or NetwerkStatus(netwerk.status),
        peildatum=date.today(),
        onderwerp=netwerk.onderwerp,
        startdatum=netwerk.startdatum,
        geplande_einddatum=netwerk.geplande_einddatum,
        rollen=tuple(netwerk.rollen),
        organisaties=tuple(
            s.OrganisatieSnapshot(id=oid, naam=naam, soort=OrganisatieSoort(soort))
            for oid, naam, soort in organisaties
        ),
        deelnemers=tuple(
            s.DeelnemerSnapshot(
                id=d.id,
                naam=p.naam,
                organisatie_id=p.organisatie_id,
                rol=d.rol,
                sinds=d.sinds,
                kartrekker=d.kartrekker,
                status=DeelnemerStatus(d.status),
                tot=d.tot,
                vervangt=d.vervangt_id,
            )
            for d, p in deelnemers
        ),
        bijeenkomsten=tuple(
            s.BijeenkomstSnapshot(
                id=b.id,
                volgnummer=b.volgnummer,
                start=b.start,
                titel=b.titel,
                status=BijeenkomstStatus(b.status),
                gastorganisatie_id=b.gastorganisatie_id,
                mede_organisatie_ids=frozenset(mede[b.id] - {b.gastorganisatie_id}),
                bijdragen=tuple(per_bijeenkomst[b.id]),
            )
            for b in bijeenkomsten
        ),
        aanwezigheden=tuple(
            s.Aanwezigheid(bijeenkomst_id=b, deelnemer_id=d, status=AanwezigheidStatus(st))
            for b, d, st in aanwezigheden
        ),
        leervragen=tuple(
            s.LeervraagSnapshot(
                id=i, deelnemer_id=d, soort=LeervraagSoort(so), status=LeervraagStatus(st)
            )
            for i, d, so, st in leervragen
        ),
        evaluaties=tuple(
            s.Evaluatie(bijeenkomst_id=b, leerwaarde=lw, plezier=pl, deelnemer_id=d)
            for b, lw, pl, d in evaluaties
        ),
        opvolgingen=tuple(
            s.OpvolgingSnapshot(
                id=o.id,
                deelnemer_id=o.deelnemer_id,
                kartrekker_id=o.kartrekker_id,
                status=OpvolgingStatus(o.status),
                bijeenkomst_id=o.bijeenkomst_id,
            )
            for o in opvolgingen
        ),
        reflecties=tuple(date.fromisoformat(d) for d in netwerk.reflecties),
    )


def controleer_start(netwerk: Netwerk, *, session: Session) -> None:
    """409 listing the blocking bevindingen when the network may not become active."""
    na = laad_snapshot(netwerk, session=session, status=NetwerkStatus.ACTIEF)
    blokkerend = check(na, spelregels_van(netwerk))
    if blokkerend:
        raise SpelregelsOvertreden(
            blokkerend,
            f"Het netwerk kan nog niet starten: {len(blokkerend)} spelregel(s) staan dat in de "
            "weg. Los ze op en probeer het opnieuw.",
        )


@contextmanager
def bewaakt(netwerk: Netwerk, *, session: Session) -> Iterator[None]:
    """Wrap a write in a running network: refused (409, nothing kept) when it breaks a rule."""
    if NetwerkStatus(netwerk.status) not in BEWAAKT:
        yield
        return
    regels = spelregels_van(netwerk)
    voor = laad_snapshot(netwerk, session=session)
    yield
    session.flush()
    blokkerend = check(laad_snapshot(netwerk, session=session), regels, voor=voor)
    if blokkerend:
        raise SpelregelsOvertreden(
            blokkerend,
            "Deze wijziging gaat in tegen de spelregels van het netwerk en is niet doorgevoerd.",
        )
