"""Personen: unique e-mail, an existing organisation, removal only when in no network."""

import uuid
from typing import Any

from sqlalchemy import ColumnElement, false, func, or_, true
from sqlmodel import Session, col, select

from app.auth.aanroeper import Aanroeper, GeenToegang
from app.auth.rechten import netwerken_van_persoon
from app.common.service import apply_changes, get_or_404
from app.errors import Conflict, InvalidInput, InvalidParam
from app.models import Deelnemer, Organisatie, Persoon
from app.models.enums import DeelnemerStatus
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


def zichtbaar_voor(aanroeper: Aanroeper, *, email: str | None = None) -> ColumnElement[bool]:
    """SQL condition: the personen this caller may list.

    Themself; as kartrekker the people of the networks they carry; a beheerder and a read key
    for every network everyone, a read key for one network that network's people. A lookup by
    exact address (`email`) also finds anyone for a kartrekker, who needs it to invite someone
    already known; the address is what they typed, so nothing new is revealed.
    """
    if aanroeper.leest_alles() or (email is not None and aanroeper.kartrekker_ergens):
        return true()
    netwerken = [
        netwerk_id for netwerk_id in aanroeper.lidmaatschappen if aanroeper.trekt(netwerk_id)
    ]
    if aanroeper.sleutel_netwerk_id is not None:
        netwerken.append(aanroeper.sleutel_netwerk_id)
    zichtbaar: list[ColumnElement[bool]] = []
    if aanroeper.persoon_id is not None:
        zichtbaar.append(col(Persoon.id) == aanroeper.persoon_id)
    if netwerken:
        leden = select(Deelnemer.persoon_id).where(
            col(Deelnemer.netwerk_id).in_(netwerken),
            col(Deelnemer.status) != DeelnemerStatus.VERTROKKEN,
        )
        zichtbaar.append(col(Persoon.id).in_(leden))
    return or_(*zichtbaar) if zichtbaar else false()


def controleer_adreswijziging(
    persoon: Persoon, nieuw: str, aanroeper: Aanroeper, *, session: Session
) -> None:
    """Only the persoon, a beheerder, or a kartrekker of every network they are in changes
    the address that mail and a first login go to."""
    if nieuw.lower() == persoon.email.lower():
        return
    if aanroeper.beheerder or aanroeper.persoon_id == persoon.id:
        return
    netwerken = netwerken_van_persoon(persoon.id, session=session)
    if netwerken and all(aanroeper.trekt(netwerk_id) for netwerk_id in netwerken):
        return
    if not netwerken:
        # Reached only by a kartrekker allowed on a persoon who is in no network (rechten).
        return
    raise GeenToegang(
        f"Het e-mailadres van {persoon.naam} mag alleen de persoon zelf, een beheerder of een "
        "kartrekker van al zijn netwerken wijzigen."
    )
