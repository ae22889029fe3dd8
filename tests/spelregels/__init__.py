"""Builders for network snapshots: a healthy network that every rule accepts, to break one way."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from hypothesis import strategies as st

from app.models.enums import (
    BijeenkomstStatus,
    DeelnemerStatus,
    LeervraagSoort,
    NetwerkStatus,
    OrganisatieSoort,
)
from app.spelregels import (
    Aanwezigheid,
    AanwezigheidStatus,
    Bevinding,
    Bijdrage,
    BijdrageSoort,
    BijeenkomstSnapshot,
    DeelnemerSnapshot,
    Evaluatie,
    LeervraagSnapshot,
    NetwerkSnapshot,
    OpvolgingSnapshot,
    OpvolgingStatus,
    OrganisatieSnapshot,
    Spelregels,
    bevindingen,
    pas_aan,
    standaard_spelregels,
)

START = date(2024, 1, 8)
ONDERWERP = "De organisatorische kant van nieuwe democratie in gemeenten"
# A leervraag about the onderwerp, without a theme.
LEERVRAAG = "Hoe richten we de organisatie in op nieuwe democratie?"


@dataclass
class Bouwer:
    """Builds a NetwerkSnapshot step by step; ids are small and readable (UUID(int=n))."""

    status: NetwerkStatus = NetwerkStatus.ACTIEF
    onderwerp: str | None = ONDERWERP
    startdatum: date | None = START
    geplande_einddatum: date | None = START + timedelta(days=730)
    peildatum: date = START + timedelta(days=200)
    organisaties: list[OrganisatieSnapshot] = field(default_factory=list)
    deelnemers: list[DeelnemerSnapshot] = field(default_factory=list)
    bijeenkomsten: list[BijeenkomstSnapshot] = field(default_factory=list)
    aanwezigheden: list[Aanwezigheid] = field(default_factory=list)
    leervragen: list[LeervraagSnapshot] = field(default_factory=list)
    evaluaties: list[Evaluatie] = field(default_factory=list)
    opvolgingen: list[OpvolgingSnapshot] = field(default_factory=list)
    reflecties: list[date] = field(default_factory=list)
    _volgende: int = 1

    def _id(self) -> uuid.UUID:
        self._volgende += 1
        return uuid.UUID(int=self._volgende)

    def organisatie(
        self, naam: str, soort: OrganisatieSoort = OrganisatieSoort.GEMEENTE
    ) -> uuid.UUID:
        organisatie = OrganisatieSnapshot(id=self._id(), naam=naam, soort=soort)
        self.organisaties.append(organisatie)
        return organisatie.id

    def deelnemer(
        self,
        naam: str,
        organisatie_id: uuid.UUID,
        rol: str = "beslisser",
        *,
        kartrekker: bool = False,
        status: DeelnemerStatus = DeelnemerStatus.ACTIEF,
        sinds: date = START,
        tot: date | None = None,
        vervangt: uuid.UUID | None = None,
    ) -> uuid.UUID:
        deelnemer = DeelnemerSnapshot(
            id=self._id(),
            naam=naam,
            organisatie_id=organisatie_id,
            rol=rol,
            kartrekker=kartrekker,
            status=status,
            sinds=sinds,
            tot=tot,
            vervangt=vervangt,
        )
        self.deelnemers.append(deelnemer)
        return deelnemer.id

    def bijeenkomst(
        self,
        *,
        status: BijeenkomstStatus = BijeenkomstStatus.GEHOUDEN,
        gast: uuid.UUID | None = None,
        mede: tuple[uuid.UUID, ...] = (),
        bijdragen: tuple[tuple[uuid.UUID, BijdrageSoort], ...] = (),
        dag: date | None = None,
        titel: str = "",
    ) -> uuid.UUID:
        volgnummer = len(self.bijeenkomsten) + 1
        dag = dag or START + timedelta(days=14 * volgnummer)
        bijeenkomst = BijeenkomstSnapshot(
            id=self._id(),
            volgnummer=volgnummer,
            titel=titel,
            start=datetime.combine(dag, time(14), tzinfo=UTC),
            status=status,
            gastorganisatie_id=gast,
            mede_organisatie_ids=frozenset(mede),
            bijdragen=tuple(Bijdrage(deelnemer_id=d, soort=s) for d, s in bijdragen),
        )
        self.bijeenkomsten.append(bijeenkomst)
        return bijeenkomst.id

    def aanwezigheid(
        self,
        bijeenkomst_id: uuid.UUID,
        deelnemer_id: uuid.UUID,
        status: AanwezigheidStatus = AanwezigheidStatus.AANWEZIG,
    ) -> None:
        # Later registrations win, as an edit in the service would.
        self.aanwezigheden = [
            a
            for a in self.aanwezigheden
            if (a.bijeenkomst_id, a.deelnemer_id) != (bijeenkomst_id, deelnemer_id)
        ]
        self.aanwezigheden.append(
            Aanwezigheid(bijeenkomst_id=bijeenkomst_id, deelnemer_id=deelnemer_id, status=status)
        )

    def iedereen_aanwezig(self, bijeenkomst_id: uuid.UUID) -> None:
        for deelnemer in self.deelnemers:
            if deelnemer.status == DeelnemerStatus.ACTIEF:
                self.aanwezigheid(bijeenkomst_id, deelnemer.id)

    def leervraag(
        self, deelnemer_id: uuid.UUID, soort: LeervraagSoort, tekst: str = LEERVRAAG, **velden: Any
    ) -> None:
        self.leervragen.append(
            LeervraagSnapshot(
                id=self._id(), deelnemer_id=deelnemer_id, soort=soort, tekst=tekst, **velden
            )
        )

    def evaluatie(self, bijeenkomst_id: uuid.UUID, leerwaarde: int, plezier: int) -> None:
        self.evaluaties.append(
            Evaluatie(bijeenkomst_id=bijeenkomst_id, leerwaarde=leerwaarde, plezier=plezier)
        )

    def opvolging(
        self,
        deelnemer_id: uuid.UUID,
        kartrekker_id: uuid.UUID,
        bijeenkomst_id: uuid.UUID | None,
        status: OpvolgingStatus = OpvolgingStatus.OPEN,
    ) -> None:
        self.opvolgingen.append(
            OpvolgingSnapshot(
                id=self._id(),
                deelnemer_id=deelnemer_id,
                kartrekker_id=kartrekker_id,
                status=status,
                bijeenkomst_id=bijeenkomst_id,
            )
        )

    def wijzig_deelnemer(self, deelnemer_id: uuid.UUID, **wijzigingen: Any) -> None:
        self.deelnemers = [
            DeelnemerSnapshot(**{**d.__dict__, **wijzigingen}) if d.id == deelnemer_id else d
            for d in self.deelnemers
        ]

    def wijzig_organisatie(self, organisatie_id: uuid.UUID, **wijzigingen: Any) -> None:
        self.organisaties = [
            OrganisatieSnapshot(**{**o.__dict__, **wijzigingen}) if o.id == organisatie_id else o
            for o in self.organisaties
        ]

    def zonder_leervragen(
        self, deelnemer_id: uuid.UUID, soort: LeervraagSoort | None = None
    ) -> None:
        self.leervragen = [
            v
            for v in self.leervragen
            if v.deelnemer_id != deelnemer_id or (soort is not None and v.soort != soort)
        ]

    def bijeenkomst_id(self, volgnummer: int) -> uuid.UUID:
        return next(b.id for b in self.bijeenkomsten if b.volgnummer == volgnummer)

    def leesbaar(self, gevonden: list[Bevinding]) -> list[str]:
        """The kenmerken, with ids replaced by names ('Anna', 'b2', a leervraag by its text) so
        that tables read well."""
        namen = {str(x.id): x.naam for x in (*self.deelnemers, *self.organisaties)}
        namen |= {str(b.id): f"b{b.volgnummer}" for b in self.bijeenkomsten}
        namen |= {str(v.id): v.tekst for v in self.leervragen}
        uitkomst = []
        for bevinding in gevonden:
            kenmerk = bevinding.kenmerk
            for id_, naam in namen.items():
                kenmerk = kenmerk.replace(id_, naam)
            uitkomst.append(kenmerk)
        return uitkomst

    def zoek(self, naam: str) -> uuid.UUID:
        """The id of the deelnemer or organisation called `naam`."""
        for item in (*self.deelnemers, *self.organisaties):
            if item.naam == naam:
                return item.id
        raise KeyError(naam)

    def snapshot(self) -> NetwerkSnapshot:
        return NetwerkSnapshot(
            id=uuid.UUID(int=1),
            naam="Democratie in Actie Netwerk Noord Nederland",
            status=self.status,
            peildatum=self.peildatum,
            onderwerp=self.onderwerp,
            startdatum=self.startdatum,
            geplande_einddatum=self.geplande_einddatum,
            organisaties=tuple(self.organisaties),
            deelnemers=tuple(self.deelnemers),
            bijeenkomsten=tuple(self.bijeenkomsten),
            aanwezigheden=tuple(self.aanwezigheden),
            leervragen=tuple(self.leervragen),
            evaluaties=tuple(self.evaluaties),
            opvolgingen=tuple(self.opvolgingen),
            reflecties=tuple(self.reflecties),
        )


ROLLEN = ("beslisser", "organisatieontwikkeling", "participatie", "jonge-hond")
# Per organisation: the four perspectives; the kartrekkers of article 004 come from two cities.
PERSONEN = {
    "Gemeente Assen": ("Anna", "Nicoline", "Pieter", "Sanne"),
    "Gemeente Leeuwarden": ("Jurjen", "Klaas", "Lotte", "Mirte"),
    "Provincie Drenthe": ("Henk", "Ineke", "Joost", "Femke"),
}
KARTREKKERS = ("Nicoline", "Jurjen")


def gezond_netwerk() -> Bouwer:
    """Three organisations of two kinds, four roles each, two kartrekkers from two cities,
    leervragen both ways, three held bijeenkomsten (one per host) with full attendance and
    good marks, one planned."""
    bouwer = Bouwer()
    for naam, personen in PERSONEN.items():
        soort = OrganisatieSoort.PROVINCIE if "Provincie" in naam else OrganisatieSoort.GEMEENTE
        organisatie_id = bouwer.organisatie(naam, soort)
        for persoon, rol in zip(personen, ROLLEN, strict=True):
            deelnemer_id = bouwer.deelnemer(
                persoon, organisatie_id, rol, kartrekker=persoon in KARTREKKERS
            )
            bouwer.leervraag(deelnemer_id, LeervraagSoort.BRENGEN)
            bouwer.leervraag(deelnemer_id, LeervraagSoort.HALEN)
    for organisatie in list(bouwer.organisaties):
        bijeenkomst_id = bouwer.bijeenkomst(gast=organisatie.id)
        bouwer.iedereen_aanwezig(bijeenkomst_id)
        bouwer.evaluatie(bijeenkomst_id, 4, 4)
    bouwer.bijeenkomst(status=BijeenkomstStatus.GEPLAND, dag=bouwer.peildatum + timedelta(days=30))
    return bouwer


def spelregels_met(code: str, **parameters: Any) -> Spelregels:
    """The defaults, with only rule `code` switched on (as a warning) and these parameters."""
    uit = {regel.code: {"ernst": "uit"} for regel in standaard_spelregels()}
    uit[code] = {"ernst": "waarschuwing", "parameters": parameters}
    return pas_aan(standaard_spelregels(), uit)


def vind(snapshot: NetwerkSnapshot, code: str, **parameters: Any) -> list[Bevinding]:
    """The bevindingen of rule `code` through the whole pipeline (catalogue, registry, rule)."""
    gevonden = bevindingen(snapshot, spelregels_met(code, **parameters))
    assert all(b.code == code for b in gevonden)
    return gevonden


def kenmerken(gevonden: list[Bevinding]) -> list[str]:
    return [b.kenmerk for b in gevonden]


def uitkomst(bouwer: Bouwer, code: str, **parameters: Any) -> list[str]:
    """The readable kenmerken of rule `code` on the network `bouwer` built."""
    return bouwer.leesbaar(vind(bouwer.snapshot(), code, **parameters))


STATUSSEN = st.sampled_from([None, *AanwezigheidStatus])


@st.composite
def netwerken_met_aanwezigheid(draw: st.DrawFn) -> tuple[Bouwer, int, bool]:
    """Random organisations, members, kartrekkers, attendance and earlier opvolgingen."""
    bouwer = Bouwer()
    organisaties = [bouwer.organisatie(f"Organisatie {i}") for i in range(draw(st.integers(1, 4)))]
    for i in range(draw(st.integers(1, 9))):
        bouwer.deelnemer(
            f"Deelnemer {i}",
            draw(st.sampled_from(organisaties)),
            kartrekker=draw(st.booleans()),
            status=draw(
                st.sampled_from(
                    [DeelnemerStatus.ACTIEF] * 3
                    + [DeelnemerStatus.VERTROKKEN, DeelnemerStatus.AANGEVRAAGD]
                )
            ),
        )
    for _ in range(draw(st.integers(0, 6))):
        bijeenkomst_id = bouwer.bijeenkomst(
            status=draw(
                st.sampled_from([BijeenkomstStatus.GEHOUDEN] * 3 + [BijeenkomstStatus.GEANNULEERD])
            )
        )
        for deelnemer in bouwer.deelnemers:
            status = draw(STATUSSEN)
            if status is not None:
                bouwer.aanwezigheid(bijeenkomst_id, deelnemer.id, status)
    ids = [d.id for d in bouwer.deelnemers]
    bijeenkomsten = [None, *(b.id for b in bouwer.bijeenkomsten)]
    for _ in range(draw(st.integers(0, 3))):
        bouwer.opvolging(
            draw(st.sampled_from(ids)),
            draw(st.sampled_from(ids)),
            draw(st.sampled_from(bijeenkomsten)),
            draw(st.sampled_from(list(OpvolgingStatus))),
        )
    return bouwer, draw(st.integers(1, 3)), draw(st.booleans())
