"""No request produces a 500 by its content: random bodies and query values get 4xx answers."""

from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=300),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=5)
    ),
    max_leaves=12,
)
FIELDS = st.sampled_from(
    [
        "naam", "soort", "email", "organisatieId", "persoonId", "rol", "kartrekker", "start",
        "einde", "volgnummer", "gastorganisatieId", "deelnemerId", "tekst", "themas", "status",
        "oin", "tooiUri", "startdatum", "geplandeEinddatum", "sinds", "tot", "capaciteit",
    ]
)  # fmt: skip
BODIES = st.dictionaries(FIELDS, JSON, max_size=8) | JSON
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _assert_handled(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.text)
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"


@SETTINGS
@given(body=BODIES, target=st.sampled_from(["organisaties", "personen", "netwerken"]))
def test_random_bodies_on_top_level_collections(client: TestClient, body: Any, target: str) -> None:
    _assert_handled(client.post(f"/v1/{target}", json=body))


@SETTINGS
@given(
    body=BODIES,
    target=st.sampled_from(["deelnemers", "bijeenkomsten", "leervragen"]),
    method=st.sampled_from(["POST", "PATCH"]),
)
def test_random_bodies_inside_a_network(
    client: TestClient, body: Any, target: str, method: str
) -> None:
    netwerk = client.get("/v1/netwerken", params={"pageSize": 1}).json()["results"]
    if not netwerk:
        netwerk = [factories.netwerk(client, themas=["participatie"])]
    url = f"/v1/netwerken/{netwerk[0]['id']}/{target}"
    if method == "PATCH":
        url += "/00000000-0000-0000-0000-000000000001"
    _assert_handled(client.request(method, url, json=body))


@SETTINGS
@given(
    params=st.dictionaries(
        st.sampled_from(["page", "pageSize", "sorteer", "soort", "status", "naam", "thema"]),
        st.text(max_size=40),
        max_size=4,
    ),
    target=st.sampled_from(["organisaties", "personen", "netwerken"]),
)
def test_random_query_values(client: TestClient, params: dict[str, str], target: str) -> None:
    _assert_handled(client.get(f"/v1/{target}", params=params))
