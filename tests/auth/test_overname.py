"""No kartrekker takes over a login; public routes ignore credentials; people stay private."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from tests import factories
from tests.conftest import BEHEERDER_EMAIL
from tests.oidc_provider import IdentityProvider


@dataclass
class TweeNetwerken:
    """Network A carried by Anna, network B carried by Bert, and Ada a member of A."""

    a: dict[str, Any]
    b: dict[str, Any]
    anna: dict[str, Any]
    bert: dict[str, Any]
    ada: dict[str, Any]


@pytest.fixture
def twee(client: TestClient) -> TweeNetwerken:
    org = factories.organisatie(client)
    anna = factories.persoon(client, org["id"], "Anna A", email="anna@assen.example")
    bert = factories.persoon(client, org["id"], "Bert B", email="bert@assen.example")
    ada = factories.persoon(client, org["id"], "Ada Lid", email="ada@assen.example")
    a = factories.netwerk(client, "Netwerk A")
    b = factories.netwerk(client, "Netwerk B")
    factories.deelnemer(client, a["id"], anna["id"], kartrekker=True)
    factories.deelnemer(client, a["id"], ada["id"], rol="participatie")
    factories.deelnemer(client, b["id"], bert["id"], kartrekker=True)
    return TweeNetwerken(a=a, b=b, anna=anna, bert=bert, ada=ada)


def test_a_kartrekker_cannot_change_a_person_of_another_network(
    twee: TweeNetwerken, client_voor: Callable[[str], TestClient], client: TestClient
) -> None:
    bert = client_voor("bert@assen.example")
    response = bert.patch(f"/v1/personen/{twee.anna['id']}", json={"email": "bert2@assen.example"})
    assert response.status_code == 403
    assert bert.get(f"/v1/personen/{twee.anna['id']}").status_code == 403
    assert client.get(f"/v1/personen/{twee.anna['id']}").json()["email"] == "anna@assen.example"


def test_an_address_changes_only_by_a_kartrekker_of_all_the_persons_networks(
    twee: TweeNetwerken, client_voor: Callable[[str], TestClient], client: TestClient
) -> None:
    # Bert invites Ada into B too: he carries one of her networks, not A.
    factories.deelnemer(client, twee.b["id"], twee.ada["id"], rol="participatie")
    bert = client_voor("bert@assen.example")
    ada = f"/v1/personen/{twee.ada['id']}"
    assert bert.patch(ada, json={"functie": "Adviseur"}).status_code == 200
    response = bert.patch(ada, json={"email": "bert-tweede@assen.example"})
    assert response.status_code == 403
    assert "al zijn netwerken" in response.json()["detail"]
    assert client.get(ada).json()["email"] == "ada@assen.example"
    # Anna carries A but not B: neither may she.
    assert (
        client_voor("anna@assen.example").patch(ada, json={"email": "x@assen.example"}).status_code
        == 403
    )
    # Ada herself may.
    assert (
        client_voor("ada@assen.example")
        .patch(ada, json={"email": "ada.nieuw@assen.example"})
        .status_code
        == 200
    )


def test_a_login_stays_bound_to_its_person_when_the_address_is_repointed(
    twee: TweeNetwerken,
    client_voor: Callable[[str], TestClient],
    client: TestClient,
    identity_provider: IdentityProvider,
) -> None:
    # Anna signs in once: her login (iss, sub) is bound to her persoon.
    assert client_voor("anna@assen.example").get("/v1/ik").json()["persoonId"] == twee.anna["id"]
    # Her address is pointed at someone else's mailbox (here by a beheerder, who may).
    client.patch(f"/v1/personen/{twee.anna['id']}", json={"email": "mallory@elders.example"})
    # That other login, with another subject, does not become Anna.
    response = client_voor("mallory@elders.example").get("/v1/ik")
    assert response.status_code == 403
    assert "andere aanmelding" in response.json()["detail"]
    # Anna's own login still finds her, whatever address the token names now.
    assert client_voor("anna@assen.example").get("/v1/ik").json()["persoonId"] == twee.anna["id"]


def test_beheer_follows_the_address_the_identity_provider_vouches_for(
    twee: TweeNetwerken, client_voor: Callable[[str], TestClient], client: TestClient
) -> None:
    # Bert signs in (bound), then sets his stored address to the beheerder's.
    bert = client_voor("bert@assen.example")
    assert bert.get("/v1/ik").json()["beheerder"] is False
    assert (
        bert.patch(f"/v1/personen/{twee.bert['id']}", json={"email": BEHEERDER_EMAIL}).status_code
        == 200
    )
    assert bert.get("/v1/ik").json()["beheerder"] is False
    assert bert.get("/v1/api-sleutels").status_code == 403


def test_public_routes_ignore_bad_or_revoked_credentials(
    client: TestClient, anonymous_client: TestClient, identity_provider: IdentityProvider
) -> None:
    revoked = client.post("/v1/api-sleutels", json={"naam": "oud", "scopes": ["lezen"]}).json()
    client.post(f"/v1/api-sleutels/{revoked['id']}/_intrekken")
    network = factories.netwerk(client)
    feed = client.post(f"/v1/netwerken/{network['id']}/kalenderfeeds", json={}).json()
    expired = identity_provider.token("iemand@assen.example", exp=1)
    for headers in (
        {"X-Api-Key": revoked["sleutel"]},
        {"X-Api-Key": "kt_onzin_onzin"},
        {"Authorization": f"Bearer {expired}"},
        {"Authorization": "Bearer geen-jwt"},
    ):
        for path in ("/v1/status", "/v1/openapi.json", urlsplit(feed["url"]).path):
            response = anonymous_client.get(path, headers=headers)
            assert response.status_code == 200, (path, headers, response.text)
        # A route that needs a caller still refuses them.
        assert anonymous_client.get("/v1/netwerken", headers=headers).status_code == 401


def test_a_person_is_found_by_exact_address(
    twee: TweeNetwerken, client_voor: Callable[[str], TestClient], client: TestClient
) -> None:
    found = client.get("/v1/personen", params={"email": "ADA@assen.example"}).json()
    assert [p["id"] for p in found["results"]] == [twee.ada["id"]]
    assert client.get("/v1/personen", params={"email": "ada@"}).json()["count"] == 0
    # Bert (kartrekker of B) finds Ada to invite her, though she is not in his network...
    bert = client_voor("bert@assen.example")
    found = bert.get("/v1/personen", params={"email": "ada@assen.example"}).json()
    assert [p["naam"] for p in found["results"]] == ["Ada Lid"]
    # ...but does not see her, nor Anna, in his list.
    assert {p["naam"] for p in bert.get("/v1/personen").json()["results"]} == {"Bert B"}
    # A deelnemer who carries nothing finds only themself.
    ada = client_voor("ada@assen.example")
    assert ada.get("/v1/personen", params={"email": "anna@assen.example"}).json()["count"] == 0
