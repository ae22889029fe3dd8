"""The score of an indeling, its lower bound, and the quality report built on both.

`score` implements the benchmark file's definition exactly; the algorithm's reports and
`bench/groepen.py` both use it, so the two can never disagree.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from app.groepen.model import (
    Deelnemer,
    Herhaling,
    Indeling,
    Kwaliteit,
    Organisatieregel,
    Score,
    ZelfdeOrganisatie,
)

Paar = tuple[str, str]


def _paar(a: str, b: str) -> Paar:
    return (a, b) if a < b else (b, a)


def ontmoetingen(indelingen: Iterable[Indeling]) -> Counter[Paar]:
    """How often each pair sat in one group."""
    teller: Counter[Paar] = Counter()
    for indeling in indelingen:
        for groep in indeling:
            for a, b in itertools.combinations(groep, 2):
                teller[_paar(a, b)] += 1
    return teller


def score(
    indelingen: Sequence[Indeling],
    deelnemers: Mapping[str, Deelnemer],
    rollen: Sequence[str] = (),
    eerder: Sequence[Indeling] = (),
) -> Score:
    """The lexicographic score of consecutive indelingen, lower is better.

    onbalans: rounds whose group sizes differ by more than one. zelfde_organisatie: pairs of one
    organisation in one group, summed over rounds. roltekort: per group, the required roles it
    lacks although someone present that round has them. herhalingen: per pair, its meetings
    beyond the first; meetings in `eerder` count as earlier meetings but are not scored.
    """
    onbalans = zelfde = tekort = 0
    for indeling in indelingen:
        groottes = [len(groep) for groep in indeling]
        if groottes and max(groottes) - min(groottes) > 1:
            onbalans += 1
        aanwezig = {deelnemers[i].rol for groep in indeling for i in groep if i in deelnemers}
        for groep in indeling:
            leden = [deelnemers.get(i, Deelnemer(i)) for i in groep]
            for a, b in itertools.combinations(leden, 2):
                if a.organisatie is not None and a.organisatie == b.organisatie:
                    zelfde += 1
            in_groep = {lid.rol for lid in leden}
            tekort += sum(1 for rol in rollen if rol in aanwezig and rol not in in_groep)
    voor = ontmoetingen(eerder)
    nu = ontmoetingen(indelingen)
    herhalingen = sum(
        max(0, voor[paar] + keer - 1) - max(0, voor[paar] - 1) for paar, keer in nu.items()
    )
    return Score(onbalans, zelfde, tekort, herhalingen)


def kwaliteit(
    indelingen: Sequence[Indeling],
    deelnemers: Mapping[str, Deelnemer],
    rollen: Sequence[str],
    eerder: Sequence[Indeling],
    ondergrens: Score,
    eerste_bijeenkomst: int = 0,
) -> Kwaliteit:
    """The score with what lies behind it: the repeated pairs and the same-organisation pairs."""
    voor = ontmoetingen(eerder)
    nu = ontmoetingen(indelingen)
    herhalingen = tuple(
        Herhaling(paar, voor[paar] + keer)
        for paar, keer in sorted(nu.items())
        if voor[paar] + keer >= 2
    )
    zelfde = []
    for nummer, indeling in enumerate(indelingen, start=eerste_bijeenkomst):
        for groep in indeling:
            for a, b in itertools.combinations(groep, 2):
                organisatie = deelnemers[a].organisatie if a in deelnemers else None
                if (
                    organisatie is not None
                    and b in deelnemers
                    and deelnemers[b].organisatie == organisatie
                ):
                    zelfde.append(ZelfdeOrganisatie(_paar(a, b), organisatie, nummer))
    return Kwaliteit(
        score(indelingen, deelnemers, rollen, eerder), ondergrens, herhalingen, tuple(zelfde)
    )


def _verdeeld(aantal: int, bakken: int) -> int:
    """The fewest pairs when `aantal` people spread over `bakken` groups (pigeonhole)."""
    per, rest = divmod(aantal, bakken)
    return rest * (per + 1) * per // 2 + (bakken - rest) * per * (per - 1) // 2


def ondergrens(
    aanwezig: Sequence[Sequence[str]],
    groepen: Sequence[int],
    deelnemers: Mapping[str, Deelnemer],
    rollen: Sequence[str],
    organisatieregel: Organisatieregel,
    eerder: Sequence[Indeling] = (),
    uitgesloten: Iterable[Paar] = (),
) -> Score:
    """A score no indeling of these rounds can beat.

    Organisation: per round, an organisation's people spread as evenly as possible over the
    groups. Roles: per round, a role held by fewer people present than there are groups leaves
    that many groups without it. Repeats: someone with m meetings over the rounds and only u
    people left to meet for the first time (present in a common round, not excluded, not met
    before) repeats at least m - u times; each repeat is counted for both people. The bound
    is lexicographic: the repeats part holds for every indeling that reaches the parts before it.
    """
    zelfde = tekort = 0
    for wie, aantal in zip(aanwezig, groepen, strict=True):
        if not wie or aantal < 1:
            continue
        if organisatieregel is not Organisatieregel.VERBIEDEN:
            per_organisatie = Counter(
                deelnemers[i].organisatie for i in wie if deelnemers[i].organisatie is not None
            )
            zelfde += sum(_verdeeld(c, aantal) for c in per_organisatie.values())
        per_rol = Counter(deelnemers[i].rol for i in wie)
        tekort += sum(max(0, aantal - per_rol[rol]) for rol in rollen if per_rol[rol] > 0)
    ontmoet = ontmoetingen(eerder)
    uit = {_paar(a, b) for a, b in uitgesloten}
    if zelfde == 0:
        # every solution that reaches this bound on organisations keeps colleagues apart, and
        # every other solution scores worse already: colleagues are no fresh partners
        collegas: dict[str, list[str]] = {}
        for wie in aanwezig:
            for i in wie:
                if deelnemers[i].organisatie is not None:
                    collegas.setdefault(str(deelnemers[i].organisatie), []).append(i)
        for leden in collegas.values():
            uit.update(_paar(a, b) for a, b in itertools.combinations(sorted(set(leden)), 2))
    mogelijk: dict[str, set[str]] = {}
    meetings: Counter[str] = Counter()
    for wie, aantal in zip(aanwezig, groepen, strict=True):
        if not wie or aantal < 1:
            continue
        kleinste = len(wie) // aantal
        for i in wie:
            meetings[i] += kleinste - 1
            mogelijk.setdefault(i, set()).update(wie)
    overschot = 0
    for i, anderen in mogelijk.items():
        vers = sum(
            1 for j in anderen if j != i and _paar(i, j) not in uit and not ontmoet[_paar(i, j)]
        )
        overschot += max(0, meetings[i] - vers)
    return Score(0, zelfde, tekort, (overschot + 1) // 2)
