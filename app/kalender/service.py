"""Calendar feeds: made with a secret token, revocable, and rendered for their subscriber."""

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.auth.geheimen import klopt, nieuw_geheim, prefix_van
from app.common.service import get_or_404
from app.errors import NotFound
from app.kalender.ical import Afspraak, kalender, uid_van
from app.models import (
    Aanmelding,
    Bijdrage,
    Bijeenkomst,
    Deelnemer,
    Kalenderfeed,
    Netwerk,
    Organisatie,
    Persoon,
)
from app.models.enums import AanmeldAntwoord, BijdrageSoort, DeelnemerStatus

SOORT = "kf"
_BIJDRAGEN = {
    BijdrageSoort.GASTHEER: "Je bent contactpersoon van de gastheer.",
    BijdrageSoort.ORGANISATOR: "Je organiseert mee.",
    BijdrageSoort.PRESENTATOR: "Je presenteert.",
    BijdrageSoort.FACILITATOR: "Je faciliteert.",
}


@dataclass(frozen=True)
class NieuweFeed:
    """A feed just made: the only moment its token exists outside the subscriber's hands."""

    rij: Kalenderfeed
    token: str


def maak(
    *, session: Session, netwerk_id: uuid.UUID | None = None, persoon_id: uuid.UUID | None = None
) -> NieuweFeed:
    """A new feed of a netwerk or of a persoon; the token is shown once and stored hashed."""
    assert (netwerk_id is None) != (persoon_id is None)
    geheim = nieuw_geheim(SOORT)
    rij = Kalenderfeed(
        prefix=geheim.prefix, hash=geheim.hash, netwerk_id=netwerk_id, persoon_id=persoon_id
    )
    session.add(rij)
    session.flush()
    return NieuweFeed(rij=rij, token=geheim.waarde)


def trek_in(feed: Kalenderfeed, *, session: Session) -> Kalenderfeed:
    """Revoke a feed: its URL answers 404 from now on."""
    if not feed.ingetrokken:
        feed.ingetrokken = True
        session.add(feed)
        session.flush()
    return feed


def laad(
    feed_id: uuid.UUID,
    *,
    session: Session,
    netwerk_id: uuid.UUID | None = None,
    persoon_id: uuid.UUID | None = None,
) -> Kalenderfeed:
    """The feed of this netwerk or persoon, or 404."""
    feed = get_or_404(session, Kalenderfeed, feed_id, naam="kalenderfeed")
    if feed.netwerk_id != netwerk_id or feed.persoon_id != persoon_id:
        raise NotFound(f"Er is geen kalenderfeed met id {feed_id}.")
    return feed


def zoek(token: str, *, session: Session) -> Kalenderfeed:
    """The live feed behind a token, or 404 (unknown and revoked look the same)."""
    prefix = prefix_van(token, SOORT)
    feed = (
        session.exec(select(Kalenderfeed).where(Kalenderfeed.prefix == prefix)).first()
        if prefix is not None
        else None
    )
    if feed is None or feed.ingetrokken or not klopt(token, feed.hash):
        raise NotFound("Deze agenda bestaat niet (meer); vraag een nieuwe link aan.")
    return feed


def ical(feed: Kalenderfeed, *, session: Session) -> bytes:
    """The feed's iCalendar document."""
    if feed.netwerk_id is not None:
        return _netwerk(feed, feed.netwerk_id, session=session)
    assert feed.persoon_id is not None
    return _persoon(feed, feed.persoon_id, session=session)


def _basisregels(bijeenkomst: Bijeenkomst, netwerk: str, gastheer: str | None) -> list[str]:
    regels = [f"Lerend netwerk: {netwerk}"]
    if gastheer:
        regels.append(f"Gastheer: {gastheer}")
    if bijeenkomst.online_link:
        regels.append(f"Online: {bijeenkomst.online_link}")
    if bijeenkomst.praktische_info:
        regels.append(f"Praktisch: {bijeenkomst.praktische_info}")
    return regels


def _afspraak(
    bijeenkomst: Bijeenkomst, titel: str, regels: list[str], *, bezet: bool = True
) -> Afspraak:
    return Afspraak(
        uid=uid_van(bijeenkomst.id),
        sequence=bijeenkomst.sequence,
        titel=titel,
        start=bijeenkomst.start,
        einde=bijeenkomst.einde,
        status=bijeenkomst.status,
        aangemaakt_op=bijeenkomst.aangemaakt_op,
        gewijzigd_op=bijeenkomst.gewijzigd_op,
        locatie=bijeenkomst.locatie,
        online_link=bijeenkomst.online_link,
        regels=regels,
        bezet=bezet,
    )


def _netwerk(feed: Kalenderfeed, netwerk_id: uuid.UUID, *, session: Session) -> bytes:
    netwerk = session.get(Netwerk, netwerk_id)
    if netwerk is None:
        raise NotFound("Deze agenda bestaat niet (meer).")
    rijen = session.exec(
        select(Bijeenkomst, Organisatie.naam)
        .outerjoin(Organisatie, col(Organisatie.id) == col(Bijeenkomst.gastorganisatie_id))
        .where(Bijeenkomst.netwerk_id == netwerk.id)
        .order_by(col(Bijeenkomst.start), col(Bijeenkomst.id))
    ).all()
    afspraken = [
        _afspraak(b, b.titel, _basisregels(b, netwerk.naam, gastheer)) for b, gastheer in rijen
    ]
    return kalender(
        netwerk.naam,
        f"De bijeenkomsten van het lerend netwerk {netwerk.naam}.",
        afspraken,
        kalender_uid=str(feed.id),
    )


def _persoon(feed: Kalenderfeed, persoon_id: uuid.UUID, *, session: Session) -> bytes:
    persoon = session.get(Persoon, persoon_id)
    if persoon is None:
        raise NotFound("Deze agenda bestaat niet (meer).")
    eigen = {
        d.id: d.netwerk_id
        for d in session.exec(
            select(Deelnemer).where(
                Deelnemer.persoon_id == persoon.id, Deelnemer.status != DeelnemerStatus.VERTROKKEN
            )
        ).all()
    }
    vervangen = aliased(Persoon)
    vervanger = aliased(Persoon)
    # The person's own answers, and the answers of colleagues they stand in for.
    aanmeldingen = session.exec(
        select(Aanmelding, vervangen.naam, vervanger.naam)
        .join(Deelnemer, col(Deelnemer.id) == col(Aanmelding.deelnemer_id))
        .join(vervangen, col(vervangen.id) == col(Deelnemer.persoon_id))
        .outerjoin(vervanger, col(vervanger.id) == col(Aanmelding.vervanger_persoon_id))
        .where(
            or_(
                col(Aanmelding.deelnemer_id).in_(list(eigen)),
                (col(Aanmelding.vervanger_persoon_id) == persoon.id)
                & (col(Aanmelding.antwoord) == AanmeldAntwoord.JA),
            )
        )
    ).all()
    eigen_antwoord = {
        a.bijeenkomst_id: (a, naam) for a, _, naam in aanmeldingen if a.deelnemer_id in eigen
    }
    vervangt = {
        a.bijeenkomst_id: naam for a, naam, _ in aanmeldingen if a.deelnemer_id not in eigen
    }
    rijen = session.exec(
        select(Bijeenkomst, Netwerk.naam, Organisatie.naam)
        .join(Netwerk, col(Netwerk.id) == col(Bijeenkomst.netwerk_id))
        .outerjoin(Organisatie, col(Organisatie.id) == col(Bijeenkomst.gastorganisatie_id))
        .where(
            or_(
                col(Bijeenkomst.netwerk_id).in_(set(eigen.values())),
                col(Bijeenkomst.id).in_(list(vervangt)),
            )
        )
        .order_by(col(Bijeenkomst.start), col(Bijeenkomst.id))
    ).all()
    bijdragen: dict[uuid.UUID, list[BijdrageSoort]] = defaultdict(list)
    for bijeenkomst_id, soort in session.exec(
        select(Bijdrage.bijeenkomst_id, Bijdrage.soort)
        .where(col(Bijdrage.deelnemer_id).in_(list(eigen)))
        .order_by(col(Bijdrage.soort))
    ).all():
        bijdragen[bijeenkomst_id].append(BijdrageSoort(soort))
    afspraken = []
    for bijeenkomst, netwerk, gastheer in rijen:
        regels: list[str] = []
        if bijeenkomst.gastorganisatie_id == persoon.organisatie_id:
            regels.append("Jouw organisatie is gastheer.")
        regels += [_BIJDRAGEN[soort] for soort in bijdragen.get(bijeenkomst.id, [])]
        bezet = True
        if bijeenkomst.id in vervangt:
            regels.append(f"Je komt als vervanger van {vervangt[bijeenkomst.id]}.")
        else:
            aanmelding, vervanger_naam = eigen_antwoord.get(bijeenkomst.id, (None, None))
            regel, bezet = _antwoordregel(aanmelding, vervanger_naam)
            regels.append(regel)
        regels += _basisregels(bijeenkomst, netwerk, gastheer)
        afspraken.append(
            _afspraak(bijeenkomst, f"{bijeenkomst.titel} ({netwerk})", regels, bezet=bezet)
        )
    return kalender(
        "Mijn lerende netwerken",
        "Jouw bijeenkomsten in de lerende netwerken waarvan je deelnemer bent en wat je er doet.",
        afspraken,
        kalender_uid=str(feed.id),
    )


def _antwoordregel(aanmelding: Aanmelding | None, vervanger: str | None) -> tuple[str, bool]:
    """What the person answered, and whether the time is theirs (busy) in the calendar."""
    if aanmelding is None:
        return "Je hebt nog niet laten weten of je komt.", True
    if aanmelding.antwoord == AanmeldAntwoord.NEE:
        return "Je hebt je afgemeld.", False
    if aanmelding.antwoord == AanmeldAntwoord.MISSCHIEN:
        return "Je komt misschien.", True
    if vervanger is not None:
        return f"{vervanger} komt in jouw plaats.", False
    if aanmelding.wachtlijst:
        return "Je staat op de wachtlijst.", True
    return "Je hebt je aangemeld.", True
