"""The health figures: what a frontend draws, and that the numbers add up."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings

from app.models.enums import BijeenkomstStatus, DeelnemerStatus, LeervraagSoort, NetwerkStatus
from app.spelregels import (
    AanwezigheidStatus,
    BijdrageSoort,
    Gezondheid,
    Selectie,
    gezondheid,
    pas_aan,
    standaard_spelregels,
)
from app.spelregels.looptijd import Looptijd
from tests.spelregels import START, Bouwer, gezond_netwerk, netwerken_met_aanwezigheid


def figuren(bouwer: Bouwer) -> Gezondheid:
    return gezondheid(bouwer.snapshot(), standaard_spelregels())


def test_role_matrix_has_a_row_per_organisation_and_a_column_per_role() -> None:
    bouwer = gezond_netwerk()
    for naam in ("Henk", "Ineke", "Joost"):
        bouwer.wijzig_deelnemer(bouwer.zoek(naam), rol="beslisser")
    bouwer.deelnemer("Wim", bouwer.zoek("Gemeente Assen"), "raadsgriffier")
    matrix = figuren(bouwer).rollen
    assert matrix.rollen == (
        "beslisser",
        "organisatieontwikkeling",
        "participatie",
        "jonge-hond",
        "raadsgriffier",
    )
    assert matrix.vereist == matrix.rollen[:4]
    assert matrix.minimum_aantal == 2
    rijen = {r.organisatie: (r.aantallen, r.ingevulde_rollen) for r in matrix.rijen}
    assert rijen == {
        "Gemeente Assen": ((1, 1, 1, 1, 1), 4),
        "Gemeente Leeuwarden": ((1, 1, 1, 1, 0), 4),
        "Provincie Drenthe": ((3, 0, 0, 1, 0), 2),
    }


def test_role_matrix_follows_the_networks_roles_parameter() -> None:
    spelregels = pas_aan(
        standaard_spelregels(),
        {"rollen-per-organisatie": {"parameters": {"rollen": ["jonge-hond"], "minimumAantal": 1}}},
    )
    matrix = gezondheid(gezond_netwerk().snapshot(), spelregels).rollen
    assert matrix.rollen[0] == "jonge-hond"
    assert matrix.vereist == ("jonge-hond",)
    assert all(r.ingevulde_rollen == 1 for r in matrix.rijen)


def test_attendance_per_deelnemer_and_organisation() -> None:
    bouwer = gezond_netwerk()
    anna, pieter = bouwer.zoek("Anna"), bouwer.zoek("Pieter")
    bouwer.aanwezigheid(bouwer.bijeenkomst_id(2), anna, AanwezigheidStatus.AFGEMELD)
    bouwer.aanwezigheid(bouwer.bijeenkomst_id(3), anna, AanwezigheidStatus.AFWEZIG)
    # Pieter joined after the first bijeenkomst: he was not expected there.
    bouwer.wijzig_deelnemer(pieter, sinds=START + timedelta(days=20))
    bouwer.aanwezigheden = [
        a
        for a in bouwer.aanwezigheden
        if (a.deelnemer_id, a.bijeenkomst_id) != (pieter, bouwer.bijeenkomst_id(1))
    ]
    cijfers = figuren(bouwer)
    per_deelnemer = {o.deelnemer_id: o.opkomst for o in cijfers.opkomst_per_deelnemer}
    assert per_deelnemer[anna].verwacht == 3
    assert (per_deelnemer[anna].aanwezig, per_deelnemer[anna].afgemeld) == (1, 1)
    assert per_deelnemer[anna].afwezig == 1
    assert per_deelnemer[anna].fractie == 1 / 3
    assert per_deelnemer[pieter].verwacht == 2
    assert per_deelnemer[pieter].fractie == 1.0
    per_organisatie = {o.organisatie_id: o.opkomst for o in cijfers.opkomst_per_organisatie}
    assen = per_organisatie[bouwer.zoek("Gemeente Assen")]
    assert (assen.verwacht, assen.aanwezig) == (11, 9)
    assert per_organisatie[bouwer.zoek("Gemeente Leeuwarden")].fractie == 1.0
    per_bijeenkomst = {b.volgnummer: (b.verwacht, b.aanwezig) for b in cijfers.bijeenkomsten}
    assert per_bijeenkomst == {1: (11, 11), 2: (12, 11), 3: (12, 11)}


def test_producers_and_consumers() -> None:
    bouwer = gezond_netwerk()
    anna, sanne = bouwer.zoek("Anna"), bouwer.zoek("Sanne")
    bouwer.zonder_leervragen(anna)
    bouwer.zonder_leervragen(sanne)
    bouwer.bijeenkomst(
        status=BijeenkomstStatus.GEPLAND, bijdragen=((sanne, BijdrageSoort.FACILITATOR),)
    )
    producenten = figuren(bouwer).producenten
    assert producenten.consument_ids == (anna,)
    assert sanne in producenten.producent_ids
    assert len(producenten.producent_ids) == 11


def test_churn_since_the_start() -> None:
    bouwer = gezond_netwerk()
    bouwer.wijzig_deelnemer(
        bouwer.zoek("Anna"), status=DeelnemerStatus.VERTROKKEN, tot=START + timedelta(days=40)
    )
    bouwer.wijzig_deelnemer(
        bouwer.zoek("Pieter"), status=DeelnemerStatus.VERTROKKEN, tot=START + timedelta(days=80)
    )
    bouwer.deelnemer(
        "Bram",
        bouwer.zoek("Gemeente Assen"),
        "jonge-hond",
        sinds=START + timedelta(days=41),
        vervangt=bouwer.zoek("Anna"),
    )
    verloop = figuren(bouwer).verloop
    assert (verloop.bij_start, verloop.vertrokken, verloop.ingestroomd) == (12, 2, 1)
    assert verloop.fractie == 2 / 12
    assert [(w.organisatie_id, w.vertrokken) for w in verloop.per_organisatie] == [
        (bouwer.zoek("Gemeente Assen"), 2)
    ]
    # Before the start there is nothing to measure yet.
    bouwer.status = NetwerkStatus.CONCEPT
    assert figuren(bouwer).verloop.fractie is None


def test_hosting_spread() -> None:
    bouwer = gezond_netwerk()
    waterschap = bouwer.organisatie("Waterschap Noorderzijlvest")
    bouwer.deelnemer("Willem", waterschap, "participatie")
    bouwer.bijeenkomst(gast=bouwer.zoek("Gemeente Assen"), mede=(bouwer.zoek("Provincie Drenthe"),))
    bouwer.bijeenkomst(status=BijeenkomstStatus.GEPLAND, gast=waterschap)
    spreiding = figuren(bouwer).gastspreiding
    per = {
        g.organisatie_id: (g.gastheer, g.mede_organisator, g.gepland)
        for g in spreiding.organisaties
    }
    assert per == {
        bouwer.zoek("Gemeente Assen"): (2, 0, 0),
        bouwer.zoek("Gemeente Leeuwarden"): (1, 0, 0),
        bouwer.zoek("Provincie Drenthe"): (1, 1, 0),
        waterschap: (0, 0, 1),
    }
    assert (spreiding.deelnemende_organisaties, spreiding.aan_de_beurt_geweest) == (4, 3)


def test_learning_value_and_fun_per_bijeenkomst() -> None:
    bouwer = gezond_netwerk()
    bouwer.evaluatie(bouwer.bijeenkomst_id(2), 2, 5)
    bijeenkomsten = figuren(bouwer).bijeenkomsten
    assert [(b.volgnummer, b.evaluaties, b.leerwaarde, b.plezier) for b in bijeenkomsten] == [
        (1, 1, 4.0, 4.0),
        (2, 2, 3.0, 4.5),
        (3, 1, 4.0, 4.0),
    ]
    bouwer.evaluaties = []
    assert figuren(bouwer).bijeenkomsten[0].leerwaarde is None


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(netwerken_met_aanwezigheid())
def test_the_attendance_figures_add_up(geval: tuple[Bouwer, int, bool]) -> None:
    bouwer, _, _ = geval
    cijfers = figuren(bouwer)
    per_deelnemer = cijfers.opkomst_per_deelnemer
    for rij in per_deelnemer:
        opkomst = rij.opkomst
        assert opkomst.aanwezig + opkomst.afgemeld + opkomst.afwezig == opkomst.verwacht
        assert opkomst.fractie is None or 0 <= opkomst.fractie <= 1
    for rij in cijfers.opkomst_per_organisatie:
        leden = [d.opkomst for d in per_deelnemer if d.organisatie_id == rij.organisatie_id]
        assert rij.opkomst.verwacht == sum(o.verwacht for o in leden)
        assert rij.opkomst.aanwezig == sum(o.aanwezig for o in leden)
    assert sum(b.aanwezig for b in cijfers.bijeenkomsten) == sum(
        d.opkomst.aanwezig for d in per_deelnemer
    )
    actief = {d.id for d in bouwer.snapshot().actieve_deelnemers}
    producenten = cijfers.producenten
    assert set(producenten.producent_ids) | set(producenten.consument_ids) == actief
    assert not set(producenten.producent_ids) & set(producenten.consument_ids)


def test_findings_weightiest_first_and_per_person_grouped() -> None:
    bouwer = gezond_netwerk()
    anna, sanne = bouwer.zoek("Anna"), bouwer.zoek("Sanne")
    for naam in ("Sanne", "Anna"):
        bouwer.zonder_leervragen(bouwer.zoek(naam))
    # Sanne brings something: she misses only a question to take, and is no consumer.
    bouwer.leervraag(sanne, LeervraagSoort.BRENGEN)
    bouwer.wijzig_deelnemer(bouwer.zoek("Henk"), rol="jonge-hond")
    bouwer.wijzig_deelnemer(bouwer.zoek("Ineke"), rol="jonge-hond")
    bouwer.wijzig_deelnemer(bouwer.zoek("Joost"), rol="jonge-hond")
    spelregels = pas_aan(
        standaard_spelregels(),
        {
            "leervragen-opgehaald": {"ernst": "blokkerend"},
            "minimale-omvang": {"parameters": {"minimum": 20}},
        },
    )
    cijfers = gezondheid(bouwer.snapshot(), spelregels)
    assert [(b.code, b.ernst.value, b.niveau.value) for b in cijfers.bevindingen] == [
        ("rollen-per-organisatie", "blokkerend", "organisatie"),
        ("minimale-omvang", "waarschuwing", "netwerk"),
    ]
    per = cijfers.bevindingen_per_deelnemer
    assert [(p.naam, p.ernst.value) for p in per] == [
        ("Anna", "blokkerend"),
        ("Sanne", "blokkerend"),
    ]
    assert [b.code for b in per[0].bevindingen] == ["leervragen-opgehaald", "geen-consumenten"]
    assert [b.code for b in per[1].bevindingen] == ["leervragen-opgehaald"]
    assert (per[0].deelnemer_id, per[1].deelnemer_id) == (anna, sanne)

    alleen = gezondheid(
        bouwer.snapshot(), spelregels, Selectie(codes=frozenset({"geen-consumenten"}))
    )
    assert alleen.bevindingen == ()
    assert [p.deelnemer_id for p in alleen.bevindingen_per_deelnemer] == [anna]


def test_the_term_in_words() -> None:
    jaar = Looptijd(startdatum=date(2027, 1, 1), geplande_einddatum=date(2028, 1, 1))
    assert jaar.omschrijving == "Van 1 januari 2027 tot en met 1 januari 2028 (12 maanden)."
    assert jaar.afwijking(date(2027, 6, 1)) is None
    assert jaar.afwijking(date(2028, 1, 1)) is None
    assert jaar.afwijking(date(2029, 4, 12)) == (
        "15 maanden na het geplande einde (1 januari 2028)"
    )
    assert jaar.afwijking(date(2026, 12, 10)) == "22 dagen vóór de start (1 januari 2027)"
    assert jaar.afwijking(date(2026, 12, 31)) == "1 dag vóór de start (1 januari 2027)"
    geen = Looptijd(startdatum=None, geplande_einddatum=None)
    assert geen.afwijking(date(2040, 1, 1)) is None
    assert "geen looptijd" in geen.omschrijving
    assert (
        "geen gepland einde"
        in Looptijd(startdatum=date(2027, 1, 1), geplande_einddatum=None).omschrijving
    )
