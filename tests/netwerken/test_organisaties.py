"""Organisations of a network: added by a kartrekker before their people, or there through them."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.models import Gebeurtenis
from tests import factories


@dataclass
class Netwerk:
    """A network with a kartrekker and a member from Assen, and Emmen not in it yet."""

    id: str
    url: str
    assen: dict[str, Any]
    emmen: dict[str, Any]
    kartrekker: TestClient
    lid: TestClient
    buitenstaander: TestClient


CONTACT = {"naam": "Sanne de Vries", "email": "s.devries@emmen.nl", "telefoon": "+31 591 685 000"}


@pytest.fixture
def netwerk(client: TestClient, client_voor: Callable[[str], TestClient]) -> Netwerk:
    assen = factories.organisatie(client, "Gemeente Assen")
    emmen = factories.organisatie(client, "Gemeente Emmen")
    body = factories.netwerk(client)
    trekker = factories.persoon(client, assen["id"], "Kim Kartrekker", email="kim@assen.example")
    lid = factories.persoon(client, assen["id"], "Daan Deelnemer", email="daan@assen.example")
    factories.persoon(client, assen["id"], "Bo Buiten", email="bo@assen.example")
    factories.deelnemer(client, body["id"], trekker["id"], kartrekker=True)
    factories.deelnemer(client, body["id"], lid["id"], rol="jonge-hond")
    return Netwerk(
        id=body["id"],
        url=f"/v1/netwerken/{body['id']}/organisaties",
        assen=assen,
        emmen=emmen,
        kartrekker=client_voor("kim@assen.example"),
        lid=client_voor("daan@assen.example"),
        buitenstaander=client_voor("bo@assen.example"),
    )


def _voeg_toe(client: TestClient, netwerk: Netwerk, organisatie_id: str, **contact: Any) -> Any:
    return client.post(
        netwerk.url,
        json={"organisatieId": organisatie_id, "contactpersoon": contact or CONTACT},
    )


def _types(session: Session, organisatie_id: str) -> list[str]:
    return list(
        session.exec(
            select(Gebeurtenis.type)
            .where(Gebeurtenis.onderwerp == organisatie_id)
            .order_by(col(Gebeurtenis.tijd))
        ).all()
    )


def test_a_kartrekker_adds_an_organisation_before_its_people_are_known(
    netwerk: Netwerk,
) -> None:
    response = _voeg_toe(netwerk.kartrekker, netwerk, netwerk.emmen["id"])
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] == netwerk.emmen["id"]
    assert body["naam"] == "Gemeente Emmen"
    assert body["aangeslotenVia"] == "toegevoegd"
    assert body["aantalDeelnemers"] == 0
    assert body["contactpersoon"] == CONTACT
    assert response.headers["Location"] == f"{netwerk.url}/{netwerk.emmen['id']}"
    assert netwerk.kartrekker.get(response.headers["Location"]).json() == body

    lijst = netwerk.kartrekker.get(netwerk.url).json()
    assert [(o["naam"], o["aangeslotenVia"], o["aantalDeelnemers"]) for o in lijst["results"]] == [
        ("Gemeente Assen", "deelnemers", 2),
        ("Gemeente Emmen", "toegevoegd", 0),
    ]
    assert lijst["results"][0]["contactpersoon"] is None


def test_the_contacts_email_and_phone_are_for_kartrekkers_only(netwerk: Netwerk) -> None:
    assert _voeg_toe(netwerk.kartrekker, netwerk, netwerk.emmen["id"]).status_code == 201
    emmen = f"{netwerk.url}/{netwerk.emmen['id']}"
    assert netwerk.kartrekker.get(emmen).json()["contactpersoon"]["email"] == CONTACT["email"]
    gewoon_lid = netwerk.lid.get(emmen)
    assert gewoon_lid.status_code == 200
    assert gewoon_lid.json()["contactpersoon"] == {
        "naam": "Sanne de Vries",
        "email": None,
        "telefoon": None,
    }
    in_lijst = netwerk.lid.get(netwerk.url).json()["results"]
    assert CONTACT["email"] not in str(in_lijst)
    assert CONTACT["telefoon"] not in str(in_lijst)


def test_only_the_networks_kartrekkers_add_change_and_remove(netwerk: Netwerk) -> None:
    assert _voeg_toe(netwerk.lid, netwerk, netwerk.emmen["id"]).status_code == 403
    assert _voeg_toe(netwerk.buitenstaander, netwerk, netwerk.emmen["id"]).status_code == 404
    assert netwerk.buitenstaander.get(netwerk.url).status_code == 404
    assert _voeg_toe(netwerk.kartrekker, netwerk, netwerk.emmen["id"]).status_code == 201
    emmen = f"{netwerk.url}/{netwerk.emmen['id']}"
    patch = {"contactpersoon": {"naam": "Iemand Anders"}}
    assert netwerk.lid.patch(emmen, json=patch).status_code == 403
    assert netwerk.lid.delete(emmen).status_code == 403
    assert netwerk.kartrekker.get(emmen).json()["contactpersoon"]["naam"] == "Sanne de Vries"


def test_unknown_organisation_is_400_and_a_second_time_is_409(
    client: TestClient, netwerk: Netwerk
) -> None:
    onbekend = _voeg_toe(client, netwerk, "00000000-0000-0000-0000-000000000001")
    assert onbekend.status_code == 400
    assert [p["name"] for p in onbekend.json()["invalidParams"]] == ["organisatieId"]
    zonder_naam = client.post(
        netwerk.url,
        json={"organisatieId": netwerk.emmen["id"], "contactpersoon": {"email": "geen-adres"}},
    )
    assert zonder_naam.status_code == 400
    assert {p["name"] for p in zonder_naam.json()["invalidParams"]} == {
        "contactpersoon.naam",
        "contactpersoon.email",
    }
    assert client.get(netwerk.url).json()["count"] == 1  # only Assen, through its people
    assert _voeg_toe(client, netwerk, netwerk.emmen["id"]).status_code == 201
    tweede = _voeg_toe(client, netwerk, netwerk.emmen["id"])
    assert tweede.status_code == 409
    assert "Gemeente Emmen" in tweede.json()["detail"]


def test_an_organisation_present_through_its_people_can_get_a_contact(
    client: TestClient, netwerk: Netwerk
) -> None:
    response = _voeg_toe(client, netwerk, netwerk.assen["id"], naam="Kim Kartrekker")
    assert response.status_code == 201, response.text
    assert response.json()["aangeslotenVia"] == "toegevoegd"
    assert response.json()["aantalDeelnemers"] == 2


def test_a_finished_network_refuses_new_organisations(client: TestClient, session: Session) -> None:
    netwerk = factories.startklaar_netwerk(client)
    url = f"/v1/netwerken/{netwerk['id']}"
    assert client.post(f"{url}/_activeer").status_code == 200
    assert client.post(f"{url}/_rondaf").status_code == 200
    emmen = factories.organisatie(client, "Gemeente Emmen")
    response = client.post(
        f"{url}/organisaties", json={"organisatieId": emmen["id"], "contactpersoon": CONTACT}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "netwerk-afgerond"
    assert "afgerond" in response.json()["detail"]
    aangesloten = client.get(f"{url}/organisaties").json()["results"]
    assert emmen["id"] not in {o["id"] for o in aangesloten}
    assert _types(session, emmen["id"]) == []


def test_change_the_contact_with_if_match(client: TestClient, netwerk: Netwerk) -> None:
    toegevoegd = _voeg_toe(client, netwerk, netwerk.emmen["id"])
    emmen = f"{netwerk.url}/{netwerk.emmen['id']}"
    nieuw = {"contactpersoon": {"naam": "Joost Bakker", "email": "j.bakker@emmen.nl"}}
    verouderd = client.patch(emmen, json=nieuw, headers={"If-Match": '"verouderd"'})
    assert verouderd.status_code == 412
    response = client.patch(emmen, json=nieuw, headers={"If-Match": toegevoegd.headers["ETag"]})
    assert response.status_code == 200, response.text
    assert response.json()["contactpersoon"] == {
        "naam": "Joost Bakker",
        "email": "j.bakker@emmen.nl",
        "telefoon": None,
    }
    assert client.get(emmen).json()["contactpersoon"]["naam"] == "Joost Bakker"


def test_remove_an_added_organisation_without_people(
    client: TestClient, session: Session, netwerk: Netwerk
) -> None:
    _voeg_toe(client, netwerk, netwerk.emmen["id"])
    emmen = f"{netwerk.url}/{netwerk.emmen['id']}"
    assert netwerk.kartrekker.delete(emmen).status_code == 204
    assert client.get(emmen).status_code == 404
    assert client.delete(emmen).status_code == 404
    # Assen takes part through its people: removing it here would change nothing.
    via_mensen = client.delete(f"{netwerk.url}/{netwerk.assen['id']}")
    assert via_mensen.status_code == 409
    assert "deelnemers" in via_mensen.json()["detail"]
    assert _types(session, netwerk.emmen["id"]) == [
        "nl.kartrekker.netwerkorganisatie.toegevoegd",
        "nl.kartrekker.netwerkorganisatie.verwijderd",
    ]


def test_an_added_organisation_with_people_stays(client: TestClient, netwerk: Netwerk) -> None:
    _voeg_toe(client, netwerk, netwerk.emmen["id"])
    mens = factories.persoon(client, netwerk.emmen["id"], "Eva Emmen")
    factories.deelnemer(client, netwerk.id, mens["id"], rol="participatie")
    emmen = f"{netwerk.url}/{netwerk.emmen['id']}"
    assert client.get(emmen).json()["aantalDeelnemers"] == 1
    response = client.delete(emmen)
    assert response.status_code == 409
    assert "Eva" not in response.json()["detail"]  # names no one; counts them
    assert "1 deelnemer" in response.json()["detail"]
    assert client.get(emmen).status_code == 200


def test_events_announce_additions_without_contact_details(
    client: TestClient, session: Session, netwerk: Netwerk
) -> None:
    _voeg_toe(client, netwerk, netwerk.emmen["id"])
    client.patch(
        f"{netwerk.url}/{netwerk.emmen['id']}", json={"contactpersoon": {"naam": "Joost Bakker"}}
    )
    gebeurtenissen = session.exec(
        select(Gebeurtenis)
        .where(Gebeurtenis.onderwerp == netwerk.emmen["id"])
        .order_by(col(Gebeurtenis.tijd))
    ).all()
    assert [g.type for g in gebeurtenissen] == [
        "nl.kartrekker.netwerkorganisatie.toegevoegd",
        "nl.kartrekker.netwerkorganisatie.gewijzigd",
    ]
    assert all(str(g.netwerk_id) == netwerk.id for g in gebeurtenissen)
    assert CONTACT["email"] not in str([g.data for g in gebeurtenissen])
    types = {t["type"] for t in client.get("/v1/gebeurtenistypen").json()}
    assert "nl.kartrekker.netwerkorganisatie.toegevoegd" in types


def test_an_organisation_in_a_network_cannot_be_deleted(
    client: TestClient, netwerk: Netwerk
) -> None:
    _voeg_toe(client, netwerk, netwerk.emmen["id"])
    response = client.delete(f"/v1/organisaties/{netwerk.emmen['id']}")
    assert response.status_code == 409
    assert "netwerk" in response.json()["detail"]
    assert client.get(f"/v1/organisaties/{netwerk.emmen['id']}").status_code == 200


def test_filter_on_how_organisations_joined(client: TestClient, netwerk: Netwerk) -> None:
    _voeg_toe(client, netwerk, netwerk.emmen["id"])
    namen = lambda via: [  # noqa: E731
        o["naam"] for o in client.get(netwerk.url, params={"aangeslotenVia": via}).json()["results"]
    ]
    assert namen("toegevoegd") == ["Gemeente Emmen"]
    assert namen("deelnemers") == ["Gemeente Assen"]
    assert client.get(netwerk.url, params={"aangeslotenVia": "post"}).status_code == 400


def test_the_list_takes_a_constant_number_of_statements(
    client: TestClient, count_statements: Callable[[], Any]
) -> None:
    tellingen = []
    for grootte in (1, 6):
        netwerk = factories.netwerk(client, f"Netwerk van {grootte}")
        for index in range(grootte):
            org = factories.organisatie(client, f"Gemeente {grootte}-{index}")
            mens = factories.persoon(client, org["id"], f"Mens {grootte}-{index}")
            factories.deelnemer(client, netwerk["id"], mens["id"])
            extra = factories.organisatie(client, f"Waterschap {grootte}-{index}")
            client.post(
                f"/v1/netwerken/{netwerk['id']}/organisaties",
                json={"organisatieId": extra["id"], "contactpersoon": {"naam": "Iemand"}},
            )
        url = f"/v1/netwerken/{netwerk['id']}/organisaties"
        client.get(url)
        with count_statements() as counter:
            response = client.get(url, params={"pageSize": 100})
        assert response.json()["count"] == 2 * grootte
        tellingen.append(counter.count)
    assert tellingen[0] == tellingen[1]


def test_an_organisation_there_through_its_people_has_no_version_to_match(
    client: TestClient, netwerk: Netwerk
) -> None:
    assen = client.get(f"{netwerk.url}/{netwerk.assen['id']}")
    assert assen.status_code == 200
    assert assen.json()["aangeslotenVia"] == "deelnemers"
    assert assen.json()["contactpersoon"] is None
    assert "ETag" not in assen.headers


def test_an_organisation_that_no_longer_exists_cannot_join(
    client: TestClient, netwerk: Netwerk
) -> None:
    menterwolde = factories.organisatie(client, "Gemeente Menterwolde", einddatum="2018-01-01")
    response = _voeg_toe(client, netwerk, menterwolde["id"])
    assert response.status_code == 400
    reden = response.json()["invalidParams"][0]
    assert reden["name"] == "organisatieId"
    assert "opgeheven per 2018-01-01" in reden["reason"]
