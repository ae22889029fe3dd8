"""The host's draaiboek through HTTP: what to build on, who comes, in constant statements."""

from collections.abc import Callable
from typing import Any

from sqlmodel import Session

from tests import factories
from tests.bijeenkomsten.opzet import VERLEDEN, VERLEDEN_EINDE, Netwerkje, leden


def _leervraag(netwerkje: Netwerkje, wie: str, soort: str, tekst: str, *themas: str) -> None:
    factories.created(
        netwerkje.beheer.post(
            f"{netwerkje.url}/leervragen",
            json={
                "deelnemerId": netwerkje.deelnemers[wie]["id"],
                "soort": soort,
                "tekst": tekst,
                "themas": list(themas),
            },
        )
    )


def _vorige_met_agenda_en_evaluaties(netwerkje: Netwerkje) -> dict[str, Any]:
    vorige = netwerkje.bijeenkomst(
        titel="Aftrap",
        start=VERLEDEN,
        einde=VERLEDEN_EINDE,
        praktischeInfo="Parkeren achter het stadhuis; lunch om 12.30 uur.",
    )
    agenda = f"{netwerkje.b_url(vorige)}/agenda-onderdelen"
    for onderdeel in [
        {"werkvorm": "lezing", "titel": "Wat is participatie?"},
        {"werkvorm": "huiswerk", "titel": "Interview een inwoner", "toelichting": "Kort."},
    ]:
        factories.created(netwerkje.beheer.post(agenda, json=onderdeel))
    for wie, leerwaarde, plezier in [("daan", 4, 5), ("eva", 3, 4)]:
        factories.created(
            netwerkje.als[wie].post(
                f"{netwerkje.b_url(vorige)}/evaluaties",
                json={
                    "deelnemerId": netwerkje.deelnemers[wie]["id"],
                    "leerwaarde": leerwaarde,
                    "plezier": plezier,
                },
            )
        )
    return vorige


def test_the_draaiboek_hands_over_what_the_next_host_needs(netwerkje: Netwerkje) -> None:
    _vorige_met_agenda_en_evaluaties(netwerkje)
    netwerkje.bijeenkomst(
        titel="Afgelast",
        start="2026-02-12T13:30:00+01:00",
        einde="2026-02-12T16:30:00+01:00",
        status="geannuleerd",
        praktischeInfo="Niet deze",
    )
    volgende = netwerkje.bijeenkomst(titel="Tweede ronde", capaciteit=2)
    _leervraag(netwerkje, "daan", "halen", "Hoe bereiken we jongeren?", "participatie", "jongeren")
    _leervraag(netwerkje, "eva", "halen", "Werkt een inwonerspanel?", "participatie")
    _leervraag(netwerkje, "kim", "halen", "Warmtenet en draagvlak", "energie")
    _leervraag(netwerkje, "kim", "brengen", "Ervaring met burgerberaad", "participatie")
    _leervraag(netwerkje, "eva", "halen", "Zonder thema")
    url = f"{netwerkje.b_url(volgende)}/aanmeldingen"
    for wie, antwoord in [("kim", "ja"), ("daan", "ja"), ("eva", "ja")]:
        netwerkje.beheer.put(
            f"{url}/{netwerkje.deelnemers[wie]['id']}", json={"antwoord": antwoord}
        )
    netwerkje.beheer.put(
        f"{netwerkje.b_url(volgende)}/bijdragen",
        json={
            "bijdragen": [{"deelnemerId": netwerkje.deelnemers["eva"]["id"], "soort": "gastheer"}]
        },
    )

    response = netwerkje.als["eva"].get(f"{netwerkje.b_url(volgende)}/draaiboek")
    assert response.status_code == 200, response.text
    boek = response.json()
    assert boek["bijeenkomst"]["titel"] == "Tweede ronde"
    assert boek["gastorganisatie"] == "Gemeente Assen"
    assert [(b["naam"], b["soort"]) for b in boek["bijdragen"]] == [("Eva Evers", "gastheer")]

    themas = [(t["thema"], t["gevraagd"], len(t["aanbod"])) for t in boek["openLeervragen"]]
    assert themas == [("participatie", 2, 1), ("energie", 1, 0), ("jongeren", 1, 0), (None, 1, 0)]
    assert boek["openLeervragen"][0]["aanbod"][0]["naam"] == "Kim Kartrekker"

    [vorige] = boek["vorigeBijeenkomsten"]
    assert vorige["titel"] == "Aftrap"
    assert [o["titel"] for o in vorige["agenda"]] == [
        "Wat is participatie?",
        "Interview een inwoner",
    ]
    assert vorige["evaluatie"] == {
        "aantal": 2,
        "gemiddeldeLeerwaarde": 3.5,
        "gemiddeldPlezier": 4.5,
    }
    assert [h["titel"] for h in boek["huiswerk"]] == ["Interview een inwoner"]
    notities = boek["praktischeInfoVorigeGastheer"]
    assert notities["tekst"].startswith("Parkeren achter het stadhuis")
    assert notities["gastorganisatie"] == "Gemeente Assen"

    komen = boek["aanmeldingen"]
    assert [k["naam"] for k in komen["komen"]] == ["Kim Kartrekker", "Daan Dijkstra"]
    assert [k["naam"] for k in komen["wachtlijst"]] == ["Eva Evers"]
    assert komen["telling"]["vrijePlaatsen"] == 0


def test_the_draaiboek_takes_a_constant_number_of_statements(
    netwerkje: Netwerkje, session: Session, count_statements: Callable[[], Any]
) -> None:
    volgende = netwerkje.bijeenkomst(titel="Volgende")
    url = f"{netwerkje.b_url(volgende)}/draaiboek"

    def tel() -> int:
        with count_statements() as counter:
            assert netwerkje.beheer.get(url).status_code == 200
        return counter.count

    _vorige_met_agenda_en_evaluaties(netwerkje)
    _leervraag(netwerkje, "eva", "halen", "Eerste vraag", "participatie")
    weinig = tel()
    for nummer in range(3):
        netwerkje.bijeenkomst(
            titel=f"Eerder {nummer}",
            start=f"2026-0{nummer + 3}-05T13:30:00+01:00",
            einde=f"2026-0{nummer + 3}-05T16:30:00+01:00",
        )
    for lid in leden(netwerkje, 5):
        netwerkje.beheer.put(
            f"{netwerkje.b_url(volgende)}/aanmeldingen/{lid['id']}", json={"antwoord": "ja"}
        )
    for nummer in range(5):
        _leervraag(netwerkje, "daan", "halen", f"Vraag {nummer}", "participatie", "energie")
    assert tel() == weinig
    # key, netwerk, bijeenkomst, host, earlier sessions, agenda, links, evaluations,
    # bijdragen, leervragen, aanmeldingen
    assert weinig <= 11
