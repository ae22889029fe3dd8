"""The article's story through the HTTP API, from a network that cannot start to its successor."""

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests import factories


def _bijeenkomst(client: TestClient, nid: str, dagen_geleden: int) -> dict[str, Any]:
    start = datetime.now(UTC) - timedelta(days=dagen_geleden)
    return factories.created(
        client.post(
            f"/v1/netwerken/{nid}/bijeenkomsten",
            json={
                "titel": f"Bijeenkomst van {dagen_geleden} dagen geleden",
                "start": start.isoformat(),
                "einde": (start + timedelta(hours=3)).isoformat(),
                "status": "gehouden",
            },
        )
    )


def test_from_a_network_that_cannot_start_to_its_successor(client: TestClient) -> None:
    netwerk = factories.netwerk(
        client, "Nieuwe democratie Noord", themas=["participatie"], startdatum="2026-01-01"
    )
    nid = netwerk["id"]
    assen = factories.organisatie(client, "Gemeente Assen")
    leeuwarden = factories.organisatie(client, "Gemeente Leeuwarden")
    drenthe = factories.organisatie(client, "Provincie Drenthe", soort="provincie")

    def mens(org: dict[str, Any], naam: str, rol: str, trekker: bool = False) -> dict[str, Any]:
        persoon = factories.persoon(client, org["id"], naam)
        return factories.deelnemer(
            client, nid, persoon["id"], rol=rol, kartrekker=trekker, sinds="2026-01-01"
        )

    # One kartrekker, and every organisation brings a single perspective: it cannot start.
    mens(assen, "Marieke Dijkstra", "organisatieontwikkeling", trekker=True)
    mens(leeuwarden, "Sjoerd van der Meer", "beslisser")
    refused = client.post(f"/v1/netwerken/{nid}/_activeer")
    assert refused.status_code == 409
    codes = {b["code"] for b in refused.json()["bevindingen"]}
    assert {"kartrekkers", "rollen-per-organisatie"} <= codes

    # Repaired: a second kartrekker from another organisation, a second role everywhere,
    # and a provincie for another kind of organisation.
    trekker_2 = mens(leeuwarden, "Froukje Hoekstra", "participatie", trekker=True)
    mens(assen, "Daan Mulder", "jonge-hond")
    wim = mens(drenthe, "Wim Oosting", "beslisser")
    mens(drenthe, "Karin Zijlstra", "participatie")
    started = client.post(f"/v1/netwerken/{nid}/_activeer")
    assert started.status_code == 200, started.text
    assert started.json()["status"] == "actief"

    # Wim misses two bijeenkomsten in a row: a kartrekker gets a follow-up task, Wim no e-mail.
    deelnemers = client.get(f"/v1/netwerken/{nid}/deelnemers").json()["results"]
    for dagen in (40, 20):
        bijeenkomst = _bijeenkomst(client, nid, dagen)
        lijst = [
            {"deelnemerId": d["id"], "status": "afwezig" if d["id"] == wim["id"] else "aanwezig"}
            for d in deelnemers
        ]
        registered = client.put(
            f"/v1/netwerken/{nid}/bijeenkomsten/{bijeenkomst['id']}/aanwezigheid",
            json={"registraties": lijst},
        )
        assert registered.status_code == 200, registered.text
    opvolgingen = client.get(f"/v1/netwerken/{nid}/opvolgingen").json()["results"]
    assert [o["deelnemerId"] for o in opvolgingen] == [wim["id"]]
    assert opvolgingen[0]["status"] == "open"
    kartrekkers = {d["id"] for d in deelnemers if d["kartrekker"]}
    assert opvolgingen[0]["kartrekkerId"] in kartrekkers
    health = client.get(f"/v1/netwerken/{nid}/gezondheid").json()
    wim_opkomst = next(o for o in health["opkomstPerDeelnemer"] if o["deelnemerId"] == wim["id"])
    assert wim_opkomst["opkomst"]["afwezig"] == 2

    # The kartrekker calls, and closes the task; it is not recreated for the same absences.
    client.patch(
        f"/v1/netwerken/{nid}/opvolgingen/{opvolgingen[0]['id']}",
        json={"status": "afgerond", "notitie": "Gebeld: drukke periode, komt weer."},
    )
    client.post(f"/v1/netwerken/{nid}/opvolgingen/_bijwerken")
    assert client.get(f"/v1/netwerken/{nid}/opvolgingen").json()["count"] == 1

    # Pause for reflection, resume, complete, continue with the same people.
    assert client.post(f"/v1/netwerken/{nid}/_pauzeer").json()["status"] == "gepauzeerd"
    assert client.post(f"/v1/netwerken/{nid}/_hervat").json()["status"] == "actief"
    # While running, the second organisation's last kartrekker cannot simply stop.
    stop = client.patch(
        f"/v1/netwerken/{nid}/deelnemers/{trekker_2['id']}", json={"kartrekker": False}
    )
    assert stop.status_code == 409
    assert client.post(f"/v1/netwerken/{nid}/_rondaf").json()["status"] == "afgerond"
    vervolg = factories.created(client.post(f"/v1/netwerken/{nid}/_vervolg"))
    assert vervolg["voorgangerId"] == nid
    assert client.get(f"/v1/netwerken/{vervolg['id']}/deelnemers").json()["count"] == 6
