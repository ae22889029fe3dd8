"""Spread each organisation's hostings: local search on the gaps, never at a higher cost.

The objective after the cost is leximin on the gaps between two hostings of one
organisation: first as few gaps of 1 (two in a row) as possible, then as few of 2, and so on,
which also makes the smallest gap as large as it can get by these moves.
"""

from __future__ import annotations

import itertools
from bisect import insort
from collections.abc import Sequence

from app.gastrooster.verdeler import Verdeler

Verschil = dict[int, int]  # gap -> change in how often it occurs


class Spreiding:
    """Improves a feasible assignment by swaps and moves that keep bounds and cost."""

    def __init__(
        self,
        verdeler: Verdeler,
        positie: Sequence[int],
        organisatie_van: Sequence[int],
        vaste_posities: Sequence[Sequence[int]],
    ) -> None:
        self.verdeler = verdeler
        self.positie = list(positie)  # time-line position of each open session
        self.organisatie_van = list(organisatie_van)  # organisation of each (virtual) host
        self.geschikt = [set(hosts) for hosts in verdeler.geschikt]
        self.posities: list[list[int]] = [sorted(vast) for vast in vaste_posities]
        for sessie, host in enumerate(verdeler.gastheer):
            insort(self.posities[self.organisatie_van[host]], self.positie[sessie])
        self.vast = [set(vast) for vast in vaste_posities]

    def verbeter(self, maximaal_stappen: int = 400) -> int:
        """Apply improving moves until none is left (or the step limit); returns the steps."""
        for stap in range(maximaal_stappen):
            if not self._stap():
                return stap
        return maximaal_stappen

    def _stap(self) -> bool:
        for _, sessie in self._knelpunten():
            beste = self._beste_zet(sessie)
            if beste is not None:
                for verplaatste, host in beste:
                    self._verplaats(verplaatste, host)
                return True
        return False

    def _knelpunten(self) -> list[tuple[int, int]]:
        """Open sessions at either end of a gap, smallest gaps first."""
        sessie_op = {self.positie[s]: s for s in range(len(self.positie))}
        gevonden: list[tuple[int, int]] = []
        for organisatie, posities in enumerate(self.posities):
            for links, rechts in itertools.pairwise(posities):
                for eind in (links, rechts):
                    if eind not in self.vast[organisatie]:
                        gevonden.append((rechts - links, sessie_op[eind]))
        gevonden.sort()
        eerst: dict[int, int] = {}
        for ruimte, sessie in gevonden:
            eerst.setdefault(sessie, ruimte)
        return [(ruimte, sessie) for sessie, ruimte in eerst.items()]

    def _beste_zet(self, sessie: int) -> list[tuple[int, int]] | None:
        verdeler = self.verdeler
        host = verdeler.gastheer[sessie]
        organisatie = self.organisatie_van[host]
        plek = self.positie[sessie]
        eigen_kost = verdeler.kost(sessie, host)
        beste: list[tuple[int, int]] | None = None
        beste_kost = 0
        beste_verschil: Verschil = {}
        for ander, ander_host in enumerate(verdeler.gastheer):
            ander_organisatie = self.organisatie_van[ander_host]
            if (
                ander_organisatie == organisatie
                or host not in self.geschikt[ander]
                or ander_host not in self.geschikt[sessie]
            ):
                continue
            kost = (
                verdeler.kost(sessie, ander_host)
                + verdeler.kost(ander, host)
                - eigen_kost
                - verdeler.kost(ander, ander_host)
            )
            if kost > beste_kost:
                continue
            ander_plek = self.positie[ander]
            verschil = _verschil(self.posities[organisatie], plek, ander_plek)
            _tel_op(verschil, _verschil(self.posities[ander_organisatie], ander_plek, plek))
            if kost < beste_kost or _beter(verschil, beste_verschil):
                beste = [(sessie, ander_host), (ander, host)]
                beste_kost, beste_verschil = kost, verschil
        if verdeler.kan_verliezen(host):
            for nieuw in verdeler.geschikt[sessie]:
                nieuwe_organisatie = self.organisatie_van[nieuw]
                if nieuwe_organisatie == organisatie or not verdeler.kan_krijgen(nieuw):
                    continue
                kost = verdeler.kost(sessie, nieuw) - eigen_kost
                if kost > beste_kost:
                    continue
                verschil = _verschil(self.posities[organisatie], plek, None)
                _tel_op(verschil, _verschil(self.posities[nieuwe_organisatie], None, plek))
                if kost < beste_kost or _beter(verschil, beste_verschil):
                    beste = [(sessie, nieuw)]
                    beste_kost, beste_verschil = kost, verschil
        return beste

    def _verplaats(self, sessie: int, host: int) -> None:
        oud = self.organisatie_van[self.verdeler.gastheer[sessie]]
        nieuw = self.organisatie_van[host]
        plek = self.positie[sessie]
        self.posities[oud].remove(plek)
        insort(self.posities[nieuw], plek)
        self.verdeler.verplaats(sessie, host)


def _tussenruimtes(posities: Sequence[int]) -> list[int]:
    return [rechts - links for links, rechts in itertools.pairwise(posities)]


def _verschil(posities: list[int], weg: int | None, erbij: int | None) -> Verschil:
    """How the gaps of one organisation change when it loses `weg` and gains `erbij`."""
    nieuw = [p for p in posities if p != weg]
    if erbij is not None:
        insort(nieuw, erbij)
    verschil: Verschil = {}
    for ruimte in _tussenruimtes(posities):
        verschil[ruimte] = verschil.get(ruimte, 0) - 1
    for ruimte in _tussenruimtes(nieuw):
        verschil[ruimte] = verschil.get(ruimte, 0) + 1
    return verschil


def _tel_op(doel: Verschil, erbij: Verschil) -> None:
    for ruimte, aantal in erbij.items():
        doel[ruimte] = doel.get(ruimte, 0) + aantal


def _beter(links: Verschil, rechts: Verschil) -> bool:
    """Whether `links` leaves fewer small gaps than `rechts` (leximin on the gaps)."""
    for ruimte in sorted(set(links) | set(rechts)):
        verschil = links.get(ruimte, 0) - rechts.get(ruimte, 0)
        if verschil:
            return verschil < 0
    return False
