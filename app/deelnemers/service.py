"""Deelnemers: a persoon in a netwerk, once, with a role the netwerk knows."""

import uuid
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from app.aanmeldingen import wachtlijst
from app.common.service import apply_changes, check_order
from app.deelnemers.schemas import DeelnemerNieuw, DeelnemerWijziging
from app.errors import Conflict, InvalidInput, InvalidParam, NotFound
from app.models import Aanmelding, Bijeenkomst, Deelnemer, Netwerk, Persoon, utcnow
from app.models.enums import DeelnemerStatus
from app.spelregels.service import bewaakt
from app.webhooks import events
from app.webhooks.events import publiceer

SORTEERBAAR: dict[str, Any] = {
    "naam": col(Persoon.naam),
    "rol": col(Deelnemer.rol),
    "sinds": col(Deelnemer.sinds),
    "aangemaaktOp": col(Deelnemer.aangemaakt_op),
}


def _vervangen(netwerk: Netwerk, deelnemer: Deelnemer, *, session: Session) -> Deelnemer | None:
    """The deelnemer a vervanger replaces; 400 unless it is one of this network's."""
    if deelnemer.vervangt_id is None:
        return None
    vervangen = session.get(Deelnemer, deelnemer.vervangt_id)
    if vervangen is None or vervangen.netwerk_id != netwerk.id:
        raise InvalidInput(
            [
                InvalidParam(
                    name="vervangtId",
                    code="geen-deelnemer",
                    reason=f"Dit netwerk heeft geen deelnemer met id {deelnemer.vervangt_id}.",
                )
            ]
        )
    return vervangen


def _geef_plaatsen_vrij(deelnemer: Deelnemer, *, session: Session) -> None:
    """Someone who leaves gives up their places at coming bijeenkomsten to the waiting list."""
    rijen = session.exec(
        select(Aanmelding, Bijeenkomst)
        .join(Bijeenkomst, col(Bijeenkomst.id) == col(Aanmelding.bijeenkomst_id))
        .where(Aanmelding.deelnemer_id == deelnemer.id, col(Bijeenkomst.start) > utcnow())
    ).all()
    for aanmelding, _ in rijen:
        session.delete(aanmelding)
    session.flush()
    for _, bijeenkomst in rijen:
        wachtlijst.schuif_door(bijeenkomst, session=session)


def _check(netwerk: Netwerk, deelnemer: Deelnemer) -> None:
    problems = check_order("sinds", deelnemer.sinds, "tot", deelnemer.tot)
    if deelnemer.rol not in netwerk.rollen:
        problems.append(
            InvalidParam(
                name="rol",
                code="onbekende-rol",
                reason=f"Rol '{deelnemer.rol}' bestaat niet in dit netwerk; "
                f"kies uit: {', '.join(netwerk.rollen)}.",
            )
        )
    if problems:
        raise InvalidInput(problems)


def maak(netwerk: Netwerk, data: DeelnemerNieuw, *, session: Session) -> tuple[Deelnemer, Persoon]:
    """Add a persoon to the netwerk; 409 when already in it."""
    persoon = session.get(Persoon, data.persoon_id)
    if persoon is None:
        raise InvalidInput(
            [
                InvalidParam(
                    name="persoonId",
                    code="bestaat-niet",
                    reason=f"Er is geen persoon met id {data.persoon_id}.",
                )
            ]
        )
    values = data.velden()
    values["sinds"] = values["sinds"] or date.today()
    deelnemer = Deelnemer(netwerk_id=netwerk.id, **values)
    _check(netwerk, deelnemer)
    existing = session.exec(
        select(Deelnemer.id).where(
            Deelnemer.netwerk_id == netwerk.id, Deelnemer.persoon_id == persoon.id
        )
    ).first()
    if existing is not None:
        raise Conflict(f"{persoon.naam} is al deelnemer van dit netwerk ({existing}).")
    with bewaakt(netwerk, session=session):
        vervangen = _vervangen(netwerk, deelnemer, session=session)
        if vervangen is not None and vervangen.status != DeelnemerStatus.VERTROKKEN:
            vervangen.status = DeelnemerStatus.VERTROKKEN
            vervangen.tot = deelnemer.sinds
            session.add(vervangen)
        session.add(deelnemer)
        session.flush()
    publiceer(
        session,
        events.DEELNEMER_TOEGEVOEGD,
        onderwerp=deelnemer.id,
        netwerk_id=netwerk.id,
        data={"rol": deelnemer.rol, "kartrekker": deelnemer.kartrekker},
    )
    return deelnemer, persoon


def wijzig(
    netwerk: Netwerk, deelnemer: Deelnemer, data: DeelnemerWijziging, *, session: Session
) -> Deelnemer:
    """Apply a partial change."""
    with bewaakt(netwerk, session=session):
        changed = apply_changes(
            deelnemer,
            data.velden(alleen_gezet=True),
            required=("rol", "kartrekker", "status", "sinds"),
        )
        _check(netwerk, deelnemer)
        session.add(deelnemer)
        session.flush()
    if changed.get("status", {}).get("nieuw") == DeelnemerStatus.VERTROKKEN:
        _geef_plaatsen_vrij(deelnemer, session=session)
        publiceer(
            session,
            events.DEELNEMER_VERTROKKEN,
            onderwerp=deelnemer.id,
            netwerk_id=netwerk.id,
            data={"status": changed["status"], "tot": deelnemer.tot},
        )
    return deelnemer


def verwijder(netwerk: Netwerk, deelnemer: Deelnemer, *, session: Session) -> None:
    """Remove the membership, with the deelnemer's leervragen."""
    with bewaakt(netwerk, session=session):
        _geef_plaatsen_vrij(deelnemer, session=session)
        session.delete(deelnemer)
        session.flush()
    publiceer(
        session,
        events.DEELNEMER_VERTROKKEN,
        onderwerp=deelnemer.id,
        netwerk_id=deelnemer.netwerk_id,
        data={"verwijderd": True},
    )


def laad(
    netwerk: Netwerk, deelnemer_id: uuid.UUID, *, session: Session, for_update: bool = False
) -> tuple[Deelnemer, Persoon]:
    """The deelnemer of this netwerk with its persoon, in one statement; 404 otherwise."""
    statement = (
        select(Deelnemer, Persoon)
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .where(Deelnemer.id == deelnemer_id, Deelnemer.netwerk_id == netwerk.id)
    )
    if for_update:
        statement = statement.with_for_update(of=Deelnemer)
    row = session.exec(statement).first()
    if row is None:
        raise NotFound(f"Dit netwerk heeft geen deelnemer met id {deelnemer_id}.")
    return row[0], row[1]
