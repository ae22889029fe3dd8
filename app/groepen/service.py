"""Loads who is there and who sat together before, forms the groups, and stores them."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session, col, select

from app.errors import Conflict, InvalidInput, InvalidParam
from app.groepen import (
    Deelnemer,
    GroepsindelingFout,
    Groepsplanning,
    Indeling,
    Opties,
    Regels,
    herschik_groepen,
    plan_groepen,
    vorm_groepen,
)
from app.groepen import Groepsindeling as Indelingresultaat
from app.groepen.schemas import GroepsindelingVerzoek
from app.models import Aanmelding, Aanwezigheid, Bijeenkomst, Groepsindeling, Netwerk, Persoon
from app.models import Deelnemer as DeelnemerRij
from app.models.base import utcnow
from app.models.enums import (
    AanmeldAntwoord,
    AanwezigheidStatus,
    BijeenkomstStatus,
    DeelnemerStatus,
)


@contextmanager
def _als_400() -> Iterator[None]:
    """The group former's validation problems as one 400 listing them all."""
    try:
        yield
    except GroepsindelingFout as fout:
        raise InvalidInput(
            [InvalidParam(name=p.naam, code=p.code, reason=p.reden) for p in fout.problemen]
        ) from fout


def _deelnemers(netwerk: Netwerk, *, session: Session) -> dict[str, Deelnemer]:
    rows = session.exec(
        select(DeelnemerRij, Persoon.organisatie_id)
        .join(Persoon, col(Persoon.id) == col(DeelnemerRij.persoon_id))
        .where(
            DeelnemerRij.netwerk_id == netwerk.id,
            DeelnemerRij.status == DeelnemerStatus.ACTIEF,
        )
    ).all()
    return {str(d.id): Deelnemer(id=str(d.id), organisatie=str(org), rol=d.rol) for d, org in rows}


def _aanwezigen(bijeenkomst: Bijeenkomst, *, session: Session) -> list[str]:
    """Who is there: the attendance list when it exists, otherwise whoever said yes."""
    register = session.exec(
        select(Aanwezigheid.deelnemer_id, Aanwezigheid.status).where(
            Aanwezigheid.bijeenkomst_id == bijeenkomst.id
        )
    ).all()
    if register:
        return [str(d) for d, status in register if status == AanwezigheidStatus.AANWEZIG]
    return [
        str(d)
        for d in session.exec(
            select(Aanmelding.deelnemer_id).where(
                Aanmelding.bijeenkomst_id == bijeenkomst.id,
                Aanmelding.antwoord == AanmeldAntwoord.JA,
                col(Aanmelding.wachtlijst).is_(False),
            )
        ).all()
    ]


def _eerder(netwerk: Netwerk, *, session: Session, behalve: set[uuid.UUID]) -> list[Indeling]:
    """Everyone who sat together in this network's other groups (its whole history)."""
    return [
        tuple(tuple(groep) for groep in rij.groepen)
        for rij in session.exec(
            select(Groepsindeling).where(Groepsindeling.netwerk_id == netwerk.id)
        ).all()
        if rij.bijeenkomst_id not in behalve
    ]


def _regels_en_opties(verzoek: GroepsindelingVerzoek) -> tuple[Regels, Opties]:
    return (
        Regels(organisatie=verzoek.organisatie, rollen=tuple(verzoek.rollen)),
        Opties(
            vaste_paren=tuple((str(a), str(b)) for a, b in verzoek.vaste_paren),
            verboden_paren=tuple((str(a), str(b)) for a, b in verzoek.verboden_paren),
            tijdbudget=verzoek.tijdbudget,
            seed=verzoek.seed,
        ),
    )


def _bewaar(
    netwerk: Netwerk,
    bijeenkomst_id: uuid.UUID,
    resultaat: Indelingresultaat,
    *,
    seed: int,
    bron: str,
    session: Session,
) -> Groepsindeling:
    rij = session.exec(
        select(Groepsindeling).where(Groepsindeling.bijeenkomst_id == bijeenkomst_id)
    ).first() or Groepsindeling(netwerk_id=netwerk.id, bijeenkomst_id=bijeenkomst_id)
    rij.groepen = [list(groep.leden) for groep in resultaat.groepen]
    rij.seed = seed
    rij.bron = bron
    rij.kwaliteit = {"score": list(resultaat.kwaliteit.score)}
    session.add(rij)
    return rij


def vorm(
    netwerk: Netwerk,
    bijeenkomst: Bijeenkomst,
    verzoek: GroepsindelingVerzoek,
    *,
    session: Session,
) -> Indelingresultaat:
    """Form (again) the groups of one bijeenkomst from the people who are there."""
    if bijeenkomst.status == BijeenkomstStatus.GEANNULEERD:
        raise Conflict("Deze bijeenkomst gaat niet door.")
    _controleer_omvang(verzoek)
    leden = _deelnemers(netwerk, session=session)
    aanwezigen = [leden[i] for i in _aanwezigen(bijeenkomst, session=session) if i in leden]
    if len(aanwezigen) < 2:
        raise Conflict(
            "Er zijn (nog) geen twee aanwezigen: registreer de aanmeldingen of de aanwezigheid."
        )
    regels, opties = _regels_en_opties(verzoek)
    eerder = _eerder(netwerk, session=session, behalve={bijeenkomst.id})
    bestaand = lees(bijeenkomst, session=session)
    with _als_400():
        if bestaand is not None and bestaand.bron == "plan":
            # Re-formed on the day: keep as much of the planned groups as who is there allows.
            gepland: Indeling = tuple(tuple(groep) for groep in bestaand.groepen)
            resultaat = herschik_groepen(
                [gepland],
                0,
                aanwezigen,
                groepsgrootte=verzoek.groepsgrootte,
                aantal_groepen=verzoek.aantal_groepen,
                eerder=eerder,
                regels=regels,
                opties=opties,
            )
        else:
            resultaat = vorm_groepen(
                aanwezigen,
                groepsgrootte=verzoek.groepsgrootte,
                aantal_groepen=verzoek.aantal_groepen,
                eerder=eerder,
                regels=regels,
                opties=opties,
            )
    _bewaar(netwerk, bijeenkomst.id, resultaat, seed=verzoek.seed, bron="dag", session=session)
    session.flush()
    return resultaat


def plan(
    netwerk: Netwerk, verzoek: GroepsindelingVerzoek, *, session: Session
) -> tuple[list[Bijeenkomst], Groepsplanning]:
    """Plan the groups of every coming bijeenkomst at once, so that over the term everyone
    meets as many others as possible; who said no is left out of that bijeenkomst."""
    _controleer_omvang(verzoek)
    komend = list(
        session.exec(
            select(Bijeenkomst)
            .where(
                Bijeenkomst.netwerk_id == netwerk.id,
                col(Bijeenkomst.start) > utcnow(),
                Bijeenkomst.status != BijeenkomstStatus.GEANNULEERD,
            )
            .order_by(col(Bijeenkomst.start), col(Bijeenkomst.volgnummer))
        ).all()
    )
    if not komend:
        raise Conflict("Er zijn geen komende bijeenkomsten om groepjes voor te plannen.")
    leden = _deelnemers(netwerk, session=session)
    afmeldingen: dict[uuid.UUID, set[str]] = {b.id: set() for b in komend}
    for bijeenkomst_id, deelnemer_id in session.exec(
        select(Aanmelding.bijeenkomst_id, Aanmelding.deelnemer_id).where(
            col(Aanmelding.bijeenkomst_id).in_(list(afmeldingen)),
            Aanmelding.antwoord == AanmeldAntwoord.NEE,
        )
    ).all():
        if str(deelnemer_id) in leden:
            afmeldingen[bijeenkomst_id].add(str(deelnemer_id))
    regels, opties = _regels_en_opties(verzoek)
    with _als_400():
        planning = plan_groepen(
            list(leden.values()),
            len(komend),
            afwezig=[afmeldingen[b.id] for b in komend],
            groepsgrootte=verzoek.groepsgrootte,
            aantal_groepen=verzoek.aantal_groepen,
            eerder=_eerder(netwerk, session=session, behalve={b.id for b in komend}),
            regels=regels,
            opties=opties,
        )
    for bijeenkomst, resultaat in zip(komend, planning.bijeenkomsten, strict=True):
        _bewaar(netwerk, bijeenkomst.id, resultaat, seed=verzoek.seed, bron="plan", session=session)
    session.flush()
    return komend, planning


def _controleer_omvang(verzoek: GroepsindelingVerzoek) -> None:
    problemen = []
    if (verzoek.groepsgrootte is None) == (verzoek.aantal_groepen is None):
        problemen.append(
            InvalidParam(
                name="groepsgrootte",
                code="groepsgrootte-of-aantal",
                reason="Geef óf een groepsgrootte óf een aantal groepen.",
            )
        )
    if verzoek.groepsgrootte == 1:
        problemen.append(
            InvalidParam(
                name="groepsgrootte",
                code="groep-van-een",
                reason="Een groepje van één is geen groepje: kies minstens 2.",
            )
        )
    if problemen:
        raise InvalidInput(problemen)


def lees(bijeenkomst: Bijeenkomst, *, session: Session) -> Groepsindeling | None:
    """The stored groups of a bijeenkomst, if any."""
    return session.exec(
        select(Groepsindeling).where(Groepsindeling.bijeenkomst_id == bijeenkomst.id)
    ).first()
