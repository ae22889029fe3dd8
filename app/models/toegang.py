"""Access: API keys for systems, the logins bound to people, and the stored answers that make
POST retries safe."""

import uuid
from datetime import datetime

from sqlalchemy import JSON, LargeBinary, UniqueConstraint
from sqlmodel import Field

from app.models.base import Tabel, UTCDateTime


class ApiSleutel(Tabel, table=True):
    """An API key: only its prefix is visible; the secret is kept as a SHA-256 hash."""

    __tablename__ = "api_sleutel"

    naam: str = Field(max_length=200)
    prefix: str = Field(max_length=20, unique=True)
    hash: str = Field(max_length=64)
    scopes: list[str] = Field(default_factory=list, sa_type=JSON)
    # A key may be limited to one network (an intranet showing that network's sessions).
    netwerk_id: uuid.UUID | None = Field(
        default=None, foreign_key="netwerk.id", ondelete="CASCADE", index=True
    )
    verloopt_op: datetime | None = Field(default=None, sa_type=UTCDateTime)
    ingetrokken_op: datetime | None = Field(default=None, sa_type=UTCDateTime)
    laatst_gebruikt_op: datetime | None = Field(default=None, sa_type=UTCDateTime)


class OidcIdentiteit(Tabel, table=True):
    """A login of a persoon: the subject (`sub`) an identity provider (`iss`) knows them by.

    Bound at the first login by e-mail; from then on the login finds its persoon by this pair,
    so changing the persoon's e-mail address cannot re-point someone else's login onto them.
    """

    __tablename__ = "oidc_identiteit"
    __table_args__ = (
        UniqueConstraint("issuer", "subject"),
        # One login per provider per persoon: a second subject for the same address is refused.
        UniqueConstraint("persoon_id", "issuer"),
    )

    persoon_id: uuid.UUID = Field(foreign_key="persoon.id", ondelete="CASCADE", index=True)
    issuer: str = Field(max_length=500)
    subject: str = Field(max_length=255)


class IdempotentVerzoek(Tabel, table=True):
    """The first answer to a POST with an Idempotency-Key, replayed to its retries."""

    __tablename__ = "idempotent_verzoek"
    __table_args__ = (UniqueConstraint("afzender", "sleutel"),)

    # Who sent it (a hash of the credentials), so that two callers' keys never collide.
    afzender: str = Field(max_length=64)
    # A hash of the Idempotency-Key; the key itself is part of what decrypts `body`.
    sleutel: str = Field(max_length=255)
    vingerafdruk: str = Field(max_length=64)
    status: int | None = None
    headers: dict[str, str] | None = Field(default=None, sa_type=JSON)
    # Encrypted with a key derived from the caller's credentials and the Idempotency-Key, so
    # that an answer carrying a secret (a new API key) is never readable from the database.
    body: bytes | None = Field(default=None, sa_type=LargeBinary)
    # False while the first request still runs; a retry then waits for its answer.
    klaar: bool = False
