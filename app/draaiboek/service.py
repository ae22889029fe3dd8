"""The draaiboek of a bijeenkomst, gathered in a constant number of statements."""

import uuid
from collections import defaultdict

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.aanmeldingen.schemas import Telling
from app.aanmeldingen.wachtlijst import WACHTVOLGORDE
from app.agenda import service as agenda_service
from app.bijdragen import service as bijdragen_service
from app.bijeenkomsten.schemas import Bijeenkomst as BijeenkomstSchema
from app.draaiboek.schemas import (
    Aanmeldingen,
    AgendaRegel,
    Draaiboek,
    Huiswerk,
    Komt,
    LeervraagKort,
    PraktischeNotities,
    ThemaVragen,
    VorigeBijeenkomst,
)
from app.evaluaties import service as evaluaties_service
from app.models import (
    Aanmelding,
    AgendaOnderdeel,
    Bijeenkomst,
    Deelnemer,
    Leervraag,
    Organisatie,
    Persoon,
)
from app.models.enums import (
    AanmeldAntwoord,
    BijeenkomstStatus,
    LeervraagSoort,
    LeervraagStatus,
    Werkvorm,
)

AANTAL_VORIGE = 3
OPEN = (LeervraagStatus.OPEN, LeervraagStatus.IN_BEHANDELING)


def _vorige(bijeenkomst: Bijeenkomst, *, session: Session) -> list[tuple[Bijeenkomst, str | None]]:
    rijen = session.exec(
        select(Bijeenkomst, Organisatie.naam)
        .outerjoin(Organisatie, col(Organisatie.id) == col(Bijeenkomst.gastorganisatie_id))
        .where(
            Bijeenkomst.netwerk_id == bijeenkomst.netwerk_id,
            col(Bijeenkomst.start) < bijeenkomst.start,
            Bijeenkomst.status != BijeenkomstStatus.GEANNULEERD,
        )
        .order_by(col(Bijeenkomst.start).desc(), col(Bijeenkomst.volgnummer).desc())
        .limit(AANTAL_VORIGE)
    ).all()
    return [(b, naam) for b, naam in rijen]


def _agenda(
    bijeenkomst_ids: list[uuid.UUID], *, session: Session
) -> dict[uuid.UUID, list[AgendaRegel]]:
    onderdelen = session.exec(
        select(AgendaOnderdeel)
        .where(col(AgendaOnderdeel.bijeenkomst_id).in_(bijeenkomst_ids))
        .order_by(*agenda_service.VOLGORDE)
    ).all()
    links = agenda_service.links_van([o.id for o in onderdelen], session=session)
    per_bijeenkomst: dict[uuid.UUID, list[AgendaRegel]] = defaultdict(list)
    for onderdeel in onderdelen:
        per_bijeenkomst[onderdeel.bijeenkomst_id].append(
            AgendaRegel.model_validate(
                {**agenda_service.velden(onderdeel), "leervraag_ids": links.get(onderdeel.id, [])}
            )
        )
    return per_bijeenkomst


def _open_leervragen(bijeenkomst: Bijeenkomst, *, session: Session) -> list[ThemaVragen]:
    rijen = session.exec(
        select(Leervraag, Persoon.naam)
        .join(Deelnemer, col(Deelnemer.id) == col(Leervraag.deelnemer_id))
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .where(Leervraag.netwerk_id == bijeenkomst.netwerk_id, col(Leervraag.status).in_(OPEN))
        .order_by(col(Leervraag.aangemaakt_op), col(Leervraag.id))
    ).all()
    vragen: dict[str | None, list[LeervraagKort]] = defaultdict(list)
    aanbod: dict[str | None, list[LeervraagKort]] = defaultdict(list)
    for leervraag, naam in rijen:
        kort = LeervraagKort(
            id=leervraag.id,
            deelnemer_id=leervraag.deelnemer_id,
            naam=naam,
            tekst=leervraag.tekst,
            status=leervraag.status,
        )
        doel = vragen if leervraag.soort == LeervraagSoort.HALEN else aanbod
        themas: list[str | None] = [*leervraag.themas] or [None]
        for thema in themas:
            doel[thema].append(kort)
    themas = sorted(
        (thema for thema in vragen if thema is not None),
        key=lambda thema: (-len(vragen[thema]), thema),
    )
    if None in vragen:
        themas.append(None)
    return [
        ThemaVragen(
            thema=thema, gevraagd=len(vragen[thema]), vragen=vragen[thema], aanbod=aanbod[thema]
        )
        for thema in themas
    ]


def _aanmeldingen(bijeenkomst: Bijeenkomst, *, session: Session) -> Aanmeldingen:
    vervanger = aliased(Persoon)
    rijen = session.exec(
        select(Aanmelding, Persoon.naam, Organisatie.naam, vervanger.naam)
        .join(Deelnemer, col(Deelnemer.id) == col(Aanmelding.deelnemer_id))
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .join(Organisatie, col(Organisatie.id) == col(Persoon.organisatie_id))
        .outerjoin(vervanger, col(vervanger.id) == col(Aanmelding.vervanger_persoon_id))
        .where(Aanmelding.bijeenkomst_id == bijeenkomst.id)
        .order_by(*WACHTVOLGORDE)
    ).all()
    komen: list[Komt] = []
    wachtlijst: list[Komt] = []
    misschien: list[Komt] = []
    nee = 0
    for aanmelding, naam, organisatie, vervanger_naam in rijen:
        regel = Komt(
            deelnemer_id=aanmelding.deelnemer_id,
            naam=naam,
            organisatie=organisatie,
            vervanger=vervanger_naam,
            opmerking=aanmelding.opmerking,
        )
        if aanmelding.antwoord == AanmeldAntwoord.JA:
            (wachtlijst if aanmelding.wachtlijst else komen).append(regel)
        elif aanmelding.antwoord == AanmeldAntwoord.MISSCHIEN:
            misschien.append(regel)
        else:
            nee += 1
    komen.sort(key=lambda k: (k.organisatie, k.naam))
    misschien.sort(key=lambda k: (k.organisatie, k.naam))
    capaciteit = bijeenkomst.capaciteit
    return Aanmeldingen(
        telling=Telling(
            ja=len(komen),
            wachtlijst=len(wachtlijst),
            misschien=len(misschien),
            nee=nee,
            capaciteit=capaciteit,
            vrije_plaatsen=None if capaciteit is None else max(0, capaciteit - len(komen)),
        ),
        komen=komen,
        wachtlijst=wachtlijst,
        misschien=misschien,
    )


def draaiboek(bijeenkomst: Bijeenkomst, *, session: Session) -> Draaiboek:
    """Everything the host needs: leervragen, earlier sessions, who comes, homework, notes."""
    gastorganisatie = (
        session.get(Organisatie, bijeenkomst.gastorganisatie_id)
        if bijeenkomst.gastorganisatie_id is not None
        else None
    )
    vorige = _vorige(bijeenkomst, session=session)
    agenda = _agenda([bijeenkomst.id, *(b.id for b, _ in vorige)], session=session)
    evaluaties = evaluaties_service.samenvattingen([b.id for b, _ in vorige], session=session)
    huiswerk = [
        Huiswerk(
            bijeenkomst_id=b.id,
            volgnummer=b.volgnummer,
            titel=regel.titel,
            toelichting=regel.toelichting,
        )
        for b in [bijeenkomst, *(b for b, _ in vorige[:1])]
        for regel in agenda.get(b.id, [])
        if regel.werkvorm == Werkvorm.HUISWERK
    ]
    notities = next(
        (
            PraktischeNotities(
                bijeenkomst_id=b.id,
                volgnummer=b.volgnummer,
                gastorganisatie=naam,
                tekst=b.praktische_info,
            )
            for b, naam in vorige
            if b.praktische_info
        ),
        None,
    )
    return Draaiboek(
        bijeenkomst=BijeenkomstSchema.model_validate(bijeenkomst),
        gastorganisatie=gastorganisatie.naam if gastorganisatie else None,
        bijdragen=bijdragen_service.lijst(bijeenkomst, session=session).bijdragen,
        agenda=agenda.get(bijeenkomst.id, []),
        open_leervragen=_open_leervragen(bijeenkomst, session=session),
        vorige_bijeenkomsten=[
            VorigeBijeenkomst(
                id=b.id,
                volgnummer=b.volgnummer,
                titel=b.titel,
                start=b.start,
                gastorganisatie=naam,
                agenda=agenda.get(b.id, []),
                evaluatie=evaluaties[b.id],
            )
            for b, naam in vorige
        ],
        aanmeldingen=_aanmeldingen(bijeenkomst, session=session),
        huiswerk=huiswerk,
        praktische_info_vorige_gastheer=notities,
    )
