"""The rhythm of a netwerk: dates from an RRULE or a list, in Europe/Amsterdam."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.bijeenkomsten.ritme import Periode, RitmeFout, Tijdvak, plan_data, plan_ritme

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MIDDAG = time(13, 30)
DRIE_UUR = timedelta(hours=3)


def _iso(tijdvakken: list[Tijdvak]) -> list[str]:
    return [t.start.isoformat() for t in tijdvakken]


def test_every_six_weeks_on_thursday_keeps_13_30_across_daylight_saving() -> None:
    tijdvakken = plan_ritme(
        "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH;COUNT=6",
        eerste_dag=date(2026, 1, 8),
        begintijd=MIDDAG,
        duur=DRIE_UUR,
    )
    assert _iso(tijdvakken) == [
        "2026-01-08T13:30:00+01:00",
        "2026-02-19T13:30:00+01:00",
        "2026-04-02T13:30:00+02:00",  # summer time since 29 March
        "2026-05-14T13:30:00+02:00",
        "2026-06-25T13:30:00+02:00",
        "2026-08-06T13:30:00+02:00",
    ]
    # The same wall time is a different moment in UTC: that is what calendars must receive.
    assert tijdvakken[1].start.astimezone(UTC).hour == 12
    assert tijdvakken[2].start.astimezone(UTC).hour == 11
    assert all(t.einde - t.start == DRIE_UUR for t in tijdvakken)
    assert tijdvakken[2].einde.isoformat() == "2026-04-02T16:30:00+02:00"


def test_back_to_winter_time_keeps_the_local_time_too() -> None:
    tijdvakken = plan_ritme(
        "FREQ=WEEKLY;BYDAY=TH;COUNT=2",
        eerste_dag=date(2026, 10, 22),
        begintijd=MIDDAG,
        duur=DRIE_UUR,
    )
    assert _iso(tijdvakken) == ["2026-10-22T13:30:00+02:00", "2026-10-29T13:30:00+01:00"]


def test_blocked_dates_and_periods_are_skipped_like_exdates() -> None:
    tijdvakken = plan_ritme(
        "FREQ=MONTHLY;BYDAY=2TH;COUNT=6",
        eerste_dag=date(2026, 5, 1),
        begintijd=MIDDAG,
        duur=DRIE_UUR,
        geblokkeerd=[date(2026, 6, 11), Periode(date(2026, 7, 1), date(2026, 8, 31))],
    )
    # 14 May, [11 June], [9 July], [13 August], 10 September, 8 October: COUNT counts all six.
    assert [t.datum for t in tijdvakken] == [
        date(2026, 5, 14),
        date(2026, 9, 10),
        date(2026, 10, 8),
    ]


def test_aantal_counts_the_bijeenkomsten_that_remain() -> None:
    tijdvakken = plan_ritme(
        "FREQ=WEEKLY;INTERVAL=6;BYDAY=TH",
        eerste_dag=date(2026, 1, 8),
        begintijd=MIDDAG,
        duur=DRIE_UUR,
        aantal=3,
        geblokkeerd=[date(2026, 2, 19)],
    )
    assert [t.datum for t in tijdvakken] == [date(2026, 1, 8), date(2026, 4, 2), date(2026, 5, 14)]


@pytest.mark.parametrize(
    ("regel", "tot", "laatste"),
    [
        ("FREQ=WEEKLY;UNTIL=20260212", None, date(2026, 2, 12)),  # a bare date: the whole day
        ("FREQ=WEEKLY;UNTIL=20260212T120000Z", None, date(2026, 2, 5)),  # 13:00 there
        ("RRULE:FREQ=WEEKLY", date(2026, 2, 12), date(2026, 2, 12)),
    ],
)
def test_the_end_of_a_rule(regel: str, tot: date | None, laatste: date) -> None:
    tijdvakken = plan_ritme(
        regel, eerste_dag=date(2026, 1, 8), begintijd=MIDDAG, duur=DRIE_UUR, tot=tot
    )
    assert tijdvakken[0].datum == date(2026, 1, 8)
    assert tijdvakken[-1].datum == laatste


def test_a_time_in_the_spring_gap_moves_forward_and_an_ambiguous_one_takes_the_first() -> None:
    lente = plan_ritme(
        "FREQ=DAILY;COUNT=1", eerste_dag=date(2026, 3, 29), begintijd=time(2, 30), duur=DRIE_UUR
    )
    assert lente[0].start.isoformat() == "2026-03-29T03:30:00+02:00"
    herfst = plan_ritme(
        "FREQ=DAILY;COUNT=1", eerste_dag=date(2026, 10, 25), begintijd=time(2, 30), duur=DRIE_UUR
    )
    assert herfst[0].start.isoformat() == "2026-10-25T02:30:00+02:00"


@pytest.mark.parametrize(
    ("regel", "extra", "veld", "code"),
    [
        ("FREQ=WEEKLY;BYDAY=XX;COUNT=3", {}, "regel", "ongeldige-regel"),
        ("FREQ=HOURLY;COUNT=3", {}, "regel", "niet-ondersteund"),
        ("FREQ=WEEKLY;BYHOUR=9;COUNT=3", {}, "regel", "niet-ondersteund"),
        ("FREQ=WEEKLY;INTERVAL=0;COUNT=3", {}, "regel", "ongeldige-regel"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231", {}, "regel", "ongeldige-regel"),
        ("FREQ=WEEKLY", {}, "regel", "geen-einde"),
        ("INTERVAL=2;COUNT=3", {}, "regel", "ongeldige-regel"),
        ("DTSTART:20260101T100000\nRRULE:FREQ=DAILY;COUNT=2", {}, "regel", "ongeldige-regel"),
        ("", {}, "regel", "leeg"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2", {}, "regel", "geen-bijeenkomsten"),
        ("FREQ=WEEKLY;COUNT=3", {"duur": timedelta(0)}, "duur", "buiten-bereik"),
        (
            "FREQ=WEEKLY;COUNT=3",
            {"begintijd": time(13, 30, tzinfo=UTC)},
            "begintijd",
            "met-tijdzone",
        ),
        ("FREQ=WEEKLY;COUNT=3", {"tijdzone": "Europe/Assen"}, "tijdzone", "onbekend"),
        ("FREQ=WEEKLY;COUNT=3", {"tot": date(2025, 1, 1)}, "tot", "voor-eerste-dag"),
        ("FREQ=WEEKLY;COUNT=3", {"aantal": 0}, "aantal", "buiten-bereik"),
    ],
)
def test_bad_input_is_a_dutch_value_error_the_api_can_turn_into_a_400(
    regel: str, extra: dict[str, Any], veld: str, code: str
) -> None:
    argumenten: dict[str, Any] = {
        "eerste_dag": date(2026, 1, 8),
        "begintijd": MIDDAG,
        "duur": DRIE_UUR,
    }
    argumenten |= extra
    with pytest.raises(ValueError, match=r"\w") as fout:
        plan_ritme(regel, **argumenten)
    assert isinstance(fout.value, RitmeFout)
    assert (fout.value.veld, fout.value.code) == (veld, code)
    assert fout.value.melding[0].isupper()


def test_explicit_dates_are_sorted_once_each_and_skip_blocked_ones() -> None:
    tijdvakken = plan_data(
        [date(2026, 11, 5), date(2026, 3, 12), date(2026, 11, 5), date(2026, 6, 4)],
        begintijd=time(9, 0),
        duur=timedelta(hours=2),
        geblokkeerd=[date(2026, 6, 4)],
    )
    assert _iso(tijdvakken) == ["2026-03-12T09:00:00+01:00", "2026-11-05T09:00:00+01:00"]
    assert tijdvakken[1].einde.isoformat() == "2026-11-05T11:00:00+01:00"


@settings(max_examples=40, deadline=None)
@given(
    eerste_dag=st.dates(date(2025, 1, 1), date(2035, 12, 31)),
    interval=st.integers(1, 8),
    dag=st.sampled_from(["MO", "TU", "WE", "TH", "FR"]),
    uur=st.integers(7, 20),
    kwartier=st.sampled_from([0, 15, 30, 45]),
    aantal=st.integers(1, 30),
)
def test_every_bijeenkomst_of_a_rule_starts_at_the_local_time_on_its_weekday(
    eerste_dag: date, interval: int, dag: str, uur: int, kwartier: int, aantal: int
) -> None:
    begintijd = time(uur, kwartier)
    tijdvakken = plan_ritme(
        f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={dag};COUNT={aantal}",
        eerste_dag=eerste_dag,
        begintijd=begintijd,
        duur=DRIE_UUR,
    )
    assert len(tijdvakken) == aantal
    weekdag = ["MO", "TU", "WE", "TH", "FR"].index(dag)
    for vorige, tijdvak in zip([None, *tijdvakken], tijdvakken, strict=False):
        lokaal = tijdvak.start.astimezone(AMSTERDAM)
        assert lokaal.time() == begintijd
        assert lokaal.weekday() == weekdag
        assert tijdvak.einde - tijdvak.start == DRIE_UUR
        assert tijdvak.start.utcoffset() in {timedelta(hours=1), timedelta(hours=2)}
        if vorige is not None:
            assert (tijdvak.datum - vorige.datum).days == 7 * interval
    assert tijdvakken[0].start >= datetime.combine(eerste_dag, time.min, AMSTERDAM)
