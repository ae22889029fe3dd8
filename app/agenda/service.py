"""Agenda parts of a bijeenkomst and the leervragen (of the same netwerk) they are about."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.agenda.schemas import AgendaOnderdeel as AgendaOnderdeelSchema
from app.agenda.schemas import AgendaOnderdeelNieuw, AgendaOnderdeelWijziging
from app.common.service import apply_changes, get_in_netwerk_or_404
from app.errors import InvalidInput, InvalidParam, NotFound
from app.models import AgendaLeervraag, AgendaOnderdeel, Bijeenkomst, Leervraag, utcnow

VOLGORDE = (
    col(AgendaOnderdeel.volgorde).asc(),
    col(AgendaOnderdeel.aangemaakt_op).asc(),
    col(AgendaOnderdeel.id).asc(),
)


def _leervragen_problemen(
    netwerk_id: uuid.UUID, ids: list[uuid.UUID], *, session: Session
) -> list[InvalidParam]:
    bekend = set(
        session.exec(
            select(Leervraag.id).where(
                Leervraag.netwerk_id == netwerk_id, col(Leervraag.id).in_(set(ids))
            )
        ).all()
    )
    return [
        InvalidParam(
            name=f"leervraagIds.{index}",
            code="geen-leervraag",
            reason=f"Dit netwerk heeft geen leervraag met id {leervraag_id}.",
        )
        for index, leervraag_id in enumerate(ids)
        if leervraag_id not in bekend
    ]


def _koppel(onderdeel: AgendaOnderdeel, ids: Iterable[uuid.UUID], *, session: Session) -> None:
    bestaand = {
        rij.leervraag_id: rij
        for rij in session.exec(
            select(AgendaLeervraag).where(AgendaLeervraag.agenda_onderdeel_id == onderdeel.id)
        ).all()
    }
    gewenst = set(ids)
    for leervraag_id, rij in bestaand.items():
        if leervraag_id not in gewenst:
            session.delete(rij)
    for leervraag_id in gewenst - set(bestaand):
        session.add(
            AgendaLeervraag(
                netwerk_id=onderdeel.netwerk_id,
                agenda_onderdeel_id=onderdeel.id,
                leervraag_id=leervraag_id,
            )
        )


def maak(
    bijeenkomst: Bijeenkomst, data: AgendaOnderdeelNieuw, *, session: Session
) -> AgendaOnderdeel:
    """Add a part; without a volgorde it goes last."""
    problemen = _leervragen_problemen(bijeenkomst.netwerk_id, data.leervraag_ids, session=session)
    if problemen:
        raise InvalidInput(problemen)
    velden = data.velden()
    leervraag_ids = velden.pop("leervraag_ids")
    if velden["volgorde"] is None:
        hoogste = session.scalar(
            select(func.max(AgendaOnderdeel.volgorde)).where(
                AgendaOnderdeel.bijeenkomst_id == bijeenkomst.id
            )
        )
        velden["volgorde"] = (hoogste or 0) + 1
    onderdeel = AgendaOnderdeel(
        netwerk_id=bijeenkomst.netwerk_id, bijeenkomst_id=bijeenkomst.id, **velden
    )
    session.add(onderdeel)
    session.flush()
    _koppel(onderdeel, leervraag_ids, session=session)
    session.flush()
    return onderdeel


def wijzig(
    onderdeel: AgendaOnderdeel, data: AgendaOnderdeelWijziging, *, session: Session
) -> AgendaOnderdeel:
    """Apply a partial change; `leervraagIds` replaces the links."""
    velden = data.velden(alleen_gezet=True)
    leervraag_ids = velden.pop("leervraag_ids", None)
    problemen = []
    if "leervraag_ids" in data.model_fields_set and leervraag_ids is None:
        problemen.append(
            InvalidParam(
                name="leervraagIds",
                code="required",
                reason="Stuur een lege lijst om te ontkoppelen.",
            )
        )
    if leervraag_ids:
        problemen += _leervragen_problemen(onderdeel.netwerk_id, leervraag_ids, session=session)
    if problemen:
        raise InvalidInput(problemen)
    gewijzigd = apply_changes(onderdeel, velden, required=("werkvorm", "titel", "volgorde"))
    if leervraag_ids is not None:
        oud = links_van([onderdeel.id], session=session).get(onderdeel.id, [])
        if set(oud) != set(leervraag_ids):
            _koppel(onderdeel, leervraag_ids, session=session)
            if not gewijzigd:
                # The links are part of the resource: its version (ETag) changes with them.
                onderdeel.gewijzigd_op = utcnow()
    session.add(onderdeel)
    session.flush()
    return onderdeel


def verwijder(onderdeel: AgendaOnderdeel, *, session: Session) -> None:
    """Remove a part (its links go with it)."""
    session.delete(onderdeel)
    session.flush()


def laad(
    bijeenkomst: Bijeenkomst, onderdeel_id: uuid.UUID, *, session: Session, for_update: bool = False
) -> AgendaOnderdeel:
    """The part of this bijeenkomst, or 404."""
    onderdeel = get_in_netwerk_or_404(
        session,
        AgendaOnderdeel,
        onderdeel_id,
        netwerk_id=bijeenkomst.netwerk_id,
        naam="agendaonderdeel",
        for_update=for_update,
    )
    if onderdeel.bijeenkomst_id != bijeenkomst.id:
        raise NotFound(f"Deze bijeenkomst heeft geen agendaonderdeel met id {onderdeel_id}.")
    return onderdeel


def links_van(
    onderdeel_ids: Sequence[uuid.UUID], *, session: Session
) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The leervragen of each part, in one statement (also for none: a constant count)."""
    links: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for onderdeel_id, leervraag_id in session.exec(
        select(AgendaLeervraag.agenda_onderdeel_id, AgendaLeervraag.leervraag_id)
        .where(col(AgendaLeervraag.agenda_onderdeel_id).in_(onderdeel_ids))
        .order_by(col(AgendaLeervraag.aangemaakt_op), col(AgendaLeervraag.leervraag_id))
    ).all():
        links[onderdeel_id].append(leervraag_id)
    return dict(links)


def als_schemas(
    onderdelen: Sequence[AgendaOnderdeel], *, session: Session
) -> list[AgendaOnderdeelSchema]:
    """The API shapes, with their leervragen."""
    links = links_van([o.id for o in onderdelen], session=session)
    return [
        AgendaOnderdeelSchema.model_validate({**velden(o), "leervraag_ids": links.get(o.id, [])})
        for o in onderdelen
    ]


def velden(onderdeel: AgendaOnderdeel) -> dict[str, Any]:
    """The columns of an agenda part by name, as loaded (without serialising them)."""
    return {naam: getattr(onderdeel, naam) for naam in AgendaOnderdeel.model_fields}
