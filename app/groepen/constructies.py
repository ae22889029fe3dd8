"""Combinatorial designs: rounds of equal groups in which no two points ever meet twice.

Local search alone stalls on tight instances such as 8-4-10 and 10-4-13; these constructions
reach them directly. Every design is computed here from finite-field arithmetic or a bounded,
seeded search, never read from a table. `ontwerp(groepen, grootte, ronden)` picks one.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from app.groepen.lichamen import eindig_lichaam, priemmacht, priemmachtfactoren, productring

Klasse = npt.NDArray[np.int64]
"""One round: an array (groepen, grootte) of point numbers."""

Blokken = tuple[tuple[int, ...], ...]


@dataclass(frozen=True, eq=False)
class Reserve:
    """A partition of the points whose blocks never meet inside any round of the design."""

    blokken: Blokken
    # True when every block meets every group of every round in exactly one point, so that a
    # role placed on one block lands once in every group.
    transversaal: bool


@dataclass(frozen=True, eq=False)
class Ontwerp:
    """Rounds over `punten` points, every pair of points together at most once."""

    naam: str
    punten: int
    klassen: tuple[Klasse, ...]
    reserves: tuple[Reserve, ...] = ()
    # True when any two rounds are orthogonal (an affine plane): an unused round then serves as
    # a transversal reserve.
    klassen_transversaal: bool = False

    def kies(self, ronden: int) -> tuple[tuple[Klasse, ...], tuple[Reserve, ...]]:
        """The first `ronden` rounds, and every reserve including the rounds left over."""
        over = tuple(
            Reserve(
                tuple(tuple(int(p) for p in groep) for groep in klasse), self.klassen_transversaal
            )
            for klasse in self.klassen[ronden:]
        )
        return self.klassen[:ronden], self.reserves + over


def maximaal_aantal_ronden(punten: int, grootte: int) -> int:
    """The counting bound: each person meets grootte - 1 new people a round, punten - 1 in all."""
    return (punten - 1) // (grootte - 1) if grootte > 1 else 0


def _klasse(groepen: list[list[int]]) -> Klasse:
    return np.array(groepen, dtype=np.int64)


def round_robin(punten: int) -> Ontwerp:
    """Pairs: the circle method gives punten - 1 rounds for an even number of points."""
    vast = punten - 1
    klassen = []
    for ronde in range(vast):
        paren = [[vast, ronde]]
        for i in range(1, punten // 2):
            paren.append([(ronde + i) % vast, (ronde - i) % vast])
        klassen.append(_klasse(paren))
    return Ontwerp("round-robin", punten, tuple(klassen))


def transversaal_ontwerp(groepen: int, grootte: int) -> Ontwerp | None:
    """Resolvable transversal design over GF(q1) x GF(q2) x ... (MacNeish).

    Point (i, j) is column i < grootte and ring element j. In round r, group t holds the points
    (i, t + x_i * r): two points of different columns meet only in the round r with
    (x_i - x_i') r = j - j', unique because x_i - x_i' is a unit. Points of one column never meet,
    so the columns are a transversal reserve; with groepen == grootte a prime power the columns
    are one more round (the affine plane).
    """
    ring = productring(groepen)
    if len(ring.diagonaal) < grootte or grootte < 2:
        return None
    x = ring.diagonaal[:grootte]
    elementen = np.arange(groepen)
    klassen = []
    for r in range(groepen):
        klasse = np.empty((groepen, grootte), dtype=np.int64)
        for i in range(grootte):
            klasse[:, i] = i * groepen + ring.plus[elementen, ring.maal[x[i], r]]
        klassen.append(klasse)
    kolommen = tuple(tuple(range(i * groepen, (i + 1) * groepen)) for i in range(grootte))
    if groepen == grootte:
        klassen.append(np.array(kolommen, dtype=np.int64))
        return Ontwerp("affien vlak", groepen * grootte, tuple(klassen), (), True)
    naam = (
        f"transversaal ontwerp over {' x '.join(f'GF({q})' for q in priemmachtfactoren(groepen))}"
    )
    return Ontwerp(naam, groepen * grootte, tuple(klassen), (Reserve(kolommen, True),))


def affiene_ruimte(q: int, dimensie: int) -> Ontwerp:
    """The lines of AG(dimensie, q): one round per direction, (q^d - 1) / (q - 1) rounds."""
    lichaam = eindig_lichaam(q)
    punten = q**dimensie
    coordinaten = np.array(list(itertools.product(range(q), repeat=dimensie)), dtype=np.int64)
    gewichten = q ** np.arange(dimensie - 1, -1, -1)
    klassen = []
    for richting in itertools.product(range(q), repeat=dimensie):
        eerste = next((c for c in richting if c), 0)
        if eerste != 1:
            continue
        lijnen = np.empty((punten, q), dtype=np.int64)
        for labda in range(q):
            stap = lichaam.maal[labda, np.array(richting)]
            lijnen[:, labda] = (lichaam.plus[coordinaten, stap[None, :]] * gewichten).sum(axis=1)
        # every line appears once per point on it; keep it where the point is its smallest
        eigen = lijnen.min(axis=1) == np.arange(punten)
        klassen.append(np.sort(lijnen[eigen], axis=1))
    return Ontwerp(f"affiene ruimte AG({dimensie},{q})", punten, tuple(klassen))


def acht_vier_tien() -> Ontwerp:
    """32 points in 8 groups of 4 for 10 rounds, built on GF(8) (the original golfers' problem).

    Points (x, a): x in GF(8), a one of four types with column labels c_a whose sum s is not 0.
    Six rounds are transversals {(t + r c_a, a)} for r outside {0, 1}. The two rows left out
    leave, for types a and b, the differences {c_a + c_b, 0} missing; three rounds (one per
    perfect matching of the four types) cover them with blocks {(x, a), (x + d, a), (x + e, b),
    (x + e + d, b)}, where d = c_a + c_b. What remains within each type is a 2-dimensional
    subspace U_a (the complement of the affine plane c_a + {c_b, c_c, c_d, s + c_a}); its cosets
    form the tenth round. Only the pairs {x, x + s} of one type never meet.
    """
    lichaam = eindig_lichaam(8)
    plus, maal = lichaam.plus, lichaam.maal
    labels = [1, 2, 4, 3]
    som = 0
    for c in labels:
        som = int(plus[som, c])
    if som == 0:
        raise AssertionError("kolomlabels met som 0")

    def punt(x: int, soort: int) -> int:
        return soort * 8 + x

    klassen = []
    for rij in range(2, 8):
        klassen.append(
            _klasse(
                [[punt(int(plus[t, maal[rij, labels[a]]]), a) for a in range(4)] for t in range(8)]
            )
        )
    for (a, b), (c, d) in (((0, 1), (2, 3)), ((0, 2), (1, 3)), ((0, 3), (1, 2))):
        blokken: list[list[int]] = []
        for p, q in ((a, b), (c, d)):
            verschil = int(plus[labels[p], labels[q]])
            gezien: set[int] = set()
            for x in range(8):
                if x in gezien:
                    continue
                y = int(plus[x, verschil])
                gezien |= {x, y}
                blokken.append([punt(x, p), punt(y, p), punt(x, q), punt(y, q)])
        klassen.append(_klasse(blokken))
    laatste: list[list[int]] = []
    for a in range(4):
        weg = {int(plus[labels[a], labels[b]]) for b in range(4) if b != a} | {som}
        deelruimte = [u for u in range(8) if u not in weg]
        if len(deelruimte) != 4 or any(
            int(plus[u, w]) not in deelruimte for u in deelruimte for w in deelruimte
        ):
            raise AssertionError("geen deelruimte")
        gezien = set()
        for x in range(8):
            if x not in gezien:
                nevenklasse = [int(plus[x, u]) for u in deelruimte]
                gezien |= set(nevenklasse)
                laatste.append([punt(y, a) for y in nevenklasse])
    klassen.append(_klasse(laatste))
    paren = tuple(
        (punt(x, a), punt(int(plus[x, som]), a))
        for a in range(4)
        for x in range(8)
        if x < int(plus[x, som])
    )
    return Ontwerp("GF(8)-constructie 8-4-10", 32, tuple(klassen), (Reserve(paren, False),))


def een_rotatief_viertallen(punten: int, zoekbudget: int = 5_000_000) -> Ontwerp | None:
    """A 1-rotational resolvable (punten, 4, 1) design for punten = 12u + 4, or None.

    Points are Z_M and infinity with M = 3F. The base round holds {inf, 0, F, 2F} and u blocks
    whose elements have the residues 1..F-1 mod F once each, so the base blocks and their
    translates by F and 2F fill Z_M. When their differences cover Z_M outside the subgroup <F>
    exactly once, the F translates of the base round meet every pair once. A seeded depth-first
    search finds the base blocks.
    """
    if punten % 12 != 4:
        return None
    m = punten - 1
    f = m // 3
    aantal_blokken = (f - 1) // 4
    gebruikt = [False] * m
    for z in range(0, m, f):
        gebruikt[z] = True
    blokken: list[list[int]] = [[] for _ in range(aantal_blokken)]
    knopen = 0

    def plaats(residu: int, open_blokken: int) -> bool | None:
        nonlocal knopen
        knopen += 1
        if knopen > zoekbudget:
            return None
        if residu == f:
            return True
        for b in range(min(aantal_blokken, open_blokken + 1)):
            blok = blokken[b]
            if len(blok) == 4:
                continue
            for opheffing in range(3):
                x = residu + f * opheffing
                verschillen = []
                for y in blok:
                    d = (x - y) % m
                    if gebruikt[d] or d in verschillen:
                        break
                    verschillen += [d, m - d]
                else:
                    for d in verschillen:
                        gebruikt[d] = True
                    blok.append(x)
                    uitkomst = plaats(residu + 1, max(open_blokken, b + 1))
                    if uitkomst is not False:
                        return uitkomst
                    blok.pop()
                    for d in verschillen:
                        gebruikt[d] = False
        return False

    if not plaats(1, 0):
        return None
    klassen = []
    for s in range(f):
        groepen = [[m, s, s + f, s + 2 * f]]
        for blok in blokken:
            for j in range(3):
                groepen.append([(x + s + j * f) % m for x in blok])
        klassen.append(_klasse(groepen))
    return Ontwerp(f"1-rotatief ontwerp over Z{m}", punten, tuple(klassen))


@dataclass(frozen=True)
class _Structuur:
    """Points Z_m x {types} plus fixed points; `basis` base rounds developed over Z_m."""

    m: int
    soorten: int
    vast: int
    basis: int


def _baan_tabel(s: _Structuur) -> tuple[list[list[int]], list[int]]:
    """For every pair of points the number of its orbit under Z_m, and each orbit's capacity."""
    punten = s.m * s.soorten + s.vast

    def ontleed(p: int) -> tuple[int, int]:
        if p >= s.m * s.soorten:
            return 0, s.soorten + p - s.m * s.soorten
        return p % s.m, p // s.m

    nummers: dict[tuple[int, ...], int] = {}
    capaciteit: list[int] = []
    tabel = [[-1] * punten for _ in range(punten)]
    for p in range(punten):
        for q in range(punten):
            if p == q:
                continue
            (x, a), (y, b) = ontleed(p), ontleed(q)
            sleutel: tuple[int, ...]
            if a >= s.soorten and b >= s.soorten:
                sleutel, cap = (0,), 0
            elif a >= s.soorten or b >= s.soorten:
                sleutel, cap = (1, max(a, b), min(a, b)), 1
            elif a == b:
                d = min((y - x) % s.m, (x - y) % s.m)
                # a difference of m/2 is its own negative: its pair returns in two rounds
                sleutel, cap = (2, a, d), 0 if (2 * d) % s.m == 0 else 1
            else:
                if a > b:
                    x, a, y, b = y, b, x, a
                sleutel, cap = (3, a, b, (y - x) % s.m), 1
            if sleutel not in nummers:
                nummers[sleutel] = len(capaciteit)
                capaciteit.append(cap)
            tabel[p][q] = nummers[sleutel]
    return tabel, capaciteit


def _cyclisch_zoeken(
    s: _Structuur, grootte: int, seed: int, budget: int
) -> list[list[list[int]]] | None:
    """Seeded depth-first search for base rounds whose Z_m-translates repeat no pair."""
    tabel, capaciteit = _baan_tabel(s)
    punten = s.m * s.soorten + s.vast
    rng = random.Random(seed)  # noqa: S311 - a reproducible search order, not a secret
    gebruik = [0] * len(capaciteit)
    volgordes = []
    for _ in range(s.basis):
        volgorde = list(range(punten))
        rng.shuffle(volgorde)
        volgordes.append(volgorde)
    geplaatst = [[False] * punten for _ in range(s.basis)]
    rondes: list[list[list[int]]] = [[] for _ in range(s.basis)]
    knopen = 0

    def verder(ronde: int, blok: list[int], laatste: int) -> bool | None:
        nonlocal knopen
        knopen += 1
        if knopen > budget:
            return None
        volgorde, klaar = volgordes[ronde], geplaatst[ronde]
        if len(blok) == grootte:
            rondes[ronde].append(list(blok))
            start = next((i for i in range(punten) if not klaar[volgorde[i]]), -1)
            if start < 0:
                uitkomst = True if ronde + 1 == s.basis else verder(ronde + 1, [], -1)
            else:
                klaar[volgorde[start]] = True
                uitkomst = verder(ronde, [volgorde[start]], start)
                if uitkomst is False:
                    klaar[volgorde[start]] = False
            if uitkomst is False:
                rondes[ronde].pop()
            return uitkomst
        if not blok:
            klaar[volgorde[0]] = True
            return verder(ronde, [volgorde[0]], 0)
        for i in range(laatste + 1, punten):
            q = volgorde[i]
            if klaar[q]:
                continue
            banen = [tabel[p][q] for p in blok]
            for j, baan in enumerate(banen):
                # two pairs of one new point may share an orbit: count as we go
                if gebruik[baan] >= capaciteit[baan]:
                    for eerder in banen[:j]:
                        gebruik[eerder] -= 1
                    break
                gebruik[baan] += 1
            else:
                banen = []
            if banen:
                continue
            klaar[q] = True
            blok.append(q)
            uitkomst = verder(ronde, blok, i)
            if uitkomst is not False:
                return uitkomst
            blok.pop()
            klaar[q] = False
            for p in blok:
                gebruik[tabel[p][q]] -= 1
        return False

    return rondes if verder(0, [], -1) else None


def _structuren(groepen: int, grootte: int, ronden: int) -> Iterator[_Structuur]:
    """Cyclic structures that could carry `ronden` rounds, the most symmetric first."""
    punten = groepen * grootte
    for basis in (1, 2):
        m_min = -(-ronden // basis)
        for m in range(m_min, m_min + 2):
            soorten, vast = divmod(punten, m)
            if m < 2 or soorten < 1 or vast > min(2, groepen) or (vast and soorten < grootte - 1):
                continue
            s = _Structuur(m, soorten, vast, basis)
            _tabel, capaciteit = _baan_tabel(s)
            paren_per_ronde = groepen * grootte * (grootte - 1) // 2
            if sum(capaciteit) >= paren_per_ronde * basis:
                yield s


def cyclisch_ontwerp(
    groepen: int, grootte: int, ronden: int, budget: int = 400_000
) -> Ontwerp | None:
    """Rounds developed from base rounds over Z_m (Kirkman-style), found by bounded search."""
    structuren = list(_structuren(groepen, grootte, ronden))
    # short searches over every structure first, then longer ones: a structure without
    # solutions must not eat the budget of one that has them
    for poging, deel in enumerate((budget // 20, budget // 4, budget)):
        for s in structuren:
            for seed in range(3 if poging < 2 else 1):
                rondes = _cyclisch_zoeken(s, grootte, seed, deel)
                if rondes is None:
                    continue
                punten = s.m * s.soorten + s.vast
                klassen = []
                for basisronde in rondes:
                    for verschuiving in range(s.m):
                        klassen.append(
                            _klasse(
                                [
                                    [
                                        p
                                        if p >= s.m * s.soorten
                                        else (p // s.m) * s.m + (p + verschuiving) % s.m
                                        for p in blok
                                    ]
                                    for blok in basisronde
                                ]
                            )
                        )
                naam = f"cyclisch ontwerp over Z{s.m} ({s.soorten} soorten, {s.vast} vaste punten)"
                return Ontwerp(naam, punten, tuple(klassen))
    return None


def _affien_kandidaat(groepen: int, grootte: int) -> Ontwerp | None:
    macht = priemmacht(grootte)
    punten = groepen * grootte
    if macht is None:
        return None
    dimensie = 2
    while grootte**dimensie < punten:
        dimensie += 1
    if grootte**dimensie != punten or dimensie < 3:
        return None
    return affiene_ruimte(grootte, dimensie)


@lru_cache(maxsize=64)
def ontwerp(groepen: int, grootte: int, ronden: int) -> Ontwerp | None:
    """A design with at least `ronden` rounds of `groepen` groups of `grootte`, or None."""
    punten = groepen * grootte
    if grootte < 2 or groepen < 1 or ronden > maximaal_aantal_ronden(punten, grootte):
        return None
    kandidaten: list[Callable[[], Ontwerp | None]] = [
        lambda: round_robin(punten) if grootte == 2 else None,
        lambda: transversaal_ontwerp(groepen, grootte),
        lambda: _affien_kandidaat(groepen, grootte),
        lambda: acht_vier_tien() if (groepen, grootte) == (8, 4) else None,
        lambda: een_rotatief_viertallen(punten) if grootte == 4 else None,
        lambda: cyclisch_ontwerp(groepen, grootte, ronden) if punten <= 64 else None,
    ]
    for maak in kandidaten:
        gevonden = maak()
        if gevonden is not None and len(gevonden.klassen) >= ronden:
            return gevonden
    return None
