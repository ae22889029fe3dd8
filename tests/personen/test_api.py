"""Personen through HTTP: valid e-mail, unique e-mail, an existing organisation."""

import uuid

from fastapi.testclient import TestClient

from tests import factories


def test_create_person_at_an_organisation(client: TestClient) -> None:
    org = factories.organisatie(client)
    body = factories.persoon(client, org["id"], email="F.Hoekstra@Assen.nl")
    assert body["organisatieId"] == org["id"]
    assert body["email"] == "f.hoekstra@assen.nl"


def test_malformed_email_and_unknown_organisation_are_400(client: TestClient) -> None:
    response = client.post(
        "/v1/personen",
        json={"naam": "Fenna", "email": "geen-adres", "organisatieId": str(uuid.uuid4())},
    )
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["email"]

    response = client.post(
        "/v1/personen",
        json={"naam": "Fenna", "email": "fenna@assen.nl", "organisatieId": str(uuid.uuid4())},
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "organisatieId"
    assert client.get("/v1/personen").json()["count"] == 0


def test_same_email_twice_is_a_conflict_whatever_the_case(client: TestClient) -> None:
    org = factories.organisatie(client)
    factories.persoon(client, org["id"], email="fenna@assen.nl")
    response = client.post(
        "/v1/personen",
        json={"naam": "Fenna H.", "email": "FENNA@assen.nl", "organisatieId": org["id"]},
    )
    assert response.status_code == 409
    assert client.get("/v1/personen").json()["count"] == 1


def test_filter_by_organisation(client: TestClient) -> None:
    assen = factories.organisatie(client)
    drenthe = factories.organisatie(client, "Provincie Drenthe", soort="provincie")
    factories.persoon(client, assen["id"], "Fenna Hoekstra")
    factories.persoon(client, drenthe["id"], "Wim Oosting")
    listed = client.get("/v1/personen", params={"organisatieId": drenthe["id"]}).json()
    assert [p["naam"] for p in listed["results"]] == ["Wim Oosting"]


def test_person_in_a_network_cannot_be_deleted(client: TestClient) -> None:
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.netwerk(client)
    factories.deelnemer(client, netwerk["id"], persoon["id"])
    assert client.delete(f"/v1/personen/{persoon['id']}").status_code == 409
