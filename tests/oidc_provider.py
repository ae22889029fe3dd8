"""A tiny identity provider for tests: a real RSA key pair and its JWKS served over HTTP."""

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://login.gemeente.example/realms/medewerkers"
AUDIENCE = "kartrekker-api"
CLIENT_ID = "intranet-assen"


@dataclass
class IdentityProvider:
    """Signs tokens like an organisation's Keycloak or Entra ID would, and serves its keys."""

    jwks_uri: str = ""
    keys: dict[str, rsa.RSAPrivateKey] = field(default_factory=dict)
    jwks_requests: int = 0

    def add_key(self) -> str:
        """Rotate in a new signing key; returns its kid."""
        kid = uuid.uuid4().hex[:12]
        self.keys[kid] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return kid

    @property
    def current_kid(self) -> str:
        return list(self.keys)[-1]

    def jwks(self) -> dict[str, Any]:
        keys = []
        for kid, private in self.keys.items():
            public = json.loads(RSAAlgorithm.to_jwk(private.public_key()))
            keys.append({**public, "kid": kid, "use": "sig", "alg": "RS256"})
        return {"keys": keys}

    def token(self, email: str, *, kid: str | None = None, **overrides: Any) -> str:
        """A signed token for `email`; `overrides` change or (with None) drop claims."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "azp": CLIENT_ID,
            "sub": uuid.uuid5(uuid.NAMESPACE_URL, email).hex,
            "email": email,
            "iat": now,
            "nbf": now,
            "exp": now + 600,
        }
        claims.update(overrides)
        claims = {name: value for name, value in claims.items() if value is not None}
        kid = kid or self.current_kid
        return jwt.encode(claims, self.keys[kid], algorithm="RS256", headers={"kid": kid})


@contextmanager
def running_provider() -> Iterator[IdentityProvider]:
    """An IdentityProvider whose JWKS is served on a free port of 127.0.0.1."""
    provider = IdentityProvider()
    provider.add_key()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            provider.jwks_requests += 1
            body = json.dumps(provider.jwks()).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    provider.jwks_uri = f"http://127.0.0.1:{server.server_port}/protocol/openid-connect/certs"
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()
