"""Forming werkgroepjes: one bijeenkomst, all remaining ones, or one again after absences.

Each request is checked, put in index form (`Opgave`), started from a combinatorial design
where one fits (otherwise greedily), and improved by tabu search until it reaches its lower
bound, stalls for good, or the time budget ends.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import numpy as np

from app.groepen import constructies
from app.groepen import score as scoring
from app.groepen.model import (
    Deelnemer,
    Groep,
    Groepsindeling,
    GroepsindelingFout,
    Groepsplanning,
    Indeling,
    Opties,
    Organisatieregel,
    Probleem,
    Regels,
    Score,
)
from app.groepen.zoeken import Bools, Ints, Opgave, Zoeker, begin

# Moves without a new best after which the search gives up for good, per person-round: enough
# for tight instances, small enough that an easy request stops in milliseconds.
OPGEVEN_PER_PLEK = 400
OPGEVEN_MINIMUM = 20_000
OPGEVEN_PER_PLEK_EEN = 60
OPGEVEN_MINIMUM_EEN = 2_000
MAXIMUM_ITERATIES = 50_000_000


def _deadline(tijdbudget: float) -> float:
    """When the search must stop: the budget less a margin for building the answer."""
    return time.monotonic() + tijdbudget * 0.98 - 0.02


def aantal_groepen_voor(
    aanwezig: int, groepsgrootte: int | None, aantal_groepen: int | None
) -> int:
    """The number of groups for `aanwezig` people: aantal_groepen as asked, or aanwezig divided
    by groepsgrootte rounded to the nearest whole number; never so many that someone sits alone.
    """
    if aantal_groepen is not None:
        aantal = min(aantal_groepen, aanwezig // 2)
    elif groepsgrootte is not None:
        aantal = int(aanwezig / groepsgrootte + 0.5)
    else:
        raise ValueError("groepsgrootte of aantal_groepen is nodig")
    aantal = max(1, aantal)
    while aantal > 1 and aanwezig // aantal < 2:
        aantal -= 1
    return aantal


def _groepen_in_ronde(
    aanwezig: int, voltallig: int, groepsgrootte: int | None, aantal_groepen: int | None
) -> int:
    """Groups in a round with absences: as many as with everyone present, while every group
    stays within one of the asked size. The plan then keeps the shape of its design (a few
    smaller groups) instead of regrouping everyone, which is what lets absences cost no repeats.
    """
    if groepsgrootte is not None and aantal_groepen is None and voltallig > 0:
        kleinste = aanwezig // voltallig
        grootste = -(-aanwezig // voltallig)
        if kleinste >= max(2, groepsgrootte - 1) and grootste <= groepsgrootte + 1:
            return voltallig
    return aantal_groepen_voor(aanwezig, groepsgrootte, aantal_groepen)


@dataclass
class _Verzoek:
    """A checked request: the people, who is there in which round, and the wishes."""

    personen: list[Deelnemer]
    index: dict[str, int]
    aanwezig: Bools
    groepen: Ints
    regels: Regels
    opties: Opties
    eerder: Sequence[Indeling]
    # groups for the whole roster, all present: the design the plan starts from
    groepen_voltallig: int = 0

    @property
    def per_id(self) -> dict[str, Deelnemer]:
        """The people by id."""
        return {p.id: p for p in self.personen}

    def wie(self, r: int) -> list[str]:
        """The ids present in round r."""
        return [self.personen[i].id for i in np.flatnonzero(self.aanwezig[r])]


def _controleer_omvang(
    problemen: list[Probleem], groepsgrootte: int | None, aantal_groepen: int | None
) -> None:
    if (groepsgrootte is None) == (aantal_groepen is None):
        problemen.append(
            Probleem(
                "groepsgrootte",
                "groepsgrootte-of-aantal",
                "Geef een groepsgrootte of een aantal groepen, precies één van beide.",
            )
        )
    if groepsgrootte is not None and groepsgrootte < 2:
        problemen.append(
            Probleem(
                "groepsgrootte",
                "groepsgrootte-te-klein",
                f"Een groepsgrootte van {groepsgrootte} maakt geen groepjes; kies 2 of meer.",
            )
        )
    if aantal_groepen is not None and aantal_groepen < 1:
        problemen.append(
            Probleem(
                "aantalGroepen", "aantal-groepen-te-klein", "Het aantal groepen is minstens 1."
            )
        )


def _controleer_deelnemers(
    problemen: list[Probleem], personen: Sequence[Deelnemer], naam: str
) -> None:
    dubbel = sorted(i for i, keer in Counter(p.id for p in personen).items() if keer > 1)
    if dubbel:
        problemen.append(
            Probleem(
                naam,
                "dubbele-deelnemer",
                f"Deze deelnemers staan er dubbel in: {', '.join(dubbel)}.",
            )
        )


def _clusters(paren: Sequence[tuple[str, str]]) -> list[set[str]]:
    """The groups of people that fixed pairs tie together (union-find)."""
    ouder: dict[str, str] = {}

    def wortel(x: str) -> str:
        while ouder.setdefault(x, x) != x:
            ouder[x] = ouder[ouder[x]]
            x = ouder[x]
        return x

    for a, b in paren:
        ouder[wortel(a)] = wortel(b)
    per_wortel: dict[str, set[str]] = {}
    for x in list(ouder):
        per_wortel.setdefault(wortel(x), set()).add(x)
    return [c for c in per_wortel.values() if len(c) > 1]


def _controleer_paren(
    problemen: list[Probleem],
    bekend: Collection[str],
    regels: Regels,
    opties: Opties,
    per_id: dict[str, Deelnemer],
) -> None:
    for veld, paren in (
        ("vasteParen", opties.vaste_paren),
        ("verbodenParen", opties.verboden_paren),
    ):
        for a, b in paren:
            onbekend = [x for x in (a, b) if x not in bekend]
            if onbekend:
                problemen.append(
                    Probleem(
                        veld,
                        "onbekende-deelnemer",
                        f"Onbekende deelnemer in {veld}: {', '.join(onbekend)}.",
                    )
                )
            if a == b:
                problemen.append(
                    Probleem(veld, "paar-met-zichzelf", f"{a} vormt geen paar met zichzelf.")
                )
    vast = {frozenset(p) for p in opties.vaste_paren}
    for cluster in _clusters(opties.vaste_paren):
        for a, b in opties.verboden_paren:
            if a in cluster and b in cluster:
                reden = (
                    f"{a} en {b} zijn zowel een vast als een verboden paar."
                    if frozenset((a, b)) in vast
                    else f"De vaste paren zetten {a} en {b} samen, maar zij zijn een verboden paar."
                )
                problemen.append(Probleem("vasteParen", "vast-en-verboden", reden))
        if regels.organisatie is Organisatieregel.VERBIEDEN:
            per_organisatie = Counter(
                per_id[x].organisatie
                for x in cluster
                if x in per_id and per_id[x].organisatie is not None
            )
            for organisatie, keer in sorted(per_organisatie.items()):
                if keer > 1:
                    problemen.append(
                        Probleem(
                            "vasteParen",
                            "vast-binnen-organisatie",
                            f"De vaste paren zetten mensen van {organisatie} samen, terwijl de "
                            "spelregels dat verbieden.",
                        )
                    )


def _alleen_aanwezig(opties: Opties, aanwezig: Collection[str]) -> Opties:
    """The options without pairs of which someone is not there: a network's standing wishes
    about absent people do not concern this bijeenkomst."""

    def hier(paren: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        return tuple((a, b) for a, b in paren if a in aanwezig and b in aanwezig)

    return replace(
        opties, vaste_paren=hier(opties.vaste_paren), verboden_paren=hier(opties.verboden_paren)
    )


def _controleer_budget(problemen: list[Probleem], opties: Opties) -> None:
    if not opties.tijdbudget > 0:
        problemen.append(
            Probleem("tijdbudget", "tijdbudget-te-klein", "Het tijdbudget is meer dan 0 seconden.")
        )


def _controleer_rondes(
    problemen: list[Probleem], verzoek: _Verzoek, bijeenkomst_nummers: Sequence[int]
) -> None:
    """Per round: enough people, fixed clusters that fit, organisations apart under 'verbieden'."""
    per_id = verzoek.per_id
    clusters = _clusters(verzoek.opties.vaste_paren)
    for r, nummer in enumerate(bijeenkomst_nummers):
        wie = verzoek.wie(r)
        if len(wie) < 2:
            problemen.append(
                Probleem(
                    "aanwezigen",
                    "te-weinig-aanwezigen",
                    f"Bijeenkomst {nummer}: met {len(wie)} aanwezige(n) valt er niets in te delen.",
                )
            )
            continue
        aantal = int(verzoek.groepen[r])
        grootste = -(-len(wie) // aantal)
        aanwezig = set(wie)
        for cluster in clusters:
            hier = cluster & aanwezig
            if len(hier) > grootste:
                problemen.append(
                    Probleem(
                        "vasteParen",
                        "vaste-groep-te-groot",
                        f"Bijeenkomst {nummer}: de vaste paren binden {len(hier)} mensen aan "
                        f"elkaar, meer dan in één groep past ({grootste}).",
                    )
                )
        if verzoek.regels.organisatie is Organisatieregel.VERBIEDEN:
            per_organisatie = Counter(
                per_id[i].organisatie for i in wie if per_id[i].organisatie is not None
            )
            for organisatie, keer in sorted(per_organisatie.items()):
                if keer > aantal:
                    problemen.append(
                        Probleem(
                            "regels.organisatie",
                            "organisatie-past-niet",
                            f"Bijeenkomst {nummer}: {keer} mensen van {organisatie} in {aantal} "
                            "groepen kunnen niet allemaal apart zitten; kies "
                            "'verbieden-waar-mogelijk'.",
                        )
                    )


def _opgave(verzoek: _Verzoek, vrij: Bools, gepland: Ints | None = None) -> Opgave:
    """The request in index form for the search."""
    personen = verzoek.personen
    n = len(personen)
    index = verzoek.index
    organisatie = [p.organisatie for p in personen]
    zelfde = np.array(
        [[a is not None and a == b for b in organisatie] for a in organisatie], dtype=np.bool_
    ).reshape(n, n)
    np.fill_diagonal(zelfde, False)
    verboden = np.zeros((n, n), dtype=np.bool_)
    vast = np.zeros((n, n), dtype=np.bool_)
    for paren, matrix in (
        (verzoek.opties.verboden_paren, verboden),
        (verzoek.opties.vaste_paren, vast),
    ):
        for x, y in paren:
            matrix[index[x], index[y]] = matrix[index[y], index[x]] = True
    # people in one cluster of fixed pairs belong together even where no pair names them
    for cluster in _clusters(verzoek.opties.vaste_paren):
        samen = [index[x] for x in cluster]
        for a in samen:
            for b in samen:
                if a != b:
                    vast[a, b] = True
    eerder = np.zeros((n, n), dtype=np.int64)
    for indeling in verzoek.eerder:
        for groep in indeling:
            leden = [index[x] for x in groep if x in index]
            for i, a in enumerate(leden):
                for b in leden[i + 1 :]:
                    eerder[a, b] += 1
                    eerder[b, a] += 1
    rollen = verzoek.regels.rollen
    rol = np.array(
        [rollen.index(p.rol) if p.rol in rollen else -1 for p in personen], dtype=np.int64
    )
    verplicht = np.zeros((verzoek.aanwezig.shape[0], len(rollen)), dtype=np.bool_)
    for k in range(len(rollen)):
        verplicht[:, k] = (verzoek.aanwezig & (rol == k)[None, :]).any(axis=1)
    return Opgave(
        aanwezig=verzoek.aanwezig,
        groepen=verzoek.groepen,
        rol=rol,
        verplicht=verplicht,
        zelfde_organisatie=zelfde,
        verboden=verboden,
        vast=vast,
        eerder=eerder,
        vrij=vrij,
        organisatie_hard=verzoek.regels.organisatie is Organisatieregel.VERBIEDEN,
        gepland=gepland,
    )


def _ondergrens(verzoek: _Verzoek) -> Score:
    uitgesloten = list(verzoek.opties.verboden_paren)
    return scoring.ondergrens(
        [verzoek.wie(r) for r in range(verzoek.aanwezig.shape[0])],
        [int(x) for x in verzoek.groepen],
        verzoek.per_id,
        verzoek.regels.rollen,
        verzoek.regels.organisatie,
        verzoek.eerder,
        uitgesloten,
    )


def _doel(verzoek: _Verzoek, grens: Score) -> tuple[int, ...]:
    """The lower bound as the search's standing (see zoeken.NIVEAUS)."""
    hard = verzoek.regels.organisatie is Organisatieregel.VERBIEDEN
    return (0, 0 if hard else grens.zelfde_organisatie, grens.roltekort, grens.herhalingen, 0)


def _indeling(verzoek: _Verzoek, groep: Ints, r: int) -> Indeling:
    """Round r of a state as groups of ids, largest group first, ids in input order."""
    rij = groep[r]
    groepen = [
        tuple(verzoek.personen[i].id for i in np.flatnonzero(rij == g))
        for g in range(int(verzoek.groepen[r]))
    ]
    return tuple(sorted((g for g in groepen if g), key=lambda g: (-len(g), verzoek.index[g[0]])))


def _groepen(
    indeling: Indeling, per_id: dict[str, Deelnemer], rollen: Sequence[str]
) -> tuple[Groep, ...]:
    aanwezig = {per_id[i].rol for groep in indeling for i in groep}
    uit = []
    for leden in indeling:
        in_groep = {per_id[i].rol for i in leden}
        uit.append(
            Groep(
                leden,
                tuple(rol for rol in rollen if rol in in_groep),
                tuple(rol for rol in rollen if rol in aanwezig and rol not in in_groep),
            )
        )
    return tuple(uit)


def _zoek(
    verzoek: _Verzoek, opgave: Opgave, start: Ints, doel: tuple[int, ...], deadline: float
) -> Ints:
    plekken = int(opgave.aanwezig[opgave.vrij].sum())
    if opgave.ronden == 1:
        # one bijeenkomst: every swap is looked at each move, so far fewer moves suffice
        opgeven = max(OPGEVEN_MINIMUM_EEN, OPGEVEN_PER_PLEK_EEN * plekken)
    else:
        opgeven = max(OPGEVEN_MINIMUM, OPGEVEN_PER_PLEK * plekken)
    zoeker = Zoeker(opgave, start, verzoek.opties.seed)
    beste, stand = zoeker.zoek(doel, MAXIMUM_ITERATIES, deadline, opgeven)
    if stand[0] > 0:
        raise GroepsindelingFout(
            [
                Probleem(
                    "vasteParen",
                    "onuitvoerbaar",
                    "De vaste en verboden paren en de organisatieregel laten samen geen "
                    "indeling toe, of niet binnen het tijdbudget.",
                )
            ]
        )
    return beste


def _herverdeel(groepen: list[list[int]], aantal: int, rng: np.random.Generator) -> list[list[int]]:
    """Bring the groups to `aantal` with sizes that differ by at most one, moving few people."""
    groepen = [g for g in groepen if g]
    while len(groepen) > aantal:
        groepen.sort(key=len)
        weg = groepen.pop(0)
        for persoon in weg:
            min(groepen, key=len).append(persoon)
    while len(groepen) < aantal:
        groepen.sort(key=len, reverse=True)
        grootste = groepen[0]
        helft = len(grootste) // 2
        groepen.append(grootste[helft:])
        groepen[0] = grootste[:helft]
    while True:
        groepen.sort(key=len)
        if len(groepen[-1]) - len(groepen[0]) <= 1:
            return groepen
        groepen[0].append(groepen[-1].pop(int(rng.integers(len(groepen[-1])))))


def _start_uit_ontwerp(
    verzoek: _Verzoek, opgave: Opgave, rng: np.random.Generator
) -> tuple[Ints, str] | None:
    """A start state from a combinatorial design on the whole roster, or None.

    People of one organisation go to one block of a reserve (points that never meet), so they
    never share a group; when a transversal reserve remains, the people of one role go to one
    block of it, which puts that role in every group. Without organisations, the people absent
    from a bijeenkomst go to one block of its round where they can, so that their absence
    empties a group instead of breaking several. Absent people and padding points drop out per
    round, after which the groups are evened out.
    """
    n = len(verzoek.personen)
    ronden = int(verzoek.aanwezig.shape[0])
    if ronden < 2:
        return None
    aantal = verzoek.groepen_voltallig or int(verzoek.groepen.max())
    grootte = -(-n // aantal)
    ontwerp = constructies.ontwerp(aantal, grootte, ronden)
    if ontwerp is None:
        return None
    zonder_organisaties = all(p.organisatie is None for p in verzoek.personen)
    if zonder_organisaties and not verzoek.aanwezig.all():
        return _afwezigen_op_blokken(verzoek, opgave, ontwerp, rng), ontwerp.naam
    klassen, reserves = ontwerp.kies(ronden)
    punten = ontwerp.punten
    vulling = punten - n
    # padding points are one more "organisation" that must never meet itself
    organisaties: dict[str, list[int]] = {}
    for i, p in enumerate(verzoek.personen):
        if p.organisatie is not None:
            organisaties.setdefault(p.organisatie, []).append(i)
    vulsel = list(range(n, punten))
    groepjes = ([vulsel] if vulling > 1 else []) + sorted(
        organisaties.values(), key=len, reverse=True
    )
    plek_van = np.full(punten, -1, dtype=np.int64)  # person or padding -> point
    vrij_punt = np.ones(punten, dtype=np.bool_)
    gebruikte_reserve = -1
    for nummer, reserve in enumerate(reserves):
        ruimte = [list(blok) for blok in reserve.blokken]
        toewijzing: list[tuple[list[int], int]] = []
        for groepje in groepjes:
            past = [b for b, blok in enumerate(ruimte) if len(blok) >= len(groepje)]
            if not past:
                break
            beste = min(past, key=lambda b: len(ruimte[b]))
            toewijzing.append((groepje, beste))
            ruimte[beste] = ruimte[beste][len(groepje) :]
        else:
            gebruikte_reserve = nummer
            rollen_reserve = next(
                (x for k, x in enumerate(reserves) if k != nummer and x.transversaal), None
            )
            _plaats_groepjes(verzoek, toewijzing, reserve, rollen_reserve, plek_van, vrij_punt)
            break
    if gebruikte_reserve < 0 and vulling > 1:
        return None
    over_personen = [i for i in range(punten) if plek_van[i] < 0]
    over_punten = list(np.flatnonzero(vrij_punt)[rng.permutation(int(vrij_punt.sum()))])
    for i, punt in zip(over_personen, over_punten, strict=True):
        plek_van[i] = punt
    persoon_op = np.empty(punten, dtype=np.int64)
    persoon_op[plek_van] = np.arange(punten)
    groep = np.full((ronden, n), -1, dtype=np.int64)
    for r, klasse in enumerate(klassen):
        groepen = [
            [
                int(persoon_op[p])
                for p in blok
                if persoon_op[p] < n and opgave.aanwezig[r, persoon_op[p]]
            ]
            for blok in klasse
        ]
        for g, leden in enumerate(_herverdeel(groepen, int(verzoek.groepen[r]), rng)):
            groep[r, leden] = g
    return groep, ontwerp.naam


def _afwezigen_op_blokken(
    verzoek: _Verzoek, opgave: Opgave, ontwerp: constructies.Ontwerp, rng: np.random.Generator
) -> Ints:
    """Rounds of the design given to bijeenkomsten, and people to points, such that as many
    bijeenkomsten as possible find their absent people together on one block (greedy, with a
    few shuffled attempts; the best attempt counts)."""
    n = len(verzoek.personen)
    ronden = int(verzoek.aanwezig.shape[0])
    punten = ontwerp.punten
    klassen = ontwerp.klassen
    afwezig = [set(np.flatnonzero(~verzoek.aanwezig[r]).tolist()) for r in range(ronden)]
    grootte = int(klassen[0].shape[1])
    beste: tuple[int, dict[int, int], dict[int, int]] = (-1, {}, {})
    for _ in range(12):
        plek: dict[int, int] = {}
        bezet: set[int] = set()
        klasse_van: dict[int, int] = {}
        vrije_klassen = list(range(len(klassen)))
        volgorde = [r for r in rng.permutation(ronden).tolist() if 0 < len(afwezig[r]) <= grootte]
        for r in volgorde:
            kandidaten = []
            for k in vrije_klassen:
                for blok in klassen[k].tolist():
                    al = [plek[x] for x in afwezig[r] if x in plek]
                    if not all(p in blok for p in al):
                        continue
                    open_punten = [p for p in blok if p not in bezet]
                    if len(open_punten) >= len(afwezig[r]) - len(al):
                        kandidaten.append((len(al), k, open_punten))
            if not kandidaten:
                continue
            meest = max(c[0] for c in kandidaten)
            kandidaten = [c for c in kandidaten if c[0] == meest]
            _, k, open_punten = kandidaten[int(rng.integers(len(kandidaten)))]
            for x in sorted(afwezig[r]):
                if x not in plek:
                    plek[x] = open_punten.pop(0)
                    bezet.add(plek[x])
            klasse_van[r] = k
            vrije_klassen.remove(k)
        if len(klasse_van) > beste[0]:
            beste = (len(klasse_van), plek, klasse_van)
    _, plek, klasse_van = beste
    over_klassen = [k for k in range(len(klassen)) if k not in klasse_van.values()]
    for r in range(ronden):
        if r not in klasse_van:
            klasse_van[r] = over_klassen.pop(0)
    vrije_punten = [p for p in rng.permutation(punten).tolist() if p not in plek.values()]
    for x in range(punten):
        if x not in plek:
            plek[x] = vrije_punten.pop()
    persoon_op = np.empty(punten, dtype=np.int64)
    for x, p in plek.items():
        persoon_op[p] = x
    groep = np.full((ronden, n), -1, dtype=np.int64)
    for r in range(ronden):
        groepen = [
            [
                int(persoon_op[p])
                for p in blok
                if persoon_op[p] < n and opgave.aanwezig[r, persoon_op[p]]
            ]
            for blok in klassen[klasse_van[r]].tolist()
        ]
        for g, leden in enumerate(_herverdeel(groepen, int(verzoek.groepen[r]), rng)):
            groep[r, leden] = g
    return groep


def _plaats_groepjes(
    verzoek: _Verzoek,
    toewijzing: list[tuple[list[int], int]],
    reserve: constructies.Reserve,
    rollen_reserve: constructies.Reserve | None,
    plek_van: Ints,
    vrij_punt: Bools,
) -> None:
    """Put each groepje on its reserve block; within it, people on their role's block."""
    rollen = verzoek.regels.rollen
    rol_blok: dict[str, set[int]] = {}
    if rollen_reserve is not None and rollen:
        per_rol = Counter(p.rol for p in verzoek.personen if p.rol in rollen)
        for blok, (rol, _) in zip(rollen_reserve.blokken, per_rol.most_common(), strict=False):
            rol_blok[rol] = set(blok)
    n = len(verzoek.personen)
    for groepje, b in toewijzing:
        punten = [p for p in reserve.blokken[b] if vrij_punt[p]]
        wachtend = []
        for persoon in groepje:
            eigen_rol = verzoek.personen[persoon].rol if persoon < n else None
            voorkeur = [
                p for p in punten if eigen_rol in rol_blok and p in rol_blok[str(eigen_rol)]
            ]
            if voorkeur:
                plek_van[persoon] = voorkeur[0]
                vrij_punt[voorkeur[0]] = False
                punten.remove(voorkeur[0])
            else:
                wachtend.append(persoon)
        for persoon in wachtend:
            plek_van[persoon] = punten.pop(0)
            vrij_punt[plek_van[persoon]] = False


def vorm_groepen(
    aanwezigen: Sequence[Deelnemer],
    *,
    groepsgrootte: int | None = None,
    aantal_groepen: int | None = None,
    eerder: Sequence[Indeling] = (),
    regels: Regels = Regels(),
    opties: Opties = Opties(),
) -> Groepsindeling:
    """The groups of one bijeenkomst for the people present, given who sat together before.

    Fixed and forbidden pairs with someone who is not present are left out.
    """
    problemen: list[Probleem] = []
    _controleer_omvang(problemen, groepsgrootte, aantal_groepen)
    _controleer_deelnemers(problemen, aanwezigen, "aanwezigen")
    _controleer_budget(problemen, opties)
    per_id = {p.id: p for p in aanwezigen}
    opties = _alleen_aanwezig(opties, per_id)
    _controleer_paren(problemen, per_id, regels, opties, per_id)
    if aantal_groepen is not None and aantal_groepen > len(aanwezigen):
        problemen.append(
            Probleem(
                "aantalGroepen",
                "meer-groepen-dan-aanwezigen",
                f"Er zijn meer groepen ({aantal_groepen}) dan aanwezigen ({len(aanwezigen)}).",
            )
        )
    elif (
        aantal_groepen is not None and aantal_groepen >= 1 and len(aanwezigen) < 2 * aantal_groepen
    ):
        problemen.append(
            Probleem(
                "aantalGroepen",
                "groep-van-een",
                f"Met {len(aanwezigen)} aanwezigen in {aantal_groepen} groepen komt iemand "
                "alleen te zitten.",
            )
        )
    if problemen:
        raise GroepsindelingFout(problemen)
    return _een_bijeenkomst(aanwezigen, groepsgrootte, aantal_groepen, eerder, regels, opties)


def _een_bijeenkomst(
    aanwezigen: Sequence[Deelnemer],
    groepsgrootte: int | None,
    aantal_groepen: int | None,
    eerder: Sequence[Indeling],
    regels: Regels,
    opties: Opties,
    gepland: Indeling | None = None,
) -> Groepsindeling:
    deadline = _deadline(opties.tijdbudget)
    personen = list(aanwezigen)
    index = {p.id: i for i, p in enumerate(personen)}
    aantal = aantal_groepen_voor(len(personen), groepsgrootte, aantal_groepen)
    verzoek = _Verzoek(
        personen,
        index,
        np.ones((1, len(personen)), dtype=np.bool_),
        np.array([aantal], dtype=np.int64),
        regels,
        opties,
        eerder,
    )
    problemen: list[Probleem] = []
    _controleer_rondes(problemen, verzoek, [0])
    if problemen:
        raise GroepsindelingFout(problemen)
    rng = np.random.default_rng(opties.seed)
    plan_rij = None
    if gepland is not None:
        plan_rij = np.full((1, len(personen)), -1, dtype=np.int64)
        groepen: list[list[int]] = []
        for g, leden in enumerate(gepland):
            hier = [index[x] for x in leden if x in index]
            plan_rij[0, hier] = g
            groepen.append(hier)
        nieuw = [i for i in range(len(personen)) if plan_rij[0, i] < 0]
        groepen = [g for g in groepen if g]
        for i in nieuw:
            if groepen:
                min(groepen, key=len).append(i)
            else:
                groepen.append([i])
        start = np.full((1, len(personen)), -1, dtype=np.int64)
        for g, samen in enumerate(_herverdeel(groepen, aantal, rng)):
            start[0, samen] = g
    opgave = _opgave(verzoek, np.ones(1, dtype=np.bool_), plan_rij)
    if plan_rij is None:
        start = begin(opgave, np.full((1, len(personen)), -1, dtype=np.int64), [0], rng)
    grens = _ondergrens(verzoek)
    beste = _zoek(verzoek, opgave, start, _doel(verzoek, grens), deadline)
    indeling = _indeling(verzoek, beste, 0)
    per_id = verzoek.per_id
    behouden = gepland_totaal = 0
    if gepland is not None:
        nu = scoring.ontmoetingen([indeling])
        plan = scoring.ontmoetingen([tuple(tuple(x for x in g if x in index) for g in gepland)])
        gepland_totaal = sum(plan.values())
        behouden = sum(1 for paar in plan if nu[paar])
    return Groepsindeling(
        _groepen(indeling, per_id, regels.rollen),
        scoring.kwaliteit([indeling], per_id, regels.rollen, eerder, grens),
        behouden,
        gepland_totaal,
    )


def plan_groepen(
    deelnemers: Sequence[Deelnemer],
    bijeenkomsten: int,
    *,
    afwezig: Sequence[Collection[str]] | None = None,
    groepsgrootte: int | None = None,
    aantal_groepen: int | None = None,
    eerder: Sequence[Indeling] = (),
    regels: Regels = Regels(),
    opties: Opties = Opties(),
) -> Groepsplanning:
    """The groups of all remaining bijeenkomsten at once, so that over the term everyone meets
    as many others as possible. `afwezig` lists, per bijeenkomst, who is known to be away."""
    deadline = _deadline(opties.tijdbudget)
    problemen: list[Probleem] = []
    _controleer_omvang(problemen, groepsgrootte, aantal_groepen)
    _controleer_deelnemers(problemen, deelnemers, "deelnemers")
    _controleer_budget(problemen, opties)
    per_id = {p.id: p for p in deelnemers}
    _controleer_paren(problemen, per_id, regels, opties, per_id)
    if bijeenkomsten < 1:
        problemen.append(
            Probleem("bijeenkomsten", "geen-bijeenkomsten", "Plan minstens één bijeenkomst.")
        )
    if afwezig is not None and len(afwezig) != bijeenkomsten:
        problemen.append(
            Probleem(
                "afwezig",
                "afwezig-lengte",
                f"Geef de afwezigen voor elk van de {bijeenkomsten} bijeenkomsten.",
            )
        )
    for r, weg in enumerate(afwezig or []):
        onbekend = sorted(set(weg) - per_id.keys())
        if onbekend:
            problemen.append(
                Probleem(
                    "afwezig",
                    "onbekende-deelnemer",
                    f"Bijeenkomst {r}: onbekende afwezigen {', '.join(onbekend)}.",
                )
            )
    if problemen:
        raise GroepsindelingFout(problemen)
    personen = list(deelnemers)
    index = {p.id: i for i, p in enumerate(personen)}
    aanwezig = np.ones((bijeenkomsten, len(personen)), dtype=np.bool_)
    for r, weg in enumerate(afwezig or []):
        for x in weg:
            aanwezig[r, index[x]] = False
    voltallig = aantal_groepen_voor(len(personen), groepsgrootte, aantal_groepen)
    afgerond = [
        aantal_groepen_voor(int(aanwezig[r].sum()), groepsgrootte, aantal_groepen)
        for r in range(bijeenkomsten)
    ]
    vormvast = [
        _groepen_in_ronde(int(aanwezig[r].sum()), voltallig, groepsgrootte, aantal_groepen)
        for r in range(bijeenkomsten)
    ]
    if vormvast == afgerond:
        return _plan_met(afgerond, personen, index, aanwezig, voltallig, eerder, regels, opties,
                         deadline)  # fmt: skip
    # Absences leave a choice: regroup to the asked size, or keep the design's groups a little
    # smaller. Which is better depends on roles and organisations, so both are tried, each in
    # half of the remaining time, and the better plan wins.
    halverwege = time.monotonic() + (deadline - time.monotonic()) / 2
    eerste = _plan_met(
        vormvast, personen, index, aanwezig, voltallig, eerder, regels, opties, halverwege
    )
    # Keep the first when the second could not do better even at its own lower bound.
    grens_tweede = _ondergrens(
        _Verzoek(
            personen,
            index,
            aanwezig,
            np.array(afgerond, dtype=np.int64),
            regels,
            opties,
            eerder,
            voltallig,
        )
    )
    if eerste.kwaliteit.score <= grens_tweede:
        return eerste
    tweede = _plan_met(
        afgerond, personen, index, aanwezig, voltallig, eerder, regels, opties, deadline
    )
    return min((eerste, tweede), key=lambda planning: planning.kwaliteit.score)


def _plan_met(
    aantallen: list[int],
    personen: list[Deelnemer],
    index: dict[str, int],
    aanwezig: Bools,
    voltallig: int,
    eerder: Sequence[Indeling],
    regels: Regels,
    opties: Opties,
    deadline: float,
) -> Groepsplanning:
    """Plan every round with the given number of groups per round."""
    bijeenkomsten = len(aantallen)
    per_id = {p.id: p for p in personen}
    groepen = np.array(aantallen, dtype=np.int64)
    problemen: list[Probleem] = []
    verzoek = _Verzoek(
        personen,
        index,
        aanwezig,
        groepen,
        regels,
        opties,
        eerder,
        voltallig,
    )
    _controleer_rondes(problemen, verzoek, range(bijeenkomsten))
    if problemen:
        raise GroepsindelingFout(problemen)
    rng = np.random.default_rng(opties.seed)
    opgave = _opgave(verzoek, np.ones(bijeenkomsten, dtype=np.bool_))
    grens = _ondergrens(verzoek)
    doel = _doel(verzoek, grens)
    uit_ontwerp = _start_uit_ontwerp(verzoek, opgave, rng)
    if uit_ontwerp is not None:
        start, constructie = uit_ontwerp
    else:
        leeg = np.full((bijeenkomsten, len(personen)), -1, dtype=np.int64)
        start, constructie = begin(opgave, leeg, list(range(bijeenkomsten)), rng), "geen"
    beste = _zoek(verzoek, opgave, start, doel, deadline)
    indelingen = [_indeling(verzoek, beste, r) for r in range(bijeenkomsten)]
    per_bijeenkomst = []
    for r, indeling in enumerate(indelingen):
        voor = [*eerder, *indelingen[:r]]
        deelverzoek = _Verzoek(
            personen, index, aanwezig[r : r + 1], groepen[r : r + 1], regels, opties, voor
        )
        per_bijeenkomst.append(
            Groepsindeling(
                _groepen(indeling, per_id, regels.rollen),
                scoring.kwaliteit(
                    [indeling], per_id, regels.rollen, voor, _ondergrens(deelverzoek), r
                ),
            )
        )
    return Groepsplanning(
        tuple(per_bijeenkomst),
        scoring.kwaliteit(indelingen, per_id, regels.rollen, eerder, grens),
        constructie,
    )


def herschik_groepen(
    planning: Sequence[Indeling],
    bijeenkomst: int,
    aanwezigen: Sequence[Deelnemer],
    *,
    groepsgrootte: int | None = None,
    aantal_groepen: int | None = None,
    eerder: Sequence[Indeling] = (),
    regels: Regels = Regels(),
    opties: Opties = Opties(tijdbudget=1.0),
) -> Groepsindeling:
    """Bijeenkomst number `bijeenkomst` of a plan formed again for who is actually there.

    The other bijeenkomsten of the plan count as meetings (as `eerder` does), so the new groups
    avoid pairs that meet elsewhere in the plan; below every other aim the planned pairs stay
    together as much as possible. Without a size, the planned number of groups is kept as far
    as the people present allow.
    """
    problemen: list[Probleem] = []
    if not 0 <= bijeenkomst < len(planning):
        raise GroepsindelingFout(
            [
                Probleem(
                    "bijeenkomst",
                    "onbekende-bijeenkomst",
                    f"Bijeenkomst {bijeenkomst} staat niet in een planning van {len(planning)}.",
                )
            ]
        )
    if groepsgrootte is None and aantal_groepen is None:
        aantal_groepen = max(1, len(planning[bijeenkomst]))
    _controleer_omvang(problemen, groepsgrootte, aantal_groepen)
    _controleer_deelnemers(problemen, aanwezigen, "aanwezigen")
    _controleer_budget(problemen, opties)
    per_id = {p.id: p for p in aanwezigen}
    opties = _alleen_aanwezig(opties, per_id)
    _controleer_paren(problemen, per_id, regels, opties, per_id)
    if problemen:
        raise GroepsindelingFout(problemen)
    anderen = [indeling for r, indeling in enumerate(planning) if r != bijeenkomst]
    return _een_bijeenkomst(
        aanwezigen,
        groepsgrootte,
        aantal_groepen,
        [*eerder, *anderen],
        regels,
        opties,
        gepland=planning[bijeenkomst],
    )
