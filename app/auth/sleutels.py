"""API keys: made once, shown once, kept as a hash with a visible prefix."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from app.auth.geheimen import klopt, nieuw_geheim, prefix_van
from app.errors import Conflict, InvalidInput, InvalidParam
from app.models import ApiSleutel, Netwerk, utcnow

SCOPES = {
    "beheer": "Alles lezen en beheren, zoals een beheerder.",
    "lezen": "Alleen lezen: alle netwerken, of alleen het netwerk waaraan de sleutel vastzit.",
}
_PREFIX = "kt"


@dataclass(frozen=True)
class NieuweSleutel:
    """A key just made: the only moment its secret exists outside the caller's hands."""

    rij: ApiSleutel
    sleutel: str


def maak(
    *,
    naam: str,
    scopes: list[str],
    session: Session,
    netwerk_id: uuid.UUID | None = None,
    verloopt_op: datetime | None = None,
) -> NieuweSleutel:
    """Create a key; the returned secret is shown once and never stored."""
    problems = [
        InvalidParam(
            name="scopes",
            code="onbekende-scope",
            reason=f"Onbekende scope '{scope}'; kies uit: {', '.join(SCOPES)}.",
        )
        for scope in scopes
        if scope not in SCOPES
    ]
    if not scopes:
        problems.append(
            InvalidParam(name="scopes", code="required", reason="Geef minstens één scope.")
        )
    if "beheer" in scopes and netwerk_id is not None:
        problems.append(
            InvalidParam(
                name="netwerkId",
                code="beheer-is-overal",
                reason="Een sleutel met scope 'beheer' kan niet aan één netwerk vastzitten.",
            )
        )
    if netwerk_id is not None and session.get(Netwerk, netwerk_id) is None:
        problems.append(
            InvalidParam(
                name="netwerkId",
                code="bestaat-niet",
                reason=f"Er is geen netwerk met id {netwerk_id}.",
            )
        )
    if verloopt_op is not None and verloopt_op <= utcnow():
        problems.append(
            InvalidParam(name="verlooptOp", code="verleden", reason="Moet in de toekomst liggen.")
        )
    if problems:
        raise InvalidInput(problems)
    geheim = nieuw_geheim(_PREFIX)
    rij = ApiSleutel(
        naam=naam,
        prefix=geheim.prefix,
        hash=geheim.hash,
        scopes=sorted(set(scopes)),
        netwerk_id=netwerk_id,
        verloopt_op=verloopt_op,
    )
    session.add(rij)
    session.flush()
    return NieuweSleutel(rij=rij, sleutel=geheim.waarde)


def zoek(sleutel: str, *, session: Session, nu: datetime | None = None) -> ApiSleutel | None:
    """The valid (known, not revoked, not expired) key row for `sleutel`, or None."""
    prefix = prefix_van(sleutel, _PREFIX)
    if prefix is None:
        return None
    rij = session.exec(select(ApiSleutel).where(col(ApiSleutel.prefix) == prefix)).first()
    if rij is None or not klopt(sleutel, rij.hash):
        return None
    return rij if is_geldig(rij, nu=nu) else None


def is_geldig(rij: ApiSleutel, *, nu: datetime | None = None) -> bool:
    """Not revoked and not expired."""
    moment = nu or utcnow()
    return rij.ingetrokken_op is None and (rij.verloopt_op is None or rij.verloopt_op > moment)


def trek_in(
    rij: ApiSleutel, *, session: Session, door_sleutel_id: uuid.UUID | None = None
) -> ApiSleutel:
    """Revoke a key; it stays listed, marked revoked.

    A key cannot revoke itself (the caller would lock themself out mid-request), and the last
    valid beheer key stays: without it no system could administer the installation.
    """
    if rij.ingetrokken_op is None and door_sleutel_id == rij.id:
        raise Conflict(
            "Een sleutel kan zichzelf niet intrekken; doe het met een andere beheersleutel."
        )
    if rij.ingetrokken_op is None and "beheer" in rij.scopes and is_geldig(rij):
        # Locked: two beheerders revoking the last two keys at once cannot both succeed.
        andere = session.exec(
            select(ApiSleutel)
            .where(col(ApiSleutel.id) != rij.id, col(ApiSleutel.ingetrokken_op).is_(None))
            .with_for_update()
        ).all()
        if not any("beheer" in ander.scopes and is_geldig(ander) for ander in andere):
            raise Conflict(
                "Dit is de laatste geldige beheersleutel; maak eerst een nieuwe "
                "(`kartrekker api-sleutel maak --scope beheer`) en trek deze daarna in."
            )
    if rij.ingetrokken_op is None:
        rij.ingetrokken_op = utcnow()
        session.add(rij)
        session.flush()
    return rij
