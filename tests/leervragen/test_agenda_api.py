"""Agenda suggestions through HTTP: related open halen-vragen, who brings, and who hosts next."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.leervragen.netwerkbouw import Netwerkbouw

JONGEREN = [
    ("Fenna Hoekstra", "Gemeente Assen", "Hoe betrekken we jongeren bij plannen voor hun wijk?"),
    ("Lotte Visser", "Gemeente Leeuwarden", "Hoe houd je jongeren betrokken bij een jongerenraad?"),
    (
        "Anouk Smit",
        "Gemeente Groningen",
        "Hoe bereik je jongeren die nooit op inspraakavonden komen?",
    ),
]
WARMTE = [
    ("Henk Bosma", "Gemeente Assen", "Hoe maak je een wijk aardgasvrij met een warmtenet?"),
    (
        "Sjoerd Meer",
        "Gemeente Leeuwarden",
        "Wie heeft een warmtenet met de woningcorporatie opgezet?",
    ),
]


@pytest.fixture
def bouw(client: TestClient) -> Netwerkbouw:
    bouw = Netwerkbouw(client)
    for naam, organisatie, tekst in JONGEREN:
        bouw.leervraag(bouw.deelnemer(naam, organisatie), "halen", tekst, "participatie")
    for naam, organisatie, tekst in WARMTE:
        bouw.leervraag(bouw.deelnemer(naam, organisatie), "halen", tekst, "energietransitie")
    los = bouw.deelnemer("Bauke Terpstra", "Gemeente Emmen")
    bouw.leervraag(los, "halen", "Hoe voer je een goed functioneringsgesprek?")
    bram = bouw.deelnemer("Bram Bakker", "Gemeente Emmen")
    bouw.leervraag(
        bram,
        "brengen",
        "Ik heb jongeren betrokken via een jongerenraad en school.",
        "participatie",
    )
    wim = bouw.deelnemer("Wim Warmte", "Provincie Drenthe")
    bouw.leervraag(
        wim, "brengen", "Wij legden een warmtenet aan met de woningcorporatie.", "energietransitie"
    )
    return bouw


def _suggesties(client: TestClient, bouw: Netwerkbouw, **params: Any) -> Any:
    response = client.get(f"{bouw.url}/agenda-suggesties", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_groups_of_related_questions_largest_first_with_who_brings(
    client: TestClient, bouw: Netwerkbouw
) -> None:
    body = _suggesties(client, bouw)
    assert body["count"] == 2
    jongeren, warmte = body["results"]
    assert {lv["tekst"] for lv in jongeren["leervragen"]} == {t for _, _, t in JONGEREN}
    assert {lv["tekst"] for lv in warmte["leervragen"]} == {t for _, _, t in WARMTE}
    assert {d["naam"] for d in jongeren["deelnemers"]} == {n for n, _, _ in JONGEREN}
    assert all(lv["soort"] == "halen" for lv in jongeren["leervragen"])
    assert jongeren["themas"] == ["participatie"]
    assert "jongeren" in jongeren["kernwoorden"]
    assert 0 < jongeren["samenhang"] <= 1
    assert jongeren["brengers"][0]["deelnemer"]["naam"] == "Bram Bakker"
    assert jongeren["brengers"][0]["deelnemer"]["organisatie"]["naam"] == "Gemeente Emmen"
    assert jongeren["brengers"][0]["passendeLeervragen"][0]["soort"] == "brengen"
    assert set(jongeren["brengers"][0]["helptBij"]) <= {lv["id"] for lv in jongeren["leervragen"]}
    assert jongeren["brengers"][0]["uitleg"]
    assert warmte["brengers"][0]["deelnemer"]["naam"] == "Wim Warmte"
    # A single question is a match for someone, not yet an agenda item.
    teksten = {lv["tekst"] for s in body["results"] for lv in s["leervragen"]}
    assert "Hoe voer je een goed functioneringsgesprek?" not in teksten


def test_only_open_questions_are_grouped(client: TestClient, bouw: Netwerkbouw) -> None:
    warmte = _suggesties(client, bouw)["results"][1]["leervragen"][0]
    url = f"{bouw.url}/leervragen/{warmte['id']}"
    assert client.patch(url, json={"status": "in-behandeling"}).status_code == 200
    body = _suggesties(client, bouw)
    assert body["count"] == 1
    assert all(warmte["id"] != lv["id"] for lv in body["results"][0]["leervragen"])


def test_the_next_host_is_the_host_of_the_next_planned_or_confirmed_bijeenkomst(
    client: TestClient, bouw: Netwerkbouw
) -> None:
    assert {s["volgendeGastorganisatie"] for s in _suggesties(client, bouw)["results"]} == {None}
    bouw.bijeenkomst(over_dagen=-30, gastorganisatie="Gemeente Assen", status="gehouden")
    bouw.bijeenkomst(over_dagen=-1, gastorganisatie="Gemeente Assen", status="gepland")
    bouw.bijeenkomst(over_dagen=5, gastorganisatie="Provincie Drenthe", status="geannuleerd")
    bouw.bijeenkomst(over_dagen=40, gastorganisatie="Gemeente Groningen", status="gepland")
    bouw.bijeenkomst(over_dagen=14, gastorganisatie="Gemeente Emmen", status="bevestigd")
    for suggestie in _suggesties(client, bouw)["results"]:
        assert suggestie["volgendeGastorganisatie"] == {
            "id": bouw.organisatie("Gemeente Emmen")["id"],
            "naam": "Gemeente Emmen",
        }


def test_no_host_when_the_next_bijeenkomst_has_none_yet(
    client: TestClient, bouw: Netwerkbouw
) -> None:
    bouw.bijeenkomst(over_dagen=7)
    bouw.bijeenkomst(over_dagen=21, gastorganisatie="Gemeente Emmen")
    assert {s["volgendeGastorganisatie"] for s in _suggesties(client, bouw)["results"]} == {None}


def test_suggestions_are_paged(client: TestClient, bouw: Netwerkbouw) -> None:
    eerste = _suggesties(client, bouw, pageSize=1)
    assert eerste["count"] == 2
    assert len(eerste["results"]) == 1
    assert eerste["next"] is not None
    tweede = client.get(eerste["next"]).json()
    assert tweede["results"][0]["leervragen"][0]["tekst"] in {t for _, _, t in WARMTE}
    assert tweede["next"] is None
    response = client.get(f"{bouw.url}/agenda-suggesties", params={"pageSize": 101})
    assert response.status_code == 400


def test_an_empty_network_has_no_suggestions(client: TestClient) -> None:
    body = _suggesties(client, Netwerkbouw(client, "Leeg netwerk"))
    assert (body["count"], body["results"]) == (0, [])


def test_who_may_see_the_suggestions(
    client: TestClient, client_voor: Callable[[str], TestClient], bouw: Netwerkbouw
) -> None:
    ander = Netwerkbouw(client, "Ander netwerk", organisaties=bouw.organisaties)
    ander.deelnemer("Olle Ander", "Gemeente Emmen")
    url = f"{bouw.url}/agenda-suggesties"
    assert client_voor("bram.bakker@example.nl").get(url).status_code == 200
    response = client_voor("olle.ander@example.nl").get(url)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
