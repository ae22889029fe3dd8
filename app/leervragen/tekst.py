"""Dutch text analysis for matching leervragen: normalise, tokenise, stem, synonyms, compounds.

A text becomes a list of `Term`s: the key that matching compares (a stem, or the stem of a
synonym group's first word) and the word as the writer typed it, for explanations. Snowball's
Porter-based Dutch stemmer does the inflections; a few rules on top join what it leaves apart
(participatie/participeren, democratie/democratisch), and a `Tekstanalyse` that knows the
network's vocabulary folds plurals and verb forms whose base form occurs, and splits compounds
into parts that occur (participatietraject → participatie + traject). Character n-grams of the
words catch what stems miss: compounds of unknown parts (inloopavond/avond) and derivations
(participeren/participatieproces).
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Snowball 3's default "dutch" strips ge- wherever it sees it (gemeente → meen, begeleiding →
# beleid); the Porter-based variant leaves roots intact and our rules add what it misses.
_STEMMER = snowballstemmer.stemmer("dutch_porter")

_TOKEN = re.compile(r"[^\W_]+")
# Plurals in -s after a vowel (themas, trainees, sessies, algoritmes), not -is, -us, -os, -ces.
_MEERVOUD_S = re.compile(r"(?:a|ee|ie|[^aeiouc]e)s$")

# fmt: off
STOPWOORDEN: frozenset[str] = frozenset([
    "aan", "af", "al", "alle", "alleen", "alles", "als", "alsof", "ander", "andere", "anders",
    "ben", "bent", "bij", "binnen", "blijft", "boven", "daar", "daarbij", "daarin", "daarmee",
    "daarna", "daarom", "daarvoor", "dan", "dat", "de", "deze", "die", "dit", "doe", "doen",
    "doet", "door", "dus", "een", "eens", "eerst", "elk", "elke", "en", "enkele", "er", "erbij",
    "eraf", "erin", "ermee", "erop", "eruit", "ervan", "even", "geen", "haar", "had", "hadden",
    "heb", "hebben", "heeft", "hem", "hen", "het", "hier", "hij", "hoe", "hoeveel", "hun",
    "ieder", "iedere", "iedereen", "iemand", "iets", "ik", "in", "is", "ja", "je", "jij", "jou",
    "jouw", "jullie", "kan", "kon", "kun", "kunnen", "kunt", "later", "maar", "me", "mede",
    "meer", "meest", "men", "met", "mij", "mijn", "moet", "moeten", "mogen", "mocht", "na",
    "naar", "naast", "net", "niet", "niets", "niemand", "nog", "nooit", "nu", "of", "om",
    "omdat", "ondanks", "onder", "ons", "onze", "ook", "op", "over", "per", "reeds", "samen",
    "sinds", "steeds", "te", "tegen", "toch", "toe", "toen", "tot", "tussen", "u", "uit", "uw",
    "van", "vanaf", "veel", "voor", "vooral", "waar", "waarbij", "waarin", "waarom", "wanneer",
    "want", "was", "waren", "wat", "we", "weer", "wel", "welk", "welke", "werd", "werden",
    "wie", "wij", "wil", "willen", "worden", "wordt", "zal", "ze", "zeer", "zelf", "zich",
    "zij", "zijn", "zo", "zoals", "zodat", "zonder", "zou", "zouden", "zullen",
    "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    # Light verbs and fillers: "hoe krijg je", "echt iets maken", "onze eigen".
    "echt", "eigen", "gaan", "gaat", "ging", "gingen", "kom", "komen", "komt", "kwam", "kwamen",
    "krijg", "krijgen", "krijgt", "kreeg", "kregen", "maak", "maakt", "maken", "maakte",
    "maakten", "mee", "goed", "goede", "beter", "betere", "best", "beste",
])
"""Function words: they say nothing about what a leervraag is about (accents folded)."""

KADERWOORDEN: frozenset[str] = frozenset([
    "breng", "brengen", "delen", "deel", "ervaring", "ervaringen", "graag", "haal", "halen",
    "help", "helpen", "idee", "ideeen", "laat", "laten", "les", "lessen", "manier", "manieren",
    "tip", "tips", "uitleggen", "vertel", "vertellen", "voorbeeld", "voorbeelden", "weet",
    "weten", "zie", "zien", "zoek", "zoeken", "zoekt",
])
"""Words that frame a leervraag ("ik kan vertellen", "ervaring met") rather than say its topic."""
# fmt: on

SYNONIEMEN: tuple[tuple[str, ...], ...] = (
    ("inwoner", "burger", "bewoner", "ingezetene"),
    ("omwonende", "aanwonende", "buurtbewoner"),
    ("jongere", "jongeren", "jeugd", "jeugdige", "jeugdigen", "tiener"),
    ("medewerker", "ambtenaar", "ambtenaren", "personeel", "werknemer", "collega"),
    ("leidinggevende", "leidinggevenden", "manager", "teamleider", "leidinggeven"),
    ("bestuurder", "wethouder", "gedeputeerde", "dijkgraaf", "portefeuillehouder"),
    ("raadslid", "raadsleden", "volksvertegenwoordiger", "statenlid", "statenleden"),
    ("directie", "directeur", "directeuren"),
    ("wijk", "buurt"),
    ("dorp", "dorpen", "kernen", "dorpskern", "dorpskernen"),
    ("boer", "boeren", "agrarier", "agrariers", "landbouwer", "veehouder"),
    ("enquete", "vragenlijst", "peiling", "survey"),
    ("online", "digitaal", "digitale"),
    ("opleiding", "training", "cursus", "cursussen", "scholing", "leergang"),
    ("onboarding", "inwerken", "inwerkperiode"),
    ("werving", "werven", "recruitment"),
    ("referendum", "referenda", "volksraadpleging"),
    ("windmolen", "windturbine"),
    ("zonnepark", "zonneveld", "zonneweide"),
    ("verduurzaming", "verduurzamen", "duurzaamheid", "duurzaam"),
    ("buitengebied", "platteland"),
    ("laaggeletterd", "laaggeletterden", "laaggeletterdheid"),
    ("data", "gegevens"),
    ("thuiswerken", "hybride", "plaatsonafhankelijk"),
    ("stagiair", "stagiairs", "stagiaire", "stagiaires", "stage", "stages"),
    ("woningcorporatie", "woningbouwcorporatie", "corporatie"),
)
"""Words that mean the same in this domain; the first names the group. Written by hand."""


@dataclass(frozen=True, slots=True)
class Term:
    """One thing a text is about: `sleutel` to compare, `woord` as written, for explanations."""

    sleutel: str
    woord: str
    vorm: str
    """The folded stem of `woord` itself, before synonyms: burgers → burger (its key: inwoner)."""
    deel: bool = False
    """A part of a compound (participatie in participatietraject), not a word of its own."""


def normaliseer(tekst: str) -> str:
    """Lower-case with accents folded: Enquête → enquete, coöperatie → cooperatie."""
    if tekst.isascii():
        return tekst.lower()
    decomposed = unicodedata.normalize("NFKD", tekst.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4096)
def woorden(tekst: str) -> tuple[tuple[str, str], ...]:
    """The words of a text as (normalised, as written in lower case); digits and letters only."""
    result = []
    for match in _TOKEN.finditer(tekst.lower()):
        geschreven = match.group()
        genormaliseerd = geschreven if geschreven.isascii() else normaliseer(geschreven)
        if len(genormaliseerd) >= 2 and not genormaliseerd.isdigit():
            result.append((genormaliseerd, geschreven))
    return tuple(result)


def is_stopwoord(woord: str) -> bool:
    """Whether a normalised word carries no topic."""
    return woord in STOPWOORDEN or woord in KADERWOORDEN


@lru_cache(maxsize=65536)
def stam(woord: str) -> str:
    """The stem of a normalised word: Snowball plus the Dutch derivations it keeps apart."""
    stem: str = _STEMMER.stemWord(woord)
    # Participles of -eren verbs: geparticipeerd, geëvalueerd → participeer, evalueer.
    if stem.startswith("ge") and len(stem) > 7 and stem.endswith(("eerd", "eert")):
        stem = stem[2:]
    if stem.endswith(("eerd", "eert")):
        stem = stem[:-1]
    # Adjectives in -isch come from nouns in -ie: democratisch/democratie, strategisch/strategie.
    if stem.endswith("isch") and len(stem) > 6:
        stem = stem[:-4] + "ie"
    # -atie nouns and -eren verbs share their root: participatie/participeren, evaluatie/evalueren.
    for suffix in ("aties", "atiev", "atief", "atie"):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
            stem = stem[: -len(suffix)] + "er"
            break
    if stem.endswith("eer") and len(stem) > 4:
        stem = stem[:-2] + "r"
    # Spelling alternations Porter leaves at the end of a root: initiatiev/initiatief, stemm/stem.
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        stem = stem[:-1]
    if len(stem) > 3 and stem[-1] in "vz":
        stem = stem[:-1] + ("f" if stem[-1] == "v" else "s")
    return stem


NGRAM_LENGTES = (3, 4, 5)


@lru_cache(maxsize=65536)
def char_ngrams(woord: str) -> tuple[str, ...]:
    """The character 3-, 4- and 5-grams of a normalised word, its edges marked: <part, ... ies>."""
    gemarkeerd = f"<{woord}>"
    return tuple(
        gemarkeerd[i : i + n] for n in NGRAM_LENGTES for i in range(len(gemarkeerd) - n + 1)
    )


@lru_cache(maxsize=65536)
def randen(woord: str) -> frozenset[str]:
    """The beginnings and endings of a word that could be words themselves (4 letters or more)."""
    return frozenset(
        deel for k in range(4, len(woord)) for deel in (woord[:k], woord[len(woord) - k :])
    )


def verwant(woord: str, ander: str) -> bool:
    """Whether two normalised words look related: one begins or ends the other (avond,
    inloopavond), or they share their first six letters (participeren, participatieproces)."""
    if len(woord) >= 6 and woord[:6] == ander[:6]:
        return True
    return woord in randen(ander) or ander in randen(woord)


_SYNONIEM_SLEUTEL: dict[str, str] = {
    stam(normaliseer(woord)): stam(normaliseer(groep[0])) for groep in SYNONIEMEN for woord in groep
}


def sleutel_van_stam(stem: str) -> str:
    """The key a stem is compared by: the stem of its synonym group's first word, or itself."""
    return _SYNONIEM_SLEUTEL.get(stem, stem)


class Tekstanalyse:
    """Turns texts into terms, knowing a vocabulary to fold word forms and split compounds by."""

    MINIMALE_DEELLENGTE = 4
    """Shorter compound parts are too often prefixes (her-, ver-, over-) to be trusted."""

    def __init__(self, teksten: Iterable[str] = ()) -> None:
        self._bekend: set[str] = set()
        self._beginnen: set[str] = set()
        self._cache: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.leer(teksten)

    def leer(self, teksten: Iterable[str]) -> None:
        """Add the words of these texts to the vocabulary that folding and splitting trust."""
        for tekst in teksten:
            for woord, _ in woorden(tekst):
                if not is_stopwoord(woord):
                    self._bekend.add(stam(woord))
                    if _MEERVOUD_S.search(woord):
                        # Porter keeps the -s of trainees, thema's, sessies: trust the singular.
                        self._bekend.add(stam(woord[:-1]))
        for groep in SYNONIEMEN:
            self._bekend.update(stam(normaliseer(woord)) for woord in groep)
        # Stems keep a word's first letters, so a part that starts unlike every known stem
        # cannot be one: this spares stemming most of a compound's substrings.
        self._beginnen = {stem[: self.MINIMALE_DEELLENGTE] for stem in self._bekend}
        self._cache.clear()

    def termen(self, tekst: str) -> list[Term]:
        """The terms of a text, in order; a compound yields itself and then its parts."""
        result: list[Term] = []
        for woord, geschreven in woorden(tekst):
            if is_stopwoord(woord):
                continue
            stem, delen = self._ontleed(woord)
            result.append(Term(sleutel_van_stam(stem), geschreven, stem))
            result.extend(
                Term(sleutel_van_stam(deel), geschreven, stem, deel=True) for deel in delen
            )
        return result

    def vorm(self, woord: str) -> str:
        """The folded stem of one word as this analysis sees it, before synonyms."""
        return self._vouw(normaliseer(woord))

    def _ontleed(self, woord: str) -> tuple[str, tuple[str, ...]]:
        """A word's stem and, if it is a compound with known parts, the stems of those parts."""
        cached = self._cache.get(woord)
        if cached is None:
            stem = self._vouw(woord)
            delen = self._splits(woord, diepte=2)
            cached = (stem, tuple(dict.fromkeys(d for d in delen if d != stem)))
            self._cache[woord] = cached
        return cached

    def _vouw(self, woord: str) -> str:
        """The stem, folded onto a known base form when Porter left a plural -s or a verb's -t."""
        stem = stam(woord)
        if len(woord) >= 5 and woord[-1] in "st":
            # algoritmes/algoritme, werkt/werken, sessies/sessie: only when the base occurs.
            basis = stam(woord[:-1])
            if basis in self._bekend and basis != stem:
                return basis
        if len(woord) >= 7 and woord.startswith("ge") and woord[-1] in "dt":
            # gewerkt/werken, gebruikt/gebruiken: a participle folds when its verb occurs.
            basis = stam(woord[2:-1])
            if basis in self._bekend:
                return basis
        return stem

    def _is_deel(self, deel: str) -> bool:
        return (
            len(deel) >= self.MINIMALE_DEELLENGTE
            and not is_stopwoord(deel)
            and self._vouw(deel) in self._bekend
        )

    @staticmethod
    def _koppen(kop: str) -> list[str]:
        """A first part as written and without a linking -s- or -e- (stationsgebied, zonnepark)."""
        return [kop] + [kop[:-1] for tussen in "se" if kop.endswith(tussen)]

    def _splits(self, woord: str, *, diepte: int) -> list[str]:
        """The stems of a compound's parts when all of them are known, longest first part first."""
        minimum = self.MINIMALE_DEELLENGTE
        if diepte == 0 or len(woord) < 2 * minimum:
            return []
        for grens in range(len(woord) - minimum, minimum - 1, -1):
            kop, staart = woord[:grens], woord[grens:]
            if staart[:minimum] not in self._beginnen:
                continue
            kop_deel = next((k for k in self._koppen(kop) if self._is_deel(k)), None)
            if kop_deel is None:
                continue
            if self._is_deel(staart):
                return [self._vouw(kop_deel), self._vouw(staart)]
            rest = self._splits(staart, diepte=diepte - 1)
            if rest:
                return [self._vouw(kop_deel), *rest]
        return []
