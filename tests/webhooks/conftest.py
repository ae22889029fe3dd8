"""A real local webhook receiver, test settings, and cleanup for tests that commit."""

import json
import threading
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import Engine, delete, or_
from sqlmodel import Session, col, select
from standardwebhooks import Webhook, WebhookVerificationError

from app.models import Abonnement, Aflevering, AfleverPoging, Gebeurtenis
from app.webhooks import service
from app.webhooks.events import publiceer
from app.webhooks.instellingen import WebhookInstellingen

TEST_INSTELLINGEN = WebhookInstellingen(
    allow_private_sinks=True,
    allow_http=True,
    max_pogingen=4,
    backoff_base_seconds=0.001,
    backoff_cap_seconds=0.004,
    lease_seconds=30.0,
    request_timeout_seconds=2.0,
    source_urn="urn:nld:kartrekker:test",
    api_base_url="https://kartrekker.test/v1",
    idle_seconds=0.05,
)


@dataclass
class Ontvangen:
    """One request the receiver got."""

    headers: dict[str, str]
    body: bytes
    event: dict[str, Any] | None
    """The verified, parsed CloudEvent; None when the signature did not verify."""
    fout: str | None


@dataclass
class Ontvanger:
    """A webhook receiver on 127.0.0.1 that verifies signatures and answers as told."""

    url: str = ""
    geheim: str | None = None
    ontvangen: list[Ontvangen] = field(default_factory=list)
    plan: deque[tuple[int, dict[str, str]]] = field(default_factory=deque)
    lock: threading.Lock = field(default_factory=threading.Lock)
    aangekomen: threading.Event = field(default_factory=threading.Event)

    def antwoord(
        self, status: int, *, keer: int = 1, headers: dict[str, str] | None = None
    ) -> None:
        """Answer the next `keer` requests with `status` (then 204 again)."""
        with self.lock:
            for _ in range(keer):
                self.plan.append((status, headers or {}))

    @property
    def geverifieerd(self) -> list[dict[str, Any]]:
        """The CloudEvents whose signature verified, in the order they arrived."""
        with self.lock:
            return [o.event for o in self.ontvangen if o.event is not None]

    def ontvang(self, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str]]:
        event: dict[str, Any] | None = None
        fout = None
        try:
            assert self.geheim is not None, "tell the receiver the subscription's secret"
            event = Webhook(self.geheim).verify(body, headers)
        except (WebhookVerificationError, AssertionError, json.JSONDecodeError) as e:
            fout = str(e)
        with self.lock:
            self.ontvangen.append(Ontvangen(headers, body, event, fout))
            antwoord = (401, {}) if fout else (self.plan.popleft() if self.plan else (204, {}))
        self.aangekomen.set()
        return antwoord


def _handler(ontvanger: Ontvanger) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            lengte = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(lengte)
            status, headers = ontvanger.ontvang(dict(self.headers.items()), body)
            self.send_response(status)
            for naam, waarde in headers.items():
                self.send_header(naam, waarde)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def ontvanger() -> Iterator[Ontvanger]:
    """A receiver listening on a free port of 127.0.0.1 for the duration of the test."""
    result = Ontvanger()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(result))
    server.daemon_threads = True
    result.url = f"http://127.0.0.1:{server.server_address[1]}/events"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield result
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Opruimer:
    """Creates committed rows through the engine and deletes them after the test."""

    engine: Engine
    abonnementen: list[uuid.UUID] = field(default_factory=list)
    gebeurtenissen: list[uuid.UUID] = field(default_factory=list)

    def abonnement(self, sink: str, **velden: Any) -> Abonnement:
        with Session(self.engine, expire_on_commit=False) as session:
            abonnement = service.maak(
                session=session, instellingen=TEST_INSTELLINGEN, sink=sink, **velden
            )
            session.commit()
        self.abonnementen.append(abonnement.id)
        return abonnement

    def publiceer(
        self,
        type: str = "nl.kartrekker.bijeenkomst.gepland",
        *,
        netwerk_id: uuid.UUID | None = None,
        data: dict[str, Any] | None = None,
    ) -> Gebeurtenis:
        with Session(self.engine, expire_on_commit=False) as session:
            gebeurtenis = publiceer(
                session,
                type,
                onderwerp=uuid.uuid4(),
                netwerk_id=netwerk_id or uuid.uuid4(),
                data=data or {"titel": "Kennismaking"},
            )
            session.commit()
        self.gebeurtenissen.append(gebeurtenis.id)
        return gebeurtenis

    def afleveringen(self, abonnement_id: uuid.UUID) -> list[Aflevering]:
        with Session(self.engine) as session:
            return list(
                session.exec(
                    select(Aflevering)
                    .where(Aflevering.abonnement_id == abonnement_id)
                    .order_by(col(Aflevering.aangemaakt_op))
                ).all()
            )

    def pogingen(self, aflevering_id: uuid.UUID) -> list[AfleverPoging]:
        with Session(self.engine) as session:
            return list(
                session.exec(
                    select(AfleverPoging)
                    .where(AfleverPoging.aflevering_id == aflevering_id)
                    .order_by(col(AfleverPoging.moment), col(AfleverPoging.id))
                ).all()
            )

    def abonnement_nu(self, abonnement_id: uuid.UUID) -> Abonnement:
        with Session(self.engine) as session:
            abonnement = session.get(Abonnement, abonnement_id)
            assert abonnement is not None
            return abonnement

    def ruim_op(self) -> None:
        with Session(self.engine) as session:
            # Deliveries and their attempts go with their event and subscription (ON DELETE
            # CASCADE); delete them explicitly as well, so nothing depends on that.
            eigen = or_(
                col(Aflevering.abonnement_id).in_(self.abonnementen),
                col(Aflevering.gebeurtenis_id).in_(self.gebeurtenissen),
            )
            session.execute(
                delete(AfleverPoging).where(
                    col(AfleverPoging.aflevering_id).in_(select(Aflevering.id).where(eigen))
                )
            )
            session.execute(delete(Aflevering).where(eigen))
            session.execute(delete(Gebeurtenis).where(col(Gebeurtenis.id).in_(self.gebeurtenissen)))
            session.execute(delete(Abonnement).where(col(Abonnement.id).in_(self.abonnementen)))
            session.commit()


@pytest.fixture
def opruimer(engine: Engine) -> Iterator[Opruimer]:
    """For tests that commit (the worker claims in its own transactions): cleans up after."""
    result = Opruimer(engine)
    try:
        yield result
    finally:
        result.ruim_op()
