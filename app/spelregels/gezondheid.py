"""The health of a network: all bevindingen and the figures behind them, ready to draw."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from app.models.enums import AanwezigheidStatus, DeelnemerStatus
from app.spelregels.beoordeling import bevindingen
from app.spelregels.bevinding import Bevinding, Ernst, Niveau
from app.spelregels.catalogus import ROLLEN_PER_ORGANISATIE, Spelregels
from app.spelregels.looptijd import Looptijd
from app.spelregels.regels import (
    deelnemers_bij_start,
    gestart,
    is_producent,
    vertrokken_sinds_start,
)
from app.spelregels.snapshot import NetwerkSnapshot


@dataclass(frozen=True, kw_only=True)
class RolDekking:
    """One row of the role matrix: how many active deelnemers of an organisation per role."""

    organisatie_id: uuid.UUID
    organisatie: str
    aantallen: tuple[int, ...]
    ingevulde_rollen: int


@dataclass(frozen=True, kw_only=True)
class Rollenmatrix:
    """Organisations × roles; `aantallen` of each row follow `rollen`.

    `vereist` are the roles of the rollen-per-organisatie rule (first in `rollen`), of which
    every organisation fills at least `minimum_aantal`.
    """

    rollen: tuple[str, ...]
    vereist: tuple[str, ...]
    minimum_aantal: int
    rijen: tuple[RolDekking, ...]


@dataclass(frozen=True, kw_only=True)
class Opkomst:
    """Attendance at held bijeenkomsten whose attendance was taken."""

    verwacht: int
    aanwezig: int
    afgemeld: int
    afwezig: int
    # aanwezig / verwacht; None while nothing was expected.
    fractie: float | None


@dataclass(frozen=True, kw_only=True)
class DeelnemerOpkomst:
    deelnemer_id: uuid.UUID
    organisatie_id: uuid.UUID
    opkomst: Opkomst


@dataclass(frozen=True, kw_only=True)
class OrganisatieOpkomst:
    organisatie_id: uuid.UUID
    opkomst: Opkomst


@dataclass(frozen=True, kw_only=True)
class ProducentenConsumenten:
    """Active deelnemers who contributed (producenten) and who only came to take."""

    producent_ids: tuple[uuid.UUID, ...]
    consument_ids: tuple[uuid.UUID, ...]


@dataclass(frozen=True, kw_only=True)
class OrganisatieWisselingen:
    organisatie_id: uuid.UUID
    vertrokken: int


@dataclass(frozen=True, kw_only=True)
class Verloop:
    """Churn since the start date; all zero and `fractie` None before the network started."""

    bij_start: int
    vertrokken: int
    ingestroomd: int
    # vertrokken / bij_start
    fractie: float | None
    per_organisatie: tuple[OrganisatieWisselingen, ...]


@dataclass(frozen=True, kw_only=True)
class Gastschap:
    """How often an organisation hosted or co-organised held bijeenkomsten, and will."""

    organisatie_id: uuid.UUID
    gastheer: int
    mede_organisator: int
    gepland: int


@dataclass(frozen=True, kw_only=True)
class Gastspreiding:
    """Hosting per participating organisation; `aan_de_beurt_geweest` counts held ones only."""

    organisaties: tuple[Gastschap, ...]
    deelnemende_organisaties: int
    aan_de_beurt_geweest: int


@dataclass(frozen=True, kw_only=True)
class BijeenkomstCijfers:
    """Attendance and evaluation of one held bijeenkomst (averages None without evaluations)."""

    bijeenkomst_id: uuid.UUID
    volgnummer: int
    start: datetime
    verwacht: int
    aanwezig: int
    evaluaties: int
    leerwaarde: float | None
    plezier: float | None


@dataclass(frozen=True, kw_only=True)
class DeelnemerBevindingen:
    """All bevindingen about one person; `ernst` is the heaviest of them."""

    deelnemer_id: uuid.UUID
    naam: str
    organisatie_id: uuid.UUID
    ernst: Ernst
    bevindingen: tuple[Bevinding, ...]


@dataclass(frozen=True, kw_only=True)
class Selectie:
    """Which bevindingen a caller asked for; a field left empty selects everything."""

    codes: frozenset[str] = frozenset()
    ernst: Ernst | None = None
    niveau: Niveau | None = None

    def past(self, bevinding: Bevinding) -> bool:
        return (
            (not self.codes or bevinding.code in self.codes)
            and (self.ernst is None or bevinding.ernst == self.ernst)
            and (self.niveau is None or bevinding.niveau == self.niveau)
        )


@dataclass(frozen=True, kw_only=True)
class Gezondheid:
    """Everything `GET /v1/netwerken/{id}/gezondheid` answers.

    `bevindingen` are those about the network and its organisations, the weightiest first (see
    `orden`); those about a person are in `bevindingen_per_deelnemer`, one entry per person.
    """

    bevindingen: tuple[Bevinding, ...]
    bevindingen_per_deelnemer: tuple[DeelnemerBevindingen, ...]
    looptijd: Looptijd
    rollen: Rollenmatrix
    opkomst_per_deelnemer: tuple[DeelnemerOpkomst, ...]
    opkomst_per_organisatie: tuple[OrganisatieOpkomst, ...]
    producenten: ProducentenConsumenten
    verloop: Verloop
    gastspreiding: Gastspreiding
    bijeenkomsten: tuple[BijeenkomstCijfers, ...]


def rollenmatrix(snapshot: NetwerkSnapshot, spelregels: Spelregels) -> Rollenmatrix:
    """Role coverage per participating organisation."""
    regel = spelregels[ROLLEN_PER_ORGANISATIE]
    vereist = regel.lijst("rollen")
    gebruikt = sorted({d.rol for d in snapshot.actieve_deelnemers})
    rollen = tuple(dict.fromkeys([*vereist, *snapshot.rollen, *gebruikt]))
    tellingen: dict[uuid.UUID, Counter[str]] = defaultdict(Counter)
    for deelnemer in snapshot.actieve_deelnemers:
        tellingen[deelnemer.organisatie_id][deelnemer.rol] += 1
    rijen = []
    for organisatie in snapshot.deelnemende_organisaties:
        telling = tellingen[organisatie.id]
        rijen.append(
            RolDekking(
                organisatie_id=organisatie.id,
                organisatie=organisatie.naam,
                aantallen=tuple(telling[rol] for rol in rollen),
                ingevulde_rollen=sum(1 for rol in vereist if telling[rol]),
            )
        )
    return Rollenmatrix(
        rollen=rollen,
        vereist=vereist,
        minimum_aantal=regel.getal("minimumAantal"),
        rijen=tuple(rijen),
    )


def _opkomst(telling: Counter[AanwezigheidStatus]) -> Opkomst:
    verwacht = sum(telling.values())
    aanwezig = telling[AanwezigheidStatus.AANWEZIG]
    return Opkomst(
        verwacht=verwacht,
        aanwezig=aanwezig,
        afgemeld=telling[AanwezigheidStatus.AFGEMELD],
        afwezig=telling[AanwezigheidStatus.AFWEZIG],
        fractie=aanwezig / verwacht if verwacht else None,
    )


_NIVEAUS = tuple(Niveau)


def _zwaarte(bevinding: Bevinding) -> tuple[bool, int]:
    """Blocking first, then by whom it is about: the network, an organisation, a person."""
    return bevinding.ernst != Ernst.BLOKKEREND, _NIVEAUS.index(bevinding.niveau)


def orden(
    snapshot: NetwerkSnapshot, gevonden: list[Bevinding]
) -> tuple[tuple[Bevinding, ...], tuple[DeelnemerBevindingen, ...]]:
    """The bevindingen as a kartrekker reads them, weightiest first.

    About the network and organisations: blocking first, then the network, then per
    organisation (by name), in catalogue order otherwise. About people: one entry per person,
    those with a blocking bevinding first, then those with the most bevindingen, then by name.
    """

    def volgorde(bevinding: Bevinding) -> tuple[bool, int, str]:
        organisatie = (
            snapshot.organisatie_per_id[bevinding.organisatie_ids[0]].naam
            if bevinding.niveau == Niveau.ORGANISATIE
            else ""
        )
        return (*_zwaarte(bevinding), organisatie)

    algemeen = sorted((b for b in gevonden if b.niveau != Niveau.DEELNEMER), key=volgorde)
    per_persoon: dict[uuid.UUID, list[Bevinding]] = defaultdict(list)
    for bevinding in gevonden:
        if bevinding.niveau == Niveau.DEELNEMER:
            per_persoon[bevinding.deelnemer_ids[0]].append(bevinding)
    personen = []
    for deelnemer_id, eigen in per_persoon.items():
        deelnemer = snapshot.deelnemer_per_id[deelnemer_id]
        eigen.sort(key=_zwaarte)
        personen.append(
            DeelnemerBevindingen(
                deelnemer_id=deelnemer_id,
                naam=deelnemer.naam,
                organisatie_id=deelnemer.organisatie_id,
                ernst=eigen[0].ernst,
                bevindingen=tuple(eigen),
            )
        )
    personen.sort(
        key=lambda p: (
            p.ernst != Ernst.BLOKKEREND,
            -len(p.bevindingen),
            p.naam,
            str(p.deelnemer_id),
        )
    )
    return tuple(algemeen), tuple(personen)


def gezondheid(
    snapshot: NetwerkSnapshot, spelregels: Spelregels, selectie: Selectie | None = None
) -> Gezondheid:
    """All bevindingen of the network (or those `selectie` asks for) and the figures a
    frontend draws them with."""
    per_deelnemer: dict[uuid.UUID, Counter[AanwezigheidStatus]] = {}
    per_bijeenkomst: dict[uuid.UUID, Counter[AanwezigheidStatus]] = defaultdict(Counter)
    for deelnemer_id, opkomst in snapshot.opkomst_per_deelnemer.items():
        if opkomst:
            per_deelnemer[deelnemer_id] = Counter(status for _, status in opkomst)
        for bijeenkomst, status in opkomst:
            per_bijeenkomst[bijeenkomst.id][status] += 1

    # Everyone who was ever expected, and every active member, has a row.
    getoond = [d for d in snapshot.deelnemers if d.id in per_deelnemer]
    getoond += [d for d in snapshot.actieve_deelnemers if d.id not in per_deelnemer]
    getoond.sort(key=lambda d: (d.naam, str(d.id)))
    per_organisatie: dict[uuid.UUID, Counter[AanwezigheidStatus]] = defaultdict(Counter)
    for deelnemer in getoond:
        per_organisatie[deelnemer.organisatie_id].update(per_deelnemer.get(deelnemer.id, {}))
    organisaties = sorted(
        (snapshot.organisatie_per_id[i] for i in per_organisatie), key=lambda o: (o.naam, str(o.id))
    )

    actief = snapshot.actieve_deelnemers
    producenten = tuple(d.id for d in actief if is_producent(snapshot, d))
    consumenten = tuple(d.id for d in actief if not is_producent(snapshot, d))

    selectie = selectie or Selectie()
    algemeen, per_persoon = orden(
        snapshot, [b for b in bevindingen(snapshot, spelregels) if selectie.past(b)]
    )
    return Gezondheid(
        bevindingen=algemeen,
        bevindingen_per_deelnemer=per_persoon,
        looptijd=Looptijd(
            startdatum=snapshot.startdatum, geplande_einddatum=snapshot.geplande_einddatum
        ),
        rollen=rollenmatrix(snapshot, spelregels),
        opkomst_per_deelnemer=tuple(
            DeelnemerOpkomst(
                deelnemer_id=d.id,
                organisatie_id=d.organisatie_id,
                opkomst=_opkomst(per_deelnemer.get(d.id, Counter())),
            )
            for d in getoond
        ),
        opkomst_per_organisatie=tuple(
            OrganisatieOpkomst(organisatie_id=o.id, opkomst=_opkomst(per_organisatie[o.id]))
            for o in organisaties
        ),
        producenten=ProducentenConsumenten(producent_ids=producenten, consument_ids=consumenten),
        verloop=verloop(snapshot),
        gastspreiding=gastspreiding(snapshot),
        bijeenkomsten=_bijeenkomstcijfers(snapshot, per_bijeenkomst),
    )


def verloop(snapshot: NetwerkSnapshot) -> Verloop:
    """Churn since the start: who was there, who left, who joined later."""
    if not gestart(snapshot):
        return Verloop(bij_start=0, vertrokken=0, ingestroomd=0, fractie=None, per_organisatie=())
    assert snapshot.startdatum is not None
    bij_start = deelnemers_bij_start(snapshot)
    vertrokken = vertrokken_sinds_start(snapshot)
    ingestroomd = [
        d
        for d in snapshot.deelnemers
        if snapshot.startdatum < d.sinds <= snapshot.peildatum
        and d.status != DeelnemerStatus.AANGEVRAAGD
    ]
    per_organisatie = Counter(d.organisatie_id for d in vertrokken)
    return Verloop(
        bij_start=len(bij_start),
        vertrokken=len(vertrokken),
        ingestroomd=len(ingestroomd),
        fractie=len(vertrokken) / len(bij_start) if bij_start else None,
        per_organisatie=tuple(
            OrganisatieWisselingen(organisatie_id=i, vertrokken=n)
            for i, n in sorted(
                per_organisatie.items(),
                key=lambda item: (-item[1], snapshot.organisatie_per_id[item[0]].naam),
            )
        ),
    )


def gastspreiding(snapshot: NetwerkSnapshot) -> Gastspreiding:
    """Who hosted and co-organised, per participating organisation (and any other host)."""
    gastheer: Counter[uuid.UUID] = Counter()
    mede: Counter[uuid.UUID] = Counter()
    gepland: Counter[uuid.UUID] = Counter()
    for bijeenkomst in snapshot.bijeenkomsten:
        organisatoren = snapshot.organiserende_organisatie_ids(bijeenkomst)
        if bijeenkomst.gehouden:
            for organisatie_id in organisatoren:
                if organisatie_id == bijeenkomst.gastorganisatie_id:
                    gastheer[organisatie_id] += 1
                else:
                    mede[organisatie_id] += 1
        elif bijeenkomst.komend:
            gepland.update(organisatoren)
    deelnemend = snapshot.deelnemende_organisaties
    ids = [o.id for o in deelnemend]
    ids += sorted(
        {*gastheer, *mede, *gepland} - set(ids),
        key=lambda i: (snapshot.organisatie_per_id[i].naam, str(i)),
    )
    return Gastspreiding(
        organisaties=tuple(
            Gastschap(
                organisatie_id=i, gastheer=gastheer[i], mede_organisator=mede[i], gepland=gepland[i]
            )
            for i in ids
        ),
        deelnemende_organisaties=len(deelnemend),
        aan_de_beurt_geweest=sum(1 for o in deelnemend if gastheer[o.id] or mede[o.id]),
    )


def _bijeenkomstcijfers(
    snapshot: NetwerkSnapshot, opkomst: dict[uuid.UUID, Counter[AanwezigheidStatus]]
) -> tuple[BijeenkomstCijfers, ...]:
    cijfers: dict[uuid.UUID, list[tuple[int, int]]] = defaultdict(list)
    for evaluatie in snapshot.evaluaties:
        cijfers[evaluatie.bijeenkomst_id].append((evaluatie.leerwaarde, evaluatie.plezier))
    rijen = []
    for bijeenkomst in snapshot.gehouden_bijeenkomsten:
        paren = cijfers[bijeenkomst.id]
        telling = opkomst.get(bijeenkomst.id, Counter())
        rijen.append(
            BijeenkomstCijfers(
                bijeenkomst_id=bijeenkomst.id,
                volgnummer=bijeenkomst.volgnummer,
                start=bijeenkomst.start,
                verwacht=sum(telling.values()),
                aanwezig=telling[AanwezigheidStatus.AANWEZIG],
                evaluaties=len(paren),
                leerwaarde=sum(p[0] for p in paren) / len(paren) if paren else None,
                plezier=sum(p[1] for p in paren) / len(paren) if paren else None,
            )
        )
    return tuple(rijen)
