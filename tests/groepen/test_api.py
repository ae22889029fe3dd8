"""Werkgroepjes through HTTP: groups from who is there, history, validation, planning ahead."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import combinations
from typing import Any

from fastapi.testclient import TestClient

from tests import factories


def _netwerk(client: TestClient, mensen: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    netwerk = factories.netwerk(client)
    rollen = ["beslisser", "organisatieontwikkeling", "participatie", "jonge-hond"]
    deelnemers = []
    for index in range(mensen):
        org = factories.organisatie(client, f"Gemeente {index % 4}-{netwerk['id'][:6]}")
        email = f"persoon.{index}.{netwerk['id'][:6]}@example.nl"
        mens = factories.persoon(client, org["id"], f"Persoon {index}", email=email)
        deelnemers.append(
            factories.deelnemer(client, netwerk["id"], mens["id"], rol=rollen[index % 4])
        )
    return netwerk, deelnemers


def _bijeenkomst(client: TestClient, netwerk_id: str, dagen: int) -> dict[str, Any]:
    start = datetime.now(UTC) + timedelta(days=dagen)
    return factories.created(
        client.post(
            f"/v1/netwerken/{netwerk_id}/bijeenkomsten",
            json={
                "titel": f"Dag {dagen}",
                "start": start.isoformat(),
                "einde": (start + timedelta(hours=3)).isoformat(),
            },
        )
    )


def _aanwezig(
    client: TestClient, netwerk_id: str, bijeenkomst_id: str, deelnemers: list[dict[str, Any]]
) -> None:
    response = client.put(
        f"/v1/netwerken/{netwerk_id}/bijeenkomsten/{bijeenkomst_id}/aanwezigheid",
        json={"registraties": [{"deelnemerId": d["id"], "status": "aanwezig"} for d in deelnemers]},
    )
    assert response.status_code == 200, response.text


def _de_dag_komt(client: TestClient, netwerk_id: str, bijeenkomst: dict[str, Any]) -> None:
    """The planned session has begun: attendance can be recorded."""
    nu = datetime.now(UTC)
    moved = client.patch(
        f"/v1/netwerken/{netwerk_id}/bijeenkomsten/{bijeenkomst['id']}",
        json={
            "start": (nu - timedelta(hours=1)).isoformat(),
            "einde": (nu + timedelta(hours=2)).isoformat(),
        },
    )
    assert moved.status_code == 200, moved.text


def _paren(groepen: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for groep in groepen for p in combinations(groep, 2)}


def test_groups_from_the_attendance_meet_someone_new_the_second_time(client: TestClient) -> None:
    netwerk, deelnemers = _netwerk(client, 12)
    nid = netwerk["id"]
    # Attendance is recorded on the day or after: both sessions took place.
    eerste = _bijeenkomst(client, nid, -14)
    tweede = _bijeenkomst(client, nid, -7)
    for bijeenkomst in (eerste, tweede):
        _aanwezig(client, nid, bijeenkomst["id"], deelnemers)
    url = f"/v1/netwerken/{nid}/bijeenkomsten/{{}}/groepsindeling"
    een = client.post(url.format(eerste["id"]), json={"groepsgrootte": 3, "seed": 1})
    assert een.status_code == 200, een.text
    groepen_een = [g["deelnemerIds"] for g in een.json()["groepen"]]
    assert sorted(len(g) for g in groepen_een) == [3, 3, 3, 3]
    assert sorted(i for g in groepen_een for i in g) == sorted(d["id"] for d in deelnemers)
    twee = client.post(url.format(tweede["id"]), json={"groepsgrootte": 3, "seed": 1}).json()
    groepen_twee = [g["deelnemerIds"] for g in twee["groepen"]]
    assert _paren(groepen_een).isdisjoint(_paren(groepen_twee))
    assert twee["kwaliteit"]["score"]["herhalingen"] == 0
    opgeslagen = client.get(url.format(tweede["id"])).json()["groepen"]
    assert [g["deelnemerIds"] for g in opgeslagen] == groepen_twee


def test_same_seed_same_answer(client: TestClient) -> None:
    netwerk, deelnemers = _netwerk(client, 9)
    bijeenkomst = _bijeenkomst(client, netwerk["id"], -7)
    _aanwezig(client, netwerk["id"], bijeenkomst["id"], deelnemers)
    url = f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{bijeenkomst['id']}/groepsindeling"
    body = {"aantalGroepen": 3, "seed": 42}
    assert (
        client.post(url, json=body).json()["groepen"]
        == client.post(url, json=body).json()["groepen"]
    )


def test_invalid_requests_are_400_with_the_reason(client: TestClient) -> None:
    netwerk, deelnemers = _netwerk(client, 6)
    bijeenkomst = _bijeenkomst(client, netwerk["id"], -7)
    _aanwezig(client, netwerk["id"], bijeenkomst["id"], deelnemers)
    url = f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{bijeenkomst['id']}/groepsindeling"
    een = client.post(url, json={"groepsgrootte": 1})
    assert een.status_code == 400
    assert een.json()["invalidParams"][0]["code"] == "groep-van-een"
    te_veel = client.post(url, json={"aantalGroepen": 10})
    assert te_veel.status_code == 400
    assert te_veel.json()["invalidParams"][0]["name"] == "aantalGroepen"
    a, b = deelnemers[0]["id"], deelnemers[1]["id"]
    tegenstrijdig = client.post(url, json={"groepsgrootte": 3, "vastePaaren": [[a, b]]})
    assert tegenstrijdig.status_code == 400  # unknown field
    tegenstrijdig = client.post(
        url, json={"groepsgrootte": 3, "vasteParen": [[a, b]], "verbodenParen": [[b, a]]}
    )
    assert tegenstrijdig.status_code == 400
    assert tegenstrijdig.json()["invalidParams"]
    assert client.get(url).status_code == 404


def test_forbidden_pairs_never_meet_and_fixed_pairs_do(client: TestClient) -> None:
    netwerk, deelnemers = _netwerk(client, 8)
    bijeenkomst = _bijeenkomst(client, netwerk["id"], -7)
    _aanwezig(client, netwerk["id"], bijeenkomst["id"], deelnemers)
    url = f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{bijeenkomst['id']}/groepsindeling"
    ids = [d["id"] for d in deelnemers]
    body = {
        "aantalGroepen": 2,
        "vasteParen": [[ids[0], ids[1]]],
        "verbodenParen": [[ids[0], ids[2]]],
    }
    groepen = [g["deelnemerIds"] for g in client.post(url, json=body).json()["groepen"]]
    samen = _paren(groepen)
    assert frozenset((ids[0], ids[1])) in samen
    assert frozenset((ids[0], ids[2])) not in samen


def test_planning_ahead_covers_every_coming_session(client: TestClient) -> None:
    netwerk, _ = _netwerk(client, 12)
    komend = [_bijeenkomst(client, netwerk["id"], dagen) for dagen in (7, 14, 21)]
    response = client.post(
        f"/v1/netwerken/{netwerk['id']}/groepsplanning", json={"groepsgrootte": 3}
    )
    assert response.status_code == 200, response.text
    planning = response.json()
    assert [b["bijeenkomstId"] for b in planning["bijeenkomsten"]] == [b["id"] for b in komend]
    assert planning["kwaliteit"]["score"]["herhalingen"] == 0
    stored = client.get(
        f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{komend[1]['id']}/groepsindeling"
    )
    assert stored.status_code == 200


def test_reforming_on_the_day_keeps_most_of_the_plan(client: TestClient) -> None:
    netwerk, deelnemers = _netwerk(client, 12)
    nid = netwerk["id"]
    bijeenkomst = _bijeenkomst(client, nid, 7)
    client.post(f"/v1/netwerken/{nid}/groepsplanning", json={"groepsgrootte": 4})
    _de_dag_komt(client, nid, bijeenkomst)
    _aanwezig(client, nid, bijeenkomst["id"], deelnemers[:11])
    response = client.post(
        f"/v1/netwerken/{nid}/bijeenkomsten/{bijeenkomst['id']}/groepsindeling",
        json={"groepsgrootte": 4},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert sum(len(g["deelnemerIds"]) for g in body["groepen"]) == 11
    assert body["bron"] == "dag"
    assert body["geplandeParen"] > 0
    assert body["behoudenParen"] >= body["geplandeParen"] - 3


def _leden_kloppen(groepen: list[dict[str, Any]], deelnemers: list[dict[str, Any]]) -> None:
    """Every group names its members: name, role and organisation, in the order of the ids."""
    per_id = {d["id"]: d for d in deelnemers}
    for groep in groepen:
        assert [lid["id"] for lid in groep["leden"]] == groep["deelnemerIds"]
        for lid in groep["leden"]:
            deelnemer = per_id[lid["id"]]
            assert lid["naam"] == deelnemer["persoon"]["naam"]
            assert lid["rol"] == deelnemer["rol"]
            assert lid["organisatie"]["id"] == deelnemer["persoon"]["organisatieId"]
            assert lid["organisatie"]["naam"].startswith("Gemeente ")


def test_group_answers_name_the_people(client: TestClient) -> None:
    netwerk, deelnemers = _netwerk(client, 8)
    nid = netwerk["id"]
    bijeenkomst = _bijeenkomst(client, nid, 7)
    _bijeenkomst(client, nid, 14)
    planning = client.post(f"/v1/netwerken/{nid}/groepsplanning", json={"groepsgrootte": 4})
    assert planning.status_code == 200, planning.text
    for indeling in planning.json()["bijeenkomsten"]:
        _leden_kloppen(indeling["groepen"], deelnemers)
    _de_dag_komt(client, nid, bijeenkomst)
    _aanwezig(client, nid, bijeenkomst["id"], deelnemers)
    url = f"/v1/netwerken/{nid}/bijeenkomsten/{bijeenkomst['id']}/groepsindeling"
    gevormd = client.post(url, json={"groepsgrootte": 4})
    _leden_kloppen(gevormd.json()["groepen"], deelnemers)
    opgeslagen = client.get(url).json()
    assert opgeslagen["bijeenkomstId"] == bijeenkomst["id"]
    assert opgeslagen["bron"] == "dag"
    assert [g["deelnemerIds"] for g in opgeslagen["groepen"]] == [
        g["deelnemerIds"] for g in gevormd.json()["groepen"]
    ]
    _leden_kloppen(opgeslagen["groepen"], deelnemers)
    assert "Persoon 0" in {lid["naam"] for g in opgeslagen["groepen"] for lid in g["leden"]}


def test_naming_the_people_takes_one_statement_whatever_the_size(
    client: TestClient, count_statements: Callable[[], Any]
) -> None:
    tellingen = []
    for mensen in (4, 12):
        netwerk, deelnemers = _netwerk(client, mensen)
        bijeenkomst = _bijeenkomst(client, netwerk["id"], -7)
        _aanwezig(client, netwerk["id"], bijeenkomst["id"], deelnemers)
        url = f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{bijeenkomst['id']}/groepsindeling"
        assert client.post(url, json={"groepsgrootte": 2}).status_code == 200
        with count_statements() as counter:
            response = client.get(url)
        assert response.status_code == 200
        assert sum(len(g["leden"]) for g in response.json()["groepen"]) == mensen
        tellingen.append(counter.count)
    assert tellingen[0] == tellingen[1]
