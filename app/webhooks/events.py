"""The catalogue of event types and the outbox: `publiceer` writes an event with the change.

An event is written in the caller's session and flushed, never committed: it is stored exactly
when the change it reports is stored, so a change that rolls back leaves no event, and a change
that commits always has its event. The worker delivers it afterwards.
"""

import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic_core import to_jsonable_python
from sqlalchemy import event, or_
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, select

from app.models import Abonnement, Aflevering, Gebeurtenis


class AfleverStatus(StrEnum):
    """Where a delivery stands."""

    WACHTEND = "wachtend"
    """Not delivered yet; the worker tries at `volgende_poging_op`."""
    AFGELEVERD = "afgeleverd"
    """The sink answered 2xx."""
    OPGEGEVEN = "opgegeven"
    """Every attempt failed; only a redelivery on request tries again."""
    GESTOPT = "gestopt"
    """The subscription was retired (the sink answered 410 Gone) before this was delivered."""


@dataclass(frozen=True)
class GebeurtenisType:
    """One type of event: its name, what it means, and where its subject lives in the API."""

    naam: str
    omschrijving: str
    pad: str
    """Path of the subject under the API root; `{netwerk}` and `{onderwerp}` are filled in."""
    link: str
    """Name of the link to the subject in the event's `data.links`."""

    @property
    def onderwerp_is_netwerk(self) -> bool:
        """True when the subject is the netwerk itself (its path has no `{onderwerp}`)."""
        return "{onderwerp}" not in self.pad


NETWERK_GEACTIVEERD = "nl.kartrekker.netwerk.geactiveerd"
NETWERK_GEPAUZEERD = "nl.kartrekker.netwerk.gepauzeerd"
NETWERK_HERVAT = "nl.kartrekker.netwerk.hervat"
NETWERK_AFGEROND = "nl.kartrekker.netwerk.afgerond"
DEELNEMER_TOEGEVOEGD = "nl.kartrekker.deelnemer.toegevoegd"
DEELNEMER_VERTROKKEN = "nl.kartrekker.deelnemer.vertrokken"
BIJEENKOMST_GEPLAND = "nl.kartrekker.bijeenkomst.gepland"
BIJEENKOMST_GEWIJZIGD = "nl.kartrekker.bijeenkomst.gewijzigd"
BIJEENKOMST_GEANNULEERD = "nl.kartrekker.bijeenkomst.geannuleerd"
GASTROOSTER_GEWIJZIGD = "nl.kartrekker.gastrooster.gewijzigd"
OPVOLGING_NODIG = "nl.kartrekker.opvolging.nodig"
LEERVRAAG_TOEGEVOEGD = "nl.kartrekker.leervraag.toegevoegd"
LEERVRAAG_BEANTWOORD = "nl.kartrekker.leervraag.beantwoord"
NETWERKORGANISATIE_TOEGEVOEGD = "nl.kartrekker.netwerkorganisatie.toegevoegd"
NETWERKORGANISATIE_GEWIJZIGD = "nl.kartrekker.netwerkorganisatie.gewijzigd"
NETWERKORGANISATIE_VERWIJDERD = "nl.kartrekker.netwerkorganisatie.verwijderd"

_NETWERK = "/netwerken/{netwerk}"
_DEELNEMER = "/netwerken/{netwerk}/deelnemers/{onderwerp}"
_BIJEENKOMST = "/netwerken/{netwerk}/bijeenkomsten/{onderwerp}"
_LEERVRAAG = "/netwerken/{netwerk}/leervragen/{onderwerp}"
_NETWERKORGANISATIE = "/netwerken/{netwerk}/organisaties/{onderwerp}"

CATALOGUS: Mapping[str, GebeurtenisType] = {
    soort.naam: soort
    for soort in (
        GebeurtenisType(
            NETWERK_GEACTIVEERD,
            "Een netwerk is van concept naar actief gegaan: het begint. Onderwerp: het netwerk.",
            _NETWERK,
            "netwerk",
        ),
        GebeurtenisType(
            NETWERK_GEPAUZEERD,
            "Een actief netwerk is gepauzeerd. Onderwerp: het netwerk.",
            _NETWERK,
            "netwerk",
        ),
        GebeurtenisType(
            NETWERK_HERVAT,
            "Een gepauzeerd netwerk is weer actief. Onderwerp: het netwerk.",
            _NETWERK,
            "netwerk",
        ),
        GebeurtenisType(
            NETWERK_AFGEROND,
            "Een netwerk is afgerond; er volgen geen bijeenkomsten meer. Onderwerp: het netwerk.",
            _NETWERK,
            "netwerk",
        ),
        GebeurtenisType(
            DEELNEMER_TOEGEVOEGD,
            "Iemand is deelnemer van een netwerk geworden. Onderwerp: de deelnemer.",
            _DEELNEMER,
            "deelnemer",
        ),
        GebeurtenisType(
            DEELNEMER_VERTROKKEN,
            "Een deelnemer heeft het netwerk verlaten. Onderwerp: de deelnemer.",
            _DEELNEMER,
            "deelnemer",
        ),
        GebeurtenisType(
            BIJEENKOMST_GEPLAND,
            "Er is een bijeenkomst gepland. Onderwerp: de bijeenkomst.",
            _BIJEENKOMST,
            "bijeenkomst",
        ),
        GebeurtenisType(
            BIJEENKOMST_GEWIJZIGD,
            "Tijd, plaats, gastheer of andere gegevens van een bijeenkomst zijn gewijzigd; "
            "`data.wijziging` noemt wat. Onderwerp: de bijeenkomst.",
            _BIJEENKOMST,
            "bijeenkomst",
        ),
        GebeurtenisType(
            BIJEENKOMST_GEANNULEERD,
            "Een bijeenkomst gaat niet door. Onderwerp: de bijeenkomst.",
            _BIJEENKOMST,
            "bijeenkomst",
        ),
        GebeurtenisType(
            GASTROOSTER_GEWIJZIGD,
            "Het rooster van gastorganisaties van een netwerk is opnieuw opgesteld of gewijzigd. "
            "Onderwerp: het netwerk; de link wijst naar zijn bijeenkomsten.",
            "/netwerken/{netwerk}/bijeenkomsten",
            "bijeenkomsten",
        ),
        GebeurtenisType(
            OPVOLGING_NODIG,
            "Een deelnemer dreigt af te haken (bijvoorbeeld na een reeks gemiste "
            "bijeenkomsten); een kartrekker neemt contact op. Onderwerp: de deelnemer.",
            _DEELNEMER,
            "deelnemer",
        ),
        GebeurtenisType(
            LEERVRAAG_TOEGEVOEGD,
            "Een deelnemer heeft een leervraag ingebracht. Onderwerp: de leervraag.",
            _LEERVRAAG,
            "leervraag",
        ),
        GebeurtenisType(
            LEERVRAAG_BEANTWOORD,
            "Een leervraag is als beantwoord gemarkeerd. Onderwerp: de leervraag.",
            _LEERVRAAG,
            "leervraag",
        ),
        GebeurtenisType(
            NETWERKORGANISATIE_TOEGEVOEGD,
            "Een kartrekker heeft een organisatie aan een netwerk toegevoegd, met een "
            "contactpersoon (die staat niet in de gebeurtenis). Onderwerp: de organisatie.",
            _NETWERKORGANISATIE,
            "organisatie",
        ),
        GebeurtenisType(
            NETWERKORGANISATIE_GEWIJZIGD,
            "De contactpersoon van een toegevoegde organisatie is gewijzigd; `data.wijziging` "
            "noemt de velden, zonder hun waarden. Onderwerp: de organisatie.",
            _NETWERKORGANISATIE,
            "organisatie",
        ),
        GebeurtenisType(
            NETWERKORGANISATIE_VERWIJDERD,
            "Een toegevoegde organisatie zonder deelnemers is uit een netwerk gehaald. "
            "Onderwerp: de organisatie.",
            _NETWERKORGANISATIE,
            "organisatie",
        ),
    )
}

FILTER_NETWERK = "netwerkId"
FILTERS: Mapping[str, str] = {
    FILTER_NETWERK: "Alleen gebeurtenissen van het netwerk met deze id.",
}
"""The filters a subscription may set, with their meaning."""


class OnbekendGebeurtenistype(ValueError):
    """`publiceer` was called with a type that is not in the catalogue (a programming error)."""


def type_past(patroon: str, type: str) -> bool:
    """True when `type` matches `patroon`: the same type, or a prefix (`nl.kartrekker.x.*`)."""
    if patroon.endswith(".*"):
        return type.startswith(patroon[:-1])
    return patroon == type


def ontvangt(abonnement: Abonnement, gebeurtenis: Gebeurtenis) -> bool:
    """True when `abonnement` is to receive `gebeurtenis`: active, in scope, types and filters."""
    if not abonnement.actief:
        return False
    # A subscription that belongs to a network (a kartrekker's) never sees other networks.
    if abonnement.netwerk_id is not None and abonnement.netwerk_id != gebeurtenis.netwerk_id:
        return False
    if abonnement.types and not any(type_past(p, gebeurtenis.type) for p in abonnement.types):
        return False
    gewenst_netwerk = abonnement.filters.get(FILTER_NETWERK)
    netwerk = str(gebeurtenis.netwerk_id) if gebeurtenis.netwerk_id else None
    return gewenst_netwerk is None or gewenst_netwerk == netwerk


def publiceer(
    session: Session,
    type: str,
    *,
    onderwerp: uuid.UUID,
    netwerk_id: uuid.UUID | None,
    data: dict[str, Any],
) -> Gebeurtenis:
    """Write event `type` about `onderwerp` to the outbox, with one delivery per subscriber.

    Flushes but never commits: the event is stored if and only if the caller's change is.
    For a type whose subject is the netwerk, `netwerk_id` defaults to `onderwerp`.
    `data` is the change itself (for example `{"status": {"oud": …, "nieuw": …}}`); ids and
    links are added when the event is delivered.
    """
    if type not in CATALOGUS:
        raise OnbekendGebeurtenistype(f"Onbekend gebeurtenistype: {type!r}.")
    if netwerk_id is None and CATALOGUS[type].onderwerp_is_netwerk:
        netwerk_id = onderwerp
    gebeurtenis = Gebeurtenis(
        type=type,
        onderwerp=str(onderwerp),
        netwerk_id=netwerk_id,
        data=to_jsonable_python(data),
    )
    session.add(gebeurtenis)
    in_scope = or_(col(Abonnement.netwerk_id).is_(None), col(Abonnement.netwerk_id) == netwerk_id)
    abonnementen = session.exec(
        select(Abonnement).where(col(Abonnement.actief), in_scope).order_by(col(Abonnement.id))
    ).all()
    for abonnement in abonnementen:
        if ontvangt(abonnement, gebeurtenis):
            session.add(
                Aflevering(
                    abonnement_id=abonnement.id,
                    gebeurtenis_id=gebeurtenis.id,
                    status=AfleverStatus.WACHTEND,
                    volgende_poging_op=gebeurtenis.tijd,
                )
            )
    session.flush()
    wek_na_commit(session)
    return gebeurtenis


# Workers in this process sleep on this between rounds; a commit with new events wakes them.
_nieuw_werk = threading.Event()
_WEKKER = "kartrekker.webhooks.wek_na_commit"


def wek_workers() -> None:
    """Wake the workers of this process now (new events, or a stop)."""
    _nieuw_werk.set()


def wacht_op_werk(seconden: float) -> None:
    """Sleep until `wek_workers` is called or `seconden` have passed."""
    if _nieuw_werk.wait(seconden):
        _nieuw_werk.clear()


def wek_na_commit(session: Session) -> None:
    """Wake this process's workers once `session` commits (not if it rolls back)."""
    session.info[_WEKKER] = True


@event.listens_for(OrmSession, "after_commit")
def _na_commit(session: OrmSession) -> None:
    if session.info.pop(_WEKKER, False):
        wek_workers()


@event.listens_for(OrmSession, "after_rollback")
def _na_rollback(session: OrmSession) -> None:
    session.info.pop(_WEKKER, None)
