"""The combinatorial designs: every round a partition, no pair of points ever twice."""

import itertools

import pytest

from app.groepen import constructies
from app.groepen.lichamen import eindig_lichaam, priemmachtfactoren, productring


def assert_zonder_herhaling(
    ontwerp: constructies.Ontwerp, groepen: int, grootte: int, ronden: int
) -> None:
    gezien: set[tuple[int, int]] = set()
    for klasse in ontwerp.klassen[:ronden]:
        assert klasse.shape == (groepen, grootte)
        assert sorted(klasse.ravel().tolist()) == list(range(groepen * grootte))
        for groep in klasse.tolist():
            for paar in itertools.combinations(sorted(groep), 2):
                assert paar not in gezien, f"{paar} meets twice in {ontwerp.naam}"
                gezien.add(paar)
    _, reserves = ontwerp.kies(ronden)
    for reserve in reserves:
        for blok in reserve.blokken:
            for paar in itertools.combinations(sorted(blok), 2):
                assert paar not in gezien, f"reserve block {blok} holds a pair that meets"


@pytest.mark.parametrize(
    ("groepen", "grootte", "ronden", "naam"),
    [
        (5, 3, 7, "cyclisch"),  # Kirkman's schoolgirls
        (6, 3, 8, "cyclisch"),
        (6, 5, 6, "cyclisch"),
        (8, 4, 10, "GF(8)"),  # the original social golfers
        (10, 4, 13, "1-rotatief"),
        (36, 4, 12, "GF(4) x GF(9)"),
        (25, 5, 10, "GF(25)"),
        (5, 5, 6, "affien vlak"),
        (16, 4, 21, "AG(3,4)"),
        (7, 2, 13, "round-robin"),
    ],
)
def test_a_construction_reaches_the_classics_without_repeats(
    groepen: int, grootte: int, ronden: int, naam: str
) -> None:
    ontwerp = constructies.ontwerp(groepen, grootte, ronden)
    assert ontwerp is not None
    assert naam in ontwerp.naam
    assert_zonder_herhaling(ontwerp, groepen, grootte, ronden)


def test_more_rounds_than_the_counting_bound_have_no_design() -> None:
    assert constructies.maximaal_aantal_ronden(32, 4) == 10
    assert constructies.ontwerp(8, 4, 11) is None


def test_the_golfers_design_leaves_only_a_perfect_matching_unmet() -> None:
    ontwerp = constructies.acht_vier_tien()
    ontmoet = {
        paar
        for klasse in ontwerp.klassen
        for groep in klasse.tolist()
        for paar in itertools.combinations(sorted(groep), 2)
    }
    niet = [paar for paar in itertools.combinations(range(32), 2) if paar not in ontmoet]
    assert len(niet) == 16
    assert sorted(p for paar in niet for p in paar) == list(range(32))


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9, 16, 25, 27])
def test_finite_fields_obey_the_field_laws(q: int) -> None:
    lichaam = eindig_lichaam(q)
    plus, maal = lichaam.plus, lichaam.maal
    for a in range(q):
        assert plus[a, 0] == a
        assert maal[a, 1] == a
        assert maal[a, 0] == 0
        if a:
            assert sorted(maal[a].tolist()) == list(range(q))  # a has an inverse
    for a, b, c in itertools.product(range(q), repeat=3):
        if q <= 9:
            assert maal[a, plus[b, c]] == plus[maal[a, b], maal[a, c]]


def test_the_product_ring_differences_of_the_diagonal_are_units() -> None:
    assert priemmachtfactoren(36) == [4, 9]
    ring = productring(36)
    for x, y in itertools.combinations(ring.diagonaal[:4], 2):
        verschil = next(d for d in range(36) if ring.plus[y, d] == x)
        assert sorted(ring.maal[verschil].tolist()) == list(range(36))
