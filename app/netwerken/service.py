"""Netwerken: create, change, the lifecycle, removal of a concept."""

import uuid
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from app.common.json_lists import json_list_contains
from app.common.service import apply_changes, check_order
from app.errors import Conflict, InvalidInput
from app.models import Deelnemer, Leervraag, Netwerk
from app.models.enums import STANDAARD_ROLLEN, DeelnemerStatus, LeervraagStatus, NetwerkStatus
from app.netwerken.levenscyclus import volgende_status
from app.netwerken.schemas import NetwerkNieuw, NetwerkWijziging
from app.spelregels import service as spelregels_service
from app.webhooks import events
from app.webhooks.events import publiceer

GEBEURTENIS_PER_ACTIE = {
    "activeer": events.NETWERK_GEACTIVEERD,
    "pauzeer": events.NETWERK_GEPAUZEERD,
    "hervat": events.NETWERK_HERVAT,
    "rondaf": events.NETWERK_AFGEROND,
}

SORTEERBAAR: dict[str, Any] = {
    "naam": col(Netwerk.naam),
    "startdatum": col(Netwerk.startdatum),
    "status": col(Netwerk.status),
    "aangemaaktOp": col(Netwerk.aangemaakt_op),
}


class NetwerkAfgerond(Conflict):
    """A write to a network whose term is over; a follow-up network carries on."""

    code = "netwerk-afgerond"
    title = "Dit netwerk is afgerond."


def weiger_als_afgerond(netwerk: Netwerk) -> None:
    """409 when `netwerk` is finished: what happens next belongs in its follow-up network."""
    if netwerk.status == NetwerkStatus.AFGEROND:
        raise NetwerkAfgerond(
            f"Netwerk '{netwerk.naam}' is afgerond en verandert niet meer. Start een "
            "vervolgnetwerk (`_vervolg`) om verder te gaan."
        )


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _check(netwerk: Netwerk, *, session: Session) -> None:
    problems = check_order(
        "startdatum", netwerk.startdatum, "geplande_einddatum", netwerk.geplande_einddatum
    )
    if problems:
        raise InvalidInput(problems)


def _check_in_use(netwerk: Netwerk, *, session: Session) -> None:
    """Refuse to drop a role or theme that deelnemers or leervragen still use."""
    used_roles = set(
        session.exec(select(Deelnemer.rol).where(Deelnemer.netwerk_id == netwerk.id)).all()
    )
    missing_roles = sorted(used_roles - set(netwerk.rollen))
    if missing_roles:
        raise Conflict(
            f"Rol(len) {', '.join(missing_roles)} zijn nog in gebruik door deelnemers "
            "en kunnen niet uit het netwerk worden gehaald."
        )
    used_themes = {
        thema
        for themas in session.exec(
            select(Leervraag.themas).where(Leervraag.netwerk_id == netwerk.id)
        ).all()
        for thema in themas
    }
    missing_themes = sorted(used_themes - set(netwerk.themas))
    if missing_themes:
        raise Conflict(
            f"Thema('s) {', '.join(missing_themes)} zijn nog in gebruik door leervragen."
        )


def maak(data: NetwerkNieuw, *, session: Session) -> Netwerk:
    """Create a netwerk in status concept."""
    values = data.velden()
    values["themas"] = _unique(values["themas"])
    values["rollen"] = _unique(values["rollen"] or list(STANDAARD_ROLLEN))
    netwerk = Netwerk(**values)
    _check(netwerk, session=session)
    session.add(netwerk)
    session.flush()
    return netwerk


def wijzig(netwerk: Netwerk, data: NetwerkWijziging, *, session: Session) -> Netwerk:
    """Apply a partial change; roles and themes in use cannot be dropped."""
    changes = data.velden(alleen_gezet=True)
    for name in ("themas", "rollen"):
        if changes.get(name) is not None:
            changes[name] = _unique(changes[name])
    if changes.get("geblokkeerde_data") is not None:
        # Stored as ISO dates in a JSON list, sorted and once each.
        changes["geblokkeerde_data"] = sorted({d.isoformat() for d in changes["geblokkeerde_data"]})
    apply_changes(
        netwerk, changes, required=("naam", "themas", "rollen", "publiek", "geblokkeerde_data")
    )
    _check(netwerk, session=session)
    if "themas" in changes or "rollen" in changes:
        _check_in_use(netwerk, session=session)
    session.add(netwerk)
    session.flush()
    return netwerk


def voer_uit(netwerk: Netwerk, actie: str, *, session: Session) -> Netwerk:
    """Move the netwerk through its lifecycle; 409 when `actie` is not allowed now."""
    oud = NetwerkStatus(netwerk.status)
    nieuw = volgende_status(oud, actie)
    if nieuw is None:
        raise Conflict(f"Een netwerk met status '{netwerk.status}' kan niet '_{actie}'.")
    netwerk.status = nieuw
    if actie == "pauzeer":
        # A pause is the moment to ask "are we learning enough?" (pas-op-de-plaats).
        netwerk.reflecties = [*netwerk.reflecties, date.today().isoformat()]
    session.add(netwerk)
    session.flush()
    if actie == "activeer":
        spelregels_service.controleer_start(netwerk, session=session)
    publiceer(
        session,
        GEBEURTENIS_PER_ACTIE[actie],
        onderwerp=netwerk.id,
        netwerk_id=netwerk.id,
        data={"status": {"oud": oud, "nieuw": nieuw}},
    )
    return netwerk


def vervolg(netwerk: Netwerk, *, session: Session) -> Netwerk:
    """Start the successor of a completed network: same people, open leervragen carried over.

    The successor begins as a concept (a new term needs its own start), with the same topic,
    themes, roles and spelregels; its deelnemers are the ones who had not left.
    """
    if netwerk.status != NetwerkStatus.AFGEROND:
        raise Conflict("Alleen een afgerond netwerk kan een vervolg krijgen; rond het eerst af.")
    opvolger = Netwerk(
        naam=f"{netwerk.naam} (vervolg)"[:200],
        onderwerp=netwerk.onderwerp,
        toelichting=netwerk.toelichting,
        themas=list(netwerk.themas),
        rollen=list(netwerk.rollen),
        spelregels=netwerk.spelregels,
        publiek=netwerk.publiek,
        voorganger_id=netwerk.id,
    )
    session.add(opvolger)
    session.flush()
    nieuw_voor: dict[uuid.UUID, Deelnemer] = {}
    for deelnemer in session.exec(
        select(Deelnemer).where(
            Deelnemer.netwerk_id == netwerk.id, Deelnemer.status != DeelnemerStatus.VERTROKKEN
        )
    ).all():
        nieuw_voor[deelnemer.id] = Deelnemer(
            netwerk_id=opvolger.id,
            persoon_id=deelnemer.persoon_id,
            rol=deelnemer.rol,
            kartrekker=deelnemer.kartrekker,
            sinds=date.today(),
        )
        session.add(nieuw_voor[deelnemer.id])
    session.flush()
    open_statussen = (LeervraagStatus.OPEN, LeervraagStatus.IN_BEHANDELING)
    for leervraag in session.exec(
        select(Leervraag).where(
            Leervraag.netwerk_id == netwerk.id, col(Leervraag.status).in_(open_statussen)
        )
    ).all():
        if leervraag.deelnemer_id in nieuw_voor:
            session.add(
                Leervraag(
                    netwerk_id=opvolger.id,
                    deelnemer_id=nieuw_voor[leervraag.deelnemer_id].id,
                    soort=leervraag.soort,
                    tekst=leervraag.tekst,
                    themas=list(leervraag.themas),
                    tags=list(leervraag.tags),
                    status=leervraag.status,
                )
            )
    session.flush()
    return opvolger


def verwijder(netwerk: Netwerk, *, session: Session) -> None:
    """Remove a netwerk that never started; a started one keeps its history."""
    if netwerk.status != NetwerkStatus.CONCEPT:
        raise Conflict(
            f"Alleen een netwerk in concept kan worden verwijderd; dit netwerk is {netwerk.status}."
        )
    session.delete(netwerk)
    session.flush()


def thema_filter(thema: str) -> ColumnElement[bool]:
    """Netwerken that carry `thema`."""
    return json_list_contains(Netwerk.themas, thema)
