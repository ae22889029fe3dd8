"""A person asks across all their networks: only those, merged, each match naming its netwerk."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests import factories
from tests.leervragen.netwerkbouw import Netwerkbouw


def _email(naam: str) -> str:
    return f"{naam.lower().replace(' ', '.')}@example.nl"


JONGEREN = "Hoe betrekken we jongeren bij de plannen voor hun wijk?"
WARMTE = "Hoe krijgen we inwoners mee bij de aanleg van een warmtenet in hun wijk?"


@dataclass
class Wereld:
    fenna: dict[str, Any]
    democratie: Netwerkbouw
    energie: Netwerkbouw
    verlaten: Netwerkbouw
    vreemd: Netwerkbouw
    clients: dict[str, TestClient]

    @property
    def url(self) -> str:
        return f"/v1/personen/{self.fenna['id']}/matches"


@pytest.fixture
def wereld(client: TestClient, client_voor: Callable[[str], TestClient]) -> Wereld:
    democratie = Netwerkbouw(client)
    organisaties = democratie.organisaties
    energie = Netwerkbouw(client, "Energie Noord", organisaties=organisaties)
    verlaten = Netwerkbouw(client, "Verlaten netwerk", organisaties=organisaties)
    vreemd = Netwerkbouw(client, "Vreemd netwerk", organisaties=organisaties)
    fenna = factories.persoon(
        client, democratie.organisatie("Gemeente Assen")["id"], "Fenna Hoekstra"
    )

    ik = democratie.lid(fenna)
    democratie.leervraag(ik, "halen", JONGEREN, "jongeren")
    democratie.leervraag(
        democratie.deelnemer("Bram Bakker", "Gemeente Emmen"),
        "brengen",
        "In Emmen praten jongeren via een jongerenraad mee over plannen voor de wijk.",
        "jongeren",
    )
    democratie.leervraag(
        democratie.deelnemer("Sanne Wieringa", "Gemeente Assen"),
        "brengen",
        "Ik heb jongeren betrokken bij de plannen voor hun wijk.",
        "jongeren",
    )
    democratie.deelnemer("Kim Kartrekker", "Provincie Drenthe", kartrekker=True)

    ik = energie.lid(fenna, rol="beslisser")
    energie.leervraag(ik, "halen", WARMTE, "energietransitie")
    energie.leervraag(
        energie.deelnemer("Wim Warmte", "Provincie Drenthe"),
        "brengen",
        "Wij legden met inwoners een warmtenet aan in een wijk van Assen.",
        "energietransitie",
    )

    # Fenna left this network; her question there is still open, and someone answers it.
    ik = verlaten.lid(fenna)
    verlaten.leervraag(ik, "halen", JONGEREN, "jongeren")
    verlaten.leervraag(
        verlaten.deelnemer("Vera Verlaten", "Gemeente Emmen"), "brengen", JONGEREN, "jongeren"
    )
    assert (
        client.patch(
            f"{verlaten.url}/deelnemers/{ik['id']}", json={"status": "vertrokken"}
        ).status_code
        == 200
    )

    # Fenna was never in this one, where the same question is asked and answered.
    vreemd.leervraag(vreemd.deelnemer("Xander Vreemd", "Gemeente Assen"), "halen", JONGEREN)
    vreemd.leervraag(vreemd.deelnemer("Yara Vreemd", "Gemeente Emmen"), "brengen", JONGEREN)

    lezer = client.post("/v1/api-sleutels", json={"naam": "L", "scopes": ["lezen"]}).json()
    return Wereld(
        fenna=fenna,
        democratie=democratie,
        energie=energie,
        verlaten=verlaten,
        vreemd=vreemd,
        clients={
            "zelf": client_voor(_email("Fenna Hoekstra")),
            "beheerder": client,
            "kartrekker": client_voor(_email("Kim Kartrekker")),
            "deelnemer": client_voor(_email("Bram Bakker")),
            "lezer": TestClient(client.app, headers={"X-Api-Key": lezer["sleutel"]}),
        },
    )


def test_a_person_sees_matches_from_every_network_they_are_in(wereld: Wereld) -> None:
    response = wereld.clients["zelf"].get(wereld.url)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["persoonId"] == wereld.fenna["id"]
    assert set(body["netwerkIds"]) == {wereld.democratie.id, wereld.energie.id}
    gevonden = [(m["netwerkNaam"], m["deelnemer"]["naam"]) for m in body["results"]]
    assert set(gevonden) == {
        ("Democratie in Actie", "Bram Bakker"),
        ("Democratie in Actie", "Sanne Wieringa"),
        ("Energie Noord", "Wim Warmte"),
    }
    # Other organisations first, by score; then the colleague.
    assert gevonden[-1] == ("Democratie in Actie", "Sanne Wieringa")
    anderen = [m for m in body["results"] if m["andereOrganisatie"]]
    assert [m["score"] for m in anderen] == sorted((m["score"] for m in anderen), reverse=True)
    for match in body["results"]:
        assert match["netwerkId"] in {wereld.democratie.id, wereld.energie.id}
        assert match["uitleg"]
        assert match["passendeLeervragen"][0]["soort"] == "brengen"
    warmte = next(m for m in body["results"] if m["netwerkNaam"] == "Energie Noord")
    assert warmte["netwerkId"] == wereld.energie.id
    assert "warmtenet" in warmte["gedeeldeWoorden"]


def test_networks_left_or_never_joined_never_show(wereld: Wereld) -> None:
    body = wereld.clients["beheerder"].get(wereld.url).json()
    namen = {m["deelnemer"]["naam"] for m in body["results"]}
    assert not namen & {"Vera Verlaten", "Yara Vreemd", "Xander Vreemd"}
    assert wereld.verlaten.id not in body["netwerkIds"]
    assert wereld.vreemd.id not in body["netwerkIds"]


def test_answered_questions_are_no_longer_matched(client: TestClient, wereld: Wereld) -> None:
    vraag = client.get(f"{wereld.energie.url}/leervragen", params={"soort": "halen"}).json()[
        "results"
    ][0]
    url = f"{wereld.energie.url}/leervragen/{vraag['id']}"
    for status in ("in-behandeling", "beantwoord"):
        assert client.patch(url, json={"status": status}).status_code == 200
    body = client.get(wereld.url).json()
    assert {m["netwerkNaam"] for m in body["results"]} == {"Democratie in Actie"}


def test_limiet_applies_to_the_merged_list(wereld: Wereld) -> None:
    results = wereld.clients["zelf"].get(wereld.url, params={"limiet": 1}).json()["results"]
    assert len(results) == 1
    assert results[0]["andereOrganisatie"] is True
    assert wereld.clients["zelf"].get(wereld.url, params={"limiet": 0}).status_code == 400


def test_who_may_ask_for_a_persons_matches(wereld: Wereld) -> None:
    statussen = {rol: c.get(wereld.url).status_code for rol, c in wereld.clients.items()}
    assert statussen == {
        "zelf": 200,
        "beheerder": 200,
        "kartrekker": 200,
        "deelnemer": 403,
        # A read key for every network reads everything, this person's matches included.
        "lezer": 200,
    }
    onbekend = "/v1/personen/00000000-0000-0000-0000-000000000001/matches"
    assert wereld.clients["beheerder"].get(onbekend).status_code == 404


def test_a_kartrekker_sees_only_the_networks_they_may_see(wereld: Wereld) -> None:
    body = wereld.clients["kartrekker"].get(wereld.url).json()
    assert body["netwerkIds"] == [wereld.democratie.id]
    assert {m["netwerkNaam"] for m in body["results"]} == {"Democratie in Actie"}


def test_person_matches_take_a_constant_number_of_statements(
    client: TestClient, count_statements: Callable[[], Any]
) -> None:
    persoon = factories.persoon(
        client, factories.organisatie(client, "Gemeente Assen")["id"], "Fenna Hoekstra"
    )
    url = f"/v1/personen/{persoon['id']}/matches"
    client.get(url)  # the API key's first use is recorded once; measure after it
    organisaties: dict[str, dict[str, Any]] = {}
    tellingen = []
    for n in range(3):
        bouw = Netwerkbouw(client, f"Netwerk {n}", organisaties=organisaties)
        ik = bouw.lid(persoon)
        bouw.leervraag(ik, "halen", JONGEREN, "jongeren")
        brenger = bouw.deelnemer(f"Brenger {n}", "Gemeente Emmen")
        bouw.leervraag(brenger, "brengen", JONGEREN, "jongeren")
        with count_statements() as counter:
            response = client.get(url)
        assert len(response.json()["results"]) == n + 1
        tellingen.append(counter.count)
    assert tellingen[0] == tellingen[1] == tellingen[2]
    # the API key, the persoon, their networks, and all their leervragen in one query
    assert tellingen[0] <= 4, "\n".join(s[:150].replace("\n", " ") for s in counter.statements)
