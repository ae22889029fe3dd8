"""The inner loop of the tabu search, compiled with numba.

Kept apart so that the rest of the package stays plain, typed Python. One call runs up to
`stappen` moves and returns why it stopped; the caller reads the clock between calls and keeps
the state arrays (groups, best state, standing, tabu list, random state) from call to call.
Everything derived from the groups is rebuilt at the start of a call, so the answer does not
depend on where the calls were cut.
"""

from __future__ import annotations

import numpy as np
from numba import njit

KLAAR = 1  # the standing reached the goal
STIL = 2  # one round left to change, at its goal, and no move improves it
VAST = 3  # no move exists (everyone in one group)
OPGEGEVEN = 4  # no better state for `opgeven` moves in a row: more search is not worth it
OP = 0  # the steps ran out

_VERMENIGVULDIGER = np.uint64(2685821657736338717)


@njit(cache=True, inline="always")
def willekeurig(toestand: np.ndarray) -> float:
    """xorshift64*: a uniform number in [0, 1), with the state in a one-element array."""
    x = toestand[0]
    x ^= x >> np.uint64(12)
    x ^= x << np.uint64(25)
    x ^= x >> np.uint64(27)
    toestand[0] = x
    return float((x * _VERMENIGVULDIGER) >> np.uint64(11)) / 9007199254740992.0


@njit(cache=True)
def _cijfers(prijs: int, basis: int, uit: np.ndarray) -> None:
    """Balanced base-`basis` digits of a move's price, highest level first."""
    rest = prijs
    half = basis // 2
    for niveau in range(4, 0, -1):
        cijfer = (rest + half) % basis - half
        uit[niveau] = cijfer
        rest = (rest - cijfer) // basis
    uit[0] = rest


@njit(cache=True)
def _kleiner(a: np.ndarray, b: np.ndarray) -> bool:
    for i in range(a.shape[0]):
        if a[i] != b[i]:
            return bool(a[i] < b[i])
    return False


@njit(cache=True)
def _hoogstens(a: np.ndarray, b: np.ndarray, niveaus: int) -> bool:
    for i in range(niveaus):
        if a[i] != b[i]:
            return bool(a[i] < b[i])
    return True


@njit(cache=True, inline="always")
def _gewicht(
    r: int,
    p: int,
    q: int,
    groep: np.ndarray,
    paar: np.ndarray,
    samen: np.ndarray,
    gepland: np.ndarray,
    herhaling: int,
) -> int:
    """The price of p and q sitting together in round r, given every other round."""
    if p == q:
        return 0
    elders = samen[p, q] - (1 if groep[r, p] == groep[r, q] else 0)
    w = paar[p, q]
    if elders >= 1:
        w += herhaling
    if gepland[r, p] >= 0 and gepland[r, p] == gepland[r, q]:
        w -= 1
    return int(w)


@njit(cache=True, inline="always")
def _prijs(
    r: int,
    a: int,
    b: int,
    groep: np.ndarray,
    paar: np.ndarray,
    samen: np.ndarray,
    gepland: np.ndarray,
    herhaling: int,
    rol: np.ndarray,
    verplicht: np.ndarray,
    telling: np.ndarray,
    prijs_per_groep: np.ndarray,
    rolgewicht: int,
) -> int:
    """The change in cost when a and b, in different groups of round r, swap."""
    ga = groep[r, a]
    gb = groep[r, b]
    wab = _gewicht(r, a, b, groep, paar, samen, gepland, herhaling)
    prijs = prijs_per_groep[r, a, gb] - prijs_per_groep[r, a, ga]
    prijs += prijs_per_groep[r, b, ga] - prijs_per_groep[r, b, gb] - 2 * wab
    ra = rol[a]
    rb = rol[b]
    if ra != rb:
        rolprijs = 0
        if verplicht[r, ra]:
            if telling[r, ga, ra] == 1:
                rolprijs += 1
            if telling[r, gb, ra] == 0:
                rolprijs -= 1
        if verplicht[r, rb]:
            if telling[r, gb, rb] == 1:
                rolprijs += 1
            if telling[r, ga, rb] == 0:
                rolprijs -= 1
        prijs += rolgewicht * rolprijs
    return int(prijs)


@njit(cache=True)
def _voer_uit(
    r0: int,
    a: int,
    b: int,
    groep: np.ndarray,
    vrij: np.ndarray,
    paar: np.ndarray,
    samen: np.ndarray,
    gepland: np.ndarray,
    herhaling: int,
    rol: np.ndarray,
    leden: np.ndarray,
    aantal: np.ndarray,
    lid: np.ndarray,
    omvang: np.ndarray,
    plaats: np.ndarray,
    telling: np.ndarray,
    prijs_per_groep: np.ndarray,
) -> None:
    """Swap a and b in round r0 and bring every derived array up to date."""
    ronden = groep.shape[0]
    ga = groep[r0, a]
    gb = groep[r0, b]
    # round r0: a pair's count elsewhere does not change when its meeting moves in or out of
    # r0, so only the group columns of a and b move
    for i in range(aantal[r0]):
        p = leden[r0, i]
        wa = _gewicht(r0, p, a, groep, paar, samen, gepland, herhaling)
        wb = _gewicht(r0, p, b, groep, paar, samen, gepland, herhaling)
        prijs_per_groep[r0, p, ga] += wb - wa
        prijs_per_groep[r0, p, gb] += wa - wb
    # other rounds: the pairs of a and b with their old and new groupmates change count, which
    # matters where it crosses between once and more
    for kant in range(2):
        gk = ga if kant == 0 else gb
        for x in range(omvang[r0, gk]):
            q = lid[r0, gk, x]
            if q in (a, b):
                continue
            for wie in range(2):
                p = a if wie == 0 else b
                oud = samen[p, q]
                nieuw = oud - 1 if wie == kant else oud + 1
                for r in range(ronden):
                    if r == r0 or not vrij[r] or groep[r, p] < 0 or groep[r, q] < 0:
                        continue
                    bij = 1 if groep[r, p] == groep[r, q] else 0
                    voor = (oud - bij) >= 1
                    daarna = (nieuw - bij) >= 1
                    if voor != daarna:
                        delta = herhaling if daarna else -herhaling
                        prijs_per_groep[r, p, groep[r, q]] += delta
                        prijs_per_groep[r, q, groep[r, p]] += delta
                samen[p, q] = nieuw
                samen[q, p] = nieuw
    plek_a = plaats[r0, a]
    plek_b = plaats[r0, b]
    lid[r0, ga, plek_a] = b
    lid[r0, gb, plek_b] = a
    plaats[r0, a] = plek_b
    plaats[r0, b] = plek_a
    telling[r0, ga, rol[a]] -= 1
    telling[r0, ga, rol[b]] += 1
    telling[r0, gb, rol[b]] -= 1
    telling[r0, gb, rol[a]] += 1
    groep[r0, a] = gb
    groep[r0, b] = ga


@njit(cache=True)
def _bouw(
    groep: np.ndarray,
    vrij: np.ndarray,
    paar: np.ndarray,
    samen: np.ndarray,
    eerder: np.ndarray,
    gepland: np.ndarray,
    herhaling: int,
    rol: np.ndarray,
    leden: np.ndarray,
    aantal: np.ndarray,
    lid: np.ndarray,
    omvang: np.ndarray,
    plaats: np.ndarray,
    telling: np.ndarray,
    prijs_per_groep: np.ndarray,
) -> None:
    """Derive the meeting counts, group lists, role counts and group prices from `groep`."""
    ronden, _n = groep.shape
    samen[:, :] = eerder
    omvang[:, :] = 0
    telling[:, :, :] = 0
    prijs_per_groep[:, :, :] = 0
    for r in range(ronden):
        for i in range(aantal[r]):
            p = leden[r, i]
            gp = groep[r, p]
            lid[r, gp, omvang[r, gp]] = p
            plaats[r, p] = omvang[r, gp]
            omvang[r, gp] += 1
            telling[r, gp, rol[p]] += 1
            for j in range(i):
                q = leden[r, j]
                if groep[r, q] == gp:
                    samen[p, q] += 1
                    samen[q, p] += 1
    for r in range(ronden):
        if not vrij[r]:
            continue
        for i in range(aantal[r]):
            p = leden[r, i]
            for j in range(aantal[r]):
                q = leden[r, j]
                prijs_per_groep[r, p, groep[r, q]] += _gewicht(
                    r, p, q, groep, paar, samen, gepland, herhaling
                )


@njit(cache=True)
def zoek(
    groep: np.ndarray,
    beste_groep: np.ndarray,
    vrij: np.ndarray,
    aantal_groepen: np.ndarray,
    paar: np.ndarray,
    eerder: np.ndarray,
    rol: np.ndarray,
    verplicht: np.ndarray,
    gepland: np.ndarray,
    basis: int,
    tabu: np.ndarray,
    stand: np.ndarray,
    beste: np.ndarray,
    doel: np.ndarray,
    rng: np.ndarray,
    teller: np.ndarray,
    stappen: int,
    geduld: int,
    duur_min: int,
    duur_spreiding: int,
    alle_zetten: bool,
    opgeven: int,
) -> int:
    """Run tabu moves until a stop reason (see the constants).

    teller = [moves made, moves since the best (reset by a shake), moves since the best].

    Each move is the best swap over all free rounds that involves someone in conflict (in a
    repeated, forbidden or same-organisation pair, apart from a fixed partner, or in a group
    that misses a required role), as in Dotú and Van Hentenryck's golfers search; with
    `alle_zetten` every swap counts, so that kept planned pairs can still improve. After
    `geduld` moves without a new best the search returns to the best state and shakes it with
    a few random swaps.

    `prijs_per_groep[r, p, G]` (the price of p's company in group G of round r) is kept up to
    date move by move: a swap in round r changes it in r for everyone, and in other rounds only
    for the pairs whose meeting count crossed between once and more.
    """
    ronden, n = groep.shape
    herhaling = basis
    rolgewicht = basis * basis
    rollen = verplicht.shape[1]
    grootste = tabu.shape[2]
    vrije = np.flatnonzero(vrij)
    een_ronde = vrije.shape[0] == 1
    leden = np.empty((ronden, n), dtype=np.int64)
    aantal = np.zeros(ronden, dtype=np.int64)
    for r in range(ronden):
        for p in range(n):
            if groep[r, p] >= 0:
                leden[r, aantal[r]] = p
                aantal[r] += 1
    heeft_vaste = np.zeros(n, dtype=np.bool_)
    for p in range(n):
        for q in range(n):
            if paar[p, q] < 0:
                heeft_vaste[p] = True
    breedste = 1
    for r in range(ronden):
        breedste = max(breedste, (aantal[r] + aantal_groepen[r] - 1) // max(1, aantal_groepen[r]))
    samen = np.zeros((n, n), dtype=np.int64)
    lid = np.full((ronden, grootste, breedste), -1, dtype=np.int64)
    omvang = np.zeros((ronden, grootste), dtype=np.int64)
    plaats = np.zeros((ronden, n), dtype=np.int64)
    telling = np.zeros((ronden, grootste, rollen), dtype=np.int64)
    prijs_per_groep = np.zeros((ronden, n, grootste), dtype=np.int64)
    _bouw(
        groep,
        vrij,
        paar,
        samen,
        eerder,
        gepland,
        herhaling,
        rol,
        leden,
        aantal,
        lid,
        omvang,
        plaats,
        telling,
        prijs_per_groep,
    )
    in_conflict = np.zeros(n, dtype=np.bool_)
    cijfers = np.zeros(5, dtype=np.int64)
    na = np.zeros(5, dtype=np.int64)
    for _ in range(stappen):
        teller[0] += 1
        iteratie = teller[0]
        beste_vrij = np.inf
        beste_tabu = np.inf
        keuze_vrij = -1
        keuze_tabu = -1
        zout = np.uint64(int(willekeurig(rng) * 9007199254740992.0))
        beste_merk = np.uint64(0)
        for vi in range(vrije.shape[0]):
            r = vrije[vi]
            m = aantal[r]
            conflicten = 0
            for i in range(m):
                in_conflict[leden[r, i]] = False
            for gg in range(aantal_groepen[r]):
                tekort = False
                for k in range(rollen - 1):
                    if verplicht[r, k] and telling[r, gg, k] == 0:
                        tekort = True
                for x in range(omvang[r, gg]):
                    p = lid[r, gg, x]
                    if tekort:
                        in_conflict[p] = True
                    for y in range(x + 1, omvang[r, gg]):
                        q = lid[r, gg, y]
                        if samen[p, q] >= 2 or paar[p, q] > 0:
                            in_conflict[p] = True
                            in_conflict[q] = True
            for i in range(m):
                p = leden[r, i]
                if heeft_vaste[p]:
                    for j in range(m):
                        q = leden[r, j]
                        if paar[p, q] < 0 and groep[r, q] != groep[r, p]:
                            in_conflict[p] = True
                if in_conflict[p]:
                    conflicten += 1
            if conflicten == 0 and not alle_zetten:
                continue
            for i in range(m):
                a = leden[r, i]
                if not (alle_zetten or in_conflict[a]):
                    continue
                ga = groep[r, a]
                for j in range(m):
                    b = leden[r, j]
                    gb = groep[r, b]
                    if ga == gb or (b < a and (alle_zetten or in_conflict[b])):
                        continue
                    prijs = _prijs(
                        r,
                        a,
                        b,
                        groep,
                        paar,
                        samen,
                        gepland,
                        herhaling,
                        rol,
                        verplicht,
                        telling,
                        prijs_per_groep,
                        rolgewicht,
                    )
                    plek = (r * n + a) * n + b
                    if tabu[r, a, gb] > iteratie or tabu[r, b, ga] > iteratie:
                        if prijs < beste_tabu:
                            beste_tabu = prijs
                            keuze_tabu = plek
                    elif prijs <= beste_vrij:
                        # ties go to the smallest hash of the move under this move's salt: a
                        # uniform choice without drawing a random number per tie
                        merk = (np.uint64(plek) ^ zout) * _VERMENIGVULDIGER
                        merk ^= merk >> np.uint64(29)
                        if prijs < beste_vrij or merk < beste_merk:
                            beste_vrij = prijs
                            keuze_vrij = plek
                            beste_merk = merk
        if keuze_vrij < 0 and keuze_tabu < 0:
            return VAST
        keuze = keuze_vrij
        prijs_keuze = beste_vrij
        if keuze_tabu >= 0 and beste_tabu < beste_vrij:
            # aspiration: a tabu move is allowed when it beats the best state seen
            _cijfers(int(beste_tabu), basis, cijfers)
            for k in range(5):
                na[k] = stand[k] + cijfers[k]
            if _kleiner(na, beste) or keuze_vrij < 0:
                keuze = keuze_tabu
                prijs_keuze = beste_tabu
        r0 = keuze // (n * n)
        a = (keuze // n) % n
        b = keuze % n
        _cijfers(int(prijs_keuze), basis, cijfers)
        for k in range(5):
            stand[k] += cijfers[k]
        duur = duur_min + int(willekeurig(rng) * duur_spreiding)
        tabu[r0, a, groep[r0, a]] = iteratie + duur
        tabu[r0, b, groep[r0, b]] = iteratie + duur
        _voer_uit(
            r0,
            a,
            b,
            groep,
            vrij,
            paar,
            samen,
            gepland,
            herhaling,
            rol,
            leden,
            aantal,
            lid,
            omvang,
            plaats,
            telling,
            prijs_per_groep,
        )
        if _kleiner(stand, beste):
            for k in range(5):
                beste[k] = stand[k]
            beste_groep[:, :] = groep
            teller[1] = 0
            teller[2] = 0
            if _hoogstens(beste, doel, 5):
                return KLAAR
            continue
        teller[1] += 1
        teller[2] += 1
        if teller[2] > opgeven:
            return OPGEGEVEN
        if een_ronde and prijs_keuze >= 0 and _hoogstens(beste, doel, 4) and teller[1] > 50:
            return STIL
        if teller[1] > geduld:
            # back to the best state, shaken: a fresh basin near the best one
            teller[1] = 0
            groep[:, :] = beste_groep
            for k in range(5):
                stand[k] = beste[k]
            _bouw(
                groep,
                vrij,
                paar,
                samen,
                eerder,
                gepland,
                herhaling,
                rol,
                leden,
                aantal,
                lid,
                omvang,
                plaats,
                telling,
                prijs_per_groep,
            )
            schokken = 2 + int(willekeurig(rng) * 3)
            for _s in range(schokken):
                r = vrije[int(willekeurig(rng) * vrije.shape[0])]
                if aantal[r] < 2:
                    continue
                a = leden[r, int(willekeurig(rng) * aantal[r])]
                b = leden[r, int(willekeurig(rng) * aantal[r])]
                if groep[r, a] == groep[r, b]:
                    continue
                prijs = _prijs(
                    r,
                    a,
                    b,
                    groep,
                    paar,
                    samen,
                    gepland,
                    herhaling,
                    rol,
                    verplicht,
                    telling,
                    prijs_per_groep,
                    rolgewicht,
                )
                _cijfers(prijs, basis, cijfers)
                for k in range(5):
                    stand[k] += cijfers[k]
                _voer_uit(
                    r,
                    a,
                    b,
                    groep,
                    vrij,
                    paar,
                    samen,
                    gepland,
                    herhaling,
                    rol,
                    leden,
                    aantal,
                    lid,
                    omvang,
                    plaats,
                    telling,
                    prijs_per_groep,
                )
    return OP
