"""A small network for the tests around a bijeenkomst, built through the API.

Assen hosts; Kim (Assen) is kartrekker, Eva (Assen) and Daan (Drenthe) are deelnemers, Bo
works at Assen but is no deelnemer (a possible vervanger), Pim works at Drenthe and is no
deelnemer either. Each person signs in with their own token.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

from tests import factories

VERLEDEN = "2026-01-15T13:30:00+01:00"
VERLEDEN_EINDE = "2026-01-15T16:30:00+01:00"


@dataclass
class Netwerkje:
    beheer: TestClient
    netwerk: dict[str, Any]
    assen: dict[str, Any]
    drenthe: dict[str, Any]
    personen: dict[str, dict[str, Any]]
    deelnemers: dict[str, dict[str, Any]]
    als: dict[str, TestClient]

    @property
    def url(self) -> str:
        return f"/v1/netwerken/{self.netwerk['id']}"

    def bijeenkomst(self, **velden: Any) -> dict[str, Any]:
        """A bijeenkomst of the network, hosted by Assen unless told otherwise."""
        body = {
            "titel": "Bijeenkomst",
            "start": "2027-03-25T13:30:00+01:00",
            "einde": "2027-03-25T16:30:00+01:00",
            "gastorganisatieId": self.assen["id"],
            **velden,
        }
        return factories.created(self.beheer.post(f"{self.url}/bijeenkomsten", json=body))

    def b_url(self, bijeenkomst: dict[str, Any]) -> str:
        return f"{self.url}/bijeenkomsten/{bijeenkomst['id']}"


def bouw(beheer: TestClient, client_voor: Callable[[str], TestClient]) -> Netwerkje:
    """The network of the module docstring."""
    assen = factories.organisatie(beheer, "Gemeente Assen")
    drenthe = factories.organisatie(beheer, "Provincie Drenthe", soort="provincie")
    netwerk = factories.netwerk(beheer, themas=["participatie", "energie", "jongeren"])
    personen = {
        "kim": factories.persoon(beheer, assen["id"], "Kim Kartrekker", email="kim@assen.example"),
        "eva": factories.persoon(beheer, assen["id"], "Eva Evers", email="eva@assen.example"),
        "daan": factories.persoon(
            beheer, drenthe["id"], "Daan Dijkstra", email="daan@drenthe.example"
        ),
        "bo": factories.persoon(beheer, assen["id"], "Bo Bakker", email="bo@assen.example"),
        "pim": factories.persoon(beheer, drenthe["id"], "Pim Post", email="pim@drenthe.example"),
    }
    deelnemers = {
        "kim": factories.deelnemer(beheer, netwerk["id"], personen["kim"]["id"], kartrekker=True),
        "eva": factories.deelnemer(
            beheer, netwerk["id"], personen["eva"]["id"], rol="participatie"
        ),
        "daan": factories.deelnemer(
            beheer, netwerk["id"], personen["daan"]["id"], rol="jonge-hond"
        ),
    }
    return Netwerkje(
        beheer=beheer,
        netwerk=netwerk,
        assen=assen,
        drenthe=drenthe,
        personen=personen,
        deelnemers=deelnemers,
        als={naam: client_voor(p["email"]) for naam, p in personen.items()},
    )


def leden(netwerkje: Netwerkje, aantal: int) -> list[dict[str, Any]]:
    """`aantal` extra deelnemers from Drenthe."""
    extra = []
    for nummer in range(aantal):
        mens = factories.persoon(
            netwerkje.beheer,
            netwerkje.drenthe["id"],
            f"Lid {nummer}",
            email=f"lid{nummer}@drenthe.example",
        )
        extra.append(factories.deelnemer(netwerkje.beheer, netwerkje.netwerk["id"], mens["id"]))
    return extra
