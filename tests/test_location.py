"""Every 201 answer says where the new resource is (Location), and the OpenAPI says so too."""

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import routing
from fastapi.testclient import TestClient

from app.main import create_app
from app.middleware import locatie
from tests import factories

N = "/v1/netwerken/{netwerkId}"
B = f"{N}/bijeenkomsten/{{bijeenkomstId}}"


def _routes_answering_201() -> set[tuple[str, str]]:
    app = create_app()
    found = set()
    for context in routing.iter_route_contexts(app.routes):
        route: Any = context.original_route
        if getattr(route, "status_code", None) == 201 or 201 in (
            getattr(route, "responses", None) or {}
        ):
            found |= {(method, context.path) for method in context.methods}
    return found


class Verzamelaar:
    """Creates through the API and checks every Location it is given."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.gezien: set[tuple[str, str]] = set()

    def maak(self, methode: str, sjabloon: str, pad: str, body: Any = None) -> dict[str, Any]:
        response = self.client.request(methode, pad, json=body)
        assert response.status_code == 201, (pad, response.text)
        self.gezien.add((methode, sjabloon))
        location = response.headers.get("Location")
        assert location, f"{methode} {pad} answers 201 without Location"
        assert location.startswith("/v1/")
        gevolgd = self.client.get(location)
        assert gevolgd.status_code == 200, (location, gevolgd.text)
        created: dict[str, Any] = response.json()
        gevonden = gevolgd.json()
        if "results" in gevonden:
            # The new resource has no page of its own: Location names the list it is in.
            ids = {r.get("id") for r in gevonden["results"]}
            nieuw = [b["id"] for b in created.get("bijeenkomsten", [])] or [created["id"]]
            assert set(nieuw) <= ids, (location, nieuw)
        else:
            assert gevonden.get("id", gevonden.get("deelnemerId")) == created.get(
                "id", created.get("deelnemerId")
            ), location
        return created


def test_every_201_carries_a_location_that_leads_to_the_new_resource(client: TestClient) -> None:
    v = Verzamelaar(client)
    org = v.maak(
        "POST",
        "/v1/organisaties",
        "/v1/organisaties",
        {"naam": "Gemeente Assen", "soort": "gemeente"},
    )
    extra = factories.organisatie(client, "Gemeente Emmen")
    persoon = v.maak(
        "POST",
        "/v1/personen",
        "/v1/personen",
        {"naam": "Fenna Hoekstra", "email": "f@assen.nl", "organisatieId": org["id"]},
    )
    netwerk = v.maak("POST", "/v1/netwerken", "/v1/netwerken", {"naam": "Democratie in Actie"})
    n = f"/v1/netwerken/{netwerk['id']}"
    deelnemer = v.maak(
        "POST",
        f"{N}/deelnemers",
        f"{n}/deelnemers",
        {"persoonId": persoon["id"], "rol": "beslisser", "kartrekker": True},
    )
    v.maak(
        "POST",
        f"{N}/organisaties",
        f"{n}/organisaties",
        {"organisatieId": extra["id"], "contactpersoon": {"naam": "Sanne de Vries"}},
    )
    begin = datetime.now(UTC) - timedelta(days=1)
    bijeenkomst = v.maak(
        "POST",
        f"{N}/bijeenkomsten",
        f"{n}/bijeenkomsten",
        {
            "titel": "Aftrap",
            "start": begin.isoformat(),
            "einde": (begin + timedelta(hours=3)).isoformat(),
        },
    )
    b = f"{n}/bijeenkomsten/{bijeenkomst['id']}"
    v.maak(
        "POST",
        f"{N}/bijeenkomsten/_plan",
        f"{n}/bijeenkomsten/_plan",
        {"data": ["2031-01-14", "2031-02-25"], "begintijd": "13:30", "duurMinuten": 180},
    )
    v.maak(
        "PUT",
        f"{B}/aanmeldingen/{{deelnemerId}}",
        f"{b}/aanmeldingen/{deelnemer['id']}",
        {"antwoord": "ja"},
    )
    v.maak(
        "POST",
        f"{B}/evaluaties",
        f"{b}/evaluaties",
        {"deelnemerId": deelnemer["id"], "leerwaarde": 4, "plezier": 5},
    )
    v.maak(
        "POST",
        f"{B}/agenda-onderdelen",
        f"{b}/agenda-onderdelen",
        {"werkvorm": "lezing", "titel": "Casus"},
    )
    leervraag = v.maak(
        "POST",
        f"{N}/leervragen",
        f"{n}/leervragen",
        {"deelnemerId": deelnemer["id"], "soort": "halen", "tekst": "Hoe betrekken we jongeren?"},
    )
    v.maak(
        "POST",
        f"{N}/leervragen/{{leervraagId}}/voortgang",
        f"{n}/leervragen/{leervraag['id']}/voortgang",
        {"tekst": "Een goed voorbeeld gehoord."},
    )
    v.maak(
        "POST",
        f"{N}/onbeschikbaarheden",
        f"{n}/onbeschikbaarheden",
        {"organisatieId": org["id"], "datum": "2031-01-14"},
    )
    v.maak("POST", f"{N}/kalenderfeeds", f"{n}/kalenderfeeds")
    v.maak(
        "POST",
        "/v1/personen/{persoonId}/kalenderfeeds",
        f"/v1/personen/{persoon['id']}/kalenderfeeds",
    )
    v.maak(
        "POST", "/v1/abonnementen", "/v1/abonnementen", {"sink": "https://intranet.example/hooks"}
    )
    v.maak(
        "POST", "/v1/api-sleutels", "/v1/api-sleutels", {"naam": "Intranet", "scopes": ["lezen"]}
    )
    afgerond = factories.startklaar_netwerk(client, "Afgerond netwerk")
    a = f"/v1/netwerken/{afgerond['id']}"
    assert client.post(f"{a}/_activeer").status_code == 200
    assert client.post(f"{a}/_rondaf").status_code == 200
    vervolg = v.maak("POST", f"{N}/_vervolg", f"{a}/_vervolg")
    assert vervolg["voorgangerId"] == afgerond["id"]
    assert v.gezien == _routes_answering_201(), "a route answering 201 is not checked here"


def test_a_replayed_creation_says_where_the_resource_is_too(client: TestClient) -> None:
    body = {"naam": "Gemeente Assen", "soort": "gemeente"}
    headers = {"Idempotency-Key": "maak-assen-1"}
    eerste = client.post("/v1/organisaties", json=body, headers=headers)
    herhaald = client.post("/v1/organisaties", json=body, headers=headers)
    assert herhaald.headers["Idempotent-Replayed"] == "true"
    assert herhaald.headers["Location"] == eerste.headers["Location"]
    assert eerste.headers["Location"] == f"/v1/organisaties/{eerste.json()['id']}"


def test_only_creations_carry_a_location(client: TestClient) -> None:
    org = factories.organisatie(client)
    assert "Location" not in client.get(f"/v1/organisaties/{org['id']}").headers
    assert "Location" not in client.patch(f"/v1/organisaties/{org['id']}", json={}).headers
    fout = client.post("/v1/organisaties", json={"naam": "Zonder soort"})
    assert fout.status_code == 400
    assert "Location" not in fout.headers


def test_the_openapi_document_names_the_location_of_every_201() -> None:
    document = create_app().openapi()
    zonder = [
        f"{methode.upper()} {pad}"
        for pad, operaties in document["paths"].items()
        for methode, operatie in operaties.items()
        if "201" in operatie["responses"]
        and "Location" not in operatie["responses"]["201"].get("headers", {})
    ]
    assert zonder == []
    assert document["components"]["headers"]["Location"]["schema"]["format"] == "uri-reference"


def test_locatie_follows_the_kind_of_request() -> None:
    nieuw = b'{"id": "0b8f6c1e-4c55-4a2e-9d2b-2f0e8a1f7c11"}'
    altijd = lambda pad: True  # noqa: E731
    nooit = lambda pad: False  # noqa: E731
    n = "/v1/netwerken/5d1c3f6e-8a47-4b8e-a1e5-6c0e2f3a9b10"
    item = "0b8f6c1e-4c55-4a2e-9d2b-2f0e8a1f7c11"
    assert locatie("POST", f"{n}/deelnemers", nieuw, leesbaar=altijd) == f"{n}/deelnemers/{item}"
    assert locatie("POST", f"{n}/kalenderfeeds", nieuw, leesbaar=nooit) == f"{n}/kalenderfeeds"
    assert locatie("POST", f"{n}/_vervolg", nieuw, leesbaar=altijd) == f"/v1/netwerken/{item}"
    plan = b'{"bijeenkomsten": [], "overgeslagen": []}'
    assert locatie("POST", f"{n}/bijeenkomsten/_plan", plan, leesbaar=altijd) == (
        f"{n}/bijeenkomsten"
    )
    pad = f"{n}/bijeenkomsten/{item}/aanmeldingen/{item}"
    assert locatie("PUT", pad, b"{}", leesbaar=nooit) == pad
