"""The CloudEvent (1.0, NL GOV profile, JSON format) a subscriber receives for an event.

- `id` is the event's id in the outbox: it identifies the event persistently, the same in every
  attempt and for every subscriber, so a consumer can drop duplicates on `source` + `id`.
- `source` is a URN in the `nld` namespace naming this installation (`urn:nld:kartrekker:…`).
- `type` is reverse-DNS (`nl.kartrekker.bijeenkomst.gewijzigd`); the catalogue is in `events`.
- `subject` is the id of the resource the event is about.
- `time` is the moment the event was written to the outbox, in UTC: the moment the change was
  made and logged, as the profile recommends (not when it was delivered).
- `dataref` links to the resource, where a consumer reads its current state ("informatiearm
  notificeren"); `data` is thin: the ids, the change, and links.
"""

import json
from datetime import UTC
from typing import Any

from app.models import Gebeurtenis
from app.webhooks.events import CATALOGUS
from app.webhooks.instellingen import WebhookInstellingen

SPECVERSION = "1.0"
MEDIA_TYPE = "application/cloudevents+json"
CONTENT_TYPE = f"{MEDIA_TYPE}; charset=utf-8"


def _url(instellingen: WebhookInstellingen, pad: str) -> str:
    return instellingen.api_base_url.rstrip("/") + pad


def links(gebeurtenis: Gebeurtenis, instellingen: WebhookInstellingen) -> dict[str, str]:
    """Links to the event's subject and its netwerk, under the public API root."""
    soort = CATALOGUS.get(gebeurtenis.type)
    if soort is None or gebeurtenis.netwerk_id is None:
        return {}
    netwerk = str(gebeurtenis.netwerk_id)
    result = {"netwerk": _url(instellingen, f"/netwerken/{netwerk}")}
    result[soort.link] = _url(
        instellingen, soort.pad.format(netwerk=netwerk, onderwerp=gebeurtenis.onderwerp)
    )
    return result


def cloudevent(gebeurtenis: Gebeurtenis, instellingen: WebhookInstellingen) -> dict[str, Any]:
    """The CloudEvent for `gebeurtenis` as a JSON object."""
    verwijzingen = links(gebeurtenis, instellingen)
    soort = CATALOGUS.get(gebeurtenis.type)
    data: dict[str, Any] = {
        "id": gebeurtenis.onderwerp,
        "netwerkId": str(gebeurtenis.netwerk_id) if gebeurtenis.netwerk_id else None,
        "wijziging": gebeurtenis.data,
        "links": verwijzingen,
    }
    event: dict[str, Any] = {
        "specversion": SPECVERSION,
        "id": str(gebeurtenis.id),
        "source": instellingen.source_urn,
        "type": gebeurtenis.type,
        "subject": gebeurtenis.onderwerp,
        "time": tijd(gebeurtenis),
        "datacontenttype": "application/json",
    }
    if soort is not None and soort.link in verwijzingen:
        event["dataref"] = verwijzingen[soort.link]
    event["data"] = data
    return event


def tijd(gebeurtenis: Gebeurtenis) -> str:
    """The event's moment as RFC 3339 in UTC, with a `Z`."""
    return gebeurtenis.tijd.astimezone(UTC).isoformat().replace("+00:00", "Z")


def als_json(event: dict[str, Any]) -> str:
    """The CloudEvent as the compact JSON text that is signed and sent."""
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))
