"""One delivery attempt: sign the CloudEvent, POST it, log the attempt, decide what comes next.

- 2xx: delivered.
- 410 Gone: the sink is retired; the subscription is ended and its pending deliveries stop.
- 429: the next attempt waits for `Retry-After` (seconds or an HTTP date).
- anything else, and network errors: exponential backoff with full jitter, capped, until the
  last attempt; then the delivery is given up (`opgegeven`).

Every attempt is its own short transaction after the HTTP call; no transaction is open while
Kartrekker waits for a sink. A result is only applied while the worker's lease holds, so a
worker that lost its lease (it was too slow and another took over) cannot overwrite the result.
"""

import base64
import logging
import math
import random
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import httpx
from sqlalchemy import Engine, update
from sqlmodel import Session, col
from standardwebhooks import Webhook

from app.models import Abonnement, Aflevering, AfleverPoging, Gebeurtenis, utcnow
from app.webhooks.cloudevents import CONTENT_TYPE, als_json, cloudevent
from app.webhooks.events import AfleverStatus
from app.webhooks.instellingen import WebhookInstellingen
from app.webhooks.sinks import OngeldigeSink, Resolver, controleer_sink, los_op

logger = logging.getLogger("kartrekker.webhooks")

USER_AGENT = "Kartrekker-Webhooks/1.0"
GEHEIM_PREFIX = "whsec_"
MAX_FOUTTEKST = 500  # the column AfleverPoging.fout
_LEES_BIJ_FOUT = 200  # bytes of an error answer kept in the log

Willekeur = Callable[[], float]
"""A random number in [0, 1): `random.random`, or a fixed one in tests."""


def maak_geheim() -> str:
    """A new Standard Webhooks secret: `whsec_` and the base64 of 24 random bytes."""
    return GEHEIM_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode("ascii")


def maximale_wachttijd(poging: int, *, basis: float, plafond: float) -> float:
    """The longest wait after failed attempt `poging` (1, 2, …): basis·2^(poging-1), capped."""
    if poging < 1:
        raise ValueError("poging telt vanaf 1")
    # Past 2^60 every realistic cap has long been reached; stop before floats overflow.
    return min(plafond, basis * 2.0 ** min(poging - 1, 60))


def wachttijd(
    poging: int, *, basis: float, plafond: float, willekeur: Willekeur = random.random
) -> float:
    """Seconds to wait after failed attempt `poging`: full jitter over the capped exponential."""
    return willekeur() * maximale_wachttijd(poging, basis=basis, plafond=plafond)


def lees_retry_after(waarde: str | None, *, nu: datetime) -> float | None:
    """Seconds a `Retry-After` header asks to wait (delay-seconds or an HTTP date), or None."""
    if waarde is None:
        return None
    waarde = waarde.strip()
    if waarde.isdigit():
        return float(int(waarde))
    try:
        moment = parsedate_to_datetime(waarde)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:  # "-0000": UTC by RFC 5322
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - nu).total_seconds())


@dataclass(frozen=True)
class Uitkomst:
    """What one attempt gave: a status code or an error, and how long it took."""

    statuscode: int | None
    fout: str | None
    duur_ms: int
    retry_after: float | None = None

    @property
    def geslaagd(self) -> bool:
        """True for a 2xx answer."""
        return self.statuscode is not None and 200 <= self.statuscode < 300


@dataclass(frozen=True)
class Beslissing:
    """What happens to a delivery after an attempt."""

    status: AfleverStatus
    volgende_poging_op: datetime
    abonnement_beeindigen: bool = False


def beslis(
    uitkomst: Uitkomst,
    *,
    pogingen: int,
    nu: datetime,
    instellingen: WebhookInstellingen,
    willekeur: Willekeur = random.random,
) -> Beslissing:
    """The next state after an attempt; `pogingen` counts the attempts including this one."""
    if uitkomst.geslaagd:
        return Beslissing(AfleverStatus.AFGELEVERD, nu)
    if uitkomst.statuscode == 410:
        return Beslissing(AfleverStatus.GESTOPT, nu, abonnement_beeindigen=True)
    if pogingen >= instellingen.max_pogingen:
        return Beslissing(AfleverStatus.OPGEGEVEN, nu)
    if uitkomst.statuscode == 429 and uitkomst.retry_after is not None:
        wacht = min(uitkomst.retry_after, instellingen.max_retry_after_seconds)
    else:
        wacht = wachttijd(
            pogingen,
            basis=instellingen.backoff_base_seconds,
            plafond=instellingen.backoff_cap_seconds,
            willekeur=willekeur,
        )
    return Beslissing(AfleverStatus.WACHTEND, nu + timedelta(seconds=wacht))


def onderteken(body: str, *, bericht_id: str, geheim: str, moment: datetime) -> dict[str, str]:
    """The Standard Webhooks headers for `body`: webhook-id, -timestamp and -signature."""
    moment = moment.astimezone(UTC)
    return {
        "webhook-id": bericht_id,
        "webhook-timestamp": str(math.floor(moment.timestamp())),
        "webhook-signature": Webhook(geheim).sign(bericht_id, moment, body),
    }


@dataclass(frozen=True)
class Opdracht:
    """A claimed delivery and all a worker needs to attempt it, loaded when it was claimed."""

    aflevering_id: uuid.UUID
    abonnement_id: uuid.UUID
    gebeurtenis_id: uuid.UUID
    lease_tot: datetime
    """The lease the worker set when it claimed; it also proves the delivery is still its own."""
    pogingen: int
    sink: str
    geheim: str
    body: str
    """The CloudEvent as JSON: the same text in every attempt."""


def opdracht(
    aflevering: Aflevering,
    gebeurtenis: Gebeurtenis,
    abonnement: Abonnement,
    instellingen: WebhookInstellingen,
) -> Opdracht:
    """What to send for `aflevering`, built from its rows."""
    assert aflevering.geclaimd_tot is not None
    return Opdracht(
        aflevering_id=aflevering.id,
        abonnement_id=abonnement.id,
        gebeurtenis_id=gebeurtenis.id,
        lease_tot=aflevering.geclaimd_tot,
        pogingen=aflevering.pogingen,
        sink=abonnement.sink,
        geheim=abonnement.geheim,
        body=als_json(cloudevent(gebeurtenis, instellingen)),
    )


def maak_client(instellingen: WebhookInstellingen) -> httpx.Client:
    """The HTTP client for deliveries: timeouts, no redirects, no proxies from the environment."""
    return httpx.Client(
        timeout=httpx.Timeout(instellingen.request_timeout_seconds),
        # A redirect could lead to an address the sink check refused.
        follow_redirects=False,
        # A proxy would connect elsewhere than the address that was checked.
        trust_env=False,
        headers={"User-Agent": USER_AGENT},
    )


def _duur_ms(start: float) -> int:
    return round((time.monotonic() - start) * 1000)


def _begin_van(response: httpx.Response) -> str:
    # Only the start of an error answer is kept; a body that stalls does not hide the status.
    gelezen = b""
    try:
        for stuk in response.iter_bytes():
            gelezen += stuk
            if len(gelezen) >= _LEES_BIJ_FOUT:
                break
    except httpx.HTTPError:
        pass
    return gelezen[:_LEES_BIJ_FOUT].decode("utf-8", errors="replace").strip()


def verstuur(
    client: httpx.Client,
    opdracht: Opdracht,
    instellingen: WebhookInstellingen,
    *,
    resolver: Resolver = los_op,
    nu: datetime | None = None,
) -> Uitkomst:
    """Attempt `opdracht` once: check the sink again, sign, POST; never raises for the sink."""
    start = time.monotonic()
    try:
        bestemming = controleer_sink(opdracht.sink, instellingen, resolver=resolver)
    except OngeldigeSink as fout:
        return Uitkomst(None, f"Sink geweigerd: {fout}"[:MAX_FOUTTEKST], _duur_ms(start))
    headers = {
        "Content-Type": CONTENT_TYPE,
        "Host": bestemming.host_header,
        **onderteken(
            opdracht.body,
            bericht_id=str(opdracht.gebeurtenis_id),
            geheim=opdracht.geheim,
            moment=utcnow(),
        ),
    }
    extensions = {"sni_hostname": bestemming.host} if bestemming.adressen else {}
    try:
        request = client.build_request(
            "POST",
            bestemming.verbindings_url,
            content=opdracht.body.encode("utf-8"),
            headers=headers,
            extensions=extensions,
        )
        response = client.send(request, stream=True)
        try:
            statuscode = response.status_code
            if 200 <= statuscode < 300:
                return Uitkomst(statuscode, None, _duur_ms(start))
            melding = f"HTTP {statuscode} {response.reason_phrase}".strip()
            begin = _begin_van(response)
            if begin:
                melding += f": {begin}"
            retry_after = lees_retry_after(response.headers.get("Retry-After"), nu=nu or utcnow())
        finally:
            response.close()
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as fout:
        tekst = f"{type(fout).__name__}: {fout}".strip().removesuffix(":")
        return Uitkomst(None, tekst[:MAX_FOUTTEKST], _duur_ms(start))
    return Uitkomst(statuscode, melding[:MAX_FOUTTEKST], _duur_ms(start), retry_after)


def registreer(
    session: Session,
    opdracht: Opdracht,
    uitkomst: Uitkomst,
    beslissing: Beslissing,
    *,
    nu: datetime,
) -> bool:
    """Log the attempt and apply `beslissing` while the lease holds; False if it was lost."""
    session.add(
        AfleverPoging(
            aflevering_id=opdracht.aflevering_id,
            moment=nu,
            statuscode=uitkomst.statuscode,
            fout=uitkomst.fout,
            duur_ms=uitkomst.duur_ms,
        )
    )
    toegepast = session.execute(
        update(Aflevering)
        .where(
            col(Aflevering.id) == opdracht.aflevering_id,
            col(Aflevering.geclaimd_tot) == opdracht.lease_tot,
            col(Aflevering.status) == AfleverStatus.WACHTEND,
        )
        .values(
            status=beslissing.status,
            pogingen=col(Aflevering.pogingen) + 1,
            volgende_poging_op=beslissing.volgende_poging_op,
            geclaimd_tot=None,
            laatste_statuscode=uitkomst.statuscode,
            afgeleverd_op=nu if beslissing.status == AfleverStatus.AFGELEVERD else None,
        )
        .execution_options(synchronize_session=False)
    )
    if beslissing.abonnement_beeindigen:
        # The sink said it is gone, whoever asked: retire the subscription either way.
        beeindig(session, opdracht.abonnement_id, reden=_reden_gone(nu))
    return bool(getattr(toegepast, "rowcount", 0) == 1)


def _reden_gone(nu: datetime) -> str:
    moment = nu.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return f"De sink antwoordde 410 Gone op {moment}; het abonnement is beëindigd."


def beeindig(session: Session, abonnement_id: uuid.UUID, *, reden: str) -> None:
    """End a subscription: inactive, with `reden`, and its pending deliveries stopped."""
    session.execute(
        update(Abonnement)
        .where(col(Abonnement.id) == abonnement_id)
        .values(actief=False, beeindigd_reden=reden)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Aflevering)
        .where(
            col(Aflevering.abonnement_id) == abonnement_id,
            col(Aflevering.status) == AfleverStatus.WACHTEND,
        )
        .values(status=AfleverStatus.GESTOPT, geclaimd_tot=None)
        .execution_options(synchronize_session=False)
    )


def lever_af(
    engine: Engine,
    opdracht: Opdracht,
    instellingen: WebhookInstellingen,
    *,
    client: httpx.Client,
    klok: Callable[[], datetime] = utcnow,
    willekeur: Willekeur = random.random,
    resolver: Resolver = los_op,
) -> Uitkomst:
    """Attempt one claimed delivery and store the outcome in a transaction of its own."""
    uitkomst = verstuur(client, opdracht, instellingen, resolver=resolver, nu=klok())
    nu = klok()
    beslissing = beslis(
        uitkomst,
        pogingen=opdracht.pogingen + 1,
        nu=nu,
        instellingen=instellingen,
        willekeur=willekeur,
    )
    with Session(engine) as session:
        eigen = registreer(session, opdracht, uitkomst, beslissing, nu=nu)
        session.commit()
    if not eigen:
        logger.warning(
            "aflevering %s: lease verlopen of overgenomen; poging gelogd, status niet gewijzigd",
            opdracht.aflevering_id,
        )
    elif beslissing.status != AfleverStatus.AFGELEVERD:
        logger.info(
            "aflevering %s poging %d: %s → %s",
            opdracht.aflevering_id,
            opdracht.pogingen + 1,
            uitkomst.statuscode or uitkomst.fout,
            beslissing.status,
        )
    return uitkomst
