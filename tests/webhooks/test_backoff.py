"""The retry schedule and the decision after an attempt: pure functions."""

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from hypothesis import given
from hypothesis import strategies as st

from app.webhooks.delivery import (
    Uitkomst,
    beslis,
    lees_retry_after,
    maximale_wachttijd,
    wachttijd,
)
from app.webhooks.events import AfleverStatus
from app.webhooks.instellingen import WebhookInstellingen

NU = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
INSTELLINGEN = WebhookInstellingen(
    max_pogingen=5, backoff_base_seconds=30, backoff_cap_seconds=3600
)


def test_window_doubles_from_the_base_until_the_cap() -> None:
    vensters = [maximale_wachttijd(n, basis=30, plafond=3600) for n in range(1, 10)]
    assert vensters == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_window_of_a_very_late_attempt_is_the_cap() -> None:
    assert maximale_wachttijd(10_000, basis=30, plafond=3600) == 3600


def test_full_jitter_spreads_over_the_whole_window() -> None:
    assert wachttijd(3, basis=30, plafond=3600, willekeur=lambda: 0.0) == 0
    assert wachttijd(3, basis=30, plafond=3600, willekeur=lambda: 0.5) == 60
    assert wachttijd(3, basis=30, plafond=3600, willekeur=lambda: 0.999) < 120


@given(
    poging=st.integers(min_value=1, max_value=500),
    basis=st.floats(min_value=0.001, max_value=600),
    factor=st.floats(min_value=1, max_value=1000),
    willekeur=st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_wait_is_never_negative_nor_past_the_cap(
    poging: int, basis: float, factor: float, willekeur: float
) -> None:
    plafond = basis * factor
    wacht = wachttijd(poging, basis=basis, plafond=plafond, willekeur=lambda: willekeur)
    assert 0 <= wacht <= plafond
    assert wacht <= basis * 2 ** (poging - 1)


def test_retry_after_in_seconds_and_as_http_date() -> None:
    assert lees_retry_after("120", nu=NU) == 120
    datum = format_datetime(NU + timedelta(minutes=5), usegmt=True)
    assert lees_retry_after(datum, nu=NU) == 300
    verleden = format_datetime(NU - timedelta(minutes=5), usegmt=True)
    assert lees_retry_after(verleden, nu=NU) == 0
    assert lees_retry_after("morgen", nu=NU) is None
    assert lees_retry_after("-5", nu=NU) is None
    assert lees_retry_after(None, nu=NU) is None


def test_2xx_is_delivered() -> None:
    beslissing = beslis(Uitkomst(202, None, 5), pogingen=1, nu=NU, instellingen=INSTELLINGEN)
    assert beslissing.status == AfleverStatus.AFGELEVERD


def test_410_stops_and_ends_the_subscription_even_on_the_first_attempt() -> None:
    beslissing = beslis(Uitkomst(410, "Gone", 5), pogingen=1, nu=NU, instellingen=INSTELLINGEN)
    assert beslissing.status == AfleverStatus.GESTOPT
    assert beslissing.abonnement_beeindigen


def test_failure_waits_for_the_jittered_backoff() -> None:
    beslissing = beslis(
        Uitkomst(500, "HTTP 500", 5),
        pogingen=2,
        nu=NU,
        instellingen=INSTELLINGEN,
        willekeur=lambda: 0.5,
    )
    assert beslissing.status == AfleverStatus.WACHTEND
    assert beslissing.volgende_poging_op == NU + timedelta(seconds=30)  # half of 60 s
    assert not beslissing.abonnement_beeindigen


def test_429_waits_for_retry_after_capped_and_falls_back_to_backoff() -> None:
    met = beslis(Uitkomst(429, "", 5, 90.0), pogingen=1, nu=NU, instellingen=INSTELLINGEN)
    assert met.volgende_poging_op == NU + timedelta(seconds=90)
    enorm = beslis(Uitkomst(429, "", 5, 10**9), pogingen=1, nu=NU, instellingen=INSTELLINGEN)
    assert enorm.volgende_poging_op == NU + timedelta(seconds=INSTELLINGEN.max_retry_after_seconds)
    zonder = beslis(
        Uitkomst(429, "", 5), pogingen=1, nu=NU, instellingen=INSTELLINGEN, willekeur=lambda: 1
    )
    assert zonder.volgende_poging_op == NU + timedelta(seconds=30)


def test_last_attempt_gives_up() -> None:
    fout = Uitkomst(None, "ConnectError", 5)
    assert (
        beslis(fout, pogingen=4, nu=NU, instellingen=INSTELLINGEN).status == AfleverStatus.WACHTEND
    )
    assert (
        beslis(fout, pogingen=5, nu=NU, instellingen=INSTELLINGEN).status == AfleverStatus.OPGEGEVEN
    )
