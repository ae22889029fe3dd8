"""Find who can help, through HTTP: matches of a leervraag, ranked, explained, and cheap."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.leervragen.netwerkbouw import Netwerkbouw


def _email(naam: str) -> str:
    return f"{naam.lower().replace(' ', '.')}@example.nl"


def _zet_status(client: TestClient, vraag: dict[str, Any], *statussen: str) -> None:
    url = f"/v1/netwerken/{vraag['netwerkId']}/leervragen/{vraag['id']}"
    for status in statussen:
        assert client.patch(url, json={"status": status}).status_code == 200


@dataclass
class Jongerennetwerk:
    bouw: Netwerkbouw
    vraag: dict[str, Any]
    """Fenna's (Assen) halen-vraag about young people."""
    collega: dict[str, Any]
    """Sanne, Fenna's colleague in Assen, who brings nearly the same words."""
    emmen: dict[str, Any]
    """Bram from Emmen, who brings a related answer."""
    aanbod_emmen: dict[str, Any]

    def url(self, vraag: dict[str, Any]) -> str:
        return f"{self.bouw.url}/leervragen/{vraag['id']}/matches"


@pytest.fixture
def jongeren(client: TestClient) -> Jongerennetwerk:
    bouw = Netwerkbouw(client)
    fenna = bouw.deelnemer("Fenna Hoekstra", "Gemeente Assen")
    sanne = bouw.deelnemer("Sanne Wieringa", "Gemeente Assen", rol="beslisser")
    bram = bouw.deelnemer("Bram Bakker", "Gemeente Emmen")
    pieter = bouw.deelnemer("Pieter Post", "Provincie Drenthe")
    vertrokken = bouw.deelnemer("Vera Vertrokken", "Wetterskip Fryslân", status="vertrokken")
    losgelaten = bouw.deelnemer("Lars Losgelaten", "Provincie Groningen")
    vraag = bouw.leervraag(
        fenna,
        "halen",
        "Hoe betrekken we jongeren bij de plannen voor hun wijk?",
        "participatie",
        "jongeren",
    )
    bouw.leervraag(
        sanne,
        "brengen",
        "Ik heb jongeren betrokken bij de plannen voor hun wijk.",
        "participatie",
        "jongeren",
    )
    aanbod_emmen = bouw.leervraag(
        bram,
        "brengen",
        "In Emmen praten jongeren via een jongerenraad mee over plannen in de wijk.",
        "jongeren",
    )
    bouw.leervraag(
        pieter, "brengen", "Ik ken de subsidieregels voor windmolens.", "energietransitie"
    )
    for deelnemer in (vertrokken, losgelaten):
        aanbod = bouw.leervraag(
            deelnemer,
            "brengen",
            "Hoe betrekken we jongeren bij de plannen voor hun wijk? Zo doen wij dat.",
            "participatie",
            "jongeren",
        )
    _zet_status(bouw.client, aanbod, "in-behandeling", "losgelaten")
    return Jongerennetwerk(bouw, vraag, sanne, bram, aanbod_emmen)


def test_other_organisations_rank_above_colleagues_with_an_explanation(
    client: TestClient, jongeren: Jongerennetwerk
) -> None:
    response = client.get(jongeren.url(jongeren.vraag))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["leervraagId"] == jongeren.vraag["id"]
    assert body["soort"] == "halen"
    results = body["results"]
    # Bram from Emmen first, although colleague Sanne wrote nearly the same words.
    assert [m["deelnemer"]["naam"] for m in results] == ["Bram Bakker", "Sanne Wieringa"]
    bram, sanne = results
    assert sanne["score"] > bram["score"]
    assert (bram["andereOrganisatie"], sanne["andereOrganisatie"]) == (True, False)
    assert bram["deelnemer"]["organisatie"]["naam"] == "Gemeente Emmen"
    assert bram["deelnemer"]["id"] == jongeren.emmen["id"]
    assert bram["deelnemer"]["rol"] == "participatie"
    assert bram["netwerkId"] == jongeren.bouw.id
    assert bram["leervraagId"] == jongeren.vraag["id"]
    assert [lv["id"] for lv in bram["passendeLeervragen"]] == [jongeren.aanbod_emmen["id"]]
    assert bram["passendeLeervragen"][0]["tekst"] == jongeren.aanbod_emmen["tekst"]
    assert bram["gedeeldeThemas"] == ["jongeren"]
    assert "jongeren" in bram["gedeeldeWoorden"]
    assert bram["uitleg"].startswith("Uit een andere organisatie.")
    assert "jongeren" in bram["uitleg"]
    assert sanne["uitleg"].startswith("Collega uit je organisatie.")
    assert set(sanne["gedeeldeThemas"]) == {"participatie", "jongeren"}


def test_only_active_people_and_questions_count(
    client: TestClient, jongeren: Jongerennetwerk
) -> None:
    namen = {
        m["deelnemer"]["naam"] for m in client.get(jongeren.url(jongeren.vraag)).json()["results"]
    }
    assert "Vera Vertrokken" not in namen
    assert "Lars Losgelaten" not in namen
    assert "Pieter Post" not in namen  # windmills answer nothing about young people


def test_for_a_brengen_who_is_asking_for_it(client: TestClient, jongeren: Jongerennetwerk) -> None:
    bouw = jongeren.bouw
    anouk = bouw.deelnemer("Anouk Smit", "Gemeente Groningen")
    beantwoord = bouw.leervraag(
        anouk, "halen", "Hoe laat je jongeren meepraten over plannen in de wijk?", "jongeren"
    )
    body = client.get(jongeren.url(jongeren.aanbod_emmen)).json()
    assert body["soort"] == "brengen"
    assert {m["deelnemer"]["naam"] for m in body["results"]} == {"Fenna Hoekstra", "Anouk Smit"}
    assert all(lv["soort"] == "halen" for m in body["results"] for lv in m["passendeLeervragen"])
    # An answered question no longer asks.
    _zet_status(client, beantwoord, "in-behandeling", "beantwoord")
    body = client.get(jongeren.url(jongeren.aanbod_emmen)).json()
    assert [m["deelnemer"]["naam"] for m in body["results"]] == ["Fenna Hoekstra"]


def test_an_answered_question_can_still_see_who_helps(
    client: TestClient, jongeren: Jongerennetwerk
) -> None:
    _zet_status(client, jongeren.vraag, "in-behandeling", "beantwoord")
    results = client.get(jongeren.url(jongeren.vraag)).json()["results"]
    assert [m["deelnemer"]["naam"] for m in results] == ["Bram Bakker", "Sanne Wieringa"]


def test_shared_tags_count_as_shared_themes(client: TestClient) -> None:
    bouw = Netwerkbouw(client)
    vrager = bouw.deelnemer("Fenna Hoekstra", "Gemeente Assen")
    brenger = bouw.deelnemer("Bram Bakker", "Gemeente Emmen")
    vraag = bouw.leervraag(
        vrager, "halen", "Hoe verdeel je een wijkbudget?", tags=["burgerbegroting"]
    )
    bouw.leervraag(brenger, "brengen", "Wij verdeelden ons wijkbudget.", tags=["Burgerbegroting"])
    match = client.get(f"{bouw.url}/leervragen/{vraag['id']}/matches").json()["results"][0]
    assert match["gedeeldeThemas"] == ["burgerbegroting"]
    assert "burgerbegroting" in match["uitleg"]


def test_limiet(client: TestClient, jongeren: Jongerennetwerk) -> None:
    url = jongeren.url(jongeren.vraag)
    eerste = client.get(url, params={"limiet": 1}).json()["results"]
    assert [m["deelnemer"]["naam"] for m in eerste] == ["Bram Bakker"]
    for ongeldig in (0, 51, "veel"):
        response = client.get(url, params={"limiet": ongeldig})
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["name"] == "limiet"
    assert client.get(url, params={"limiet": 50}).status_code == 200


def test_a_leervraag_of_another_network_is_404(
    client: TestClient, jongeren: Jongerennetwerk
) -> None:
    ander = Netwerkbouw(client, "Ander netwerk")
    response = client.get(f"{ander.url}/leervragen/{jongeren.vraag['id']}/matches")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    onbekend = f"{jongeren.bouw.url}/leervragen/00000000-0000-0000-0000-000000000001/matches"
    assert client.get(onbekend).status_code == 404


def test_who_may_ask_for_matches(
    client: TestClient, client_voor: Callable[[str], TestClient], jongeren: Jongerennetwerk
) -> None:
    ander = Netwerkbouw(client, "Ander netwerk", organisaties=jongeren.bouw.organisaties)
    ander.deelnemer("Olle Ander", "Gemeente Emmen")
    lezer = client.post("/v1/api-sleutels", json={"naam": "L", "scopes": ["lezen"]}).json()
    url = jongeren.url(jongeren.vraag)
    statussen = {
        "deelnemer": client_voor(_email("Pieter Post")).get(url).status_code,
        "eigenaar": client_voor(_email("Fenna Hoekstra")).get(url).status_code,
        "deelnemer van een ander netwerk": client_voor(_email("Olle Ander")).get(url).status_code,
        "lezer": TestClient(client.app, headers={"X-Api-Key": lezer["sleutel"]})
        .get(url)
        .status_code,
        "anoniem": TestClient(client.app).get(url).status_code,
    }
    assert statussen == {
        "deelnemer": 200,
        "eigenaar": 200,
        "deelnemer van een ander netwerk": 404,
        "lezer": 200,
        "anoniem": 401,
    }


def _groot_netwerk(client: TestClient, deelnemers: int) -> tuple[Netwerkbouw, dict[str, Any]]:
    bouw = Netwerkbouw(client, f"Netwerk van {deelnemers}")
    vraag: dict[str, Any] = {}
    for i in range(deelnemers):
        deelnemer = bouw.deelnemer(f"Persoon {deelnemers} {i}", f"Organisatie {i % 5}")
        gevraagd = bouw.leervraag(
            deelnemer, "halen", f"Hoe betrekken we jongeren in wijk {i}?", "jongeren"
        )
        vraag = vraag or gevraagd
        bouw.leervraag(deelnemer, "brengen", f"Jongeren in wijk {i} praten mee.", "jongeren")
    return bouw, vraag


def test_matches_take_a_constant_number_of_statements(
    client: TestClient, count_statements: Callable[[], Any]
) -> None:
    tellingen = []
    for grootte in (3, 12):
        bouw, vraag = _groot_netwerk(client, grootte)
        url = f"{bouw.url}/leervragen/{vraag['id']}/matches"
        client.get(url)  # the API key's first use is recorded once; measure after it
        with count_statements() as counter:
            response = client.get(url, params={"limiet": 50})
        assert response.status_code == 200
        assert len(response.json()["results"]) == grootte - 1
        tellingen.append(counter.count)
    assert tellingen[0] == tellingen[1]
    # the API key, the network, the leervraag, and its network's leervragen in one query
    assert tellingen[0] <= 4, "\n".join(s[:150].replace("\n", " ") for s in counter.statements)
