"""The request path costs what it must: no thread hop per dependency, bounded SQL per read."""

import inspect
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import routing
from fastapi.dependencies.models import Dependant
from fastapi.testclient import TestClient

from app.main import create_app
from tests import factories

# The most statements each main read may take, the caller's key lookup included. The same
# bound holds for a network of 3 and of 30 deelnemers: an N+1 fails here.
GRENZEN = {
    "/v1/ik": 1,
    "/v1/netwerken": 3,
    "/v1/netwerken/{n}": 2,
    "/v1/netwerken/{n}/deelnemers?pageSize=50": 4,
    "/v1/netwerken/{n}/bijeenkomsten?pageSize=50": 4,
    "/v1/netwerken/{n}/leervragen?pageSize=50": 4,
    "/v1/netwerken/{n}/organisaties": 4,
    "/v1/netwerken/{n}/bijeenkomsten/{b}": 3,
    "/v1/netwerken/{n}/bijeenkomsten/{b}/aanmeldingen": 7,
    "/v1/personen?pageSize=50": 3,
    "/v1/organisaties?pageSize=50": 3,
}


def _afhankelijkheden(dependant: Dependant) -> list[Any]:
    gevonden = []
    for sub in dependant.dependencies:
        if sub.call is not None:
            gevonden.append(sub.call)
        gevonden.extend(_afhankelijkheden(sub))
    return gevonden


def _is_async(call: Any) -> bool:
    return (
        inspect.iscoroutinefunction(call)
        or inspect.isasyncgenfunction(call)
        or inspect.iscoroutinefunction(type(call).__call__)
    )


def test_no_dependency_hops_to_a_thread() -> None:
    """FastAPI runs a plain `def` dependency in a worker thread: one hop each, per request."""
    app = create_app()
    synchroon = {
        f"{getattr(call, '__module__', '')}.{getattr(call, '__qualname__', call)}"
        for context in routing.iter_route_contexts(app.routes)
        if isinstance(context.original_route, routing.APIRoute)
        for call in _afhankelijkheden(context.original_route.dependant)
        if not _is_async(call)
    }
    assert synchroon == set()


def _netwerk(client: TestClient, deelnemers: int) -> tuple[str, str]:
    netwerk = factories.netwerk(client, f"Netwerk van {deelnemers}")
    org = factories.organisatie(client, f"Gemeente {deelnemers}")
    for index in range(deelnemers):
        mens = factories.persoon(
            client, org["id"], f"Mens {index}", email=f"m{index}-{deelnemers}@ex.nl"
        )
        lid = factories.deelnemer(client, netwerk["id"], mens["id"])
        client.post(
            f"/v1/netwerken/{netwerk['id']}/leervragen",
            json={"deelnemerId": lid["id"], "soort": "halen", "tekst": f"Vraag {index}"},
        )
    bijeenkomst = factories.created(
        client.post(
            f"/v1/netwerken/{netwerk['id']}/bijeenkomsten",
            json={
                "titel": "Aftrap",
                "start": "2027-02-11T13:30:00+01:00",
                "einde": "2027-02-11T16:30:00+01:00",
            },
        )
    )
    return netwerk["id"], bijeenkomst["id"]


@pytest.mark.parametrize("pad", list(GRENZEN))
def test_main_reads_take_a_bounded_number_of_statements(
    client: TestClient, count_statements: Callable[[], Any], pad: str
) -> None:
    tellingen = []
    for grootte in (3, 30):
        netwerk_id, bijeenkomst_id = _netwerk(client, grootte)
        url = pad.replace("{n}", netwerk_id).replace("{b}", bijeenkomst_id)
        assert client.get(url).status_code == 200
        with count_statements() as teller:
            assert client.get(url).status_code == 200
        tellingen.append(teller.count)
    assert tellingen[0] == tellingen[1], f"{pad}: {tellingen} (N+1?)"
    assert tellingen[0] <= GRENZEN[pad], f"{pad}: {tellingen[0]} > {GRENZEN[pad]}"
