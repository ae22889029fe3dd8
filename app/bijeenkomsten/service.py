"""Bijeenkomsten: numbered per netwerk, ending after they start, hosted by a participant."""

import uuid
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.aanmeldingen import wachtlijst
from app.bijdragen import service as bijdragen_service
from app.bijeenkomsten.schemas import BijeenkomstNieuw, BijeenkomstWijziging
from app.common.service import apply_changes, check_order, get_in_netwerk_or_404
from app.common.tekst import datum
from app.common.waarschuwingen import Waarschuwing
from app.errors import Conflict, InvalidInput, InvalidParam
from app.models import Bijeenkomst, Deelnemer, Netwerk, Persoon, RoosterWijziging
from app.models.enums import BijeenkomstStatus, RoosterWijzigingSoort
from app.spelregels.catalogus import BIJEENKOMSTEN_IN_LOOPTIJD
from app.spelregels.looptijd import Looptijd, dag_van
from app.spelregels.service import spelregels_van
from app.webhooks import events
from app.webhooks.events import publiceer

SORTEERBAAR: dict[str, Any] = {
    "start": col(Bijeenkomst.start),
    "volgnummer": col(Bijeenkomst.volgnummer),
    "titel": col(Bijeenkomst.titel),
    "aangemaaktOp": col(Bijeenkomst.aangemaakt_op),
}


def neemt_deel(netwerk_id: uuid.UUID, organisatie_id: uuid.UUID, *, session: Session) -> bool:
    """Whether someone of this organisation is deelnemer of the netwerk."""
    found = session.exec(
        select(Deelnemer.id)
        .join(Persoon, col(Persoon.id) == col(Deelnemer.persoon_id))
        .where(Deelnemer.netwerk_id == netwerk_id, Persoon.organisatie_id == organisatie_id)
        .limit(1)
    ).first()
    return found is not None


def _check(bijeenkomst: Bijeenkomst, *, session: Session) -> None:
    problems = check_order("start", bijeenkomst.start, "einde", bijeenkomst.einde, strict=True)
    host = bijeenkomst.gastorganisatie_id
    if host is not None and not neemt_deel(bijeenkomst.netwerk_id, host, session=session):
        problems.append(
            InvalidParam(
                name="gastorganisatieId",
                code="geen-deelnemer",
                reason="De gastorganisatie moet met minstens één deelnemer in het netwerk zitten.",
            )
        )
    if problems:
        raise InvalidInput(problems)
    taken = session.exec(
        select(Bijeenkomst.id).where(
            Bijeenkomst.netwerk_id == bijeenkomst.netwerk_id,
            Bijeenkomst.volgnummer == bijeenkomst.volgnummer,
            Bijeenkomst.id != bijeenkomst.id,
        )
    ).first()
    if taken is not None:
        raise Conflict(
            f"Dit netwerk heeft al een bijeenkomst met volgnummer {bijeenkomst.volgnummer}."
        )


def maak(netwerk: Netwerk, data: BijeenkomstNieuw, *, session: Session) -> Bijeenkomst:
    """Plan a bijeenkomst; without a volgnummer it gets the next free one."""
    values = data.velden()
    if values["volgnummer"] is None:
        highest = session.scalar(
            select(func.max(Bijeenkomst.volgnummer)).where(Bijeenkomst.netwerk_id == netwerk.id)
        )
        values["volgnummer"] = (highest or 0) + 1
    bijeenkomst = Bijeenkomst(netwerk_id=netwerk.id, **values)
    _check(bijeenkomst, session=session)
    session.add(bijeenkomst)
    session.flush()
    publiceer(
        session,
        events.BIJEENKOMST_GEPLAND,
        onderwerp=bijeenkomst.id,
        netwerk_id=netwerk.id,
        data={
            "start": bijeenkomst.start,
            "einde": bijeenkomst.einde,
            "gastorganisatieId": bijeenkomst.gastorganisatie_id,
        },
    )
    return bijeenkomst


def wijzig(
    bijeenkomst: Bijeenkomst, data: BijeenkomstWijziging, *, session: Session
) -> Bijeenkomst:
    """Apply a partial change."""
    vorige_gastheer = bijeenkomst.gastorganisatie_id
    changed = apply_changes(
        bijeenkomst,
        data.velden(alleen_gezet=True),
        required=("titel", "start", "einde", "volgnummer", "status"),
    )
    _check(bijeenkomst, session=session)
    if "gastorganisatieId" in changed:
        # A kartrekker's choice overrides the rotation: the planner leaves this host alone.
        bijeenkomst.gastheer_vast = bijeenkomst.gastorganisatie_id is not None
        session.add(
            RoosterWijziging(
                netwerk_id=bijeenkomst.netwerk_id,
                bijeenkomst_id=bijeenkomst.id,
                van_organisatie_id=vorige_gastheer,
                naar_organisatie_id=bijeenkomst.gastorganisatie_id,
                soort=RoosterWijzigingSoort.HANDMATIG,
            )
        )
    if changed:
        # Subscribed calendars replace their copy of an event when its SEQUENCE rises (RFC 5545).
        bijeenkomst.sequence += 1
    session.add(bijeenkomst)
    session.flush()
    if "capaciteit" in changed:
        wachtlijst.schuif_door(bijeenkomst, session=session)
    if "gastorganisatieId" in changed:
        bijdragen_service.vervallen_gastheren(bijeenkomst, session=session)
    if changed:
        geannuleerd = changed.get("status", {}).get("nieuw") == BijeenkomstStatus.GEANNULEERD
        publiceer(
            session,
            events.BIJEENKOMST_GEANNULEERD if geannuleerd else events.BIJEENKOMST_GEWIJZIGD,
            onderwerp=bijeenkomst.id,
            netwerk_id=bijeenkomst.netwerk_id,
            data=changed,
        )
    return bijeenkomst


def waarschuwingen(
    netwerk: Netwerk, bijeenkomsten: list[Bijeenkomst], *, noem_titel: bool = False
) -> list[Waarschuwing]:
    """One warning per stored bijeenkomst (not cancelled) outside the network's term.

    The same test as the spelregel `bijeenkomsten-in-looptijd` in the health, and silent when
    the kartrekkers switched that rule off. `noem_titel` names each one, for a series.
    """
    if not spelregels_van(netwerk)[BIJEENKOMSTEN_IN_LOOPTIJD].actief:
        return []
    looptijd = Looptijd(
        startdatum=netwerk.startdatum, geplande_einddatum=netwerk.geplande_einddatum
    )
    gevonden = []
    for bijeenkomst in bijeenkomsten:
        if bijeenkomst.status == BijeenkomstStatus.GEANNULEERD:
            continue
        dag = dag_van(bijeenkomst.start)
        afwijking = looptijd.afwijking(dag)
        if afwijking is None:
            continue
        wie = f"'{bijeenkomst.titel}'" if noem_titel else "Deze bijeenkomst"
        gevonden.append(
            Waarschuwing(
                code="buiten-looptijd",
                bericht=f"{wie} valt op {datum(dag)}, {afwijking}. Ze is "
                "bewaard; loopt het netwerk langer door, verleng dan de looptijd "
                "(`geplandeEinddatum`), en klopt de datum niet, verplaats haar dan.",
            )
        )
    return gevonden


def verwijder(bijeenkomst: Bijeenkomst, *, session: Session) -> None:
    """Remove a bijeenkomst (cancelling keeps it visible: status `geannuleerd`)."""
    session.delete(bijeenkomst)
    session.flush()
    publiceer(
        session,
        events.BIJEENKOMST_GEANNULEERD,
        onderwerp=bijeenkomst.id,
        netwerk_id=bijeenkomst.netwerk_id,
        data={"verwijderd": True},
    )


def laad(
    netwerk: Netwerk, bijeenkomst_id: uuid.UUID, *, session: Session, for_update: bool = False
) -> Bijeenkomst:
    """The bijeenkomst of this netwerk, or 404."""
    return get_in_netwerk_or_404(
        session,
        Bijeenkomst,
        bijeenkomst_id,
        netwerk_id=netwerk.id,
        naam="bijeenkomst",
        for_update=for_update,
    )
