"""Voortgang: after a session the owner of a leervraag notes what it did for the question."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.leervragen.netwerkbouw import Netwerkbouw


def _email(naam: str) -> str:
    return f"{naam.lower().replace(' ', '.')}@example.nl"


@dataclass
class Wereld:
    bouw: Netwerkbouw
    ander: Netwerkbouw
    leervraag: dict[str, Any]
    bijeenkomst: dict[str, Any]
    clients: dict[str, TestClient]

    @property
    def url(self) -> str:
        return f"{self.bouw.url}/leervragen/{self.leervraag['id']}/voortgang"


@pytest.fixture
def wereld(
    client: TestClient, client_voor: Callable[[str], TestClient], beheer_sleutel: str
) -> Wereld:
    bouw = Netwerkbouw(client)
    ander = Netwerkbouw(client, "Ander netwerk", organisaties=bouw.organisaties)
    eigenaar = bouw.deelnemer("Fenna Hoekstra", "Gemeente Assen")
    bouw.deelnemer("Kim Kartrekker", "Gemeente Emmen", kartrekker=True)
    bouw.deelnemer("Daan Collega", "Provincie Drenthe")
    ander.deelnemer("Olle Ander", "Gemeente Emmen")
    leervraag = bouw.leervraag(eigenaar, "halen", "Hoe houden we jongeren betrokken?")
    bijeenkomst = bouw.bijeenkomst(over_dagen=-7, gastorganisatie="Gemeente Assen")
    lezer = client.post("/v1/api-sleutels", json={"naam": "L", "scopes": ["lezen"]}).json()
    return Wereld(
        bouw=bouw,
        ander=ander,
        leervraag=leervraag,
        bijeenkomst=bijeenkomst,
        clients={
            "beheerder": client,
            "eigenaar": client_voor(_email("Fenna Hoekstra")),
            "kartrekker": client_voor(_email("Kim Kartrekker")),
            "collega": client_voor(_email("Daan Collega")),
            "buitenstaander": client_voor(_email("Olle Ander")),
            "lezer": TestClient(client.app, headers={"X-Api-Key": lezer["sleutel"]}),
        },
    )


def _notities(wereld: Wereld) -> list[dict[str, Any]]:
    body = wereld.clients["beheerder"].get(wereld.url).json()
    results: list[dict[str, Any]] = body["results"]
    return results


def test_the_owner_notes_what_a_session_did(wereld: Wereld) -> None:
    eigenaar = wereld.clients["eigenaar"]
    response = eigenaar.post(
        wereld.url,
        json={
            "tekst": "  De jongerenraad van Emmen gaf me een plan voor onze wijk.  ",
            "bijeenkomstId": wereld.bijeenkomst["id"],
        },
    )
    assert response.status_code == 201, response.text
    notitie = response.json()
    assert notitie["tekst"] == "De jongerenraad van Emmen gaf me een plan voor onze wijk."
    assert notitie["bijeenkomstId"] == wereld.bijeenkomst["id"]
    assert notitie["leervraagId"] == wereld.leervraag["id"]
    assert notitie["netwerkId"] == wereld.bouw.id
    assert response.headers["ETag"]
    # Without a bijeenkomst too: progress between sessions counts.
    assert eigenaar.post(wereld.url, json={"tekst": "Nagebeld met Emmen."}).status_code == 201
    lijst = eigenaar.get(wereld.url)
    assert lijst.status_code == 200
    assert [n["tekst"] for n in lijst.json()["results"]] == [
        "De jongerenraad van Emmen gaf me een plan voor onze wijk.",
        "Nagebeld met Emmen.",
    ]
    nieuwste = eigenaar.get(wereld.url, params={"sorteer": "-aangemaaktOp"}).json()
    assert nieuwste["results"][0]["tekst"] == "Nagebeld met Emmen."
    assert "Link" in lijst.headers


@pytest.mark.parametrize(
    ("body", "naam"),
    [
        ({"tekst": ""}, "tekst"),
        ({"tekst": "   "}, "tekst"),
        ({"tekst": "x" * 5000}, "tekst"),
        ({}, "tekst"),
        ({"tekst": "Goed", "bijeenkomstId": "geen-uuid"}, "bijeenkomstId"),
        ({"tekst": "Goed", "onbekend": 1}, "onbekend"),
    ],
)
def test_invalid_notes_are_400_and_write_nothing(
    wereld: Wereld, body: dict[str, Any], naam: str
) -> None:
    response = wereld.clients["eigenaar"].post(wereld.url, json=body)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == naam
    assert _notities(wereld) == []


def test_the_longest_note_that_fits(wereld: Wereld) -> None:
    response = wereld.clients["eigenaar"].post(wereld.url, json={"tekst": "x" * 2000})
    assert response.status_code == 201
    assert len(response.json()["tekst"]) == 2000


def test_a_bijeenkomst_of_another_network_is_400_and_writes_nothing(wereld: Wereld) -> None:
    elders = wereld.ander.bijeenkomst(over_dagen=-3)
    for bijeenkomst_id in (elders["id"], "00000000-0000-0000-0000-000000000001"):
        response = wereld.clients["eigenaar"].post(
            wereld.url, json={"tekst": "Goed gesprek", "bijeenkomstId": bijeenkomst_id}
        )
        assert response.status_code == 400
        param = response.json()["invalidParams"][0]
        assert (param["name"], param["code"]) == ("bijeenkomstId", "geen-bijeenkomst")
    assert _notities(wereld) == []


def test_a_leervraag_of_another_network_is_404_and_writes_nothing(wereld: Wereld) -> None:
    url = f"{wereld.ander.url}/leervragen/{wereld.leervraag['id']}/voortgang"
    beheerder = wereld.clients["beheerder"]
    response = beheerder.post(url, json={"tekst": "Verkeerd netwerk"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert beheerder.get(url).status_code == 404
    assert _notities(wereld) == []


def test_who_may_write_and_read_progress(wereld: Wereld) -> None:
    schrijven = {
        rol: wereld.clients[rol].post(wereld.url, json={"tekst": f"Door {rol}"}).status_code
        for rol in ("eigenaar", "kartrekker", "beheerder", "collega", "buitenstaander", "lezer")
    }
    assert schrijven == {
        "eigenaar": 201,
        "kartrekker": 201,
        "beheerder": 201,
        "collega": 403,
        "buitenstaander": 404,
        "lezer": 403,
    }
    lezen = {
        rol: wereld.clients[rol].get(wereld.url).status_code
        for rol in ("eigenaar", "collega", "buitenstaander", "lezer")
    }
    assert lezen == {"eigenaar": 200, "collega": 200, "buitenstaander": 404, "lezer": 200}
    assert [n["tekst"] for n in _notities(wereld)] == [
        "Door eigenaar",
        "Door kartrekker",
        "Door beheerder",
    ]
