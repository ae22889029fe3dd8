"""The organisations of a network: added by a kartrekker with a contact, or there through people.

An organisation joins a network through its deelnemers, or earlier: a kartrekker adds it with
a contactpersoon before its people are known. Both kinds are answered from one query.
"""

import uuid
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Label, and_, func, or_
from sqlmodel import Session, col, select

from app.common.service import apply_changes
from app.errors import Conflict, InvalidInput, InvalidParam, NotFound
from app.models import Deelnemer, Netwerk, NetwerkOrganisatie, Organisatie, Persoon
from app.models.enums import DeelnemerStatus
from app.netwerken.schemas import (
    Aansluiting,
    ContactpersoonInvoer,
    NetwerkOrganisatieNieuw,
    NetwerkOrganisatieWijziging,
)
from app.netwerken.service import weiger_als_afgerond
from app.webhooks import events
from app.webhooks.events import publiceer


class Aangesloten(NamedTuple):
    """An organisation of the network: its explicit addition (if any) and its deelnemers."""

    organisatie: Organisatie
    toevoeging: NetwerkOrganisatie | None
    aantal_deelnemers: int


class Overzicht(NamedTuple):
    """The statement over a network's organisations, and the columns it can be sorted on."""

    statement: Any
    sorteerbaar: dict[str, Any]


def overzicht(netwerk_id: uuid.UUID, *, aangesloten_via: Aansluiting | None = None) -> Overzicht:
    """One statement: every organisation added to the network or with deelnemers in it."""
    per_organisatie = (
        select(
            col(Persoon.organisatie_id).label("organisatie_id"),
            func.count(col(Deelnemer.id)).label("aantal"),
        )
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .where(
            Deelnemer.netwerk_id == netwerk_id,
            col(Deelnemer.status) != DeelnemerStatus.VERTROKKEN,
        )
        .group_by(col(Persoon.organisatie_id))
        .subquery("deelnemers_per_organisatie")
    )
    aantal: Label[int] = func.coalesce(per_organisatie.c.aantal, 0).label("aantal_deelnemers")
    toegevoegd: ColumnElement[bool] = col(NetwerkOrganisatie.id).is_not(None)
    via_deelnemers = per_organisatie.c.organisatie_id.is_not(None)
    statement = (
        select(Organisatie, NetwerkOrganisatie, aantal)
        .outerjoin(
            NetwerkOrganisatie,
            and_(
                col(NetwerkOrganisatie.organisatie_id) == col(Organisatie.id),
                col(NetwerkOrganisatie.netwerk_id) == netwerk_id,
            ),
        )
        .outerjoin(per_organisatie, per_organisatie.c.organisatie_id == col(Organisatie.id))
        .where(or_(toegevoegd, via_deelnemers))
    )
    if aangesloten_via is Aansluiting.TOEGEVOEGD:
        statement = statement.where(toegevoegd)
    elif aangesloten_via is Aansluiting.DEELNEMERS:
        statement = statement.where(col(NetwerkOrganisatie.id).is_(None))
    sorteerbaar = {
        "naam": col(Organisatie.naam),
        "soort": col(Organisatie.soort),
        "aantalDeelnemers": aantal,
        "toegevoegdOp": col(NetwerkOrganisatie.aangemaakt_op),
    }
    return Overzicht(statement, sorteerbaar)


def laad(netwerk: Netwerk, organisatie_id: uuid.UUID, *, session: Session) -> Aangesloten:
    """The organisation in this network, or 404 when it was neither added nor has deelnemers."""
    statement = overzicht(netwerk.id).statement.where(col(Organisatie.id) == organisatie_id)
    rij = session.exec(statement).first()
    if rij is None:
        raise NotFound(f"Organisatie {organisatie_id} doet niet mee aan dit netwerk.")
    return Aangesloten(*rij)


def _bestaande_organisatie(organisatie_id: uuid.UUID, *, session: Session) -> Organisatie:
    """The organisation to add; 400 when it does not exist or no longer does."""
    organisatie = session.get(Organisatie, organisatie_id)
    if organisatie is None:
        reden = f"Er is geen organisatie met id {organisatie_id}."
    elif organisatie.einddatum is not None and organisatie.einddatum < date.today():
        reden = f"{organisatie.naam} is opgeheven per {organisatie.einddatum.isoformat()}."
    else:
        return organisatie
    raise InvalidInput([InvalidParam(name="organisatieId", code="bestaat-niet", reason=reden)])


# The names apply_changes reports, as the API spells them.
_API_NAAM = {
    "contactNaam": "contactpersoon.naam",
    "contactEmail": "contactpersoon.email",
    "contactTelefoon": "contactpersoon.telefoon",
}


def _contactvelden(contact: ContactpersoonInvoer) -> dict[str, Any]:
    return {
        "contact_naam": contact.naam,
        "contact_email": contact.email.lower() if contact.email else None,
        "contact_telefoon": contact.telefoon,
    }


def voeg_toe(netwerk: Netwerk, data: NetwerkOrganisatieNieuw, *, session: Session) -> Aangesloten:
    """Add an organisation with its contactpersoon; 409 when it was added before."""
    weiger_als_afgerond(netwerk)
    organisatie = _bestaande_organisatie(data.organisatie_id, session=session)
    bestaand = session.exec(
        select(NetwerkOrganisatie.id).where(
            NetwerkOrganisatie.netwerk_id == netwerk.id,
            NetwerkOrganisatie.organisatie_id == organisatie.id,
        )
    ).first()
    if bestaand is not None:
        raise Conflict(f"{organisatie.naam} is al aan dit netwerk toegevoegd.")
    session.add(
        NetwerkOrganisatie(
            netwerk_id=netwerk.id,
            organisatie_id=organisatie.id,
            **_contactvelden(data.contactpersoon),
        )
    )
    session.flush()
    publiceer(
        session,
        events.NETWERKORGANISATIE_TOEGEVOEGD,
        onderwerp=organisatie.id,
        netwerk_id=netwerk.id,
        data={"naam": organisatie.naam, "soort": organisatie.soort},
    )
    return laad(netwerk, organisatie.id, session=session)


def _toevoeging(aangesloten: Aangesloten) -> NetwerkOrganisatie:
    """The explicit addition; 409 for an organisation that is there only through its people."""
    if aangesloten.toevoeging is None:
        raise Conflict(
            f"{aangesloten.organisatie.naam} doet mee via haar deelnemers en is niet apart "
            "toegevoegd; voeg haar toe (POST) om een contactpersoon vast te leggen."
        )
    return aangesloten.toevoeging


def wijzig(
    netwerk: Netwerk,
    aangesloten: Aangesloten,
    data: NetwerkOrganisatieWijziging,
    *,
    session: Session,
) -> Aangesloten:
    """Replace the contactpersoon of an added organisation."""
    weiger_als_afgerond(netwerk)
    toevoeging = _toevoeging(aangesloten)
    gewijzigd = apply_changes(toevoeging, _contactvelden(data.contactpersoon))
    session.add(toevoeging)
    session.flush()
    if gewijzigd:
        # Only which fields changed: the contact's details are for the kartrekkers to fetch.
        publiceer(
            session,
            events.NETWERKORGANISATIE_GEWIJZIGD,
            onderwerp=aangesloten.organisatie.id,
            netwerk_id=netwerk.id,
            data={"wijziging": sorted(_API_NAAM[veld] for veld in gewijzigd)},
        )
    return aangesloten._replace(toevoeging=toevoeging)


def verwijder(netwerk: Netwerk, aangesloten: Aangesloten, *, session: Session) -> None:
    """Remove an added organisation that has no deelnemers (left or never came)."""
    weiger_als_afgerond(netwerk)
    toevoeging = _toevoeging(aangesloten)
    if aangesloten.aantal_deelnemers:
        aantal = aangesloten.aantal_deelnemers
        raise Conflict(
            f"{aangesloten.organisatie.naam} heeft {aantal} "
            f"{'deelnemer' if aantal == 1 else 'deelnemers'} in dit netwerk; zet die eerst op "
            "`vertrokken` of haal ze weg."
        )
    session.delete(toevoeging)
    session.flush()
    publiceer(
        session,
        events.NETWERKORGANISATIE_VERWIJDERD,
        onderwerp=aangesloten.organisatie.id,
        netwerk_id=netwerk.id,
        data={"naam": aangesloten.organisatie.naam},
    )
