"""The TOOI import: the parser on a hand-written fixture, the upsert, and the published lists."""

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models import Organisatie
from app.models.enums import OrganisatieSoort
from app.organisaties.tooi import (
    TooiFout,
    TooiOrganisatie,
    importeer,
    lees_waardelijst,
    ontleed_waardelijst,
)

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "tooi"
GEMEENTEN = FIXTURE / "gemeenten.json"
PROVINCIES = FIXTURE / "provincies.json"
WATERSCHAPPEN = FIXTURE / "waterschappen.json"
ALLE_LIJSTEN = [GEMEENTEN, PROVINCIES, WATERSCHAPPEN]
GEDEELD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tooi"

TOOI = "https://identifier.overheid.nl/tooi/id"
ONT = "https://identifier.overheid.nl/tooi/def/ont/"


def laad(pad: Path) -> Any:
    return json.loads(pad.read_text(encoding="utf-8"))


def per_code(organisaties: list[TooiOrganisatie]) -> dict[str, TooiOrganisatie]:
    return {o.organisatiecode: o for o in organisaties}


def knoop(data: list[dict[str, Any]], uri: str) -> dict[str, Any]:
    return next(k for k in data if k["@id"] == uri)


def tel(session: Session, soort: OrganisatieSoort, *, actueel: bool) -> int:
    einddatum = col(Organisatie.einddatum)
    statement = (
        select(func.count())
        .select_from(Organisatie)
        .where(Organisatie.soort == soort)
        .where(einddatum.is_(None) if actueel else einddatum.is_not(None))
    )
    return session.exec(statement).one()


# --- The parser ------------------------------------------------------------------------------


def test_parser_reads_the_gemeenten_and_leaves_out_merger_records() -> None:
    gemeenten = per_code(lees_waardelijst(laad(GEMEENTEN)))
    assert sorted(gemeenten) == [
        "gm0014",
        "gm0017",
        "gm0018",
        "gm0040",
        "gm0106",
        "gm1952",
        "gm1987",
    ]
    assert {o.soort for o in gemeenten.values()} == {OrganisatieSoort.GEMEENTE}
    assert not any("wzg_" in o.tooi_uri for o in gemeenten.values())

    assen = gemeenten["gm0106"]
    assert assen.naam == "gemeente Assen"
    assert assen.tooi_uri == f"{TOOI}/gemeente/gm0106"
    assert assen.actueel


def test_parser_keeps_a_merged_gemeente_with_its_einddatum() -> None:
    gemeenten = per_code(lees_waardelijst(laad(GEMEENTEN)))
    assert [c for c, o in sorted(gemeenten.items()) if o.actueel] == ["gm0014", "gm0106", "gm1952"]

    hoogezand = gemeenten["gm0018"]
    assert hoogezand.einddatum == date(2017, 12, 31)
    assert not hoogezand.actueel
    midden_groningen = gemeenten["gm1952"]
    assert midden_groningen.begindatum == date(2018, 1, 1)
    assert midden_groningen.einddatum is None


def test_parser_reports_what_it_left_out() -> None:
    lijst = ontleed_waardelijst(laad(GEMEENTEN))
    assert lijst.soort is OrganisatieSoort.GEMEENTE
    assert lijst.zichtdatum == date(2024, 1, 15)
    assert lijst.overgeslagen == {"samenvoeging": 1, "uitbreiding": 1}


def test_a_historic_name_of_a_waterschap_is_not_an_organisation_of_its_own() -> None:
    lijst = ontleed_waardelijst(laad(WATERSCHAPPEN))
    amstel = [o for o in lijst.organisaties if o.organisatiecode == "ws0155"]
    assert [(o.tooi_uri, o.naam) for o in amstel] == [
        (f"{TOOI}/waterschap/ws0155", "waterschap Amstel, Gooi en Vecht")
    ]
    assert lijst.overgeslagen == {
        "historische versie": 1,
        "samenvoeging": 1,
        "toestandswijziging": 1,
    }


def test_the_name_is_the_label_the_list_shows() -> None:
    waterschappen = per_code(lees_waardelijst(laad(WATERSCHAPPEN)))
    # voorkeursnaamInclSoort would say "waterschap Wetterskip Fryslân".
    assert waterschappen["ws0653"].naam == "Wetterskip Fryslân"
    provincies = per_code(lees_waardelijst(laad(PROVINCIES)))
    assert provincies["pv20"].naam == "provincie Groningen"
    assert per_code(lees_waardelijst(laad(GEMEENTEN)))["gm0014"].naam == "gemeente Groningen"


def test_an_organisation_of_another_type_in_the_list_is_left_out() -> None:
    data = laad(GEMEENTEN)
    vreemd = copy.deepcopy(knoop(laad(PROVINCIES), f"{TOOI}/provincie/pv22"))
    data.append(vreemd)
    lijst = ontleed_waardelijst(data)
    assert all(o.soort is OrganisatieSoort.GEMEENTE for o in lijst.organisaties)
    assert "pv22" not in per_code(list(lijst.organisaties))
    assert lijst.overgeslagen["provincie"] == 1


def test_a_graph_document_is_read_like_a_plain_list() -> None:
    data = laad(PROVINCIES)
    assert lees_waardelijst({"@graph": data}) == lees_waardelijst(data)


def _zonder_code(data: list[dict[str, Any]]) -> None:
    del knoop(data, f"{TOOI}/gemeente/gm0106")[ONT + "organisatiecode"]


def _slechte_datum(data: list[dict[str, Any]]) -> None:
    knoop(data, f"{TOOI}/gemeente/gm0017")[ONT + "einddatum"] = [{"@value": "31-12-2018"}]


def _einde_voor_begin(data: list[dict[str, Any]]) -> None:
    knoop(data, f"{TOOI}/gemeente/gm1952")[ONT + "einddatum"] = [{"@value": "2017-06-30"}]


def _dubbel(data: list[dict[str, Any]]) -> None:
    data.append(copy.deepcopy(knoop(data, f"{TOOI}/gemeente/gm0106")))


def _ministeries(data: list[dict[str, Any]]) -> None:
    beschrijving = next(k for k in data if "rwc_gemeenten" in k["@id"])
    beschrijving["http://purl.org/pav/derivedFrom"] = [{"@id": f"{TOOI}/ministerie"}]


def _geen_beschrijving(data: list[dict[str, Any]]) -> None:
    data[:] = [k for k in data if "rwc_gemeenten" not in k["@id"]]


def _ongeldige_code(data: list[dict[str, Any]]) -> None:
    knoop(data, f"{TOOI}/gemeente/gm0106")[ONT + "organisatiecode"] = [{"@value": "Assen!"}]


@pytest.mark.parametrize(
    ("bederf", "melding"),
    [
        (_zonder_code, "gm0106 heeft geen organisatiecode"),
        (_slechte_datum, "'31-12-2018' is geen datum"),
        (_einde_voor_begin, "einddatum moet op of na begindatum liggen"),
        (_dubbel, "gm0106 staat twee keer in de lijst"),
        (_ministeries, "onbekende soort waardelijst"),
        (_geen_beschrijving, "geen TOOI-waardelijst"),
        (_ongeldige_code, "organisatiecode: Heeft niet de juiste vorm"),
    ],
    ids=[
        "zonder-code",
        "slechte-datum",
        "einde-voor-begin",
        "dubbel",
        "ministeries",
        "geen-beschrijving",
        "ongeldige-code",
    ],
)
def test_the_parser_refuses_a_broken_list_and_says_why(bederf: Any, melding: str) -> None:
    data = laad(GEMEENTEN)
    bederf(data)
    with pytest.raises(TooiFout, match=melding):
        lees_waardelijst(data)


def test_the_parser_refuses_json_that_is_not_a_list_of_nodes() -> None:
    with pytest.raises(TooiFout, match="geen TOOI-waardelijst"):
        lees_waardelijst({"gemeenten": ["Assen"]})


# --- The import ------------------------------------------------------------------------------


def test_import_creates_every_organisation_and_counts_per_soort(session: Session) -> None:
    verslag = importeer(ALLE_LIJSTEN, session=session)

    gemeente = verslag.per_soort[OrganisatieSoort.GEMEENTE]
    assert (gemeente.nieuw, gemeente.bijgewerkt, gemeente.ongewijzigd) == (7, 0, 0)
    assert (gemeente.actueel, gemeente.historisch) == (3, 4)
    provincie = verslag.per_soort[OrganisatieSoort.PROVINCIE]
    assert (provincie.nieuw, provincie.actueel, provincie.historisch) == (2, 2, 0)
    waterschap = verslag.per_soort[OrganisatieSoort.WATERSCHAP]
    assert (waterschap.nieuw, waterschap.actueel, waterschap.historisch) == (5, 3, 2)

    assert tel(session, OrganisatieSoort.GEMEENTE, actueel=True) == 3
    assert tel(session, OrganisatieSoort.GEMEENTE, actueel=False) == 4
    assert tel(session, OrganisatieSoort.PROVINCIE, actueel=True) == 2
    assert tel(session, OrganisatieSoort.WATERSCHAP, actueel=True) == 3
    assert tel(session, OrganisatieSoort.WATERSCHAP, actueel=False) == 2

    samenvatting = verslag.samenvatting()
    assert (
        "gemeenten: 7 nieuw, 0 bijgewerkt, 0 ongewijzigd; 3 actueel, 4 historisch" in samenvatting
    )
    assert "Totaal: 14 nieuw, 0 bijgewerkt, 0 ongewijzigd." in samenvatting
    assert str(verslag) == samenvatting


def test_a_second_import_changes_nothing_and_says_so(session: Session) -> None:
    importeer(ALLE_LIJSTEN, session=session)
    voor = {o.tooi_uri: (o.id, o.gewijzigd_op) for o in session.exec(select(Organisatie))}

    verslag = importeer(ALLE_LIJSTEN, session=session)

    assert (verslag.nieuw, verslag.bijgewerkt, verslag.ongewijzigd) == (0, 0, 14)
    assert not verslag.iets_veranderd
    assert "Er is niets veranderd." in verslag.samenvatting()
    session.expire_all()
    na = {o.tooi_uri: (o.id, o.gewijzigd_op) for o in session.exec(select(Organisatie))}
    assert na == voor


def test_import_updates_an_organisation_with_the_same_tooi_uri(session: Session) -> None:
    eigen = Organisatie(
        naam="Gemeente Assen (handmatig)",
        soort=OrganisatieSoort.OVERIG,
        tooi_uri=f"{TOOI}/gemeente/gm0106",
        oin="00000001001589623000",
    )
    session.add(eigen)
    session.flush()

    verslag = importeer([GEMEENTEN], session=session)

    gemeente = verslag.per_soort[OrganisatieSoort.GEMEENTE]
    assert (gemeente.nieuw, gemeente.bijgewerkt, gemeente.ongewijzigd) == (6, 1, 0)
    assen = session.exec(
        select(Organisatie).where(Organisatie.tooi_uri == f"{TOOI}/gemeente/gm0106")
    ).one()
    assert assen.id == eigen.id
    assert (assen.naam, assen.soort, assen.organisatiecode) == (
        "gemeente Assen",
        OrganisatieSoort.GEMEENTE,
        "gm0106",
    )
    assert assen.oin == "00000001001589623000"  # not in TOOI: left as it was


def test_an_old_code_still_resolves_with_its_einddatum(
    session: Session, client: TestClient
) -> None:
    importeer(ALLE_LIJSTEN, session=session)

    haren = client.get("/v1/organisaties", params={"organisatiecode": "gm0017"}).json()
    assert [(o["naam"], o["einddatum"]) for o in haren["results"]] == [
        ("gemeente Haren", "2018-12-31")
    ]
    bestaand = client.get("/v1/organisaties", params={"soort": "gemeente", "actueel": "true"})
    assert [o["naam"] for o in bestaand.json()["results"]] == [
        "gemeente Assen",
        "gemeente Groningen",
        "gemeente Midden-Groningen",
    ]


def _schrijf(pad: Path, inhoud: str) -> Path:
    pad.write_text(inhoud, encoding="utf-8")
    return pad


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ("gemeente;code\nAssen;gm0106\n", "is geen geldige JSON"),
        ('{"gemeenten": []}', "geen TOOI-waardelijst"),
        ("[]", "geen TOOI-waardelijst"),
        (
            json.dumps(
                [
                    {
                        "@id": "https://identifier.overheid.nl/tooi/set/rwc_ministeries_compleet/1",
                        "@type": [
                            "https://identifier.overheid.nl/tooi/def/wl/RegisterwaardelijstCompleet"
                        ],
                        "http://purl.org/pav/derivedFrom": [{"@id": f"{TOOI}/ministerie"}],
                    }
                ]
            ),
            "onbekende soort waardelijst",
        ),
    ],
    ids=["geen-json", "geen-lijst", "lege-lijst", "onbekende-soort"],
)
def test_a_bad_file_names_itself_and_writes_nothing(
    session: Session, tmp_path: Path, inhoud: str, melding: str
) -> None:
    slecht = _schrijf(tmp_path / "slecht.json", inhoud)

    with pytest.raises(TooiFout, match=melding) as fout:
        importeer([GEMEENTEN, slecht, WATERSCHAPPEN], session=session)

    assert str(fout.value).startswith(f"{slecht}: ")
    assert session.exec(select(func.count()).select_from(Organisatie)).one() == 0


def test_a_missing_file_is_named(session: Session, tmp_path: Path) -> None:
    weg = tmp_path / "bestaat-niet.json"
    with pytest.raises(TooiFout, match="kan het bestand niet lezen") as fout:
        importeer([GEMEENTEN, weg], session=session)
    assert str(weg) in str(fout.value)
    assert session.exec(select(func.count()).select_from(Organisatie)).one() == 0


def test_the_same_list_twice_is_refused(session: Session) -> None:
    with pytest.raises(TooiFout, match="geef elke waardelijst één keer op"):
        importeer([GEMEENTEN, PROVINCIES, GEMEENTEN], session=session)
    assert session.exec(select(func.count()).select_from(Organisatie)).one() == 0


# --- The lists KOOP publishes ----------------------------------------------------------------


@pytest.mark.skipif(not GEDEELD.is_dir(), reason=f"{GEDEELD} ontbreekt")
def test_the_published_lists_give_todays_organisations(session: Session) -> None:
    bestanden = [
        GEDEELD / "rwc_gemeenten_compleet_4.json",
        GEDEELD / "rwc_provincies_compleet_1.json",
        GEDEELD / "rwc_waterschappen_compleet_2.json",
    ]
    verslag = importeer(bestanden, session=session)

    assert tel(session, OrganisatieSoort.GEMEENTE, actueel=True) == 342
    assert tel(session, OrganisatieSoort.PROVINCIE, actueel=True) == 12
    assert tel(session, OrganisatieSoort.WATERSCHAP, actueel=True) == 21
    assert verslag.per_soort[OrganisatieSoort.GEMEENTE].historisch > 0
    appingedam = session.exec(
        select(Organisatie).where(Organisatie.organisatiecode == "gm0003")
    ).one()
    assert appingedam.einddatum is not None

    again = importeer(bestanden, session=session)
    assert not again.iets_veranderd
