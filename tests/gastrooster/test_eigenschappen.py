"""Property tests: the rotation keeps its rules on random networks, and survives change."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.gastrooster import RoosterOrganisatie, herplan, plan
from app.models.enums import BijeenkomstStatus
from tests.gastrooster import Brute, Org, Sessie, moment, organisaties, sessies

EIGENSCHAP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def klein_netwerk(draw: st.DrawFn, *, max_organisaties: int = 4) -> tuple[list[Org], list[Sessie]]:
    """Up to 4 organisations, up to 6 open bijeenkomsten after up to 2 held ones."""
    namen = "ABCD"[: draw(st.integers(2, max_organisaties))]
    gehouden = draw(st.lists(st.sampled_from(namen), max_size=2))
    aantal = len(gehouden) + draw(st.integers(1, 6))
    verhinderd = {
        nummer: "".join(sorted(draw(st.sets(st.sampled_from(namen), max_size=len(namen) - 1))))
        for nummer in range(aantal)
    }
    if draw(st.booleans()):
        verhinderd[draw(st.integers(0, aantal - 1))] = namen  # nobody can host that one
    bevestigd: dict[int, str] = {}
    if aantal - len(gehouden) > 1 and draw(st.booleans()):
        bevestigd[draw(st.integers(len(gehouden), aantal - 1))] = draw(st.sampled_from(namen))
    voorkeur: dict[int, str] = {}
    if draw(st.booleans()):
        voorkeur[draw(st.integers(0, aantal - 1))] = draw(st.sampled_from(namen))
    return organisaties(namen), sessies(
        aantal, verhinderd=verhinderd, gehouden=gehouden, bevestigd=bevestigd, voorkeur=voorkeur
    )


def _vast(bijeenkomsten: list[Sessie]) -> dict[int, str | None]:
    return {b.id: b.gastorganisatie for b in bijeenkomsten if b.gastorganisatie is not None}


@EIGENSCHAP
@given(klein_netwerk())
def test_plan_keeps_the_rules_as_well_as_any_assignment_can(
    netwerk: tuple[list[Org], list[Sessie]],
) -> None:
    orgs, bijeenkomsten = netwerk
    rooster = plan(orgs, bijeenkomsten)
    brute = Brute(orgs, bijeenkomsten)
    for bijeenkomst in bijeenkomsten:
        if bijeenkomst.gastorganisatie is not None:
            assert bijeenkomst.id not in rooster.toewijzing  # fixed hosts are not planned
            continue
        gast = rooster.toewijzing[bijeenkomst.id]
        kan = set("ABCD") & {o.id for o in orgs} - bijeenkomst.verhinderd
        if kan:
            assert gast in kan, "a host must be available"
        else:
            assert gast is None
            assert any(k.code == "niemand-beschikbaar" for k in rooster.knelpunten)
    beste = brute.beste()
    assert brute.score(rooster.toewijzing).sleutel() == beste.sleutel()
    assert len(rooster.rapport.beurtregel_geschonden) == beste.schendingen
    if beste.schendingen:
        assert rooster.beste_poging
        assert any(k.code == "beurtregel" and k.blokkeert for k in rooster.knelpunten)


@st.composite
def groot_netwerk(draw: st.DrawFn) -> tuple[list[Org], list[Sessie]]:
    """Up to 8 organisations and 16 bijeenkomsten, each with at most two verhinderd."""
    namen = "ABCDEFGH"[: draw(st.integers(3, 8))]
    aantal = draw(st.integers(4, 16))
    verhinderd = {
        nummer: "".join(draw(st.sets(st.sampled_from(namen), max_size=2)))
        for nummer in range(aantal)
    }
    return organisaties(namen), sessies(aantal, verhinderd=verhinderd)


@EIGENSCHAP
@given(groot_netwerk())
def test_nobody_hosts_twice_before_everyone_hosted_once_in_a_fair_plan(
    netwerk: tuple[list[Org], list[Sessie]],
) -> None:
    orgs, bijeenkomsten = netwerk
    rooster = plan(orgs, bijeenkomsten)
    gehost: set[str] = set()
    kan_ooit = {o.id for o in orgs for b in bijeenkomsten if o.id not in b.verhinderd}
    for bijeenkomst in bijeenkomsten:
        gast = rooster.toewijzing[bijeenkomst.id]
        assert gast is not None
        assert gast not in bijeenkomst.verhinderd
        if rooster.eerlijk and gast in gehost:
            assert kan_ooit <= gehost, f"{gast} hosts again before {kan_ooit - gehost} did"
        gehost.add(gast)
    if rooster.eerlijk:
        assert all(abs(v.afwijking) < 1 for v in rooster.rapport.per_organisatie)
    else:
        assert rooster.knelpunten, "a plan marked as best possible says why"


@EIGENSCHAP
@given(st.integers(2, 7), st.integers(2, 20))
def test_without_unavailability_the_rotation_goes_round_in_a_fixed_order(
    aantal_organisaties: int, aantal: int
) -> None:
    orgs = organisaties("ABCDEFG"[:aantal_organisaties])
    rooster = plan(orgs, sessies(aantal))
    volgorde = [rooster.toewijzing[nummer] for nummer in range(aantal)]
    assert rooster.eerlijk
    ronde = volgorde[:aantal_organisaties]
    assert len(set(ronde)) == len(ronde)
    assert volgorde == [ronde[n % aantal_organisaties] for n in range(aantal)]


@EIGENSCHAP
@given(klein_netwerk())
def test_replanning_an_unchanged_network_changes_nothing(
    netwerk: tuple[list[Org], list[Sessie]],
) -> None:
    orgs, bijeenkomsten = netwerk
    eerste = plan(orgs, bijeenkomsten)
    opnieuw = herplan(orgs, bijeenkomsten, eerste.toewijzing)
    assert opnieuw.wijzigingen == ()
    assert opnieuw.toewijzing == eerste.toewijzing


@st.composite
def verandering(draw: st.DrawFn) -> tuple[list[Org], list[Sessie], list[Org], list[Sessie]]:
    """A small network before and after a join, a leave or a cancellation."""
    orgs, bijeenkomsten = draw(klein_netwerk(max_organisaties=3))
    open_ = [b for b in bijeenkomsten if b.gastorganisatie is None]
    soort = draw(st.sampled_from(["komt", "gaat", "vervalt"]))
    if soort == "komt":
        vanaf = draw(st.sampled_from(open_)).start
        verhinderd = draw(st.sets(st.sampled_from([b.id for b in bijeenkomsten])))
        nieuw = [*orgs, RoosterOrganisatie(id="N", vanaf=vanaf)]
        na = [
            replace(b, verhinderd=b.verhinderd | {"N"}) if b.id in verhinderd else b
            for b in bijeenkomsten
        ]
        return orgs, bijeenkomsten, nieuw, na
    if soort == "gaat":
        weg = draw(st.sampled_from(orgs)).id
        tot = draw(st.sampled_from(open_)).start
        return (
            orgs,
            bijeenkomsten,
            [replace(o, tot=tot) if o.id == weg else o for o in orgs],
            bijeenkomsten,
        )
    vervalt = draw(st.sampled_from(open_)).id
    na = [
        replace(b, status=BijeenkomstStatus.GEANNULEERD) if b.id == vervalt else b
        for b in bijeenkomsten
    ]
    return orgs, bijeenkomsten, orgs, na


@EIGENSCHAP
@given(verandering())
def test_a_change_moves_only_open_bijeenkomsten_and_as_few_as_the_rules_allow(
    geval: tuple[list[Org], list[Sessie], list[Org], list[Sessie]],
) -> None:
    orgs, bijeenkomsten, orgs_na, bijeenkomsten_na = geval
    voor = plan(orgs, bijeenkomsten)
    na = herplan(orgs_na, bijeenkomsten_na, voor.toewijzing)
    assert not set(na.toewijzing) & set(_vast(bijeenkomsten_na)), "fixed hosts never move"
    brute = Brute(orgs_na, bijeenkomsten_na, voor.toewijzing)
    beste = brute.beste()
    assert brute.score(na.toewijzing).sleutel() == beste.sleutel()
    # Gaining a host where there was none, or losing it where nobody can, is no choice made.
    gekozen = [w for w in na.wijzigingen if w.van is not None and w.naar is not None]
    assert len(gekozen) == beste.wijzigingen


@EIGENSCHAP
@given(st.integers(2, 6), st.data())
def test_a_newcomer_changes_only_the_bijeenkomsten_needed_to_fit_it_in(
    aantal_organisaties: int, data: st.DataObject
) -> None:
    """After a first round, a newcomer hosts next, and the rest of the plan stays put.

    Fitting it in: the bijeenkomsten it takes over, and where that leaves the organisation
    that gave one up below its fair share, one bijeenkomst back to that organisation.
    """
    orgs = organisaties("ABCDEF"[:aantal_organisaties])
    aantal = data.draw(st.integers(aantal_organisaties + 1, 16))
    gehouden_aantal = data.draw(st.integers(aantal_organisaties, aantal - 1))
    eerst = plan(orgs, sessies(aantal))
    gehouden = [eerst.toewijzing[n] or "" for n in range(gehouden_aantal)]
    bijeenkomsten = sessies(aantal, gehouden=gehouden)
    vorige = {n: eerst.toewijzing[n] for n in range(gehouden_aantal, aantal)}
    vanaf = data.draw(st.integers(gehouden_aantal, aantal - 1))
    na = herplan([*orgs, RoosterOrganisatie(id="N", vanaf=moment(vanaf))], bijeenkomsten, vorige)
    beurten_nieuw = [n for n, gast in na.toewijzing.items() if gast == "N"]
    assert beurten_nieuw, "the newcomer gets its turn"
    assert min(beurten_nieuw) == vanaf, "nobody hosts again before the newcomer had a turn"
    naar_nieuw = [w for w in na.wijzigingen if w.naar == "N"]
    assert sorted(w.bijeenkomst for w in naar_nieuw) == beurten_nieuw
    gevers = {w.van for w in naar_nieuw}
    terug = [w for w in na.wijzigingen if w.naar != "N"]
    assert all(w.naar in gevers for w in terug), "other changes only compensate a giver"
    assert len(terug) <= len(naar_nieuw)
    assert na.eerlijk
