"""The gastrooster through HTTP: plan fairly, keep confirmed hosts, swap, unavailable dates."""

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient

from tests import factories


def _network_of(client: TestClient, organisaties: int) -> tuple[dict[str, Any], list[str]]:
    netwerk = factories.netwerk(client)
    org_ids = []
    for index in range(organisaties):
        org = factories.organisatie(client, f"Gemeente {index}")
        mens = factories.persoon(client, org["id"], f"Persoon {index}")
        factories.deelnemer(client, netwerk["id"], mens["id"], sinds="2026-01-01")
        org_ids.append(org["id"])
    return netwerk, org_ids


def _sessions(client: TestClient, netwerk_id: str, count: int) -> list[dict[str, Any]]:
    base = datetime.now(UTC) + timedelta(days=14)
    created = []
    for index in range(count):
        start = base + timedelta(weeks=6 * index)
        response = client.post(
            f"/v1/netwerken/{netwerk_id}/bijeenkomsten",
            json={
                "titel": f"Bijeenkomst {index + 1}",
                "start": start.isoformat(),
                "einde": (start + timedelta(hours=3)).isoformat(),
            },
        )
        assert response.status_code == 201, response.text
        created.append(response.json())
    return created


def _lokale_dag(bijeenkomst: dict[str, Any]) -> str:
    """The date people in the Netherlands give for a session (unavailability is by local date)."""
    start = datetime.fromisoformat(bijeenkomst["start"])
    return start.astimezone(ZoneInfo("Europe/Amsterdam")).date().isoformat()


def _hosts(plan: dict[str, Any]) -> list[str | None]:
    return [regel["gastorganisatieId"] for regel in plan["bijeenkomsten"]]


def test_everyone_hosts_once_before_anyone_twice(client: TestClient) -> None:
    netwerk, orgs = _network_of(client, 4)
    _sessions(client, netwerk["id"], 6)
    response = client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_plan")
    assert response.status_code == 200, response.text
    plan = response.json()
    hosts = _hosts(plan)
    assert set(hosts[:4]) == set(orgs)
    assert all(a != b for a, b in pairwise(hosts))
    assert plan["eerlijk"] is True
    assert plan["eerlijkheid"]["maxAfwijking"] < 1
    shown = client.get(f"/v1/netwerken/{netwerk['id']}/gastrooster").json()
    assert _hosts(shown) == hosts


def test_confirmed_hosts_never_move_and_a_join_changes_little(client: TestClient) -> None:
    netwerk, _ = _network_of(client, 3)
    sessions = _sessions(client, netwerk["id"], 6)
    first = _hosts(client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_plan").json())
    client.patch(
        f"/v1/netwerken/{netwerk['id']}/bijeenkomsten/{sessions[0]['id']}",
        json={"status": "bevestigd"},
    )
    newcomer = factories.organisatie(client, "Waterschap Hunze en Aa's", soort="waterschap")
    mens = factories.persoon(client, newcomer["id"], "Nieuwe Deelnemer")
    factories.deelnemer(client, netwerk["id"], mens["id"], sinds="2026-01-01")
    second = client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_plan").json()
    hosts = _hosts(second)
    assert hosts[0] == first[0]
    assert newcomer["id"] in hosts
    changed = sum(1 for a, b in zip(first, hosts, strict=True) if a != b)
    assert changed <= 2
    assert len(second["gewijzigd"]) == changed
    history = client.get(f"/v1/netwerken/{netwerk['id']}/gastrooster/wijzigingen").json()
    assert history["count"] >= 6 + changed


def test_unavailable_date_is_respected(client: TestClient) -> None:
    netwerk, orgs = _network_of(client, 2)
    sessions = _sessions(client, netwerk["id"], 2)
    dag = _lokale_dag(sessions[0])
    created = client.post(
        f"/v1/netwerken/{netwerk['id']}/onbeschikbaarheden",
        json={"organisatieId": orgs[0], "datum": dag},
    )
    assert created.status_code == 201, created.text
    hosts = _hosts(client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_plan").json())
    assert hosts[0] == orgs[1]


def test_no_fair_plan_is_marked_as_best_possible(client: TestClient) -> None:
    netwerk, orgs = _network_of(client, 2)
    sessions = _sessions(client, netwerk["id"], 1)
    dag = _lokale_dag(sessions[0])
    for org in orgs:
        client.post(
            f"/v1/netwerken/{netwerk['id']}/onbeschikbaarheden",
            json={"organisatieId": org, "datum": dag},
        )
    plan = client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_plan").json()
    assert plan["eerlijk"] is False
    assert plan["knelpunten"][0]["code"] == "niemand-beschikbaar"
    assert plan["bijeenkomsten"][0]["opmerking"]


def test_swap_with_history_and_override(client: TestClient) -> None:
    netwerk, _ = _network_of(client, 3)
    sessions = _sessions(client, netwerk["id"], 3)
    before = _hosts(client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_plan").json())
    body = {"eersteBijeenkomstId": sessions[0]["id"], "tweedeBijeenkomstId": sessions[2]["id"]}
    swapped = client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_ruil", json=body)
    assert swapped.status_code == 200, swapped.text
    after = _hosts(swapped.json())
    assert after[0] == before[2]
    assert after[2] == before[0]
    assert all(
        r["vast"] for r in swapped.json()["bijeenkomsten"] if r["bijeenkomstId"] in body.values()
    )
    history = client.get(f"/v1/netwerken/{netwerk['id']}/gastrooster/wijzigingen").json()
    assert {w["soort"] for w in history["results"]} >= {"ruil", "plan"}
    unknown = client.post(
        f"/v1/netwerken/{netwerk['id']}/gastrooster/_ruil",
        json={**body, "tweedeBijeenkomstId": "00000000-0000-0000-0000-000000000000"},
    )
    assert unknown.status_code == 400


def _swap_first_and_last(client: TestClient) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    """Three organisations, three sessions, planned; the first and last hosts swapped."""
    netwerk, _ = _network_of(client, 3)
    sessions = _sessions(client, netwerk["id"], 3)
    client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_plan")
    body = {"eersteBijeenkomstId": sessions[0]["id"], "tweedeBijeenkomstId": sessions[2]["id"]}
    swapped = client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_ruil", json=body)
    assert swapped.status_code == 200, swapped.text
    return netwerk["id"], sessions, swapped.json()


def test_a_swap_says_that_both_sessions_are_now_pinned(client: TestClient) -> None:
    _, sessions, answer = _swap_first_and_last(client)
    assert answer["vastgezet"] == [sessions[0]["id"], sessions[2]["id"]]
    assert "vastgezet" in answer["melding"]
    assert "losmaken" in answer["melding"]
    rows = {r["bijeenkomstId"]: r for r in answer["bijeenkomsten"]}
    assert rows[sessions[0]["id"]]["vastgezet"] is True
    assert rows[sessions[1]["id"]]["vastgezet"] is False


def test_a_pinned_host_on_an_unavailable_date_is_a_knelpunt(client: TestClient) -> None:
    netwerk_id, sessions, _ = _swap_first_and_last(client)
    rooster = client.get(f"/v1/netwerken/{netwerk_id}/gastrooster").json()
    assert rooster["knelpunten"] == []
    pinned_host = rooster["bijeenkomsten"][0]["gastorganisatieId"]
    unavailable = client.post(
        f"/v1/netwerken/{netwerk_id}/onbeschikbaarheden",
        json={"organisatieId": pinned_host, "datum": _lokale_dag(sessions[0])},
    )
    assert unavailable.status_code == 201, unavailable.text

    shown = client.get(f"/v1/netwerken/{netwerk_id}/gastrooster").json()
    (knelpunt,) = shown["knelpunten"]
    assert knelpunt["code"] == "verhinderd"
    assert knelpunt["blokkeert"] is True
    assert knelpunt["bijeenkomstIds"] == [sessions[0]["id"]]
    assert knelpunt["organisatieIds"] == [pinned_host]
    assert "vast" in knelpunt["melding"]
    assert "verhinderd" in knelpunt["melding"]

    plan = client.post(f"/v1/netwerken/{netwerk_id}/gastrooster/_plan").json()
    assert plan["eerlijk"] is False
    assert [k["code"] for k in plan["knelpunten"]] == ["verhinderd"]
    assert plan["bijeenkomsten"][0]["gastorganisatieId"] == pinned_host, "a pin is a pin"
    assert plan["bijeenkomsten"][0]["opmerking"] == knelpunt["melding"]


def test_unpinning_lets_the_plan_move_the_host_again(client: TestClient) -> None:
    netwerk_id, sessions, _ = _swap_first_and_last(client)
    pinned_host = client.get(f"/v1/netwerken/{netwerk_id}/gastrooster").json()["bijeenkomsten"][0][
        "gastorganisatieId"
    ]
    client.post(
        f"/v1/netwerken/{netwerk_id}/onbeschikbaarheden",
        json={"organisatieId": pinned_host, "datum": _lokale_dag(sessions[0])},
    )
    plan = client.post(
        f"/v1/netwerken/{netwerk_id}/gastrooster/_plan",
        json={"losmaken": [sessions[0]["id"], sessions[2]["id"]]},
    )
    assert plan.status_code == 200, plan.text
    answer = plan.json()
    assert answer["eerlijk"] is True
    assert answer["knelpunten"] == []
    assert answer["bijeenkomsten"][0]["gastorganisatieId"] != pinned_host
    assert not any(r["vast"] or r["vastgezet"] for r in answer["bijeenkomsten"])
    assert sessions[0]["id"] in answer["gewijzigd"]
    shown = client.get(f"/v1/netwerken/{netwerk_id}/gastrooster").json()
    assert shown["knelpunten"] == []


def test_unpinning_what_cannot_be_unpinned_is_a_400_and_changes_nothing(
    client: TestClient,
) -> None:
    netwerk_id, sessions, _ = _swap_first_and_last(client)
    client.patch(
        f"/v1/netwerken/{netwerk_id}/bijeenkomsten/{sessions[1]['id']}",
        json={"status": "bevestigd"},
    )
    before = client.get(f"/v1/netwerken/{netwerk_id}/gastrooster").json()
    unknown = "00000000-0000-0000-0000-000000000000"
    answer = client.post(
        f"/v1/netwerken/{netwerk_id}/gastrooster/_plan",
        json={"losmaken": [sessions[0]["id"], sessions[1]["id"], unknown]},
    )
    assert answer.status_code == 400, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    problems = {p["name"]: p["code"] for p in answer.json()["invalidParams"]}
    assert problems == {"losmaken.1": "bevestigd", "losmaken.2": "bestaat-niet"}
    assert client.get(f"/v1/netwerken/{netwerk_id}/gastrooster").json() == before


def test_fairness_figures_are_rounded_to_two_decimals(client: TestClient) -> None:
    netwerk, _ = _network_of(client, 3)
    _sessions(client, netwerk["id"], 2)
    plan = client.post(f"/v1/netwerken/{netwerk['id']}/gastrooster/_plan").json()
    shown = client.get(f"/v1/netwerken/{netwerk['id']}/gastrooster").json()
    for answer in (plan, shown):
        figures = answer["eerlijkheid"]
        # Two sessions shared by three organisations: a share of 2/3 each.
        assert {v["aandeel"] for v in figures["perOrganisatie"]} == {0.67}
        assert sorted(v["afwijking"] for v in figures["perOrganisatie"]) == [-0.67, 0.33, 0.33]
        assert figures["maxAfwijking"] == 0.67
