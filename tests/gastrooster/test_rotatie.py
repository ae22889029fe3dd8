"""The gastrooster in cases a kartrekker would recognise: plan, re-plan, swap, report."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from app.gastrooster import (
    RoosterBijeenkomst,
    RoosterFout,
    RoosterOrganisatie,
    beoordeel,
    herplan,
    plan,
    rapporteer,
    ruil,
)
from app.models.enums import BijeenkomstStatus
from tests.gastrooster import Org, Sessie, hosts, moment, organisaties, sessies


@pytest.mark.parametrize(
    ("organisaties_", "bijeenkomsten", "verwacht"),
    [
        pytest.param("ABC", sessies(6), "ABCABC", id="everyone-in-turn-twice"),
        pytest.param("ABC", sessies(5, gehouden="AB"), "..CAB", id="held-turns-count"),
        pytest.param("ABC", sessies(3, voorkeur={2: "A"}), "CBA", id="preference-honoured"),
        pytest.param("AB", sessies(4, verhinderd={0: "B"}), "ABAB", id="unavailable-respected"),
        pytest.param("ABCD", sessies(8, verhinderd={1: "ABC"}), "ADBCADBC", id="rounds-keep-order"),
    ],
)
def test_plan_hosts_in_turn(organisaties_: str, bijeenkomsten: list[Sessie], verwacht: str) -> None:
    rooster = plan(organisaties(organisaties_), bijeenkomsten)
    assert hosts(rooster.toewijzing, len(bijeenkomsten)) == verwacht
    assert rooster.eerlijk
    assert rooster.knelpunten == ()


def test_a_confirmed_host_counts_as_its_turn_and_is_not_hosted_next_to() -> None:
    rooster = plan(organisaties("ABC"), sessies(4, bevestigd={3: "A"}))
    assert 3 not in rooster.toewijzing
    assert {rooster.toewijzing[0], rooster.toewijzing[1]} == {"B", "C"}
    assert rooster.toewijzing[2] != "A", "A hosts the confirmed 4th; not the 3rd as well"


def test_a_preference_yields_to_the_beurtregel() -> None:
    rooster = plan(organisaties("ABC"), sessies(3, voorkeur={0: "A", 1: "A"}))
    assert sorted(str(gast) for gast in rooster.toewijzing.values()) == ["A", "B", "C"]
    assert rooster.toewijzing[0] == "A"


def test_a_bijeenkomst_nobody_can_host_stays_open_and_is_explained() -> None:
    rooster = plan(organisaties("AB"), sessies(2, verhinderd={1: "AB"}))
    assert rooster.toewijzing == {0: "A", 1: None}
    assert rooster.beste_poging
    knelpunt = next(k for k in rooster.knelpunten if k.code == "niemand-beschikbaar")
    assert knelpunt.bijeenkomsten == (1,)
    assert knelpunt.melding == (
        "Voor bijeenkomst 2 (19 februari 2026) kan geen organisatie gastheer zijn: "
        "A en B zijn verhinderd."
    )


def test_when_the_beurtregel_cannot_hold_the_plan_says_who_blocks_it() -> None:
    rooster = plan(organisaties("ABC"), sessies(4, verhinderd={0: "C", 1: "C", 2: "C"}))
    assert hosts(rooster.toewijzing, 4) == "ABAC"
    assert rooster.beste_poging
    assert rooster.rapport.beurtregel_geschonden == (2,)
    (knelpunt,) = rooster.knelpunten
    assert knelpunt.code == "beurtregel"
    assert knelpunt.melding == (
        "Bij bijeenkomst 3 (2 april 2026) is A opnieuw gastheer, terwijl C nog niet aan de "
        "beurt is geweest. C is voor deze bijeenkomst verhinderd."
    )


def test_a_history_too_heavy_to_even_out_is_named() -> None:
    rooster = plan(organisaties("AB"), sessies(6, gehouden="AAAA"))
    assert hosts(rooster.toewijzing, 6) == "....BB"
    assert rooster.beste_poging
    verdeling = {k.organisaties: k.melding for k in rooster.knelpunten if k.code == "verdeling"}
    assert verdeling[("A",)].startswith("A is 4 keer gastheer bij een eerlijk aandeel van 3,00")
    assert "al elke open bijeenkomst" in verdeling[("B",)]


def test_names_are_used_in_messages_and_ids_can_be_uuids() -> None:
    assen, leeuwarden = uuid.uuid4(), uuid.uuid4()
    orgs = [
        RoosterOrganisatie(id=assen, naam="Gemeente Assen"),
        RoosterOrganisatie(id=leeuwarden, naam="Gemeente Leeuwarden"),
    ]
    ids = [uuid.uuid4() for _ in range(3)]
    bijeenkomsten = [
        RoosterBijeenkomst(
            id=ids[n], start=moment(n), verhinderd=frozenset({assen, leeuwarden} if n == 2 else ())
        )
        for n in range(3)
    ]
    rooster = plan(orgs, bijeenkomsten)
    assert {rooster.toewijzing[ids[0]], rooster.toewijzing[ids[1]]} == {assen, leeuwarden}
    assert "Gemeente Assen en Gemeente Leeuwarden zijn verhinderd" in rooster.knelpunten[0].melding


def test_bijeenkomsten_before_now_are_not_planned() -> None:
    rooster = plan(organisaties("AB"), sessies(4), nu=moment(2))
    assert set(rooster.toewijzing) == {2, 3}


def test_a_leaving_organisation_gives_up_only_its_own_later_turns() -> None:
    orgs = organisaties("ABC")
    voor = plan(orgs, sessies(6))
    assert hosts(voor.toewijzing, 6) == "ABCABC"
    weg = [
        RoosterOrganisatie(id="A"),
        RoosterOrganisatie(id="B"),
        RoosterOrganisatie(id="C", tot=moment(3)),
    ]
    na = herplan(weg, sessies(6), voor.toewijzing)
    assert hosts(na.toewijzing, 6)[:5] == "ABCAB"
    assert [(w.bijeenkomst, w.van) for w in na.wijzigingen] == [(5, "C")]


def test_a_cancelled_bijeenkomst_moves_as_little_as_possible() -> None:
    orgs = organisaties("ABC")
    voor = plan(orgs, sessies(7))
    assert hosts(voor.toewijzing, 7) == "ABCABCA"
    geannuleerd = [
        RoosterBijeenkomst(id=b.id, start=b.start, status=BijeenkomstStatus.GEANNULEERD)
        if b.id == 4
        else b
        for b in sessies(7)
    ]
    na = herplan(orgs, geannuleerd, voor.toewijzing)
    assert 4 not in na.toewijzing
    # B lost a turn; giving it the last one keeps everyone within one of the others.
    assert [(w.bijeenkomst, w.van, w.naar) for w in na.wijzigingen] == [(6, "A", "B")]


def test_held_and_confirmed_hosts_never_move_on_a_replan() -> None:
    bijeenkomsten = sessies(5, gehouden="A", bevestigd={2: "B"})
    vorige = {0: "C", 1: "C", 2: "C", 3: "A", 4: "B"}
    na = herplan(organisaties("ABC"), bijeenkomsten, vorige)
    assert set(na.toewijzing) == {1, 3, 4}
    assert na.toewijzing[1] == "C"


def test_a_host_who_becomes_unavailable_is_replaced() -> None:
    orgs = organisaties("ABC")
    voor = plan(orgs, sessies(6))
    na = herplan(orgs, sessies(6, verhinderd={4: "B"}), voor.toewijzing)
    assert na.toewijzing[4] != "B"
    assert len(na.wijzigingen) == 2, "B takes another bijeenkomst in exchange"


def test_swapping_two_coming_bijeenkomsten() -> None:
    orgs, bijeenkomsten = organisaties("ABC"), sessies(6)
    toewijzing = plan(orgs, bijeenkomsten).toewijzing
    uitkomst = ruil(orgs, bijeenkomsten, toewijzing, 3, 4)
    assert uitkomst.toegestaan
    assert (uitkomst.eerste_gast, uitkomst.tweede_gast) == ("B", "A")
    assert uitkomst.bezwaren == ()
    assert [v.totaal for v in uitkomst.rapport.per_organisatie] == [2, 2, 2]


def test_a_swap_onto_an_unavailable_date_is_refused_but_explained() -> None:
    orgs, bijeenkomsten = organisaties("ABC"), sessies(6, verhinderd={4: "A"})
    toewijzing = plan(orgs, bijeenkomsten).toewijzing
    assert toewijzing[3] == "A"
    uitkomst = ruil(orgs, bijeenkomsten, toewijzing, 3, 4)
    assert not uitkomst.toegestaan
    (bezwaar,) = uitkomst.bezwaren
    assert bezwaar.code == "verhinderd"
    assert bezwaar.melding == "A is verhinderd voor bijeenkomst 5 (25 juni 2026)."


def test_a_swap_that_lets_someone_host_again_too_early_is_refused() -> None:
    orgs, bijeenkomsten = organisaties("ABC"), sessies(6)
    toewijzing = plan(orgs, bijeenkomsten).toewijzing
    uitkomst = ruil(orgs, bijeenkomsten, toewijzing, 2, 3)  # ABCABC -> ABACBC
    assert not uitkomst.toegestaan
    assert [b.code for b in uitkomst.bezwaren] == ["beurtregel"]
    assert uitkomst.rapport.beurtregel_geschonden == (2,)


def test_a_swap_that_puts_a_host_twice_in_a_row_is_allowed_with_a_warning() -> None:
    orgs, bijeenkomsten = organisaties("ABC"), sessies(7, gehouden="ABC")
    toewijzing = plan(orgs, bijeenkomsten).toewijzing
    assert hosts(toewijzing, 7) == "...ABCA"
    uitkomst = ruil(orgs, bijeenkomsten, toewijzing, 4, 5)  # -> ACBA
    assert uitkomst.toegestaan
    assert uitkomst.bezwaren == ()
    uitkomst = ruil(orgs, bijeenkomsten, toewijzing, 3, 5)  # ABC + CBAA
    assert uitkomst.toegestaan
    assert [(b.code, b.bijeenkomsten, b.blokkeert) for b in uitkomst.bezwaren] == [
        ("op-rij", (2, 3), False),
        ("op-rij", (5, 6), False),
    ]
    assert uitkomst.bezwaren[0].melding.startswith("Na de ruil is C twee keer op rij gastheer")


@pytest.mark.parametrize(
    ("eerste", "tweede", "code"),
    [(0, 3, "gehouden"), (3, 99, "onbekend"), (3, 3, "zelfde"), (3, 6, "zelfde-gastheer")],
)
def test_a_swap_that_cannot_be_meant_is_an_input_error(eerste: int, tweede: int, code: str) -> None:
    orgs, bijeenkomsten = organisaties("ABC"), sessies(7, gehouden="A")
    toewijzing = plan(orgs, bijeenkomsten).toewijzing
    with pytest.raises(RoosterFout) as fout:
        ruil(orgs, bijeenkomsten, toewijzing, eerste, tweede)
    assert fout.value.code == code


def test_the_report_of_a_rotation_as_it_stands() -> None:
    rapport = rapporteer(
        organisaties("ABC"),
        sessies(6, gehouden="AB", verhinderd={2: "C"}),
        {2: "A", 3: "C", 4: "C", 5: "B"},
    )
    per = {v.organisatie: v for v in rapport.per_organisatie}
    assert (per["A"].gehouden, per["A"].gepland, per["A"].totaal) == (1, 1, 2)
    # Session 3 (C unavailable) is shared by A and B: 5 × 1/3 + 1/2 each.
    assert per["A"].aandeel == pytest.approx(5 / 3 + 1 / 2)
    assert per["C"].aandeel == pytest.approx(5 / 3)
    assert per["C"].kleinste_tussenruimte == 1
    assert rapport.op_rij == ((3, 4),)
    assert rapport.kleinste_tussenruimte == 1
    assert rapport.max_afwijking == pytest.approx(2 - 5 / 3)


def test_a_fixed_host_on_a_date_it_is_verhinderd_blocks_a_fair_plan() -> None:
    rooster = plan(organisaties("ABC"), sessies(4, bevestigd={1: "B"}, verhinderd={1: "B"}))
    assert 1 not in rooster.toewijzing, "a fixed host stays, also when it is verhinderd"
    assert not rooster.eerlijk
    (knelpunt,) = [k for k in rooster.knelpunten if k.code == "verhinderd"]
    assert (knelpunt.bijeenkomsten, knelpunt.organisaties, knelpunt.blokkeert) == (
        (1,),
        ("B",),
        True,
    )
    assert knelpunt.melding == (
        "B staat vast als gastheer van bijeenkomst 2 (19 februari 2026), maar is dan "
        "verhinderd. Kies een andere gastheer, of maak hem los en plan opnieuw."
    )


def test_the_rotation_as_it_stands_names_hosts_that_cannot_host() -> None:
    orgs = [
        RoosterOrganisatie(id="A"),
        RoosterOrganisatie(id="B"),
        RoosterOrganisatie(id="C", tot=moment(3)),
    ]
    bijeenkomsten = sessies(
        5, gehouden="A", bevestigd={1: "B"}, verhinderd={0: "A", 1: "B", 2: "A"}
    )
    rapport, knelpunten = beoordeel(orgs, bijeenkomsten, {2: "A", 3: "C", 4: "B"})
    assert rapport.per_organisatie[0].gepland == 1
    # The held one is history: that A was verhinderd then is nobody's problem now.
    assert [(k.code, k.bijeenkomsten, k.organisaties) for k in knelpunten] == [
        ("verhinderd", (1,), ("B",)),
        ("verhinderd", (2,), ("A",)),
        ("geen-deelname", (3,), ("C",)),
    ]
    assert all(k.blokkeert for k in knelpunten)
    assert knelpunten[1].melding == (
        "A is voorlopig gastheer van bijeenkomst 3 (2 april 2026), maar is dan verhinderd. "
        "Plan opnieuw."
    )
    assert beoordeel(orgs, bijeenkomsten, {2: "B", 3: "A", 4: "C"}, nu=moment(5))[1] == ()


@pytest.mark.parametrize(
    ("orgs", "bijeenkomsten", "veld", "code"),
    [
        (organisaties("AA"), sessies(2), "organisaties", "dubbel"),
        (organisaties("AB"), [*sessies(2), *sessies(1)], "bijeenkomsten", "dubbel"),
        (
            organisaties("AB"),
            [RoosterBijeenkomst(id=0, start=datetime(2026, 1, 8, 13, 30))],
            "bijeenkomsten",
            "geen-tijdzone",
        ),
        (
            organisaties("AB"),
            [RoosterBijeenkomst(id=0, start=moment(0), gastorganisatie="A")],
            "bijeenkomsten",
            "gastheer-bij-gepland",
        ),
    ],
)
def test_input_the_rotation_cannot_use_is_a_value_error_with_a_field(
    orgs: list[Org], bijeenkomsten: list[Sessie], veld: str, code: str
) -> None:
    with pytest.raises(ValueError, match=r"\w") as fout:
        plan(orgs, bijeenkomsten)
    assert isinstance(fout.value, RoosterFout)
    assert (fout.value.veld, fout.value.code) == (veld, code)
