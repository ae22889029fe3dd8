"""Aanmeldingen: a deelnemer's answer, a colleague as vervanger, and the waiting list."""

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.aanmeldingen import wachtlijst
from app.aanmeldingen.schemas import Aanmelding as AanmeldingSchema
from app.aanmeldingen.schemas import AanmeldingInvoer, Telling
from app.common.service import get_in_netwerk_or_404
from app.errors import Conflict, InvalidInput, InvalidParam, NotFound
from app.models import Aanmelding, Bijeenkomst, Deelnemer, Persoon, utcnow
from app.models.enums import AanmeldAntwoord, BijeenkomstStatus, DeelnemerStatus

SORTEERBAAR: dict[str, Any] = {
    "antwoord": col(Aanmelding.antwoord),
    "wachtlijst": col(Aanmelding.wachtlijst),
    "gewijzigdOp": col(Aanmelding.gewijzigd_op),
    "aangemaaktOp": col(Aanmelding.aangemaakt_op),
}
AFGESLOTEN = {
    BijeenkomstStatus.GEANNULEERD: "gaat niet door",
    BijeenkomstStatus.GEHOUDEN: "is al gehouden",
}


def deelnemer_van(
    bijeenkomst: Bijeenkomst, deelnemer_id: uuid.UUID, *, session: Session
) -> Deelnemer:
    """The deelnemer in the path, of the bijeenkomst's netwerk, or 404."""
    return get_in_netwerk_or_404(
        session, Deelnemer, deelnemer_id, netwerk_id=bijeenkomst.netwerk_id, naam="deelnemer"
    )


def laad(
    bijeenkomst: Bijeenkomst, deelnemer_id: uuid.UUID, *, session: Session, for_update: bool = False
) -> Aanmelding | None:
    """The deelnemer's aanmelding for this bijeenkomst, if they answered."""
    statement = select(Aanmelding).where(
        Aanmelding.bijeenkomst_id == bijeenkomst.id, Aanmelding.deelnemer_id == deelnemer_id
    )
    if for_update:
        statement = statement.with_for_update()
    return session.exec(statement).first()


def laad_of_404(
    bijeenkomst: Bijeenkomst, deelnemer_id: uuid.UUID, *, session: Session
) -> Aanmelding:
    """The deelnemer's aanmelding, or 404 when they have not answered yet."""
    aanmelding = laad(bijeenkomst, deelnemer_id, session=session)
    if aanmelding is None:
        raise NotFound(f"Deelnemer {deelnemer_id} heeft nog niet gereageerd op deze bijeenkomst.")
    return aanmelding


def _vervanger_problemen(
    deelnemer: Deelnemer, data: AanmeldingInvoer, *, session: Session
) -> list[InvalidParam]:
    if data.vervanger_persoon_id is None:
        return []

    def probleem(code: str, reden: str) -> list[InvalidParam]:
        return [InvalidParam(name="vervangerPersoonId", code=code, reason=reden)]

    if data.antwoord != AanmeldAntwoord.JA:
        return probleem(
            "alleen-bij-ja",
            "Een vervanger komt in jouw plaats: antwoord dan `ja` (de plaats is bezet).",
        )
    personen = {
        p.id: p
        for p in session.exec(
            select(Persoon).where(
                col(Persoon.id).in_([deelnemer.persoon_id, data.vervanger_persoon_id])
            )
        ).all()
    }
    vervanger = personen.get(data.vervanger_persoon_id)
    if vervanger is None:
        return probleem("bestaat-niet", f"Er is geen persoon met id {data.vervanger_persoon_id}.")
    if vervanger.id == deelnemer.persoon_id:
        return probleem("zelf", "Je kunt niet je eigen vervanger zijn.")
    if vervanger.organisatie_id != personen[deelnemer.persoon_id].organisatie_id:
        return probleem(
            "andere-organisatie", "Een vervanger is een collega van dezelfde organisatie."
        )
    al_deelnemer = session.exec(
        select(Deelnemer.id).where(
            Deelnemer.netwerk_id == deelnemer.netwerk_id, Deelnemer.persoon_id == vervanger.id
        )
    ).first()
    if al_deelnemer is not None:
        return probleem(
            "al-deelnemer",
            f"{vervanger.naam} is zelf deelnemer van dit netwerk en meldt zich zelf aan.",
        )
    return []


def beantwoord(
    bijeenkomst: Bijeenkomst, deelnemer: Deelnemer, data: AanmeldingInvoer, *, session: Session
) -> tuple[Aanmelding, bool]:
    """Record the answer; returns the aanmelding and whether it is new.

    A "ja" gets a place while there is one and waits otherwise; a place that frees goes to the
    longest waiting. Sending the same answer again changes nothing (and keeps a waiting place).
    """
    if bijeenkomst.status in AFGESLOTEN:
        raise Conflict(f"Deze bijeenkomst {AFGESLOTEN[BijeenkomstStatus(bijeenkomst.status)]}.")
    if deelnemer.status == DeelnemerStatus.VERTROKKEN:
        raise Conflict("Deze deelnemer heeft het netwerk verlaten.")
    problemen = _vervanger_problemen(deelnemer, data, session=session)
    if problemen:
        raise InvalidInput(problemen)
    aanmelding = laad(bijeenkomst, deelnemer.id, session=session, for_update=True)
    nieuw = aanmelding is None
    if aanmelding is None:
        aanmelding = Aanmelding(
            netwerk_id=bijeenkomst.netwerk_id,
            bijeenkomst_id=bijeenkomst.id,
            deelnemer_id=deelnemer.id,
            antwoord=data.antwoord,
        )
    velden = data.velden()
    if not nieuw and all(getattr(aanmelding, k) == v for k, v in velden.items()):
        return aanmelding, False
    had_plaats = (
        not nieuw and aanmelding.antwoord == AanmeldAntwoord.JA and not aanmelding.wachtlijst
    )
    wachtte = not nieuw and aanmelding.antwoord == AanmeldAntwoord.JA and aanmelding.wachtlijst
    for naam, waarde in velden.items():
        setattr(aanmelding, naam, waarde)
    if data.antwoord != AanmeldAntwoord.JA:
        aanmelding.wachtlijst = False
        aanmelding.wachtlijst_sinds = None
    elif not (had_plaats or wachtte):
        aanmelding.wachtlijst = wachtlijst.moet_wachten(bijeenkomst, aanmelding, session=session)
        aanmelding.wachtlijst_sinds = utcnow() if aanmelding.wachtlijst else None
    session.add(aanmelding)
    session.flush()
    if had_plaats and data.antwoord != AanmeldAntwoord.JA:
        wachtlijst.schuif_door(bijeenkomst, session=session)
    return aanmelding, nieuw


def als_schema(
    aanmelding: Aanmelding, posities: dict[uuid.UUID, int] | None = None, *, session: Session
) -> AanmeldingSchema:
    """The API shape, with the place on the waiting list."""
    if aanmelding.wachtlijst and posities is None:
        posities = wachtlijst.posities(aanmelding.bijeenkomst_id, session=session)
    schema = AanmeldingSchema.model_validate(aanmelding)
    if aanmelding.wachtlijst and posities is not None:
        schema.wachtlijstpositie = posities.get(aanmelding.id)
    return schema


def als_schemas(
    bijeenkomst: Bijeenkomst, rijen: Sequence[Aanmelding], *, session: Session
) -> list[AanmeldingSchema]:
    """A page of aanmeldingen with their waiting places, in one extra statement."""
    posities = wachtlijst.posities(bijeenkomst.id, session=session)
    return [als_schema(r, posities, session=session) for r in rijen]


def telling(bijeenkomst: Bijeenkomst, *, session: Session) -> Telling:
    """The answers of the whole bijeenkomst counted, in one statement."""
    rijen = session.exec(
        select(Aanmelding.antwoord, Aanmelding.wachtlijst, func.count())
        .where(Aanmelding.bijeenkomst_id == bijeenkomst.id)
        .group_by(col(Aanmelding.antwoord), col(Aanmelding.wachtlijst))
    ).all()
    aantallen = {(AanmeldAntwoord(a), bool(w)): int(n) for a, w, n in rijen}
    ja = aantallen.get((AanmeldAntwoord.JA, False), 0)
    capaciteit = bijeenkomst.capaciteit
    return Telling(
        ja=ja,
        wachtlijst=aantallen.get((AanmeldAntwoord.JA, True), 0),
        misschien=sum(n for (a, _), n in aantallen.items() if a == AanmeldAntwoord.MISSCHIEN),
        nee=sum(n for (a, _), n in aantallen.items() if a == AanmeldAntwoord.NEE),
        capaciteit=capaciteit,
        vrije_plaatsen=None if capaciteit is None else max(0, capaciteit - ja),
    )
