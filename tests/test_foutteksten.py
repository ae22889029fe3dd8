"""Error texts stay Dutch: whatever a client sends, no English reaches the problem body."""

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from tests import factories
from tests.test_robuustheid import BODIES, SETTINGS

# Words of pydantic's, Starlette's and FastAPI's English messages; none is Dutch.
ENGELS = re.compile(
    r"Input should|Field required|Value error|Not Found|Method Not Allowed|"
    r"\b(?:should|valid|value|required|least|most|or|must|error|expected|allowed|"
    r"Unprocessable|Entity|There was)\b",
    re.IGNORECASE,
)


def _teksten(problem: dict[str, Any]) -> list[str]:
    """What a person reads in a problem: title, detail and every reason."""
    teksten = [problem["title"], problem["detail"]]
    teksten += [p["reason"] for p in problem.get("invalidParams", [])]
    return teksten


def _engels(response: Any) -> list[str]:
    """The English texts in this problem answer, each with the request that got it."""
    assert response.status_code >= 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    plek = f"{response.request.method} {response.request.url.path}"
    return [f"{plek}: {t}" for t in _teksten(response.json()) if ENGELS.search(t)]


def _nederlands(response: Any) -> dict[str, Any]:
    assert _engels(response) == []
    problem: dict[str, Any] = response.json()
    return problem


def test_bad_input_across_routes_is_answered_in_dutch(client: TestClient) -> None:
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.netwerk(client)
    n = f"/v1/netwerken/{netwerk['id']}"
    deelnemer = factories.deelnemer(client, netwerk["id"], persoon["id"])
    begin = datetime.now(UTC) - timedelta(days=1)
    bijeenkomst = factories.created(
        client.post(
            f"{n}/bijeenkomsten",
            json={
                "titel": "Aftrap",
                "start": begin.isoformat(),
                "einde": (begin + timedelta(hours=2)).isoformat(),
            },
        )
    )
    b = f"{n}/bijeenkomsten/{bijeenkomst['id']}"
    verzoeken: list[tuple[str, str, Any]] = [
        ("POST", "/v1/organisaties", {"naam": 5, "soort": "dorp", "begindatum": "gisteren"}),
        ("POST", "/v1/organisaties", ["geen", "object"]),
        ("POST", "/v1/organisaties", {"naam": "x", "soort": "gemeente", "einddatum": 20270101}),
        ("POST", "/v1/personen", {"naam": "Fenna", "email": "geen-adres", "organisatieId": "x"}),
        ("POST", "/v1/netwerken", {"naam": "N", "startdatum": "2027-01-01T10:30:00"}),
        ("POST", "/v1/netwerken", {"naam": "N", "publiek": "misschien", "themas": "los"}),
        ("POST", f"{n}/deelnemers", {}),
        ("POST", f"{n}/bijeenkomsten", {"titel": "T", "start": "2027-01-01T10:00:00"}),
        ("POST", f"{n}/bijeenkomsten/_plan", {"data": ["2027-01-14"], "begintijd": "25:99"}),
        ("POST", f"{n}/bijeenkomsten/_plan", {"begintijd": "13:30", "duurMinuten": 0.5}),
        ("POST", f"{b}/evaluaties", {"deelnemerId": deelnemer["id"], "leerwaarde": 9}),
        ("POST", f"{b}/evaluaties", {"deelnemerId": deelnemer["id"], "leerwaarde": 2.5}),
        ("POST", f"{b}/groepsindeling", {"groepsgrootte": 3, "tijdbudget": 0}),
        ("POST", f"{b}/groepsindeling", {"groepsgrootte": 3, "tijdbudget": "lang"}),
        ("POST", f"{b}/groepsindeling", {"groepsgrootte": 3, "vasteParen": [[deelnemer["id"]]]}),
        ("POST", f"{n}/groepsplanning", {"aantalGroepen": 2, "seed": -1}),
        ("POST", "/v1/api-sleutels", {"naam": "Intranet", "scopes": []}),
        ("POST", "/v1/abonnementen", {"sink": "geen url", "types": [1]}),
        ("POST", f"{n}/organisaties", {"organisatieId": org["id"], "contactpersoon": None}),
        ("POST", f"{n}/organisaties", {"contactpersoon": {"naam": "S", "telefoon": "bel me"}}),
        ("PUT", f"{b}/aanmeldingen/{deelnemer['id']}", {"antwoord": "wellicht"}),
        ("PATCH", f"{n}/leervragen/niet-een-uuid", {"tekst": "x"}),
        ("GET", "/v1/organisaties?pageSize=veel&page=0&actueel=soms", None),
        ("GET", "/v1/organisaties/niet-een-uuid", None),
        ("GET", "/v1/bestaat-niet", None),
        ("GET", "/v1/organisaties/", None),
        ("DELETE", "/v1/status", None),
        ("PUT", "/v1/organisaties", {"naam": "x"}),
    ]
    engels = [t for m, pad, body in verzoeken for t in _engels(client.request(m, pad, json=body))]
    assert engels == [], "\n".join(engels)
    kapot = client.post(
        "/v1/organisaties", content=b'{"naam": ', headers={"Content-Type": "application/json"}
    )
    assert _nederlands(kapot)["invalidParams"][0]["code"] == "json_invalid"


def test_choices_are_listed_in_dutch(client: TestClient) -> None:
    problem = _nederlands(client.post("/v1/organisaties", json={"naam": "X", "soort": "dorp"}))
    reden = problem["invalidParams"][0]["reason"]
    assert reden.startswith("Kies uit: 'gemeente', 'provincie'")
    assert reden.endswith("of 'overig'.")


def test_an_invalid_email_address_is_explained_in_dutch(client: TestClient) -> None:
    org = factories.organisatie(client)
    problem = _nederlands(
        client.post(
            "/v1/personen", json={"naam": "Fenna", "email": "fenna@", "organisatieId": org["id"]}
        )
    )
    assert problem["invalidParams"] == [
        {"name": "email", "code": "value_error", "reason": "Moet een geldig e-mailadres zijn."}
    ]


@SETTINGS
@given(
    body=BODIES,
    target=st.sampled_from(["organisaties", "personen", "netwerken", "api-sleutels"]),
)
def test_random_bodies_are_answered_in_dutch(client: TestClient, body: Any, target: str) -> None:
    response = client.post(f"/v1/{target}", json=body)
    if response.status_code >= 400:
        _nederlands(response)
