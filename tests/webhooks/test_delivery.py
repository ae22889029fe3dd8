"""Delivery end to end: a real receiver on 127.0.0.1, the worker, committed rows."""

import os
import signal
import socket
import threading
import time
import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from app.models import Aflevering, Gebeurtenis, utcnow
from app.webhooks import service, sinks, worker
from app.webhooks.delivery import lever_af
from app.webhooks.events import AfleverStatus, publiceer
from app.webhooks.instellingen import WebhookInstellingen
from tests.webhooks.conftest import TEST_INSTELLINGEN, Ontvanger, Opruimer


def lever_tot_klaar(engine: Engine, *, rondes: int = 20) -> int:
    """Run the worker until nothing is due any more (backoff in tests is milliseconds)."""
    totaal = 0
    for _ in range(rondes):
        totaal += worker.run_once(engine, TEST_INSTELLINGEN)
        with Session(engine) as session:
            wachtend = session.scalar(
                select(func.count()).where(col(Aflevering.status) == AfleverStatus.WACHTEND)
            )
        if not wachtend:
            return totaal
        time.sleep(0.01)
    raise AssertionError(f"na {rondes} rondes nog {wachtend} afleveringen wachtend")


def test_event_arrives_signed_as_a_cloudevent(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    netwerk_id = uuid.uuid4()
    gebeurtenis = opruimer.publiceer(
        "nl.kartrekker.bijeenkomst.gewijzigd",
        netwerk_id=netwerk_id,
        data={"gewijzigd": ["begin", "locatie"]},
    )

    assert worker.run_once(engine, TEST_INSTELLINGEN) == 1

    assert len(ontvanger.ontvangen) == 1
    ontvangen = ontvanger.ontvangen[0]
    assert ontvangen.fout is None, ontvangen.fout  # the standardwebhooks verifier accepted it
    assert ontvangen.headers["Content-Type"] == "application/cloudevents+json; charset=utf-8"
    assert ontvangen.headers["webhook-id"] == str(gebeurtenis.id)
    event = ontvangen.event
    assert event is not None
    bijeenkomst = f"https://kartrekker.test/v1/netwerken/{netwerk_id}/bijeenkomsten/"
    assert event["specversion"] == "1.0"
    assert event["id"] == str(gebeurtenis.id)
    assert event["source"] == "urn:nld:kartrekker:test"
    assert event["type"] == "nl.kartrekker.bijeenkomst.gewijzigd"
    assert event["subject"] == gebeurtenis.onderwerp
    assert event["time"].endswith("Z")
    assert event["datacontenttype"] == "application/json"
    assert event["dataref"] == bijeenkomst + gebeurtenis.onderwerp
    assert event["data"]["wijziging"] == {"gewijzigd": ["begin", "locatie"]}
    assert event["data"]["netwerkId"] == str(netwerk_id)
    assert event["data"]["links"]["netwerk"] == f"https://kartrekker.test/v1/netwerken/{netwerk_id}"

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.AFGELEVERD
    assert aflevering.afgeleverd_op is not None
    assert aflevering.laatste_statuscode == 204
    assert aflevering.geclaimd_tot is None
    [poging] = opruimer.pogingen(aflevering.id)
    assert poging.statuscode == 204
    assert poging.fout is None
    assert poging.duur_ms >= 0
    # Nothing is delivered twice.
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 0


def test_failures_are_retried_with_backoff_and_logged(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    ontvanger.antwoord(500, keer=2)
    opruimer.publiceer()

    assert lever_tot_klaar(engine) == 3

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.AFGELEVERD
    assert aflevering.pogingen == 3
    pogingen = opruimer.pogingen(aflevering.id)
    assert [p.statuscode for p in pogingen] == [500, 500, 204]
    assert pogingen[0].fout is not None
    assert pogingen[0].fout.startswith("HTTP 500")
    # Every retry carries the same message id, freshly signed.
    assert len({o.headers["webhook-id"] for o in ontvanger.ontvangen}) == 1
    assert all(o.fout is None for o in ontvanger.ontvangen)


def test_failed_attempt_waits_for_the_backoff(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    instellingen = replace(TEST_INSTELLINGEN, backoff_base_seconds=60.0, backoff_cap_seconds=600.0)
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    ontvanger.antwoord(503)
    opruimer.publiceer()
    voor = utcnow()

    assert worker.run_once(engine, instellingen, willekeur=lambda: 0.5) == 1
    # Not due yet: the next attempt waits half (the jitter) of the first 60 s window.
    assert worker.run_once(engine, instellingen) == 0

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.WACHTEND
    wacht = (aflevering.volgende_poging_op - voor).total_seconds()
    assert 29 < wacht < 32


def test_gives_up_after_the_last_attempt(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    ontvanger.antwoord(500, keer=10)
    opruimer.publiceer()

    assert lever_tot_klaar(engine) == TEST_INSTELLINGEN.max_pogingen

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.OPGEGEVEN
    assert len(opruimer.pogingen(aflevering.id)) == TEST_INSTELLINGEN.max_pogingen
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 0


def test_network_error_is_logged_and_retried(engine: Engine, opruimer: Opruimer) -> None:
    # A port nobody listens on: connection refused.
    with socket.socket() as vrij:
        vrij.bind(("127.0.0.1", 0))
        poort = vrij.getsockname()[1]
    abonnement = opruimer.abonnement(f"http://127.0.0.1:{poort}/weg")
    opruimer.publiceer()

    assert worker.run_once(engine, TEST_INSTELLINGEN) == 1

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.WACHTEND
    assert aflevering.pogingen == 1
    [poging] = opruimer.pogingen(aflevering.id)
    assert poging.statuscode is None
    assert poging.fout is not None
    assert "ConnectError" in poging.fout


def test_410_gone_retires_the_subscription(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    ontvanger.antwoord(410)
    opruimer.publiceer()
    opruimer.publiceer()

    # Both are claimed in one batch; the first answer ends the subscription, and the worker
    # does not call the sink again for the second.
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 1
    assert len(ontvanger.ontvangen) == 1

    opgehaald = opruimer.abonnement_nu(abonnement.id)
    assert opgehaald.actief is False
    assert opgehaald.beeindigd_reden is not None
    assert "410" in opgehaald.beeindigd_reden
    afleveringen = opruimer.afleveringen(abonnement.id)
    assert {a.status for a in afleveringen} == {AfleverStatus.GESTOPT}
    # New events no longer go to it.
    opruimer.publiceer()
    assert len(opruimer.afleveringen(abonnement.id)) == 2
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 0


def test_429_honours_retry_after_seconds(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    ontvanger.antwoord(429, headers={"Retry-After": "120"})
    opruimer.publiceer()
    voor = utcnow()

    assert worker.run_once(engine, TEST_INSTELLINGEN) == 1
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 0  # not the millisecond backoff

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.WACHTEND
    assert aflevering.laatste_statuscode == 429
    assert 119 <= (aflevering.volgende_poging_op - voor).total_seconds() <= 125

    # Two minutes later the worker tries again and delivers.
    later = utcnow() + timedelta(seconds=125)
    assert worker.run_once(engine, TEST_INSTELLINGEN, klok=lambda: later) == 1
    assert opruimer.afleveringen(abonnement.id)[0].status == AfleverStatus.AFGELEVERD


def test_429_honours_retry_after_http_date(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    moment = (utcnow() + timedelta(minutes=10)).replace(microsecond=0)
    ontvanger.antwoord(429, headers={"Retry-After": format_datetime(moment, usegmt=True)})
    opruimer.publiceer()

    assert worker.run_once(engine, TEST_INSTELLINGEN) == 1

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert abs((aflevering.volgende_poging_op - moment).total_seconds()) <= 2


def test_worker_restart_takes_over_an_expired_lease(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    opruimer.publiceer()

    # Worker A claims the delivery and dies before it sends anything.
    geclaimd = worker.claim(engine, TEST_INSTELLINGEN, nu=utcnow())
    assert len(geclaimd) == 1
    # While A's lease lasts, no other worker touches it.
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 0
    assert ontvanger.ontvangen == []

    # After the lease: a new worker (the restart) delivers it.
    na_lease = utcnow() + timedelta(seconds=TEST_INSTELLINGEN.lease_seconds + 1)
    assert worker.run_once(engine, TEST_INSTELLINGEN, klok=lambda: na_lease) == 1
    assert len(ontvanger.geverifieerd) == 1
    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.AFGELEVERD


def test_a_worker_that_lost_its_lease_cannot_overwrite_the_result(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    opruimer.publiceer()
    [traag] = worker.claim(engine, TEST_INSTELLINGEN, nu=utcnow())
    na_lease = utcnow() + timedelta(seconds=TEST_INSTELLINGEN.lease_seconds + 1)
    assert worker.run_once(engine, TEST_INSTELLINGEN, klok=lambda: na_lease) == 1

    # The slow worker finally gets a 500 and tries to record it.
    ontvanger.antwoord(500)
    with httpx.Client() as client:
        uitkomst = lever_af(engine, traag, TEST_INSTELLINGEN, client=client)
    assert uitkomst.statuscode == 500

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.AFGELEVERD  # the other worker's result stands
    assert aflevering.pogingen == 1
    assert sorted(p.statuscode or 0 for p in opruimer.pogingen(aflevering.id)) == [204, 500]


def test_concurrent_claims_take_different_deliveries(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    for _ in range(5):
        opruimer.publiceer()
    klein = replace(TEST_INSTELLINGEN, batch_size=3)
    nu = utcnow()

    eerste = worker.claim(engine, klein, nu=nu)
    tweede = worker.claim(engine, klein, nu=nu)
    derde = worker.claim(engine, klein, nu=nu)

    ids = [o.aflevering_id for o in eerste + tweede + derde]
    assert len(eerste) == 3
    assert len(tweede) == 2
    assert derde == []
    assert len(set(ids)) == 5
    assert {o.abonnement_id for o in eerste + tweede} == {abonnement.id}


def test_deliveries_of_an_inactive_subscription_wait(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    opruimer.publiceer()
    with Session(engine) as session:
        rij = service.laad(abonnement.id, session=session)
        service.wijzig(rij, {"actief": False}, session=session, instellingen=TEST_INSTELLINGEN)
        session.commit()
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 0

    with Session(engine) as session:
        rij = service.laad(abonnement.id, session=session)
        service.wijzig(rij, {"actief": True}, session=session, instellingen=TEST_INSTELLINGEN)
        session.commit()
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 1
    assert len(ontvanger.geverifieerd) == 1


def test_rolled_back_change_sends_nothing(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim

    with Session(engine) as session:
        gebeurtenis = publiceer(
            session,
            "nl.kartrekker.netwerk.gepauzeerd",
            onderwerp=uuid.uuid4(),
            netwerk_id=None,
            data={"status": {"oud": "actief", "nieuw": "gepauzeerd"}},
        )
        gebeurtenis_id = gebeurtenis.id
        assert session.get(Gebeurtenis, gebeurtenis_id) is not None  # written, in the transaction
        session.rollback()
    opruimer.gebeurtenissen.append(gebeurtenis_id)

    with Session(engine) as session:
        assert session.get(Gebeurtenis, gebeurtenis_id) is None
        afleveringen = select(func.count()).where(col(Aflevering.gebeurtenis_id) == gebeurtenis_id)
        assert session.scalar(afleveringen) == 0
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 0
    assert ontvanger.ontvangen == []


def test_background_thread_delivers_and_stops(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    draad = worker.start_worker_thread(engine, replace(TEST_INSTELLINGEN, idle_seconds=5.0))
    try:
        start = time.monotonic()
        opruimer.publiceer()  # its commit wakes the sleeping worker
        assert ontvanger.aangekomen.wait(5)
        # Woken by the commit, not by the 5-second idle sleep.
        assert time.monotonic() - start < 4
    finally:
        assert worker.stop_worker_thread(draad, timeout=5)
    assert len(ontvanger.geverifieerd) == 1


@pytest.mark.parametrize("status", [301, 400, 404])
def test_other_answers_are_failures(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer, status: int
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    ontvanger.antwoord(status, headers={"Location": "http://10.0.0.1/"})
    opruimer.publiceer()

    assert worker.run_once(engine, TEST_INSTELLINGEN) == 1

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.WACHTEND
    assert aflevering.laatste_statuscode == status
    assert len(ontvanger.ontvangen) == 1  # a redirect is not followed


def test_parallel_workers_deliver_each_event_once(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    gebeurtenissen = {str(opruimer.publiceer().id) for _ in range(8)}
    klein = replace(TEST_INSTELLINGEN, batch_size=2)
    fouten: list[BaseException] = []

    def werk() -> None:
        try:
            while worker.run_once(engine, klein):
                pass
        except BaseException as fout:  # surfaced below; a thread cannot fail the test itself
            fouten.append(fout)

    draden = [threading.Thread(target=werk) for _ in range(3)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(20)

    assert fouten == []
    ids = [o.headers["webhook-id"] for o in ontvanger.ontvangen]
    assert sorted(ids) == sorted(gebeurtenissen)  # every event, none twice
    afleveringen = opruimer.afleveringen(abonnement.id)
    assert {a.status for a in afleveringen} == {AfleverStatus.AFGELEVERD}


def test_postgresql_claims_skip_rows_another_worker_has_locked(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's; SQLite serialises writers")
    abonnement = opruimer.abonnement(ontvanger.url)
    opruimer.publiceer()
    opruimer.publiceer()
    eerste, tweede = opruimer.afleveringen(abonnement.id)

    # Another worker is in the middle of claiming the first one: its row is locked.
    with engine.connect() as andere:
        andere.execute(
            select(col(Aflevering.id)).where(col(Aflevering.id) == eerste.id).with_for_update()
        )
        start = time.monotonic()
        geclaimd = worker.claim(engine, TEST_INSTELLINGEN, nu=utcnow())
        assert time.monotonic() - start < 2  # no waiting for the lock
        assert [o.aflevering_id for o in geclaimd] == [tweede.id]
        andere.rollback()


def test_delivery_checks_the_sink_again_when_dns_changed(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    # Accepted while hooks.gemeente.example pointed to a public address…
    abonnement = opruimer.abonnement("https://hooks.gemeente.example/in")
    opruimer.publiceer()
    streng = replace(WebhookInstellingen(), source_urn="urn:nld:kartrekker:test")

    # … it now points into the intranet: no request is made, the attempt is logged.
    def intranet(host: str, port: int) -> list[str]:
        return ["10.0.0.7"]

    assert worker.run_once(engine, streng, resolver=intranet) == 1

    [aflevering] = opruimer.afleveringen(abonnement.id)
    assert aflevering.status == AfleverStatus.WACHTEND
    [poging] = opruimer.pogingen(aflevering.id)
    assert poging.statuscode is None
    assert poging.fout is not None
    assert poging.fout.startswith("Sink geweigerd")
    assert "10.0.0.7" in poging.fout
    assert ontvanger.ontvangen == []


def test_delivery_connects_to_the_checked_address_under_the_sinks_name(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer, monkeypatch: pytest.MonkeyPatch
) -> None:
    poort = ontvanger.url.split(":")[2].split("/")[0]
    abonnement = opruimer.abonnement(f"http://localhost:{poort}/events")
    ontvanger.geheim = abonnement.geheim
    opruimer.publiceer()
    # Checked as a public sink would be: 127.0.0.1 passes for once, the lookup is ours.
    monkeypatch.setattr(sinks, "is_openbaar", lambda adres: True)
    gevraagd: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        gevraagd.append(host)
        return ["127.0.0.1"]

    streng = replace(TEST_INSTELLINGEN, allow_private_sinks=False)
    assert worker.run_once(engine, streng, resolver=resolver) == 1

    assert gevraagd == ["localhost"]
    [ontvangen] = ontvanger.ontvangen
    assert ontvangen.headers["Host"] == f"localhost:{poort}"
    assert ontvangen.fout is None


def test_worker_gives_back_what_its_lease_has_no_room_for(
    engine: Engine, ontvanger: Ontvanger, opruimer: Opruimer
) -> None:
    abonnement = opruimer.abonnement(ontvanger.url)
    ontvanger.geheim = abonnement.geheim
    opruimer.publiceer()
    opruimer.publiceer()
    begin = utcnow()
    bijna_om = begin + timedelta(seconds=TEST_INSTELLINGEN.lease_seconds - 1)

    # The first delivery is so slow that the lease has no room left for the second.
    def klok() -> datetime:
        return bijna_om if ontvanger.ontvangen else begin

    assert worker.run_once(engine, TEST_INSTELLINGEN, klok=klok) == 1

    afleveringen = opruimer.afleveringen(abonnement.id)
    assert sorted(a.status for a in afleveringen) == [
        AfleverStatus.AFGELEVERD,
        AfleverStatus.WACHTEND,
    ]
    teruggegeven = next(a for a in afleveringen if a.status == AfleverStatus.WACHTEND)
    assert teruggegeven.geclaimd_tot is None  # any worker may take it at once
    assert teruggegeven.pogingen == 0
    assert worker.run_once(engine, TEST_INSTELLINGEN) == 1


def test_worker_process_stops_on_sigterm(engine: Engine) -> None:
    oorspronkelijk = signal.getsignal(signal.SIGTERM)

    def stuur_sigterm() -> None:
        # Only once the worker's handler is in place: the default one would end pytest.
        deadline = time.monotonic() + 5
        while signal.getsignal(signal.SIGTERM) is oorspronkelijk:
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        time.sleep(0.1)
        os.kill(os.getpid(), signal.SIGTERM)

    zender = threading.Thread(target=stuur_sigterm)
    zender.start()
    start = time.monotonic()
    worker.run_process(engine, replace(TEST_INSTELLINGEN, idle_seconds=10))
    zender.join()

    assert time.monotonic() - start < 5  # woken from its 10-second idle sleep
    assert signal.getsignal(signal.SIGTERM) is oorspronkelijk  # handler restored
