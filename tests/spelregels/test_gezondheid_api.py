"""The health through HTTP as a kartrekker reads it: weightiest first, per person, filtered."""

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests import factories

# Blocking first; then the network, its organisations, and last its people.
NIVEAUS = ("netwerk", "organisatie", "deelnemer")


def _gehouden(client: TestClient, netwerk_id: str, dagen_geleden: int) -> None:
    start = datetime.now(UTC) - timedelta(days=dagen_geleden)
    factories.created(
        client.post(
            f"/v1/netwerken/{netwerk_id}/bijeenkomsten",
            json={
                "titel": f"Bijeenkomst van {dagen_geleden} dagen geleden",
                "start": start.isoformat(),
                "einde": (start + timedelta(hours=3)).isoformat(),
                "status": "gehouden",
            },
        )
    )


def _drukke_gezondheid(client: TestClient) -> tuple[str, dict[str, Any]]:
    """Nine people without leervragen after three held bijeenkomsten, seven of whom never
    contributed; one organisation (Emmen) that brings a single perspective; nothing planned."""
    netwerk = factories.netwerk(client)
    sinds = (datetime.now(UTC) - timedelta(days=120)).date().isoformat()
    for org_naam, soort, rollen in [
        ("Gemeente Assen", "gemeente", ["beslisser", "participatie"]),
        ("Provincie Drenthe", "provincie", ["organisatieontwikkeling", "jonge-hond"]),
        ("Gemeente Emmen", "gemeente", ["participatie"] * 5),
    ]:
        org = factories.organisatie(client, org_naam, soort=soort)
        for nummer, rol in enumerate(rollen):
            mens = factories.persoon(client, org["id"], f"{org_naam} {nummer}")
            factories.deelnemer(
                client,
                netwerk["id"],
                mens["id"],
                rol=rol,
                kartrekker=nummer == 0 and org_naam != "Gemeente Emmen",
                sinds=sinds,
            )
    for dagen in (90, 60, 30):
        _gehouden(client, netwerk["id"], dagen)
    return netwerk["id"], {d["id"]: d for d in _deelnemers(client, netwerk["id"])}


def _deelnemers(client: TestClient, netwerk_id: str) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = client.get(
        f"/v1/netwerken/{netwerk_id}/deelnemers", params={"pageSize": 100}
    ).json()["results"]
    return results


def _gewicht(bevinding: dict[str, Any]) -> tuple[bool, int]:
    return bevinding["ernst"] != "blokkerend", NIVEAUS.index(bevinding["niveau"])


def test_network_findings_come_first_and_people_get_one_entry_each(client: TestClient) -> None:
    netwerk_id, deelnemers = _drukke_gezondheid(client)
    health = client.get(f"/v1/netwerken/{netwerk_id}/gezondheid")
    assert health.status_code == 200, health.text
    body = health.json()

    # The blocking finding about Emmen, then the one about the whole network; no person here.
    algemeen = body["bevindingen"]
    assert [(b["code"], b["ernst"], b["niveau"]) for b in algemeen] == [
        ("rollen-per-organisatie", "blokkerend", "organisatie"),
        ("iedereen-organiseert", "waarschuwing", "netwerk"),
    ]
    assert [_gewicht(b) for b in algemeen] == sorted(_gewicht(b) for b in algemeen)

    # One entry per person, with all of that person's findings; most findings first.
    per_deelnemer = body["bevindingenPerDeelnemer"]
    assert sorted(p["deelnemerId"] for p in per_deelnemer) == sorted(deelnemers)
    for entry in per_deelnemer:
        persoon = deelnemers[entry["deelnemerId"]]
        assert entry["naam"] == persoon["persoon"]["naam"]
        assert entry["organisatieId"] == persoon["persoon"]["organisatieId"]
        assert {b["niveau"] for b in entry["bevindingen"]} == {"deelnemer"}
        assert all(b["deelnemerIds"][0] == entry["deelnemerId"] for b in entry["bevindingen"])
        verwacht = (
            ["leervragen-opgehaald"]
            if persoon["kartrekker"]
            else ["leervragen-opgehaald", "geen-consumenten"]
        )
        assert [b["code"] for b in entry["bevindingen"]] == verwacht
    aantallen = [len(p["bevindingen"]) for p in per_deelnemer]
    assert aantallen == [2] * 7 + [1] * 2


def test_findings_can_be_filtered_by_code_ernst_and_niveau(client: TestClient) -> None:
    netwerk_id, _ = _drukke_gezondheid(client)
    url = f"/v1/netwerken/{netwerk_id}/gezondheid"

    def codes(**params: Any) -> tuple[list[str], list[list[str]]]:
        response = client.get(url, params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        return (
            [b["code"] for b in body["bevindingen"]],
            [[b["code"] for b in p["bevindingen"]] for p in body["bevindingenPerDeelnemer"]],
        )

    assert codes(code="geen-consumenten") == ([], [["geen-consumenten"]] * 7)
    assert codes(code=["geen-consumenten", "iedereen-organiseert"]) == (
        ["iedereen-organiseert"],
        [["geen-consumenten"]] * 7,
    )
    assert codes(ernst="blokkerend") == (["rollen-per-organisatie"], [])
    assert codes(niveau="netwerk") == (["iedereen-organiseert"], [])
    algemeen, per_deelnemer = codes(niveau="deelnemer", ernst="waarschuwing")
    assert algemeen == []
    assert len(per_deelnemer) == 9
    # The figures do not depend on the filter.
    assert (
        client.get(url, params={"code": "afhaken"}).json()["rollen"]
        == client.get(url).json()["rollen"]
    )


def test_an_unknown_filter_value_is_400_listing_the_codes(client: TestClient) -> None:
    netwerk = factories.netwerk(client)
    url = f"/v1/netwerken/{netwerk['id']}/gezondheid"
    response = client.get(url, params={"code": ["afhaken", "bestaat-niet"]})
    assert response.status_code == 400
    problem = response.json()
    assert [p["name"] for p in problem["invalidParams"]] == ["code"]
    assert "geen-consumenten" in problem["invalidParams"][0]["reason"]
    assert client.get(url, params={"niveau": "wijk"}).status_code == 400
    assert client.get(url, params={"ernst": "zwaar"}).status_code == 400
