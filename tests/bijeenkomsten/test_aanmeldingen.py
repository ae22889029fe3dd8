"""Aanmeldingen through HTTP: answers for oneself, a colleague as vervanger, the waiting list."""

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.bijeenkomsten.opzet import Netwerkje, leden


def _antwoord(
    client: TestClient, netwerkje: Netwerkje, bijeenkomst: dict[str, Any], wie: str, **body: Any
) -> Any:
    deelnemer_id = netwerkje.deelnemers[wie]["id"] if wie in netwerkje.deelnemers else wie
    return client.put(
        f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen/{deelnemer_id}",
        json={"antwoord": "ja", **body},
    )


def test_a_full_session_puts_yes_on_the_waiting_list_which_moves_up_oldest_first(
    netwerkje: Netwerkje,
) -> None:
    bijeenkomst = netwerkje.bijeenkomst(capaciteit=2)
    lid = leden(netwerkje, 1)[0]
    for wie in ("kim", "eva"):
        assert _antwoord(netwerkje.als[wie], netwerkje, bijeenkomst, wie).status_code == 201
    daan = _antwoord(netwerkje.als["daan"], netwerkje, bijeenkomst, "daan")
    assert daan.status_code == 201
    assert daan.json()["wachtlijst"] is True
    assert daan.json()["wachtlijstpositie"] == 1
    later = _antwoord(netwerkje.beheer, netwerkje, bijeenkomst, lid["id"]).json()
    assert later["wachtlijstpositie"] == 2

    lijst = netwerkje.beheer.get(f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen").json()
    assert lijst["telling"] == {
        "ja": 2,
        "wachtlijst": 2,
        "misschien": 0,
        "nee": 0,
        "capaciteit": 2,
        "vrijePlaatsen": 0,
    }

    # Eva cancels: Daan, who waited longest, gets her place; the other moves to the front.
    afgezegd = _antwoord(netwerkje.als["eva"], netwerkje, bijeenkomst, "eva", antwoord="nee")
    assert afgezegd.status_code == 200
    url = f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen"
    daan_nu = netwerkje.beheer.get(f"{url}/{netwerkje.deelnemers['daan']['id']}").json()
    assert daan_nu["wachtlijst"] is False
    lid_nu = netwerkje.beheer.get(f"{url}/{lid['id']}").json()
    assert (lid_nu["wachtlijst"], lid_nu["wachtlijstpositie"]) == (True, 1)

    # A bigger room gives the rest a place too.
    groter = netwerkje.beheer.patch(netwerkje.b_url(bijeenkomst), json={"capaciteit": 5})
    assert groter.status_code == 200
    assert groter.json()["capaciteit"] == 5
    telling = netwerkje.beheer.get(url).json()["telling"]
    assert (telling["ja"], telling["wachtlijst"], telling["vrijePlaatsen"]) == (3, 0, 2)


def test_sending_the_same_answer_again_keeps_the_place_in_the_queue(
    netwerkje: Netwerkje,
) -> None:
    bijeenkomst = netwerkje.bijeenkomst(capaciteit=1)
    _antwoord(netwerkje.als["kim"], netwerkje, bijeenkomst, "kim")
    eerst = _antwoord(netwerkje.als["eva"], netwerkje, bijeenkomst, "eva").json()
    _antwoord(netwerkje.als["daan"], netwerkje, bijeenkomst, "daan")
    nog_eens = _antwoord(netwerkje.als["eva"], netwerkje, bijeenkomst, "eva")
    assert nog_eens.status_code == 200
    assert nog_eens.json()["wachtlijstpositie"] == 1
    assert nog_eens.json()["gewijzigdOp"] == eerst["gewijzigdOp"]
    assert nog_eens.headers["ETag"]


def test_changing_a_remark_while_waiting_keeps_the_place(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst(capaciteit=1)
    _antwoord(netwerkje.als["kim"], netwerkje, bijeenkomst, "kim")
    _antwoord(netwerkje.als["eva"], netwerkje, bijeenkomst, "eva")
    _antwoord(netwerkje.als["daan"], netwerkje, bijeenkomst, "daan")
    gewijzigd = _antwoord(
        netwerkje.als["eva"], netwerkje, bijeenkomst, "eva", opmerking="Ik kom iets later."
    )
    assert gewijzigd.status_code == 200
    assert gewijzigd.json()["wachtlijstpositie"] == 1
    # Kim cancels: Eva, who joined the waiting list first, gets the place.
    _antwoord(netwerkje.als["kim"], netwerkje, bijeenkomst, "kim", antwoord="nee")
    url = f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen"
    eva = netwerkje.beheer.get(f"{url}/{netwerkje.deelnemers['eva']['id']}").json()
    assert eva["wachtlijst"] is False


def test_a_deelnemer_answers_only_for_themselves(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst()
    voor_een_ander = _antwoord(netwerkje.als["daan"], netwerkje, bijeenkomst, "eva")
    assert voor_een_ander.status_code == 403
    assert "aan- of afmelden" in voor_een_ander.json()["detail"]
    assert _antwoord(netwerkje.als["kim"], netwerkje, bijeenkomst, "eva").status_code == 201
    buitenstaander = _antwoord(netwerkje.als["bo"], netwerkje, bijeenkomst, "bo")
    assert buitenstaander.status_code == 404
    # A read-only view: everyone in the network sees the answers.
    lijst = netwerkje.als["daan"].get(f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen")
    assert lijst.status_code == 200
    assert [a["deelnemerId"] for a in lijst.json()["results"]] == [
        netwerkje.deelnemers["eva"]["id"]
    ]


def test_a_colleague_of_the_same_organisation_can_come_instead(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst(capaciteit=1)
    eva = netwerkje.als["eva"]
    met_vervanger = _antwoord(
        eva, netwerkje, bijeenkomst, "eva", vervangerPersoonId=netwerkje.personen["bo"]["id"]
    )
    assert met_vervanger.status_code == 201, met_vervanger.text
    assert met_vervanger.json()["vervangerPersoonId"] == netwerkje.personen["bo"]["id"]
    # The vervanger takes Eva's place: the next yes waits.
    assert _antwoord(netwerkje.als["daan"], netwerkje, bijeenkomst, "daan").json()["wachtlijst"]

    for vervanger, code in [
        ("pim", "andere-organisatie"),
        ("kim", "al-deelnemer"),
        ("eva", "zelf"),
    ]:
        response = _antwoord(
            eva,
            netwerkje,
            bijeenkomst,
            "eva",
            vervangerPersoonId=netwerkje.personen[vervanger]["id"],
        )
        assert response.status_code == 400, vervanger
        [probleem] = response.json()["invalidParams"]
        assert (probleem["name"], probleem["code"]) == ("vervangerPersoonId", code)
    bij_nee = _antwoord(
        eva,
        netwerkje,
        bijeenkomst,
        "eva",
        antwoord="nee",
        vervangerPersoonId=netwerkje.personen["bo"]["id"],
    )
    assert bij_nee.json()["invalidParams"][0]["code"] == "alleen-bij-ja"
    # Nothing of the refused answers was written.
    url = f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen/{netwerkje.deelnemers['eva']['id']}"
    opgeslagen = netwerkje.beheer.get(url).json()
    assert (opgeslagen["antwoord"], opgeslagen["vervangerPersoonId"]) == (
        "ja",
        netwerkje.personen["bo"]["id"],
    )


def test_no_answers_for_a_cancelled_session(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst(status="geannuleerd")
    response = _antwoord(netwerkje.als["eva"], netwerkje, bijeenkomst, "eva")
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"


def test_unanswered_is_404_and_invalid_answer_is_400(netwerkje: Netwerkje) -> None:
    bijeenkomst = netwerkje.bijeenkomst()
    url = f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen/{netwerkje.deelnemers['eva']['id']}"
    assert netwerkje.beheer.get(url).status_code == 404
    fout = netwerkje.beheer.put(url, json={"antwoord": "wellicht"})
    assert fout.status_code == 400
    assert fout.json()["invalidParams"][0]["name"] == "antwoord"


def test_listing_answers_takes_a_constant_number_of_statements(
    netwerkje: Netwerkje, session: Session, count_statements: Callable[[], Any]
) -> None:
    bijeenkomst = netwerkje.bijeenkomst(capaciteit=2)
    for lid in leden(netwerkje, 6):
        _antwoord(netwerkje.beheer, netwerkje, bijeenkomst, lid["id"])
    url = f"{netwerkje.b_url(bijeenkomst)}/aanmeldingen"
    counts = []
    for page_size in (1, 3, 50):
        with count_statements() as counter:
            response = netwerkje.beheer.get(url, params={"pageSize": page_size})
        assert response.status_code == 200
        assert response.json()["telling"]["wachtlijst"] == 4
        counts.append(counter.count)
    assert counts[0] == counts[1] == counts[2]
    # the API key, netwerk, bijeenkomst, count, page, waiting places, counts per answer
    assert counts[0] <= 7, "\n".join(s[:120] for s in counter.statements)
