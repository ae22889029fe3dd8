"""Leervragen: owned by a deelnemer of the same netwerk, tagged with the netwerk's themes."""

import uuid
from typing import Any

from sqlalchemy import ColumnElement
from sqlmodel import Session, col

from app.common.json_lists import json_list_contains
from app.common.service import apply_changes, get_in_netwerk_or_404
from app.common.tekst import citaat
from app.common.waarschuwingen import Waarschuwing
from app.errors import InvalidInput, InvalidParam
from app.leervragen.onderwerp import Onderwerptoets
from app.leervragen.schemas import LeervraagNieuw, LeervraagWijziging, VoortgangNieuw
from app.leervragen.status import controleer_overgang
from app.models import Bijeenkomst, Deelnemer, Leervraag, Netwerk, Voortgang
from app.models.enums import LeervraagStatus
from app.spelregels.catalogus import LEERVRAGEN_BIJ_ONDERWERP
from app.spelregels.service import spelregels_van
from app.webhooks import events
from app.webhooks.events import publiceer

SORTEERBAAR: dict[str, Any] = {
    "aangemaaktOp": col(Leervraag.aangemaakt_op),
    "soort": col(Leervraag.soort),
    "status": col(Leervraag.status),
}


def _theme_problems(netwerk: Netwerk, themas: list[str]) -> list[InvalidParam]:
    unknown = [t for t in themas if t not in netwerk.themas]
    if not unknown:
        return []
    known = ", ".join(netwerk.themas) or "(het netwerk heeft nog geen thema's)"
    return [
        InvalidParam(
            name="themas",
            code="onbekend-thema",
            reason=f"Onbekend thema '{thema}'; kies uit: {known}.",
        )
        for thema in unknown
    ]


def _uniek(tags: list[str]) -> list[str]:
    """Tags without repeats, whatever their case; the first spelling stays."""
    eerste: dict[str, str] = {}
    for tag in tags:
        eerste.setdefault(tag.casefold(), tag)
    return list(eerste.values())


def maak(netwerk: Netwerk, data: LeervraagNieuw, *, session: Session) -> Leervraag:
    """Record a leervraag of a deelnemer of this netwerk."""
    values = data.velden()
    values["themas"] = list(dict.fromkeys(values["themas"]))
    values["tags"] = _uniek(values["tags"])
    problems = _theme_problems(netwerk, values["themas"])
    if values["status"] != LeervraagStatus.OPEN:
        # A question is answered by following the status flow, which announces it.
        problems.append(
            InvalidParam(
                name="status",
                code="begint-open",
                reason="Een nieuwe leervraag begint als 'open'; wijzig de status daarna.",
            )
        )
    deelnemer = session.get(Deelnemer, data.deelnemer_id)
    if deelnemer is None or deelnemer.netwerk_id != netwerk.id:
        problems.insert(
            0,
            InvalidParam(
                name="deelnemerId",
                code="geen-deelnemer",
                reason=f"Dit netwerk heeft geen deelnemer met id {data.deelnemer_id}.",
            ),
        )
    if problems:
        raise InvalidInput(problems)
    leervraag = Leervraag(netwerk_id=netwerk.id, **values)
    session.add(leervraag)
    session.flush()
    publiceer(
        session,
        events.LEERVRAAG_TOEGEVOEGD,
        onderwerp=leervraag.id,
        netwerk_id=netwerk.id,
        data={"soort": leervraag.soort, "deelnemerId": leervraag.deelnemer_id},
    )
    return leervraag


def wijzig(
    netwerk: Netwerk, leervraag: Leervraag, data: LeervraagWijziging, *, session: Session
) -> Leervraag:
    """Apply a partial change."""
    changes = data.velden(alleen_gezet=True)
    if changes.get("themas") is not None:
        changes["themas"] = list(dict.fromkeys(changes["themas"]))
        problems = _theme_problems(netwerk, changes["themas"])
        if problems:
            raise InvalidInput(problems)
    if changes.get("tags") is not None:
        changes["tags"] = _uniek(changes["tags"])
    if changes.get("status") is not None:
        controleer_overgang(LeervraagStatus(leervraag.status), changes["status"])
    changed = apply_changes(
        leervraag, changes, required=("soort", "tekst", "themas", "tags", "status")
    )
    session.add(leervraag)
    session.flush()
    if changed.get("status", {}).get("nieuw") == LeervraagStatus.BEANTWOORD:
        publiceer(
            session,
            events.LEERVRAAG_BEANTWOORD,
            onderwerp=leervraag.id,
            netwerk_id=netwerk.id,
            data={"status": changed["status"]},
        )
    return leervraag


def waarschuwingen(netwerk: Netwerk, leervraag: Leervraag) -> list[Waarschuwing]:
    """What the writer of a stored leervraag should know: that it is outside the onderwerp.

    The same test as the spelregel `leervragen-bij-onderwerp` in the health, and silent when
    the kartrekkers switched that rule off.
    """
    if not spelregels_van(netwerk)[LEERVRAGEN_BIJ_ONDERWERP].actief:
        return []
    toets = Onderwerptoets(netwerk.onderwerp, netwerk.themas)
    if not toets.buiten(leervraag.tekst, leervraag.themas, LeervraagStatus(leervraag.status)):
        return []
    return [
        Waarschuwing(
            code="buiten-onderwerp",
            bericht="Deze leervraag deelt niets met het onderwerp van het netwerk "
            f"({citaat(netwerk.onderwerp or '')}) en heeft geen thema van het netwerk. Ze is "
            "bewaard; de kartrekkers zien haar in de gezondheid van het netwerk. Past ze toch, "
            "geef haar dan een thema of zeg in de tekst hoe ze bij het onderwerp hoort.",
        )
    ]


def verwijder(leervraag: Leervraag, *, session: Session) -> None:
    """Remove a leervraag."""
    session.delete(leervraag)
    session.flush()


def laad(
    netwerk: Netwerk, leervraag_id: uuid.UUID, *, session: Session, for_update: bool = False
) -> Leervraag:
    """The leervraag of this netwerk, or 404."""
    return get_in_netwerk_or_404(
        session,
        Leervraag,
        leervraag_id,
        netwerk_id=netwerk.id,
        naam="leervraag",
        for_update=for_update,
    )


def thema_filter(thema: str) -> ColumnElement[bool]:
    """Leervragen that carry `thema`."""
    return json_list_contains(Leervraag.themas, thema)


VOORTGANG_SORTEERBAAR: dict[str, Any] = {"aangemaaktOp": col(Voortgang.aangemaakt_op)}


def voeg_voortgang_toe(
    leervraag: Leervraag, data: VoortgangNieuw, *, session: Session
) -> Voortgang:
    """Record what a session did for a leervraag; a named bijeenkomst is of the same netwerk."""
    if data.bijeenkomst_id is not None:
        bijeenkomst = session.get(Bijeenkomst, data.bijeenkomst_id)
        if bijeenkomst is None or bijeenkomst.netwerk_id != leervraag.netwerk_id:
            raise InvalidInput(
                [
                    InvalidParam(
                        name="bijeenkomstId",
                        code="geen-bijeenkomst",
                        reason=f"Dit netwerk heeft geen bijeenkomst met id {data.bijeenkomst_id}.",
                    )
                ]
            )
    voortgang = Voortgang(
        netwerk_id=leervraag.netwerk_id, leervraag_id=leervraag.id, **data.velden()
    )
    session.add(voortgang)
    session.flush()
    return voortgang
