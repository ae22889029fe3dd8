"""Text with control characters and dates out of range are a 400 on every backend, never a 500."""

import json
from typing import Any
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.common.invoerbewaking import bewaak
from app.models import Bijeenkomst, Organisatie
from tests import factories


def _bijeenkomst(client: TestClient, netwerk_id: str, **velden: Any) -> Any:
    body = {
        "titel": "Aftrap",
        "start": "2027-02-11T13:30:00+01:00",
        "einde": "2027-02-11T16:30:00+01:00",
        **velden,
    }
    return client.post(f"/v1/netwerken/{netwerk_id}/bijeenkomsten", json=body)


@pytest.mark.parametrize(
    ("velden", "veld"),
    [
        ({"einde": "9999-12-31T23:59:59Z"}, "einde"),
        ({"start": "9999-12-31T23:00:00-14:00", "einde": "9999-12-31T23:30:00-14:00"}, "start"),
        ({"start": "0001-01-01T00:00:00+14:00"}, "start"),
    ],
)
def test_moments_far_out_of_range_are_refused(
    client: TestClient, session: Session, velden: dict[str, str], veld: str
) -> None:
    netwerk = factories.netwerk(client)
    response = _bijeenkomst(client, netwerk["id"], **velden)
    assert response.status_code == 400, response.text
    problemen = response.json()["invalidParams"]
    assert veld in [p["name"] for p in problemen]
    assert any("tussen 1970-01-01 en 2100-12-31" in p["reason"] for p in problemen)
    assert session.exec(select(Bijeenkomst)).all() == []
    # The network's calendar feed keeps working.
    feed = client.post(f"/v1/netwerken/{netwerk['id']}/kalenderfeeds", json={}).json()
    assert client.get(urlsplit(feed["url"]).path).status_code == 200


def test_a_query_moment_out_of_range_is_a_400(client: TestClient) -> None:
    netwerk = factories.netwerk(client)
    response = client.get(
        f"/v1/netwerken/{netwerk['id']}/bijeenkomsten",
        params={"vanaf": "9999-12-31T23:00:00-14:00"},
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "vanaf"


def test_dates_out_of_range_are_refused(client: TestClient) -> None:
    response = client.post(
        "/v1/netwerken",
        json={"naam": "Verre toekomst", "onderwerp": "Later", "geplandeEinddatum": "9999-12-31"},
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "geplandeEinddatum"


@pytest.mark.parametrize("teken", ["\x00", "\x1b", "\ud800", "\x7f"])
def test_text_with_a_control_character_is_a_400_and_stores_nothing(
    client: TestClient, session: Session, teken: str
) -> None:
    # As JSON escapes (\\u0000, \\ud800), the way a client would send them.
    body = json.dumps({"naam": f"Gemeente{teken}Assen", "soort": "gemeente"})
    response = client.post(
        "/v1/organisaties", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    [probleem] = response.json()["invalidParams"]
    assert probleem["name"] == "naam"
    if teken != "\ud800":  # a lone surrogate is not even a string to Pydantic
        assert probleem["code"] == "stuurteken"
        assert probleem["reason"].startswith("Bevat een stuurteken")
    assert session.exec(select(Organisatie)).all() == []


def test_control_characters_inside_lists_and_nested_bodies(client: TestClient) -> None:
    response = client.post(
        "/v1/netwerken", json={"naam": "N", "onderwerp": "O", "themas": ["goed", "fo\x00ut"]}
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "themas"


def test_line_breaks_and_tabs_stay_allowed(client: TestClient) -> None:
    response = client.post(
        "/v1/netwerken",
        json={"naam": "N", "onderwerp": "O", "toelichting": "Regel één\nRegel\ttwee\r\n"},
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    "pad",
    ["/v1/personen?naam=a%00b", "/v1/organisaties?naam=%1b", "/v1/kalender/kf_ab%00cd_ef"],
)
def test_control_characters_in_paths_and_queries_are_a_400(client: TestClient, pad: str) -> None:
    response = client.get(pad)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["code"] == "stuurteken"


def test_the_guard_walks_into_containers() -> None:
    assert bewaak({"a": ["b", ("c",)]}) == {"a": ["b", ("c",)]}
    with pytest.raises(ValueError, match="stuurteken"):
        bewaak({"a": [("c\x00",)]})
    with pytest.raises(ValueError, match="stuurteken"):
        bewaak({"sleutel\x00": 1})
