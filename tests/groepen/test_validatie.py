"""Input that cannot become groups is refused with every reason, in Dutch."""

import pytest

from app.groepen import (
    Deelnemer,
    GroepsindelingFout,
    Opties,
    Organisatieregel,
    Regels,
    herschik_groepen,
    plan_groepen,
    vorm_groepen,
)

ZES = [Deelnemer(f"d{i}", "org-a" if i < 4 else "org-b") for i in range(6)]


@pytest.mark.parametrize(
    ("kwargs", "code", "fragment"),
    [
        ({"groepsgrootte": 1}, "groepsgrootte-te-klein", "groepsgrootte van 1"),
        ({}, "groepsgrootte-of-aantal", "precies één"),
        ({"groepsgrootte": 2, "aantal_groepen": 2}, "groepsgrootte-of-aantal", "precies één"),
        (
            {"aantal_groepen": 7},
            "meer-groepen-dan-aanwezigen",
            "meer groepen (7) dan aanwezigen (6)",
        ),
        ({"aantal_groepen": 4}, "groep-van-een", "alleen"),
        (
            {
                "groepsgrootte": 2,
                "opties": Opties(vaste_paren=(("d0", "d1"),), verboden_paren=(("d1", "d0"),)),
            },
            "vast-en-verboden",
            "zowel een vast als een verboden paar",
        ),
        (
            {
                "groepsgrootte": 3,
                "opties": Opties(
                    vaste_paren=(("d0", "d1"), ("d1", "d4")), verboden_paren=(("d0", "d4"),)
                ),
            },
            "vast-en-verboden",
            "zetten d0 en d4 samen",
        ),
        (
            {"groepsgrootte": 2, "opties": Opties(vaste_paren=(("d0", "d1"), ("d1", "d4")))},
            "vaste-groep-te-groot",
            "meer dan in één groep past",
        ),
        (
            {"groepsgrootte": 2, "opties": Opties(verboden_paren=(("d2", "d2"),))},
            "paar-met-zichzelf",
            "d2",
        ),
        ({"groepsgrootte": 2, "opties": Opties(tijdbudget=0)}, "tijdbudget-te-klein", "tijdbudget"),
        (
            {"aantal_groepen": 3, "regels": Regels(Organisatieregel.VERBIEDEN)},
            "organisatie-past-niet",
            "4 mensen van org-a in 3 groepen",
        ),
        (
            {
                "groepsgrootte": 2,
                "regels": Regels(Organisatieregel.VERBIEDEN),
                "opties": Opties(vaste_paren=(("d0", "d1"),)),
            },
            "vast-binnen-organisatie",
            "org-a",
        ),
    ],
)
def test_invalid_input_is_refused_with_the_reason(kwargs: dict, code: str, fragment: str) -> None:
    with pytest.raises(GroepsindelingFout) as fout:
        vorm_groepen(ZES, **kwargs)
    assert isinstance(fout.value, ValueError)
    codes = [p.code for p in fout.value.problemen]
    assert code in codes
    assert fragment in str(fout.value)


def test_all_problems_are_listed_at_once() -> None:
    with pytest.raises(GroepsindelingFout) as fout:
        plan_groepen(
            [*ZES, ZES[0]],
            3,
            groepsgrootte=1,
            opties=Opties(verboden_paren=(("d0", "zz"),), tijdbudget=-1),
        )
    assert {p.code for p in fout.value.problemen} >= {
        "groepsgrootte-te-klein",
        "dubbele-deelnemer",
        "onbekende-deelnemer",
        "tijdbudget-te-klein",
    }
    assert "Onbekende deelnemer in verbodenParen: zz" in str(fout.value)


def test_pairs_with_someone_absent_do_not_concern_one_bijeenkomst() -> None:
    uit = vorm_groepen(
        ZES,
        groepsgrootte=2,
        opties=Opties(vaste_paren=(("d0", "elders"),), verboden_paren=(("weg", "d1"),)),
    )
    assert len(uit.indeling) == 3


def test_a_plan_checks_its_absences_and_bijeenkomsten() -> None:
    with pytest.raises(GroepsindelingFout) as fout:
        plan_groepen(ZES, 2, afwezig=[{"d0"}], groepsgrootte=2)
    assert [p.code for p in fout.value.problemen] == ["afwezig-lengte"]
    with pytest.raises(GroepsindelingFout) as fout:
        plan_groepen(ZES, 0, groepsgrootte=2)
    assert [p.code for p in fout.value.problemen] == ["geen-bijeenkomsten"]
    with pytest.raises(GroepsindelingFout) as fout:
        plan_groepen(ZES, 1, afwezig=[{"d0", "d1", "d2", "d3", "d4"}], groepsgrootte=2)
    assert [p.code for p in fout.value.problemen] == ["te-weinig-aanwezigen"]


def test_re_forming_an_unknown_bijeenkomst_is_refused() -> None:
    with pytest.raises(GroepsindelingFout) as fout:
        herschik_groepen([(("d0", "d1"), ("d2", "d3"))], 3, ZES[:4])
    assert fout.value.problemen[0].code == "onbekende-bijeenkomst"


def test_fixed_and_forbidden_pairs_that_cannot_both_hold_are_reported() -> None:
    vier = [Deelnemer(f"d{i}") for i in range(4)]
    with pytest.raises(GroepsindelingFout) as fout:
        vorm_groepen(
            vier,
            aantal_groepen=2,
            opties=Opties(vaste_paren=(("d0", "d1"),), verboden_paren=(("d2", "d3"),)),
        )
    assert fout.value.problemen[0].code == "onuitvoerbaar"
