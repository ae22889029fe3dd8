"""HTTP endpoints of werkgroepjes: form one session's groups, or plan all coming sessions."""

import uuid
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlmodel import Session, col

from app.bijeenkomsten.router import BijeenkomstDep
from app.common import responses
from app.common.router import Router
from app.db import SessionDep
from app.errors import NotFound
from app.groepen import Groepsindeling as Indelingresultaat
from app.groepen import Kwaliteit as KwaliteitResultaat
from app.groepen import schemas, service
from app.leervragen.schemas import DeelnemerKort, OrganisatieKort
from app.models import Deelnemer, Netwerk, Organisatie, Persoon
from app.netwerken.router import NetwerkDep

Leden = Mapping[str, DeelnemerKort]

router = Router(prefix="/netwerken/{netwerkId}", tags=["Werkgroepjes"])

_UITLEG = (
    "Prioriteiten, in deze volgorde: groepen verschillen hoogstens één in grootte; geen "
    "collega's van één organisatie samen waar dat kan; in elke groep de gevraagde rollen "
    "(standaard een beslisser en een jonge hond) waar de mensen er zijn; zo min mogelijk "
    "mensen die elkaar al eerder troffen in dit netwerk. Het antwoord zegt hoe goed de "
    "indeling is en wat de ondergrens is."
)


def _leden(netwerk: Netwerk, ids: Iterable[str], *, session: Session) -> dict[str, DeelnemerKort]:
    """Name, role and organisation of these deelnemers of `netwerk`, in one statement."""
    gevraagd = {uuid.UUID(i) for i in ids}
    if not gevraagd:
        return {}
    rijen = session.execute(
        select(
            col(Deelnemer.id), col(Deelnemer.persoon_id), col(Persoon.naam), col(Deelnemer.rol),
            col(Organisatie.id), col(Organisatie.naam),
        )
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .join(Organisatie, col(Organisatie.id) == col(Persoon.organisatie_id))
        .where(col(Deelnemer.netwerk_id) == netwerk.id, col(Deelnemer.id).in_(gevraagd))
    ).all()  # fmt: skip
    return {
        str(deelnemer_id): DeelnemerKort(
            id=deelnemer_id,
            persoon_id=persoon_id,
            naam=naam,
            rol=rol,
            organisatie=OrganisatieKort(id=organisatie_id, naam=organisatie_naam),
        )
        for deelnemer_id, persoon_id, naam, rol, organisatie_id, organisatie_naam in rijen
    }


def _genoemd(ids: Iterable[str], leden: Leden) -> list[DeelnemerKort]:
    return [leden[i] for i in ids if i in leden]


def _kwaliteit(kwaliteit: KwaliteitResultaat, leden: Leden) -> schemas.Kwaliteit:
    return schemas.Kwaliteit(
        score=schemas.Score(**kwaliteit.score._asdict()),
        ondergrens=schemas.Score(**kwaliteit.ondergrens._asdict()),
        optimaal=kwaliteit.optimaal,
        herhalingen=[
            schemas.Herhaling(
                deelnemer_ids=[uuid.UUID(i) for i in h.deelnemers],
                leden=_genoemd(h.deelnemers, leden),
                keer=h.keer,
            )
            for h in kwaliteit.herhalingen
        ],
    )


def _ids(*resultaten: Indelingresultaat) -> set[str]:
    """Everyone an answer mentions: the groups' members (repeated pairs are among them)."""
    return {i for resultaat in resultaten for groep in resultaat.groepen for i in groep.leden}


def _indeling(
    bijeenkomst_id: uuid.UUID,
    resultaat: Indelingresultaat,
    leden: Leden,
    *,
    bron: str,
    seed: int,
) -> schemas.Groepsindeling:
    return schemas.Groepsindeling(
        bijeenkomst_id=bijeenkomst_id,
        bron=bron,
        seed=seed,
        groepen=[
            schemas.Groep(
                deelnemer_ids=[uuid.UUID(i) for i in groep.leden],
                leden=_genoemd(groep.leden, leden),
                rollen_aanwezig=list(groep.rollen_aanwezig),
                rollen_ontbrekend=list(groep.rollen_ontbrekend),
            )
            for groep in resultaat.groepen
        ],
        kwaliteit=_kwaliteit(resultaat.kwaliteit, leden),
        behouden_paren=resultaat.behouden_paren,
        geplande_paren=resultaat.geplande_paren,
    )


@router.post(
    "/bijeenkomsten/{bijeenkomstId}/groepsindeling",
    summary="Groepjes vormen",
    description="Vormt de groepjes van deze bijeenkomst uit wie er is (de presentielijst, of "
    "anders wie zich aanmeldde), met de hele geschiedenis van het netwerk: wie eerder samen "
    "zat, treft liefst iemand nieuw. Vervangt een eerdere indeling van deze bijeenkomst; was "
    "die gepland, dan blijft zoveel mogelijk van de planning staan. " + _UITLEG,
    responses=responses.MAAK_ONDER,
)
def vorm(
    netwerk: NetwerkDep,
    bijeenkomst: BijeenkomstDep,
    verzoek: schemas.GroepsindelingVerzoek,
    session: SessionDep,
) -> schemas.Groepsindeling:
    resultaat = service.vorm(netwerk, bijeenkomst, verzoek, session=session)
    leden = _leden(netwerk, _ids(resultaat), session=session)
    return _indeling(bijeenkomst.id, resultaat, leden, bron="dag", seed=verzoek.seed)


@router.get(
    "/bijeenkomsten/{bijeenkomstId}/groepsindeling",
    summary="Groepjes van een bijeenkomst",
    description="De opgeslagen groepjes van deze bijeenkomst (gepland of op de dag gevormd), "
    "met naam, rol en organisatie van wie erin zit.",
    responses=responses.LEES,
)
def lees(
    netwerk: NetwerkDep, bijeenkomst: BijeenkomstDep, session: SessionDep
) -> schemas.OpgeslagenGroepsindeling:
    rij = service.lees(bijeenkomst, session=session)
    if rij is None:
        raise NotFound("Voor deze bijeenkomst zijn nog geen groepjes gevormd.")
    leden = _leden(netwerk, (i for groep in rij.groepen for i in groep), session=session)
    return schemas.OpgeslagenGroepsindeling(
        bijeenkomst_id=bijeenkomst.id,
        bron=rij.bron,
        seed=rij.seed,
        groepen=[
            schemas.Groepsleden(
                deelnemer_ids=[uuid.UUID(i) for i in groep], leden=_genoemd(groep, leden)
            )
            for groep in rij.groepen
        ],
    )


@router.post(
    "/groepsplanning",
    summary="Groepjes plannen voor alle komende bijeenkomsten",
    description="Plant de groepjes van alle komende bijeenkomsten tegelijk, zodat over de "
    "looptijd iedereen zoveel mogelijk anderen treft; wie zich afmeldde, zit die keer niet in "
    "een groep. Op de dag kun je een bijeenkomst opnieuw indelen als er mensen ontbreken. "
    + _UITLEG,
    responses=responses.ACTIE,
)
def plan(
    netwerk: NetwerkDep, verzoek: schemas.GroepsindelingVerzoek, session: SessionDep
) -> schemas.Groepsplanning:
    komend, planning = service.plan(netwerk, verzoek, session=session)
    leden = _leden(netwerk, _ids(*planning.bijeenkomsten), session=session)
    return schemas.Groepsplanning(
        bijeenkomsten=[
            _indeling(b.id, resultaat, leden, bron="plan", seed=verzoek.seed)
            for b, resultaat in zip(komend, planning.bijeenkomsten, strict=True)
        ],
        kwaliteit=_kwaliteit(planning.kwaliteit, leden),
        constructie=planning.constructie,
    )
