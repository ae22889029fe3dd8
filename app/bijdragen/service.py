"""Bijdragen of a bijeenkomst, replaced as a whole; host contacts work at the host."""

import uuid

from sqlmodel import Session, col, select

from app.bijdragen.schemas import Bijdrage as BijdrageSchema
from app.bijdragen.schemas import Bijdragen, BijdragenInvoer
from app.errors import InvalidInput, InvalidParam
from app.models import Bijdrage, Bijeenkomst, Deelnemer, Persoon
from app.models.enums import BijdrageSoort


def _problemen(
    bijeenkomst: Bijeenkomst, data: BijdragenInvoer, *, session: Session
) -> list[InvalidParam]:
    ids = {b.deelnemer_id for b in data.bijdragen}
    organisatie_van = dict(
        session.exec(
            select(Deelnemer.id, Persoon.organisatie_id)
            .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
            .where(Deelnemer.netwerk_id == bijeenkomst.netwerk_id, col(Deelnemer.id).in_(ids))
        ).all()
    )
    problemen: list[InvalidParam] = []
    gezien: set[tuple[uuid.UUID, BijdrageSoort]] = set()
    for index, bijdrage in enumerate(data.bijdragen):
        naam = f"bijdragen.{index}.deelnemerId"
        sleutel = (bijdrage.deelnemer_id, bijdrage.soort)
        if bijdrage.deelnemer_id not in organisatie_van:
            problemen.append(
                InvalidParam(
                    name=naam,
                    code="geen-deelnemer",
                    reason=f"Dit netwerk heeft geen deelnemer met id {bijdrage.deelnemer_id}.",
                )
            )
        elif sleutel in gezien:
            problemen.append(
                InvalidParam(
                    name=naam, code="dubbel", reason="Deze bijdrage staat al eerder in de lijst."
                )
            )
        elif bijdrage.soort == BijdrageSoort.GASTHEER:
            if bijeenkomst.gastorganisatie_id is None:
                problemen.append(
                    InvalidParam(
                        name=f"bijdragen.{index}.soort",
                        code="geen-gastorganisatie",
                        reason="Deze bijeenkomst heeft nog geen gastorganisatie; wijs die eerst "
                        "aan.",
                    )
                )
            elif organisatie_van[bijdrage.deelnemer_id] != bijeenkomst.gastorganisatie_id:
                problemen.append(
                    InvalidParam(
                        name=naam,
                        code="niet-van-gastorganisatie",
                        reason="Een contactpersoon van de gastheer werkt bij de gastorganisatie.",
                    )
                )
        gezien.add(sleutel)
    return problemen


def vervang(bijeenkomst: Bijeenkomst, data: BijdragenInvoer, *, session: Session) -> Bijdragen:
    """Replace all bijdragen of the bijeenkomst by these."""
    problemen = _problemen(bijeenkomst, data, session=session)
    if problemen:
        raise InvalidInput(problemen)
    bestaand = {
        (rij.deelnemer_id, BijdrageSoort(rij.soort)): rij
        for rij in session.exec(
            select(Bijdrage).where(Bijdrage.bijeenkomst_id == bijeenkomst.id)
        ).all()
    }
    gewenst = {(b.deelnemer_id, b.soort) for b in data.bijdragen}
    for sleutel, rij in bestaand.items():
        if sleutel not in gewenst:
            session.delete(rij)
    for deelnemer_id, soort in gewenst - set(bestaand):
        session.add(
            Bijdrage(
                netwerk_id=bijeenkomst.netwerk_id,
                bijeenkomst_id=bijeenkomst.id,
                deelnemer_id=deelnemer_id,
                soort=soort,
            )
        )
    session.flush()
    return lijst(bijeenkomst, session=session)


def vervallen_gastheren(bijeenkomst: Bijeenkomst, *, session: Session) -> None:
    """After a change of host: drop host contacts who do not work at the new host."""
    contacten = session.exec(
        select(Bijdrage, Persoon.organisatie_id)
        .join(Deelnemer, col(Deelnemer.id) == col(Bijdrage.deelnemer_id))
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .where(Bijdrage.bijeenkomst_id == bijeenkomst.id, Bijdrage.soort == BijdrageSoort.GASTHEER)
    ).all()
    for bijdrage, organisatie_id in contacten:
        if organisatie_id != bijeenkomst.gastorganisatie_id:
            session.delete(bijdrage)
    session.flush()


def lijst(bijeenkomst: Bijeenkomst, *, session: Session) -> Bijdragen:
    """The bijdragen with names, in one statement."""
    rijen = session.exec(
        select(Bijdrage.deelnemer_id, Bijdrage.soort, Persoon.naam, Persoon.organisatie_id)
        .join(Deelnemer, col(Deelnemer.id) == col(Bijdrage.deelnemer_id))
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .where(Bijdrage.bijeenkomst_id == bijeenkomst.id)
        .order_by(col(Bijdrage.soort), col(Persoon.naam), col(Bijdrage.deelnemer_id))
    ).all()
    return Bijdragen(
        bijeenkomst_id=bijeenkomst.id,
        gastorganisatie_id=bijeenkomst.gastorganisatie_id,
        bijdragen=[
            BijdrageSchema(deelnemer_id=d, soort=s, naam=n, organisatie_id=o)
            for d, s, n, o in rijen
        ],
    )
