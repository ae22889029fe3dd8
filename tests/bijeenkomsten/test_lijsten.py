"""The lists around a bijeenkomst issue a constant number of statements, whatever the page."""

from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import Session

from tests import factories
from tests.bijeenkomsten.opzet import VERLEDEN, VERLEDEN_EINDE, Netwerkje, leden


@pytest.mark.parametrize("lijst", ["aanmeldingen", "agenda-onderdelen", "evaluaties"])
def test_lists_take_a_constant_number_of_statements(
    netwerkje: Netwerkje,
    session: Session,
    count_statements: Callable[[], Any],
    lijst: str,
) -> None:
    bijeenkomst = netwerkje.bijeenkomst(start=VERLEDEN, einde=VERLEDEN_EINDE)
    leervraag = factories.created(
        netwerkje.beheer.post(
            f"{netwerkje.url}/leervragen",
            json={"deelnemerId": netwerkje.deelnemers["eva"]["id"], "soort": "halen", "tekst": "?"},
        )
    )
    for nummer, lid in enumerate(leden(netwerkje, 6)):
        netwerkje.beheer.put(
            f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen/{lid['id']}", json={"antwoord": "ja"}
        )
        netwerkje.beheer.post(
            f"{netwerkje.b_url(bijeenkomst)}/agenda-onderdelen",
            json={
                "werkvorm": "lezing",
                "titel": f"Deel {nummer}",
                "leervraagIds": [leervraag["id"]],
            },
        )
        netwerkje.beheer.post(
            f"{netwerkje.b_url(bijeenkomst)}/evaluaties",
            json={"deelnemerId": lid["id"], "leerwaarde": 4, "plezier": 4},
        )
    url = f"{netwerkje.b_url(bijeenkomst)}/{lijst}"
    counts = []
    for page_size in (1, 4, 50):
        with count_statements() as counter:
            response = netwerkje.beheer.get(url, params={"pageSize": page_size})
        assert response.status_code == 200
        assert len(response.json()["results"]) == min(page_size, 6)
        counts.append(counter.count)
    assert counts[0] == counts[1] == counts[2], counts
