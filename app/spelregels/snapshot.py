"""A network as the rules see it: plain frozen data, loaded once by the service.

The service builds a `NetwerkSnapshot` from the database (or, for a write, from the database with
the change applied) and hands it to the pure functions of this package. Attendance, evaluations
and opvolgingen have no tables yet; they are plain inputs here so the rules can read them as soon
as they exist.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from app.models.enums import (
    STANDAARD_ROLLEN,
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

# Contributions that make an organisation (co-)organiser of a bijeenkomst.
ORGANISERENDE_BIJDRAGEN = frozenset({BijdrageSoort.GASTHEER, BijdrageSoort.ORGANISATOR})


@dataclass(frozen=True, kw_only=True)
class OrganisatieSnapshot:
    """A participating (or hosting) organisation."""

    id: uuid.UUID
    naam: str
    soort: OrganisatieSoort


@dataclass(frozen=True, kw_only=True)
class DeelnemerSnapshot:
    """A person's membership of the network; `naam` is the person's name, for messages."""

    id: uuid.UUID
    naam: str
    organisatie_id: uuid.UUID
    rol: str
    sinds: date
    kartrekker: bool = False
    status: DeelnemerStatus = DeelnemerStatus.ACTIEF
    tot: date | None = None
    # The deelnemer this one replaced (a vervanger), if any.
    vervangt: uuid.UUID | None = None

    def actief_op(self, dag: date) -> bool:
        """Whether this deelnemer is an active member on `dag`."""
        return self.status == DeelnemerStatus.ACTIEF and (self.tot is None or self.tot >= dag)

    def lid_op(self, dag: date) -> bool:
        """Whether the membership covered `dag` (left members too, but not pending requests)."""
        if self.status == DeelnemerStatus.AANGEVRAAGD or self.sinds > dag:
            return False
        if self.tot is not None:
            return self.tot >= dag
        # A departure without a date: only what was registered for them still counts.
        return self.status == DeelnemerStatus.ACTIEF

    def vertrokken(self) -> bool:
        """Whether this deelnemer has left (or has an end date, so is leaving)."""
        return self.status == DeelnemerStatus.VERTROKKEN or self.tot is not None


@dataclass(frozen=True, kw_only=True)
class Bijdrage:
    """One deelnemer's contribution to one bijeenkomst."""

    deelnemer_id: uuid.UUID
    soort: BijdrageSoort


@dataclass(frozen=True, kw_only=True)
class BijeenkomstSnapshot:
    """A session: its host organisation, co-organising organisations and personal contributions."""

    id: uuid.UUID
    volgnummer: int
    start: datetime
    titel: str = ""
    status: BijeenkomstStatus = BijeenkomstStatus.GEPLAND
    gastorganisatie_id: uuid.UUID | None = None
    mede_organisatie_ids: frozenset[uuid.UUID] = frozenset()
    bijdragen: tuple[Bijdrage, ...] = ()

    @property
    def dag(self) -> date:
        """The day it takes place (UTC)."""
        return self.start.date()

    @property
    def gehouden(self) -> bool:
        return self.status == BijeenkomstStatus.GEHOUDEN

    @property
    def komend(self) -> bool:
        """Planned or confirmed: it can still be given hosts and co-organisers."""
        return self.status in (BijeenkomstStatus.GEPLAND, BijeenkomstStatus.BEVESTIGD)


@dataclass(frozen=True, kw_only=True)
class Aanwezigheid:
    """Whether a deelnemer was at a held bijeenkomst."""

    bijeenkomst_id: uuid.UUID
    deelnemer_id: uuid.UUID
    status: AanwezigheidStatus


@dataclass(frozen=True, kw_only=True)
class LeervraagSnapshot:
    id: uuid.UUID
    deelnemer_id: uuid.UUID
    soort: LeervraagSoort
    status: LeervraagStatus = LeervraagStatus.OPEN
    tekst: str = ""
    themas: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Evaluatie:
    """One judgement of a bijeenkomst; marks 1–5. Anonymous when `deelnemer_id` is None."""

    bijeenkomst_id: uuid.UUID
    leerwaarde: int
    plezier: int
    deelnemer_id: uuid.UUID | None = None

    def __post_init__(self) -> None:
        for naam, cijfer in (("leerwaarde", self.leerwaarde), ("plezier", self.plezier)):
            if not 1 <= cijfer <= 5:
                raise ValueError(f"{naam} moet 1 tot en met 5 zijn, niet {cijfer}")


@dataclass(frozen=True, kw_only=True)
class OpvolgingSnapshot:
    """An existing follow-up task; `bijeenkomst_id` is the first missed one of its absence run."""

    id: uuid.UUID
    deelnemer_id: uuid.UUID
    kartrekker_id: uuid.UUID
    status: OpvolgingStatus = OpvolgingStatus.OPEN
    bijeenkomst_id: uuid.UUID | None = None

    @property
    def lopend(self) -> bool:
        """Still on a kartrekker's list."""
        return self.status != OpvolgingStatus.AFGEROND


@dataclass(frozen=True, kw_only=True)
class NetwerkSnapshot:
    """Everything the rules read about one network, as it is (or would be) on `peildatum`.

    `reflecties` are the days the network last paused to ask "are we learning enough?" (a
    pause, or a bijeenkomst held for it), in any order.
    """

    id: uuid.UUID
    naam: str
    status: NetwerkStatus
    peildatum: date
    onderwerp: str | None = None
    themas: tuple[str, ...] = ()
    startdatum: date | None = None
    geplande_einddatum: date | None = None
    rollen: tuple[str, ...] = STANDAARD_ROLLEN
    organisaties: tuple[OrganisatieSnapshot, ...] = ()
    deelnemers: tuple[DeelnemerSnapshot, ...] = ()
    bijeenkomsten: tuple[BijeenkomstSnapshot, ...] = ()
    aanwezigheden: tuple[Aanwezigheid, ...] = ()
    leervragen: tuple[LeervraagSnapshot, ...] = ()
    evaluaties: tuple[Evaluatie, ...] = ()
    opvolgingen: tuple[OpvolgingSnapshot, ...] = ()
    reflecties: tuple[date, ...] = ()

    def __post_init__(self) -> None:
        # A loader bug should fail here, loudly, rather than as a strange bevinding.
        organisatie_ids = {o.id for o in self.organisaties}
        deelnemer_ids = {d.id for d in self.deelnemers}
        bijeenkomst_ids = {b.id for b in self.bijeenkomsten}
        problemen: list[str] = []
        problemen += [
            f"deelnemer {d.id}: organisatie {d.organisatie_id} ontbreekt"
            for d in self.deelnemers
            if d.organisatie_id not in organisatie_ids
        ]
        problemen += [
            f"deelnemer {d.id}: vervangt onbekende deelnemer {d.vervangt}"
            for d in self.deelnemers
            if d.vervangt is not None and d.vervangt not in deelnemer_ids
        ]
        for b in self.bijeenkomsten:
            betrokken = ({b.gastorganisatie_id} - {None}) | b.mede_organisatie_ids
            problemen += [
                f"bijeenkomst {b.id}: organisatie {o} ontbreekt"
                for o in betrokken - organisatie_ids
            ]
            problemen += [
                f"bijeenkomst {b.id}: bijdrage van onbekende deelnemer {x.deelnemer_id}"
                for x in b.bijdragen
                if x.deelnemer_id not in deelnemer_ids
            ]
        for soort, rijen in (
            ("aanwezigheid", self.aanwezigheden),
            ("evaluatie", self.evaluaties),
        ):
            problemen += [
                f"{soort}: onbekende bijeenkomst {r.bijeenkomst_id}"
                for r in rijen
                if r.bijeenkomst_id not in bijeenkomst_ids
            ]
        for soort, personen in (
            ("aanwezigheid", [a.deelnemer_id for a in self.aanwezigheden]),
            ("leervraag", [v.deelnemer_id for v in self.leervragen]),
            ("opvolging", [o.deelnemer_id for o in self.opvolgingen]),
            ("opvolging (kartrekker)", [o.kartrekker_id for o in self.opvolgingen]),
        ):
            problemen += [
                f"{soort}: onbekende deelnemer {p}" for p in personen if p not in deelnemer_ids
            ]
        if problemen:
            raise ValueError("Onvolledige snapshot: " + "; ".join(problemen[:5]))

    # Lookups are computed once per snapshot: cached_property writes the instance __dict__
    # directly, which a frozen dataclass allows, and the rules share them.

    @cached_property
    def organisatie_per_id(self) -> dict[uuid.UUID, OrganisatieSnapshot]:
        return {o.id: o for o in self.organisaties}

    @cached_property
    def deelnemer_per_id(self) -> dict[uuid.UUID, DeelnemerSnapshot]:
        return {d.id: d for d in self.deelnemers}

    @cached_property
    def actieve_deelnemers(self) -> tuple[DeelnemerSnapshot, ...]:
        """Members active on the peildatum, in a stable order (name, id)."""
        return tuple(
            sorted(
                (d for d in self.deelnemers if d.actief_op(self.peildatum)),
                key=lambda d: (d.naam, str(d.id)),
            )
        )

    @cached_property
    def deelnemende_organisaties(self) -> tuple[OrganisatieSnapshot, ...]:
        """Organisations with at least one active deelnemer, in a stable order (name, id)."""
        ids = {d.organisatie_id for d in self.actieve_deelnemers}
        return tuple(
            sorted(
                (self.organisatie_per_id[i] for i in ids),
                key=lambda o: (o.naam, str(o.id)),
            )
        )

    @cached_property
    def gehouden_bijeenkomsten(self) -> tuple[BijeenkomstSnapshot, ...]:
        """Held bijeenkomsten in the order they took place."""
        return tuple(
            sorted(
                (b for b in self.bijeenkomsten if b.gehouden),
                key=lambda b: (b.start, b.volgnummer),
            )
        )

    @cached_property
    def opkomst_per_deelnemer(
        self,
    ) -> dict[uuid.UUID, tuple[tuple[BijeenkomstSnapshot, AanwezigheidStatus], ...]]:
        """Per deelnemer, in order: the held bijeenkomsten whose attendance was taken and at
        which they were expected, with their attendance.

        Expected: on the list, or a member that day. A member missing from the list of a
        bijeenkomst whose attendance was taken was absent; a bijeenkomst without any list
        says nothing about anyone.
        """
        # Keyed by the UUIDs' integers: UUID.__hash__ is Python code, and this loop runs
        # deelnemers × bijeenkomsten times.
        per_paar = {
            (a.bijeenkomst_id.int, a.deelnemer_id.int): a.status for a in self.aanwezigheden
        }
        geregistreerd = {bijeenkomst for bijeenkomst, _ in per_paar}
        gehouden = [
            (b, b.id.int, b.dag) for b in self.gehouden_bijeenkomsten if b.id.int in geregistreerd
        ]
        opkomst: dict[uuid.UUID, tuple[tuple[BijeenkomstSnapshot, AanwezigheidStatus], ...]] = {}
        for deelnemer in self.deelnemers:
            sleutel = deelnemer.id.int
            rij: list[tuple[BijeenkomstSnapshot, AanwezigheidStatus]] = []
            for bijeenkomst, bijeenkomst_sleutel, dag in gehouden:
                status = per_paar.get((bijeenkomst_sleutel, sleutel))
                if status is None:
                    if not deelnemer.lid_op(dag):
                        continue
                    status = AanwezigheidStatus.AFWEZIG
                rij.append((bijeenkomst, status))
            opkomst[deelnemer.id] = tuple(rij)
        return opkomst

    @cached_property
    def leervraagsoorten_per_deelnemer(self) -> dict[uuid.UUID, frozenset[LeervraagSoort]]:
        soorten: dict[uuid.UUID, set[LeervraagSoort]] = defaultdict(set)
        for vraag in self.leervragen:
            soorten[vraag.deelnemer_id].add(vraag.soort)
        return {d: frozenset(s) for d, s in soorten.items()}

    @cached_property
    def bijdragen_per_deelnemer(self) -> dict[uuid.UUID, int]:
        """How often each deelnemer hosted, organised, presented or facilitated."""
        aantallen: dict[uuid.UUID, int] = defaultdict(int)
        for bijeenkomst in self.bijeenkomsten:
            if bijeenkomst.status == BijeenkomstStatus.GEANNULEERD:
                continue
            for bijdrage in bijeenkomst.bijdragen:
                aantallen[bijdrage.deelnemer_id] += 1
        return dict(aantallen)

    def organiserende_organisatie_ids(
        self, bijeenkomst: BijeenkomstSnapshot
    ) -> frozenset[uuid.UUID]:
        """The organisations that host or co-organise `bijeenkomst`."""
        ids = set(bijeenkomst.mede_organisatie_ids)
        if bijeenkomst.gastorganisatie_id is not None:
            ids.add(bijeenkomst.gastorganisatie_id)
        for bijdrage in bijeenkomst.bijdragen:
            if bijdrage.soort in ORGANISERENDE_BIJDRAGEN:
                deelnemer = self.deelnemer_per_id[bijdrage.deelnemer_id]
                ids.add(deelnemer.organisatie_id)
        return frozenset(ids)

    @property
    def lopend(self) -> bool:
        """Running: active or paused (a concept is still being built, a finished one is done)."""
        return self.status in (NetwerkStatus.ACTIEF, NetwerkStatus.GEPAUZEERD)

    @property
    def termijn_voorbij(self) -> bool:
        """Whether the term is over: finished, or past its planned end."""
        if self.status == NetwerkStatus.AFGEROND:
            return True
        return self.geplande_einddatum is not None and self.peildatum > self.geplande_einddatum
