"""`publiceer`: the outbox row, one delivery per matching subscription, in the caller's session."""

import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from app.db import ALLEEN_LEZEN
from app.models import Aflevering, Gebeurtenis, Netwerk
from app.models.enums import NetwerkStatus
from app.webhooks import events, service
from app.webhooks.events import CATALOGUS, OnbekendGebeurtenistype, publiceer
from tests.webhooks.conftest import TEST_INSTELLINGEN

SINK = "https://hooks.example/in"


def abonnement(session: Session, **velden: Any) -> uuid.UUID:
    rij = service.maak(session=session, instellingen=TEST_INSTELLINGEN, sink=SINK, **velden)
    return rij.id


def netwerk(session: Session) -> uuid.UUID:
    rij = Netwerk(naam="Democratie in Actie")
    session.add(rij)
    session.flush()
    return rij.id


def ontvangers(session: Session, gebeurtenis: Gebeurtenis) -> set[uuid.UUID]:
    return set(
        session.exec(
            select(Aflevering.abonnement_id).where(Aflevering.gebeurtenis_id == gebeurtenis.id)
        ).all()
    )


def test_one_delivery_per_matching_active_subscription(session: Session) -> None:
    hier, elders = netwerk(session), netwerk(session)
    verwacht = {
        abonnement(session),  # no types: everything
        abonnement(session, types=["nl.kartrekker.bijeenkomst.gepland"]),
        abonnement(session, types=["nl.kartrekker.bijeenkomst.*"]),
        abonnement(session, types=["nl.kartrekker.*"]),
        abonnement(session, filters={"netwerkId": str(hier)}),
        abonnement(session, netwerk_id=hier),  # a kartrekker's, of this netwerk
    }
    niet = {
        abonnement(session, types=["nl.kartrekker.bijeenkomst.geannuleerd"]),
        abonnement(session, types=["nl.kartrekker.netwerk.*"]),
        abonnement(session, filters={"netwerkId": str(elders)}),
        abonnement(session, netwerk_id=elders),  # never sees another netwerk
    }
    uit = abonnement(session)
    service.wijzig(
        service.laad(uit, session=session),
        {"actief": False},
        session=session,
        instellingen=TEST_INSTELLINGEN,
    )
    niet.add(uit)

    gebeurtenis = publiceer(
        session,
        events.BIJEENKOMST_GEPLAND,
        onderwerp=uuid.uuid4(),
        netwerk_id=hier,
        data={"titel": "Kennismaking"},
    )

    assert ontvangers(session, gebeurtenis) == verwacht
    assert not ontvangers(session, gebeurtenis) & niet
    aflevering = session.exec(
        select(Aflevering).where(Aflevering.gebeurtenis_id == gebeurtenis.id)
    ).first()
    assert aflevering is not None
    assert aflevering.status == "wachtend"
    assert aflevering.volgende_poging_op == gebeurtenis.tijd  # due at once


def test_event_is_flushed_in_the_callers_transaction_but_not_committed(
    session: Session, engine: Engine
) -> None:
    abonnement(session)
    gebeurtenis = publiceer(
        session,
        events.LEERVRAAG_TOEGEVOEGD,
        onderwerp=uuid.uuid4(),
        netwerk_id=uuid.uuid4(),
        data={},
    )
    assert session.get(Gebeurtenis, gebeurtenis.id) is not None
    assert session.in_transaction()
    # Another connection, reading only (a writer would wait for this test's lock), sees nothing.
    with engine.connect().execution_options(**{ALLEEN_LEZEN: True}) as andere:
        zichtbaar = andere.execute(
            select(func.count()).where(col(Gebeurtenis.id) == gebeurtenis.id)
        ).scalar()
    assert zichtbaar == 0


def test_an_event_is_written_even_without_subscribers(session: Session) -> None:
    gebeurtenis = publiceer(
        session, events.OPVOLGING_NODIG, onderwerp=uuid.uuid4(), netwerk_id=uuid.uuid4(), data={}
    )
    assert session.get(Gebeurtenis, gebeurtenis.id) is not None
    assert ontvangers(session, gebeurtenis) == set()


def test_a_netwerk_event_is_filed_under_its_netwerk(session: Session) -> None:
    hier = netwerk(session)
    gefilterd = abonnement(session, filters={"netwerkId": str(hier)})
    gebeurtenis = publiceer(
        session,
        events.NETWERK_GEACTIVEERD,
        onderwerp=hier,
        netwerk_id=None,
        data={"status": {"oud": NetwerkStatus.CONCEPT, "nieuw": NetwerkStatus.ACTIEF}},
    )
    assert gebeurtenis.netwerk_id == hier
    assert ontvangers(session, gebeurtenis) == {gefilterd}


def test_data_is_stored_as_json(session: Session) -> None:
    persoon = uuid.uuid4()
    gebeurtenis = publiceer(
        session,
        events.BIJEENKOMST_GEWIJZIGD,
        onderwerp=uuid.uuid4(),
        netwerk_id=uuid.uuid4(),
        data={
            "gastheer": persoon,
            "begin": datetime(2027, 1, 12, 9, 30, tzinfo=UTC),
            "datum": date(2027, 1, 12),
            "status": NetwerkStatus.ACTIEF,
        },
    )
    session.expire(gebeurtenis)
    assert gebeurtenis.data == {
        "gastheer": str(persoon),
        "begin": "2027-01-12T09:30:00Z",
        "datum": "2027-01-12",
        "status": "actief",
    }


def test_unknown_type_is_a_programming_error(session: Session) -> None:
    with pytest.raises(OnbekendGebeurtenistype):
        publiceer(
            session,
            "nl.kartrekker.netwerk.ontploft",
            onderwerp=uuid.uuid4(),
            netwerk_id=None,
            data={},
        )
    assert session.scalar(select(func.count()).select_from(Gebeurtenis)) == 0


def test_catalogue_names_every_event_of_the_issue_with_a_dutch_description() -> None:
    verwacht = {
        f"nl.kartrekker.{naam}"
        for naam in (
            "netwerk.geactiveerd",
            "netwerk.gepauzeerd",
            "netwerk.hervat",
            "netwerk.afgerond",
            "deelnemer.toegevoegd",
            "deelnemer.vertrokken",
            "bijeenkomst.gepland",
            "bijeenkomst.gewijzigd",
            "bijeenkomst.geannuleerd",
            "gastrooster.gewijzigd",
            "opvolging.nodig",
            "leervraag.toegevoegd",
            "leervraag.beantwoord",
            "netwerkorganisatie.toegevoegd",
            "netwerkorganisatie.gewijzigd",
            "netwerkorganisatie.verwijderd",
        )
    }
    assert set(CATALOGUS) == verwacht
    for soort in CATALOGUS.values():
        assert soort.omschrijving.endswith(".")
        assert "Onderwerp:" in soort.omschrijving
        assert soort.pad.startswith("/netwerken/{netwerk}")
