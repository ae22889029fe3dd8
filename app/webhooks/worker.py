"""The worker: claims due deliveries in batches with a lease, and delivers them.

Several workers (threads or `kartrekker worker` processes) can share one outbox:

- A claim is one short transaction: one UPDATE sets `geclaimd_tot` (the lease) on a batch of
  due deliveries and returns them. On PostgreSQL the batch is chosen with
  `SELECT … FOR UPDATE SKIP LOCKED`, so concurrent workers take different rows without waiting;
  SQLite serialises writers, so there the lease alone decides.
- The HTTP calls happen outside any transaction; each result is stored in a transaction of its
  own, and only while the lease still holds.
- A delivery whose lease has expired (its worker crashed or was restarted) is claimed again by
  the next worker that looks.
"""

import logging
import random
import signal
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import FrameType

import httpx
from sqlalchemy import Engine, or_, select, update
from sqlmodel import Session, col

from app.models import Abonnement, Aflevering, Gebeurtenis, utcnow
from app.webhooks.delivery import Opdracht, Willekeur, lever_af, maak_client, opdracht
from app.webhooks.events import AfleverStatus, wacht_op_werk, wek_workers
from app.webhooks.instellingen import WebhookInstellingen
from app.webhooks.sinks import Resolver, los_op

logger = logging.getLogger("kartrekker.webhooks")

Klok = Callable[[], datetime]


def claim(engine: Engine, instellingen: WebhookInstellingen, *, nu: datetime) -> list[Opdracht]:
    """Claim up to `batch_size` due deliveries for `lease_seconds`; commit; return them."""
    lease_tot = nu + timedelta(seconds=instellingen.lease_seconds)
    vrij = or_(col(Aflevering.geclaimd_tot).is_(None), col(Aflevering.geclaimd_tot) < nu)
    kandidaten = (
        select(col(Aflevering.id))
        .join(Abonnement, col(Abonnement.id) == col(Aflevering.abonnement_id))
        .where(
            col(Aflevering.status) == AfleverStatus.WACHTEND,
            col(Aflevering.volgende_poging_op) <= nu,
            vrij,
            col(Abonnement.actief),
        )
        .order_by(col(Aflevering.volgende_poging_op), col(Aflevering.id))
        .limit(instellingen.batch_size)
        # Lock only the deliveries: locking the subscription too would make a second worker
        # skip every other delivery to the same sink.
        .with_for_update(skip_locked=True, of=Aflevering)
    )
    with Session(engine, expire_on_commit=False) as session:
        geclaimd = list(
            session.execute(
                update(Aflevering)
                # Repeats the conditions: on PostgreSQL they are checked again on the locked row.
                .where(col(Aflevering.id).in_(kandidaten), vrij)
                .values(geclaimd_tot=lease_tot)
                .returning(col(Aflevering.id))
                .execution_options(synchronize_session=False)
            ).scalars()
        )
        if not geclaimd:
            session.commit()
            return []
        rijen = session.execute(
            select(Aflevering, Gebeurtenis, Abonnement)
            .join(Gebeurtenis, col(Gebeurtenis.id) == col(Aflevering.gebeurtenis_id))
            .join(Abonnement, col(Abonnement.id) == col(Aflevering.abonnement_id))
            .where(col(Aflevering.id).in_(geclaimd))
            .order_by(col(Aflevering.volgende_poging_op), col(Aflevering.id))
            .execution_options(populate_existing=True)
        ).all()
        opdrachten = [opdracht(a, g, ab, instellingen) for a, g, ab in rijen]
        session.commit()
    return opdrachten


def geef_vrij(engine: Engine, opdrachten: list[Opdracht]) -> None:
    """Give claimed deliveries back (lease cleared) so that any worker may take them now."""
    with Session(engine) as session:
        for item in opdrachten:
            session.execute(
                update(Aflevering)
                .where(
                    col(Aflevering.id) == item.aflevering_id,
                    col(Aflevering.geclaimd_tot) == item.lease_tot,
                )
                .values(geclaimd_tot=None)
                .execution_options(synchronize_session=False)
            )
        session.commit()


def run_once(
    engine: Engine,
    settings: WebhookInstellingen,
    *,
    client: httpx.Client | None = None,
    klok: Klok = utcnow,
    willekeur: Willekeur = random.random,
    resolver: Resolver = los_op,
) -> int:
    """Claim one batch and attempt each delivery in it; the number of attempts made."""
    opdrachten = claim(engine, settings, nu=klok())
    if not opdrachten:
        return 0
    eigen_client = client is None
    http = client if client is not None else maak_client(settings)
    pogingen = 0
    beeindigd: set[uuid.UUID] = set()
    try:
        for index, item in enumerate(opdrachten):
            if item.abonnement_id in beeindigd:
                continue  # its sink answered 410 within this batch; the delivery has stopped
            # Start an attempt only while the lease leaves room for it to finish.
            ruimte = timedelta(seconds=settings.benodigde_leasetijd)
            if klok() + ruimte > item.lease_tot:
                geef_vrij(engine, opdrachten[index:])
                break
            try:
                uitkomst = lever_af(
                    engine,
                    item,
                    settings,
                    client=http,
                    klok=klok,
                    willekeur=willekeur,
                    resolver=resolver,
                )
                if uitkomst.statuscode == 410:
                    beeindigd.add(item.abonnement_id)
            except Exception:
                # One broken delivery must not stop the batch; its lease expires and it returns.
                logger.exception("aflevering %s: onverwachte fout", item.aflevering_id)
            pogingen += 1
    finally:
        if eigen_client:
            http.close()
    return pogingen


def run_forever(engine: Engine, settings: WebhookInstellingen, stop_event: threading.Event) -> None:
    """Deliver until `stop_event` is set; sleep `idle_seconds` (or until woken) when idle."""
    with maak_client(settings) as client:
        while not stop_event.is_set():
            try:
                gedaan = run_once(engine, settings, client=client)
            except Exception:
                # The database may be away for a moment; try again after the idle sleep.
                logger.exception("webhookworker: ronde mislukt")
                gedaan = 0
            if gedaan == 0 and not stop_event.is_set():
                wacht_op_werk(settings.idle_seconds)


@dataclass(frozen=True)
class WorkerThread:
    """A worker running in a thread of this process."""

    thread: threading.Thread
    stop_event: threading.Event


def start_worker_thread(
    engine: Engine, settings: WebhookInstellingen, *, name: str = "kartrekker-webhooks"
) -> WorkerThread:
    """Start a worker in a background thread (for the app's lifespan); stop it with `stop_…`."""
    stop_event = threading.Event()
    thread = threading.Thread(
        target=run_forever, args=(engine, settings, stop_event), name=name, daemon=True
    )
    thread.start()
    return WorkerThread(thread=thread, stop_event=stop_event)


def stop_worker_thread(worker: WorkerThread, *, timeout: float = 15.0) -> bool:
    """Ask the worker to stop and wait for it; True when it stopped within `timeout`."""
    worker.stop_event.set()
    wek_workers()
    worker.thread.join(timeout)
    return not worker.thread.is_alive()


def run_process(engine: Engine, settings: WebhookInstellingen) -> None:
    """Run a worker in the foreground until SIGINT or SIGTERM (`kartrekker worker`)."""
    stop_event = threading.Event()

    def stop(signum: int, _frame: FrameType | None) -> None:
        logger.info("webhookworker: signaal %d, stopt na de lopende aflevering", signum)
        stop_event.set()
        wek_workers()

    vorige = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        run_forever(engine, settings, stop_event)
    finally:
        for nummer, handler in vorige.items():
            signal.signal(nummer, handler)
