"""Loads a network into a snapshot for the pure rules, and enforces them on writes.

The snapshot takes a fixed number of statements whatever the network's size: one per table.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import String, type_coerce
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.common.service import apply_changes
from app.errors import Conflict, InvalidInput, InvalidParam
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
    Gezondheid,
    NetwerkSnapshot,
    OngeldigeSpelregels,
    Selectie,
    Spelregels,
    check,
    gezondheid,
    pas_aan,
    plan_opvolgingen,
    spelregels_uit_opslag,
)
from app.spelregels import snapshot as s
from app.webhooks import events
from app.webhooks.events import publiceer

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
        "leervraagIds": [str(i) for i in bevinding.leervraag_ids],
        "niveau": bevinding.niveau.value,
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


class _UuidCache:
    """Turns raw id values (hex text on SQLite, UUIDs on PostgreSQL) into shared UUIDs."""

    def __init__(self) -> None:
        self._seen: dict[Any, uuid.UUID] = {}

    def __call__(self, value: Any) -> uuid.UUID:
        found = self._seen.get(value)
        if found is None:
            found = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
            self._seen[value] = found
        return found


def _ruw(column: Any) -> Any:
    """The column without SQLAlchemy's per-value conversion."""
    return type_coerce(column, String)


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
    # The large tables (a row per deelnemer per bijeenkomst) are read with their ids as raw
    # values and turned into UUIDs once per distinct id: converting every cell costs more than
    # the rules themselves.
    uuid_van = _UuidCache()
    aanwezigheden = [
        (uuid_van(b), uuid_van(d), st)
        for b, d, st in session.execute(
            select(
                _ruw(Aanwezigheid.bijeenkomst_id),
                _ruw(Aanwezigheid.deelnemer_id),
                Aanwezigheid.status,
            ).where(Aanwezigheid.netwerk_id == nid)
        ).all()
    ]
    leervragen = [
        (uuid_van(i), uuid_van(d), so, st, tekst, themas)
        for i, d, so, st, tekst, themas in session.execute(
            sa_select(
                _ruw(Leervraag.id),
                _ruw(Leervraag.deelnemer_id),
                col(Leervraag.soort),
                col(Leervraag.status),
                col(Leervraag.tekst),
                col(Leervraag.themas),
            ).where(col(Leervraag.netwerk_id) == nid)
        ).all()
    ]
    evaluaties = [
        (uuid_van(b), lw, pl, uuid_van(d))
        for b, lw, pl, d in session.execute(
            select(
                _ruw(Evaluatie.bijeenkomst_id),
                Evaluatie.leerwaarde,
                Evaluatie.plezier,
                _ruw(Evaluatie.deelnemer_id),
            ).where(Evaluatie.netwerk_id == nid)
        ).all()
    ]
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
        themas=tuple(netwerk.themas),
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
                id=i,
                deelnemer_id=d,
                soort=LeervraagSoort(so),
                status=LeervraagStatus(st),
                tekst=tekst,
                themas=tuple(themas),
            )
            for i, d, so, st, tekst, themas in leervragen
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


def werk_opvolgingen_bij(netwerk: Netwerk, *, session: Session) -> list[Opvolging]:
    """Create the opvolgingen the afhaken rule calls for now, each announced as an event.

    Called after attendance is registered. A task exists once per absence run: a closed one is
    not recreated for the same absences. The member gets no reminder: a kartrekker calls.
    """
    snapshot = laad_snapshot(netwerk, session=session)
    nieuw = []
    for gepland in plan_opvolgingen(snapshot, spelregels_van(netwerk)):
        opvolging = Opvolging(
            netwerk_id=netwerk.id,
            deelnemer_id=gepland.deelnemer_id,
            kartrekker_id=gepland.kartrekker_id,
            bijeenkomst_id=gepland.bijeenkomst_id,
            reden=gepland.reden,
        )
        session.add(opvolging)
        nieuw.append(opvolging)
    session.flush()
    for opvolging in nieuw:
        publiceer(
            session,
            events.OPVOLGING_NODIG,
            onderwerp=opvolging.id,
            netwerk_id=netwerk.id,
            data={"deelnemerId": opvolging.deelnemer_id, "kartrekkerId": opvolging.kartrekker_id},
        )
    return nieuw


def wijzig_opvolging(
    netwerk: Netwerk, opvolging: Opvolging, wijzigingen: dict[str, Any], *, session: Session
) -> Opvolging:
    """Status, note or another kartrekker for a follow-up task."""
    nieuwe_trekker = wijzigingen.get("kartrekker_id")
    if nieuwe_trekker is not None:
        trekker = session.get(Deelnemer, nieuwe_trekker)
        if trekker is None or trekker.netwerk_id != netwerk.id or not trekker.kartrekker:
            raise InvalidInput(
                [
                    InvalidParam(
                        name="kartrekkerId",
                        code="geen-kartrekker",
                        reason="Kies een kartrekker van dit netwerk.",
                    )
                ]
            )
    apply_changes(opvolging, wijzigingen, required=("status", "kartrekker_id"))
    session.add(opvolging)
    session.flush()
    return opvolging


def gezondheid_van(
    netwerk: Netwerk, *, session: Session, selectie: Selectie | None = None
) -> tuple[Gezondheid, NetwerkSnapshot]:
    """The health of the network (the bevindingen `selectie` asks for) and its snapshot."""
    snapshot = laad_snapshot(netwerk, session=session)
    return gezondheid(snapshot, spelregels_van(netwerk), selectie), snapshot
