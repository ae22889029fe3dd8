"""A realistic demo network, loaded by `kartrekker serve --demo`; loading twice adds nothing.

Written for the purpose, in the spirit of the northern network on new democracy: a bounded topic,
four kartrekkers from four organisations, gemeenten with a provincie and a waterschap, all four
roles per organisation, sessions hosted in turn and leervragen in Dutch. The people are invented.
"""

import hashlib
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from app.auth import sleutels
from app.bijeenkomsten import service as bijeenkomsten
from app.bijeenkomsten.schemas import BijeenkomstNieuw
from app.deelnemers import service as deelnemers
from app.deelnemers.schemas import DeelnemerNieuw
from app.leervragen import service as leervragen
from app.leervragen.schemas import LeervraagNieuw
from app.models import ApiSleutel, Netwerk, Organisatie, Persoon
from app.models.enums import BijeenkomstStatus, LeervraagSoort, NetwerkStatus, OrganisatieSoort
from app.netwerken import service as netwerken
from app.netwerken.schemas import NetwerkNieuw
from app.organisaties import service as organisaties
from app.organisaties.schemas import OrganisatieNieuw
from app.personen import service as personen
from app.personen.schemas import PersoonNieuw

# A fixed id: the demo network is recognised on a second load, whatever its name became.
DEMO_NETWERK_ID = uuid.UUID("6f1c2a4e-0d5b-4c39-9a57-4b1e7d2c8a10")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TOOI = "https://identifier.overheid.nl/tooi/id"

ORGANISATIES = [
    ("gm0106", "gemeente Assen", OrganisatieSoort.GEMEENTE, f"{TOOI}/gemeente/gm0106"),
    ("gm0080", "gemeente Leeuwarden", OrganisatieSoort.GEMEENTE, f"{TOOI}/gemeente/gm0080"),
    ("gm0014", "gemeente Groningen", OrganisatieSoort.GEMEENTE, f"{TOOI}/gemeente/gm0014"),
    ("gm0114", "gemeente Emmen", OrganisatieSoort.GEMEENTE, f"{TOOI}/gemeente/gm0114"),
    ("pv22", "provincie Drenthe", OrganisatieSoort.PROVINCIE, f"{TOOI}/provincie/pv22"),
    ("ws0653", "Wetterskip Fryslân", OrganisatieSoort.WATERSCHAP, f"{TOOI}/waterschap/ws0653"),
]


@dataclass(frozen=True)
class DemoPersoon:
    naam: str
    organisatiecode: str
    functie: str
    rol: str
    kartrekker: bool = False


PERSONEN = [
    DemoPersoon(
        "Marieke Dijkstra",
        "gm0106",
        "Strategisch adviseur organisatieontwikkeling",
        "organisatieontwikkeling",
        kartrekker=True,
    ),
    DemoPersoon("Henk Bosma", "gm0106", "Concerndirecteur", "beslisser"),
    DemoPersoon("Sanne Wieringa", "gm0106", "Wijkregisseur", "participatie"),
    DemoPersoon("Daan Mulder", "gm0106", "Trainee bestuur en samenleving", "jonge-hond"),
    DemoPersoon(
        "Sjoerd van der Meer",
        "gm0080",
        "Senior adviseur bestuur en management",
        "beslisser",
        kartrekker=True,
    ),
    DemoPersoon(
        "Froukje Hoekstra", "gm0080", "Programmamanager democratische vernieuwing", "participatie"
    ),
    DemoPersoon("Bauke Terpstra", "gm0080", "HR-adviseur", "organisatieontwikkeling"),
    DemoPersoon("Lotte Visser", "gm0080", "Junior beleidsmedewerker", "jonge-hond"),
    DemoPersoon(
        "Anouk Smit", "gm0014", "Coördinator wijkgericht werken", "participatie", kartrekker=True
    ),
    DemoPersoon("Pieter Kuipers", "gm0014", "Directeur publieksdienstverlening", "beslisser"),
    DemoPersoon("Ilse de Boer", "gm0014", "Organisatieadviseur", "organisatieontwikkeling"),
    DemoPersoon("Jesse Veenstra", "gm0014", "Traineeship Noord", "jonge-hond"),
    DemoPersoon("Gerrit Hofman", "gm0114", "Gemeentesecretaris", "beslisser"),
    DemoPersoon("Esther Brouwer", "gm0114", "Adviseur inwonersparticipatie", "participatie"),
    DemoPersoon("Noor Jansen", "gm0114", "Stagiair bestuurskunde", "jonge-hond"),
    DemoPersoon(
        "Wim Oosting",
        "pv22",
        "Adviseur organisatieontwikkeling",
        "organisatieontwikkeling",
        kartrekker=True,
    ),
    DemoPersoon("Karin Zijlstra", "pv22", "Programmaleider omgevingsbeleid", "beslisser"),
    DemoPersoon("Ruben Schaafsma", "pv22", "Participatiecoach Omgevingswet", "participatie"),
    DemoPersoon("Jelle Wijma", "ws0653", "Omgevingsmanager", "participatie"),
    DemoPersoon("Tessa Kramer", "ws0653", "Jonge ambtenaar waterbeheer", "jonge-hond"),
]

BIJEENKOMSTEN = [
    # (titel, local start, hours, host code, status)
    (
        "Aftrap: waarom dit netwerk?",
        datetime(2026, 3, 12, 13, 30),
        3,
        "gm0106",
        BijeenkomstStatus.GEHOUDEN,
    ),
    (
        "Leervragen ophalen: wat breng je, wat haal je?",
        datetime(2026, 4, 23, 13, 30),
        3,
        "gm0080",
        BijeenkomstStatus.GEHOUDEN,
    ),
    (
        "De ambtenaar als verbinder in de wijk",
        datetime(2026, 6, 4, 13, 30),
        3,
        "pv22",
        BijeenkomstStatus.GEHOUDEN,
    ),
    (
        "Intervisie: als inwoners iets anders willen dan het bestuur",
        datetime(2026, 9, 17, 13, 30),
        3,
        "gm0014",
        BijeenkomstStatus.GEHOUDEN,
    ),
    (
        "Excursie: dijkversterking samen met bewoners",
        datetime(2027, 1, 14, 13, 0),
        4,
        "ws0653",
        BijeenkomstStatus.BEVESTIGD,
    ),
    (
        "Werken in kleine groepen: participatie in de begrotingscyclus",
        datetime(2027, 3, 4, 13, 30),
        3,
        "gm0114",
        BijeenkomstStatus.GEPLAND,
    ),
]

LEERVRAGEN = [
    (
        "Marieke Dijkstra",
        LeervraagSoort.BRENGEN,
        "Ervaring met een leertraject waarin "
        "medewerkers oefenen met gesprekken aan de keukentafel.",
        ["organisatieontwikkeling"],
    ),
    (
        "Marieke Dijkstra",
        LeervraagSoort.HALEN,
        "Hoe meet je of de organisatie echt anders is "
        "gaan werken, en niet alleen anders is gaan praten?",
        ["organisatieontwikkeling"],
    ),
    (
        "Henk Bosma",
        LeervraagSoort.HALEN,
        "Hoe geef ik als directeur ruimte aan medewerkers "
        "die met inwoners afspraken maken, zonder de grip op het budget te verliezen?",
        ["sturing"],
    ),
    (
        "Sanne Wieringa",
        LeervraagSoort.BRENGEN,
        "Wijkbudgetten waarover bewoners zelf beslissen: wat werkte in Assen-Oost en wat niet.",
        ["participatie"],
    ),
    (
        "Daan Mulder",
        LeervraagSoort.HALEN,
        "Hoe krijg ik jongeren betrokken bij een participatietraject dat jaren duurt?",
        ["participatie", "jongeren"],
    ),
    (
        "Sjoerd van der Meer",
        LeervraagSoort.BRENGEN,
        "Een werkwijze om burgerinitiatieven "
        "snel een vast aanspreekpunt in de organisatie te geven.",
        ["participatie", "sturing"],
    ),
    (
        "Froukje Hoekstra",
        LeervraagSoort.HALEN,
        "Hoe leg je de uitkomst van een burgerberaad "
        "zo vast dat de raad er serieus mee verder kan?",
        ["participatie"],
    ),
    (
        "Lotte Visser",
        LeervraagSoort.BRENGEN,
        "Ik heb een jongerenpanel opgezet via Instagram en scholen; ik deel graag wat ik leerde.",
        ["jongeren"],
    ),
    (
        "Anouk Smit",
        LeervraagSoort.BRENGEN,
        "Wijkgericht werken in Groningen: hoe teams in de wijk mandaat kregen.",
        ["organisatieontwikkeling", "participatie"],
    ),
    (
        "Pieter Kuipers",
        LeervraagSoort.HALEN,
        "Welke bevoegdheden kun je verantwoord neerleggen bij wijkteams?",
        ["sturing"],
    ),
    (
        "Gerrit Hofman",
        LeervraagSoort.HALEN,
        "Hoe nemen we inwoners mee in de keuzes van de begroting zonder dat het een ritueel wordt?",
        ["participatie", "sturing"],
    ),
    (
        "Esther Brouwer",
        LeervraagSoort.BRENGEN,
        "Een stappenplan voor participatie bij ruimtelijke projecten onder de Omgevingswet.",
        ["participatie", "omgevingswet"],
    ),
    (
        "Wim Oosting",
        LeervraagSoort.HALEN,
        "Hoe werken provincie en gemeenten samen aan "
        "participatie zonder dat inwoners van het kastje naar de muur gaan?",
        ["participatie", "samenwerking"],
    ),
    (
        "Ruben Schaafsma",
        LeervraagSoort.BRENGEN,
        "Ervaring met participatie bij de aanleg van windparken en zonnevelden.",
        ["participatie", "omgevingswet"],
    ),
    (
        "Jelle Wijma",
        LeervraagSoort.BRENGEN,
        "Hoe het waterschap bewoners betrekt bij "
        "dijkversterking: van informatieavond tot ontwerpatelier.",
        ["participatie"],
    ),
    (
        "Tessa Kramer",
        LeervraagSoort.HALEN,
        "Hoe houd ik als jonge ambtenaar mijn ideeën "
        "overeind in een organisatie met veel ervaren collega's?",
        ["jongeren", "organisatieontwikkeling"],
    ),
]


def _email(naam: str, organisatiecode: str) -> str:
    local = naam.lower().replace(" ", ".").replace("ï", "i")
    return f"{local}@{organisatiecode}.demo.kartrekker.example"


def laad_demo(*, session: Session) -> str:
    """Load the demo network once; returns a Dutch line saying what happened."""
    if session.get(Netwerk, DEMO_NETWERK_ID) is not None:
        return "Demonetwerk staat er al; niets toegevoegd."

    orgs: dict[str, Organisatie] = {}
    for code, naam, soort, tooi_uri in ORGANISATIES:
        existing = session.exec(select(Organisatie).where(Organisatie.tooi_uri == tooi_uri)).first()
        orgs[code] = existing or organisaties.maak(
            OrganisatieNieuw(naam=naam, soort=soort, tooi_uri=tooi_uri, organisatiecode=code),
            session=session,
        )

    netwerk = netwerken.maak(
        NetwerkNieuw(
            naam="Lerend netwerk Nieuwe Democratie Noord",
            onderwerp="Wat vraagt samenwerken met inwoners van de ambtelijke organisatie: "
            "rollen, vaardigheden, sturing en cultuur.",
            toelichting="Noordelijke gemeenten, een provincie en een waterschap leren twee jaar "
            "samen over de organisatorische kant van nieuwe democratie. Niet over de rol van de "
            "raad, wel over wat het betekent voor de gemiddelde ambtenaar.",
            themas=[
                "participatie",
                "organisatieontwikkeling",
                "sturing",
                "jongeren",
                "omgevingswet",
                "samenwerking",
            ],
            startdatum=date(2026, 3, 12),
            geplande_einddatum=date(2028, 3, 1),
        ),
        session=session,
    )
    netwerk.id = DEMO_NETWERK_ID
    session.flush()

    deelnemer_ids: dict[str, uuid.UUID] = {}
    for demo in PERSONEN:
        email = _email(demo.naam, demo.organisatiecode)
        persoon = session.exec(select(Persoon).where(Persoon.email == email)).first()
        if persoon is None:
            persoon = personen.maak(
                PersoonNieuw(
                    naam=demo.naam,
                    email=email,
                    organisatie_id=orgs[demo.organisatiecode].id,
                    functie=demo.functie,
                ),
                session=session,
            )
        deelnemer, _ = deelnemers.maak(
            netwerk,
            DeelnemerNieuw(
                persoon_id=persoon.id,
                rol=demo.rol,
                kartrekker=demo.kartrekker,
                sinds=date(2026, 3, 12),
            ),
            session=session,
        )
        deelnemer_ids[demo.naam] = deelnemer.id

    for titel, local_start, hours, host, status in BIJEENKOMSTEN:
        start = local_start.replace(tzinfo=AMSTERDAM)
        bijeenkomsten.maak(
            netwerk,
            BijeenkomstNieuw(
                titel=titel,
                start=start.astimezone(UTC),
                einde=start.replace(hour=start.hour + hours).astimezone(UTC),
                locatie=f"Bij {orgs[host].naam}",
                gastorganisatie_id=orgs[host].id,
                status=status,
            ),
            session=session,
        )

    for naam, leervraag_soort, tekst, themas in LEERVRAGEN:
        leervragen.maak(
            netwerk,
            LeervraagNieuw(
                deelnemer_id=deelnemer_ids[naam],
                soort=leervraag_soort,
                tekst=tekst,
                themas=themas,
            ),
            session=session,
        )

    netwerk.status = NetwerkStatus.ACTIEF
    session.add(netwerk)
    session.flush()
    return (
        f"Demonetwerk '{netwerk.naam}' geladen: {len(ORGANISATIES)} organisaties, "
        f"{len(PERSONEN)} deelnemers, {len(BIJEENKOMSTEN)} bijeenkomsten, "
        f"{len(LEERVRAGEN)} leervragen."
    )


DEMO_SLEUTEL_NAAM = "Demo (kartrekker serve --demo)"


def demo_sleutel_bestand(database_url: str) -> Path:
    """Where `serve --demo` keeps its key for this database, readable by its owner only.

    Beside a SQLite file (a Docker volume keeps both); for another database in the user's
    state directory, one file per database.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(f"{url.database}.demo-sleutel")
    staat = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    naam = hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()[:12]
    return staat / "kartrekker" / f"demo-{naam}.sleutel"


def demo_sleutel(*, session: Session, bestand: Path | None = None) -> str:
    """The demo's beheer key: the same one at every start on one database.

    The key lives in `bestand` (the database keeps only its hash, as for every key); when that
    file is gone or its key no longer works, a new key replaces the earlier demo keys.
    """
    if bestand is not None and bestand.exists():
        bewaard = bestand.read_text(encoding="utf-8").strip()
        rij = sleutels.zoek(bewaard, session=session)
        if rij is not None and rij.naam == DEMO_SLEUTEL_NAAM:
            return bewaard
    nieuw = sleutels.maak(naam=DEMO_SLEUTEL_NAAM, scopes=["beheer"], session=session)
    oude = session.exec(
        select(ApiSleutel).where(
            ApiSleutel.naam == DEMO_SLEUTEL_NAAM,
            col(ApiSleutel.ingetrokken_op).is_(None),
            col(ApiSleutel.id) != nieuw.rij.id,
        )
    ).all()
    for rij in oude:
        sleutels.trek_in(rij, session=session)
    if bestand is not None:
        bestand.parent.mkdir(parents=True, exist_ok=True)
        # Created owner-only from the start: the key never sits readable for others.
        descriptor = os.open(bestand, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as uit:
            uit.write(nieuw.sleutel + "\n")
    return nieuw.sleutel
