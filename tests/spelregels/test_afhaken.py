"""Afhaken: who gets an opvolging, which kartrekker calls, and never twice for one absence run."""

from hypothesis import HealthCheck, given, settings

from app.models.enums import BijeenkomstStatus, DeelnemerStatus
from app.spelregels import (
    AanwezigheidStatus,
    OpvolgingStatus,
    pas_aan,
    plan_opvolgingen,
    standaard_spelregels,
)
from tests.spelregels import Bouwer, gezond_netwerk, netwerken_met_aanwezigheid, vind

AFWEZIG = AanwezigheidStatus.AFWEZIG


def mist(bouwer: Bouwer, naam: str, *volgnummers: int) -> None:
    for volgnummer in volgnummers:
        bouwer.aanwezigheid(bouwer.bijeenkomst_id(volgnummer), bouwer.zoek(naam), AFWEZIG)


def houd_bijeenkomst(bouwer: Bouwer) -> int:
    """A held bijeenkomst everyone attended; its volgnummer."""
    bijeenkomst_id = bouwer.bijeenkomst(gast=bouwer.zoek("Gemeente Assen"))
    bouwer.iedereen_aanwezig(bijeenkomst_id)
    return len(bouwer.bijeenkomsten)


def gepland(bouwer: Bouwer) -> list[tuple[str, str]]:
    """(deelnemer, kartrekker) by name, for the opvolgingen planned now."""
    namen = {d.id: d.naam for d in bouwer.deelnemers}
    return [
        (namen[o.deelnemer_id], namen[o.kartrekker_id])
        for o in plan_opvolgingen(bouwer.snapshot(), standaard_spelregels())
    ]


def test_a_colleague_kartrekker_calls_first() -> None:
    bouwer = gezond_netwerk()
    mist(bouwer, "Anna", 2, 3)
    mist(bouwer, "Klaas", 2, 3)
    assert gepland(bouwer) == [("Anna", "Nicoline"), ("Klaas", "Jurjen")]
    opvolging = plan_opvolgingen(bouwer.snapshot(), standaard_spelregels())[0]
    assert opvolging.bijeenkomst_id == bouwer.bijeenkomst_id(2)
    assert opvolging.gemiste_bijeenkomst_ids == (bouwer.bijeenkomst_id(2), bouwer.bijeenkomst_id(3))
    assert "Anna (Gemeente Assen) miste 2 bijeenkomsten op rij" in opvolging.reden
    assert "Bel" in opvolging.reden


def test_without_a_colleague_the_least_loaded_kartrekker_calls() -> None:
    bouwer = gezond_netwerk()
    mist(bouwer, "Henk", 2, 3)
    mist(bouwer, "Ineke", 2, 3)
    mist(bouwer, "Joost", 2, 3)
    # Equal load: by name. Then the work is spread.
    assert gepland(bouwer) == [("Henk", "Jurjen"), ("Ineke", "Nicoline"), ("Joost", "Jurjen")]


def test_open_opvolgingen_count_as_load() -> None:
    bouwer = gezond_netwerk()
    bouwer.opvolging(bouwer.zoek("Klaas"), bouwer.zoek("Jurjen"), None)
    bouwer.opvolging(bouwer.zoek("Lotte"), bouwer.zoek("Jurjen"), None, OpvolgingStatus.AFGEROND)
    mist(bouwer, "Henk", 2, 3)
    assert gepland(bouwer) == [("Henk", "Nicoline")]


def test_a_kartrekker_who_drifts_is_called_by_another() -> None:
    bouwer = gezond_netwerk()
    mist(bouwer, "Nicoline", 2, 3)
    assert gepland(bouwer) == [("Nicoline", "Jurjen")]


def test_no_kartrekker_no_opvolging_but_the_bevinding_says_so() -> None:
    bouwer = gezond_netwerk()
    bouwer.wijzig_deelnemer(bouwer.zoek("Jurjen"), kartrekker=False)
    mist(bouwer, "Nicoline", 2, 3)
    assert gepland(bouwer) == []
    [bevinding] = vind(bouwer.snapshot(), "afhaken")
    assert "geen (andere) kartrekker" in bevinding.melding


def test_one_opvolging_per_absence_run_even_after_it_was_closed() -> None:
    bouwer = gezond_netwerk()
    mist(bouwer, "Anna", 2, 3)
    [opvolging] = plan_opvolgingen(bouwer.snapshot(), standaard_spelregels())
    bouwer.opvolging(
        opvolging.deelnemer_id,
        opvolging.kartrekker_id,
        opvolging.bijeenkomst_id,
        OpvolgingStatus.AFGEROND,
    )
    assert gepland(bouwer) == []
    # The run grows: still the same run.
    nog_een = houd_bijeenkomst(bouwer)
    mist(bouwer, "Anna", nog_een)
    assert gepland(bouwer) == []
    [bevinding] = vind(bouwer.snapshot(), "afhaken")
    assert "al afgerond" in bevinding.melding
    # Anna comes back, then misses two again: a new run, a new call.
    houd_bijeenkomst(bouwer)
    weer_weg = houd_bijeenkomst(bouwer)
    nog_eens_weg = houd_bijeenkomst(bouwer)
    mist(bouwer, "Anna", weer_weg, nog_eens_weg)
    assert gepland(bouwer) == [("Anna", "Nicoline")]
    assert plan_opvolgingen(bouwer.snapshot(), standaard_spelregels())[0].bijeenkomst_id == (
        bouwer.bijeenkomst_id(weer_weg)
    )


def test_an_open_opvolging_from_an_earlier_run_is_not_doubled() -> None:
    bouwer = gezond_netwerk()
    bouwer.opvolging(bouwer.zoek("Anna"), bouwer.zoek("Nicoline"), bouwer.bijeenkomst_id(1))
    mist(bouwer, "Anna", 2, 3)
    assert gepland(bouwer) == []
    [bevinding] = vind(bouwer.snapshot(), "afhaken")
    assert "Nicoline heeft de opvolging al op de lijst" in bevinding.melding


def test_switched_off_plans_nothing() -> None:
    bouwer = gezond_netwerk()
    mist(bouwer, "Anna", 2, 3)
    uit = pas_aan(standaard_spelregels(), {"afhaken": {"ernst": "uit"}})
    assert plan_opvolgingen(bouwer.snapshot(), uit) == []


def test_the_parameter_decides_when_to_call() -> None:
    bouwer = gezond_netwerk()
    mist(bouwer, "Anna", 3)
    assert gepland(bouwer) == []
    een_keer = pas_aan(standaard_spelregels(), {"afhaken": {"parameters": {"aantalAfwezig": 1}}})
    assert len(plan_opvolgingen(bouwer.snapshot(), een_keer)) == 1


def verwachte_reeksen(bouwer: Bouwer, drempel: int, afmeldingen_tellen: bool) -> set[object]:
    """Independent oracle: trailing misses of each active member over registered held ones."""
    geregistreerd = {a.bijeenkomst_id for a in bouwer.aanwezigheden}
    gehouden = [
        b
        for b in bouwer.bijeenkomsten
        if b.status == BijeenkomstStatus.GEHOUDEN and b.id in geregistreerd
    ]
    status = {(a.bijeenkomst_id, a.deelnemer_id): a.status for a in bouwer.aanwezigheden}
    uitkomst = set()
    for deelnemer in bouwer.deelnemers:
        if deelnemer.status != DeelnemerStatus.ACTIEF:
            continue
        reeks: list[object] = []
        for bijeenkomst in gehouden:
            s = status.get((bijeenkomst.id, deelnemer.id), AFWEZIG)
            if s == AanwezigheidStatus.AANWEZIG:
                reeks = []
            elif s == AFWEZIG or afmeldingen_tellen:
                reeks.append(bijeenkomst.id)
        if len(reeks) >= drempel:
            uitkomst.add((deelnemer.id, reeks[0]))
    return uitkomst


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(netwerken_met_aanwezigheid())
def test_opvolgingen_go_to_kartrekkers_once_per_absence_run(
    geval: tuple[Bouwer, int, bool],
) -> None:
    bouwer, drempel, afmeldingen_tellen = geval
    spelregels = pas_aan(
        standaard_spelregels(),
        {
            "afhaken": {
                "parameters": {"aantalAfwezig": drempel, "afmeldingenTellen": afmeldingen_tellen}
            }
        },
    )
    snapshot = bouwer.snapshot()
    plan = plan_opvolgingen(snapshot, spelregels)
    kartrekkers = {d.id: d for d in snapshot.actieve_deelnemers if d.kartrekker}
    per_deelnemer = {d.id: d for d in snapshot.deelnemers}
    bestaand = {(o.deelnemer_id, o.bijeenkomst_id) for o in snapshot.opvolgingen}
    lopend = {o.deelnemer_id for o in snapshot.opvolgingen if o.lopend}
    reeksen = verwachte_reeksen(bouwer, drempel, afmeldingen_tellen)

    assert len({o.deelnemer_id for o in plan}) == len(plan)
    for opvolging in plan:
        # Always a kartrekker who is an active member, and never the member themself.
        assert opvolging.kartrekker_id in kartrekkers
        assert opvolging.kartrekker_id != opvolging.deelnemer_id
        assert (opvolging.deelnemer_id, opvolging.bijeenkomst_id) in reeksen
        assert (opvolging.deelnemer_id, opvolging.bijeenkomst_id) not in bestaand
        assert opvolging.deelnemer_id not in lopend
        deelnemer = per_deelnemer[opvolging.deelnemer_id]
        collega_s = [
            k
            for k in kartrekkers.values()
            if k.organisatie_id == deelnemer.organisatie_id and k.id != deelnemer.id
        ]
        if collega_s:
            assert kartrekkers[opvolging.kartrekker_id].organisatie_id == deelnemer.organisatie_id
    # Every run that is not answered yet and has someone to call gets its opvolging.
    te_bellen = {
        (d, b)
        for d, b in reeksen
        if (d, b) not in bestaand and d not in lopend and set(kartrekkers) - {d}
    }
    assert {(o.deelnemer_id, o.bijeenkomst_id) for o in plan} == te_bellen

    # Stored (in any status), the same runs never get a second opvolging.
    for opvolging in plan:
        bouwer.opvolging(
            opvolging.deelnemer_id,
            opvolging.kartrekker_id,
            opvolging.bijeenkomst_id,
            OpvolgingStatus.AFGEROND,
        )
    assert plan_opvolgingen(bouwer.snapshot(), spelregels) == []
