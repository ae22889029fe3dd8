"""Agenda and bijdragen through HTTP: werkvormen, linked leervragen, host contacts."""

from typing import Any

from tests import factories
from tests.bijeenkomsten.opzet import Netwerkje


def _leervraag(netwerkje: Netwerkje, wie: str, tekst: str, **extra: Any) -> dict[str, Any]:
    return factories.created(
        netwerkje.beheer.post(
            f"{netwerkje.url}/leervragen",
            json={
                "deelnemerId": netwerkje.deelnemers[wie]["id"],
                "soort": "halen",
                "tekst": tekst,
                **extra,
            },
        )
    )


def test_agenda_parts_in_order_with_their_leervragen(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst()
    url = f"{netwerkje.b_url(bijeenkomst)}/agenda-onderdelen"
    jongeren = _leervraag(netwerkje, "daan", "Hoe bereiken we jongeren?")
    panel = _leervraag(netwerkje, "eva", "Werkt een inwonerspanel?")
    kim = netwerkje.als["kim"]
    lezing = kim.post(
        url,
        json={
            "werkvorm": "lezing",
            "titel": "Jongeren aan het woord",
            "duurMinuten": 45,
            "leervraagIds": [jongeren["id"]],
        },
    )
    assert lezing.status_code == 201, lezing.text
    assert lezing.json()["volgorde"] == 1
    assert lezing.json()["leervraagIds"] == [jongeren["id"]]
    huiswerk = factories.created(
        kim.post(url, json={"werkvorm": "huiswerk", "titel": "Lees het rapport", "volgorde": 1})
    )
    intervisie = factories.created(kim.post(url, json={"werkvorm": "intervisie", "titel": "Casus"}))
    assert intervisie["volgorde"] == 2

    titels = [o["titel"] for o in kim.get(url).json()["results"]]
    assert titels == ["Jongeren aan het woord", "Lees het rapport", "Casus"]
    assert [
        o["titel"] for o in kim.get(url, params={"werkvorm": "huiswerk"}).json()["results"]
    ] == ["Lees het rapport"]

    onderdeel_url = f"{url}/{lezing.json()['id']}"
    etag = kim.get(onderdeel_url).headers["ETag"]
    gewijzigd = kim.patch(
        onderdeel_url,
        json={"leervraagIds": [panel["id"], jongeren["id"]]},
        headers={"If-Match": etag},
    )
    assert gewijzigd.status_code == 200
    assert set(gewijzigd.json()["leervraagIds"]) == {panel["id"], jongeren["id"]}
    assert gewijzigd.headers["ETag"] != etag
    verouderd = kim.patch(onderdeel_url, json={"titel": "Anders"}, headers={"If-Match": etag})
    assert verouderd.status_code == 412

    assert kim.delete(f"{url}/{huiswerk['id']}").status_code == 204
    assert kim.get(url).json()["count"] == 2


def test_a_leervraag_of_another_network_is_400_and_nothing_is_written(
    netwerkje: Netwerkje,
) -> None:
    bijeenkomst = netwerkje.bijeenkomst()
    url = f"{netwerkje.b_url(bijeenkomst)}/agenda-onderdelen"
    eigen = _leervraag(netwerkje, "eva", "Werkt een inwonerspanel?")
    ander = factories.netwerk(netwerkje.beheer, "Ander netwerk")
    vreemd_lid = factories.deelnemer(netwerkje.beheer, ander["id"], netwerkje.personen["bo"]["id"])
    vreemd = factories.created(
        netwerkje.beheer.post(
            f"/v1/netwerken/{ander['id']}/leervragen",
            json={"deelnemerId": vreemd_lid["id"], "soort": "halen", "tekst": "Elders"},
        )
    )
    response = netwerkje.beheer.post(
        url,
        json={"werkvorm": "lezing", "titel": "Mix", "leervraagIds": [eigen["id"], vreemd["id"]]},
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "leervraagIds.1"
    assert netwerkje.beheer.get(url).json()["count"] == 0
    onderdeel = factories.created(
        netwerkje.beheer.post(url, json={"werkvorm": "lezing", "titel": "Eigen"})
    )
    patch = netwerkje.beheer.patch(
        f"{url}/{onderdeel['id']}", json={"leervraagIds": [vreemd["id"]]}
    )
    assert patch.status_code == 400
    assert netwerkje.beheer.get(f"{url}/{onderdeel['id']}").json()["leervraagIds"] == []


def test_host_contacts_work_at_the_host_and_may_edit_the_agenda(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst()
    bijdragen = f"{netwerkje.b_url(bijeenkomst)}/bijdragen"
    agenda = f"{netwerkje.b_url(bijeenkomst)}/agenda-onderdelen"
    kim = netwerkje.als["kim"]
    fout = kim.put(
        bijdragen,
        json={
            "bijdragen": [
                {"deelnemerId": netwerkje.deelnemers["eva"]["id"], "soort": "gastheer"},
                {"deelnemerId": netwerkje.deelnemers["daan"]["id"], "soort": "gastheer"},
            ]
        },
    )
    assert fout.status_code == 400
    assert [(p["name"], p["code"]) for p in fout.json()["invalidParams"]] == [
        ("bijdragen.1.deelnemerId", "niet-van-gastorganisatie")
    ]
    assert kim.get(bijdragen).json()["bijdragen"] == []

    goed = kim.put(
        bijdragen,
        json={
            "bijdragen": [
                {"deelnemerId": netwerkje.deelnemers["eva"]["id"], "soort": "gastheer"},
                {"deelnemerId": netwerkje.deelnemers["daan"]["id"], "soort": "presentator"},
            ]
        },
    )
    assert goed.status_code == 200, goed.text
    assert {(b["naam"], b["soort"]) for b in goed.json()["bijdragen"]} == {
        ("Eva Evers", "gastheer"),
        ("Daan Dijkstra", "presentator"),
    }
    onderdeel = {"werkvorm": "excursie", "titel": "Wandeling door de wijk"}
    assert netwerkje.als["eva"].post(agenda, json=onderdeel).status_code == 201
    assert netwerkje.als["daan"].post(agenda, json=onderdeel).status_code == 403
    assert netwerkje.als["daan"].get(agenda).json()["count"] == 1

    # Another host: Assen's contact is no longer one, the presenter stays.
    andere_gastheer = kim.patch(
        netwerkje.b_url(bijeenkomst), json={"gastorganisatieId": netwerkje.drenthe["id"]}
    )
    assert andere_gastheer.status_code == 200
    assert [b["soort"] for b in kim.get(bijdragen).json()["bijdragen"]] == ["presentator"]
    assert netwerkje.als["eva"].post(agenda, json=onderdeel).status_code == 403


def test_a_session_without_host_has_no_host_contacts(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst(gastorganisatieId=None)
    response = netwerkje.beheer.put(
        f"{netwerkje.b_url(bijeenkomst)}/bijdragen",
        json={
            "bijdragen": [{"deelnemerId": netwerkje.deelnemers["eva"]["id"], "soort": "gastheer"}]
        },
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "geen-gastorganisatie"
