"""The rotation's input, checked and laid out in time order, with shares and turns.

Everything after this works with ints: organisations by their place in the input,
bijeenkomsten by their place on the time line.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic

from app.common.tekst import datum
from app.gastrooster.model import (
    BijeenkomstId,
    OrganisatieId,
    RoosterBijeenkomst,
    RoosterFout,
    RoosterOrganisatie,
)
from app.models.enums import BijeenkomstStatus

VAST = "vast"  # held or confirmed, with its host
OPEN = "open"  # to be planned
VOORBIJ = "voorbij"  # in the past without a host: nothing to plan


class Tijdlijn(Generic[BijeenkomstId, OrganisatieId]):
    """The non-cancelled bijeenkomsten in order, who can host each, and the fixed hosts."""

    def __init__(
        self,
        organisaties: Iterable[RoosterOrganisatie[OrganisatieId]],
        bijeenkomsten: Iterable[RoosterBijeenkomst[BijeenkomstId, OrganisatieId]],
        nu: datetime | None = None,
    ) -> None:
        self.organisaties = list(organisaties)
        self.nu = nu
        self.index: dict[OrganisatieId, int] = {}
        for plek, organisatie in enumerate(self.organisaties):
            if organisatie.id in self.index:
                raise RoosterFout(
                    "organisaties", "dubbel", f"Organisatie {organisatie.id} staat er twee keer in."
                )
            for moment in (organisatie.vanaf, organisatie.tot):
                _eis_tijdzone(moment, "organisaties")
            self.index[organisatie.id] = plek
        _eis_tijdzone(nu, "nu")
        alle = list(bijeenkomsten)
        gezien: set[BijeenkomstId] = set()
        for bijeenkomst in alle:
            _controleer(bijeenkomst, gezien)
        # Sorted is stable: bijeenkomsten at the same moment keep the caller's order.
        self.bijeenkomsten = sorted(
            (b for b in alle if b.status != BijeenkomstStatus.GEANNULEERD),
            key=lambda b: b.start,
        )
        self.positie: dict[BijeenkomstId, int] = {b.id: p for p, b in enumerate(self.bijeenkomsten)}
        self.soort: list[str] = []
        self.vaste_gast: list[int | None] = []
        self.beschikbaar: list[list[int]] = []
        for positie, bijeenkomst in enumerate(self.bijeenkomsten):
            kan = [
                plek
                for plek, organisatie in enumerate(self.organisaties)
                if organisatie.doet_mee(bijeenkomst.start)
                and organisatie.id not in bijeenkomst.verhinderd
            ]
            self.beschikbaar.append(kan)
            if bijeenkomst.gastorganisatie is not None:
                self.soort.append(VAST)
                self.vaste_gast.append(self.index.get(bijeenkomst.gastorganisatie))
            elif self.voorbij(positie):
                self.soort.append(VOORBIJ)
                self.vaste_gast.append(None)
            else:
                self.soort.append(OPEN)
                self.vaste_gast.append(None)
        self.open = [
            p for p, soort in enumerate(self.soort) if soort == OPEN and self.beschikbaar[p]
        ]
        self.onplanbaar = [
            p for p, soort in enumerate(self.soort) if soort == OPEN and not self.beschikbaar[p]
        ]
        self.vast_aantal = [0] * len(self.organisaties)
        for gast in self.vaste_gast:
            if gast is not None:
                self.vast_aantal[gast] += 1

    @property
    def aantal_organisaties(self) -> int:
        """How many organisations the input lists."""
        return len(self.organisaties)

    def gasten(self, toewijzing: Mapping[BijeenkomstId, OrganisatieId | None]) -> list[int | None]:
        """The host per position: fixed hosts, plus the open ones from `toewijzing`."""
        gasten = list(self.vaste_gast)
        for positie, soort in enumerate(self.soort):
            if soort == OPEN:
                gast = toewijzing.get(self.bijeenkomsten[positie].id)
                gasten[positie] = None if gast is None else self.index.get(gast)
        return gasten

    def wachtenden(self) -> set[int]:
        """Organisations whose first turn the beurtregel awaits.

        Those without a held or confirmed hosting that can host an open bijeenkomst and stay
        until the last one: an organisation that leaves does not have to host first.
        """
        gehad = {gast for gast in self.vaste_gast if gast is not None}
        if not self.open:
            return set()
        laatste = max(self.bijeenkomsten[p].start for p in [*self.open, *self.onplanbaar])

        def blijft(plek: int) -> bool:
            tot = self.organisaties[plek].tot
            return tot is None or tot > laatste

        return {
            plek
            for p in self.open
            for plek in self.beschikbaar[p]
            if plek not in gehad and blijft(plek)
        }

    def aandelen(self, gasten: Sequence[int | None]) -> Aandelen:
        """Each organisation's Fagin–Williams share, exact, as a multiple of 1 / `eenheid`."""
        kringen: list[list[int]] = []
        for positie, soort in enumerate(self.soort):
            kring = self.beschikbaar[positie]
            gast = gasten[positie]
            if gast is not None and gast not in kring:
                # Whoever hosted was evidently available.
                kring = [*kring, gast]
            if (soort == VAST and gast is not None) or (soort == OPEN and kring):
                kringen.append(kring)
        eenheid = math.lcm(*(len(kring) for kring in kringen)) if kringen else 1
        aandeel = [0] * self.aantal_organisaties
        for kring in kringen:
            deel = eenheid // len(kring)
            for plek in kring:
                aandeel[plek] += deel
        return Aandelen(eenheid, aandeel)

    def voorbij(self, positie: int) -> bool:
        """Whether the bijeenkomst at `positie` is held or already began: history."""
        bijeenkomst = self.bijeenkomsten[positie]
        return bijeenkomst.status == BijeenkomstStatus.GEHOUDEN or (
            self.nu is not None and bijeenkomst.start < self.nu
        )

    def naam(self, plek: int) -> str:
        """How messages name an organisation."""
        organisatie = self.organisaties[plek]
        return organisatie.naam or str(organisatie.id)

    def naam_van(self, organisatie: OrganisatieId) -> str:
        """How messages name an organisation by its id, also one the input does not list."""
        plek = self.index.get(organisatie)
        return str(organisatie) if plek is None else self.naam(plek)

    def label(self, positie: int) -> str:
        """How messages name a bijeenkomst: its name or number, and its date."""
        bijeenkomst = self.bijeenkomsten[positie]
        wat = bijeenkomst.naam or f"bijeenkomst {positie + 1}"
        return f"{wat} ({datum(bijeenkomst.start.date())})"


@dataclass(frozen=True)
class Aandelen:
    """Shares as integers: organisation i's share is `aandeel[i] / eenheid`."""

    eenheid: int
    aandeel: list[int]

    def als_getal(self, plek: int) -> float:
        """The share of one organisation as a float."""
        return self.aandeel[plek] / self.eenheid


@dataclass(frozen=True)
class Blok:
    """A run of open sessions during which some organisation that takes part has had no turn.

    Sessions are indices into `Tijdlijn.open`. `koppeling` is a maximum matching of the
    waiting organisations (`leden`) to sessions of the block where they can take their first
    turn. Every session of the block that is no first turn breaks the beurtregel, and no plan
    has fewer such sessions than this block's `schendingen`.
    """

    sessies: tuple[int, ...]
    leden: tuple[int, ...]
    koppeling: dict[int, int]  # organisation -> session of its first turn

    @property
    def volledig(self) -> bool:
        """Whether every waiting organisation can take its first turn in this block."""
        return len(self.koppeling) == len(self.leden)

    @property
    def schendingen(self) -> int:
        """The fewest sessions of the block where someone hosts again before all had a turn."""
        return len(self.sessies) - len(self.koppeling)


@dataclass(frozen=True)
class Beurten:
    """The beurtregel laid out in blocks."""

    blokken: tuple[Blok, ...]

    @property
    def schendingen(self) -> int:
        """The fewest sessions in which someone hosts again before all had a turn."""
        return sum(blok.schendingen for blok in self.blokken)


def beurten(tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId]) -> Beurten:
    """Where the beurtregel binds: the fewest sessions before everyone had a first turn.

    Scanning in time order, a block stays open while an organisation that takes part is still
    waiting; each new session extends a maximum matching of waiting organisations to block
    sessions. Closed blocks are frozen: moving a first turn into a later block would only
    stretch the earlier one.
    """
    open_ = tijdlijn.open
    geschikt_open = [set(tijdlijn.beschikbaar[p]) for p in open_]
    wachtenden = tijdlijn.wachtenden()
    vrij_vanaf: dict[int, list[int]] = {}
    for plek in sorted(wachtenden):
        organisatie = tijdlijn.organisaties[plek]
        eerste = next(
            i for i, p in enumerate(open_) if organisatie.doet_mee(tijdlijn.bijeenkomsten[p].start)
        )
        vrij_vanaf.setdefault(eerste, []).append(plek)

    def doet_mee(plek: int, i: int) -> bool:
        return tijdlijn.organisaties[plek].doet_mee(tijdlijn.bijeenkomsten[open_[i]].start)

    blokken: list[Blok] = []
    leden: list[int] = []
    sessies: list[int] = []
    sessie_van: dict[int, int] = {}  # organisation -> its first-turn session in the block

    def koppel(i: int, bezocht: set[int]) -> bool:
        for plek in leden:
            if plek in bezocht or plek not in geschikt_open[i]:
                continue
            bezocht.add(plek)
            andere = sessie_van.get(plek)
            if andere is None or koppel(andere, bezocht):
                sessie_van[plek] = i
                return True
        return False

    def sluit() -> None:
        blokken.append(Blok(tuple(sessies), tuple(leden), dict(sessie_van)))
        leden.clear()
        sessies.clear()
        sessie_van.clear()

    for i in range(len(open_)):
        leden.extend(vrij_vanaf.get(i, ()))
        if not any(plek not in sessie_van and doet_mee(plek, i) for plek in leden):
            if sessies:
                sluit()
            else:
                leden.clear()
            continue
        sessies.append(i)
        koppel(i, set())
        if not any(plek not in sessie_van and doet_mee(plek, i) for plek in leden):
            sluit()
    if sessies:
        sluit()
    return Beurten(tuple(blokken))


def _eis_tijdzone(moment: datetime | None, veld: str) -> None:
    if moment is not None and moment.tzinfo is None:
        raise RoosterFout(veld, "geen-tijdzone", "Tijdstippen moeten een tijdzone hebben.")


def _controleer(
    bijeenkomst: RoosterBijeenkomst[BijeenkomstId, OrganisatieId], gezien: set[BijeenkomstId]
) -> None:
    if bijeenkomst.id in gezien:
        raise RoosterFout(
            "bijeenkomsten", "dubbel", f"Bijeenkomst {bijeenkomst.id} staat er twee keer in."
        )
    gezien.add(bijeenkomst.id)
    _eis_tijdzone(bijeenkomst.start, "bijeenkomsten")
    if bijeenkomst.status == BijeenkomstStatus.GEPLAND and bijeenkomst.gastorganisatie is not None:
        raise RoosterFout(
            "bijeenkomsten",
            "gastheer-bij-gepland",
            f"Bijeenkomst {bijeenkomst.id} is alleen gepland: geef de voorlopige gastheer "
            "mee als vorig rooster, niet als vaste gastorganisatie.",
        )
