"""The attendance register of a bijeenkomst, replaced as a whole."""

import uuid
from collections import Counter
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.aanwezigheid.schemas import (
    Aanwezigheid as AanwezigheidSchema,
)
from app.aanwezigheid.schemas import (
    AanwezigheidInvoer,
    AanwezigheidTelling,
    Registratie,
)
from app.bijeenkomsten import service as bijeenkomsten_service
from app.bijeenkomsten.ritme import TIJDZONE
from app.bijeenkomsten.schemas import BijeenkomstWijziging
from app.errors import Conflict, InvalidInput, InvalidParam
from app.models import Aanwezigheid, Bijeenkomst, Deelnemer, utcnow
from app.models.enums import AanwezigheidStatus, BijeenkomstStatus

NEDERLAND = ZoneInfo(TIJDZONE)


def _rijen(bijeenkomst: Bijeenkomst, *, session: Session) -> list[Aanwezigheid]:
    return list(
        session.exec(
            select(Aanwezigheid)
            .where(Aanwezigheid.bijeenkomst_id == bijeenkomst.id)
            .order_by(col(Aanwezigheid.deelnemer_id))
        ).all()
    )


def _problemen(
    bijeenkomst: Bijeenkomst, data: AanwezigheidInvoer, *, session: Session
) -> list[InvalidParam]:
    gevraagd = [r.deelnemer_id for r in data.registraties]
    bekend = set(
        session.exec(
            select(Deelnemer.id).where(
                Deelnemer.netwerk_id == bijeenkomst.netwerk_id,
                col(Deelnemer.id).in_(set(gevraagd)),
            )
        ).all()
    )
    problemen: list[InvalidParam] = []
    gezien: set[uuid.UUID] = set()
    for index, deelnemer_id in enumerate(gevraagd):
        naam = f"registraties.{index}.deelnemerId"
        if deelnemer_id not in bekend:
            problemen.append(
                InvalidParam(
                    name=naam,
                    code="geen-deelnemer",
                    reason=f"Dit netwerk heeft geen deelnemer met id {deelnemer_id}.",
                )
            )
        elif deelnemer_id in gezien:
            problemen.append(
                InvalidParam(
                    name=naam, code="dubbel", reason="Deze deelnemer staat al eerder in de lijst."
                )
            )
        gezien.add(deelnemer_id)
    return problemen


def registreer(
    bijeenkomst: Bijeenkomst, data: AanwezigheidInvoer, *, session: Session
) -> list[Aanwezigheid]:
    """Replace the register: listed deelnemers get their status, unlisted ones none.

    A register says the bijeenkomst took place: one still `gepland` or `bevestigd` becomes
    `gehouden`, so that the spelregels count it (absences, opvolgingen). A bijeenkomst that has
    not begun has no register yet.
    """
    if bijeenkomst.status == BijeenkomstStatus.GEANNULEERD:
        raise Conflict("Deze bijeenkomst gaat niet door; er is geen aanwezigheid te registreren.")
    if bijeenkomst.start.astimezone(NEDERLAND).date() > utcnow().astimezone(NEDERLAND).date():
        # From the morning of the day on: a host notes who came in at the door.
        raise Conflict(
            "Deze bijeenkomst is pas op een latere dag; leg de aanwezigheid vast op de dag zelf "
            "of daarna. Wie zich afmeldt, zet zijn aanmelding op `nee`."
        )
    problemen = _problemen(bijeenkomst, data, session=session)
    if problemen:
        raise InvalidInput(problemen)
    if bijeenkomst.status != BijeenkomstStatus.GEHOUDEN:
        bijeenkomsten_service.wijzig(
            bijeenkomst, BijeenkomstWijziging(status=BijeenkomstStatus.GEHOUDEN), session=session
        )
    bestaand = {rij.deelnemer_id: rij for rij in _rijen(bijeenkomst, session=session)}
    gewenst = {r.deelnemer_id: r.status for r in data.registraties}
    for deelnemer_id, oud in bestaand.items():
        if deelnemer_id not in gewenst:
            session.delete(oud)
    for deelnemer_id, status in gewenst.items():
        rij = bestaand.get(deelnemer_id)
        if rij is None:
            session.add(
                Aanwezigheid(
                    netwerk_id=bijeenkomst.netwerk_id,
                    bijeenkomst_id=bijeenkomst.id,
                    deelnemer_id=deelnemer_id,
                    status=status,
                )
            )
        elif rij.status != status:
            rij.status = status
            session.add(rij)
    session.flush()
    return _rijen(bijeenkomst, session=session)


def lijst(bijeenkomst: Bijeenkomst, *, session: Session) -> list[Aanwezigheid]:
    """The register as stored."""
    return _rijen(bijeenkomst, session=session)


def als_schema(bijeenkomst: Bijeenkomst, rijen: list[Aanwezigheid]) -> AanwezigheidSchema:
    """The register with its counts."""
    aantallen = Counter(AanwezigheidStatus(r.status) for r in rijen)
    return AanwezigheidSchema(
        bijeenkomst_id=bijeenkomst.id,
        bijeenkomst_status=bijeenkomst.status,
        registraties=[Registratie.model_validate(r) for r in rijen],
        telling=AanwezigheidTelling(
            aanwezig=aantallen[AanwezigheidStatus.AANWEZIG],
            afwezig=aantallen[AanwezigheidStatus.AFWEZIG],
            afgemeld=aantallen[AanwezigheidStatus.AFGEMELD],
        ),
    )
