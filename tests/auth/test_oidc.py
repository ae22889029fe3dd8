"""Bearer tokens from an organisation's identity provider: real RSA signatures, real JWKS."""

import base64
import hashlib
import hmac
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests import factories
from tests.oidc_provider import IdentityProvider

EMAIL = "fenna.hoekstra@assen.example"


@pytest.fixture
def persoon(client: TestClient) -> dict:  # type: ignore[type-arg]
    org = factories.organisatie(client)
    return factories.persoon(client, org["id"], "Fenna Hoekstra", email=EMAIL)


def _call(app: FastAPI, token: str) -> object:
    with TestClient(app, raise_server_exceptions=False) as client:
        return client.get("/v1/ik", headers={"Authorization": f"Bearer {token}"})


def _expect_401(response: object, fragment: str) -> None:
    assert response.status_code == 401, response.text  # type: ignore[attr-defined]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")  # type: ignore[attr-defined]
    assert fragment in response.json()["detail"]  # type: ignore[attr-defined]


def test_valid_token_signs_in_the_person(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    response = _call(app, identity_provider.token(EMAIL))
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.json()["persoonId"] == persoon["id"]  # type: ignore[attr-defined]


def test_expired_token(app: FastAPI, identity_provider: IdentityProvider, persoon: dict) -> None:  # type: ignore[type-arg]
    past = int(time.time()) - 3600
    token = identity_provider.token(EMAIL, iat=past - 600, nbf=past - 600, exp=past)
    _expect_401(_call(app, token), "verlopen")


def test_not_yet_valid_token(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    later = int(time.time()) + 3600
    _expect_401(_call(app, identity_provider.token(EMAIL, nbf=later, exp=later + 600)), "nbf")


def test_wrong_audience(app: FastAPI, identity_provider: IdentityProvider, persoon: dict) -> None:  # type: ignore[type-arg]
    _expect_401(_call(app, identity_provider.token(EMAIL, aud="een-andere-api")), "aud")


def test_wrong_issuer(app: FastAPI, identity_provider: IdentityProvider, persoon: dict) -> None:  # type: ignore[type-arg]
    token = identity_provider.token(EMAIL, iss="https://login.kwaadwillend.example")
    _expect_401(_call(app, token), "uitgever")


def test_client_not_allowed_as_authorised_party(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    _expect_401(_call(app, identity_provider.token(EMAIL, azp="onbekende-app")), "azp")


def test_several_audiences_need_azp(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    token = identity_provider.token(EMAIL, aud=["kartrekker-api", "ander"], azp=None)
    _expect_401(_call(app, token), "azp")


def test_hmac_signed_with_the_public_key_is_refused(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    # The classic algorithm-confusion attack: HS256 with the public key as the secret.
    public_pem = (
        identity_provider.keys[identity_provider.current_kid]
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    claims = jwt.decode(identity_provider.token(EMAIL), options={"verify_signature": False})
    forged = _hs256(claims, public_pem, identity_provider.current_kid)
    _expect_401(_call(app, forged), "HS256")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _hs256(claims: dict, secret: bytes, kid: str) -> str:  # type: ignore[type-arg]
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": kid}).encode())
    payload = _b64(json.dumps(claims).encode())
    signature = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64(signature)}"


def test_none_algorithm_is_refused(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    claims = jwt.decode(identity_provider.token(EMAIL), options={"verify_signature": False})
    header = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    unsigned = f"{header}.{_b64(json.dumps(claims).encode())}."
    _expect_401(_call(app, unsigned), "none")


def test_tampered_signature_is_refused(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    header, payload, signature = identity_provider.token(EMAIL).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["email"] = "beheer@kartrekker.example"
    tampered = f"{header}.{_b64(json.dumps(claims).encode())}.{signature}"
    _expect_401(_call(app, tampered), "ongeldig")


def test_rotated_key_is_fetched(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    assert _call(app, identity_provider.token(EMAIL)).status_code == 200  # type: ignore[attr-defined]
    new_kid = identity_provider.add_key()
    before = identity_provider.jwks_requests
    response = _call(app, identity_provider.token(EMAIL, kid=new_kid))
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert identity_provider.jwks_requests == before + 1


def test_keys_are_cached(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    _call(app, identity_provider.token(EMAIL))
    before = identity_provider.jwks_requests
    for _ in range(3):
        _call(app, identity_provider.token(EMAIL))
    assert identity_provider.jwks_requests == before


def test_unknown_person_is_403(app: FastAPI, identity_provider: IdentityProvider) -> None:
    response = _call(app, identity_provider.token("onbekend@elders.example"))
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert "onbekend@elders.example" in response.json()["detail"]  # type: ignore[attr-defined]


def test_token_in_the_url_is_refused(
    app: FastAPI,
    identity_provider: IdentityProvider,
    persoon: dict,  # type: ignore[type-arg]
) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/v1/ik", params={"access_token": identity_provider.token(EMAIL)})
    _expect_401(response, "URL")


def test_no_credentials_is_401_with_a_hint(anonymous_client: TestClient) -> None:
    response = anonymous_client.get("/v1/netwerken")
    _expect_401(response, "X-Api-Key")
