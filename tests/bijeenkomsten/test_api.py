"""Bijeenkomsten through HTTP: times in UTC, order of start and end, a participating host."""

from fastapi.testclient import TestClient

from tests import factories


def _network_with_host(client: TestClient) -> tuple[dict, dict]:  # type: ignore[type-arg]
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.netwerk(client)
    factories.deelnemer(client, netwerk["id"], persoon["id"])
    return netwerk, org


def _plan(client: TestClient, netwerk_id: str, **fields: object) -> object:
    body = {
        "titel": "Aftrap",
        "start": "2027-03-25T13:30:00+01:00",
        "einde": "2027-03-25T16:30:00+01:00",
        **fields,
    }
    return client.post(f"/v1/netwerken/{netwerk_id}/bijeenkomsten", json=body)


def test_times_are_answered_in_utc_and_numbers_follow(client: TestClient) -> None:
    netwerk, org = _network_with_host(client)
    first = _plan(client, netwerk["id"], gastorganisatieId=org["id"])
    assert first.status_code == 201, first.text  # type: ignore[attr-defined]
    body = first.json()  # type: ignore[attr-defined]
    assert body["start"] == "2027-03-25T12:30:00Z"
    assert body["volgnummer"] == 1
    second = _plan(client, netwerk["id"], titel="Tweede").json()  # type: ignore[attr-defined]
    assert second["volgnummer"] == 2


def test_time_without_offset_is_400(client: TestClient) -> None:
    netwerk, _ = _network_with_host(client)
    response = _plan(client, netwerk["id"], start="2027-03-25T13:30:00")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert response.json()["invalidParams"][0]["name"] == "start"  # type: ignore[attr-defined]


def test_end_before_start_is_400_and_writes_nothing(client: TestClient) -> None:
    netwerk, _ = _network_with_host(client)
    response = _plan(client, netwerk["id"], einde="2027-03-25T12:00:00+01:00")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert response.json()["invalidParams"][0]["name"] == "einde"  # type: ignore[attr-defined]
    listed = client.get(f"/v1/netwerken/{netwerk['id']}/bijeenkomsten").json()
    assert listed["count"] == 0


def test_host_must_take_part_in_the_network(client: TestClient) -> None:
    netwerk, _ = _network_with_host(client)
    outsider = factories.organisatie(client, "Gemeente Emmen")
    response = _plan(client, netwerk["id"], gastorganisatieId=outsider["id"])
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert response.json()["invalidParams"][0]["name"] == "gastorganisatieId"  # type: ignore[attr-defined]


def test_duplicate_number_is_a_conflict(client: TestClient) -> None:
    netwerk, _ = _network_with_host(client)
    _plan(client, netwerk["id"], volgnummer=3)
    assert _plan(client, netwerk["id"], volgnummer=3).status_code == 409  # type: ignore[attr-defined]


def test_patch_end_before_existing_start_is_400(client: TestClient) -> None:
    netwerk, _ = _network_with_host(client)
    body = _plan(client, netwerk["id"]).json()  # type: ignore[attr-defined]
    url = f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{body['id']}"
    response = client.patch(url, json={"einde": "2027-03-24T10:00:00Z"})
    assert response.status_code == 400
    assert client.get(url).json()["einde"] == "2027-03-25T15:30:00Z"


def test_list_between_moments_sorted_by_start(client: TestClient) -> None:
    netwerk, _ = _network_with_host(client)
    for titel, day in [("Mei", "2027-05-01"), ("Maart", "2027-03-01"), ("April", "2027-04-01")]:
        _plan(
            client, netwerk["id"], titel=titel, start=f"{day}T10:00:00Z", einde=f"{day}T12:00:00Z"
        )
    url = f"/v1/netwerken/{netwerk['id']}/bijeenkomsten"
    listed = client.get(url, params={"vanaf": "2027-03-15T00:00:00Z"}).json()
    assert [b["titel"] for b in listed["results"]] == ["April", "Mei"]
    naive = client.get(url, params={"vanaf": "2027-03-15T00:00:00"})
    assert naive.status_code == 400
