"""HTTP endpoints of werkgroepjes: form one session's groups, or plan all coming sessions."""

import uuid

from fastapi import APIRouter

from app.bijeenkomsten.router import BijeenkomstDep
from app.common import responses
from app.db import SessionDep
from app.errors import NotFound
from app.groepen import Groepsindeling as Indelingresultaat
from app.groepen import Kwaliteit as KwaliteitResultaat
from app.groepen import schemas, service
from app.netwerken.router import NetwerkDep

router = APIRouter(prefix="/netwerken/{netwerkId}", tags=["Werkgroepjes"])

_UITLEG = (
    "Prioriteiten, in deze volgorde: groepen verschillen hoogstens één in grootte; geen "
    "collega's van één organisatie samen waar dat kan; in elke groep de gevraagde rollen "
    "(standaard een beslisser en een jonge hond) waar de mensen er zijn; zo min mogelijk "
    "mensen die elkaar al eerder troffen in dit netwerk. Het antwoord zegt hoe goed de "
    "indeling is en wat de ondergrens is."
)


def _kwaliteit(kwaliteit: KwaliteitResultaat) -> schemas.Kwaliteit:
    return schemas.Kwaliteit(
        score=schemas.Score(**kwaliteit.score._asdict()),
        ondergrens=schemas.Score(**kwaliteit.ondergrens._asdict()),
        optimaal=kwaliteit.optimaal,
        herhalingen=[
            schemas.Herhaling(deelnemer_ids=[uuid.UUID(i) for i in h.deelnemers], keer=h.keer)
            for h in kwaliteit.herhalingen
        ],
    )


def _indeling(
    bijeenkomst_id: uuid.UUID, resultaat: Indelingresultaat, *, bron: str, seed: int
) -> schemas.Groepsindeling:
    return schemas.Groepsindeling(
        bijeenkomst_id=bijeenkomst_id,
        bron=bron,
        seed=seed,
        groepen=[
            schemas.Groep(
                deelnemer_ids=[uuid.UUID(i) for i in groep.leden],
                rollen_aanwezig=list(groep.rollen_aanwezig),
                rollen_ontbrekend=list(groep.rollen_ontbrekend),
            )
            for groep in resultaat.groepen
        ],
        kwaliteit=_kwaliteit(resultaat.kwaliteit),
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
    return _indeling(bijeenkomst.id, resultaat, bron="dag", seed=verzoek.seed)


@router.get(
    "/bijeenkomsten/{bijeenkomstId}/groepsindeling",
    summary="Groepjes van een bijeenkomst",
    description="De opgeslagen groepjes van deze bijeenkomst (gepland of op de dag gevormd).",
    responses=responses.LEES,
)
def lees(bijeenkomst: BijeenkomstDep, session: SessionDep) -> list[list[uuid.UUID]]:
    rij = service.lees(bijeenkomst, session=session)
    if rij is None:
        raise NotFound("Voor deze bijeenkomst zijn nog geen groepjes gevormd.")
    return [[uuid.UUID(i) for i in groep] for groep in rij.groepen]


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
    return schemas.Groepsplanning(
        bijeenkomsten=[
            _indeling(b.id, resultaat, bron="plan", seed=verzoek.seed)
            for b, resultaat in zip(komend, planning.bijeenkomsten, strict=True)
        ],
        kwaliteit=_kwaliteit(planning.kwaliteit),
        constructie=planning.constructie,
    )
