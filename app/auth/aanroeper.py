"""Who is calling: a persoon signed in with their own identity provider, or a system's API key."""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated, Any, ClassVar

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from app.auth import oidc, sleutels
from app.config import OidcUitgever, instellingen
from app.db import SessieMaker
from app.errors import AppError
from app.models import Deelnemer, OidcIdentiteit, Persoon, utcnow
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


def _lidmaatschappen(persoon_id: uuid.UUID, *, session: Session) -> dict[uuid.UUID, Lidmaatschap]:
    rows = session.exec(
        select(Deelnemer.netwerk_id, Deelnemer.id, Deelnemer.kartrekker).where(
            Deelnemer.persoon_id == persoon_id,
            col(Deelnemer.status) != DeelnemerStatus.VERTROKKEN,
        )
    ).all()
    return {
        netwerk_id: Lidmaatschap(deelnemer_id=deelnemer_id, kartrekker=kartrekker)
        for netwerk_id, deelnemer_id, kartrekker in rows
    }


def _persoon_van_login(
    issuer: str, subject: str, email: str, *, session: Session, sessie_maker: SessieMaker
) -> uuid.UUID:
    """The persoon this login belongs to: bound by (iss, sub), or bound now by e-mail."""
    gebonden = session.exec(
        select(OidcIdentiteit.persoon_id).where(
            OidcIdentiteit.issuer == issuer, OidcIdentiteit.subject == subject
        )
    ).first()
    if gebonden is not None:
        return gebonden
    persoon_id = session.exec(
        select(Persoon.id).where(func.lower(Persoon.email) == email.lower())
    ).first()
    if persoon_id is None:
        raise GeenToegang(
            f"Je bent aangemeld als {email}, maar Kartrekker kent geen persoon met dat adres. "
            "Vraag een kartrekker je toe te voegen."
        )
    andere_login = session.exec(
        select(OidcIdentiteit.id).where(
            OidcIdentiteit.persoon_id == persoon_id, OidcIdentiteit.issuer == issuer
        )
    ).first()
    if andere_login is not None:
        raise GeenToegang(
            f"Het adres {email} hoort al bij een andere aanmelding bij deze identity provider. "
            "Vraag een beheerder om hulp als je adres is veranderd."
        )
    _bind(persoon_id, issuer, subject, sessie_maker=sessie_maker)
    return persoon_id


def _bind(persoon_id: uuid.UUID, issuer: str, subject: str, *, sessie_maker: SessieMaker) -> None:
    # In a transaction of its own: reads keep their read-only transaction, and the binding
    # stays even when the request itself fails.
    with sessie_maker() as eigen:
        try:
            eigen.add(OidcIdentiteit(persoon_id=persoon_id, issuer=issuer, subject=subject))
            eigen.commit()
        except IntegrityError as error:
            eigen.rollback()
            # A second request of the same first login bound it a moment ago: that is fine.
            bestaand = eigen.exec(
                select(OidcIdentiteit.persoon_id).where(
                    OidcIdentiteit.issuer == issuer, OidcIdentiteit.subject == subject
                )
            ).first()
            if bestaand != persoon_id:
                raise GeenToegang(
                    "Deze aanmelding kon niet aan je persoon worden gekoppeld."
                ) from error


def _persoon(
    claims: dict[str, Any],
    uitgever: OidcUitgever,
    *,
    beheerders: list[str],
    session: Session,
    sessie_maker: SessieMaker,
) -> Aanroeper:
    email = claims.get(uitgever.email_claim)
    if not isinstance(email, str) or not email:
        raise NietGeauthenticeerd(f"Het token mist de claim '{uitgever.email_claim}'.")
    persoon_id = _persoon_van_login(
        uitgever.issuer, str(claims["sub"]), email, session=session, sessie_maker=sessie_maker
    )
    return Aanroeper(
        persoon_id=persoon_id,
        # The address the identity provider vouches for decides, never the stored one: anyone
        # who may edit a persoon could otherwise make them a beheerder.
        beheerder=email.lower() in {adres.lower() for adres in beheerders},
        lidmaatschappen=_lidmaatschappen(persoon_id, session=session),
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
    session: Session,
    api_sleutel: str | None,
    token: HTTPAuthorizationCredentials | None,
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
        return _persoon(
            claims,
            uitgever,
            beheerders=settings.beheerders,
            session=session,
            sessie_maker=request.app.state.sessie_maker,
        )
    if api_sleutel:
        return _sleutel(api_sleutel, session=session)
    return None


def huidige_aanroeper(request: Request) -> Aanroeper | None:
    """The caller that the app-wide permission check found (None on public routes)."""
    aanroeper: Aanroeper | None = getattr(request.state, "aanroeper", None)
    return aanroeper


AanroeperDep = Annotated[Aanroeper | None, Depends(huidige_aanroeper)]
