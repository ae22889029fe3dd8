"""The status flow of a leervraag and its free tags, through HTTP."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.models import Gebeurtenis
from app.webhooks.events import LEERVRAAG_BEANTWOORD
from tests.leervragen.netwerkbouw import Netwerkbouw


@pytest.fixture
def bouw(client: TestClient) -> Netwerkbouw:
    return Netwerkbouw(client)


@pytest.fixture
def leervraag(bouw: Netwerkbouw) -> Callable[..., dict[str, Any]]:
    deelnemer = bouw.deelnemer("Fenna Hoekstra", "Gemeente Assen")

    def maak(**extra: Any) -> dict[str, Any]:
        return bouw.leervraag(deelnemer, "halen", "Hoe betrekken we jongeren?", **extra)

    return maak


def _zet(client: TestClient, vraag: dict[str, Any], status: str) -> Any:
    return client.patch(
        f"/v1/netwerken/{vraag['netwerkId']}/leervragen/{vraag['id']}", json={"status": status}
    )


def _beantwoord_events(session: Session, leervraag_id: str) -> int:
    return len(
        session.exec(
            select(Gebeurtenis).where(
                Gebeurtenis.type == LEERVRAAG_BEANTWOORD, Gebeurtenis.onderwerp == leervraag_id
            )
        ).all()
    )


def test_the_whole_flow_and_reopening(
    client: TestClient, session: Session, leervraag: Callable[..., dict[str, Any]]
) -> None:
    vraag = leervraag()
    assert vraag["status"] == "open"
    for status in ("in-behandeling", "beantwoord", "open", "in-behandeling", "losgelaten", "open"):
        response = _zet(client, vraag, status)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == status
    # Answered once: the event of the answer, not of every later step.
    assert _beantwoord_events(session, vraag["id"]) == 1


@pytest.mark.parametrize(
    ("pad", "verboden", "toegestaan"),
    [
        ([], "beantwoord", ["in-behandeling"]),
        ([], "losgelaten", ["in-behandeling"]),
        (["in-behandeling"], "open", ["beantwoord", "losgelaten"]),
        (["in-behandeling", "beantwoord"], "losgelaten", ["open"]),
        (["in-behandeling", "losgelaten"], "in-behandeling", ["open"]),
    ],
)
def test_a_forbidden_transition_is_409_naming_the_allowed_ones(
    client: TestClient,
    session: Session,
    leervraag: Callable[..., dict[str, Any]],
    pad: list[str],
    verboden: str,
    toegestaan: list[str],
) -> None:
    vraag = leervraag()
    for status in pad:
        assert _zet(client, vraag, status).status_code == 200
    events_voor = _beantwoord_events(session, vraag["id"])
    response = _zet(client, vraag, verboden)
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "ongeldige-statusovergang"
    assert problem["toegestaneStatussen"] == toegestaan
    assert all(status in problem["detail"] for status in toegestaan)
    huidig = pad[-1] if pad else "open"
    assert problem["huidigeStatus"] == huidig
    url = f"/v1/netwerken/{vraag['netwerkId']}/leervragen/{vraag['id']}"
    assert client.get(url).json()["status"] == huidig
    assert _beantwoord_events(session, vraag["id"]) == events_voor


def test_a_refused_status_change_changes_nothing_else(
    client: TestClient, leervraag: Callable[..., dict[str, Any]]
) -> None:
    vraag = leervraag()
    url = f"/v1/netwerken/{vraag['netwerkId']}/leervragen/{vraag['id']}"
    response = client.patch(url, json={"status": "beantwoord", "tekst": "Iets anders"})
    assert response.status_code == 409
    assert client.get(url).json()["tekst"] == vraag["tekst"]


def test_keeping_the_status_is_no_transition(
    client: TestClient, leervraag: Callable[..., dict[str, Any]]
) -> None:
    vraag = leervraag()
    url = f"/v1/netwerken/{vraag['netwerkId']}/leervragen/{vraag['id']}"
    response = client.patch(url, json={"status": "open", "tekst": "Hoe bereiken we jongeren?"})
    assert response.status_code == 200
    assert response.json()["tekst"] == "Hoe bereiken we jongeren?"


def test_an_unknown_status_is_400(
    client: TestClient, leervraag: Callable[..., dict[str, Any]]
) -> None:
    response = _zet(client, leervraag(), "klaar")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "status"


def test_tags_are_trimmed_and_counted_once(leervraag: Callable[..., dict[str, Any]]) -> None:
    vraag = leervraag(tags=["  jongerenraad ", "Wijkbudget", "wijkbudget", "jongerenraad"])
    assert vraag["tags"] == ["jongerenraad", "Wijkbudget"]
    assert leervraag()["tags"] == []


@pytest.mark.parametrize(
    ("tags", "naam", "code"),
    [
        ([""], "tags.0", "string_too_short"),
        (["ok", "   "], "tags.1", "string_too_short"),
        (["x" * 41], "tags.0", "string_too_long"),
        ([f"tag{i}" for i in range(11)], "tags", "too_long"),
        ("jongeren", "tags", "list_type"),
    ],
)
def test_invalid_tags_are_400_and_write_nothing(
    client: TestClient, bouw: Netwerkbouw, tags: Any, naam: str, code: str
) -> None:
    deelnemer = bouw.deelnemer("Fenna Hoekstra", "Gemeente Assen")
    body = {"deelnemerId": deelnemer["id"], "soort": "halen", "tekst": "Hoe?", "tags": tags}
    response = client.post(f"{bouw.url}/leervragen", json=body)
    assert response.status_code == 400
    assert {"name": naam, "code": code} == {
        k: response.json()["invalidParams"][0][k] for k in ("name", "code")
    }
    assert client.get(f"{bouw.url}/leervragen").json()["count"] == 0


def test_tags_can_be_changed_and_not_emptied_to_null(
    client: TestClient, leervraag: Callable[..., dict[str, Any]]
) -> None:
    vraag = leervraag(tags=["jongerenraad"])
    url = f"/v1/netwerken/{vraag['netwerkId']}/leervragen/{vraag['id']}"
    assert client.patch(url, json={"tags": ["wijkbudget"]}).json()["tags"] == ["wijkbudget"]
    assert client.patch(url, json={"tags": []}).json()["tags"] == []
    assert client.patch(url, json={"tags": None}).status_code == 400
    assert client.patch(url, json={"tags": ["x" * 41]}).status_code == 400
    assert client.get(url).json()["tags"] == []
