"""Who is calling: a persoon signed in with their own identity provider, or a system's API key."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select, update

from app.auth import oidc, sleutels
from app.config import OidcUitgever, instellingen
from app.db import ALLEEN_LEZEN, SessieMaker
from app.errors import AppError
from app.models import ApiSleutel, Deelnemer, OidcIdentiteit, Persoon, utcnow
from app.models.enums import DeelnemerStatus

if TYPE_CHECKING:
    from app.auth.geheugen import AanroeperGeheugen

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


def _login(
    issuer: str, subject: str, *, session: Session
) -> tuple[uuid.UUID, dict[uuid.UUID, Lidmaatschap]] | None:
    """The bound persoon of a login and their memberships, in one query; None when unbound."""
    rows = session.execute(
        select(OidcIdentiteit.persoon_id, Deelnemer.netwerk_id, Deelnemer.id, Deelnemer.kartrekker)
        .select_from(OidcIdentiteit)
        .outerjoin(
            Deelnemer,
            (col(Deelnemer.persoon_id) == col(OidcIdentiteit.persoon_id))
            & (col(Deelnemer.status) != DeelnemerStatus.VERTROKKEN),
        )
        .where(col(OidcIdentiteit.issuer) == issuer, col(OidcIdentiteit.subject) == subject)
    ).all()
    if not rows:
        return None
    lidmaatschappen = {
        netwerk_id: Lidmaatschap(deelnemer_id=deelnemer_id, kartrekker=kartrekker)
        for _, netwerk_id, deelnemer_id, kartrekker in rows
        if netwerk_id is not None
    }
    return rows[0][0], lidmaatschappen


def _eerste_login(
    issuer: str, subject: str, email: str, *, session: Session, sessie_maker: SessieMaker
) -> None:
    """Bind a login seen for the first time to the persoon with its e-mail address."""
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
    _bind(persoon_id, issuer, subject, session=session, sessie_maker=sessie_maker)


@contextmanager
def terzijde(session: Session, sessie_maker: SessieMaker) -> Iterator[Session]:
    """Where a request writes a little on the side (a login bound, a key's last use).

    A read's transaction is read-only, so the write gets a short transaction of its own; a
    writing request already holds the write lock (SQLite) and writes in a savepoint of its own
    transaction. Either way a failure here leaves the request's work intact.
    """
    if session.get_bind().get_execution_options().get(ALLEEN_LEZEN):
        with sessie_maker() as eigen:
            yield eigen
            eigen.commit()
    else:
        with session.begin_nested():
            yield session


def _bind(
    persoon_id: uuid.UUID, issuer: str, subject: str, *, session: Session, sessie_maker: SessieMaker
) -> None:
    try:
        with terzijde(session, sessie_maker) as schrijf:
            schrijf.add(OidcIdentiteit(persoon_id=persoon_id, issuer=issuer, subject=subject))
            schrijf.flush()
    except IntegrityError as error:
        # A second request of the same first login bound it a moment ago: that is fine.
        if (gevonden := _login(issuer, subject, session=session)) is None or gevonden[
            0
        ] != persoon_id:
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
    subject = str(claims["sub"])
    gevonden = _login(uitgever.issuer, subject, session=session)
    if gevonden is None:
        _eerste_login(uitgever.issuer, subject, email, session=session, sessie_maker=sessie_maker)
        gevonden = _login(uitgever.issuer, subject, session=session)
        assert gevonden is not None
    persoon_id, lidmaatschappen = gevonden
    return Aanroeper(
        persoon_id=persoon_id,
        # The address the identity provider vouches for decides, never the stored one: anyone
        # who may edit a persoon could otherwise make them a beheerder.
        beheerder=email.lower() in {adres.lower() for adres in beheerders},
        lidmaatschappen=lidmaatschappen,
    )


def _sleutel(
    waarde: str, *, session: Session, sessie_maker: SessieMaker
) -> tuple[Aanroeper, datetime | None]:
    rij = sleutels.zoek(waarde, session=session)
    if rij is None:
        raise NietGeauthenticeerd("De API-sleutel is onbekend, ingetrokken of verlopen.")
    now = utcnow()
    # Record use at most hourly, in a transaction of its own: a read stays read-only, and a
    # write on every request would serialise SQLite for nothing.
    if rij.laatst_gebruikt_op is None or now - rij.laatst_gebruikt_op > timedelta(hours=1):
        with terzijde(session, sessie_maker) as schrijf:
            schrijf.execute(
                update(ApiSleutel)
                .where(col(ApiSleutel.id) == rij.id)
                .values(laatst_gebruikt_op=now)
                .execution_options(synchronize_session=False)
            )
    aanroeper = Aanroeper(
        sleutel_id=rij.id,
        beheerder="beheer" in rij.scopes,
        alleen_lezen="beheer" not in rij.scopes,
        sleutel_netwerk_id=rij.netwerk_id,
    )
    return aanroeper, rij.verloopt_op


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
    credential = token.credentials if token is not None else api_sleutel
    if not credential:
        return None
    geheugen: AanroeperGeheugen = request.app.state.aanroepers
    sleutel = geheugen.sleutel_van(("bearer " if token is not None else "key ") + credential)
    bekend = geheugen.zoek(sleutel)
    if bekend is not None:
        return bekend
    sessie_maker: SessieMaker = request.app.state.sessie_maker
    geldig_tot: float | None
    if token is not None:
        settings = instellingen(request)
        uitgevers = settings.oidc_issuers
        if not uitgevers:
            raise NietGeauthenticeerd("Deze installatie accepteert geen OIDC-tokens.")
        try:
            uitgever, claims = oidc.valideer(token.credentials, uitgevers)
        except oidc.TokenFout as error:
            raise NietGeauthenticeerd(str(error)) from error
        aanroeper = _persoon(
            claims,
            uitgever,
            beheerders=settings.beheerders,
            session=session,
            sessie_maker=sessie_maker,
        )
        geldig_tot = float(claims["exp"])
    else:
        aanroeper, verloopt_op = _sleutel(credential, session=session, sessie_maker=sessie_maker)
        geldig_tot = verloopt_op.timestamp() if verloopt_op is not None else None
    geheugen.onthoud(sleutel, aanroeper, geldig_tot=geldig_tot)
    return aanroeper


async def huidige_aanroeper(request: Request) -> Aanroeper | None:
    """The caller that the app-wide permission check found (None on public routes)."""
    aanroeper: Aanroeper | None = getattr(request.state, "aanroeper", None)
    return aanroeper


AanroeperDep = Annotated[Aanroeper | None, Depends(huidige_aanroeper)]
