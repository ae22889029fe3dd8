"""Safe retries and concurrent edits: Idempotency-Key on POST, ETag and If-Match on changes."""

import json
import threading
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.auth import sleutels
from app.models import IdempotentVerzoek
from tests import factories

ORGANISATIE = {"naam": "Gemeente Assen", "soort": "gemeente"}


def test_retry_with_the_same_key_gets_the_first_answer(client: TestClient) -> None:
    headers = {"Idempotency-Key": "assen-1"}
    first = client.post("/v1/organisaties", json=ORGANISATIE, headers=headers)
    again = client.post("/v1/organisaties", json=ORGANISATIE, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["API-Version"] == "1.0.0"
    assert client.get("/v1/organisaties").json()["count"] == 1


def test_without_a_key_a_retry_writes_twice(client: TestClient) -> None:
    client.post("/v1/organisaties", json=ORGANISATIE)
    client.post("/v1/organisaties", json=ORGANISATIE)
    assert client.get("/v1/organisaties").json()["count"] == 2


def test_same_key_for_another_request_is_a_conflict(client: TestClient) -> None:
    headers = {"Idempotency-Key": "hergebruik"}
    client.post("/v1/organisaties", json=ORGANISATIE, headers=headers)
    other = client.post(
        "/v1/organisaties", json={"naam": "Gemeente Emmen", "soort": "gemeente"}, headers=headers
    )
    assert other.status_code == 409
    assert other.json()["code"] == "idempotency-key-hergebruikt"
    assert client.get("/v1/organisaties").json()["count"] == 1


def test_keys_of_two_callers_do_not_collide(
    client: TestClient, app: FastAPI, session: Session
) -> None:
    other_key = sleutels.maak(naam="ander", scopes=["beheer"], session=session).sleutel
    session.commit()
    headers = {"Idempotency-Key": "zelfde"}
    client.post("/v1/organisaties", json=ORGANISATIE, headers=headers)
    with TestClient(app, headers={"X-Api-Key": other_key}) as other:
        second = other.post("/v1/organisaties", json=ORGANISATIE, headers=headers)
    assert "Idempotent-Replayed" not in second.headers
    assert client.get("/v1/organisaties").json()["count"] == 2


def test_a_refused_request_is_replayed_too(client: TestClient) -> None:
    headers = {"Idempotency-Key": "fout"}
    first = client.post("/v1/organisaties", json={"naam": ""}, headers=headers)
    again = client.post("/v1/organisaties", json={"naam": ""}, headers=headers)
    assert first.status_code == again.status_code == 400
    assert again.json() == first.json()


def test_a_new_api_key_is_never_stored_in_clear_for_its_retries(
    client: TestClient, session: Session
) -> None:
    headers = {"Idempotency-Key": "nieuwe-sleutel-1"}
    body = {"naam": "Intranet Assen", "scopes": ["lezen"]}
    first = client.post("/v1/api-sleutels", json=body, headers=headers)
    geheim = first.json()["sleutel"]
    # Whatever is stored for the retry holds neither the secret nor the Idempotency-Key.
    [rij] = session.exec(select(IdempotentVerzoek)).all()
    opgeslagen = json.dumps(rij.model_dump(mode="json", exclude={"body"})).encode() + (
        rij.body or b""
    )
    assert geheim.encode() not in opgeslagen
    assert geheim.split("_")[-1].encode() not in opgeslagen
    assert b"nieuwe-sleutel-1" not in opgeslagen
    assert b"Intranet Assen" not in (rij.body or b"")
    # The retry still gets the first answer, secret and all, and makes no second key.
    again = client.post("/v1/api-sleutels", json=body, headers=headers)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert client.get("/v1/api-sleutels").json()["count"] == 2  # the test's own key and this one


def test_etag_and_if_match(client: TestClient) -> None:
    body = factories.organisatie(client)
    url = f"/v1/organisaties/{body['id']}"
    etag = client.get(url).headers["ETag"]
    changed = client.patch(url, json={"naam": "Gemeente Assen (Dr)"}, headers={"If-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    stale = client.patch(url, json={"naam": "Overschreven"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["code"] == "versie-verouderd"
    assert client.get(url).json()["naam"] == "Gemeente Assen (Dr)"
    assert client.delete(url, headers={"If-Match": etag}).status_code == 412
    fresh = client.get(url).headers["ETag"]
    assert client.delete(url, headers={"If-Match": fresh}).status_code == 204


def test_every_resource_has_an_etag(client: TestClient) -> None:
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.netwerk(client)
    deelnemer = factories.deelnemer(client, netwerk["id"], persoon["id"])
    n = f"/v1/netwerken/{netwerk['id']}"
    for url in (
        f"/v1/organisaties/{org['id']}",
        f"/v1/personen/{persoon['id']}",
        n,
        f"{n}/deelnemers/{deelnemer['id']}",
    ):
        response = client.get(url)
        assert response.headers["ETag"].startswith('"'), url
        stale = client.patch(url, json={}, headers={"If-Match": '"oud"'})
        assert stale.status_code == 412, url


# Real concurrency needs real commits: an app on a database of its own (`real_app`), requests
# in threads.


def _together(count: int, call: Callable[[], Any]) -> list[Any]:
    """Run `call` in `count` threads released at the same moment."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def run(index: int) -> None:
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_concurrent_copies_write_once(real_app: tuple[FastAPI, str]) -> None:
    app, key = real_app

    def post() -> Any:
        with TestClient(app, headers={"X-Api-Key": key}) as client:
            return client.post(
                "/v1/organisaties", json=ORGANISATIE, headers={"Idempotency-Key": "tegelijk"}
            )

    responses = _together(4, post)
    assert [r.status_code for r in responses] == [201] * 4
    assert len({r.json()["id"] for r in responses}) == 1
    with TestClient(app, headers={"X-Api-Key": key}) as client:
        assert client.get("/v1/organisaties").json()["count"] == 1


def test_concurrent_edits_with_one_etag_lose_nothing(real_app: tuple[FastAPI, str]) -> None:
    app, key = real_app
    with TestClient(app, headers={"X-Api-Key": key}) as client:
        body = factories.organisatie(client)
        url = f"/v1/organisaties/{body['id']}"
        etag = client.get(url).headers["ETag"]

    def patch(naam: str) -> Callable[[], Any]:
        def call() -> Any:
            with TestClient(app, headers={"X-Api-Key": key}) as client:
                return client.patch(url, json={"naam": naam}, headers={"If-Match": etag})

        return call

    names = ["Kartrekker A", "Kartrekker B"]
    barrier_calls = [patch(n) for n in names]
    responses = _together(2, lambda: barrier_calls.pop()())
    assert sorted(r.status_code for r in responses) == [200, 412]
    winner = next(r for r in responses if r.status_code == 200).json()["naam"]
    with TestClient(app, headers={"X-Api-Key": key}) as client:
        assert client.get(url).json()["naam"] == winner
