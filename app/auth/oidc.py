"""OIDC bearer tokens from the organisations' own identity providers (NL GOV OAuth profile)."""

import threading
from typing import Any

import httpx
import jwt
from jwt import PyJWKClient

from app.config import OidcUitgever

# Signing keys are fetched once per provider, cached, and fetched again for an unknown `kid`
# (key rotation); PyJWKClient does both.
_clients: dict[str, PyJWKClient] = {}
_discovered: dict[str, str] = {}
_lock = threading.Lock()


class TokenFout(Exception):
    """The token is not acceptable; the message says why, in Dutch."""


def _jwks_uri(uitgever: OidcUitgever) -> str:
    if uitgever.jwks_uri:
        return uitgever.jwks_uri
    with _lock:
        if uitgever.issuer not in _discovered:
            url = uitgever.issuer.rstrip("/") + "/.well-known/openid-configuration"
            try:
                response = httpx.get(url, timeout=5)
                response.raise_for_status()
                _discovered[uitgever.issuer] = str(response.json()["jwks_uri"])
            except (httpx.HTTPError, KeyError, ValueError) as error:
                raise TokenFout(
                    "De sleutels van de identity provider zijn niet te vinden."
                ) from error
        return _discovered[uitgever.issuer]


def _client(uitgever: OidcUitgever) -> PyJWKClient:
    uri = _jwks_uri(uitgever)
    with _lock:
        if uri not in _clients:
            _clients[uri] = PyJWKClient(
                uri,
                cache_keys=True,
                lifespan=300,
                timeout=5,
                cooldown_duration=uitgever.key_refresh_cooldown,
            )
        return _clients[uri]


def valideer(token: str, uitgevers: list[OidcUitgever]) -> tuple[OidcUitgever, dict[str, Any]]:
    """The provider and verified claims of `token`; TokenFout when anything is off."""
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as error:
        raise TokenFout("Het token is geen geldige JWT.") from error
    uitgever = next((u for u in uitgevers if u.issuer == unverified.get("iss")), None)
    if uitgever is None:
        raise TokenFout("Tokens van deze uitgever (iss) worden niet geaccepteerd.")
    # Pinned algorithms: `none` and an HMAC made with the public key never pass.
    if header.get("alg") not in uitgever.algorithms:
        raise TokenFout(f"Algoritme '{header.get('alg')}' wordt niet geaccepteerd.")
    try:
        signing_key = _client(uitgever).get_signing_key_from_jwt(token)
        claims: dict[str, Any] = jwt.decode(
            token,
            signing_key.key,
            algorithms=uitgever.algorithms,
            audience=uitgever.audience,
            issuer=uitgever.issuer,
            leeway=30,
            options={"require": ["exp", "iss", "aud", "sub"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise TokenFout("Het token is verlopen.") from error
    except jwt.ImmatureSignatureError as error:
        raise TokenFout("Het token is nog niet geldig (nbf).") from error
    except jwt.InvalidAudienceError as error:
        raise TokenFout("Het token is niet voor Kartrekker bedoeld (aud).") from error
    except jwt.PyJWKClientError as error:
        raise TokenFout("Het token is ondertekend met een onbekende sleutel.") from error
    except jwt.PyJWTError as error:
        raise TokenFout("Het token is ongeldig (handtekening of claims).") from error
    _check_authorised_party(uitgever, claims)
    return uitgever, claims


def _check_authorised_party(uitgever: OidcUitgever, claims: dict[str, Any]) -> None:
    azp = claims.get("azp")
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    # OIDC Core: with several audiences the authorised party must be named.
    if len(audiences) > 1 and azp is None:
        raise TokenFout("Het token heeft meerdere audiences maar geen azp.")
    if uitgever.client_ids and azp not in uitgever.client_ids:
        raise TokenFout(f"Client '{azp}' (azp) mag Kartrekker niet aanroepen.")


def vergeet_sleutels() -> None:
    """Drop cached key clients and discovery results (tests, configuration reloads)."""
    with _lock:
        _clients.clear()
        _discovered.clear()
