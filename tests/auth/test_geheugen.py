"""The caller memory: a burst of reads costs one lookup, and a change of rights is seen at once."""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.auth.aanroeper import Aanroeper
from app.auth.geheugen import AanroeperGeheugen
from tests import factories


def _met_geheugen(app: FastAPI) -> None:
    app.state.aanroepers = AanroeperGeheugen(60)


def test_a_burst_of_reads_looks_the_key_up_once(
    app: FastAPI, client: TestClient, count_statements: Callable[[], Any]
) -> None:
    _met_geheugen(app)
    netwerk = factories.netwerk(client)
    url = f"/v1/netwerken/{netwerk['id']}"
    client.get(url)
    with count_statements() as onthouden:
        client.get(url)
    app.state.aanroepers = AanroeperGeheugen(0)
    with count_statements() as opgezocht:
        client.get(url)
    assert opgezocht.count == onthouden.count + 1


def test_a_revoked_key_stops_at_once(app: FastAPI, client: TestClient) -> None:
    _met_geheugen(app)
    body = client.post("/v1/api-sleutels", json={"naam": "Intranet", "scopes": ["lezen"]}).json()
    with TestClient(app, headers={"X-Api-Key": body["sleutel"]}) as intranet:
        assert intranet.get("/v1/netwerken").status_code == 200  # now remembered
        client.post(f"/v1/api-sleutels/{body['id']}/_intrekken")
        assert intranet.get("/v1/netwerken").status_code == 401


def test_a_new_membership_counts_at_once(
    app: FastAPI, client: TestClient, client_voor: Callable[[str], TestClient]
) -> None:
    _met_geheugen(app)
    org = factories.organisatie(client)
    mens = factories.persoon(client, org["id"], "Mia Lid", email="mia@assen.example")
    netwerk = factories.netwerk(client)
    mia = client_voor("mia@assen.example")
    url = f"/v1/netwerken/{netwerk['id']}"
    assert mia.get(url).status_code == 404  # remembered: member of nothing
    deelnemer = factories.deelnemer(client, netwerk["id"], mens["id"])
    assert mia.get(url).status_code == 200
    client.delete(f"{url}/deelnemers/{deelnemer['id']}")
    assert mia.get(url).status_code == 404


def test_the_memory_keeps_no_credential_and_expires() -> None:
    geheugen = AanroeperGeheugen(60)
    sleutel = geheugen.sleutel_van("key kt_abc_geheim")
    assert "geheim" not in sleutel
    geheugen.onthoud(sleutel, Aanroeper(beheerder=True), geldig_tot=0)  # already expired
    assert geheugen.zoek(sleutel) is None
