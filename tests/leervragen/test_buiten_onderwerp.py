"""A leervraag far from the network's onderwerp is kept, and made visible (DOMAIN.md rule 1)."""

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.demo import DEMO_NETWERK_ID, laad_demo
from tests import factories

# The factories' network is about "Inwoners betrekken bij de energietransitie".
BUITEN = "Welke software gebruiken jullie voor de salarisadministratie?"


def _netwerk(client: TestClient) -> tuple[dict[str, Any], dict[str, Any]]:
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"], "Fenna Hoekstra")
    netwerk = factories.netwerk(client, themas=["participatie", "jongeren"])
    return netwerk, factories.deelnemer(client, netwerk["id"], persoon["id"])


def _post(client: TestClient, netwerk: dict[str, Any], deelnemer: dict[str, Any], **velden: Any):  # type: ignore[no-untyped-def]
    body = {"deelnemerId": deelnemer["id"], "soort": "halen", **velden}
    return client.post(f"/v1/netwerken/{netwerk['id']}/leervragen", json=body)


def _codes(response: Any) -> list[str]:
    assert response.status_code in (200, 201), response.text
    return [w["code"] for w in response.json()["waarschuwingen"]]


def _onderwerpbevindingen(client: TestClient, netwerk_id: Any) -> list[dict[str, Any]]:
    body = client.get(f"/v1/netwerken/{netwerk_id}/gezondheid").json()
    return [
        b
        for entry in body["bevindingenPerDeelnemer"]
        for b in entry["bevindingen"]
        if b["code"] == "leervragen-bij-onderwerp"
    ]


def test_an_off_topic_leervraag_is_stored_with_a_warning_and_shown_in_health(
    client: TestClient,
) -> None:
    netwerk, deelnemer = _netwerk(client)
    response = _post(client, netwerk, deelnemer, tekst=BUITEN)
    assert response.status_code == 201, response.text
    body = response.json()
    assert _codes(response) == ["buiten-onderwerp"]
    bericht = body["waarschuwingen"][0]["bericht"]
    assert "Inwoners betrekken bij de energietransitie" in bericht
    assert "thema" in bericht
    # A warning, not a refusal: the leervraag is there.
    stored = client.get(f"/v1/netwerken/{netwerk['id']}/leervragen/{body['id']}")
    assert stored.status_code == 200
    assert stored.json()["tekst"] == BUITEN

    [bevinding] = _onderwerpbevindingen(client, netwerk["id"])
    assert bevinding["ernst"] == "waarschuwing"
    assert bevinding["leervraagIds"] == [body["id"]]
    assert bevinding["deelnemerIds"] == [deelnemer["id"]]
    assert "Fenna Hoekstra" in bevinding["melding"]
    assert "salarisadministratie" in bevinding["melding"]


def test_a_theme_or_a_word_shared_with_the_onderwerp_is_enough(client: TestClient) -> None:
    netwerk, deelnemer = _netwerk(client)
    assert _codes(_post(client, netwerk, deelnemer, tekst=BUITEN, themas=["participatie"])) == []
    for tekst in [
        "Hoe krijgen we bewoners mee bij een zonnepark?",  # bewoners ≈ inwoners
        "Wie heeft ervaring met energiecoöperaties in kleine dorpen?",  # energie-transitie
        "Hoe betrek ik jongeren?",  # betrekken; and jongeren is a theme of the network
        "Een burgerberaad over de warmtevisie: hoe pak je dat aan?",  # burger ≈ inwoner
    ]:
        assert _codes(_post(client, netwerk, deelnemer, tekst=tekst)) == [], tekst
    assert _onderwerpbevindingen(client, netwerk["id"]) == []


def test_the_warning_follows_the_leervraag_through_patch(client: TestClient) -> None:
    netwerk, deelnemer = _netwerk(client)
    created = _post(client, netwerk, deelnemer, tekst=BUITEN).json()
    url = f"/v1/netwerken/{netwerk['id']}/leervragen/{created['id']}"
    assert _codes(client.patch(url, json={"themas": ["participatie"]})) == []
    assert _onderwerpbevindingen(client, netwerk["id"]) == []
    assert _codes(client.patch(url, json={"themas": []})) == ["buiten-onderwerp"]
    on_topic = "Hoe houden we inwoners betrokken bij de warmtetransitie?"
    assert _codes(client.patch(url, json={"tekst": on_topic})) == []
    assert _onderwerpbevindingen(client, netwerk["id"]) == []
    # A question let go no longer asks for attention.
    client.patch(url, json={"tekst": BUITEN})
    client.patch(url, json={"status": "in-behandeling"})
    assert _codes(client.patch(url, json={"status": "losgelaten"})) == []
    assert _onderwerpbevindingen(client, netwerk["id"]) == []


def test_no_warning_when_the_kartrekkers_switched_the_rule_off(client: TestClient) -> None:
    netwerk, deelnemer = _netwerk(client)
    client.put(
        f"/v1/netwerken/{netwerk['id']}/spelregels",
        json={"leervragen-bij-onderwerp": {"ernst": "uit"}},
    )
    assert _codes(_post(client, netwerk, deelnemer, tekst=BUITEN)) == []
    assert _onderwerpbevindingen(client, netwerk["id"]) == []


def test_no_warning_without_an_onderwerp_to_compare_with(client: TestClient) -> None:
    org = factories.organisatie(client)
    persoon = factories.persoon(client, org["id"])
    netwerk = factories.created(client.post("/v1/netwerken", json={"naam": "Nog zonder"}))
    deelnemer = factories.deelnemer(client, netwerk["id"], persoon["id"])
    assert _codes(_post(client, netwerk, deelnemer, tekst=BUITEN)) == []


def test_the_demo_network_raises_no_false_alarm(client: TestClient, session: Session) -> None:
    laad_demo(session=session)
    assert _onderwerpbevindingen(client, DEMO_NETWERK_ID) == []
