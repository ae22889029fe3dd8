"""The waiting list of a full bijeenkomst: who gets a place, and who moves up when one frees.

A "ja" takes a place while there is one; after that it waits. The waiting list is served oldest
first, by the moment the aanmelding was last changed (the table has no column of its own for the
moment someone joined the list; see the README).
"""

import uuid

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models import Aanmelding, Bijeenkomst
from app.models.enums import AanmeldAntwoord

WACHTVOLGORDE = (col(Aanmelding.wachtlijst_sinds).asc(), col(Aanmelding.id).asc())


def bezette_plaatsen(
    bijeenkomst_id: uuid.UUID, *, session: Session, behalve: uuid.UUID | None = None
) -> int:
    """How many "ja" answers hold a place (not on the waiting list), apart from `behalve`."""
    statement = select(func.count()).where(
        Aanmelding.bijeenkomst_id == bijeenkomst_id,
        Aanmelding.antwoord == AanmeldAntwoord.JA,
        col(Aanmelding.wachtlijst).is_(False),
    )
    if behalve is not None:
        statement = statement.where(Aanmelding.id != behalve)
    return int(session.exec(statement).one())


def moet_wachten(bijeenkomst: Bijeenkomst, aanmelding: Aanmelding, *, session: Session) -> bool:
    """Whether a new "ja" of `aanmelding` finds the bijeenkomst full."""
    if bijeenkomst.capaciteit is None:
        return False
    bezet = bezette_plaatsen(bijeenkomst.id, session=session, behalve=aanmelding.id)
    return bezet >= bijeenkomst.capaciteit


def schuif_door(bijeenkomst: Bijeenkomst, *, session: Session) -> list[Aanmelding]:
    """Give free places to the waiting list, oldest first; returns who moved up."""
    wachtend = list(
        session.exec(
            select(Aanmelding)
            .where(
                Aanmelding.bijeenkomst_id == bijeenkomst.id,
                Aanmelding.antwoord == AanmeldAntwoord.JA,
                col(Aanmelding.wachtlijst).is_(True),
            )
            .order_by(*WACHTVOLGORDE)
        ).all()
    )
    if not wachtend:
        return []
    if bijeenkomst.capaciteit is None:
        vrij = len(wachtend)
    else:
        vrij = max(0, bijeenkomst.capaciteit - bezette_plaatsen(bijeenkomst.id, session=session))
    doorgeschoven = wachtend[:vrij]
    for aanmelding in doorgeschoven:
        aanmelding.wachtlijst = False
        aanmelding.wachtlijst_sinds = None
        session.add(aanmelding)
    session.flush()
    return doorgeschoven


def posities(bijeenkomst_id: uuid.UUID, *, session: Session) -> dict[uuid.UUID, int]:
    """Every waiting aanmelding's place in the queue (1 is next), in one statement."""
    ids = session.exec(
        select(Aanmelding.id)
        .where(
            Aanmelding.bijeenkomst_id == bijeenkomst_id,
            Aanmelding.antwoord == AanmeldAntwoord.JA,
            col(Aanmelding.wachtlijst).is_(True),
        )
        .order_by(*WACHTVOLGORDE)
    ).all()
    return {aanmelding_id: plaats for plaats, aanmelding_id in enumerate(ids, start=1)}
