"""The settings the webhook machinery runs on; the app maps its KARTREKKER_* settings onto them."""

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from app.config import Settings


def bron_urn(installatie: str) -> str:
    """The CloudEvents `source` of an installation: `urn:nld:kartrekker:<installatie>`."""
    naam = installatie.strip()
    if not naam:
        raise ValueError("De naam van de installatie mag niet leeg zijn.")
    # A URN's specific part allows few characters; the NL GOV profile shows `%20` for a space.
    return "urn:nld:kartrekker:" + quote(naam, safe="-._~:")


@dataclass(frozen=True, kw_only=True)
class WebhookInstellingen:
    """How sinks are checked and events delivered; the defaults suit production."""

    allow_private_sinks: bool = False
    """Allow sinks on private, loopback, link-local or reserved addresses (tests, intranets)."""
    allow_http: bool = False
    """Allow plain-http sinks; otherwise https only."""
    max_pogingen: int = 15
    """Attempts before a delivery is given up (status `opgegeven`)."""
    backoff_base_seconds: float = 30.0
    """The first retry waits at most this long; each next one at most twice as long."""
    backoff_cap_seconds: float = 6 * 3600.0
    """No retry waits longer than this (before jitter)."""
    max_retry_after_seconds: float = 24 * 3600.0
    """A `Retry-After` longer than this is shortened to it."""
    lease_seconds: float = 300.0
    """How long a worker owns the deliveries it claimed; after that another may take them."""
    request_timeout_seconds: float = 10.0
    """Timeout of each phase of the HTTP request (connect, write, read)."""
    source_urn: str = "urn:nld:kartrekker:kartrekker"
    """The CloudEvents `source`: a URN in the `nld` namespace (see `bron_urn`)."""
    api_base_url: str = "http://127.0.0.1:8000/v1"
    """Public URL of the API root, with its `/v1` prefix; links in events start with it."""
    batch_size: int = 10
    """Deliveries a worker claims at once."""
    idle_seconds: float = 1.0
    """How long an idle worker sleeps before it looks again (new events wake it sooner)."""

    def __post_init__(self) -> None:
        problemen = []
        if self.max_pogingen < 1:
            problemen.append("max_pogingen moet minstens 1 zijn")
        if self.backoff_base_seconds <= 0 or self.backoff_cap_seconds < self.backoff_base_seconds:
            problemen.append("backoff: 0 < basis <= plafond")
        if self.request_timeout_seconds <= 0:
            problemen.append("request_timeout_seconds moet positief zijn")
        if self.lease_seconds < self.benodigde_leasetijd:
            problemen.append(
                f"lease_seconds moet minstens {self.benodigde_leasetijd:g} zijn "
                "(ruimte voor één aflevering)"
            )
        if self.batch_size < 1:
            problemen.append("batch_size moet minstens 1 zijn")
        if self.idle_seconds <= 0:
            problemen.append("idle_seconds moet positief zijn")
        if not self.source_urn.startswith("urn:nld:"):
            problemen.append("source_urn moet een URN in de namespace nld zijn (urn:nld:…)")
        if not self.api_base_url.startswith(("https://", "http://")):
            problemen.append("api_base_url moet een http(s)-URL zijn")
        if problemen:
            raise ValueError("Ongeldige webhookinstellingen: " + "; ".join(problemen) + ".")

    @property
    def benodigde_leasetijd(self) -> float:
        """Lease time one delivery needs: its request phases plus a margin for the database."""
        return 3 * self.request_timeout_seconds + 5.0


def van_settings(settings: "Settings", *, api_prefix: str = "/v1") -> WebhookInstellingen:
    """The webhook settings of an installation, from its KARTREKKER_* settings."""
    return WebhookInstellingen(
        allow_private_sinks=settings.webhooks_allow_private,
        allow_http=settings.webhooks_allow_private,
        source_urn=bron_urn(settings.installatie),
        # Events are sent long after their request; without a configured address they can
        # only name the default one.
        api_base_url=(settings.public_base_url or "http://127.0.0.1:8000").rstrip("/") + api_prefix,
    )
