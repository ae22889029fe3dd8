"""Tabu search over the groups of many rounds at once: the problem, its cost, a greedy start.

The state is `groep[r, p]`: the group of person p in round r, or -1 when p is absent. A move
swaps two people of different groups in one round, so group sizes never change. A move's price
packs the lexicographic levels (NIVEAUS) as digits of one number in base `basis`, wide enough
that no change on a lower level outweighs one step on a higher level. The moves themselves run
in `kern`, compiled: pure Python makes a few thousand moves a second, the tight instances need
millions.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from app.groepen import kern

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

# The levels, highest first: broken hard wishes (forbidden pair together, fixed pair apart,
# organisation under "verbieden"), same-organisation pairs, role deficit, repeated pairs, and
# planned pairs broken up (only when re-forming a planned bijeenkomst).
NIVEAUS = ("hard", "organisatie", "rol", "herhaling", "afwijking")

# Moves without a new best before the search returns to its best state and shakes it.
GEDULD_BASIS = 400
GEDULD_PER_RONDE = 40
# Tabu tenure: a person may not return to the group it left for 2 to 4 moves (short tenures
# did best on the tight instance with absences, A1).
TABU_DUUR = (2, 3)


@dataclass(eq=False)
class Opgave:
    """The problem in index form: people 0..n-1, rounds 0..R-1."""

    aanwezig: Bools  # (R, n)
    groepen: Ints  # (R,) number of groups per round
    rol: Ints  # (n,) role number, -1 for none
    verplicht: Bools  # (R, rollen): roles every group should hold that round
    zelfde_organisatie: Bools  # (n, n)
    verboden: Bools  # (n, n) forbidden pairs
    vast: Bools  # (n, n) fixed pairs
    eerder: Ints  # (n, n) times together before this plan
    vrij: Bools  # (R,) rounds the search may change
    organisatie_hard: bool = False
    gepland: Ints | None = None  # (R, n) planned group, -1 where unplanned
    basis: int = field(init=False)

    def __post_init__(self) -> None:
        grootste = max([1, *(self._grootste_groep(r) for r in range(self.ronden))])
        # one swap changes a level by at most 12 * (largest group - 1) (the hard level under
        # "verbieden": forbidden, fixed and organisation pairs); a base over twice that keeps
        # every level's digit within half the base
        self.basis = 32 * grootste + 1

    def _grootste_groep(self, r: int) -> int:
        aantal = int(self.aanwezig[r].sum())
        return -(-aantal // max(1, int(self.groepen[r])))

    @property
    def ronden(self) -> int:
        """Number of rounds."""
        return int(self.aanwezig.shape[0])

    @property
    def personen(self) -> int:
        """Number of people."""
        return int(self.aanwezig.shape[1])


def componenten(opgave: Opgave, groep: Ints) -> tuple[int, int, int, int, int]:
    """The exact cost per level of a whole state (see NIVEAUS)."""
    n = opgave.personen
    samen_totaal = opgave.eerder.astype(np.int64).copy()
    hard = organisatie = rol = afwijking = 0
    boven = np.triu(np.ones((n, n), dtype=bool), 1)
    rollen = opgave.verplicht.shape[1]
    for r in range(opgave.ronden):
        g = groep[r]
        aanwezig = g >= 0
        beide = aanwezig[:, None] & aanwezig[None, :] & boven
        samen = (g[:, None] == g[None, :]) & beide
        samen_totaal += samen + samen.T
        verboden = int((samen & opgave.verboden).sum())
        vast_apart = int((beide & ~samen & opgave.vast).sum())
        zelfde = int((samen & opgave.zelfde_organisatie).sum())
        hard += verboden + vast_apart + (zelfde if opgave.organisatie_hard else 0)
        organisatie += 0 if opgave.organisatie_hard else zelfde
        if rollen:
            telling = np.zeros((int(opgave.groepen[r]), rollen + 1), dtype=np.int64)
            np.add.at(
                telling, (g[aanwezig], np.where(opgave.rol < 0, rollen, opgave.rol)[aanwezig]), 1
            )
            rol += int(((telling[:, :rollen] == 0) & opgave.verplicht[r][None, :]).sum())
        if opgave.gepland is not None:
            plan = opgave.gepland[r]
            gepland_samen = (plan[:, None] == plan[None, :]) & (plan >= 0)[:, None] & beide
            afwijking += int((gepland_samen & ~samen).sum())
    herhaling = int(
        (np.maximum(0, samen_totaal - 1) - np.maximum(0, opgave.eerder - 1))[boven].sum()
    )
    return hard, organisatie, rol, herhaling, afwijking


class Zoeker:
    """Tabu search on one Opgave from a start state; `zoek` returns the best state found."""

    def __init__(self, opgave: Opgave, groep: Ints, seed: int) -> None:
        self.opgave = opgave
        self.groep = np.ascontiguousarray(groep, dtype=np.int64).copy()
        b = opgave.basis
        organisatie = b**4 if opgave.organisatie_hard else b**3
        self.paar = (
            b**4 * opgave.verboden.astype(np.int64)
            + organisatie * opgave.zelfde_organisatie.astype(np.int64)
            - b**4 * opgave.vast.astype(np.int64)
        )
        np.fill_diagonal(self.paar, 0)
        rollen = opgave.verplicht.shape[1]
        self.rol = np.where(opgave.rol < 0, rollen, opgave.rol).astype(np.int64)
        self.verplicht = np.zeros((opgave.ronden, rollen + 1), dtype=np.bool_)
        self.verplicht[:, :rollen] = opgave.verplicht
        n = opgave.personen
        self.gepland = (
            opgave.gepland.astype(np.int64)
            if opgave.gepland is not None
            else np.full((opgave.ronden, n), -1, dtype=np.int64)
        )
        grootste = int(opgave.groepen.max()) if opgave.ronden else 1
        self.tabu = np.zeros((opgave.ronden, n, grootste), dtype=np.int64)
        menging = (seed * 0x9E3779B97F4A7C15 + 0x2545F4914F6CDD1D) % 2**64
        self.kern_rng = np.array([menging | 1], dtype=np.uint64)
        self.teller = np.zeros(3, dtype=np.int64)
        self.stand = np.array(componenten(opgave, self.groep), dtype=np.int64)

    @property
    def iteraties(self) -> int:
        """Moves made so far."""
        return int(self.teller[0])

    def zoek(
        self, doel: tuple[int, ...], max_iteraties: int, deadline: float, opgeven: int
    ) -> tuple[Ints, tuple[int, ...]]:
        """Search until the standing reaches `doel`, the iterations run out, `opgeven` moves
        bring no better state, or the deadline passes; the best state and its standing."""
        beste_groep = self.groep.copy()
        beste = self.stand.copy()
        if tuple(beste) <= doel or not self.opgave.vrij.any():
            return beste_groep, tuple(int(x) for x in beste)
        doel_array = np.array(doel, dtype=np.int64)
        geduld = GEDULD_BASIS + GEDULD_PER_RONDE * int(self.opgave.vrij.sum())
        # moves per call, tuned so that the clock is read about every 20 ms
        stappen = 64
        while self.iteraties < max_iteraties:
            over = deadline - time.monotonic()
            if over <= 0:
                break
            gestart = time.monotonic()
            reden = kern.zoek(
                self.groep,
                beste_groep,
                self.opgave.vrij,
                self.opgave.groepen.astype(np.int64),
                self.paar,
                self.opgave.eerder.astype(np.int64),
                self.rol,
                self.verplicht,
                self.gepland,
                self.opgave.basis,
                self.tabu,
                self.stand,
                beste,
                doel_array,
                self.kern_rng,
                self.teller,
                min(stappen, max_iteraties - self.iteraties),
                geduld,
                TABU_DUUR[0],
                TABU_DUUR[1],
                self.opgave.gepland is not None,
                opgeven,
            )
            if reden != kern.OP:
                break
            duur = time.monotonic() - gestart
            doel_duur = min(0.02, over / 4)
            stappen = int(min(max(16, stappen * doel_duur / max(duur, 1e-4)), 4 * stappen + 16))
        return beste_groep, tuple(int(x) for x in beste)


def begin(opgave: Opgave, groep: Ints, ronden: list[int], rng: np.random.Generator) -> Ints:
    """Fill the given rounds greedily, round after round: everyone joins the cheapest group.

    Fixed pairs go first so that they find room together; then everyone in a random order.
    """
    groep = groep.copy()
    n = opgave.personen
    b = float(opgave.basis)
    paar = (
        b**4 * opgave.verboden
        + (b**4 if opgave.organisatie_hard else b**3) * opgave.zelfde_organisatie
        - b**4 * opgave.vast
    )
    samen = opgave.eerder.astype(np.int64).copy()
    for r in range(opgave.ronden):
        if r in ronden:
            continue
        g = groep[r]
        gelijk = (g[:, None] == g[None, :]) & (g >= 0)[:, None]
        np.fill_diagonal(gelijk, False)
        samen += gelijk
    rollen = opgave.verplicht.shape[1]
    rol = np.where(opgave.rol < 0, rollen, opgave.rol)
    met_vaste: Bools = np.asarray(opgave.vast.any(axis=1), dtype=np.bool_)
    for r in ronden:
        wie = np.flatnonzero(opgave.aanwezig[r])
        aantal = int(opgave.groepen[r])
        ruimte = np.array(
            [len(wie) // aantal + (1 if i < len(wie) % aantal else 0) for i in range(aantal)]
        )
        geschud = wie[rng.permutation(len(wie))]
        vaste_eerst = np.asarray(met_vaste[geschud], dtype=np.bool_)
        volgorde = np.concatenate([geschud[vaste_eerst], geschud[~vaste_eerst]])
        groep[r] = -1
        kosten = np.zeros((n, aantal))
        telling = np.zeros((aantal, rollen + 1), dtype=np.int64)
        verplicht = np.append(opgave.verplicht[r], False)
        for p in volgorde:
            prijs = kosten[p] - (b**2) * (verplicht[rol[p]] & (telling[:, rol[p]] == 0))
            prijs = np.where(ruimte > 0, prijs + rng.random(aantal) * 0.5, np.inf)
            keuze = int(np.argmin(prijs))
            groep[r, p] = keuze
            ruimte[keuze] -= 1
            telling[keuze, rol[p]] += 1
            kosten[:, keuze] += paar[:, p] + b * (samen[:, p] >= 1)
        gelijk = (groep[r][:, None] == groep[r][None, :]) & (groep[r] >= 0)[:, None]
        np.fill_diagonal(gelijk, False)
        samen += gelijk
    return groep


def opwarmen() -> None:
    """Compile the search kernel now (or load it from numba's cache), so that the first
    request does not wait for it: about 8 s the first time, well under a second after that."""
    n = 4
    geen = np.zeros((n, n), dtype=np.bool_)
    opgave = Opgave(
        aanwezig=np.ones((2, n), dtype=np.bool_),
        groepen=np.array([2, 2], dtype=np.int64),
        rol=np.full(n, -1, dtype=np.int64),
        verplicht=np.zeros((2, 0), dtype=np.bool_),
        zelfde_organisatie=geen,
        verboden=geen,
        vast=geen,
        eerder=np.zeros((n, n), dtype=np.int64),
        vrij=np.ones(2, dtype=np.bool_),
    )
    start = np.array([[0, 0, 1, 1], [0, 0, 1, 1]], dtype=np.int64)
    Zoeker(opgave, start, 0).zoek((0, 0, 0, 0, 0), 10, time.monotonic() + 60, 10)
