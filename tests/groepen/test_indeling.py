"""Group formation on random inputs: the invariants a kartrekker relies on."""

import itertools
from collections import Counter
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.groepen import (
    Deelnemer,
    GroepsindelingFout,
    Indeling,
    Opties,
    Organisatieregel,
    Regels,
    herschik_groepen,
    plan_groepen,
    vorm_groepen,
)

ROLLEN = ("beslisser", "jonge-hond", "participatie")
ORGANISATIES = [None, "gemeente-a", "gemeente-b", "provincie"]
ORGANISATIEREGELS = [Organisatieregel.VERMIJDEN, Organisatieregel.VERBIEDEN_WAAR_MOGELIJK]
# generous: the search stops on its own long before, so the budget never decides the answer
RUIM = 30.0

Verzoek = dict[str, Any]


@st.composite
def verzoeken(draw: st.DrawFn, max_personen: int = 14) -> Verzoek:
    aantal = draw(st.integers(4, max_personen))
    personen = [
        Deelnemer(
            f"d{i:02d}",
            draw(st.sampled_from(ORGANISATIES)),
            draw(st.sampled_from([None, *ROLLEN])),
        )
        for i in range(aantal)
    ]
    # fixed and forbidden pairs as disjoint matchings, so that they never contradict
    door_elkaar = draw(st.permutations([p.id for p in personen]))
    aantal_vast = draw(st.integers(0, 2))
    vaste = [(door_elkaar[2 * i], door_elkaar[2 * i + 1]) for i in range(aantal_vast)]
    rest = door_elkaar[2 * aantal_vast :]
    aantal_verboden = min(len(rest) // 2, draw(st.integers(0, 2)))
    verboden = [(rest[2 * i], rest[2 * i + 1]) for i in range(aantal_verboden)]
    rollen = draw(st.lists(st.sampled_from(ROLLEN), unique=True, max_size=2))
    return {
        "personen": personen,
        "groepsgrootte": draw(st.integers(2, max(2, aantal // 2))),
        "regels": Regels(draw(st.sampled_from(ORGANISATIEREGELS)), tuple(rollen)),
        "opties": Opties(
            vaste_paren=tuple(vaste),
            verboden_paren=tuple(verboden),
            tijdbudget=RUIM,
            seed=draw(st.integers(0, 3)),
        ),
    }


def assert_goede_indeling(indeling: Indeling, aanwezig: set[str], opties: Opties) -> None:
    iedereen = Counter(i for groep in indeling for i in groep)
    assert set(iedereen) == aanwezig, "everyone present is placed, nobody else"
    assert max(iedereen.values()) == 1, "nobody sits in two groups"
    groottes = [len(groep) for groep in indeling]
    assert max(groottes) - min(groottes) <= 1
    groep_van = {i: g for g, groep in enumerate(indeling) for i in groep}
    for a, b in opties.verboden_paren:
        if a in aanwezig and b in aanwezig:
            assert groep_van[a] != groep_van[b], f"forbidden pair {a}, {b} sits together"
    for a, b in opties.vaste_paren:
        if a in aanwezig and b in aanwezig:
            assert groep_van[a] == groep_van[b], f"fixed pair {a}, {b} sits apart"


def _onuitvoerbaar(fout: GroepsindelingFout) -> bool:
    """Disjoint fixed and forbidden pairs can still not fit tiny groups; such draws are skipped."""
    return any(p.code == "onuitvoerbaar" for p in fout.problemen)


@settings(max_examples=40, deadline=None)
@given(verzoek=verzoeken())
def test_one_bijeenkomst_places_everyone_once_in_balanced_groups(verzoek: Verzoek) -> None:
    try:
        uit = vorm_groepen(
            verzoek["personen"],
            groepsgrootte=verzoek["groepsgrootte"],
            regels=verzoek["regels"],
            opties=verzoek["opties"],
        )
    except GroepsindelingFout as fout:
        assume(not _onuitvoerbaar(fout))
        raise
    assert_goede_indeling(uit.indeling, {p.id for p in verzoek["personen"]}, verzoek["opties"])
    assert uit.kwaliteit.score >= uit.kwaliteit.ondergrens


@settings(max_examples=25, deadline=None)
@given(verzoek=verzoeken(max_personen=12), data=st.data())
def test_a_planned_term_keeps_the_invariants_every_bijeenkomst(
    verzoek: Verzoek, data: st.DataObject
) -> None:
    ids = [p.id for p in verzoek["personen"]]
    vast = {i for paar in verzoek["opties"].vaste_paren for i in paar}
    los = [i for i in ids if i not in vast]
    ronden = data.draw(st.integers(1, 4))
    afwezig = [
        data.draw(st.sets(st.sampled_from(los), max_size=2)) if los else set()
        for _ in range(ronden)
    ]
    try:
        planning = plan_groepen(
            verzoek["personen"],
            ronden,
            afwezig=afwezig,
            groepsgrootte=verzoek["groepsgrootte"],
            regels=verzoek["regels"],
            opties=verzoek["opties"],
        )
    except GroepsindelingFout as fout:
        assume(not _onuitvoerbaar(fout))
        raise
    assert len(planning.bijeenkomsten) == ronden
    for indeling, weg in zip(planning.indelingen, afwezig, strict=True):
        assert_goede_indeling(indeling, set(ids) - weg, verzoek["opties"])
    assert planning.kwaliteit.score >= planning.kwaliteit.ondergrens


@settings(max_examples=20, deadline=None)
@given(verzoek=verzoeken())
def test_the_same_seed_gives_the_same_answer(verzoek: Verzoek) -> None:
    personen = verzoek["personen"]
    eerder = [tuple(tuple(p.id for p in personen[i : i + 3]) for i in range(0, 12, 3))]

    def vorm() -> Indeling:
        return vorm_groepen(
            personen,
            groepsgrootte=verzoek["groepsgrootte"],
            eerder=eerder,
            regels=verzoek["regels"],
            opties=verzoek["opties"],
        ).indeling

    try:
        eerste = vorm()
    except GroepsindelingFout as fout:
        assume(not _onuitvoerbaar(fout))
        raise
    assert vorm() == eerste


@settings(max_examples=20, deadline=None)
@given(verzoek=verzoeken(), data=st.data())
def test_re_forming_after_absences_places_exactly_who_is_there(
    verzoek: Verzoek, data: st.DataObject
) -> None:
    try:
        planning = plan_groepen(
            verzoek["personen"],
            3,
            groepsgrootte=verzoek["groepsgrootte"],
            regels=verzoek["regels"],
            opties=verzoek["opties"],
        )
    except GroepsindelingFout as fout:
        assume(not _onuitvoerbaar(fout))
        raise
    weg = data.draw(st.sets(st.sampled_from([p.id for p in verzoek["personen"]]), max_size=3))
    nieuw = Deelnemer("nieuwkomer", "gemeente-a", "beslisser")
    aanwezigen = [p for p in verzoek["personen"] if p.id not in weg] + [nieuw]
    try:
        uit = herschik_groepen(
            planning.indelingen,
            1,
            aanwezigen,
            groepsgrootte=verzoek["groepsgrootte"],
            regels=verzoek["regels"],
            opties=verzoek["opties"],
        )
    except GroepsindelingFout as fout:
        assume(not _onuitvoerbaar(fout))
        raise
    assert_goede_indeling(uit.indeling, {p.id for p in aanwezigen}, verzoek["opties"])
    assert 0 <= uit.behouden_paren <= uit.geplande_paren


def test_re_forming_without_absences_keeps_the_plan() -> None:
    personen = [Deelnemer(f"d{i:02d}") for i in range(12)]
    planning = plan_groepen(personen, 4, groepsgrootte=3)
    uit = herschik_groepen(planning.indelingen, 2, personen)
    assert {frozenset(g) for g in uit.indeling} == {frozenset(g) for g in planning.indelingen[2]}
    assert uit.behouden_paren == uit.geplande_paren == 12


def test_history_is_avoided_when_it_can_be() -> None:
    personen = [Deelnemer(f"d{i}") for i in range(9)]
    eerder = [(("d0", "d1", "d2"), ("d3", "d4", "d5"), ("d6", "d7", "d8"))]
    uit = vorm_groepen(personen, groepsgrootte=3, eerder=eerder)
    assert uit.kwaliteit.score.herhalingen == 0
    for groep in uit.indeling:
        assert len({int(i[1]) // 3 for i in groep}) == 3


def test_colleagues_sit_apart_and_every_group_gets_the_roles() -> None:
    personen = [
        Deelnemer(f"d{o}{r}", f"org{o}", rol)
        for o in range(4)
        for r, rol in enumerate(("beslisser", "jonge-hond", "participatie", "participatie"))
    ]
    uit = vorm_groepen(
        personen,
        aantal_groepen=4,
        regels=Regels(Organisatieregel.VERBIEDEN, ("beslisser", "jonge-hond")),
    )
    assert uit.kwaliteit.score == (0, 0, 0, 0)
    for groep in uit.groepen:
        assert len({i[1] for i in groep.leden}) == 4
        assert groep.rollen_ontbrekend == ()


def test_unavoidable_colleagues_are_kept_to_the_pigeonhole_minimum() -> None:
    personen = [Deelnemer(f"a{i}", "groot") for i in range(5)]
    personen += [Deelnemer(f"b{i}") for i in range(4)]
    regels = Regels(Organisatieregel.VERBIEDEN_WAAR_MOGELIJK)
    uit = vorm_groepen(personen, aantal_groepen=3, regels=regels)
    # five colleagues over three groups: 2 + 2 + 1, so two pairs at least and at most
    assert uit.kwaliteit.score.zelfde_organisatie == 2
    assert uit.kwaliteit.ondergrens.zelfde_organisatie == 2
    assert len(uit.kwaliteit.zelfde_organisatie) == 2


def test_the_plan_of_kirkmans_schoolgirls_has_no_repeats() -> None:
    personen = [Deelnemer(f"m{i:02d}") for i in range(15)]
    planning = plan_groepen(personen, 7, groepsgrootte=3)
    assert planning.kwaliteit.score == (0, 0, 0, 0)
    assert planning.kwaliteit.optimaal
    paren = Counter(
        paar
        for indeling in planning.indelingen
        for groep in indeling
        for paar in itertools.combinations(sorted(groep), 2)
    )
    assert len(paren) == 105
    assert max(paren.values()) == 1
