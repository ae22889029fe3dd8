"""Netwerken through HTTP: create as concept, dates, roles, lifecycle, removal."""

from fastapi.testclient import TestClient

from tests import factories


def test_new_network_starts_as_concept_with_the_four_roles(client: TestClient) -> None:
    body = factories.netwerk(client, themas=["participatie", "participatie", "sturing"])
    assert body["status"] == "concept"
    assert body["rollen"] == ["beslisser", "organisatieontwikkeling", "participatie", "jonge-hond"]
    assert body["themas"] == ["participatie", "sturing"]


def test_planned_end_before_start_is_refused(client: TestClient) -> None:
    response = client.post(
        "/v1/netwerken",
        json={"naam": "Netwerk", "startdatum": "2027-01-01", "geplandeEinddatum": "2026-01-01"},
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "geplandeEinddatum"


def test_status_cannot_be_set_directly(client: TestClient) -> None:
    body = factories.netwerk(client)
    response = client.patch(f"/v1/netwerken/{body['id']}", json={"status": "actief"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "status"


def test_lifecycle_actions_follow_the_allowed_transitions(client: TestClient) -> None:
    body = factories.startklaar_netwerk(client)
    base = f"/v1/netwerken/{body['id']}"
    assert client.post(f"{base}/_pauzeer").status_code == 409
    assert client.post(f"{base}/_activeer").json()["status"] == "actief"
    assert client.post(f"{base}/_pauzeer").json()["status"] == "gepauzeerd"
    assert client.post(f"{base}/_hervat").json()["status"] == "actief"
    assert client.post(f"{base}/_rondaf").json()["status"] == "afgerond"
    refused = client.post(f"{base}/_activeer")
    assert refused.status_code == 409
    assert "afgerond" in refused.json()["detail"]


def test_started_network_cannot_be_deleted_but_a_concept_can(client: TestClient) -> None:
    concept = factories.netwerk(client)
    started = factories.startklaar_netwerk(client, "Ander netwerk")
    client.post(f"/v1/netwerken/{started['id']}/_activeer")
    assert client.delete(f"/v1/netwerken/{started['id']}").status_code == 409
    assert client.delete(f"/v1/netwerken/{concept['id']}").status_code == 204
    assert client.get(f"/v1/netwerken/{concept['id']}").status_code == 404


def test_role_in_use_cannot_be_dropped(client: TestClient) -> None:
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.netwerk(client)
    factories.deelnemer(client, netwerk["id"], persoon["id"], rol="jonge-hond")
    response = client.patch(
        f"/v1/netwerken/{netwerk['id']}", json={"rollen": ["beslisser", "participatie"]}
    )
    assert response.status_code == 409
    assert "jonge-hond" in response.json()["detail"]


def test_filter_by_status_and_theme(client: TestClient) -> None:
    factories.netwerk(client, "Water en wijk", themas=["klimaatadaptatie"])
    other = factories.startklaar_netwerk(client, "Jong talent", themas=["jongeren"])
    client.post(f"/v1/netwerken/{other['id']}/_activeer")
    by_theme = client.get("/v1/netwerken", params={"thema": "klimaatadaptatie"}).json()
    assert [n["naam"] for n in by_theme["results"]] == ["Water en wijk"]
    active = client.get("/v1/netwerken", params={"status": "actief"}).json()
    assert [n["naam"] for n in active["results"]] == ["Jong talent"]


def test_unknown_network_is_404_problem(client: TestClient) -> None:
    response = client.get("/v1/netwerken/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "niet-gevonden"


def test_malformed_id_is_400(client: TestClient) -> None:
    response = client.get("/v1/netwerken/niet-een-uuid")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "netwerkId"
