"""Leervragen through HTTP: a deelnemer of this network, the network's themes, bounded text."""

from fastapi.testclient import TestClient

from tests import factories


def _network(client: TestClient) -> tuple[dict, dict]:  # type: ignore[type-arg]
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.netwerk(client, themas=["participatie", "jongeren"])
    deelnemer = factories.deelnemer(client, netwerk["id"], persoon["id"])
    return netwerk, deelnemer


def _post(client: TestClient, netwerk_id: str, **fields: object):  # type: ignore[no-untyped-def]
    body = {"soort": "halen", "tekst": "Hoe betrek ik jongeren?", **fields}
    return client.post(f"/v1/netwerken/{netwerk_id}/leervragen", json=body)


def test_create_and_filter(client: TestClient) -> None:
    netwerk, deelnemer = _network(client)
    created = _post(client, netwerk["id"], deelnemerId=deelnemer["id"], themas=["jongeren"])
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "open"
    _post(client, netwerk["id"], deelnemerId=deelnemer["id"], soort="brengen", tekst="Wijkbudget")
    url = f"/v1/netwerken/{netwerk['id']}/leervragen"
    assert client.get(url, params={"soort": "brengen"}).json()["count"] == 1
    assert client.get(url, params={"thema": "jongeren"}).json()["count"] == 1


def test_empty_or_too_long_text_is_400(client: TestClient) -> None:
    netwerk, deelnemer = _network(client)
    for tekst in ["", "   ", "x" * 5000]:
        response = _post(client, netwerk["id"], deelnemerId=deelnemer["id"], tekst=tekst)
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["name"] == "tekst"
    assert client.get(f"/v1/netwerken/{netwerk['id']}/leervragen").json()["count"] == 0


def test_unknown_theme_is_400(client: TestClient) -> None:
    netwerk, deelnemer = _network(client)
    response = _post(client, netwerk["id"], deelnemerId=deelnemer["id"], themas=["voetbal"])
    assert response.status_code == 400
    assert "participatie" in response.json()["invalidParams"][0]["reason"]


def test_deelnemer_of_another_network_is_400(client: TestClient) -> None:
    _, deelnemer = _network(client)
    other = factories.netwerk(client, "Ander netwerk")
    response = _post(client, other["id"], deelnemerId=deelnemer["id"])
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "deelnemerId"


def test_leervraag_of_another_network_is_404(client: TestClient) -> None:
    netwerk, deelnemer = _network(client)
    other = factories.netwerk(client, "Ander netwerk")
    body = _post(client, netwerk["id"], deelnemerId=deelnemer["id"]).json()
    assert client.get(f"/v1/netwerken/{other['id']}/leervragen/{body['id']}").status_code == 404


def test_status_can_move_to_answered(client: TestClient) -> None:
    netwerk, deelnemer = _network(client)
    body = _post(client, netwerk["id"], deelnemerId=deelnemer["id"]).json()
    url = f"/v1/netwerken/{netwerk['id']}/leervragen/{body['id']}"
    assert client.patch(url, json={"status": "in-behandeling"}).status_code == 200
    assert client.patch(url, json={"status": "beantwoord"}).json()["status"] == "beantwoord"
    assert client.patch(url, json={"status": "klaar"}).status_code == 400


def test_a_new_leervraag_starts_open(client: TestClient) -> None:
    netwerk, deelnemer = _network(client)
    response = _post(client, netwerk["id"], deelnemerId=deelnemer["id"], status="beantwoord")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "status"
    assert client.get(f"/v1/netwerken/{netwerk['id']}/leervragen").json()["count"] == 0
