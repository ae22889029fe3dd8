"""Spelregels through HTTP: edit them, refused transitions and writes, health, follow-up."""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.models import Aanwezigheid
from app.models.enums import AanwezigheidStatus
from tests import factories


def test_defaults_come_from_the_article(client: TestClient) -> None:
    netwerk = factories.netwerk(client)
    regels = {r["code"]: r for r in client.get(f"/v1/netwerken/{netwerk['id']}/spelregels").json()}
    assert regels["omvang"]["ernst"] == "blokkerend"
    omvang = {p["naam"]: p for p in regels["omvang"]["parameters"]}
    assert omvang["maximum"]["waarde"] == 150
    assert regels["kartrekkers"]["handhaving"] == "altijd"


def test_kartrekkers_edit_parameters_and_bad_edits_are_400(client: TestClient) -> None:
    netwerk = factories.netwerk(client)
    url = f"/v1/netwerken/{netwerk['id']}/spelregels"
    changed = client.put(url, json={"kartrekkers": {"parameters": {"minimumAantal": 3}}})
    assert changed.status_code == 200, changed.text
    regel = next(r for r in changed.json() if r["code"] == "kartrekkers")
    assert {p["naam"]: p["waarde"] for p in regel["parameters"]}["minimumAantal"] == 3
    bad = client.put(
        url,
        json={
            "bestaat-niet": {"ernst": "uit"},
            "omvang": {"parameters": {"maximum": 500}},
        },
    )
    assert bad.status_code == 400
    names = {p["name"] for p in bad.json()["invalidParams"]}
    assert any(n.startswith("bestaat-niet") for n in names)
    assert any(n.startswith("omvang") for n in names)
    # Nothing of the bad request was kept.
    regel = next(r for r in client.get(url).json() if r["code"] == "kartrekkers")
    assert {p["naam"]: p["waarde"] for p in regel["parameters"]}["minimumAantal"] == 3


def test_a_network_that_breaks_blocking_rules_cannot_start(client: TestClient) -> None:
    netwerk = factories.netwerk(client)
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    factories.deelnemer(client, netwerk["id"], persoon["id"], kartrekker=True)
    refused = client.post(f"/v1/netwerken/{netwerk['id']}/_activeer")
    assert refused.status_code == 409
    problem = refused.json()
    assert problem["code"] == "spelregels-overtreden"
    codes = {b["code"] for b in problem["bevindingen"]}
    assert "kartrekkers" in codes
    assert all(b["ernst"] == "blokkerend" for b in problem["bevindingen"])
    assert client.get(f"/v1/netwerken/{netwerk['id']}").json()["status"] == "concept"


def test_switching_a_rule_off_lets_the_network_start(client: TestClient) -> None:
    netwerk = factories.netwerk(client)
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    factories.deelnemer(client, netwerk["id"], persoon["id"], kartrekker=True)
    client.put(
        f"/v1/netwerken/{netwerk['id']}/spelregels",
        json={
            "kartrekkers": {"ernst": "uit"},
            "rollen-per-organisatie": {"ernst": "waarschuwing"},
        },
    )
    assert client.post(f"/v1/netwerken/{netwerk['id']}/_activeer").status_code == 200


def test_removing_the_last_kartrekker_of_the_second_organisation_is_refused(
    client: TestClient,
) -> None:
    netwerk = factories.startklaar_netwerk(client)
    assert client.post(f"/v1/netwerken/{netwerk['id']}/_activeer").status_code == 200
    url = f"/v1/netwerken/{netwerk['id']}/deelnemers"
    trekkers = client.get(url, params={"kartrekker": "true"}).json()["results"]
    refused = client.patch(f"{url}/{trekkers[0]['id']}", json={"kartrekker": False})
    assert refused.status_code == 409
    assert "kartrekkers" in {b["code"] for b in refused.json()["bevindingen"]}
    assert client.get(f"{url}/{trekkers[0]['id']}").json()["kartrekker"] is True
    assert client.delete(f"{url}/{trekkers[1]['id']}").status_code == 409


def test_the_151st_deelnemer_is_refused(client: TestClient) -> None:
    netwerk = factories.startklaar_netwerk(client)
    client.put(
        f"/v1/netwerken/{netwerk['id']}/spelregels",
        json={"omvang": {"parameters": {"maximum": 5}}},
    )
    assert client.post(f"/v1/netwerken/{netwerk['id']}/_activeer").status_code == 200
    org = factories.organisatie(client, "Gemeente Emmen")
    fifth = factories.persoon(client, org["id"], "Vijfde Persoon")
    factories.deelnemer(client, netwerk["id"], fifth["id"], rol="participatie")
    sixth = factories.persoon(client, org["id"], "Zesde Persoon")
    refused = client.post(
        f"/v1/netwerken/{netwerk['id']}/deelnemers",
        json={"persoonId": sixth["id"], "rol": "beslisser"},
    )
    assert refused.status_code == 409
    assert "omvang" in {b["code"] for b in refused.json()["bevindingen"]}
    listed = client.get(f"/v1/netwerken/{netwerk['id']}/deelnemers").json()
    assert listed["count"] == 5


def _held(client: TestClient, netwerk_id: str, dagen_geleden: int) -> dict[str, Any]:
    start = datetime.now(UTC) - timedelta(days=dagen_geleden)
    response = client.post(
        f"/v1/netwerken/{netwerk_id}/bijeenkomsten",
        json={
            "titel": f"Bijeenkomst {dagen_geleden}",
            "start": start.isoformat(),
            "einde": (start + timedelta(hours=3)).isoformat(),
            "status": "gehouden",
        },
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_two_absences_create_one_opvolging_for_a_kartrekker(
    client: TestClient, session: Session
) -> None:
    netwerk = factories.startklaar_netwerk(client)
    client.post(f"/v1/netwerken/{netwerk['id']}/_activeer")
    deelnemers = client.get(f"/v1/netwerken/{netwerk['id']}/deelnemers").json()["results"]
    drifter = next(d for d in deelnemers if not d["kartrekker"])
    for dagen in (20, 10):
        bijeenkomst = _held(client, netwerk["id"], dagen)
        for d in deelnemers:
            status = AanwezigheidStatus.AFWEZIG if d is drifter else AanwezigheidStatus.AANWEZIG
            session.add(
                Aanwezigheid(
                    netwerk_id=uuid.UUID(netwerk["id"]),
                    bijeenkomst_id=uuid.UUID(bijeenkomst["id"]),
                    deelnemer_id=uuid.UUID(d["id"]),
                    status=status,
                )
            )
    session.commit()
    url = f"/v1/netwerken/{netwerk['id']}/opvolgingen"
    created = client.post(f"{url}/_bijwerken").json()
    assert [o["deelnemerId"] for o in created] == [drifter["id"]]
    trekker_ids = {d["id"] for d in deelnemers if d["kartrekker"]}
    assert created[0]["kartrekkerId"] in trekker_ids
    assert client.post(f"{url}/_bijwerken").json() == []
    done = client.patch(
        f"{url}/{created[0]['id']}", json={"status": "afgerond", "notitie": "Gebeld; drukke tijd."}
    )
    assert done.json()["status"] == "afgerond"
    assert client.post(f"{url}/_bijwerken").json() == []
    assert client.get(url).json()["count"] == 1


def test_health_shows_roles_per_organisation(
    client: TestClient, count_statements: Callable[[], Any]
) -> None:
    netwerk = factories.startklaar_netwerk(client)
    url = f"/v1/netwerken/{netwerk['id']}/gezondheid"
    with count_statements() as small:
        health = client.get(url)
    assert health.status_code == 200, health.text
    body = health.json()
    assert body["rollen"]["rollen"][:4] == [
        "beslisser",
        "organisatieontwikkeling",
        "participatie",
        "jonge-hond",
    ]
    assert len(body["rollen"]["rijen"]) == 2
    assert all(r["ingevuldeRollen"] == 2 for r in body["rollen"]["rijen"])
    assert body["leervragen"] == {"halen": 0, "beantwoord": 0, "fractie": None}
    org = factories.organisatie(client, "Gemeente Emmen")
    for index in range(6):
        mens = factories.persoon(client, org["id"], f"Extra {index}")
        factories.deelnemer(client, netwerk["id"], mens["id"], rol="participatie")
        _held(client, netwerk["id"], 30 + index)
    with count_statements() as large:
        assert client.get(url).status_code == 200
    assert small.count == large.count


def test_a_completed_network_continues_with_its_people_and_open_questions(
    client: TestClient,
) -> None:
    netwerk = factories.startklaar_netwerk(client, themas=["participatie"])
    nid = netwerk["id"]
    deelnemers = client.get(f"/v1/netwerken/{nid}/deelnemers").json()["results"]
    for tekst, status in [("Hoe betrekken we jongeren?", "open"), ("Opgelost", "beantwoord")]:
        body = client.post(
            f"/v1/netwerken/{nid}/leervragen",
            json={"deelnemerId": deelnemers[0]["id"], "soort": "halen", "tekst": tekst},
        ).json()
        for stap in ("in-behandeling", "beantwoord") if status != "open" else ():
            client.patch(f"/v1/netwerken/{nid}/leervragen/{body['id']}", json={"status": stap})
    assert client.post(f"/v1/netwerken/{nid}/_vervolg").status_code == 409
    client.post(f"/v1/netwerken/{nid}/_activeer")
    client.post(f"/v1/netwerken/{nid}/_rondaf")
    vervolg = client.post(f"/v1/netwerken/{nid}/_vervolg")
    assert vervolg.status_code == 201, vervolg.text
    nieuw = vervolg.json()
    assert nieuw["status"] == "concept"
    assert nieuw["voorgangerId"] == nid
    nieuwe_deelnemers = client.get(f"/v1/netwerken/{nieuw['id']}/deelnemers").json()
    assert nieuwe_deelnemers["count"] == len(deelnemers)
    vragen = client.get(f"/v1/netwerken/{nieuw['id']}/leervragen").json()["results"]
    assert [v["tekst"] for v in vragen] == ["Hoe betrekken we jongeren?"]
