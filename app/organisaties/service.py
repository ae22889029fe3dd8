"""Organisaties: create, change, remove; uniqueness of TOOI URI and OIN."""

import uuid
from typing import Any

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from app.common.service import apply_changes, check_order, get_or_404
from app.errors import Conflict, InvalidInput
from app.models import Netwerk, NetwerkOrganisatie, Organisatie, Persoon
from app.organisaties.schemas import OrganisatieNieuw, OrganisatieWijziging

SORTEERBAAR: dict[str, Any] = {
    "naam": col(Organisatie.naam),
    "soort": col(Organisatie.soort),
    "organisatiecode": col(Organisatie.organisatiecode),
    "aangemaaktOp": col(Organisatie.aangemaakt_op),
}


def _check(organisatie: Organisatie, *, session: Session) -> None:
    problems = check_order("begindatum", organisatie.begindatum, "einddatum", organisatie.einddatum)
    if problems:
        raise InvalidInput(problems)
    clashes: list[ColumnElement[bool]] = []
    if organisatie.tooi_uri:
        clashes.append(col(Organisatie.tooi_uri) == organisatie.tooi_uri)
    if organisatie.oin:
        clashes.append(col(Organisatie.oin) == organisatie.oin)
    if not clashes:
        return
    other = session.exec(
        select(Organisatie).where(or_(*clashes), Organisatie.id != organisatie.id)
    ).first()
    if other is not None:
        veld = (
            "TOOI-URI" if organisatie.tooi_uri and other.tooi_uri == organisatie.tooi_uri else "OIN"
        )
        raise Conflict(f"Er is al een organisatie met deze {veld}: {other.naam} ({other.id}).")


def maak(data: OrganisatieNieuw, *, session: Session) -> Organisatie:
    """Create an organisatie; 409 when its TOOI URI or OIN is taken."""
    organisatie = Organisatie(**data.velden())
    _check(organisatie, session=session)
    session.add(organisatie)
    session.flush()
    return organisatie


def wijzig(
    organisatie: Organisatie, data: OrganisatieWijziging, *, session: Session
) -> Organisatie:
    """Apply a partial change."""
    apply_changes(organisatie, data.velden(alleen_gezet=True), required=("naam", "soort"))
    _check(organisatie, session=session)
    session.add(organisatie)
    session.flush()
    return organisatie


def verwijder(organisatie: Organisatie, *, session: Session) -> None:
    """Remove an organisatie that nobody works for any more and no network counts on."""
    employee = session.exec(
        select(Persoon.id).where(Persoon.organisatie_id == organisatie.id).limit(1)
    ).first()
    if employee is not None:
        raise Conflict(f"{organisatie.naam} heeft nog personen; verwijder of verplaats hen eerst.")
    netwerk = session.exec(
        select(Netwerk.naam)
        .join(NetwerkOrganisatie, col(NetwerkOrganisatie.netwerk_id) == col(Netwerk.id))
        .where(NetwerkOrganisatie.organisatie_id == organisatie.id)
        .limit(1)
    ).first()
    if netwerk is not None:
        raise Conflict(
            f"{organisatie.naam} is toegevoegd aan netwerk '{netwerk}'; haal haar daar eerst weg."
        )
    session.delete(organisatie)
    session.flush()


def laad(organisatie_id: uuid.UUID, *, session: Session, for_update: bool = False) -> Organisatie:
    """The organisatie with this id, or 404."""
    return get_or_404(
        session, Organisatie, organisatie_id, naam="organisatie", for_update=for_update
    )
