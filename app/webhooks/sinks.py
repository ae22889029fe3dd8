"""Which URLs may receive events: https, and only addresses on the public internet.

Otherwise a subscriber could make Kartrekker post to its own intranet (SSRF). The check runs
when a subscription is made and again at every delivery, because DNS can change in between;
the delivery then connects to the very address that was checked.
"""

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit, urlunsplit

from app.webhooks.instellingen import WebhookInstellingen

MAX_LENGTE = 500  # the column Abonnement.sink

Resolver = Callable[[str, int], Sequence[str]]
"""Looks up a host name: the IP addresses (as text) for `host` and `port`."""

IpAdres = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class OngeldigeSink(ValueError):
    """A sink Kartrekker will not deliver to; the message is Dutch, for the API's user (400)."""


def los_op(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, in the resolver's order, without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))


def _ingebed_ipv4(adres: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    # IPv4 addresses carried inside IPv6 reach the IPv4 host; judge that host.
    if adres.ipv4_mapped is not None:
        return adres.ipv4_mapped
    if adres.sixtofour is not None:
        return adres.sixtofour
    if adres.teredo is not None:
        return adres.teredo[1]
    if adres in _NAT64:
        return ipaddress.IPv4Address(int(adres) & 0xFFFFFFFF)
    return None


def is_openbaar(adres: IpAdres) -> bool:
    """True for an address on the public internet: not private, loopback, link-local, …"""
    if isinstance(adres, ipaddress.IPv6Address):
        ingebed = _ingebed_ipv4(adres)
        if ingebed is not None and not is_openbaar(ingebed):
            return False
    return not (
        adres.is_private
        or adres.is_loopback
        or adres.is_link_local
        or adres.is_reserved
        or adres.is_multicast
        or adres.is_unspecified
        or not adres.is_global
    )


@dataclass(frozen=True)
class Bestemming:
    """A checked sink: where to connect, and under which name."""

    url: str
    """The sink as stored (normalised: lower-case scheme and host)."""
    host: str
    port: int
    adressen: tuple[str, ...]
    """The checked addresses; empty when private sinks are allowed and nothing was resolved."""

    @property
    def verbindings_url(self) -> str:
        """The sink with its host replaced by the first checked address (pinned)."""
        if not self.adressen:
            return self.url
        adres = self.adressen[0]
        netloc = f"[{adres}]" if ":" in adres else adres
        delen = urlsplit(self.url)
        return urlunsplit(delen._replace(netloc=f"{netloc}:{self.port}"))

    @property
    def host_header(self) -> str:
        """The `Host` header that names the sink as the subscriber wrote it."""
        naam = f"[{self.host}]" if ":" in self.host else self.host
        standaard = 443 if self.url.startswith("https:") else 80
        return naam if self.port == standaard else f"{naam}:{self.port}"


def _ontleed(url: str, instellingen: WebhookInstellingen) -> tuple[SplitResult, str, int]:
    if len(url) > MAX_LENGTE:
        raise OngeldigeSink(f"De sink is te lang: hoogstens {MAX_LENGTE} tekens.")
    if any(teken.isspace() or ord(teken) < 32 for teken in url):
        raise OngeldigeSink("De sink mag geen spaties of stuurtekens bevatten.")
    try:
        delen = urlsplit(url)
        port = delen.port
    except ValueError as fout:
        raise OngeldigeSink("De sink is geen geldige URL.") from fout
    schema = delen.scheme.lower()
    toegestaan = ("https", "http") if instellingen.allow_http else ("https",)
    if schema not in toegestaan:
        raise OngeldigeSink("De sink moet een https-URL zijn.")
    if delen.username is not None or delen.password is not None:
        raise OngeldigeSink(
            "De sink mag geen gebruikersnaam of wachtwoord bevatten; "
            "controleer de handtekening (webhook-signature) in plaats daarvan."
        )
    if delen.fragment:
        raise OngeldigeSink("De sink mag geen fragment (#…) bevatten.")
    host = (delen.hostname or "").rstrip(".")
    if not host:
        raise OngeldigeSink("De sink noemt geen host.")
    return delen._replace(scheme=schema), host, port or (443 if schema == "https" else 80)


def controleer_sink(
    url: str, instellingen: WebhookInstellingen, *, resolver: Resolver = los_op
) -> Bestemming:
    """Check `url` as a sink; raise `OngeldigeSink` with the reason when it may not be one."""
    url = url.strip()
    delen, host, port = _ontleed(url, instellingen)
    netloc = delen.netloc.rsplit("@", 1)[-1]
    genormaliseerd = urlunsplit(delen._replace(netloc=netloc.lower()))
    if instellingen.allow_private_sinks:
        return Bestemming(url=genormaliseerd, host=host, port=port, adressen=())
    try:
        letterlijk: IpAdres | None = ipaddress.ip_address(host)
    except ValueError:
        letterlijk = None
    if letterlijk is not None:
        adressen = [str(letterlijk)]
    else:
        try:
            adressen = list(resolver(host, port))
        except (OSError, UnicodeError) as fout:
            raise OngeldigeSink(f"De host {host} van de sink is niet te vinden.") from fout
        if not adressen:
            raise OngeldigeSink(f"De host {host} van de sink is niet te vinden.")
    for adres in adressen:
        if not is_openbaar(ipaddress.ip_address(adres)):
            waar = "" if letterlijk is not None else f" ({host} wijst naar {adres})"
            raise OngeldigeSink(
                "De sink moet op het openbare internet liggen, niet op een privé-, loopback-, "
                f"link-local- of gereserveerd adres{waar}."
            )
    return Bestemming(url=genormaliseerd, host=host, port=port, adressen=tuple(adressen))
