"""Evaluations through HTTP: once per person per session, scores 1–5, private but summarised."""

from typing import Any

from tests.bijeenkomsten.opzet import VERLEDEN, VERLEDEN_EINDE, Netwerkje


def _gehouden(netwerkje: Netwerkje, **extra: Any) -> dict[str, Any]:
    return netwerkje.bijeenkomst(start=VERLEDEN, einde=VERLEDEN_EINDE, **extra)


def _evalueer(netwerkje: Netwerkje, bijeenkomst: dict[str, Any], wie: str, **scores: Any) -> Any:
    return netwerkje.als[wie].post(
        f"{netwerkje.b_url(bijeenkomst)}/evaluaties",
        json={"deelnemerId": netwerkje.deelnemers[wie]["id"], **scores},
    )


def test_one_evaluation_per_person_per_session_editable_by_its_author(
    netwerkje: Netwerkje,
) -> None:
    bijeenkomst = _gehouden(netwerkje)
    eerste = _evalueer(
        netwerkje, bijeenkomst, "daan", leerwaarde=4, plezier=5, opbrengst="Het inwonerspanel"
    )
    assert eerste.status_code == 201, eerste.text
    tweede = _evalueer(netwerkje, bijeenkomst, "daan", leerwaarde=2, plezier=2)
    assert tweede.status_code == 409
    assert tweede.json()["evaluatieId"] == eerste.json()["id"]

    url = f"{netwerkje.b_url(bijeenkomst)}/evaluaties/{eerste.json()['id']}"
    etag = netwerkje.als["daan"].get(url).headers["ETag"]
    gewijzigd = netwerkje.als["daan"].patch(url, json={"plezier": 3}, headers={"If-Match": etag})
    assert gewijzigd.status_code == 200
    assert (gewijzigd.json()["leerwaarde"], gewijzigd.json()["plezier"]) == (4, 3)
    # Not even a kartrekker changes someone else's judgement.
    assert netwerkje.als["kim"].patch(url, json={"plezier": 1}).status_code == 403
    assert netwerkje.als["eva"].patch(url, json={"plezier": 1}).status_code == 403
    assert netwerkje.als["daan"].get(url).json()["plezier"] == 3


def test_scores_outside_one_to_five_are_400_and_nothing_is_stored(netwerkje: Netwerkje) -> None:
    bijeenkomst = _gehouden(netwerkje)
    response = _evalueer(netwerkje, bijeenkomst, "eva", leerwaarde=6, plezier=0)
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"leerwaarde", "plezier"}
    lijst = netwerkje.beheer.get(f"{netwerkje.b_url(bijeenkomst)}/evaluaties").json()
    assert lijst["samenvatting"]["aantal"] == 0
    eigen = _evalueer(netwerkje, bijeenkomst, "eva", leerwaarde=5, plezier=1)
    assert eigen.status_code == 201
    te_hoog = netwerkje.als["eva"].patch(
        f"{netwerkje.b_url(bijeenkomst)}/evaluaties/{eigen.json()['id']}", json={"leerwaarde": 9}
    )
    assert te_hoog.status_code == 400


def test_individual_answers_are_private_the_summary_is_not(netwerkje: Netwerkje) -> None:
    bijeenkomst = _gehouden(netwerkje)
    daan = _evalueer(netwerkje, bijeenkomst, "daan", leerwaarde=4, plezier=5).json()
    _evalueer(netwerkje, bijeenkomst, "eva", leerwaarde=2, plezier=4)
    url = f"{netwerkje.b_url(bijeenkomst)}/evaluaties"

    eva_ziet = netwerkje.als["eva"].get(url).json()
    assert [e["deelnemerId"] for e in eva_ziet["results"]] == [netwerkje.deelnemers["eva"]["id"]]
    assert eva_ziet["samenvatting"] == {
        "aantal": 2,
        "gemiddeldeLeerwaarde": 3.0,
        "gemiddeldPlezier": 4.5,
    }
    assert netwerkje.als["kim"].get(url).json()["count"] == 2
    assert netwerkje.als["eva"].get(f"{url}/{daan['id']}").status_code == 403
    assert netwerkje.als["kim"].get(f"{url}/{daan['id']}").status_code == 200
    assert netwerkje.beheer.get(f"{url}/{daan['id']}").status_code == 200


def test_a_deelnemer_evaluates_for_themselves_and_only_after_the_start(
    netwerkje: Netwerkje,
) -> None:
    bijeenkomst = _gehouden(netwerkje)
    namens_eva = netwerkje.als["daan"].post(
        f"{netwerkje.b_url(bijeenkomst)}/evaluaties",
        json={"deelnemerId": netwerkje.deelnemers["eva"]["id"], "leerwaarde": 5, "plezier": 5},
    )
    assert namens_eva.status_code == 403
    toekomst = netwerkje.bijeenkomst(titel="Later")
    assert _evalueer(netwerkje, toekomst, "daan", leerwaarde=3, plezier=3).status_code == 409


def test_the_trend_lists_every_held_session_in_order(netwerkje: Netwerkje) -> None:
    eerste = _gehouden(netwerkje, titel="Eerste")
    tweede = netwerkje.bijeenkomst(
        titel="Tweede", start="2026-03-05T13:30:00+01:00", einde="2026-03-05T16:30:00+01:00"
    )
    netwerkje.bijeenkomst(
        titel="Geannuleerd",
        start="2026-02-05T13:30:00+01:00",
        einde="2026-02-05T16:30:00+01:00",
        status="geannuleerd",
    )
    netwerkje.bijeenkomst(titel="Toekomst")
    _evalueer(netwerkje, eerste, "daan", leerwaarde=2, plezier=3)
    _evalueer(netwerkje, eerste, "eva", leerwaarde=3, plezier=3)
    _evalueer(netwerkje, tweede, "daan", leerwaarde=5, plezier=4)

    trend = netwerkje.als["daan"].get(f"{netwerkje.url}/evaluaties/trend")
    assert trend.status_code == 200
    punten = [
        (p["titel"], p["aantal"], p["gemiddeldeLeerwaarde"], p["gemiddeldPlezier"])
        for p in trend.json()["bijeenkomsten"]
    ]
    assert punten == [("Eerste", 2, 2.5, 3.0), ("Tweede", 1, 5.0, 4.0)]
