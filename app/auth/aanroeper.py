"""Who is calling: a persoon signed in with their own identity provider, or a system's API key."""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated, ClassVar

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session, col, func, select

from app.auth import oidc, sleutels
from app.config import instellingen
from app.db import SessionDep
from app.errors import AppError
from app.models import Deelnemer, Persoon, utcnow
from app.models.enums import DeelnemerStatus

api_key_header = APIKeyHeader(
    name="X-Api-Key",
    auto_error=False,
    scheme_name="apiSleutel",
    description="Een API-sleutel voor systemen (`kartrekker api-sleutel maak`).",
)
bearer = HTTPBearer(
    auto_error=False,
    scheme_name="oidc",
    bearerFormat="JWT",
    description="Een OIDC-token van de identity provider van je eigen organisatie.",
)


class NietGeauthenticeerd(AppError):
    status = 401
    code = "niet-geauthenticeerd"
    title = "Authenticatie is vereist."
    headers: ClassVar[dict[str, str] | None] = {"WWW-Authenticate": 'Bearer realm="kartrekker"'}


class GeenToegang(AppError):
    status = 403
    code = "geen-toegang"
    title = "Je hebt geen toegang tot deze resource."


@dataclass(frozen=True)
class Lidmaatschap:
    """The caller's place in one network."""

    deelnemer_id: uuid.UUID
    kartrekker: bool


@dataclass(frozen=True)
class Aanroeper:
    """The authenticated caller of a request and what they may do, loaded once."""

    persoon_id: uuid.UUID | None = None
    sleutel_id: uuid.UUID | None = None
    beheerder: bool = False
    # A read-only key: for every network, or only for `sleutel_netwerk_id`.
    alleen_lezen: bool = False
    sleutel_netwerk_id: uuid.UUID | None = None
    lidmaatschappen: dict[uuid.UUID, Lidmaatschap] = field(default_factory=dict)

    @property
    def kartrekker_ergens(self) -> bool:
        """Kartrekker of at least one network (may invite organisations and people)."""
        return any(lid.kartrekker for lid in self.lidmaatschappen.values())

    def leest_alles(self) -> bool:
        """May read every network (beheerder, or a read key not tied to one network)."""
        return self.beheerder or (self.alleen_lezen and self.sleutel_netwerk_id is None)

    def is_lid(self, netwerk_id: uuid.UUID) -> bool:
        return netwerk_id in self.lidmaatschappen

    def trekt(self, netwerk_id: uuid.UUID) -> bool:
        lid = self.lidmaatschappen.get(netwerk_id)
        return self.beheerder or (lid is not None and lid.kartrekker)


def _persoon(email: str, *, beheerders: list[str], session: Session) -> Aanroeper:
    persoon = session.exec(
        select(Persoon).where(func.lower(Persoon.email) == email.lower())
    ).first()
    if persoon is None:
        raise GeenToegang(
            f"Je bent aangemeld als {email}, maar Kartrekker kent geen persoon met dat adres. "
            "Vraag een kartrekker je toe te voegen."
        )
    rows = session.exec(
        select(Deelnemer.netwerk_id, Deelnemer.id, Deelnemer.kartrekker).where(
            Deelnemer.persoon_id == persoon.id,
            col(Deelnemer.status) != DeelnemerStatus.VERTROKKEN,
        )
    ).all()
    return Aanroeper(
        persoon_id=persoon.id,
        beheerder=persoon.email.lower() in {adres.lower() for adres in beheerders},
        lidmaatschappen={
            netwerk_id: Lidmaatschap(deelnemer_id=deelnemer_id, kartrekker=kartrekker)
            for netwerk_id, deelnemer_id, kartrekker in rows
        },
    )


def _sleutel(waarde: str, *, session: Session) -> Aanroeper:
    rij = sleutels.zoek(waarde, session=session)
    if rij is None:
        raise NietGeauthenticeerd("De API-sleutel is onbekend, ingetrokken of verlopen.")
    now = utcnow()
    # Record use at most hourly: a write on every read would serialise SQLite for nothing.
    if rij.laatst_gebruikt_op is None or now - rij.laatst_gebruikt_op > timedelta(hours=1):
        rij.laatst_gebruikt_op = now
        session.add(rij)
    return Aanroeper(
        sleutel_id=rij.id,
        beheerder="beheer" in rij.scopes,
        alleen_lezen="beheer" not in rij.scopes,
        sleutel_netwerk_id=rij.netwerk_id,
    )


def bepaal_aanroeper(
    request: Request,
    session: SessionDep,
    api_sleutel: Annotated[str | None, Security(api_key_header)] = None,
    token: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None,
) -> Aanroeper | None:
    """The caller of this request, or None when no credentials were sent."""
    if "access_token" in request.query_params:
        raise NietGeauthenticeerd(
            "Stuur tokens alleen in de Authorization-header, nooit in de URL."
        )
    if token is not None:
        settings = instellingen(request)
        uitgevers = settings.oidc_issuers
        if not uitgevers:
            raise NietGeauthenticeerd("Deze installatie accepteert geen OIDC-tokens.")
        try:
            uitgever, claims = oidc.valideer(token.credentials, uitgevers)
        except oidc.TokenFout as error:
            raise NietGeauthenticeerd(str(error)) from error
        email = claims.get(uitgever.email_claim)
        if not isinstance(email, str) or not email:
            raise NietGeauthenticeerd(f"Het token mist de claim '{uitgever.email_claim}'.")
        return _persoon(email, beheerders=settings.beheerders, session=session)
    if api_sleutel:
        return _sleutel(api_sleutel, session=session)
    return None


AanroeperDep = Annotated[Aanroeper | None, Depends(bepaal_aanroeper)]
