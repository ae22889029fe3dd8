"""Personen: unique e-mail, an existing organisation, removal only when in no network."""

import uuid
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.common.service import apply_changes, get_or_404
from app.errors import Conflict, InvalidInput, InvalidParam
from app.models import Deelnemer, Organisatie, Persoon
from app.personen.schemas import PersoonNieuw, PersoonWijziging

SORTEERBAAR: dict[str, Any] = {
    "naam": col(Persoon.naam),
    "email": col(Persoon.email),
    "aangemaaktOp": col(Persoon.aangemaakt_op),
}


def _check(persoon: Persoon, *, session: Session) -> None:
    persoon.email = persoon.email.lower()
    if session.get(Organisatie, persoon.organisatie_id) is None:
        raise InvalidInput(
            [
                InvalidParam(
                    name="organisatieId",
                    code="bestaat-niet",
                    reason=f"Er is geen organisatie met id {persoon.organisatie_id}.",
                )
            ]
        )
    taken = session.exec(
        select(Persoon.id).where(
            func.lower(Persoon.email) == persoon.email, Persoon.id != persoon.id
        )
    ).first()
    if taken is not None:
        raise Conflict(f"Er is al een persoon met e-mailadres {persoon.email}.")


def maak(data: PersoonNieuw, *, session: Session) -> Persoon:
    """Create a persoon; 409 when the e-mail address is taken."""
    persoon = Persoon(**data.velden())
    _check(persoon, session=session)
    session.add(persoon)
    session.flush()
    return persoon


def wijzig(persoon: Persoon, data: PersoonWijziging, *, session: Session) -> Persoon:
    """Apply a partial change."""
    apply_changes(
        persoon, data.velden(alleen_gezet=True), required=("naam", "email", "organisatie_id")
    )
    _check(persoon, session=session)
    session.add(persoon)
    session.flush()
    return persoon


def verwijder(persoon: Persoon, *, session: Session) -> None:
    """Remove a persoon who is deelnemer of no network."""
    membership = session.exec(
        select(Deelnemer.id).where(Deelnemer.persoon_id == persoon.id).limit(1)
    ).first()
    if membership is not None:
        raise Conflict(f"{persoon.naam} is nog deelnemer van een netwerk; haal die eerst weg.")
    session.delete(persoon)
    session.flush()


def laad(persoon_id: uuid.UUID, *, session: Session, for_update: bool = False) -> Persoon:
    """The persoon with this id, or 404."""
    return get_or_404(session, Persoon, persoon_id, naam="persoon", for_update=for_update)
