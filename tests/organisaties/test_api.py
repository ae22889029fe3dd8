"""Organisaties through HTTP: create, validate, uniqueness, list, change, remove."""

from fastapi.testclient import TestClient

from tests import factories

ASSEN_TOOI = "https://identifier.overheid.nl/tooi/id/gemeente/gm0106"


def test_create_and_read_back(client: TestClient) -> None:
    body = factories.organisatie(
        client, tooiUri=ASSEN_TOOI, organisatiecode="gm0106", oin="00000001001589623000"
    )
    assert body["tooiUri"] == ASSEN_TOOI
    assert body["organisatiecode"] == "gm0106"
    read = client.get(f"/v1/organisaties/{body['id']}")
    assert read.status_code == 200
    assert read.json() == body
    assert read.headers["API-Version"] == "1.0.0"


def test_invalid_input_lists_every_problem_and_writes_nothing(client: TestClient) -> None:
    response = client.post(
        "/v1/organisaties",
        json={"naam": "x" * 201, "soort": "dorp", "oin": "12345", "kleur": "blauw"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    names = {p["name"] for p in problem["invalidParams"]}
    assert names == {"naam", "soort", "oin", "kleur"}
    assert all(p["reason"] for p in problem["invalidParams"])
    assert client.get("/v1/organisaties").json()["count"] == 0


def test_oin_needs_a_known_prefix(client: TestClient) -> None:
    response = client.post(
        "/v1/organisaties",
        json={"naam": "Gemeente Assen", "soort": "gemeente", "oin": "00000007001589623000"},
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "oin"


def test_einddatum_before_begindatum_is_refused(client: TestClient) -> None:
    response = client.post(
        "/v1/organisaties",
        json={
            "naam": "Gemeente Haren",
            "soort": "gemeente",
            "begindatum": "1990-01-01",
            "einddatum": "1980-01-01",
        },
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "einddatum"


def test_same_tooi_uri_twice_is_a_conflict(client: TestClient) -> None:
    factories.organisatie(client, tooiUri=ASSEN_TOOI)
    response = client.post(
        "/v1/organisaties", json={"naam": "Assen", "soort": "gemeente", "tooiUri": ASSEN_TOOI}
    )
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"


def test_list_filters_sorts_and_pages(client: TestClient) -> None:
    for naam, soort in [
        ("Gemeente Assen", "gemeente"),
        ("Provincie Drenthe", "provincie"),
        ("Gemeente Leeuwarden", "gemeente"),
        ("Wetterskip Fryslân", "waterschap"),
    ]:
        factories.organisatie(client, naam, soort=soort)
    gemeenten = client.get("/v1/organisaties", params={"soort": "gemeente"}).json()
    assert [o["naam"] for o in gemeenten["results"]] == ["Gemeente Assen", "Gemeente Leeuwarden"]

    descending = client.get("/v1/organisaties", params={"sorteer": "-naam"}).json()
    assert descending["results"][0]["naam"] == "Wetterskip Fryslân"

    first = client.get("/v1/organisaties", params={"pageSize": 3})
    assert first.json()["count"] == 4
    assert len(first.json()["results"]) == 3
    assert 'rel="next"' in first.headers["Link"]
    second = client.get(first.json()["next"])
    assert [o["naam"] for o in second.json()["results"]] == ["Wetterskip Fryslân"]
    assert second.json()["next"] is None


def test_unknown_sort_field_is_a_400(client: TestClient) -> None:
    response = client.get("/v1/organisaties", params={"sorteer": "kleur"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "sorteer"


def test_page_size_is_bounded(client: TestClient) -> None:
    response = client.get("/v1/organisaties", params={"pageSize": 1000})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "pageSize"


def test_patch_changes_only_what_was_sent(client: TestClient) -> None:
    body = factories.organisatie(client, organisatiecode="gm0106")
    response = client.patch(f"/v1/organisaties/{body['id']}", json={"naam": "Gemeente Assen (Dr)"})
    assert response.status_code == 200
    assert response.json()["naam"] == "Gemeente Assen (Dr)"
    assert response.json()["organisatiecode"] == "gm0106"


def test_patch_cannot_empty_a_required_field(client: TestClient) -> None:
    body = factories.organisatie(client)
    response = client.patch(f"/v1/organisaties/{body['id']}", json={"naam": None})
    assert response.status_code == 400
    assert client.get(f"/v1/organisaties/{body['id']}").json()["naam"] == "Gemeente Assen"


def test_delete_refused_while_people_work_there(client: TestClient) -> None:
    body = factories.organisatie(client)
    factories.persoon(client, body["id"])
    assert client.delete(f"/v1/organisaties/{body['id']}").status_code == 409
    other = factories.organisatie(client, "Provincie Drenthe", soort="provincie")
    assert client.delete(f"/v1/organisaties/{other['id']}").status_code == 204
    assert client.get(f"/v1/organisaties/{other['id']}").status_code == 404
