"""Attendance through HTTP: registered by a kartrekker or a host contact, for many at once."""

from typing import Any

from tests import factories
from tests.bijeenkomsten.opzet import Netwerkje

# Attendance is recorded on the day or after: these sessions took place.
VORIG_VOORJAAR = {"start": "2026-03-26T13:30:00+01:00", "einde": "2026-03-26T16:30:00+01:00"}


def _registraties(netwerkje: Netwerkje, **statussen: str) -> dict[str, Any]:
    return {
        "registraties": [
            {"deelnemerId": netwerkje.deelnemers[wie]["id"], "status": status}
            for wie, status in statussen.items()
        ]
    }


def _maak_gastheer(netwerkje: Netwerkje, bijeenkomst: dict[str, Any], wie: str) -> None:
    response = netwerkje.beheer.put(
        f"{netwerkje.b_url(bijeenkomst)}/bijdragen",
        json={"bijdragen": [{"deelnemerId": netwerkje.deelnemers[wie]["id"], "soort": "gastheer"}]},
    )
    assert response.status_code == 200, response.text


def test_a_host_contact_registers_who_was_there_in_one_request(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst(**VORIG_VOORJAAR)
    url = f"{netwerkje.b_url(bijeenkomst)}/aanwezigheid"
    lijst = _registraties(netwerkje, kim="aanwezig", eva="aanwezig", daan="afgemeld")
    # Daan is no host contact; Eva only after the kartrekker made her one.
    assert netwerkje.als["daan"].put(url, json=lijst).status_code == 403
    assert netwerkje.als["eva"].put(url, json=lijst).status_code == 403
    _maak_gastheer(netwerkje, bijeenkomst, "eva")
    response = netwerkje.als["eva"].put(url, json=lijst)
    assert response.status_code == 200, response.text
    assert response.json()["telling"] == {"aanwezig": 2, "afwezig": 0, "afgemeld": 1}
    gelezen = netwerkje.als["daan"].get(url).json()
    statussen = {r["deelnemerId"]: r["status"] for r in gelezen["registraties"]}
    assert statussen[netwerkje.deelnemers["daan"]["id"]] == "afgemeld"
    # A host of another bijeenkomst is no host here.
    andere = netwerkje.bijeenkomst(
        titel="Andere", start="2026-05-07T13:30:00+02:00", einde="2026-05-07T16:30:00+02:00"
    )
    assert (
        netwerkje.als["eva"].put(f"{netwerkje.b_url(andere)}/aanwezigheid", json=lijst).status_code
        == 403
    )


def test_the_register_replaces_the_previous_one(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst(**VORIG_VOORJAAR)
    url = f"{netwerkje.b_url(bijeenkomst)}/aanwezigheid"
    kim = netwerkje.als["kim"]
    kim.put(url, json=_registraties(netwerkje, kim="aanwezig", eva="afwezig", daan="aanwezig"))
    response = kim.put(url, json=_registraties(netwerkje, kim="aanwezig", eva="aanwezig"))
    assert response.status_code == 200
    assert response.json()["telling"] == {"aanwezig": 2, "afwezig": 0, "afgemeld": 0}
    assert {r["deelnemerId"] for r in kim.get(url).json()["registraties"]} == {
        netwerkje.deelnemers["kim"]["id"],
        netwerkje.deelnemers["eva"]["id"],
    }


def test_only_deelnemers_of_this_network_and_nothing_written_otherwise(
    netwerkje: Netwerkje,
) -> None:
    bijeenkomst = netwerkje.bijeenkomst(**VORIG_VOORJAAR)
    url = f"{netwerkje.b_url(bijeenkomst)}/aanwezigheid"
    ander_netwerk = factories.netwerk(netwerkje.beheer, "Ander netwerk")
    vreemde = factories.deelnemer(
        netwerkje.beheer, ander_netwerk["id"], netwerkje.personen["bo"]["id"]
    )
    body = _registraties(netwerkje, kim="aanwezig", eva="aanwezig")
    body["registraties"].append({"deelnemerId": vreemde["id"], "status": "aanwezig"})
    body["registraties"].append(
        {"deelnemerId": netwerkje.deelnemers["kim"]["id"], "status": "afwezig"}
    )
    response = netwerkje.beheer.put(url, json=body)
    assert response.status_code == 400
    assert [(p["name"], p["code"]) for p in response.json()["invalidParams"]] == [
        ("registraties.2.deelnemerId", "geen-deelnemer"),
        ("registraties.3.deelnemerId", "dubbel"),
    ]
    assert netwerkje.beheer.get(url).json()["registraties"] == []
    onbekende_status = netwerkje.beheer.put(url, json=_registraties(netwerkje, kim="er-bij"))
    assert onbekende_status.json()["invalidParams"][0]["name"] == "registraties.0.status"


def test_a_register_marks_the_session_held_and_absences_lead_to_a_call(
    netwerkje: Netwerkje,
) -> None:
    kim = netwerkje.als["kim"]
    for dag in ("2026-03-26", "2026-04-23"):
        bijeenkomst = netwerkje.bijeenkomst(
            titel=dag, start=f"{dag}T13:30:00+01:00", einde=f"{dag}T16:30:00+01:00"
        )
        assert bijeenkomst["status"] == "gepland"
        response = kim.put(
            f"{netwerkje.b_url(bijeenkomst)}/aanwezigheid",
            json=_registraties(netwerkje, kim="aanwezig", eva="aanwezig", daan="afwezig"),
        )
        assert response.status_code == 200, response.text
        assert response.json()["bijeenkomstStatus"] == "gehouden"
        assert kim.get(netwerkje.b_url(bijeenkomst)).json()["status"] == "gehouden"
    # Daan missed both: a kartrekker gets a call to make.
    opvolgingen = netwerkje.beheer.get(f"{netwerkje.url}/opvolgingen").json()["results"]
    assert [o["deelnemerId"] for o in opvolgingen] == [netwerkje.deelnemers["daan"]["id"]]


def test_no_register_for_a_session_on_a_later_day(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst()  # next year
    url = f"{netwerkje.b_url(bijeenkomst)}/aanwezigheid"
    response = netwerkje.als["kim"].put(url, json=_registraties(netwerkje, kim="aanwezig"))
    assert response.status_code == 409
    assert "latere dag" in response.json()["detail"]
    assert netwerkje.als["kim"].get(url).json()["registraties"] == []
    assert netwerkje.als["kim"].get(netwerkje.b_url(bijeenkomst)).json()["status"] == "gepland"
