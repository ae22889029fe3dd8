"""Which sinks are accepted: https, public addresses, unless the settings allow more."""

import pytest

from app.webhooks.instellingen import WebhookInstellingen
from app.webhooks.sinks import OngeldigeSink, Resolver, controleer_sink

STRENG = WebhookInstellingen()
OPENBAAR = "93.184.215.14"
OPENBAAR_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c"


def geen_dns(host: str, port: int) -> list[str]:
    raise AssertionError("an IP literal needs no lookup")


def dns(*adressen: str) -> Resolver:
    """A resolver that answers `adressen` for every name, without any DNS traffic."""

    def resolver(host: str, port: int) -> list[str]:
        return list(adressen)

    return resolver


def test_https_on_a_public_address_is_accepted_and_pinned() -> None:
    bestemming = controleer_sink(
        "HTTPS://Hooks.Gemeente.example/kartrekker?x=1", STRENG, resolver=dns(OPENBAAR)
    )
    assert bestemming.url == "https://hooks.gemeente.example/kartrekker?x=1"
    assert bestemming.adressen == (OPENBAAR,)
    # The delivery connects to the checked address, under the sink's own name (Host, SNI).
    assert bestemming.verbindings_url == f"https://{OPENBAAR}:443/kartrekker?x=1"
    assert bestemming.host_header == "hooks.gemeente.example"


def test_ipv6_address_is_pinned_in_brackets_with_the_port() -> None:
    bestemming = controleer_sink(
        "https://hooks.example:8443/in",
        STRENG,
        resolver=dns("2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
    )
    assert bestemming.verbindings_url == "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/in"
    assert bestemming.host_header == "hooks.example:8443"


def test_plain_http_is_refused() -> None:
    with pytest.raises(OngeldigeSink, match="https"):
        controleer_sink(f"http://{OPENBAAR}/in", STRENG, resolver=geen_dns)


@pytest.mark.parametrize(
    "adres",
    [
        "127.0.0.1",  # loopback
        "10.1.2.3",  # private
        "172.16.0.1",
        "192.168.1.10",
        "169.254.169.254",  # link-local: cloud metadata
        "100.64.0.1",  # shared address space (carrier-grade NAT)
        "0.0.0.0",  # unspecified
        "224.0.0.1",  # multicast
        "240.0.0.1",  # reserved
        "[::1]",
        "[fe80::1]",
        "[fc00::1]",  # unique local
        "[::ffff:127.0.0.1]",  # IPv4-mapped loopback
        "[2002:a00:1::]",  # 6to4 around 10.0.0.1
        "[64:ff9b::a00:1]",  # NAT64 around 10.0.0.1
    ],
)
def test_private_and_reserved_addresses_are_refused(adres: str) -> None:
    with pytest.raises(OngeldigeSink, match="openbare internet"):
        controleer_sink(f"https://{adres}/in", STRENG, resolver=geen_dns)


def test_a_name_that_resolves_to_a_private_address_is_refused() -> None:
    with pytest.raises(OngeldigeSink, match=r"intranet\.example wijst naar 10\.0\.0\.7"):
        controleer_sink("https://intranet.example/in", STRENG, resolver=dns(OPENBAAR, "10.0.0.7"))


def test_a_name_that_does_not_resolve_is_refused() -> None:
    def weg(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(OngeldigeSink, match="niet te vinden"):
        controleer_sink("https://bestaat-niet.example/in", STRENG, resolver=weg)


def test_localhost_is_refused_through_the_real_resolver() -> None:
    # localhost is answered from the hosts file: no DNS traffic leaves the machine.
    with pytest.raises(OngeldigeSink):
        controleer_sink("https://localhost/in", STRENG)


@pytest.mark.parametrize(
    ("sink", "reden"),
    [
        ("https://gebruiker:geheim@hooks.example/in", "wachtwoord"),
        ("https://hooks.example/in#deel", "fragment"),
        ("https:///in", "host"),
        ("https://hooks.example:99999/in", "geldige URL"),
        ("ftp://hooks.example/in", "https"),
        ("https://hooks.example/in put", "spaties"),
        ("https://hooks.example/" + "x" * 500, "te lang"),
    ],
)
def test_malformed_sinks_are_refused_with_a_dutch_reason(sink: str, reden: str) -> None:
    with pytest.raises(OngeldigeSink, match=reden):
        controleer_sink(sink, STRENG, resolver=dns(OPENBAAR))


def test_settings_can_allow_private_addresses_and_http() -> None:
    ruim = WebhookInstellingen(allow_private_sinks=True, allow_http=True)
    bestemming = controleer_sink("http://127.0.0.1:8080/in", ruim, resolver=geen_dns)
    assert bestemming.url == "http://127.0.0.1:8080/in"
    assert bestemming.verbindings_url == "http://127.0.0.1:8080/in"
    # Each permission is separate.
    with pytest.raises(OngeldigeSink, match="https"):
        controleer_sink(
            "http://127.0.0.1/in", WebhookInstellingen(allow_private_sinks=True), resolver=geen_dns
        )
    with pytest.raises(OngeldigeSink, match="openbare internet"):
        controleer_sink(
            "http://127.0.0.1/in", WebhookInstellingen(allow_http=True), resolver=geen_dns
        )


def test_the_refusal_is_a_value_error_for_the_api() -> None:
    assert issubclass(OngeldigeSink, ValueError)
