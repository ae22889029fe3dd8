"""Small helpers that create data through the HTTP API, as a client would."""

from typing import Any

from fastapi.testclient import TestClient


def created(response: Any) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def organisatie(client: TestClient, naam: str = "Gemeente Assen", **extra: Any) -> dict[str, Any]:
    return created(
        client.post("/v1/organisaties", json={"naam": naam, "soort": "gemeente", **extra})
    )


def persoon(
    client: TestClient, organisatie_id: str, naam: str = "Fenna Hoekstra", **extra: Any
) -> dict[str, Any]:
    email = extra.pop("email", f"{naam.lower().replace(' ', '.')}@example.nl")
    return created(
        client.post(
            "/v1/personen",
            json={"naam": naam, "email": email, "organisatieId": organisatie_id, **extra},
        )
    )


def netwerk(client: TestClient, naam: str = "Democratie in Actie", **extra: Any) -> dict[str, Any]:
    body = {"naam": naam, "onderwerp": "Inwoners betrekken bij de energietransitie", **extra}
    return created(client.post("/v1/netwerken", json=body))


def deelnemer(
    client: TestClient, netwerk_id: str, persoon_id: str, rol: str = "beslisser", **extra: Any
) -> dict[str, Any]:
    return created(
        client.post(
            f"/v1/netwerken/{netwerk_id}/deelnemers",
            json={"persoonId": persoon_id, "rol": rol, **extra},
        )
    )


def startklaar_netwerk(
    client: TestClient, naam: str = "Democratie in Actie", **extra: Any
) -> dict[str, Any]:
    """A concept network that meets the blocking spelregels, so that `_activeer` succeeds.

    Two organisations of different kinds, a kartrekker from each, two roles per organisation.
    """
    body = netwerk(client, naam, **extra)
    suffix = body["id"][:8]
    for org_naam, soort, rollen in [
        ("Gemeente Assen", "gemeente", ["beslisser", "participatie"]),
        ("Provincie Drenthe", "provincie", ["organisatieontwikkeling", "jonge-hond"]),
    ]:
        org = organisatie(client, f"{org_naam} {suffix}", soort=soort)
        for index, rol in enumerate(rollen):
            mens = persoon(client, org["id"], f"{rol} {org_naam} {suffix}")
            deelnemer(client, body["id"], mens["id"], rol=rol, kartrekker=index == 0)
    return body
