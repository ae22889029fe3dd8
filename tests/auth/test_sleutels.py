"""API keys: shown once, stored hashed, scoped, expiring and revocable."""

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.auth import sleutels
from app.models import ApiSleutel
from tests import factories
from tests.conftest import BEHEERDER_EMAIL


def test_key_is_shown_once_and_stored_hashed(client: TestClient, session: Session) -> None:
    created = client.post("/v1/api-sleutels", json={"naam": "Intranet Assen", "scopes": ["lezen"]})
    assert created.status_code == 201, created.text
    key = created.json()["sleutel"]
    assert key.startswith(created.json()["prefix"] + "_")
    listed = client.get("/v1/api-sleutels").json()["results"]
    assert all("sleutel" not in row for row in listed)
    stored = session.exec(select(ApiSleutel).where(ApiSleutel.naam == "Intranet Assen")).one()
    assert key not in stored.hash
    assert len(stored.hash) == 64


def test_read_key_reads_but_cannot_write(client: TestClient, app: FastAPI) -> None:
    factories.netwerk(client)
    key = client.post("/v1/api-sleutels", json={"naam": "Lezer", "scopes": ["lezen"]}).json()
    with TestClient(app, headers={"X-Api-Key": key["sleutel"]}) as reader:
        assert reader.get("/v1/netwerken").json()["count"] == 1
        refused = reader.post("/v1/netwerken", json={"naam": "Nieuw"})
        assert refused.status_code == 403
        assert "lezen" in refused.json()["detail"]


def test_key_bound_to_one_network_sees_only_that_network(client: TestClient, app: FastAPI) -> None:
    mine = factories.netwerk(client, "Mijn netwerk")
    other = factories.netwerk(client, "Ander netwerk")
    key = client.post(
        "/v1/api-sleutels",
        json={"naam": "Intranet", "scopes": ["lezen"], "netwerkId": mine["id"]},
    ).json()["sleutel"]
    with TestClient(app, headers={"X-Api-Key": key}) as reader:
        listed = reader.get("/v1/netwerken").json()["results"]
        assert [n["naam"] for n in listed] == ["Mijn netwerk"]
        assert reader.get(f"/v1/netwerken/{other['id']}").status_code == 404
        assert reader.get(f"/v1/netwerken/{mine['id']}/bijeenkomsten").status_code == 200


def test_revoked_key_stops_working(client: TestClient, app: FastAPI) -> None:
    created = client.post("/v1/api-sleutels", json={"naam": "Tijdelijk", "scopes": ["beheer"]})
    body = created.json()
    with TestClient(app, headers={"X-Api-Key": body["sleutel"]}) as other:
        assert other.get("/v1/netwerken").status_code == 200
        revoked = client.post(f"/v1/api-sleutels/{body['id']}/_intrekken")
        assert revoked.json()["ingetrokkenOp"] is not None
        assert other.get("/v1/netwerken").status_code == 401


def test_expired_key_stops_working(session: Session, app: FastAPI) -> None:
    nieuw = sleutels.maak(
        naam="Kort",
        scopes=["beheer"],
        verloopt_op=datetime.now(UTC) + timedelta(seconds=30),
        session=session,
    )
    session.commit()
    assert sleutels.zoek(nieuw.sleutel, session=session) is not None
    later = datetime.now(UTC) + timedelta(minutes=1)
    assert sleutels.zoek(nieuw.sleutel, session=session, nu=later) is None


def test_unknown_scope_and_past_expiry_are_400(client: TestClient) -> None:
    response = client.post(
        "/v1/api-sleutels",
        json={"naam": "Fout", "scopes": ["alles"], "verlooptOp": "2020-01-01T00:00:00Z"},
    )
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"scopes", "verlooptOp"}


def test_wrong_key_is_401(app: FastAPI, beheer_sleutel: str) -> None:
    with TestClient(app, headers={"X-Api-Key": beheer_sleutel[:-2] + "xx"}) as client:
        assert client.get("/v1/netwerken").status_code == 401


def test_a_key_cannot_revoke_itself(client: TestClient, session: Session) -> None:
    mijn_id = client.get("/v1/ik").json()["apiSleutelId"]
    client.post("/v1/api-sleutels", json={"naam": "Reserve", "scopes": ["beheer"]})
    response = client.post(f"/v1/api-sleutels/{mijn_id}/_intrekken")
    assert response.status_code == 409
    assert "zichzelf" in response.json()["detail"]
    assert client.get("/v1/netwerken").status_code == 200


def test_the_last_valid_beheer_key_stays(
    client: TestClient, app: FastAPI, client_voor: Any
) -> None:
    mijn_id = client.get("/v1/ik").json()["apiSleutelId"]
    # A beheerder (by e-mail) revokes the test's own beheer key: it is the only one left.
    factories.persoon(client, factories.organisatie(client)["id"], email=BEHEERDER_EMAIL)
    beheerder = client_voor(BEHEERDER_EMAIL)
    response = beheerder.post(f"/v1/api-sleutels/{mijn_id}/_intrekken")
    assert response.status_code == 409
    assert "laatste geldige beheersleutel" in response.json()["detail"]
    # A read key does not count; a second beheer key does.
    client.post("/v1/api-sleutels", json={"naam": "Lezer", "scopes": ["lezen"]})
    assert beheerder.post(f"/v1/api-sleutels/{mijn_id}/_intrekken").status_code == 409
    client.post("/v1/api-sleutels", json={"naam": "Opvolger", "scopes": ["beheer"]})
    assert beheerder.post(f"/v1/api-sleutels/{mijn_id}/_intrekken").status_code == 200
