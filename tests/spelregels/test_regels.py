"""Each rule, table-driven: a healthy network broken one way, with and without its parameters.

Every rule has a case that passes, a case that breaks it, and (when it has parameters) a case
where only a parameter flips the outcome. The cases run through the catalogue and the registry
(`bevindingen`), so they fail when a rule is removed as well as when its parameter is ignored.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.models.enums import (
    BijeenkomstStatus,
    DeelnemerStatus,
    LeervraagSoort,
    LeervraagStatus,
    NetwerkStatus,
    OrganisatieSoort,
)
from app.spelregels import AanwezigheidStatus, BijdrageSoort
from app.spelregels import catalogus as c
from tests.spelregels import START, Bouwer, gezond_netwerk, uitkomst

Wijziging = Callable[[Bouwer], None]
AFWEZIG = AanwezigheidStatus.AFWEZIG
AFGEMELD = AanwezigheidStatus.AFGEMELD


def alles(*wijzigingen: Wijziging) -> Wijziging:
    def samen(bouwer: Bouwer) -> None:
        for wijziging in wijzigingen:
            wijziging(bouwer)

    return samen


def niets(bouwer: Bouwer) -> None:
    """The healthy network as it is."""


def deelnemer(naam: str, **wijzigingen: Any) -> Wijziging:
    return lambda b: b.wijzig_deelnemer(b.zoek(naam), **wijzigingen)


def vertrekt(naam: str, dagen_na_start: int = 100) -> Wijziging:
    return deelnemer(
        naam, status=DeelnemerStatus.VERTROKKEN, tot=START + timedelta(days=dagen_na_start)
    )


def onderwerp(tekst: str | None) -> Wijziging:
    return lambda b: setattr(b, "onderwerp", tekst)


def afwezig(naam: str, volgnummer: int, status: AanwezigheidStatus = AFWEZIG) -> Wijziging:
    return lambda b: b.aanwezigheid(b.bijeenkomst_id(volgnummer), b.zoek(naam), status)


def extra_organisatie(naam: str, mensen: int = 2) -> Wijziging:
    def toevoegen(bouwer: Bouwer) -> None:
        organisatie_id = bouwer.organisatie(naam, OrganisatieSoort.WATERSCHAP)
        for i, rol in enumerate(("beslisser", "participatie", "jonge-hond")[:mensen]):
            bouwer.deelnemer(f"{naam} {i + 1}", organisatie_id, rol)

    return toevoegen


def gehouden_bijeenkomsten(aantal: int, leerwaarde: int = 4, plezier: int = 4) -> Wijziging:
    def houden(bouwer: Bouwer) -> None:
        for _ in range(aantal):
            bijeenkomst_id = bouwer.bijeenkomst(gast=bouwer.organisaties[0].id)
            bouwer.iedereen_aanwezig(bijeenkomst_id)
            bouwer.evaluatie(bijeenkomst_id, leerwaarde, plezier)

    return houden


def extra_deelnemers(aantal: int, status: DeelnemerStatus = DeelnemerStatus.ACTIEF) -> Wijziging:
    def toevoegen(bouwer: Bouwer) -> None:
        organisatie_id = bouwer.zoek("Gemeente Assen")
        for i in range(aantal):
            bouwer.deelnemer(
                f"Extra {status.value} {i}", organisatie_id, "participatie", status=status
            )

    return toevoegen


def zonder_leervraag(naam: str, soort: LeervraagSoort | None = None) -> Wijziging:
    return lambda b: b.zonder_leervragen(b.zoek(naam), soort)


ZESTIG_WOORDEN = " ".join(["participatie"] * 40)

ONDERWERP = [
    (niets, {}, []),
    (onderwerp(None), {}, ["ontbreekt"]),
    (onderwerp("   "), {}, ["ontbreekt"]),
    (onderwerp("Democratie"), {}, ["te-vaag"]),
    (onderwerp("Democratie"), {"minimumWoorden": 1}, []),
    (niets, {"minimumWoorden": 12}, ["te-vaag"]),
    (onderwerp(ZESTIG_WOORDEN), {}, ["te-breed"]),
    (onderwerp(ZESTIG_WOORDEN), {"maximumWoorden": 40}, []),
]

KARTREKKERS = [
    (niets, {}, []),
    (
        deelnemer("Jurjen", kartrekker=False),
        {},
        ["te-weinig-kartrekkers", "te-weinig-organisaties"],
    ),
    (
        alles(deelnemer("Jurjen", kartrekker=False), deelnemer("Anna", kartrekker=True)),
        {},
        ["te-weinig-organisaties"],
    ),
    (
        alles(deelnemer("Jurjen", kartrekker=False), deelnemer("Anna", kartrekker=True)),
        {"minimumOrganisaties": 1},
        [],
    ),
    (niets, {"minimumAantal": 3}, ["te-weinig-kartrekkers"]),
    (
        deelnemer("Jurjen", status=DeelnemerStatus.AANGEVRAAGD),
        {},
        ["te-weinig-kartrekkers", "te-weinig-organisaties"],
    ),
    (vertrekt("Jurjen"), {}, ["te-weinig-kartrekkers", "te-weinig-organisaties"]),
    (
        alles(deelnemer("Jurjen", kartrekker=False), deelnemer("Nicoline", kartrekker=False)),
        {},
        ["te-weinig-kartrekkers"],
    ),
]

DRENTHE = ("Henk", "Ineke", "Joost", "Femke")

DRENTHE_TWEE_ROLLEN = alles(*(deelnemer(n, rol="beslisser") for n in DRENTHE[:2]))

ROLLEN = [
    (niets, {}, []),
    (
        alles(*(deelnemer(n, rol="beslisser") for n in DRENTHE)),
        {},
        ["Provincie Drenthe"],
    ),
    (DRENTHE_TWEE_ROLLEN, {}, []),
    (DRENTHE_TWEE_ROLLEN, {"minimumAantal": 4}, ["Provincie Drenthe"]),
    (
        alles(*(deelnemer(n, rol="jonge-hond") for n in DRENTHE)),
        {"rollen": ["jonge-hond", "beslisser"], "minimumAantal": 1},
        [],
    ),
    (alles(*(vertrekt(n) for n in DRENTHE[1:])), {}, ["Provincie Drenthe"]),
    (niets, {"minimumAantal": 4}, []),
    # A network that wants a raadslid at the table from every organisation.
    (
        niets,
        {"rollen": ["beslisser", "raadslid"], "minimumAantal": 2},
        ["Gemeente Assen", "Gemeente Leeuwarden", "Provincie Drenthe"],
    ),
]

SOORTEN = [
    (niets, {}, []),
    (alles(*(vertrekt(n) for n in DRENTHE)), {}, ["te-weinig-soorten"]),
    (
        lambda b: b.wijzig_organisatie(
            b.zoek("Provincie Drenthe"), soort=OrganisatieSoort.GEMEENTE
        ),
        {},
        ["te-weinig-soorten"],
    ),
    (
        lambda b: b.wijzig_organisatie(
            b.zoek("Provincie Drenthe"), soort=OrganisatieSoort.GEMEENTE
        ),
        {"minimumAantal": 1},
        [],
    ),
    (niets, {"minimumAantal": 3}, ["te-weinig-soorten"]),
    (extra_organisatie("Waterschap Hunze en Aa's"), {"minimumAantal": 3}, []),
]

ANNA_ZONDER_LEERVRAGEN = zonder_leervraag("Anna")
ANNA_BRENGT_NIETS = zonder_leervraag("Anna", LeervraagSoort.BRENGEN)

LEERVRAGEN = [
    (niets, {}, []),
    (zonder_leervraag("Anna", LeervraagSoort.HALEN), {}, ["Anna"]),
    (ANNA_ZONDER_LEERVRAGEN, {}, ["Anna"]),
    (ANNA_ZONDER_LEERVRAGEN, {"naAantalBijeenkomsten": 4}, []),
    (ANNA_ZONDER_LEERVRAGEN, {"naAantalBijeenkomsten": 3}, ["Anna"]),
    (alles(zonder_leervraag("Anna"), vertrekt("Anna")), {}, []),
]

WATERSCHAPPEN = alles(
    extra_organisatie("Waterschap A"),
    extra_organisatie("Waterschap B"),
    extra_organisatie("Waterschap C"),
)

IEDEREEN_ORGANISEERT = [
    (niets, {}, []),
    # One organisation to go and a planned bijeenkomst with room: nothing to say yet.
    (extra_organisatie("Waterschap A"), {}, []),
    (WATERSCHAPPEN, {}, ["niet-iedereen-aan-de-beurt"]),
    (WATERSCHAPPEN, {"organisatorenPerBijeenkomst": 3}, []),
    (
        alles(WATERSCHAPPEN, lambda b: b.bijeenkomst(status=BijeenkomstStatus.GEPLAND)),
        {},
        [],
    ),
    (
        alles(
            extra_organisatie("Waterschap A"),
            lambda b: setattr(b, "peildatum", START + timedelta(days=800)),
        ),
        {},
        ["niet-iedereen-aan-de-beurt"],
    ),
    (
        alles(
            extra_organisatie("Waterschap A"),
            lambda b: setattr(b, "peildatum", START + timedelta(days=800)),
            lambda b: b.bijeenkomst(gast=b.zoek("Gemeente Assen"), mede=(b.zoek("Waterschap A"),)),
        ),
        {},
        [],
    ),
    (
        alles(
            extra_organisatie("Waterschap A"),
            lambda b: setattr(b, "status", NetwerkStatus.AFGEROND),
            lambda b: b.bijeenkomst(
                bijdragen=((b.zoek("Waterschap A 1"), BijdrageSoort.ORGANISATOR),)
            ),
        ),
        {},
        [],
    ),
    (
        alles(
            extra_organisatie("Waterschap A"),
            lambda b: setattr(b, "status", NetwerkStatus.AFGEROND),
            lambda b: b.bijeenkomst(
                status=BijeenkomstStatus.GEANNULEERD, gast=b.zoek("Waterschap A")
            ),
        ),
        {},
        ["niet-iedereen-aan-de-beurt"],
    ),
]

GEEN_CONSUMENTEN = [
    (niets, {}, []),
    (ANNA_BRENGT_NIETS, {}, ["Anna"]),
    (ANNA_BRENGT_NIETS, {"naAantalBijeenkomsten": 4}, []),
    (niets, {"naAantalBijeenkomsten": 1}, []),
    (
        alles(
            zonder_leervraag("Anna", LeervraagSoort.BRENGEN),
            lambda b: b.bijeenkomst(
                status=BijeenkomstStatus.GEPLAND,
                bijdragen=((b.zoek("Anna"), BijdrageSoort.PRESENTATOR),),
            ),
        ),
        {},
        [],
    ),
    (
        alles(
            zonder_leervraag("Anna", LeervraagSoort.BRENGEN),
            lambda b: b.bijeenkomst(
                status=BijeenkomstStatus.GEANNULEERD,
                bijdragen=((b.zoek("Anna"), BijdrageSoort.PRESENTATOR),),
            ),
        ),
        {},
        ["Anna"],
    ),
    (
        alles(
            zonder_leervraag("Anna", LeervraagSoort.BRENGEN),
            deelnemer("Anna", sinds=START + timedelta(days=30)),
        ),
        {},
        [],
    ),
    (zonder_leervraag("Nicoline", LeervraagSoort.BRENGEN), {}, []),
]

ANNA_MIST_TWEE = alles(afwezig("Anna", 2), afwezig("Anna", 3))
ANNA_MIST_EEN = afwezig("Anna", 3)
ANNA_AFGEMELD_EN_AFWEZIG = alles(afwezig("Anna", 2, AFGEMELD), afwezig("Anna", 3))

AFHAKEN = [
    (niets, {}, []),
    (ANNA_MIST_TWEE, {}, ["Anna:b2"]),
    (ANNA_MIST_EEN, {}, []),
    (ANNA_MIST_EEN, {"aantalAfwezig": 1}, ["Anna:b3"]),
    (ANNA_MIST_TWEE, {"aantalAfwezig": 3}, []),
    (alles(afwezig("Anna", 1), afwezig("Anna", 2), afwezig("Anna", 3)), {}, ["Anna:b1"]),
    (ANNA_AFGEMELD_EN_AFWEZIG, {}, ["Anna:b2"]),
    (ANNA_AFGEMELD_EN_AFWEZIG, {"afmeldingenTellen": False}, []),
    # With afmeldingen not counted, an afmelding does not break the run either.
    (
        alles(afwezig("Anna", 1), afwezig("Anna", 2, AFGEMELD), afwezig("Anna", 3)),
        {"afmeldingenTellen": False},
        ["Anna:b1"],
    ),
    (alles(afwezig("Anna", 1), afwezig("Anna", 3)), {}, []),
    (alles(afwezig("Anna", 2), afwezig("Anna", 3), vertrekt("Anna", 20)), {}, []),
    # Not on the list of a bijeenkomst whose attendance was taken: absent.
    (
        lambda b: setattr(
            b,
            "aanwezigheden",
            [
                a
                for a in b.aanwezigheden
                if not (
                    a.deelnemer_id == b.zoek("Anna") and a.bijeenkomst_id != b.bijeenkomst_id(1)
                )
            ],
        ),
        {},
        ["Anna:b2"],
    ),
    # A bijeenkomst whose attendance was never taken says nothing about anyone.
    (
        alles(afwezig("Anna", 3), lambda b: b.bijeenkomst(), lambda b: b.bijeenkomst()),
        {},
        [],
    ),
]

DRIE_VERTREKKEN = alles(vertrekt("Anna"), vertrekt("Klaas"), vertrekt("Henk"))
TWEE_UIT_ASSEN_VERTREKKEN = alles(vertrekt("Anna"), vertrekt("Pieter"))
AANVRAAG = extra_deelnemers(1, DeelnemerStatus.AANGEVRAAGD)

STABIEL = [
    (niets, {}, []),
    (DRIE_VERTREKKEN, {}, ["verloop"]),
    (DRIE_VERTREKKEN, {"maximaalVerloop": 0.3}, []),
    (TWEE_UIT_ASSEN_VERTREKKEN, {}, ["wisselingen:Gemeente Assen"]),
    (TWEE_UIT_ASSEN_VERTREKKEN, {"maximaalWisselingenPerOrganisatie": 2}, []),
    # Leaving before the start is not churn.
    (alles(vertrekt("Anna", -10), vertrekt("Pieter", -5)), {}, []),
    (
        lambda b: b.deelnemer(
            "Bram",
            b.zoek("Gemeente Assen"),
            sinds=START + timedelta(days=50),
            vervangt=b.zoek("Klaas"),
        ),
        {},
        ["vervanging:Bram"],
    ),
    (
        lambda b: b.deelnemer(
            "Bram",
            b.zoek("Gemeente Assen"),
            sinds=START + timedelta(days=50),
            vervangt=b.zoek("Anna"),
        ),
        {},
        ["vervanging:Bram"],
    ),
    (
        alles(
            vertrekt("Anna"),
            lambda b: b.deelnemer(
                "Bram",
                b.zoek("Gemeente Assen"),
                sinds=START + timedelta(days=101),
                vervangt=b.zoek("Anna"),
            ),
        ),
        {},
        [],
    ),
    (AANVRAAG, {}, ["aanvragen"]),
    (AANVRAAG, {"toetredenMetGoedkeuring": False}, []),
    (
        alles(
            AANVRAAG,
            lambda b: setattr(b, "status", NetwerkStatus.CONCEPT),
        ),
        {},
        [],
    ),
]

OMVANG = [
    (niets, {}, []),
    (extra_deelnemers(138), {}, []),
    (extra_deelnemers(139), {}, ["te-groot"]),
    (extra_deelnemers(139, DeelnemerStatus.AANGEVRAAGD), {}, []),
    (extra_deelnemers(10), {"maximum": 20}, ["te-groot"]),
    (niets, {"maximum": 12}, []),
    (niets, {"maximum": 11}, ["te-groot"]),
]

MINIMALE_OMVANG = [
    (niets, {}, []),
    (
        alles(*(vertrekt(n) for n in ("Anna", "Pieter", "Sanne", "Klaas", "Lotte"))),
        {},
        ["te-klein"],
    ),
    (
        alles(*(vertrekt(n) for n in ("Anna", "Pieter", "Sanne", "Klaas", "Lotte"))),
        {"minimum": 7},
        [],
    ),
    (niets, {"minimum": 13}, ["te-klein"]),
]

PAS_OP_DE_PLAATS = [
    (niets, {}, []),
    (gehouden_bijeenkomsten(3), {}, ["ritme"]),
    (gehouden_bijeenkomsten(3), {"elkeAantalBijeenkomsten": 7}, []),
    (niets, {"elkeAantalBijeenkomsten": 3}, ["ritme"]),
    (
        alles(
            gehouden_bijeenkomsten(3),
            lambda b: b.reflecties.append(START + timedelta(days=50)),
        ),
        {},
        [],
    ),
    (gehouden_bijeenkomsten(2, leerwaarde=2), {}, ["leerwaarde"]),
    (gehouden_bijeenkomsten(2, leerwaarde=2), {"minimumLeerwaarde": 2.0}, []),
    (gehouden_bijeenkomsten(2, plezier=2), {}, ["plezier"]),
    (gehouden_bijeenkomsten(2, plezier=2), {"minimumPlezier": 1.5}, []),
    # One poor evening after a good one averages 3,0: not below the threshold…
    (gehouden_bijeenkomsten(1, leerwaarde=2), {}, []),
    # …unless only the last evaluated bijeenkomst counts.
    (gehouden_bijeenkomsten(1, leerwaarde=2), {"laatsteBijeenkomsten": 1}, ["leerwaarde"]),
    # Low marks before the last reflection were discussed already.
    (
        alles(
            gehouden_bijeenkomsten(2, leerwaarde=1, plezier=1),
            lambda b: b.reflecties.append(b.peildatum),
        ),
        {},
        [],
    ),
]

BUITEN = "Welke software gebruiken jullie voor de salarisadministratie?"


def vraag_van(naam: str, tekst: str = BUITEN, **velden: Any) -> Wijziging:
    return lambda b: b.leervraag(b.zoek(naam), LeervraagSoort.HALEN, tekst, **velden)


LEERVRAGEN_BIJ_ONDERWERP = [
    (niets, {}, []),
    (vraag_van("Anna"), {}, [BUITEN]),
    (vraag_van("Anna", themas=("participatie",)), {}, []),
    (vraag_van("Anna", "Wat doet nieuwe democratie met de gemeentesecretaris?"), {}, []),
    (vraag_van("Anna", status=LeervraagStatus.IN_BEHANDELING), {}, [BUITEN]),
    (vraag_van("Anna", status=LeervraagStatus.LOSGELATEN), {}, []),
    (alles(vraag_van("Anna"), vertrekt("Anna")), {}, []),
    (alles(vraag_van("Anna"), onderwerp(None)), {}, []),
]


def bijeenkomst_op(dagen_na_start: int, **velden: Any) -> Wijziging:
    return lambda b: b.bijeenkomst(dag=START + timedelta(days=dagen_na_start), **velden)


def looptijd(start: Any, einde: Any) -> Wijziging:
    def zet(bouwer: Bouwer) -> None:
        bouwer.startdatum, bouwer.geplande_einddatum = start, einde

    return zet


BIJEENKOMSTEN_IN_LOOPTIJD = [
    (niets, {}, []),
    (bijeenkomst_op(731, status=BijeenkomstStatus.GEPLAND), {}, ["buiten-looptijd"]),
    (bijeenkomst_op(730, status=BijeenkomstStatus.GEPLAND), {}, []),
    (bijeenkomst_op(-1), {}, ["buiten-looptijd"]),
    (bijeenkomst_op(900, status=BijeenkomstStatus.GEANNULEERD), {}, []),
    (alles(bijeenkomst_op(900), looptijd(None, None)), {}, []),
    (alles(bijeenkomst_op(-30), looptijd(None, START + timedelta(days=730))), {}, []),
]

TABELLEN: dict[str, list[tuple[Wijziging, dict[str, Any], list[str]]]] = {
    c.ONDERWERP_AFGEBAKEND: ONDERWERP,
    c.LEERVRAGEN_BIJ_ONDERWERP: LEERVRAGEN_BIJ_ONDERWERP,
    c.KARTREKKERS: KARTREKKERS,
    c.ROLLEN_PER_ORGANISATIE: ROLLEN,
    c.SOORTEN_ORGANISATIES: SOORTEN,
    c.LEERVRAGEN_OPGEHAALD: LEERVRAGEN,
    c.IEDEREEN_ORGANISEERT: IEDEREEN_ORGANISEERT,
    c.GEEN_CONSUMENTEN: GEEN_CONSUMENTEN,
    c.AFHAKEN: AFHAKEN,
    c.STABIELE_SAMENSTELLING: STABIEL,
    c.OMVANG: OMVANG,
    c.MINIMALE_OMVANG: MINIMALE_OMVANG,
    c.PAS_OP_DE_PLAATS: PAS_OP_DE_PLAATS,
    c.BIJEENKOMSTEN_IN_LOOPTIJD: BIJEENKOMSTEN_IN_LOOPTIJD,
}

GEVALLEN = [
    pytest.param(code, wijzig, parameters, verwacht, id=f"{code}-{nummer}")
    for code, tabel in TABELLEN.items()
    for nummer, (wijzig, parameters, verwacht) in enumerate(tabel)
]


@pytest.mark.parametrize(("code", "wijzig", "parameters", "verwacht"), GEVALLEN)
def test_regel(
    code: str, wijzig: Wijziging, parameters: dict[str, Any], verwacht: list[str]
) -> None:
    bouwer = gezond_netwerk()
    wijzig(bouwer)
    assert uitkomst(bouwer, code, **parameters) == verwacht


def test_every_rule_has_a_table_that_passes_breaks_and_flips() -> None:
    assert set(TABELLEN) == {d.code for d in c.CATALOGUS}
    for code, tabel in TABELLEN.items():
        assert any(not verwacht for _, _, verwacht in tabel), code
        assert any(verwacht for _, _, verwacht in tabel), code
        # A flip: the same change, once without and once with parameters, differs.
        flips = [
            (w1, w2)
            for w1, p1, v1 in tabel
            for w2, p2, v2 in tabel
            if w1 is w2 and p1 != p2 and v1 != v2
        ]
        assert flips or not c.DEFINITIE_PER_CODE[code].parameters, code


def test_the_healthy_network_breaks_no_rule_at_all() -> None:
    from app.spelregels import bevindingen, standaard_spelregels

    assert bevindingen(gezond_netwerk().snapshot(), standaard_spelregels()) == []


@settings(max_examples=60, deadline=None)
@given(
    actief=st.integers(0, 170),
    aangevraagd=st.integers(0, 5),
    vertrokken=st.integers(0, 5),
    maximum=st.integers(2, 150),
)
def test_omvang_flags_exactly_when_the_active_count_exceeds_the_cap(
    actief: int, aangevraagd: int, vertrokken: int, maximum: int
) -> None:
    bouwer = Bouwer()
    organisatie_id = bouwer.organisatie("Gemeente Assen")
    for status, aantal in (
        (DeelnemerStatus.ACTIEF, actief),
        (DeelnemerStatus.AANGEVRAAGD, aangevraagd),
        (DeelnemerStatus.VERTROKKEN, vertrokken),
    ):
        for i in range(aantal):
            bouwer.deelnemer(f"{status.value} {i}", organisatie_id, status=status)
    gevonden = uitkomst(bouwer, c.OMVANG, maximum=maximum)
    assert gevonden == (["te-groot"] if actief > maximum else [])
    assert uitkomst(bouwer, c.MINIMALE_OMVANG, minimum=min(maximum, 150)) == (
        ["te-klein"] if actief < maximum else []
    )


@settings(max_examples=80, deadline=None)
@given(
    trekkers=st.lists(st.tuples(st.integers(0, 3), st.booleans()), max_size=6),
    minimum_aantal=st.integers(1, 5),
    minimum_organisaties=st.integers(1, 5),
)
def test_kartrekkers_counts_active_kartrekkers_and_their_organisations(
    trekkers: list[tuple[int, bool]], minimum_aantal: int, minimum_organisaties: int
) -> None:
    assume(minimum_organisaties <= minimum_aantal)
    bouwer = Bouwer()
    organisaties = [bouwer.organisatie(f"Organisatie {i}") for i in range(4)]
    for i, (organisatie, actief) in enumerate(trekkers):
        status = DeelnemerStatus.ACTIEF if actief else DeelnemerStatus.VERTROKKEN
        bouwer.deelnemer(f"K{i}", organisaties[organisatie], kartrekker=True, status=status)
    telt = [o for o, actief in trekkers if actief]
    verwacht = []
    if len(telt) < minimum_aantal:
        verwacht.append("te-weinig-kartrekkers")
    if telt and len(set(telt)) < minimum_organisaties:
        verwacht.append("te-weinig-organisaties")
    gevonden = uitkomst(
        bouwer,
        c.KARTREKKERS,
        minimumAantal=minimum_aantal,
        minimumOrganisaties=minimum_organisaties,
    )
    assert gevonden == verwacht


@settings(max_examples=60, deadline=None)
@given(woorden=st.integers(0, 60), minimum=st.integers(1, 20), maximum=st.integers(20, 50))
def test_onderwerp_is_accepted_exactly_between_its_word_bounds(
    woorden: int, minimum: int, maximum: int
) -> None:
    bouwer = gezond_netwerk()
    bouwer.onderwerp = " ".join(["woord"] * woorden)
    gevonden = uitkomst(
        bouwer, c.ONDERWERP_AFGEBAKEND, minimumWoorden=minimum, maximumWoorden=maximum
    )
    assert (gevonden == []) == (minimum <= woorden <= maximum)


@settings(max_examples=60, deadline=None)
@given(
    organisaties=st.integers(1, 8),
    gastheren=st.lists(st.integers(0, 7), max_size=10),
    gepland=st.integers(0, 4),
    per_bijeenkomst=st.integers(1, 3),
)
def test_iedereen_organiseert_is_silent_once_everyone_has_hosted_or_can_still(
    organisaties: int, gastheren: list[int], gepland: int, per_bijeenkomst: int
) -> None:
    bouwer = Bouwer()
    ids = [bouwer.organisatie(f"Organisatie {i}") for i in range(organisaties)]
    for organisatie_id in ids:
        bouwer.deelnemer(f"Lid van {organisatie_id}", organisatie_id)
    for gast in gastheren:
        bouwer.bijeenkomst(gast=ids[gast % organisaties])
    for _ in range(gepland):
        bouwer.bijeenkomst(status=BijeenkomstStatus.GEPLAND)
    nog_niet = organisaties - len({g % organisaties for g in gastheren})
    gevonden = uitkomst(bouwer, c.IEDEREEN_ORGANISEERT, organisatorenPerBijeenkomst=per_bijeenkomst)
    assert (gevonden == []) == (nog_niet <= gepland * per_bijeenkomst)


def test_a_snapshot_with_dangling_references_is_refused() -> None:
    bouwer = gezond_netwerk()
    vreemde = Bouwer()
    vreemde._volgende = 1000
    onbekend = vreemde.deelnemer("Onbekend", vreemde.organisatie("Elders"))
    bouwer.aanwezigheid(bouwer.bijeenkomst_id(1), onbekend)
    with pytest.raises(ValueError, match="onbekende deelnemer"):
        bouwer.snapshot()
