"""check: which blocking bevindingen forbid a transition or a write; and the joining status."""

from dataclasses import replace
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models.enums import DeelnemerStatus, NetwerkStatus
from app.spelregels import (
    CATALOGUS,
    Ernst,
    NetwerkSnapshot,
    Spelregels,
    bevindingen,
    check,
    pas_aan,
    standaard_spelregels,
    status_nieuwe_deelnemer,
)
from tests.spelregels import START, Bouwer, gezond_netwerk


def codes(
    snapshot: NetwerkSnapshot,
    spelregels: Spelregels | None = None,
    *,
    voor: NetwerkSnapshot | None = None,
) -> list[str]:
    gevonden = check(snapshot, spelregels or standaard_spelregels(), voor=voor)
    return [b.code for b in gevonden]


def concept_zoals_in_het_artikel() -> Bouwer:
    """One kartrekker, organisations that each send a single perspective."""
    bouwer = Bouwer(status=NetwerkStatus.CONCEPT)
    assen = bouwer.organisatie("Gemeente Assen")
    leeuwarden = bouwer.organisatie("Gemeente Leeuwarden")
    bouwer.deelnemer("Nicoline", assen, "organisatieontwikkeling", kartrekker=True)
    bouwer.deelnemer("Anna", assen, "organisatieontwikkeling")
    bouwer.deelnemer("Jurjen", leeuwarden, "beslisser")
    bouwer.deelnemer("Klaas", leeuwarden, "beslisser")
    return bouwer


def geactiveerd(bouwer: Bouwer) -> NetwerkSnapshot:
    return replace(bouwer.snapshot(), status=NetwerkStatus.ACTIEF)


def test_the_articles_network_cannot_start_until_repaired() -> None:
    bouwer = concept_zoals_in_het_artikel()
    # A concept may be incomplete: nothing blocks while it is being built.
    assert codes(bouwer.snapshot()) == []
    gevonden = check(geactiveerd(bouwer), standaard_spelregels())
    assert [(b.code, b.kenmerk) for b in gevonden] == [
        ("kartrekkers", "te-weinig-kartrekkers"),
        ("kartrekkers", "te-weinig-organisaties"),
        ("rollen-per-organisatie", str(bouwer.zoek("Gemeente Assen"))),
        ("rollen-per-organisatie", str(bouwer.zoek("Gemeente Leeuwarden"))),
    ]
    bouwer.wijzig_deelnemer(bouwer.zoek("Jurjen"), kartrekker=True)
    bouwer.wijzig_deelnemer(bouwer.zoek("Anna"), rol="jonge-hond")
    bouwer.wijzig_deelnemer(bouwer.zoek("Klaas"), rol="participatie")
    assert codes(geactiveerd(bouwer)) == []
    # Warnings are shown, never enforced: four people are fewer than the minimum of eight.
    assert "minimale-omvang" in {
        b.code for b in bevindingen(geactiveerd(bouwer), standaard_spelregels())
    }


def test_activation_without_a_topic_is_refused() -> None:
    bouwer = gezond_netwerk()
    bouwer.onderwerp = None
    bouwer.status = NetwerkStatus.CONCEPT
    assert codes(geactiveerd(bouwer), voor=bouwer.snapshot()) == ["onderwerp-afgebakend"]


def met_deelnemers(aantal: int) -> Bouwer:
    bouwer = gezond_netwerk()
    assen = bouwer.zoek("Gemeente Assen")
    for i in range(aantal - len(bouwer.deelnemers)):
        bouwer.deelnemer(f"Deelnemer {i}", assen, "participatie")
    return bouwer


def test_the_151st_deelnemer_is_refused() -> None:
    voor = met_deelnemers(150).snapshot()
    na = met_deelnemers(151).snapshot()
    assert codes(na, voor=voor) == ["omvang"]
    assert codes(met_deelnemers(150).snapshot(), voor=voor) == []


def test_removing_the_last_kartrekker_of_the_second_organisation_is_refused() -> None:
    bouwer = gezond_netwerk()
    bouwer.wijzig_deelnemer(bouwer.zoek("Anna"), kartrekker=True)
    voor = bouwer.snapshot()
    bouwer.wijzig_deelnemer(bouwer.zoek("Jurjen"), kartrekker=False)
    gevonden = check(bouwer.snapshot(), standaard_spelregels(), voor=voor)
    assert [b.kenmerk for b in gevonden] == ["te-weinig-organisaties"]
    assert "Gemeente Assen" in gevonden[0].melding
    # Removing one of the two from the same organisation is fine.
    bouwer.wijzig_deelnemer(bouwer.zoek("Jurjen"), kartrekker=True)
    bouwer.wijzig_deelnemer(bouwer.zoek("Anna"), kartrekker=False)
    assert codes(bouwer.snapshot(), voor=voor) == []


def test_a_write_breaking_a_rule_enforced_only_at_the_start_succeeds_with_a_warning() -> None:
    bouwer = gezond_netwerk()
    voor = bouwer.snapshot()
    # Three of the four from Drenthe leave: its perspectives thin out, but people may go.
    for naam in ("Ineke", "Joost", "Femke"):
        bouwer.wijzig_deelnemer(
            bouwer.zoek(naam), status=DeelnemerStatus.VERTROKKEN, tot=bouwer.peildatum
        )
    na = bouwer.snapshot()
    assert codes(na, voor=voor) == []
    gezien = {(b.code, b.ernst) for b in bevindingen(na, standaard_spelregels())}
    assert ("rollen-per-organisatie", Ernst.BLOKKEREND) in gezien
    # Resuming after a pause is not a new start either.
    assert codes(na, voor=replace(voor, status=NetwerkStatus.GEPAUZEERD)) == []


def test_a_network_already_out_of_order_can_be_repaired_step_by_step() -> None:
    bouwer = met_deelnemers(160)
    voor = bouwer.snapshot()
    assen = bouwer.zoek("Gemeente Assen")
    bouwer.deelnemer("Nog een", assen, "participatie")
    # Still too big, but not newly broken: the write (say, a role change) is not refused.
    assert codes(bouwer.snapshot(), voor=voor) == []
    # Without `voor` the same snapshot is judged as a start.
    assert codes(bouwer.snapshot()) == ["omvang"]


def test_finishing_a_network_is_never_blocked() -> None:
    bouwer = met_deelnemers(151)
    voor = bouwer.snapshot()
    assert codes(replace(voor, status=NetwerkStatus.AFGEROND), voor=voor) == []


def test_a_rule_set_to_warning_or_off_never_blocks() -> None:
    na = met_deelnemers(151).snapshot()
    for ernst in ("waarschuwing", "uit"):
        spelregels = pas_aan(standaard_spelregels(), {"omvang": {"ernst": ernst}})
        assert codes(na, spelregels) == []
    uit = pas_aan(standaard_spelregels(), {"omvang": {"ernst": "uit"}})
    assert "omvang" not in {b.code for b in bevindingen(na, uit)}


def test_joining_a_running_network_waits_for_a_kartrekker() -> None:
    snapshot = gezond_netwerk().snapshot()
    spelregels = standaard_spelregels()
    assert status_nieuwe_deelnemer(snapshot, spelregels) == DeelnemerStatus.AANGEVRAAGD
    gepauzeerd = replace(snapshot, status=NetwerkStatus.GEPAUZEERD)
    assert status_nieuwe_deelnemer(gepauzeerd, spelregels) == DeelnemerStatus.AANGEVRAAGD
    concept = replace(snapshot, status=NetwerkStatus.CONCEPT)
    assert status_nieuwe_deelnemer(concept, spelregels) == DeelnemerStatus.ACTIEF
    vrij = pas_aan(
        spelregels, {"stabiele-samenstelling": {"parameters": {"toetredenMetGoedkeuring": False}}}
    )
    assert status_nieuwe_deelnemer(snapshot, vrij) == DeelnemerStatus.ACTIEF
    uit = pas_aan(spelregels, {"stabiele-samenstelling": {"ernst": "uit"}})
    assert status_nieuwe_deelnemer(snapshot, uit) == DeelnemerStatus.ACTIEF


ERNSTEN = st.fixed_dictionaries(
    {d.code: st.sampled_from(["blokkerend", "waarschuwing", "uit"]) for d in CATALOGUS}
)


@st.composite
def netwerken(draw: st.DrawFn) -> Bouwer:
    """The healthy network with a random part of it gone, grown or changed."""
    bouwer = gezond_netwerk()
    for deelnemer in list(bouwer.deelnemers):
        keuze = draw(st.sampled_from(["blijft", "blijft", "vertrekt", "rol", "kartrekker"]))
        if keuze == "vertrekt":
            bouwer.wijzig_deelnemer(
                deelnemer.id, status=DeelnemerStatus.VERTROKKEN, tot=START + timedelta(days=60)
            )
        elif keuze == "rol":
            bouwer.wijzig_deelnemer(deelnemer.id, rol="beslisser")
        elif keuze == "kartrekker":
            bouwer.wijzig_deelnemer(deelnemer.id, kartrekker=not deelnemer.kartrekker)
    if draw(st.booleans()):
        bouwer.onderwerp = draw(st.sampled_from([None, "Democratie", bouwer.onderwerp]))
    bouwer.status = draw(st.sampled_from(list(NetwerkStatus)))
    return bouwer


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(netwerken(), netwerken(), ERNSTEN)
def test_check_only_ever_returns_blocking_bevindingen_of_a_running_network(
    voor: Bouwer, na: Bouwer, ernsten: dict[str, str]
) -> None:
    spelregels = pas_aan(standaard_spelregels(), {c: {"ernst": e} for c, e in ernsten.items()})
    na_snapshot, voor_snapshot = na.snapshot(), voor.snapshot()
    alle = bevindingen(na_snapshot, spelregels)
    for gevonden in (
        check(na_snapshot, spelregels),
        check(na_snapshot, spelregels, voor=voor_snapshot),
    ):
        assert all(b.ernst == Ernst.BLOKKEREND for b in gevonden)
        assert all(b in alle for b in gevonden)
        if na_snapshot.status not in (NetwerkStatus.ACTIEF, NetwerkStatus.GEPAUZEERD):
            assert gevonden == []
    assert all(spelregels[b.code].ernst != Ernst.UIT for b in alle)
    assert all(b.ernst == spelregels[b.code].ernst for b in alle)
    # A write that changes nothing is never refused.
    if voor_snapshot.lopend:
        assert check(voor_snapshot, spelregels, voor=voor_snapshot) == []
