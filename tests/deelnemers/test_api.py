"""Deelnemers through HTTP: roles of the network, once per network, nested under it."""

from fastapi.testclient import TestClient

from tests import factories


def _setup(client: TestClient) -> tuple[dict, dict, dict]:  # type: ignore[type-arg]
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.netwerk(client)
    return org, persoon, netwerk


def test_add_a_person_with_a_role(client: TestClient) -> None:
    org, persoon, netwerk = _setup(client)
    body = factories.deelnemer(client, netwerk["id"], persoon["id"], kartrekker=True)
    assert body["persoon"] == {
        "id": persoon["id"],
        "naam": persoon["naam"],
        "organisatieId": org["id"],
    }
    assert body["kartrekker"] is True
    assert body["status"] == "actief"
    assert body["sinds"]  # defaults to today


def test_same_person_twice_in_one_network_is_a_conflict(client: TestClient) -> None:
    _, persoon, netwerk = _setup(client)
    factories.deelnemer(client, netwerk["id"], persoon["id"])
    response = client.post(
        f"/v1/netwerken/{netwerk['id']}/deelnemers",
        json={"persoonId": persoon["id"], "rol": "participatie"},
    )
    assert response.status_code == 409


def test_role_unknown_to_the_network_is_400(client: TestClient) -> None:
    _, persoon, netwerk = _setup(client)
    response = client.post(
        f"/v1/netwerken/{netwerk['id']}/deelnemers",
        json={"persoonId": persoon["id"], "rol": "wethouder"},
    )
    assert response.status_code == 400
    problem = response.json()["invalidParams"][0]
    assert problem["name"] == "rol"
    assert "beslisser" in problem["reason"]


def test_network_defined_role_is_accepted(client: TestClient) -> None:
    _, persoon, netwerk = _setup(client)
    client.patch(
        f"/v1/netwerken/{netwerk['id']}",
        json={"rollen": ["beslisser", "participatie", "jonge-hond", "data-expert"]},
    )
    body = factories.deelnemer(client, netwerk["id"], persoon["id"], rol="data-expert")
    assert body["rol"] == "data-expert"


def test_deelnemer_of_another_network_is_404(client: TestClient) -> None:
    _, persoon, netwerk = _setup(client)
    other = factories.netwerk(client, "Ander netwerk")
    body = factories.deelnemer(client, netwerk["id"], persoon["id"])
    assert client.get(f"/v1/netwerken/{other['id']}/deelnemers/{body['id']}").status_code == 404
    assert client.get(f"/v1/netwerken/{netwerk['id']}/deelnemers/{body['id']}").status_code == 200


def test_list_filters_on_role_kartrekker_and_organisation(client: TestClient) -> None:
    assen = factories.organisatie(client)
    drenthe = factories.organisatie(client, "Provincie Drenthe", soort="provincie")
    netwerk = factories.netwerk(client)
    for naam, org, rol, trekker in [
        ("Anna", assen, "beslisser", True),
        ("Bert", assen, "jonge-hond", False),
        ("Carla", drenthe, "beslisser", True),
    ]:
        persoon = factories.persoon(client, org["id"], naam)
        factories.deelnemer(client, netwerk["id"], persoon["id"], rol=rol, kartrekker=trekker)
    url = f"/v1/netwerken/{netwerk['id']}/deelnemers"

    def names(params: dict[str, str]) -> list[str]:
        return [d["persoon"]["naam"] for d in client.get(url, params=params).json()["results"]]

    assert names({"rol": "beslisser"}) == ["Anna", "Carla"]
    assert names({"kartrekker": "false"}) == ["Bert"]
    assert names({"organisatieId": drenthe["id"]}) == ["Carla"]
    assert names({"sorteer": "-naam"}) == ["Carla", "Bert", "Anna"]


def test_end_before_start_is_400(client: TestClient) -> None:
    _, persoon, netwerk = _setup(client)
    response = client.post(
        f"/v1/netwerken/{netwerk['id']}/deelnemers",
        json={
            "persoonId": persoon["id"],
            "rol": "beslisser",
            "sinds": "2026-05-01",
            "tot": "2026-01-01",
        },
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "tot"
