"""Every route has a declared permission; every role gets what it should on every route family."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.auth.rechten import ROUTE_RECHTEN, rechten_tabel, route_paden, toegang_van
from app.main import create_app
from tests import factories
from tests.conftest import BEHEERDER_EMAIL

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_route_declares_its_permission() -> None:
    app = create_app()
    undeclared = [
        f"{method} {path}"
        for path, methods in route_paden(app).values()
        for method in methods - {"HEAD"}
        if toegang_van(path, method) is None
    ]
    assert undeclared == []
    declared_routes = {
        (method, path) for path, methods in route_paden(app).values() for method in methods
    }
    stale = set(ROUTE_RECHTEN) - declared_routes
    assert stale == set(), "permissions declared for routes that no longer exist"


def test_readme_shows_the_permission_table() -> None:
    assert rechten_tabel() in README.read_text(encoding="utf-8"), (
        "README is behind: paste the output of `uv run kartrekker rechten`"
    )


@dataclass
class World:
    netwerk: dict[str, Any]
    publiek: dict[str, Any]
    deelnemer_id: str
    kartrekker_deelnemer_id: str
    leervraag_deelnemer: dict[str, Any]
    leervraag_kartrekker: dict[str, Any]
    deelnemer_persoon_id: str
    clients: dict[str, TestClient]


@pytest.fixture
def world(client: TestClient, app: FastAPI, client_voor: Callable[[str], TestClient]) -> World:
    assen = factories.organisatie(client)
    drenthe = factories.organisatie(client, "Provincie Drenthe", soort="provincie")
    trekker = factories.persoon(client, assen["id"], "Kim Kartrekker", email="kim@assen.example")
    lid = factories.persoon(client, drenthe["id"], "Daan Deelnemer", email="daan@drenthe.example")
    factories.persoon(client, assen["id"], "Bo Buiten", email="bo@assen.example")
    factories.persoon(client, assen["id"], "Bea Beheer", email=BEHEERDER_EMAIL)
    netwerk = factories.netwerk(client, themas=["participatie"])
    publiek = factories.netwerk(client, "Open netwerk", publiek=True)
    k = factories.deelnemer(client, netwerk["id"], trekker["id"], kartrekker=True)
    d = factories.deelnemer(client, netwerk["id"], lid["id"], rol="jonge-hond")
    url = f"/v1/netwerken/{netwerk['id']}/leervragen"
    lv_d = client.post(url, json={"deelnemerId": d["id"], "soort": "halen", "tekst": "Hoe?"}).json()
    lv_k = client.post(url, json={"deelnemerId": k["id"], "soort": "brengen", "tekst": "Zo"}).json()
    lezer = client.post("/v1/api-sleutels", json={"naam": "L", "scopes": ["lezen"]}).json()
    lezer_p = client.post(
        "/v1/api-sleutels", json={"naam": "LP", "scopes": ["lezen"], "netwerkId": publiek["id"]}
    ).json()
    return World(
        netwerk=netwerk,
        publiek=publiek,
        deelnemer_id=d["id"],
        kartrekker_deelnemer_id=k["id"],
        leervraag_deelnemer=lv_d,
        leervraag_kartrekker=lv_k,
        deelnemer_persoon_id=lid["id"],
        clients={
            "anoniem": TestClient(app, raise_server_exceptions=False),
            "beheersleutel": client,
            "beheerder": client_voor(BEHEERDER_EMAIL),
            "kartrekker": client_voor("kim@assen.example"),
            "deelnemer": client_voor("daan@drenthe.example"),
            "buitenstaander": client_voor("bo@assen.example"),
            "lezer": TestClient(app, headers={"X-Api-Key": lezer["sleutel"]}),
            "lezer-publiek": TestClient(app, headers={"X-Api-Key": lezer_p["sleutel"]}),
        },
    )


def _check(
    world: World, method: str, path: str, expected: dict[str, int], body: Any = None
) -> None:
    got = {}
    for role in expected:
        response = world.clients[role].request(method, path, json=body)
        got[role] = response.status_code
        if response.status_code >= 400:
            assert response.headers["content-type"] == "application/problem+json"
    assert got == expected


def test_network_list(world: World) -> None:
    _check(world, "GET", "/v1/netwerken", {
        "anoniem": 401, "beheersleutel": 200, "beheerder": 200, "kartrekker": 200,
        "deelnemer": 200, "buitenstaander": 200, "lezer": 200, "lezer-publiek": 200,
    })  # fmt: skip
    names = lambda role: {  # noqa: E731
        n["naam"] for n in world.clients[role].get("/v1/netwerken").json()["results"]
    }
    assert names("buitenstaander") == {"Open netwerk"}
    assert names("deelnemer") == {"Democratie in Actie", "Open netwerk"}
    assert names("lezer-publiek") == {"Open netwerk"}


def test_reading_a_private_network(world: World) -> None:
    for suffix in ("", "/deelnemers", "/bijeenkomsten", "/leervragen"):
        _check(world, "GET", f"/v1/netwerken/{world.netwerk['id']}{suffix}", {
            "anoniem": 401, "beheersleutel": 200, "beheerder": 200, "kartrekker": 200,
            "deelnemer": 200, "buitenstaander": 404, "lezer": 200, "lezer-publiek": 404,
        })  # fmt: skip


def test_reading_a_public_network(world: World) -> None:
    _check(world, "GET", f"/v1/netwerken/{world.publiek['id']}", {
        "anoniem": 401, "buitenstaander": 200, "lezer-publiek": 200, "deelnemer": 200,
    })  # fmt: skip


def test_managing_a_network(world: World) -> None:
    _check(world, "PATCH", f"/v1/netwerken/{world.netwerk['id']}", {
        "anoniem": 401, "beheersleutel": 200, "beheerder": 200, "kartrekker": 200,
        "deelnemer": 403, "buitenstaander": 404, "lezer": 403, "lezer-publiek": 403,
    }, body={"toelichting": "Bijgewerkt"})  # fmt: skip
    _check(world, "POST", f"/v1/netwerken/{world.netwerk['id']}/deelnemers", {
        "deelnemer": 403, "buitenstaander": 404, "lezer": 403,
    }, body={"persoonId": world.deelnemer_persoon_id, "rol": "beslisser"})  # fmt: skip
    _check(world, "POST", f"/v1/netwerken/{world.netwerk['id']}/_pauzeer", {
        "deelnemer": 403, "buitenstaander": 404,
    })  # fmt: skip


def test_creating_a_network_is_for_beheerders(world: World) -> None:
    _check(world, "POST", "/v1/netwerken", {
        "anoniem": 401, "beheersleutel": 201, "beheerder": 201, "kartrekker": 403,
        "deelnemer": 403, "buitenstaander": 403, "lezer": 403,
    }, body={"naam": "Nieuw netwerk"})  # fmt: skip


def test_leervragen_are_written_by_their_owner(world: World) -> None:
    url = f"/v1/netwerken/{world.netwerk['id']}/leervragen"
    own = {"deelnemerId": world.deelnemer_id, "soort": "halen", "tekst": "Wat werkt?"}
    _check(world, "POST", url, {
        "anoniem": 401, "deelnemer": 201, "kartrekker": 201, "buitenstaander": 404,
        "lezer": 403,
    }, body=own)  # fmt: skip
    someone_else = {**own, "deelnemerId": world.kartrekker_deelnemer_id}
    _check(world, "POST", url, {"deelnemer": 403}, body=someone_else)
    _check(world, "PATCH", f"{url}/{world.leervraag_deelnemer['id']}", {
        "deelnemer": 200, "kartrekker": 200, "buitenstaander": 404, "lezer": 403,
    }, body={"tekst": "Hoe precies?"})  # fmt: skip
    _check(world, "PATCH", f"{url}/{world.leervraag_kartrekker['id']}", {
        "deelnemer": 403, "kartrekker": 200,
    }, body={"tekst": "Zo doen wij het"})  # fmt: skip


def test_organisations_and_people(world: World) -> None:
    _check(world, "GET", "/v1/organisaties", {
        "anoniem": 401, "deelnemer": 200, "buitenstaander": 200, "lezer": 200,
    })  # fmt: skip
    _check(world, "POST", "/v1/organisaties", {
        "anoniem": 401, "beheersleutel": 201, "kartrekker": 201, "deelnemer": 403,
        "buitenstaander": 403, "lezer": 403,
    }, body={"naam": "Gemeente Emmen", "soort": "gemeente"})  # fmt: skip
    _check(world, "GET", "/v1/personen", {
        "anoniem": 401, "beheersleutel": 200, "kartrekker": 200, "deelnemer": 200,
        "buitenstaander": 200, "lezer": 200,
    })  # fmt: skip
    names = lambda role: {  # noqa: E731
        p["naam"] for p in world.clients[role].get("/v1/personen").json()["results"]
    }
    # Everyone sees themself; a kartrekker the people of the networks they carry, no one else.
    assert names("deelnemer") == {"Daan Deelnemer"}
    assert names("buitenstaander") == {"Bo Buiten"}
    assert names("kartrekker") == {"Kim Kartrekker", "Daan Deelnemer"}
    assert len(names("beheersleutel")) == len(names("lezer")) == 4
    _check(world, "GET", f"/v1/personen/{world.deelnemer_persoon_id}", {
        "deelnemer": 200, "kartrekker": 200, "buitenstaander": 403,
    })  # fmt: skip


def test_api_keys_and_status(world: World) -> None:
    _check(world, "GET", "/v1/api-sleutels", {
        "anoniem": 401, "beheersleutel": 200, "beheerder": 200, "kartrekker": 403,
        "lezer": 403,
    })  # fmt: skip
    _check(world, "GET", "/v1/status", {"anoniem": 200, "lezer": 200})
    _check(world, "GET", "/v1/openapi.json", {"anoniem": 200})
