"""The rule catalogue as data, a network's settings of it, and validated edits by kartrekkers.

A `Regeldefinitie` is what a rule is (code, Dutch text, source, default weight, parameters);
a `Spelregel` is how one network has set it (weight and parameter values); `Spelregels` is the
full set of a network, always one setting per catalogue rule, in catalogue order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import ClassVar

from app.errors import InvalidParam
from app.models.enums import STANDAARD_ROLLEN
from app.spelregels.bevinding import Ernst

Waarde = int | float | bool | tuple[str, ...]


class Handhaving(StrEnum):
    """When a blocking rule refuses something."""

    # Only the step to actief: a network must be in order to start, but people who leave later
    # cannot be held back by a refused write.
    BIJ_START = "bij-start"
    # Also every write in a running network (the 151st deelnemer, the last kartrekker of the
    # second organisation).
    ALTIJD = "altijd"


class OngeldigeSpelregels(ValueError):
    """Edits to spelregels that cannot be applied; `problemen` lists every one of them."""

    def __init__(self, problemen: list[InvalidParam]) -> None:
        super().__init__(
            "De spelregels zijn ongeldig: " + " ".join(f"{p.name}: {p.reason}" for p in problemen)
        )
        self.problemen = problemen


class _OngeldigeWaarde(Exception):
    def __init__(self, code: str, reden: str) -> None:
        super().__init__(reden)
        self.code = code
        self.reden = reden


@dataclass(frozen=True, kw_only=True)
class GeheelGetal:
    """A whole-number parameter within bounds."""

    soort: ClassVar[str] = "geheel-getal"
    naam: str
    omschrijving: str
    standaard: int
    minimum: int = 0
    maximum: int | None = None

    def lees(self, waarde: object) -> int:
        """The value, or _OngeldigeWaarde."""
        # JSON true is an int to Python; a kartrekker who sends it meant something else.
        if isinstance(waarde, bool) or not isinstance(waarde, int | float):
            raise _OngeldigeWaarde("geen-geheel-getal", "Moet een geheel getal zijn.")
        if isinstance(waarde, float) and not waarde.is_integer():
            raise _OngeldigeWaarde("geen-geheel-getal", "Moet een geheel getal zijn.")
        getal = int(waarde)
        if getal < self.minimum:
            raise _OngeldigeWaarde("te-klein", f"Moet minstens {self.minimum} zijn.")
        if self.maximum is not None and getal > self.maximum:
            raise _OngeldigeWaarde("te-groot", f"Mag hoogstens {self.maximum} zijn.")
        return getal


@dataclass(frozen=True, kw_only=True)
class Decimaal:
    """A decimal parameter within bounds (a fraction, a mark on 1–5)."""

    soort: ClassVar[str] = "decimaal"
    naam: str
    omschrijving: str
    standaard: float
    minimum: float
    maximum: float

    def lees(self, waarde: object) -> float:
        """The value, or _OngeldigeWaarde."""
        if isinstance(waarde, bool) or not isinstance(waarde, int | float):
            raise _OngeldigeWaarde("geen-getal", "Moet een getal zijn.")
        getal = float(waarde)
        if not math.isfinite(getal):
            raise _OngeldigeWaarde("geen-getal", "Moet een eindig getal zijn.")
        if getal < self.minimum:
            raise _OngeldigeWaarde("te-klein", f"Moet minstens {self.minimum:g} zijn.")
        if getal > self.maximum:
            raise _OngeldigeWaarde("te-groot", f"Mag hoogstens {self.maximum:g} zijn.")
        return getal


@dataclass(frozen=True, kw_only=True)
class JaNee:
    """A yes/no parameter."""

    soort: ClassVar[str] = "ja-nee"
    naam: str
    omschrijving: str
    standaard: bool

    def lees(self, waarde: object) -> bool:
        """The value, or _OngeldigeWaarde."""
        if not isinstance(waarde, bool):
            raise _OngeldigeWaarde("geen-ja-nee", "Moet true of false zijn.")
        return waarde


@dataclass(frozen=True, kw_only=True)
class Namenlijst:
    """A parameter that is a list of distinct names (roles)."""

    soort: ClassVar[str] = "lijst"
    naam: str
    omschrijving: str
    standaard: tuple[str, ...]
    maximum_lengte: int = 20

    def lees(self, waarde: object) -> tuple[str, ...]:
        """The value, or _OngeldigeWaarde."""
        if not isinstance(waarde, list | tuple) or not all(isinstance(n, str) for n in waarde):
            raise _OngeldigeWaarde("geen-lijst", "Moet een lijst met namen zijn.")
        namen = tuple(n.strip() for n in waarde)
        if not namen or any(not n or len(n) > 50 for n in namen):
            raise _OngeldigeWaarde(
                "ongeldige-lijst", "Moet minstens één naam bevatten, elk 1 tot 50 tekens."
            )
        if len(namen) > self.maximum_lengte:
            raise _OngeldigeWaarde("te-lang", f"Hoogstens {self.maximum_lengte} namen.")
        if len(set(namen)) != len(namen):
            raise _OngeldigeWaarde("dubbele-naam", "Elke naam mag maar één keer voorkomen.")
        return namen


Parameter = GeheelGetal | Decimaal | JaNee | Namenlijst
# Checks that span parameters: (parameter name, reason) for each problem.
Samenhang = Callable[[Mapping[str, Waarde]], list[tuple[str, str]]]


@dataclass(frozen=True, kw_only=True)
class Regeldefinitie:
    """A rule of the catalogue: stable code, Dutch text, its source, defaults."""

    code: str
    titel: str
    omschrijving: str
    bron: str
    standaard_ernst: Ernst
    handhaving: Handhaving
    parameters: tuple[Parameter, ...] = ()
    samenhang: Samenhang | None = field(default=None, compare=False)

    def parameter(self, naam: str) -> Parameter | None:
        return next((p for p in self.parameters if p.naam == naam), None)

    def standaardwaarden(self) -> dict[str, Waarde]:
        return {p.naam: p.standaard for p in self.parameters}


@dataclass(frozen=True, kw_only=True)
class Spelregel:
    """One rule as a network has set it."""

    definitie: Regeldefinitie
    ernst: Ernst
    waarden: Mapping[str, Waarde]

    @property
    def code(self) -> str:
        return self.definitie.code

    @property
    def actief(self) -> bool:
        return self.ernst != Ernst.UIT

    def getal(self, naam: str) -> int:
        waarde = self.waarden[naam]
        assert isinstance(waarde, int), naam
        assert not isinstance(waarde, bool), naam
        return waarde

    def decimaal(self, naam: str) -> float:
        waarde = self.waarden[naam]
        assert isinstance(waarde, float), naam
        return waarde

    def ja_nee(self, naam: str) -> bool:
        waarde = self.waarden[naam]
        assert isinstance(waarde, bool), naam
        return waarde

    def lijst(self, naam: str) -> tuple[str, ...]:
        waarde = self.waarden[naam]
        assert isinstance(waarde, tuple), naam
        return waarde


@dataclass(frozen=True)
class Spelregels:
    """A network's settings of every catalogue rule, in catalogue order."""

    regels: tuple[Spelregel, ...]

    def __getitem__(self, code: str) -> Spelregel:
        for regel in self.regels:
            if regel.code == code:
                return regel
        raise KeyError(code)

    def __iter__(self) -> Iterator[Spelregel]:
        return iter(self.regels)

    def as_dict(self) -> dict[str, dict[str, object]]:
        """JSON-ready: {code: {"ernst": ..., "parameters": {...}}}; what `pas_aan` reads back."""
        return {
            regel.code: {
                "ernst": regel.ernst.value,
                "parameters": {
                    naam: list(waarde) if isinstance(waarde, tuple) else waarde
                    for naam, waarde in regel.waarden.items()
                },
            }
            for regel in self.regels
        }


def _niet_groter(klein: str, groot: str, reden: str) -> Samenhang:
    def check(waarden: Mapping[str, Waarde]) -> list[tuple[str, str]]:
        a, b = waarden[klein], waarden[groot]
        assert isinstance(a, int | float)
        assert isinstance(b, int | float)
        return [(klein, reden)] if a > b else []

    return check


def _minimum_binnen_rollen(waarden: Mapping[str, Waarde]) -> list[tuple[str, str]]:
    rollen, minimum = waarden["rollen"], waarden["minimumAantal"]
    assert isinstance(rollen, tuple)
    assert isinstance(minimum, int)
    if minimum > len(rollen):
        return [("minimumAantal", f"Mag niet meer zijn dan het aantal rollen ({len(rollen)}).")]
    return []


ONDERWERP_AFGEBAKEND = "onderwerp-afgebakend"
LEERVRAGEN_BIJ_ONDERWERP = "leervragen-bij-onderwerp"
KARTREKKERS = "kartrekkers"
ROLLEN_PER_ORGANISATIE = "rollen-per-organisatie"
SOORTEN_ORGANISATIES = "soorten-organisaties"
LEERVRAGEN_OPGEHAALD = "leervragen-opgehaald"
IEDEREEN_ORGANISEERT = "iedereen-organiseert"
GEEN_CONSUMENTEN = "geen-consumenten"
AFHAKEN = "afhaken"
STABIELE_SAMENSTELLING = "stabiele-samenstelling"
OMVANG = "omvang"
MINIMALE_OMVANG = "minimale-omvang"
PAS_OP_DE_PLAATS = "pas-op-de-plaats"
BIJEENKOMSTEN_IN_LOOPTIJD = "bijeenkomsten-in-looptijd"

# The hard cap of article 000 (Dunbar); a network may set a lower one, never a higher one.
DUNBAR = 150

CATALOGUS: tuple[Regeldefinitie, ...] = (
    Regeldefinitie(
        code=ONDERWERP_AFGEBAKEND,
        titel="Onderwerp afgebakend",
        omschrijving=(
            "Het netwerk heeft een helder afgebakend onderwerp voordat het start: kort genoeg om "
            "scherp te zijn, concreet genoeg om niet aan de oppervlakte te blijven."
        ),
        bron="Artikel 004: 'De eerste succesfactor was: kiezen!'",
        standaard_ernst=Ernst.BLOKKEREND,
        handhaving=Handhaving.ALTIJD,
        parameters=(
            GeheelGetal(
                naam="minimumWoorden",
                omschrijving="Een onderwerp van minder woorden is te vaag.",
                standaard=3,
                minimum=1,
                maximum=50,
            ),
            GeheelGetal(
                naam="maximumWoorden",
                omschrijving="Een onderwerp van meer woorden is niet scherp afgebakend.",
                standaard=30,
                minimum=1,
                maximum=200,
            ),
        ),
        samenhang=_niet_groter(
            "minimumWoorden", "maximumWoorden", "Mag niet groter zijn dan maximumWoorden."
        ),
    ),
    Regeldefinitie(
        code=LEERVRAGEN_BIJ_ONDERWERP,
        titel="Leervragen bij het onderwerp",
        omschrijving=(
            "Een lopende leervraag die geen thema van het netwerk draagt en geen woord deelt met "
            "het onderwerp of de thema's (ook niet via stammen, synoniemen of delen van "
            "samenstellingen) valt op: de deelnemer die over iets anders wil praten, wordt "
            "zichtbaar. De leervraag wordt gewoon bewaard."
        ),
        bron=(
            "Artikel 004: 'Er was één deelnemer bij die het vooral graag wilde hebben over de "
            "rol van de raad. Reuze interessant, maar meer politiek dan organisatorisch.'"
        ),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
    ),
    Regeldefinitie(
        code=KARTREKKERS,
        titel="Kartrekkers uit het netwerk zelf",
        omschrijving=(
            "Minstens twee kartrekkers, uit minstens twee verschillende deelnemende organisaties, "
            "en zelf actief deelnemer: een netwerk dat van buitenaf wordt gedragen, maakt dat "
            "deelnemers achterover leunen en afhaken."
        ),
        bron="Artikel 004: 'Er zijn toen vier kartrekkers opgestaan, uit verschillende gemeenten.'",
        standaard_ernst=Ernst.BLOKKEREND,
        handhaving=Handhaving.ALTIJD,
        parameters=(
            GeheelGetal(
                naam="minimumAantal",
                omschrijving="Minimaal aantal kartrekkers.",
                standaard=2,
                minimum=1,
                maximum=20,
            ),
            GeheelGetal(
                naam="minimumOrganisaties",
                omschrijving="Uit hoeveel organisaties de kartrekkers minstens komen.",
                standaard=2,
                minimum=1,
                maximum=20,
            ),
        ),
        samenhang=_niet_groter(
            "minimumOrganisaties",
            "minimumAantal",
            "Mag niet groter zijn dan minimumAantal: elke kartrekker komt uit één organisatie.",
        ),
    ),
    Regeldefinitie(
        code=ROLLEN_PER_ORGANISATIE,
        titel="Verschillende rollen per organisatie",
        omschrijving=(
            "Elke deelnemende organisatie brengt mensen met verschillende rollen mee, zodat zoveel "
            "mogelijk perspectieven aan tafel zitten: een beslisser, iemand van "
            "organisatieontwikkeling, iemand van participatie en een jonge hond."
        ),
        bron=(
            "Artikel 004: 'We wilden dat er van iedere organisatie verschillende mensen met "
            "verschillende rollen aanhaakten.'"
        ),
        standaard_ernst=Ernst.BLOKKEREND,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            Namenlijst(
                naam="rollen",
                omschrijving="De rollen die per organisatie aan tafel horen.",
                standaard=STANDAARD_ROLLEN,
            ),
            GeheelGetal(
                naam="minimumAantal",
                omschrijving="Hoeveel van die rollen elke organisatie minstens invult.",
                standaard=2,
                minimum=1,
                maximum=20,
            ),
        ),
        samenhang=_minimum_binnen_rollen,
    ),
    Regeldefinitie(
        code=SOORTEN_ORGANISATIES,
        titel="Verschillende soorten organisaties",
        omschrijving=(
            "Er doen meer soorten organisaties mee dan alleen gemeenten, bijvoorbeeld een "
            "provincie of een waterschap: zij hebben met dezelfde uitdagingen te maken."
        ),
        bron="Artikel 004: 'We hebben toen ook meteen andere organisaties uitgenodigd.'",
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            GeheelGetal(
                naam="minimumAantal",
                omschrijving="Minimaal aantal verschillende soorten organisaties.",
                standaard=2,
                minimum=1,
                maximum=10,
            ),
        ),
    ),
    Regeldefinitie(
        code=LEERVRAGEN_OPGEHAALD,
        titel="Leervragen opgehaald",
        omschrijving=(
            "Vanaf de tweede bijeenkomst heeft elke actieve deelnemer minstens één leervraag om "
            "te brengen en één om te halen; de bijeenkomsten worden erop gebouwd."
        ),
        bron=(
            "Artikel 004: 'Tijdens de tweede sessie haalden de kartrekkers bij alle deelnemers "
            "de leervragen op.'"
        ),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            GeheelGetal(
                naam="naAantalBijeenkomsten",
                omschrijving="Na hoeveel gehouden bijeenkomsten de leervragen er moeten zijn.",
                standaard=2,
                minimum=0,
                maximum=100,
            ),
        ),
    ),
    Regeldefinitie(
        code=IEDEREEN_ORGANISEERT,
        titel="Iedereen organiseert",
        omschrijving=(
            "Elke deelnemende organisatie is in de looptijd minstens één keer gastheer of "
            "mede-organisator van een bijeenkomst. De regel waarschuwt al vroeg wanneer de "
            "geplande bijeenkomsten niet genoeg plek bieden om alle organisaties aan de beurt "
            "te laten komen."
        ),
        bron=("Artikel 004: 'We wilden dat iedereen hielp bij het organiseren van bijeenkomsten.'"),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            GeheelGetal(
                naam="organisatorenPerBijeenkomst",
                omschrijving=(
                    "Hoeveel organisaties één bijeenkomst samen kunnen organiseren "
                    "(de gastheer en de mede-organisatoren)."
                ),
                standaard=2,
                minimum=1,
                maximum=10,
            ),
        ),
    ),
    Regeldefinitie(
        code=GEEN_CONSUMENTEN,
        titel="Producenten, geen consumenten",
        omschrijving=(
            "Wie na een aantal bijeenkomsten nog niets heeft bijgedragen (gastheer, "
            "mede-organisator, presentatie, facilitatie of een leervraag om te brengen) komt op "
            "de lijst: een netwerk vol mensen die alleen iets komen halen, levert niemand iets op."
        ),
        bron=(
            "Artikel 004: 'Je kunt in zo'n netwerk niet alleen als consument zitten, je bent "
            "ook producent.'"
        ),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            GeheelGetal(
                naam="naAantalBijeenkomsten",
                omschrijving="Na hoeveel gehouden bijeenkomsten sinds iemands instap.",
                standaard=3,
                minimum=1,
                maximum=100,
            ),
        ),
    ),
    Regeldefinitie(
        code=AFHAKEN,
        titel="Afhakers krijgen een telefoontje",
        omschrijving=(
            "Wie een aantal bijeenkomsten achter elkaar mist, krijgt een opvolging: een "
            "kartrekker belt, bij voorkeur iemand uit de eigen organisatie. Het systeem stuurt "
            "de deelnemer zelf nooit een herinnering."
        ),
        bron=(
            "Artikel 004: 'Wij belden er dan achteraan. Je kunt wel streng mailen dat iemand er "
            "volgende keer wel moet zijn, maar wat helpt dat?'"
        ),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            GeheelGetal(
                naam="aantalAfwezig",
                omschrijving="Na hoeveel gemiste bijeenkomsten achter elkaar.",
                standaard=2,
                minimum=1,
                maximum=20,
            ),
            JaNee(
                naam="afmeldingenTellen",
                omschrijving=(
                    "Of een bijeenkomst waarvoor iemand zich afmeldde ook als gemist telt "
                    "(anders telt ze niet mee en onderbreekt ze de reeks ook niet)."
                ),
                standaard=True,
            ),
        ),
    ),
    Regeldefinitie(
        code=STABIELE_SAMENSTELLING,
        titel="Stabiele samenstelling",
        omschrijving=(
            "De samenstelling blijft zo constant mogelijk: na de start is voor toetreden "
            "goedkeuring van een kartrekker nodig, een vervanger wordt gekoppeld aan wie hij "
            "vervangt, en het verloop blijft onder een drempel. Een organisatie waarvan de "
            "contactpersonen steeds wisselen, valt op."
        ),
        bron=(
            "Artikel 004: 'De samenstelling hebben we zoveel mogelijk gelijk gehouden.' "
            "Artikel 002: 'Teveel wisselingen in contactpersonen is hierbij funest.'"
        ),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            Decimaal(
                naam="maximaalVerloop",
                omschrijving=(
                    "Welk deel van de deelnemers bij de start hoogstens mag vertrekken "
                    "(0,2 is 20%)."
                ),
                standaard=0.2,
                minimum=0.0,
                maximum=1.0,
            ),
            GeheelGetal(
                naam="maximaalWisselingenPerOrganisatie",
                omschrijving="Hoe vaak de mensen van één organisatie hoogstens wisselen.",
                standaard=1,
                minimum=0,
                maximum=50,
            ),
            JaNee(
                naam="toetredenMetGoedkeuring",
                omschrijving=(
                    "Of wie na de start toetreedt eerst door een kartrekker wordt goedgekeurd."
                ),
                standaard=True,
            ),
        ),
    ),
    Regeldefinitie(
        code=OMVANG,
        titel="Hoogstens 150 deelnemers",
        omschrijving=(
            "Een mens onderhoudt duurzame relaties met ongeveer 150 mensen (Dunbar); een netwerk "
            "dat groter is, is een menigte. Een netwerk mag een lagere grens kiezen, geen hogere."
        ),
        bron=(
            "Artikel 000: 'een individu kan een duurzame relatie onderhouden met ongeveer "
            "150 mensen'"
        ),
        standaard_ernst=Ernst.BLOKKEREND,
        handhaving=Handhaving.ALTIJD,
        parameters=(
            GeheelGetal(
                naam="maximum",
                omschrijving="Hoeveel actieve deelnemers het netwerk hoogstens heeft.",
                standaard=DUNBAR,
                minimum=2,
                maximum=DUNBAR,
            ),
        ),
    ),
    Regeldefinitie(
        code=MINIMALE_OMVANG,
        titel="Genoeg deelnemers",
        omschrijving=(
            "Een netwerk heeft genoeg deelnemers om van elkaar te leren: standaard twee "
            "organisaties met elk de vier perspectieven."
        ),
        bron=(
            "Artikel 004: vier perspectieven per organisatie, kartrekkers uit verschillende "
            "gemeenten."
        ),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            GeheelGetal(
                naam="minimum",
                omschrijving="Hoeveel actieve deelnemers het netwerk minstens heeft.",
                standaard=8,
                minimum=1,
                maximum=DUNBAR,
            ),
        ),
    ),
    Regeldefinitie(
        code=PAS_OP_DE_PLAATS,
        titel="Pas op de plaats",
        omschrijving=(
            "Na elk aantal bijeenkomsten, of zodra leerwaarde of plezier in de laatste "
            "evaluaties onder een drempel zakt, maakt het netwerk pas op de plaats: leren we "
            "wel genoeg, en is het nog leuk?"
        ),
        bron=(
            "Artikel 004: 'op een gegeven moment pas op de plaats maakten. Om te kijken: leren "
            "we wel genoeg?' en 'Bewaak de lol.'"
        ),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
        parameters=(
            GeheelGetal(
                naam="elkeAantalBijeenkomsten",
                omschrijving=(
                    "Na hoeveel gehouden bijeenkomsten sinds de vorige reflectie (halverwege een "
                    "termijn van twee jaar met een twaalftal bijeenkomsten)."
                ),
                standaard=6,
                minimum=1,
                maximum=100,
            ),
            GeheelGetal(
                naam="laatsteBijeenkomsten",
                omschrijving=(
                    "Over hoeveel van de laatste geëvalueerde bijeenkomsten het gemiddelde gaat."
                ),
                standaard=2,
                minimum=1,
                maximum=20,
            ),
            Decimaal(
                naam="minimumLeerwaarde",
                omschrijving="Gemiddelde leerwaarde (1–5) waaronder het netwerk reflecteert.",
                standaard=3.0,
                minimum=1.0,
                maximum=5.0,
            ),
            Decimaal(
                naam="minimumPlezier",
                omschrijving="Gemiddeld plezier (1–5) waaronder het netwerk reflecteert.",
                standaard=3.0,
                minimum=1.0,
                maximum=5.0,
            ),
        ),
    ),
    Regeldefinitie(
        code=BIJEENKOMSTEN_IN_LOOPTIJD,
        titel="Bijeenkomsten binnen de looptijd",
        omschrijving=(
            "Een bijeenkomst (niet afgelast) vóór de startdatum of na het geplande einde valt "
            "op: verleng de looptijd als het netwerk langer doorloopt, of verplaats de "
            "bijeenkomst. Zonder looptijd is er niets te toetsen."
        ),
        bron=(
            "Artikel 004: 'We hadden in 2019 een termijn van twee jaar voor ogen en we hebben "
            "pas dit voorjaar afgerond.'"
        ),
        standaard_ernst=Ernst.WAARSCHUWING,
        handhaving=Handhaving.BIJ_START,
    ),
)

DEFINITIE_PER_CODE: Mapping[str, Regeldefinitie] = MappingProxyType(
    {definitie.code: definitie for definitie in CATALOGUS}
)


def standaard_spelregels() -> Spelregels:
    """Every catalogue rule at its default weight and parameter values."""
    return Spelregels(
        tuple(
            Spelregel(
                definitie=d,
                ernst=d.standaard_ernst,
                waarden=MappingProxyType(d.standaardwaarden()),
            )
            for d in CATALOGUS
        )
    )


def pas_aan(spelregels: Spelregels, wijzigingen: Mapping[str, object]) -> Spelregels:
    """`spelregels` with a kartrekker's edits; OngeldigeSpelregels lists every problem.

    `wijzigingen` is {code: {"ernst": ..., "parameters": {naam: waarde}}}; both keys are
    optional and parameters not named keep their value. Problems are named like
    `kartrekkers.parameters.minimumAantal`.
    """
    problemen: list[InvalidParam] = []
    nieuw: dict[str, Spelregel] = {regel.code: regel for regel in spelregels}

    def probleem(naam: str, code: str, reden: str) -> None:
        problemen.append(InvalidParam(name=naam, code=code, reason=reden))

    for code, wijziging in wijzigingen.items():
        definitie = DEFINITIE_PER_CODE.get(code)
        if definitie is None:
            bekend = ", ".join(DEFINITIE_PER_CODE)
            probleem(
                code, "onbekende-spelregel", f"Er is geen spelregel '{code}'; kies uit: {bekend}."
            )
            continue
        if not isinstance(wijziging, Mapping):
            probleem(code, "geen-object", "Moet een object zijn met 'ernst' en/of 'parameters'.")
            continue
        for sleutel in wijziging:
            if sleutel not in ("ernst", "parameters"):
                probleem(
                    f"{code}.{sleutel}",
                    "onbekend-veld",
                    "Onbekend veld; kies 'ernst' of 'parameters'.",
                )
        regel = nieuw[code]
        ernst = regel.ernst
        if "ernst" in wijziging:
            try:
                ernst = Ernst(wijziging["ernst"])
            except ValueError:
                keuzes = ", ".join(e.value for e in Ernst)
                probleem(f"{code}.ernst", "ongeldige-ernst", f"Kies uit: {keuzes}.")
        waarden = dict(regel.waarden)
        parameters = wijziging.get("parameters", {})
        if not isinstance(parameters, Mapping):
            probleem(f"{code}.parameters", "geen-object", "Moet een object zijn: {naam: waarde}.")
            parameters = {}
        fout_in_parameter = False
        for naam, waarde in parameters.items():
            veld = f"{code}.parameters.{naam}"
            parameter = definitie.parameter(naam)
            if parameter is None:
                bekend = ", ".join(p.naam for p in definitie.parameters) or "geen"
                probleem(
                    veld, "onbekende-parameter", f"Onbekende parameter; deze regel kent: {bekend}."
                )
                fout_in_parameter = True
                continue
            try:
                waarden[naam] = parameter.lees(waarde)
            except _OngeldigeWaarde as fout:
                probleem(veld, fout.code, fout.reden)
                fout_in_parameter = True
        if definitie.samenhang is not None and not fout_in_parameter:
            for naam, reden in definitie.samenhang(waarden):
                probleem(f"{code}.parameters.{naam}", "ongeldige-combinatie", reden)
        nieuw[code] = Spelregel(definitie=definitie, ernst=ernst, waarden=MappingProxyType(waarden))
    if problemen:
        raise OngeldigeSpelregels(problemen)
    return Spelregels(tuple(nieuw[d.code] for d in CATALOGUS))


def spelregels_uit_opslag(opgeslagen: Mapping[str, object] | None) -> Spelregels:
    """Stored settings (from `Spelregels.as_dict`) on top of the defaults, forgivingly.

    A rule or parameter the catalogue no longer knows is dropped and an invalid value falls
    back to its default, so a catalogue change never makes a stored network unreadable.
    """
    spelregels = standaard_spelregels()
    for code, wijziging in (opgeslagen or {}).items():
        definitie = DEFINITIE_PER_CODE.get(code)
        if definitie is None or not isinstance(wijziging, Mapping):
            continue
        parameters = wijziging.get("parameters")
        schoon: dict[str, object] = {}
        if "ernst" in wijziging and wijziging["ernst"] in {e.value for e in Ernst}:
            schoon["ernst"] = wijziging["ernst"]
        if isinstance(parameters, Mapping):
            schoon["parameters"] = {
                naam: waarde for naam, waarde in parameters.items() if definitie.parameter(naam)
            }
        try:
            spelregels = pas_aan(spelregels, {code: schoon})
        except OngeldigeSpelregels:
            # Keep at least the weight when the values are no longer valid.
            if "ernst" in schoon:
                spelregels = pas_aan(spelregels, {code: {"ernst": schoon["ernst"]}})
    return spelregels
