"""The catalogue as data, and a kartrekker's edits: validated, all problems at once, stored."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.spelregels import (
    CATALOGUS,
    REGELS,
    Ernst,
    GeheelGetal,
    Handhaving,
    OngeldigeSpelregels,
    pas_aan,
    spelregels_uit_opslag,
    standaard_spelregels,
)

# The defaults the articles give (and the issue names); a change here is a change of policy.
STANDAARD = {
    "onderwerp-afgebakend": ("blokkerend", {"minimumWoorden": 3, "maximumWoorden": 30}),
    "leervragen-bij-onderwerp": ("waarschuwing", {}),
    "kartrekkers": ("blokkerend", {"minimumAantal": 2, "minimumOrganisaties": 2}),
    "rollen-per-organisatie": (
        "blokkerend",
        {
            "rollen": ["beslisser", "organisatieontwikkeling", "participatie", "jonge-hond"],
            "minimumAantal": 2,
        },
    ),
    "soorten-organisaties": ("waarschuwing", {"minimumAantal": 2}),
    "leervragen-opgehaald": ("waarschuwing", {"naAantalBijeenkomsten": 2}),
    "iedereen-organiseert": ("waarschuwing", {"organisatorenPerBijeenkomst": 2}),
    "geen-consumenten": ("waarschuwing", {"naAantalBijeenkomsten": 3}),
    "afhaken": ("waarschuwing", {"aantalAfwezig": 2, "afmeldingenTellen": True}),
    "stabiele-samenstelling": (
        "waarschuwing",
        {
            "maximaalVerloop": 0.2,
            "maximaalWisselingenPerOrganisatie": 1,
            "toetredenMetGoedkeuring": True,
        },
    ),
    "omvang": ("blokkerend", {"maximum": 150}),
    "minimale-omvang": ("waarschuwing", {"minimum": 8}),
    "pas-op-de-plaats": (
        "waarschuwing",
        {
            "elkeAantalBijeenkomsten": 6,
            "laatsteBijeenkomsten": 2,
            "minimumLeerwaarde": 3.0,
            "minimumPlezier": 3.0,
        },
    ),
    "bijeenkomsten-in-looptijd": ("waarschuwing", {}),
}


def test_defaults_are_those_of_the_articles() -> None:
    opgeslagen = standaard_spelregels().as_dict()
    assert list(opgeslagen) == list(STANDAARD)
    for code, (ernst, parameters) in STANDAARD.items():
        assert opgeslagen[code] == {"ernst": ernst, "parameters": parameters}, code


def test_every_rule_has_a_function_a_dutch_text_and_a_source() -> None:
    assert set(REGELS) == {d.code for d in CATALOGUS}
    for definitie in CATALOGUS:
        assert definitie.titel
        assert definitie.omschrijving.endswith((".", "?"))
        assert definitie.bron.startswith("Artikel 00")
        assert all(p.omschrijving for p in definitie.parameters)


def test_only_the_rules_the_issue_names_block_writes_in_a_running_network() -> None:
    altijd = {d.code for d in CATALOGUS if d.handhaving == Handhaving.ALTIJD}
    assert altijd == {"onderwerp-afgebakend", "kartrekkers", "omvang"}


def test_an_edit_changes_only_what_it_names() -> None:
    spelregels = pas_aan(
        standaard_spelregels(),
        {
            "kartrekkers": {"parameters": {"minimumAantal": 4}},
            "afhaken": {"ernst": "uit"},
            "pas-op-de-plaats": {"parameters": {"minimumPlezier": 4}},
        },
    )
    assert spelregels["kartrekkers"].getal("minimumAantal") == 4
    assert spelregels["kartrekkers"].getal("minimumOrganisaties") == 2
    assert spelregels["kartrekkers"].ernst == Ernst.BLOKKEREND
    assert spelregels["afhaken"].ernst == Ernst.UIT
    assert spelregels["afhaken"].getal("aantalAfwezig") == 2
    # A whole number for a decimal parameter is read as a decimal.
    assert spelregels["pas-op-de-plaats"].decimaal("minimumPlezier") == 4.0
    assert [r.code for r in spelregels] == [d.code for d in CATALOGUS]


ONGELDIG = [
    ({"bestaat-niet": {}}, "bestaat-niet", "onbekende-spelregel"),
    ({"omvang": "blokkerend"}, "omvang", "geen-object"),
    ({"omvang": {"gewicht": 3}}, "omvang.gewicht", "onbekend-veld"),
    ({"omvang": {"ernst": "streng"}}, "omvang.ernst", "ongeldige-ernst"),
    ({"omvang": {"parameters": [150]}}, "omvang.parameters", "geen-object"),
    ({"omvang": {"parameters": {"max": 100}}}, "omvang.parameters.max", "onbekende-parameter"),
    ({"omvang": {"parameters": {"maximum": 151}}}, "omvang.parameters.maximum", "te-groot"),
    ({"omvang": {"parameters": {"maximum": 1}}}, "omvang.parameters.maximum", "te-klein"),
    (
        {"omvang": {"parameters": {"maximum": "150"}}},
        "omvang.parameters.maximum",
        "geen-geheel-getal",
    ),
    (
        {"omvang": {"parameters": {"maximum": True}}},
        "omvang.parameters.maximum",
        "geen-geheel-getal",
    ),
    (
        {"omvang": {"parameters": {"maximum": 99.5}}},
        "omvang.parameters.maximum",
        "geen-geheel-getal",
    ),
    (
        {"afhaken": {"parameters": {"afmeldingenTellen": 1}}},
        "afhaken.parameters.afmeldingenTellen",
        "geen-ja-nee",
    ),
    (
        {"stabiele-samenstelling": {"parameters": {"maximaalVerloop": 1.5}}},
        "stabiele-samenstelling.parameters.maximaalVerloop",
        "te-groot",
    ),
    (
        {"pas-op-de-plaats": {"parameters": {"minimumPlezier": float("nan")}}},
        "pas-op-de-plaats.parameters.minimumPlezier",
        "geen-getal",
    ),
    (
        {"rollen-per-organisatie": {"parameters": {"rollen": []}}},
        "rollen-per-organisatie.parameters.rollen",
        "ongeldige-lijst",
    ),
    (
        {"rollen-per-organisatie": {"parameters": {"rollen": ["beslisser", "beslisser"]}}},
        "rollen-per-organisatie.parameters.rollen",
        "dubbele-naam",
    ),
    (
        {"rollen-per-organisatie": {"parameters": {"rollen": "beslisser"}}},
        "rollen-per-organisatie.parameters.rollen",
        "geen-lijst",
    ),
    # Parameters that only make sense together.
    (
        {"rollen-per-organisatie": {"parameters": {"rollen": ["beslisser"]}}},
        "rollen-per-organisatie.parameters.minimumAantal",
        "ongeldige-combinatie",
    ),
    (
        {"kartrekkers": {"parameters": {"minimumOrganisaties": 3}}},
        "kartrekkers.parameters.minimumOrganisaties",
        "ongeldige-combinatie",
    ),
    (
        {"onderwerp-afgebakend": {"parameters": {"minimumWoorden": 40}}},
        "onderwerp-afgebakend.parameters.minimumWoorden",
        "ongeldige-combinatie",
    ),
]


@pytest.mark.parametrize(("wijziging", "naam", "code"), ONGELDIG)
def test_an_invalid_edit_is_a_value_error_naming_the_field(
    wijziging: dict[str, Any], naam: str, code: str
) -> None:
    with pytest.raises(OngeldigeSpelregels) as fout:
        pas_aan(standaard_spelregels(), wijziging)
    assert isinstance(fout.value, ValueError)
    assert [(p.name, p.code) for p in fout.value.problemen] == [(naam, code)]
    assert all(p.reason for p in fout.value.problemen)


def test_every_problem_is_listed_at_once() -> None:
    with pytest.raises(OngeldigeSpelregels) as fout:
        pas_aan(
            standaard_spelregels(),
            {
                "bestaat-niet": {},
                "omvang": {"ernst": "streng", "parameters": {"maximum": 500}},
                "afhaken": {"parameters": {"aantalAfwezig": 0}},
            },
        )
    assert {p.name for p in fout.value.problemen} == {
        "bestaat-niet",
        "omvang.ernst",
        "omvang.parameters.maximum",
        "afhaken.parameters.aantalAfwezig",
    }
    assert "omvang.parameters.maximum: Mag hoogstens 150 zijn." in str(fout.value)


def test_stored_settings_round_trip() -> None:
    spelregels = pas_aan(
        standaard_spelregels(),
        {
            "rollen-per-organisatie": {
                "ernst": "waarschuwing",
                "parameters": {"rollen": ["beslisser", "raadslid"], "minimumAantal": 1},
            },
            "stabiele-samenstelling": {"parameters": {"maximaalVerloop": 0.35}},
        },
    )
    assert spelregels_uit_opslag(spelregels.as_dict()) == spelregels


def test_stored_settings_survive_a_changed_catalogue() -> None:
    opgeslagen: dict[str, object] = {
        "een-oude-regel": {"ernst": "blokkerend"},
        "omvang": {"ernst": "waarschuwing", "parameters": {"maximum": 999, "oud": 1}},
        "afhaken": {"ernst": "ooit", "parameters": {"aantalAfwezig": 3}},
    }
    spelregels = spelregels_uit_opslag(opgeslagen)
    # The weight survives an invalid value; the invalid value falls back to the default.
    assert spelregels["omvang"].ernst == Ernst.WAARSCHUWING
    assert spelregels["omvang"].getal("maximum") == 150
    assert spelregels["afhaken"].ernst == Ernst.WAARSCHUWING
    assert spelregels["afhaken"].getal("aantalAfwezig") == 3
    assert spelregels_uit_opslag(None) == standaard_spelregels()


GETALPARAMETERS = [
    (d.code, p) for d in CATALOGUS for p in d.parameters if isinstance(p, GeheelGetal)
]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(GETALPARAMETERS), st.integers(-5, 300))
def test_a_whole_number_is_accepted_exactly_within_its_bounds(
    regel_en_parameter: tuple[str, GeheelGetal], waarde: int
) -> None:
    code, parameter = regel_en_parameter
    binnen = parameter.minimum <= waarde and (
        parameter.maximum is None or waarde <= parameter.maximum
    )
    try:
        spelregels = pas_aan(
            standaard_spelregels(), {code: {"parameters": {parameter.naam: waarde}}}
        )
    except OngeldigeSpelregels as fout:
        codes = {p.code for p in fout.problemen}
        assert not binnen or codes == {"ongeldige-combinatie"}
    else:
        assert binnen
        assert spelregels[code].getal(parameter.naam) == waarde
        assert spelregels_uit_opslag(spelregels.as_dict()) == spelregels
