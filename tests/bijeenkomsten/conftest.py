"""The small network most tests around a bijeenkomst start from."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.bijeenkomsten.opzet import Netwerkje, bouw


@pytest.fixture
def netwerkje(client: TestClient, client_voor: Callable[[str], TestClient]) -> Netwerkje:
    return bouw(client, client_voor)
