"""The CloudEvent for an event: CloudEvents 1.0 JSON in the NL GOV profile."""

import json
import uuid
from datetime import UTC, datetime

import pytest

from app.models import Gebeurtenis
from app.webhooks.cloudevents import als_json, cloudevent
from app.webhooks.instellingen import WebhookInstellingen, bron_urn

INSTELLINGEN = WebhookInstellingen(
    source_urn=bron_urn("gemeente-assen"), api_base_url="https://kartrekker.assen.nl/v1/"
)
NETWERK = uuid.UUID("5b0c7a52-9a36-4cbf-8f55-3d3f4c1d7a10")
LEERVRAAG = uuid.UUID("0d6f2a8e-4f51-4a7b-9b1e-2a3c4d5e6f70")
EVENT_ID = uuid.UUID("f3dce042-cd6e-4977-844d-05be8dce7cea")


def test_leervraag_event_in_full() -> None:
    gebeurtenis = Gebeurtenis(
        id=EVENT_ID,
        type="nl.kartrekker.leervraag.beantwoord",
        onderwerp=str(LEERVRAAG),
        netwerk_id=NETWERK,
        tijd=datetime(2026, 11, 27, 13, 45, 0, 123000, tzinfo=UTC),
        data={"status": {"oud": "open", "nieuw": "beantwoord"}},
    )
    basis = "https://kartrekker.assen.nl/v1/netwerken/"
    assert cloudevent(gebeurtenis, INSTELLINGEN) == {
        "specversion": "1.0",
        "id": str(EVENT_ID),
        "source": "urn:nld:kartrekker:gemeente-assen",
        "type": "nl.kartrekker.leervraag.beantwoord",
        "subject": str(LEERVRAAG),
        "time": "2026-11-27T13:45:00.123000Z",
        "datacontenttype": "application/json",
        "dataref": f"{basis}{NETWERK}/leervragen/{LEERVRAAG}",
        "data": {
            "id": str(LEERVRAAG),
            "netwerkId": str(NETWERK),
            "wijziging": {"status": {"oud": "open", "nieuw": "beantwoord"}},
            "links": {
                "netwerk": f"{basis}{NETWERK}",
                "leervraag": f"{basis}{NETWERK}/leervragen/{LEERVRAAG}",
            },
        },
    }


def test_netwerk_event_refers_to_the_netwerk_and_gastrooster_to_its_bijeenkomsten() -> None:
    netwerk = Gebeurtenis(
        type="nl.kartrekker.netwerk.afgerond", onderwerp=str(NETWERK), netwerk_id=NETWERK
    )
    assert cloudevent(netwerk, INSTELLINGEN)["dataref"] == (
        f"https://kartrekker.assen.nl/v1/netwerken/{NETWERK}"
    )
    rooster = Gebeurtenis(
        type="nl.kartrekker.gastrooster.gewijzigd", onderwerp=str(NETWERK), netwerk_id=NETWERK
    )
    assert cloudevent(rooster, INSTELLINGEN)["data"]["links"]["bijeenkomsten"] == (
        f"https://kartrekker.assen.nl/v1/netwerken/{NETWERK}/bijeenkomsten"
    )


def test_time_is_utc_whatever_offset_it_carries() -> None:
    from datetime import timedelta, timezone

    gebeurtenis = Gebeurtenis(
        type="nl.kartrekker.netwerk.hervat",
        onderwerp=str(NETWERK),
        netwerk_id=NETWERK,
        tijd=datetime(2026, 6, 1, 14, 0, tzinfo=timezone(timedelta(hours=2))),
    )
    assert cloudevent(gebeurtenis, INSTELLINGEN)["time"] == "2026-06-01T12:00:00Z"


def test_json_is_compact_utf8_and_round_trips() -> None:
    gebeurtenis = Gebeurtenis(
        type="nl.kartrekker.bijeenkomst.gepland",
        onderwerp=str(uuid.uuid4()),
        netwerk_id=NETWERK,
        data={"locatie": "Provinciehuis, Zwolle — zaal Overijssel"},
    )
    tekst = als_json(cloudevent(gebeurtenis, INSTELLINGEN))
    assert "—" in tekst
    assert ", " not in tekst.split('"data"')[0]
    assert json.loads(tekst) == cloudevent(gebeurtenis, INSTELLINGEN)


def test_source_urn_escapes_what_a_urn_cannot_carry() -> None:
    assert bron_urn("Bergen (L)") == "urn:nld:kartrekker:Bergen%20%28L%29"
    with pytest.raises(ValueError, match="leeg"):
        bron_urn("  ")


def test_settings_refuse_a_source_outside_the_nld_namespace() -> None:
    with pytest.raises(ValueError, match="urn:nld"):
        WebhookInstellingen(source_urn="https://kartrekker.example")


def test_settings_refuse_a_lease_too_short_for_one_delivery() -> None:
    with pytest.raises(ValueError, match="lease_seconds"):
        WebhookInstellingen(request_timeout_seconds=10, lease_seconds=20)
