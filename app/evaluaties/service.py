"""Evaluaties: once per deelnemer per bijeenkomst, after it began; aggregates for everyone."""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, false, func
from sqlmodel import Session, col, select

from app.auth.aanroeper import Aanroeper
from app.common.service import apply_changes, get_in_netwerk_or_404
from app.errors import Conflict, InvalidInput, InvalidParam, NotFound
from app.evaluaties.schemas import (
    EvaluatieNieuw,
    EvaluatieTrend,
    EvaluatieWijziging,
    Samenvatting,
    TrendPunt,
)
from app.models import Bijeenkomst, Deelnemer, Evaluatie, Netwerk, utcnow
from app.models.enums import BijeenkomstStatus

SORTEERBAAR: dict[str, Any] = {
    "aangemaaktOp": col(Evaluatie.aangemaakt_op),
    "leerwaarde": col(Evaluatie.leerwaarde),
    "plezier": col(Evaluatie.plezier),
}


def _gemiddelde(waarde: Any) -> float | None:
    return None if waarde is None else round(float(waarde), 2)


def maak(bijeenkomst: Bijeenkomst, data: EvaluatieNieuw, *, session: Session) -> Evaluatie:
    """Record a deelnemer's evaluation; 409 when they already gave one."""
    deelnemer = session.get(Deelnemer, data.deelnemer_id)
    if deelnemer is None or deelnemer.netwerk_id != bijeenkomst.netwerk_id:
        raise InvalidInput(
            [
                InvalidParam(
                    name="deelnemerId",
                    code="geen-deelnemer",
                    reason=f"Dit netwerk heeft geen deelnemer met id {data.deelnemer_id}.",
                )
            ]
        )
    if bijeenkomst.status == BijeenkomstStatus.GEANNULEERD:
        raise Conflict("Deze bijeenkomst ging niet door; er is niets te evalueren.")
    if bijeenkomst.start > utcnow():
        raise Conflict("Deze bijeenkomst is nog niet begonnen; evalueer haar na afloop.")
    bestaand = session.exec(
        select(Evaluatie.id).where(
            Evaluatie.bijeenkomst_id == bijeenkomst.id,
            Evaluatie.deelnemer_id == data.deelnemer_id,
        )
    ).first()
    if bestaand is not None:
        raise Conflict(
            "Deze deelnemer heeft deze bijeenkomst al geëvalueerd; wijzig die evaluatie (PATCH).",
            extra={"evaluatieId": str(bestaand)},
        )
    evaluatie = Evaluatie(
        netwerk_id=bijeenkomst.netwerk_id, bijeenkomst_id=bijeenkomst.id, **data.velden()
    )
    session.add(evaluatie)
    session.flush()
    return evaluatie


def wijzig(evaluatie: Evaluatie, data: EvaluatieWijziging, *, session: Session) -> Evaluatie:
    """Apply a partial change."""
    apply_changes(evaluatie, data.velden(alleen_gezet=True), required=("leerwaarde", "plezier"))
    session.add(evaluatie)
    session.flush()
    return evaluatie


def laad(
    bijeenkomst: Bijeenkomst, evaluatie_id: uuid.UUID, *, session: Session, for_update: bool = False
) -> Evaluatie:
    """The evaluation of this bijeenkomst, or 404."""
    evaluatie = get_in_netwerk_or_404(
        session,
        Evaluatie,
        evaluatie_id,
        netwerk_id=bijeenkomst.netwerk_id,
        naam="evaluatie",
        for_update=for_update,
    )
    if evaluatie.bijeenkomst_id != bijeenkomst.id:
        raise NotFound(f"Deze bijeenkomst heeft geen evaluatie met id {evaluatie_id}.")
    return evaluatie


def zichtbaar_voor(aanroeper: Aanroeper, netwerk: Netwerk) -> Any:
    """SQL condition: the individual evaluations this caller may read."""
    if aanroeper.trekt(netwerk.id):
        return col(Evaluatie.id).is_not(None)
    lid = aanroeper.lidmaatschappen.get(netwerk.id)
    if lid is None:
        return false()
    return col(Evaluatie.deelnemer_id) == lid.deelnemer_id


def samenvattingen(
    bijeenkomst_ids: Sequence[uuid.UUID], *, session: Session
) -> dict[uuid.UUID, Samenvatting]:
    """Count and averages per bijeenkomst, in one statement; bijeenkomsten without any get 0."""
    resultaat = {
        bijeenkomst_id: Samenvatting(aantal=0, gemiddelde_leerwaarde=None, gemiddeld_plezier=None)
        for bijeenkomst_id in bijeenkomst_ids
    }
    for bijeenkomst_id, aantal, leerwaarde, plezier in session.exec(
        select(
            Evaluatie.bijeenkomst_id,
            func.count(),
            func.avg(Evaluatie.leerwaarde),
            func.avg(Evaluatie.plezier),
        )
        .where(col(Evaluatie.bijeenkomst_id).in_(bijeenkomst_ids))
        .group_by(col(Evaluatie.bijeenkomst_id))
    ).all():
        resultaat[bijeenkomst_id] = Samenvatting(
            aantal=int(aantal),
            gemiddelde_leerwaarde=_gemiddelde(leerwaarde),
            gemiddeld_plezier=_gemiddelde(plezier),
        )
    return resultaat


def trend(netwerk: Netwerk, *, session: Session) -> EvaluatieTrend:
    """Per bijeenkomst that took place (begun, not cancelled): the averages, by date."""
    rijen = session.exec(
        select(
            Bijeenkomst,
            func.count(col(Evaluatie.id)),
            func.avg(Evaluatie.leerwaarde),
            func.avg(Evaluatie.plezier),
        )
        .outerjoin(
            Evaluatie,
            and_(
                col(Evaluatie.bijeenkomst_id) == col(Bijeenkomst.id),
                col(Evaluatie.netwerk_id) == col(Bijeenkomst.netwerk_id),
            ),
        )
        .where(
            Bijeenkomst.netwerk_id == netwerk.id,
            Bijeenkomst.status != BijeenkomstStatus.GEANNULEERD,
            col(Bijeenkomst.start) <= utcnow(),
        )
        # Grouping by the primary key lets every column of the bijeenkomst be selected.
        .group_by(col(Bijeenkomst.id))
        .order_by(col(Bijeenkomst.start), col(Bijeenkomst.volgnummer))
    ).all()
    return EvaluatieTrend(
        netwerk_id=netwerk.id,
        bijeenkomsten=[
            TrendPunt(
                bijeenkomst_id=bijeenkomst.id,
                volgnummer=bijeenkomst.volgnummer,
                titel=bijeenkomst.titel,
                start=bijeenkomst.start,
                aantal=int(aantal),
                gemiddelde_leerwaarde=_gemiddelde(leerwaarde),
                gemiddeld_plezier=_gemiddelde(plezier),
            )
            for bijeenkomst, aantal, leerwaarde, plezier in rijen
        ],
    )
