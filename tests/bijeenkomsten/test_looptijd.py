"""Bijeenkomsten outside the network's term (looptijd) are kept, with a warning, and the health
shows them and the term itself."""

from typing import Any

from fastapi.testclient import TestClient

from tests import factories

# 1 January 2027 to 1 January 2028.
LOOPTIJD = {"startdatum": "2027-01-01", "geplandeEinddatum": "2028-01-01"}


def _netwerk(client: TestClient, **velden: Any) -> dict[str, Any]:
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.netwerk(client, **velden)
    factories.deelnemer(client, netwerk["id"], persoon["id"])
    return netwerk


def _plan(client: TestClient, netwerk: dict[str, Any], dag: str, **velden: Any) -> Any:
    body = {
        "titel": f"Bijeenkomst op {dag}",
        "start": f"{dag}T13:30:00+02:00",
        "einde": f"{dag}T16:30:00+02:00",
        **velden,
    }
    return client.post(f"/v1/netwerken/{netwerk['id']}/bijeenkomsten", json=body)


def _waarschuwingen(response: Any) -> list[dict[str, str]]:
    assert response.status_code in (200, 201), response.text
    waarschuwingen: list[dict[str, str]] = response.json()["waarschuwingen"]
    return waarschuwingen


def _gezondheid(client: TestClient, netwerk: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = client.get(f"/v1/netwerken/{netwerk['id']}/gezondheid").json()
    return body


def test_a_session_15_months_after_the_end_is_kept_with_a_warning(client: TestClient) -> None:
    netwerk = _netwerk(client, **LOOPTIJD)
    response = _plan(client, netwerk, "2029-04-12")
    assert response.status_code == 201
    [waarschuwing] = _waarschuwingen(response)
    assert waarschuwing["code"] == "buiten-looptijd"
    assert "15 maanden na het geplande einde" in waarschuwing["bericht"]
    assert "1 januari 2028" in waarschuwing["bericht"]
    bijeenkomst_id = response.json()["id"]
    assert (
        client.get(f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{bijeenkomst_id}").status_code
        == 200
    )

    before = _waarschuwingen(_plan(client, netwerk, "2026-12-10"))
    assert [w["code"] for w in before] == ["buiten-looptijd"]
    assert "vóór de start" in before[0]["bericht"]
    assert _waarschuwingen(_plan(client, netwerk, "2027-06-10")) == []


def test_moving_a_session_into_the_term_clears_the_warning(client: TestClient) -> None:
    netwerk = _netwerk(client, **LOOPTIJD)
    created = _plan(client, netwerk, "2029-04-12").json()
    url = f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{created['id']}"
    moved = client.patch(
        url, json={"start": "2027-09-09T13:30:00+02:00", "einde": "2027-09-09T16:30:00+02:00"}
    )
    assert _waarschuwingen(moved) == []
    assert [w["code"] for w in _waarschuwingen(client.patch(url, json={"titel": "Later"}))] == []
    back = client.patch(
        url, json={"start": "2028-03-02T13:30:00+01:00", "einde": "2028-03-02T16:30:00+01:00"}
    )
    assert [w["code"] for w in _waarschuwingen(back)] == ["buiten-looptijd"]


def test_health_shows_the_term_and_the_sessions_outside_it(client: TestClient) -> None:
    netwerk = _netwerk(client, **LOOPTIJD)
    binnen = _plan(client, netwerk, "2027-06-10").json()
    na = _plan(client, netwerk, "2029-04-12").json()
    voor = _plan(client, netwerk, "2026-12-10").json()
    afgelast = _plan(client, netwerk, "2029-05-10", status="geannuleerd").json()
    body = _gezondheid(client, netwerk)
    assert body["looptijd"]["startdatum"] == "2027-01-01"
    assert body["looptijd"]["geplandeEinddatum"] == "2028-01-01"
    assert "1 januari 2027" in body["looptijd"]["omschrijving"]
    [bevinding] = [b for b in body["bevindingen"] if b["code"] == "bijeenkomsten-in-looptijd"]
    assert bevinding["niveau"] == "netwerk"
    assert bevinding["bijeenkomstIds"] == [voor["id"], na["id"]]
    assert binnen["id"] not in bevinding["bijeenkomstIds"]
    assert afgelast["id"] not in bevinding["bijeenkomstIds"]
    assert "15 maanden na het geplande einde" in bevinding["melding"]


def test_without_a_term_health_says_so_and_nothing_is_outside(client: TestClient) -> None:
    netwerk = _netwerk(client)
    assert _waarschuwingen(_plan(client, netwerk, "2035-04-12")) == []
    body = _gezondheid(client, netwerk)
    assert body["looptijd"]["startdatum"] is None
    assert body["looptijd"]["geplandeEinddatum"] is None
    assert "geen looptijd" in body["looptijd"]["omschrijving"]
    assert not [b for b in body["bevindingen"] if b["code"] == "bijeenkomsten-in-looptijd"]


def test_planning_a_series_past_the_end_warns_per_session(client: TestClient) -> None:
    netwerk = _netwerk(client, **LOOPTIJD)
    response = client.post(
        f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/_plan",
        json={
            "data": ["2027-11-11", "2027-12-16", "2028-01-20", "2028-02-24"],
            "begintijd": "13:30",
            "duurMinuten": 180,
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["bijeenkomsten"]) == 4
    waarschuwingen = body["waarschuwingen"]
    assert [w["code"] for w in waarschuwingen] == ["buiten-looptijd"] * 2
    assert "20 januari 2028" in waarschuwingen[0]["bericht"]
    assert "24 februari 2028" in waarschuwingen[1]["bericht"]
