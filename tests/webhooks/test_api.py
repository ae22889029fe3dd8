"""Webhooks through the API: subscribe, change something, receive a signed CloudEvent."""

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, select

from app.db import engine_for
from app.models import Gebeurtenis
from app.webhooks.worker import run_once
from tests import factories
from tests.webhooks.conftest import Ontvanger


def test_subscribe_change_and_receive(real_app: tuple[FastAPI, str], ontvanger: Ontvanger) -> None:
    app, key = real_app
    with TestClient(app, headers={"X-Api-Key": key}) as client:
        netwerk = factories.startklaar_netwerk(client)
        created = client.post(
            "/v1/abonnementen",
            json={
                "sink": ontvanger.url,
                "types": ["nl.kartrekker.netwerk.*"],
                "filters": {"netwerkId": netwerk["id"]},
            },
        )
        assert created.status_code == 201, created.text
        abonnement = created.json()
        ontvanger.geheim = abonnement["geheim"]
        assert "geheim" not in client.get(f"/v1/abonnementen/{abonnement['id']}").json()

        assert client.post(f"/v1/netwerken/{netwerk['id']}/_activeer").status_code == 200
        engine = engine_for(app.state.settings.database_url)
        assert run_once(engine, app.state.webhooks) == 1

        [event] = ontvanger.geverifieerd
        assert event["type"] == "nl.kartrekker.netwerk.geactiveerd"
        assert event["subject"] == netwerk["id"]
        assert event["specversion"] == "1.0"
        assert event["source"].startswith("urn:nld:kartrekker:")
        assert event["data"]["wijziging"]["status"] == {"oud": "concept", "nieuw": "actief"}
        assert event["data"]["links"]
        received = ontvanger.ontvangen[0].headers
        assert received["Content-Type"].startswith("application/cloudevents+json")

        deliveries = client.get(f"/v1/abonnementen/{abonnement['id']}/afleveringen").json()
        [delivery] = deliveries["results"]
        assert delivery["status"] == "afgeleverd"
        assert delivery["log"][0]["statuscode"] == 204


def test_a_refused_change_publishes_nothing(real_app: tuple[FastAPI, str]) -> None:
    app, key = real_app
    engine = engine_for(app.state.settings.database_url)

    def events() -> int:
        with Session(engine) as session:
            return session.exec(select(func.count()).select_from(Gebeurtenis)).one()

    with TestClient(app, headers={"X-Api-Key": key}) as client:
        netwerk = factories.startklaar_netwerk(client)
        before = events()
        assert client.post(f"/v1/netwerken/{netwerk['id']}/_pauzeer").status_code == 409
        assert events() == before
        assert client.post(f"/v1/netwerken/{netwerk['id']}/_activeer").status_code == 200
        assert events() == before + 1


def test_kartrekker_subscribes_to_own_network_only(
    client: TestClient, client_voor: Callable[[str], TestClient]
) -> None:
    org = factories.organisatie(client)
    trekker = factories.persoon(client, org["id"], "Kim", email="kim@assen.example")
    eigen = factories.netwerk(client)
    ander = factories.netwerk(client, "Ander netwerk")
    factories.deelnemer(client, eigen["id"], trekker["id"], kartrekker=True)
    kim = client_voor("kim@assen.example")
    sink = "https://intranet.assen.example/hooks"
    without_network = kim.post("/v1/abonnementen", json={"sink": sink})
    assert without_network.status_code == 400
    assert without_network.json()["invalidParams"][0]["name"] == "netwerkId"
    assert (
        kim.post("/v1/abonnementen", json={"sink": sink, "netwerkId": ander["id"]}).status_code
        == 403
    )
    mine = kim.post("/v1/abonnementen", json={"sink": sink, "netwerkId": eigen["id"]})
    assert mine.status_code == 201, mine.text
    listed = kim.get("/v1/abonnementen").json()
    assert [a["id"] for a in listed["results"]] == [mine.json()["id"]]
    client.post("/v1/abonnementen", json={"sink": sink})
    assert kim.get("/v1/abonnementen").json()["count"] == 1
    assert client.get("/v1/abonnementen").json()["count"] == 2


def test_sink_must_be_https_and_public(client: TestClient, app: FastAPI) -> None:
    app.state.webhooks = type(app.state.webhooks)(allow_private_sinks=False, allow_http=False)
    for sink in ("http://intranet.example/hooks", "https://10.0.0.5/hooks", "https://127.0.0.1/x"):
        response = client.post("/v1/abonnementen", json={"sink": sink})
        assert response.status_code == 400, sink
        assert response.json()["invalidParams"][0]["name"] == "sink"


def test_event_types_are_listed(client: TestClient) -> None:
    types = {t["type"] for t in client.get("/v1/gebeurtenistypen").json()}
    assert "nl.kartrekker.bijeenkomst.geannuleerd" in types
    assert "nl.kartrekker.leervraag.beantwoord" in types
