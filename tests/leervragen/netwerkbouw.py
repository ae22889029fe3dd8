"""Build a network with people from several organisations and their leervragen, through HTTP."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests import factories

THEMAS = ["participatie", "jongeren", "energietransitie", "organisatieontwikkeling"]


@dataclass
class Netwerkbouw:
    """A network under construction; every call goes through the API as a beheerder."""

    client: TestClient
    naam: str = "Democratie in Actie"
    netwerk: dict[str, Any] = field(init=False)
    organisaties: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.netwerk = factories.netwerk(self.client, self.naam, themas=THEMAS)

    @property
    def id(self) -> str:
        return str(self.netwerk["id"])

    @property
    def url(self) -> str:
        return f"/v1/netwerken/{self.id}"

    def organisatie(self, naam: str) -> dict[str, Any]:
        """The organisation with this name, created on first use; networks built with the same
        `organisaties` dict share them."""
        if naam not in self.organisaties:
            self.organisaties[naam] = factories.organisatie(self.client, naam)
        return self.organisaties[naam]

    def deelnemer(
        self, naam: str, organisatie: str, *, rol: str = "participatie", **extra: Any
    ) -> dict[str, Any]:
        """A new persoon of `organisatie` as deelnemer of this network."""
        persoon = factories.persoon(self.client, self.organisatie(organisatie)["id"], naam)
        return self.lid(persoon, rol=rol, **extra)

    def lid(
        self, persoon: dict[str, Any], *, rol: str = "participatie", **extra: Any
    ) -> dict[str, Any]:
        """An existing persoon as deelnemer of this network."""
        return factories.deelnemer(self.client, self.id, persoon["id"], rol, **extra)

    def leervraag(
        self, deelnemer: dict[str, Any], soort: str, tekst: str, *themas: str, **extra: Any
    ) -> dict[str, Any]:
        body = {
            "deelnemerId": deelnemer["id"],
            "soort": soort,
            "tekst": tekst,
            "themas": list(themas),
            **extra,
        }
        return factories.created(self.client.post(f"{self.url}/leervragen", json=body))

    def bijeenkomst(
        self,
        *,
        over_dagen: int,
        gastorganisatie: str | None = None,
        status: str = "gepland",
        titel: str = "Bijeenkomst",
    ) -> dict[str, Any]:
        start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=over_dagen)
        body: dict[str, Any] = {
            "titel": titel,
            "start": start.isoformat(),
            "einde": (start + timedelta(hours=3)).isoformat(),
            "status": status,
        }
        if gastorganisatie is not None:
            body["gastorganisatieId"] = self.organisatie(gastorganisatie)["id"]
        return factories.created(self.client.post(f"{self.url}/bijeenkomsten", json=body))
