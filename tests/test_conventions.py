"""The NL API Design Rules as a client sees them: headers, errors, methods, media types."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.demo import laad_demo
from tests import factories


def test_every_answer_carries_version_and_security_headers(client: TestClient) -> None:
    for response in (
        client.get("/v1/netwerken"),
        client.get("/v1/netwerken/00000000-0000-0000-0000-000000000000"),
        client.get("/v1/bestaat-niet"),
    ):
        assert response.headers["API-Version"] == "1.0.0"
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_hsts_only_over_tls(app: Any) -> None:
    with TestClient(app, base_url="https://kartrekker.example") as tls_client:
        assert "max-age" in tls_client.get("/v1/netwerken").headers["Strict-Transport-Security"]
    with TestClient(app) as plain_client:
        assert "Strict-Transport-Security" not in plain_client.get("/v1/netwerken").headers


def test_trailing_slash_is_404_not_a_redirect(client: TestClient) -> None:
    response = client.get("/v1/netwerken/", follow_redirects=False)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_undeclared_method_is_405_problem(client: TestClient) -> None:
    response = client.put("/v1/netwerken", json={})
    assert response.status_code == 405
    assert response.json()["status"] == 405


def test_non_json_body_is_415_and_writes_nothing(client: TestClient) -> None:
    response = client.post(
        "/v1/organisaties",
        content="naam=Assen&soort=gemeente",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 415
    assert response.json()["code"] == "mediatype-niet-ondersteund"
    assert client.get("/v1/organisaties").json()["count"] == 0


def test_malformed_json_is_400(client: TestClient) -> None:
    response = client.post(
        "/v1/organisaties", content="{naam: Assen", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "json_invalid"


def test_problem_has_all_members(client: TestClient) -> None:
    problem = client.post("/v1/netwerken", json={}).json()
    assert {"type", "title", "status", "detail", "instance", "code", "invalidParams"} <= set(
        problem
    )
    assert problem["instance"] == "/v1/netwerken"


@pytest.mark.parametrize(
    "path",
    [
        "/v1/netwerken",
        "/v1/organisaties",
        "/v1/personen",
        "/v1/netwerken/{netwerk}/deelnemers",
        "/v1/netwerken/{netwerk}/bijeenkomsten",
        "/v1/netwerken/{netwerk}/leervragen",
    ],
)
def test_list_requests_use_a_constant_number_of_statements(
    client: TestClient, session: Session, count_statements: Callable[[], Any], path: str
) -> None:
    laad_demo(session=session)
    session.commit()
    netwerk_id = client.get("/v1/netwerken").json()["results"][0]["id"]
    url = path.format(netwerk=netwerk_id)
    counts = []
    for page_size in (1, 5, 50):
        with count_statements() as counter:
            response = client.get(url, params={"pageSize": page_size})
        assert response.status_code == 200
        assert len(response.json()["results"]) == min(page_size, response.json()["count"])
        counts.append(counter.count)
    assert counts[0] == counts[1] == counts[2]
    # the API key, the caller's network (nested lists), count and page
    assert counts[0] <= 4, "\n".join(s[:150].replace("\n", " ") for s in counter.statements)


def test_openapi_document_is_public_with_cors(client: TestClient) -> None:
    response = client.get("/v1/openapi.json")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    assert document["servers"][0]["url"] == "/v1"
    assert "/netwerken" in document["paths"]


def test_docs_are_served_without_internet(client: TestClient) -> None:
    page = client.get("/v1/docs")
    assert page.status_code == 200
    assert "/v1/docs-assets/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    assert client.get("/v1/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/v1/docs-assets/swagger-ui.css").status_code == 200
    redoc = client.get("/v1/redoc")
    assert "/v1/docs-assets/redoc.standalone.js" in redoc.text
    assert "fonts.googleapis" not in redoc.text
    assert client.get("/v1/docs-assets/redoc.standalone.js").status_code == 200


def test_demo_loads_once(session: Session, client: TestClient) -> None:
    first = laad_demo(session=session)
    second = laad_demo(session=session)
    assert "geladen" in first
    assert "niets toegevoegd" in second
    netwerken = client.get("/v1/netwerken").json()
    assert netwerken["count"] == 1
    netwerk = netwerken["results"][0]
    deelnemers = client.get(
        f"/v1/netwerken/{netwerk['id']}/deelnemers", params={"kartrekker": "true"}
    ).json()["results"]
    assert len(deelnemers) == 4
    assert len({d["persoon"]["organisatieId"] for d in deelnemers}) == 4
    soorten = {o["soort"] for o in client.get("/v1/organisaties").json()["results"]}
    assert soorten == {"gemeente", "provincie", "waterschap"}
    rollen = {
        d["rol"]
        for d in client.get(
            f"/v1/netwerken/{netwerk['id']}/deelnemers", params={"pageSize": 100}
        ).json()["results"]
    }
    assert rollen == {"beslisser", "organisatieontwikkeling", "participatie", "jonge-hond"}


def test_demo_reuses_organisations_that_already_exist(session: Session, client: TestClient) -> None:
    factories.organisatie(
        client,
        "gemeente Assen",
        tooiUri="https://identifier.overheid.nl/tooi/id/gemeente/gm0106",
    )
    laad_demo(session=session)
    assert client.get("/v1/organisaties", params={"naam": "Assen"}).json()["count"] == 1


def test_status_reports_the_database(client: TestClient) -> None:
    response = client.get("/v1/status")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_cors_only_for_allowed_intranet_origins(session: Session, settings: Any) -> None:
    from contextlib import nullcontext

    from app.main import create_app

    app = create_app(settings.model_copy(update={"cors_origins": ["https://intranet.assen.nl"]}))
    app.state.sessie_maker = lambda **_: nullcontext(session)
    with TestClient(app) as client:
        allowed = client.options(
            "/v1/netwerken",
            headers={
                "Origin": "https://intranet.assen.nl",
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "X-Api-Key",
            },
        )
        assert allowed.headers["access-control-allow-origin"] == "https://intranet.assen.nl"
        refused = client.get("/v1/status", headers={"Origin": "https://kwaadwillend.example"})
        assert "access-control-allow-origin" not in refused.headers
