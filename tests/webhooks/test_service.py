"""Subscriptions and their deliveries, as the `/v1/abonnementen` router will use them."""

import base64
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session, select
from standardwebhooks import Webhook

from app.errors import Conflict, InvalidInput, NotFound
from app.models import Abonnement, Aflevering, AfleverPoging, Netwerk, utcnow
from app.webhooks import events, service
from app.webhooks.events import AfleverStatus, publiceer
from app.webhooks.instellingen import WebhookInstellingen
from tests.webhooks.conftest import TEST_INSTELLINGEN

STRENG = WebhookInstellingen()
SINK = "https://93.184.215.14/kartrekker"


def maak(session: Session, **velden: Any) -> Abonnement:
    velden.setdefault("sink", SINK)
    return service.maak(session=session, instellingen=STRENG, **velden)


def test_new_subscription_gets_a_standard_webhooks_secret(session: Session) -> None:
    abonnement = maak(session, types=["nl.kartrekker.bijeenkomst.*"])
    assert abonnement.geheim.startswith("whsec_")
    assert len(base64.b64decode(abonnement.geheim.removeprefix("whsec_"))) == 24
    Webhook(abonnement.geheim)  # the library accepts it
    assert maak(session).geheim != abonnement.geheim
    assert abonnement.actief
    assert abonnement.sink == SINK


def test_all_problems_are_reported_at_once(session: Session) -> None:
    with pytest.raises(InvalidInput) as fout:
        maak(
            session,
            sink="http://10.0.0.1/in",
            types=["nl.kartrekker.bijeenkomst.gepland", "nl.kartrekker.bijeenkomst.verplaatst"],
            filters={"netwerkId": "geen-uuid", "organisatieId": str(uuid.uuid4())},
        )
    problemen = {(p.name, p.code) for p in fout.value.params}
    assert problemen == {
        ("sink", "ongeldige-sink"),
        ("types.1", "onbekend-type"),
        ("filters.netwerkId", "uuid_parsing"),
        ("filters.organisatieId", "onbekend-filter"),
    }
    assert fout.value.status == 400
    assert session.exec(select(Abonnement)).all() == []


def test_private_sink_refused_unless_allowed(session: Session) -> None:
    with pytest.raises(InvalidInput) as fout:
        maak(session, sink="https://192.168.1.20/in")
    [probleem] = fout.value.params
    assert "openbare internet" in probleem.reason
    toegestaan = service.maak(
        session=session, instellingen=TEST_INSTELLINGEN, sink="http://192.168.1.20/in"
    )
    assert toegestaan.sink == "http://192.168.1.20/in"


def test_prefixes_must_match_something_in_the_catalogue(session: Session) -> None:
    assert maak(session, types=["nl.kartrekker.*"]).types == ["nl.kartrekker.*"]
    with pytest.raises(InvalidInput):
        maak(session, types=["nl.kartrekker.onzin.*"])
    with pytest.raises(InvalidInput):
        maak(session, types=["nl.kartrekker.netwerk"])


def test_types_and_filters_are_normalised(session: Session) -> None:
    netwerk = uuid.uuid4()
    abonnement = maak(
        session,
        types=[events.NETWERK_GEPAUZEERD, events.NETWERK_GEPAUZEERD],
        filters={"netwerkId": str(netwerk).upper()},
    )
    assert abonnement.types == [events.NETWERK_GEPAUZEERD]
    assert abonnement.filters == {"netwerkId": str(netwerk)}


def test_a_netwerk_subscription_cannot_filter_on_another_netwerk(session: Session) -> None:
    netwerk = Netwerk(naam="Klimaatadaptatie")
    session.add(netwerk)
    session.flush()
    with pytest.raises(InvalidInput) as fout:
        maak(session, netwerk_id=netwerk.id, filters={"netwerkId": str(uuid.uuid4())})
    assert fout.value.params[0].code == "buiten-netwerk"
    eigen = maak(session, netwerk_id=netwerk.id, filters={"netwerkId": str(netwerk.id)})
    assert eigen.netwerk_id == netwerk.id


def test_change_checks_like_create_and_switching_off_records_why(session: Session) -> None:
    abonnement = maak(session)
    service.wijzig(
        abonnement,
        {"types": [events.LEERVRAAG_TOEGEVOEGD], "actief": False},
        session=session,
        instellingen=STRENG,
    )
    assert abonnement.types == [events.LEERVRAAG_TOEGEVOEGD]
    assert not abonnement.actief
    assert abonnement.beeindigd_reden == service.UITGEZET
    service.wijzig(abonnement, {"actief": True}, session=session, instellingen=STRENG)
    assert abonnement.actief
    assert abonnement.beeindigd_reden is None

    with pytest.raises(InvalidInput) as fout:
        service.wijzig(
            abonnement,
            {"sink": "http://hooks.example/in", "actief": None},
            session=session,
            instellingen=STRENG,
        )
    assert {p.name for p in fout.value.params} == {"sink", "actief"}
    assert abonnement.sink == SINK  # nothing applied
    with pytest.raises(ValueError, match="geheim"):
        service.wijzig(abonnement, {"geheim": "x"}, session=session, instellingen=STRENG)


def test_new_secret_and_removal(session: Session) -> None:
    abonnement = maak(session)
    oud = abonnement.geheim
    assert service.vernieuw_geheim(abonnement, session=session).geheim != oud
    publiceer(session, events.NETWERK_HERVAT, onderwerp=uuid.uuid4(), netwerk_id=None, data={})
    service.verwijder(abonnement, session=session)
    session.expunge_all()
    with pytest.raises(NotFound):
        service.laad(abonnement.id, session=session)
    # Its deliveries went with it.
    assert session.exec(select(Aflevering)).all() == []


def afleveringen_met_pogingen(session: Session, abonnement: Abonnement, aantal: int) -> None:
    for _ in range(aantal):
        gebeurtenis = publiceer(
            session,
            events.BIJEENKOMST_GEPLAND,
            onderwerp=uuid.uuid4(),
            netwerk_id=uuid.uuid4(),
            data={},
        )
        aflevering = session.exec(
            select(Aflevering).where(
                Aflevering.gebeurtenis_id == gebeurtenis.id,
                Aflevering.abonnement_id == abonnement.id,
            )
        ).one()
        for statuscode in (500, 204):
            session.add(AfleverPoging(aflevering_id=aflevering.id, statuscode=statuscode))
    session.flush()


def test_listing_deliveries_takes_three_statements_whatever_the_page_size(
    session: Session, count_statements: Callable[[], Any]
) -> None:
    abonnement = maak(session)
    afleveringen_met_pogingen(session, abonnement, 12)
    session.expunge_all()
    abonnement = service.laad(abonnement.id, session=session)

    tellingen = []
    for grootte in (1, 5, 20):
        with count_statements() as teller:
            pagina, totaal = service.lijst_afleveringen(
                abonnement, session=session, page_size=grootte
            )
        assert totaal == 12
        assert len(pagina) == min(grootte, 12)
        tellingen.append(teller.count)
    assert tellingen == [3, 3, 3]
    eerste = pagina[0]
    assert [p.statuscode for p in eerste.pogingen] == [500, 204]
    assert eerste.gebeurtenis.id == eerste.aflevering.gebeurtenis_id


def test_a_delivery_is_only_found_under_its_own_subscription(session: Session) -> None:
    abonnement, ander = maak(session), maak(session)
    afleveringen_met_pogingen(session, abonnement, 1)
    [item], _ = service.lijst_afleveringen(abonnement, session=session)
    gevonden = service.laad_aflevering(abonnement, item.aflevering.id, session=session)
    assert len(gevonden.pogingen) == 2
    with pytest.raises(NotFound):
        service.laad_aflevering(ander, item.aflevering.id, session=session)
    with pytest.raises(NotFound):
        service.opnieuw_afleveren(ander, item.aflevering.id, session=session)


def test_redelivery_starts_a_fresh_series_now(session: Session) -> None:
    abonnement = maak(session)
    afleveringen_met_pogingen(session, abonnement, 1)
    [item], _ = service.lijst_afleveringen(abonnement, session=session)
    aflevering = item.aflevering
    aflevering.status = AfleverStatus.OPGEGEVEN
    aflevering.pogingen = 15
    aflevering.volgende_poging_op = utcnow() - timedelta(days=2)
    session.flush()

    voor = utcnow()
    service.opnieuw_afleveren(abonnement, aflevering.id, session=session)

    assert aflevering.status == AfleverStatus.WACHTEND
    assert aflevering.pogingen == 0
    assert aflevering.geclaimd_tot is None
    assert aflevering.volgende_poging_op >= voor
    # The log of earlier attempts stays.
    assert len(service.laad_aflevering(abonnement, aflevering.id, session=session).pogingen) == 2


def test_redelivery_of_an_inactive_subscription_is_a_conflict(session: Session) -> None:
    abonnement = maak(session)
    afleveringen_met_pogingen(session, abonnement, 1)
    [item], _ = service.lijst_afleveringen(abonnement, session=session)
    service.wijzig(abonnement, {"actief": False}, session=session, instellingen=STRENG)
    with pytest.raises(Conflict):
        service.opnieuw_afleveren(abonnement, item.aflevering.id, session=session)
