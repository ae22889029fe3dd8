"""Idempotency-Key on POST: a retried request gets the first answer and writes nothing twice.

The first request claims the key in a transaction of its own (a unique row per caller and key);
a copy arriving at the same moment cannot claim it, waits for the first to finish and gets its
stored answer. An answer is kept unless it was a server error, so that a retry after a 5xx runs
again.

Nothing in the table can be read without the request: the Idempotency-Key is stored as a hash,
and the answer is encrypted (AES-GCM) with a key derived from the caller's own credentials and
the Idempotency-Key. A new API key in an answer is therefore never in the database in clear.
"""

import asyncio
import hashlib
import os
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.db import SessieMaker
from app.errors import problem_response
from app.models import IdempotentVerzoek, utcnow

HEADER = "idempotency-key"
MAX_KEY_LENGTH = 255
BEWAARTERMIJN = timedelta(hours=24)
WACHTTIJD_SECONDEN = 30.0


@dataclass(frozen=True)
class _Opgeslagen:
    status: int
    headers: dict[str, str]
    body: bytes


def _credentials(headers: Headers) -> bytes:
    return (headers.get("authorization", "") + "|" + headers.get("x-api-key", "")).encode()


def _afzender(credentials: bytes) -> str:
    # The credentials identify the caller without a database lookup; keys of two callers
    # never collide.
    return hashlib.sha256(credentials).hexdigest()


def _sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(b"idempotency-key\n" + sleutel.encode()).hexdigest()


@dataclass(frozen=True)
class _Kluis:
    """Encrypts and decrypts one caller's stored answer for one Idempotency-Key."""

    sleutel: bytes

    @classmethod
    def voor(cls, credentials: bytes, idempotency_key: str) -> "_Kluis":
        # Both halves stay with the caller; only hashes of them are stored.
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kartrekker-replay-1")
        return cls(hkdf.derive(credentials + b"\0" + idempotency_key.encode()))

    def sluit(self, body: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + AESGCM(self.sleutel).encrypt(nonce, body, None)

    def open(self, opgeslagen: bytes) -> bytes | None:
        try:
            return AESGCM(self.sleutel).decrypt(opgeslagen[:12], opgeslagen[12:], None)
        except (InvalidTag, ValueError):
            return None


def _vingerafdruk(scope: Scope, body: bytes) -> str:
    request_line = f"{scope['method']} {scope['path']}?{scope.get('query_string', b'').decode()}"
    return hashlib.sha256(request_line.encode() + b"\n" + body).hexdigest()


class IdempotencyMiddleware:
    """ASGI middleware that makes POST requests with an Idempotency-Key safe to retry."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        sleutel = headers.get(HEADER)
        if sleutel is None:
            await self.app(scope, receive, send)
            return
        if not sleutel or len(sleutel) > MAX_KEY_LENGTH:
            await self._problem(
                scope, receive, send, 400, "idempotency-key-ongeldig",
                f"Idempotency-Key moet 1 tot {MAX_KEY_LENGTH} tekens lang zijn.",
            )  # fmt: skip
            return

        body = await _lees_body(receive)
        # The app's own way to open sessions (tests give it theirs).
        sessie_maker: SessieMaker = scope["app"].state.sessie_maker
        credentials = _credentials(headers)
        kluis = _Kluis.voor(credentials, sleutel)
        claim = partial(_claim, sessie_maker, kluis=kluis)
        afzender = _afzender(credentials)
        sleutel = _sleutel_hash(sleutel)
        vingerafdruk = _vingerafdruk(scope, body)
        uitkomst = await run_in_threadpool(claim, afzender, sleutel, vingerafdruk)
        deadline = asyncio.get_running_loop().time() + WACHTTIJD_SECONDEN
        while uitkomst == "bezig" and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
            uitkomst = await run_in_threadpool(claim, afzender, sleutel, vingerafdruk)

        if isinstance(uitkomst, _Opgeslagen):
            await _speel_af(uitkomst, send)
            return
        if uitkomst == "andere-inhoud":
            await self._problem(
                scope, receive, send, 409, "idempotency-key-hergebruikt",
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek.",
            )  # fmt: skip
            return
        if uitkomst == "bezig":
            await self._problem(
                scope, receive, send, 409, "idempotency-key-bezig",
                "Een verzoek met deze Idempotency-Key is nog bezig; probeer het zo opnieuw.",
            )  # fmt: skip
            return

        antwoord = await self._voer_uit(scope, body, send)
        if antwoord.status >= 500:
            await run_in_threadpool(_geef_vrij, sessie_maker, afzender, sleutel)
        else:
            await run_in_threadpool(_bewaar, sessie_maker, afzender, sleutel, antwoord, kluis)

    async def _voer_uit(self, scope: Scope, body: bytes, send: Send) -> _Opgeslagen:
        """Run the request once, passing the answer on while keeping a copy."""
        status = 500
        headers: dict[str, str] = {}
        chunks: list[bytes] = []
        body_sent = False

        async def receive_body() -> Message:
            nonlocal body_sent
            if body_sent:
                return {"type": "http.disconnect"}
            body_sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers.update(
                    {k.decode("latin-1"): v.decode("latin-1") for k, v in message["headers"]}
                )
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive_body, capture)
        return _Opgeslagen(status=status, headers=headers, body=b"".join(chunks))

    async def _problem(
        self, scope: Scope, receive: Receive, send: Send, status: int, code: str, detail: str
    ) -> None:
        response = problem_response(
            Request(scope), status=status, code=code, title="Idempotency-Key", detail=detail
        )
        await response(scope, receive, send)


def _claim(
    sessie_maker: SessieMaker, afzender: str, sleutel: str, vingerafdruk: str, *, kluis: _Kluis
) -> str | _Opgeslagen:
    """Claim the key: 'geclaimd', 'bezig', 'andere-inhoud', or the stored answer."""
    with sessie_maker() as session:
        bestaand = _zoek(session, afzender, sleutel)
        if bestaand is not None and bestaand.aangemaakt_op < utcnow() - BEWAARTERMIJN:
            session.delete(bestaand)
            session.commit()
            bestaand = None
        if bestaand is None:
            try:
                session.add(
                    IdempotentVerzoek(afzender=afzender, sleutel=sleutel, vingerafdruk=vingerafdruk)
                )
                session.commit()
                return "geclaimd"
            except IntegrityError:
                # Another copy claimed it a moment ago.
                session.rollback()
                return "bezig"
        if bestaand.vingerafdruk != vingerafdruk:
            return "andere-inhoud"
        if not bestaand.klaar or bestaand.status is None:
            return "bezig"
        body = kluis.open(bestaand.body or b"")
        if body is None:
            # Same caller and key always derive the same cipher key; this is a damaged row.
            return "andere-inhoud"
        return _Opgeslagen(status=bestaand.status, headers=dict(bestaand.headers or {}), body=body)


def _bewaar(
    sessie_maker: SessieMaker, afzender: str, sleutel: str, antwoord: _Opgeslagen, kluis: _Kluis
) -> None:
    with sessie_maker() as session:
        rij = _zoek(session, afzender, sleutel)
        if rij is not None:
            rij.status = antwoord.status
            rij.headers = {
                k: v for k, v in antwoord.headers.items() if k.lower() != "content-length"
            }
            rij.body = kluis.sluit(antwoord.body)
            rij.klaar = True
            session.add(rij)
            session.commit()


def _geef_vrij(sessie_maker: SessieMaker, afzender: str, sleutel: str) -> None:
    with sessie_maker() as session:
        rij = _zoek(session, afzender, sleutel)
        if rij is not None:
            session.delete(rij)
            session.commit()


def _zoek(session: Session, afzender: str, sleutel: str) -> IdempotentVerzoek | None:
    return session.exec(
        select(IdempotentVerzoek).where(
            IdempotentVerzoek.afzender == afzender, IdempotentVerzoek.sleutel == sleutel
        )
    ).first()


async def _lees_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def _speel_af(opgeslagen: _Opgeslagen, send: Send) -> None:
    headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in opgeslagen.headers.items()]
    headers.append((b"content-length", str(len(opgeslagen.body)).encode()))
    headers.append((b"idempotent-replayed", b"true"))
    await send({"type": "http.response.start", "status": opgeslagen.status, "headers": headers})
    await send({"type": "http.response.body", "body": opgeslagen.body})
