"""Find who can help, through the database: load a network's leervragen once, match in memory.

The matcher (matching.py) and the agenda grouping (agenda.py) are pure functions; this service
loads what they need — the active leervragen of one or more networks with the rol, persoon and
organisation of their deelnemer, in one joined query whatever the size of the network — and
dresses their answers for the API.
"""

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlmodel import Session, col

from app.auth.aanroeper import Aanroeper
from app.auth.rechten import zichtbare_netwerken
from app.leervragen import schemas
from app.leervragen.agenda import AgendaSuggestie, Brenger, agenda_suggesties
from app.leervragen.matching import ACTIEF_PER_SOORT, Leervraagindex, Match, Vraag
from app.models import Bijeenkomst, Deelnemer, Leervraag, Netwerk, Organisatie, Persoon, utcnow
from app.models.enums import (
    BijeenkomstStatus,
    DeelnemerStatus,
    LeervraagSoort,
    LeervraagStatus,
)

MAX_LIMIET = 50


@dataclass(frozen=True, slots=True)
class Netwerkvragen:
    """The leervragen of one network, indexed, with the deelnemer behind each."""

    netwerk_id: uuid.UUID
    index: Leervraagindex
    deelnemers: dict[uuid.UUID, schemas.DeelnemerKort]

    def leervraag(self, leervraag_id: uuid.UUID) -> schemas.LeervraagBeknopt:
        """A leervraag of the index, short."""
        vraag = self.index.vraag(leervraag_id)
        return schemas.LeervraagBeknopt(
            id=vraag.id,
            deelnemer_id=vraag.deelnemer_id,
            soort=vraag.soort,
            status=vraag.status,
            tekst=vraag.tekst,
        )

    def match(self, leervraag_id: uuid.UUID, match: Match) -> schemas.Match:
        """A match of the matcher as the API answers it."""
        return schemas.Match(
            netwerk_id=self.netwerk_id,
            leervraag_id=leervraag_id,
            deelnemer=self.deelnemers[match.deelnemer_id],
            andere_organisatie=match.andere_organisatie,
            score=match.score,
            passende_leervragen=[self.leervraag(i) for i in match.leervraag_ids],
            gedeelde_themas=list(match.gedeelde_themas),
            gedeelde_woorden=list(match.gedeelde_woorden),
            uitleg=match.uitleg,
        )


def _actief() -> ColumnElement[bool]:
    """Leervragen the matcher weighs: of an active deelnemer, in a status that still counts."""
    return and_(
        col(Deelnemer.status) == DeelnemerStatus.ACTIEF,
        or_(
            *(
                and_(col(Leervraag.soort) == soort, col(Leervraag.status).in_(sorted(statussen)))
                for soort, statussen in ACTIEF_PER_SOORT.items()
            )
        ),
    )


def laad(
    netwerk_ids: Collection[uuid.UUID], *, session: Session, ook: uuid.UUID | None = None
) -> dict[uuid.UUID, Netwerkvragen]:
    """The active leervragen of these networks (and leervraag `ook`, whatever its state),
    indexed per network: one statement, however many networks and leervragen."""
    conditie = _actief() if ook is None else or_(_actief(), col(Leervraag.id) == ook)
    statement = (
        select(
            col(Leervraag.id),
            col(Leervraag.netwerk_id),
            col(Leervraag.deelnemer_id),
            col(Leervraag.soort),
            col(Leervraag.status),
            col(Leervraag.tekst),
            col(Leervraag.themas),
            col(Leervraag.tags),
            col(Deelnemer.rol),
            col(Deelnemer.persoon_id),
            col(Persoon.naam),
            col(Organisatie.id),
            col(Organisatie.naam),
        )
        .join(Deelnemer, col(Deelnemer.id) == col(Leervraag.deelnemer_id))
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .join(Organisatie, col(Organisatie.id) == col(Persoon.organisatie_id))
        .where(col(Leervraag.netwerk_id).in_(list(netwerk_ids)), conditie)
        # The order of the index decides ties; the same data always ranks the same way.
        .order_by(col(Leervraag.aangemaakt_op), col(Leervraag.id))
    )
    vragen: dict[uuid.UUID, list[Vraag]] = {netwerk_id: [] for netwerk_id in netwerk_ids}
    deelnemers: dict[uuid.UUID, dict[uuid.UUID, schemas.DeelnemerKort]] = {
        netwerk_id: {} for netwerk_id in netwerk_ids
    }
    for rij in session.execute(statement).all():
        (id_, netwerk_id, deelnemer_id, soort, status, tekst, themas, tags, rol, persoon_id,
         naam, organisatie_id, organisatie_naam) = rij  # fmt: skip
        vragen[netwerk_id].append(
            Vraag(
                id=id_,
                deelnemer_id=deelnemer_id,
                organisatie_id=organisatie_id,
                rol=rol,
                soort=LeervraagSoort(soort),
                tekst=tekst,
                # Free tags weigh like thema's: both say what a question is about.
                themas=tuple(dict.fromkeys([*(themas or []), *(tags or [])])),
                status=LeervraagStatus(status),
            )
        )
        if deelnemer_id not in deelnemers[netwerk_id]:
            deelnemers[netwerk_id][deelnemer_id] = schemas.DeelnemerKort(
                id=deelnemer_id,
                persoon_id=persoon_id,
                naam=naam,
                rol=rol,
                organisatie=schemas.OrganisatieKort(id=organisatie_id, naam=organisatie_naam),
            )
    return {
        netwerk_id: Netwerkvragen(
            netwerk_id=netwerk_id,
            index=Leervraagindex(vragen[netwerk_id]),
            deelnemers=deelnemers[netwerk_id],
        )
        for netwerk_id in netwerk_ids
    }


def voor_leervraag(leervraag: Leervraag, *, session: Session, limiet: int) -> schemas.Matches:
    """For a halen-vraag who can bring it, for a brengen-vraag who asks for it; ranked."""
    netwerk = laad([leervraag.netwerk_id], session=session, ook=leervraag.id)[leervraag.netwerk_id]
    return schemas.Matches(
        leervraag_id=leervraag.id,
        soort=leervraag.soort,
        results=[
            netwerk.match(leervraag.id, match)
            for match in netwerk.index.matches(leervraag.id, limiet=limiet)
        ],
    )


def voor_persoon(
    persoon: Persoon, aanroeper: Aanroeper, *, session: Session, limiet: int
) -> schemas.PersoonMatches:
    """Matches for a person's own open halen-vragen in every network they are active in and
    the caller may see, merged: other organisations first, then by score."""
    rijen = session.execute(
        select(col(Netwerk.id), col(Netwerk.naam))
        .join(Deelnemer, col(Deelnemer.netwerk_id) == col(Netwerk.id))
        .where(
            col(Deelnemer.persoon_id) == persoon.id,
            col(Deelnemer.status) == DeelnemerStatus.ACTIEF,
            zichtbare_netwerken(aanroeper),
        )
        .order_by(col(Netwerk.naam), col(Netwerk.id))
    ).all()
    netwerken = {netwerk_id: naam for netwerk_id, naam in rijen}
    gevonden: list[schemas.PersoonMatch] = []
    for netwerk_id, netwerkvragen in laad(list(netwerken), session=session).items():
        eigen = {d.id for d in netwerkvragen.deelnemers.values() if d.persoon_id == persoon.id}
        for vraag in netwerkvragen.index.vragen:
            if vraag.deelnemer_id not in eigen or vraag.soort != LeervraagSoort.HALEN:
                continue
            for match in netwerkvragen.index.matches(vraag.id, limiet=limiet):
                gevonden.append(
                    schemas.PersoonMatch(
                        **dict(netwerkvragen.match(vraag.id, match)),
                        netwerk_naam=netwerken[netwerk_id],
                    )
                )
    gevonden.sort(key=lambda m: (not m.andere_organisatie, -m.score))
    return schemas.PersoonMatches(
        persoon_id=persoon.id, netwerk_ids=list(netwerken), results=gevonden[:limiet]
    )


def volgende_gastorganisatie(
    netwerk: Netwerk, *, session: Session, na: datetime | None = None
) -> Organisatie | None:
    """The organisation next in the hosting rotation: the host of the network's next planned
    or confirmed bijeenkomst, or None when there is none or it has no host yet.

    The one place that decides it, so that rotation planning can take over here.
    """
    rij = session.execute(
        select(col(Bijeenkomst.id), Organisatie)
        .outerjoin(Organisatie, col(Organisatie.id) == col(Bijeenkomst.gastorganisatie_id))
        .where(
            col(Bijeenkomst.netwerk_id) == netwerk.id,
            col(Bijeenkomst.status).in_([BijeenkomstStatus.GEPLAND, BijeenkomstStatus.BEVESTIGD]),
            col(Bijeenkomst.start) > (na or utcnow()),
        )
        .order_by(col(Bijeenkomst.start), col(Bijeenkomst.volgnummer))
        .limit(1)
    ).first()
    return None if rij is None else rij[1]


def agenda(netwerk: Netwerk, *, session: Session) -> list[schemas.AgendaSuggestie]:
    """Groups of related open halen-vragen, largest first, with who can bring to each and the
    organisation that hosts next."""
    netwerkvragen = laad([netwerk.id], session=session)[netwerk.id]
    gastheer = volgende_gastorganisatie(netwerk, session=session)
    gast = None if gastheer is None else schemas.OrganisatieKort.model_validate(gastheer)
    return [
        _suggestie(netwerkvragen, suggestie, gast)
        for suggestie in agenda_suggesties(netwerkvragen.index)
    ]


def _suggestie(
    netwerkvragen: Netwerkvragen,
    suggestie: AgendaSuggestie,
    gast: schemas.OrganisatieKort | None,
) -> schemas.AgendaSuggestie:
    deelnemers = netwerkvragen.deelnemers
    return schemas.AgendaSuggestie(
        leervragen=[netwerkvragen.leervraag(i) for i in suggestie.leervraag_ids],
        deelnemers=[deelnemers[i] for i in suggestie.deelnemer_ids],
        themas=list(suggestie.themas),
        kernwoorden=list(suggestie.kernwoorden),
        samenhang=suggestie.samenhang,
        brengers=[_brenger(netwerkvragen, brenger) for brenger in suggestie.brengers],
        volgende_gastorganisatie=gast,
    )


def _brenger(netwerkvragen: Netwerkvragen, brenger: Brenger) -> schemas.Brenger:
    return schemas.Brenger(
        deelnemer=netwerkvragen.deelnemers[brenger.deelnemer_id],
        score=brenger.score,
        helpt_bij=list(brenger.helpt_bij),
        passende_leervragen=[netwerkvragen.leervraag(i) for i in brenger.leervraag_ids],
        uitleg=brenger.uitleg,
    )
