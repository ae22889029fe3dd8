"""Planning a series from a rhythm through HTTP: wall time kept across DST, blocks skipped."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.bijeenkomsten.opzet import Netwerkje

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ZESWEKELIJKS = "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH"


def _plan(netwerkje: Netwerkje, client: Any = None, **body: Any) -> Any:
    verzoek = {"begintijd": "13:30", "duurMinuten": 180, **body}
    return (client or netwerkje.beheer).post(f"{netwerkje.url}/bijeenkomsten/_plan", json=verzoek)


def _lokaal(moment: str) -> datetime:
    return datetime.fromisoformat(moment).astimezone(AMSTERDAM)


def test_every_six_weeks_on_thursday_stays_at_half_past_one_across_dst(
    netwerkje: Netwerkje,
) -> None:
    response = _plan(
        netwerkje,
        netwerkje.als["kim"],
        regel=f"{ZESWEKELIJKS};COUNT=5",
        eersteDag="2027-01-14",
        titel="Bijeenkomst {volgnummer} ({datum})",
        locatie="Stadhuis Assen",
        capaciteit=30,
    )
    assert response.status_code == 201, response.text
    bijeenkomsten = response.json()["bijeenkomsten"]
    # Winter time (UTC+1) until 28 March 2027, summer time (UTC+2) after it.
    assert [b["start"] for b in bijeenkomsten] == [
        "2027-01-14T12:30:00Z",
        "2027-02-25T12:30:00Z",
        "2027-04-08T11:30:00Z",
        "2027-05-20T11:30:00Z",
        "2027-07-01T11:30:00Z",
    ]
    for bijeenkomst in bijeenkomsten:
        start, einde = _lokaal(bijeenkomst["start"]), _lokaal(bijeenkomst["einde"])
        assert (start.weekday(), start.hour, start.minute) == (3, 13, 30)
        assert (einde.hour, einde.minute) == (16, 30)
        assert bijeenkomst["capaciteit"] == 30
    assert bijeenkomsten[0]["titel"] == "Bijeenkomst 1 (14 januari 2027)"
    assert [b["volgnummer"] for b in bijeenkomsten] == [1, 2, 3, 4, 5]
    assert response.json()["overgeslagen"] == []
    assert netwerkje.beheer.get(f"{netwerkje.url}/bijeenkomsten").json()["count"] == 5


def test_blocked_dates_of_the_network_and_the_request_are_skipped(netwerkje: Netwerkje) -> None:
    netwerk = netwerkje.als["kim"].patch(netwerkje.url, json={"geblokkeerdeData": ["2027-02-25"]})
    assert netwerk.status_code == 200
    assert netwerk.json()["geblokkeerdeData"] == ["2027-02-25"]
    response = _plan(
        netwerkje,
        regel=f"{ZESWEKELIJKS};COUNT=5",
        eersteDag="2027-01-14",
        geblokkeerd=["2027-05-20"],
    )
    assert response.status_code == 201, response.text
    # COUNT counts the rule's dates, as RFC 5545 does with EXDATE: a block makes no extra one.
    assert [_lokaal(b["start"]).date().isoformat() for b in response.json()["bijeenkomsten"]] == [
        "2027-01-14",
        "2027-04-08",
        "2027-07-01",
    ]
    assert response.json()["overgeslagen"] == [
        {"datum": "2027-02-25", "reden": "geblokkeerd"},
        {"datum": "2027-05-20", "reden": "geblokkeerd"},
    ]


def test_a_number_of_sessions_and_a_blocked_period(netwerkje: Netwerkje) -> None:
    response = _plan(
        netwerkje,
        regel=ZESWEKELIJKS,
        eersteDag="2027-05-20",
        aantal=3,
        geblokkeerdePerioden=[{"van": "2027-07-01", "tot": "2027-08-31"}],
    )
    assert response.status_code == 201, response.text
    data = [_lokaal(b["start"]).date().isoformat() for b in response.json()["bijeenkomsten"]]
    assert data == ["2027-05-20", "2027-09-23", "2027-11-04"]
    assert [o["datum"] for o in response.json()["overgeslagen"]] == ["2027-07-01", "2027-08-12"]


def test_explicit_dates_around_the_spring_change_and_days_already_planned(
    netwerkje: Netwerkje,
) -> None:
    netwerkje.bijeenkomst(
        titel="Bestaat al", start="2027-04-01T10:00:00+02:00", einde="2027-04-01T12:00:00+02:00"
    )
    response = _plan(
        netwerkje,
        data=["2027-04-01", "2027-03-25", "2027-03-25"],
        begintijd="19:00",
        duurMinuten=120,
        titel="Avond {nummer}",
    )
    assert response.status_code == 201, response.text
    [gepland] = response.json()["bijeenkomsten"]
    assert (gepland["start"], gepland["titel"], gepland["volgnummer"]) == (
        "2027-03-25T18:00:00Z",
        "Avond 1",
        2,
    )
    assert response.json()["overgeslagen"] == [{"datum": "2027-04-01", "reden": "al-gepland"}]


def test_a_bad_request_writes_nothing(netwerkje: Netwerkje) -> None:
    url = f"{netwerkje.url}/bijeenkomsten"
    for body, veld in [
        ({"regel": "FREQ=WEEKLY;BYDAY=XX;COUNT=3", "eersteDag": "2027-01-14"}, "regel"),
        ({"regel": "FREQ=WEEKLY;COUNT=3"}, "eersteDag"),
        (
            {"regel": "FREQ=WEEKLY;COUNT=3", "eersteDag": "2027-01-14", "data": ["2027-01-01"]},
            "regel",
        ),
        ({"regel": "FREQ=WEEKLY", "eersteDag": "2027-01-14"}, "regel"),
        ({"data": ["2027-01-14"], "titel": "Sessie {plaats}"}, "titel"),
        ({"data": ["2027-01-14"], "begintijd": "25:00"}, "begintijd"),
        ({"data": ["2027-01-14"], "duurMinuten": 0}, "duurMinuten"),
        ({"data": ["2027-01-14"], "geblokkeerd": ["2027-01-14"]}, "data"),
    ]:
        response = _plan(netwerkje, **body)
        assert response.status_code == 400, (body, response.text)
        assert veld in [p["name"] for p in response.json()["invalidParams"]], body
    assert netwerkje.beheer.get(url).json()["count"] == 0


def test_only_kartrekkers_plan(netwerkje: Netwerkje) -> None:
    response = _plan(netwerkje, netwerkje.als["daan"], data=["2027-01-14"])
    assert response.status_code == 403
