"""Calendar feeds through HTTP: read back by icalendar and a second parser, strict RFC 5545.

Stable UIDs and a SEQUENCE that rises with every change; cancelled sessions stay as CANCELLED;
times in Europe/Amsterdam; a revoked or unknown token is a 404 problem.
"""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import recurring_ical_events
from fastapi import FastAPI
from fastapi.testclient import TestClient
from icalendar import Calendar

from tests.bijeenkomsten import rfc5545
from tests.bijeenkomsten.opzet import Netwerkje

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _lees(app: FastAPI, url: str, **headers: str) -> Any:
    """The feed as a calendar program fetches it: no credentials besides the URL."""
    with TestClient(app, raise_server_exceptions=False) as anoniem:
        return anoniem.get(url.removeprefix("http://testserver"), headers=headers)


def _kalender(app: FastAPI, url: str) -> tuple[bytes, Calendar]:
    response = _lees(app, url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    assert rfc5545.fouten(response.content) == []
    return response.content, Calendar.from_ical(response.content)


def _event(kalender: Calendar, bijeenkomst: dict[str, Any]) -> Any:
    [event] = [e for e in kalender.walk("VEVENT") if e["UID"] == f"{bijeenkomst['id']}@kartrekker"]
    return event


def test_network_feed_keeps_uids_raises_sequence_and_keeps_cancelled_sessions(
    app: FastAPI, netwerkje: Netwerkje
) -> None:
    eerste = netwerkje.bijeenkomst(titel="Aftrap", locatie="Stadhuis Assen")
    zomer = netwerkje.bijeenkomst(
        titel="Zomersessie",
        start="2027-06-10T13:30:00+02:00",
        einde="2027-06-10T16:30:00+02:00",
        onlineLink="https://meet.example.nl/zomer",
    )
    feed = netwerkje.als["daan"].post(f"{netwerkje.url}/kalenderfeeds")
    assert feed.status_code == 201, feed.text
    assert feed.json()["token"] in feed.json()["url"]
    assert "daan" not in feed.json()["url"].lower()
    url = feed.json()["url"]

    _, kalender = _kalender(app, url)
    assert str(kalender["X-WR-CALNAME"]) == netwerkje.netwerk["naam"]
    assert [tz["TZID"] for tz in kalender.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    aftrap = _event(kalender, eerste)
    assert aftrap["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert aftrap.decoded("DTSTART").replace(tzinfo=None) == datetime(2027, 3, 25, 13, 30)
    assert aftrap.decoded("DTSTART").astimezone(UTC) == datetime(2027, 3, 25, 12, 30, tzinfo=UTC)
    assert (aftrap["SEQUENCE"], str(aftrap["STATUS"])) == (0, "TENTATIVE")
    assert str(aftrap["LOCATION"]) == "Stadhuis Assen"
    assert "Gastheer: Gemeente Assen" in str(aftrap["DESCRIPTION"])
    assert str(_event(kalender, zomer)["URL"]) == "https://meet.example.nl/zomer"

    # Moved an hour later: same UID, higher SEQUENCE, new time.
    verzet = netwerkje.als["kim"].patch(
        netwerkje.b_url(eerste),
        json={"start": "2027-03-25T14:30:00+01:00", "einde": "2027-03-25T17:30:00+01:00"},
    )
    assert verzet.status_code == 200
    _, kalender = _kalender(app, url)
    aftrap = _event(kalender, eerste)
    assert aftrap["SEQUENCE"] == 1
    assert aftrap.decoded("DTSTART").astimezone(UTC) == datetime(2027, 3, 25, 13, 30, tzinfo=UTC)

    # Cancelled: it stays, marked as such, and the sequence rises again.
    netwerkje.als["kim"].patch(netwerkje.b_url(eerste), json={"status": "geannuleerd"})
    # A PATCH that changes nothing does not raise it.
    netwerkje.als["kim"].patch(netwerkje.b_url(eerste), json={"status": "geannuleerd"})
    _, kalender = _kalender(app, url)
    aftrap = _event(kalender, eerste)
    assert (aftrap["SEQUENCE"], str(aftrap["STATUS"])) == (2, "CANCELLED")
    assert len(list(kalender.walk("VEVENT"))) == 2


def test_a_second_parser_reads_the_same_moments(app: FastAPI, netwerkje: Netwerkje) -> None:
    winter = netwerkje.bijeenkomst(titel="Winter")
    zomer = netwerkje.bijeenkomst(
        titel="Zomer", start="2027-06-10T13:30:00+02:00", einde="2027-06-10T16:30:00+02:00"
    )
    url = netwerkje.beheer.post(f"{netwerkje.url}/kalenderfeeds").json()["url"]
    inhoud, _ = _kalender(app, url)
    gelezen = recurring_ical_events.of(Calendar.from_ical(inhoud)).between(
        datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    )
    momenten = {
        str(e["UID"]): (e["DTSTART"].dt.astimezone(UTC), e["DTEND"].dt.astimezone(UTC))
        for e in gelezen
    }
    assert momenten == {
        f"{winter['id']}@kartrekker": (
            datetime(2027, 3, 25, 12, 30, tzinfo=UTC),
            datetime(2027, 3, 25, 15, 30, tzinfo=UTC),
        ),
        f"{zomer['id']}@kartrekker": (
            datetime(2027, 6, 10, 11, 30, tzinfo=UTC),
            datetime(2027, 6, 10, 14, 30, tzinfo=UTC),
        ),
    }
    # Both at 13:30 on the wall clock, either side of the change to summer time.
    assert {e["DTSTART"].dt.astimezone(AMSTERDAM).hour for e in gelezen} == {13}


def test_the_strict_check_catches_a_broken_stream() -> None:
    kapot = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
        b"DTSTART;TZID=Europe/Nergens:20270101T100000\r\n"
        b"SUMMARY:" + b"x" * 80 + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nEND:VTODO\r\n"
    )
    problemen = rfc5545.fouten(kapot)
    assert any("75" in p for p in problemen)
    assert any("PRODID" in p for p in problemen)
    assert any("DTSTAMP" in p for p in problemen)
    assert any("Europe/Nergens" in p for p in problemen)
    assert any("END:VTODO" in p for p in problemen)


def test_revoked_and_unknown_tokens_are_404_problems(app: FastAPI, netwerkje: Netwerkje) -> None:
    netwerkje.bijeenkomst()
    feed = netwerkje.als["daan"].post(f"{netwerkje.url}/kalenderfeeds").json()
    assert _lees(app, feed["url"] + ".ics").status_code == 200
    assert _lees(app, feed["url"], Accept="application/json").status_code == 406
    assert _lees(app, feed["url"], Accept="text/calendar, */*;q=0.1").status_code == 200

    # Only kartrekkers see and revoke the network's feeds.
    assert netwerkje.als["daan"].get(f"{netwerkje.url}/kalenderfeeds").status_code == 403
    intrekken = f"{netwerkje.url}/kalenderfeeds/{feed['id']}/_intrekken"
    assert netwerkje.als["daan"].post(intrekken).status_code == 403
    ingetrokken = netwerkje.als["kim"].post(intrekken)
    assert ingetrokken.status_code == 200
    assert ingetrokken.json()["ingetrokken"] is True
    assert "token" not in ingetrokken.json()
    lijst = netwerkje.als["kim"].get(f"{netwerkje.url}/kalenderfeeds").json()
    assert [(f["prefix"], f["ingetrokken"]) for f in lijst["results"]] == [(feed["prefix"], True)]

    weg = _lees(app, feed["url"])
    assert weg.status_code == 404
    assert weg.headers["content-type"] == "application/problem+json"
    for onbekend in ("kf_00000000_verzonnen", "niets", feed["token"][:-1] + "x"):
        assert _lees(app, f"/v1/kalender/{onbekend}").status_code == 404


def test_the_personal_feed_says_what_the_person_does_there(
    app: FastAPI, netwerkje: Netwerkje
) -> None:
    bijeenkomst = netwerkje.bijeenkomst(titel="Bij ons in Assen")
    netwerkje.beheer.put(
        f"{netwerkje.b_url(bijeenkomst)}/bijdragen",
        json={
            "bijdragen": [
                {"deelnemerId": netwerkje.deelnemers["eva"]["id"], "soort": "gastheer"},
                {"deelnemerId": netwerkje.deelnemers["daan"]["id"], "soort": "presentator"},
            ]
        },
    )
    aanmelden = f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen"
    netwerkje.als["daan"].put(
        f"{aanmelden}/{netwerkje.deelnemers['daan']['id']}", json={"antwoord": "ja"}
    )
    netwerkje.als["kim"].put(
        f"{aanmelden}/{netwerkje.deelnemers['kim']['id']}",
        json={"antwoord": "ja", "vervangerPersoonId": netwerkje.personen["bo"]["id"]},
    )

    def beschrijving(wie: str) -> str:
        persoon_id = netwerkje.personen[wie]["id"]
        feed = netwerkje.als[wie].post(f"/v1/personen/{persoon_id}/kalenderfeeds")
        assert feed.status_code == 201, feed.text
        _, kalender = _kalender(app, feed.json()["url"])
        event = _event(kalender, bijeenkomst)
        assert str(event["SUMMARY"]) == f"Bij ons in Assen ({netwerkje.netwerk['naam']})"
        return str(event["DESCRIPTION"])

    eva = beschrijving("eva")
    assert "Jouw organisatie is gastheer." in eva
    assert "Je bent contactpersoon van de gastheer." in eva
    assert "Je hebt nog niet laten weten of je komt." in eva
    daan = beschrijving("daan")
    assert "Je presenteert." in daan
    assert "Je hebt je aangemeld." in daan
    assert "gastheer." not in daan.split("Lerend netwerk")[0]
    assert "Je komt als vervanger van Kim Kartrekker." in beschrijving("bo")
    assert "Bo Bakker komt in jouw plaats." in beschrijving("kim")


def test_a_personal_feed_is_made_by_the_person_only(netwerkje: Netwerkje) -> None:
    url = f"/v1/personen/{netwerkje.personen['eva']['id']}/kalenderfeeds"
    assert netwerkje.als["kim"].post(url).status_code == 403
    assert netwerkje.als["daan"].post(url).status_code == 403
    eigen = netwerkje.als["eva"].post(url)
    assert eigen.status_code == 201
    intrekken = f"{url}/{eigen.json()['id']}/_intrekken"
    assert netwerkje.als["kim"].post(intrekken).status_code == 403
    assert netwerkje.als["eva"].post(intrekken).json()["ingetrokken"] is True
    assert netwerkje.als["eva"].get(url).json()["count"] == 1


def test_subscribe_urls_follow_the_address_the_caller_used(
    app: FastAPI, beheer_sleutel: str, client: TestClient
) -> None:
    netwerk = client.post("/v1/netwerken", json={"naam": "N", "onderwerp": "O"}).json()
    with TestClient(
        app, base_url="https://kartrekker.assen.example:8443", headers={"X-Api-Key": beheer_sleutel}
    ) as elders:
        feed = elders.post(f"/v1/netwerken/{netwerk['id']}/kalenderfeeds", json={}).json()
    assert feed["url"].startswith("https://kartrekker.assen.example:8443/v1/kalender/kf_")
    # A configured public address wins: the link then works from outside a proxy too.
    app.state.settings.public_base_url = "https://kartrekker.example.nl/"
    feed = client.post(f"/v1/netwerken/{netwerk['id']}/kalenderfeeds", json={}).json()
    assert feed["url"].startswith("https://kartrekker.example.nl/v1/kalender/kf_")
