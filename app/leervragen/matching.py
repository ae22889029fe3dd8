"""Find who can help: rank the brengen-vragen that answer a halen-vraag, and the reverse.

Pure functions over plain data, no database: the service loads a network's leervragen into
`Vraag`s, builds one `Leervraagindex` and asks it for `matches`. A candidate's score is

    tekst × (1 + thema × shared thema's) × (1 + rol × rol is the question's subject), at most 1

where `tekst` blends BM25 over Dutch terms (see `tekst.py`; normalised so that 1 means "every
word of the question, once, in a text of average length") with the cosine of character
n-grams, which catches compounds and derivations that stems miss. Thema's and rol only
strengthen textual evidence: sharing a thema alone is no match. Every network's scores run
from 0 to 1 on the same scale, so the matches of a person in several networks (one index per
network) can be merged by score; word weights (idf) are each network's own.
"""

import uuid
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from app.leervragen.tekst import (
    Tekstanalyse,
    char_ngrams,
    is_stopwoord,
    normaliseer,
    randen,
    woorden,
)
from app.models.enums import LeervraagSoort, LeervraagStatus

Matrix = npt.NDArray[np.float32]
Vector = npt.NDArray[np.float32]
Posities = npt.NDArray[np.intp]

# Hashed n-gram columns: 4096 kept the evaluation figures of an exact vocabulary (bench/).
NGRAM_DIMENSIE = 4096

ACTIEF_PER_SOORT: dict[LeervraagSoort, frozenset[LeervraagStatus]] = {
    # Who is still asking ...
    LeervraagSoort.HALEN: frozenset({LeervraagStatus.OPEN, LeervraagStatus.IN_BEHANDELING}),
    # ... and whose offer still stands (having helped once is no reason to stop offering).
    LeervraagSoort.BRENGEN: frozenset(
        {LeervraagStatus.OPEN, LeervraagStatus.IN_BEHANDELING, LeervraagStatus.BEANTWOORD}
    ),
}


@dataclass(frozen=True, slots=True)
class Vraag:
    """A leervraag with what matching needs to know about its owner."""

    id: uuid.UUID
    deelnemer_id: uuid.UUID
    organisatie_id: uuid.UUID
    rol: str
    soort: LeervraagSoort
    tekst: str
    themas: tuple[str, ...] = ()
    status: LeervraagStatus = LeervraagStatus.OPEN


@dataclass(frozen=True, slots=True)
class Weging:
    """The knobs of the ranking; the defaults are the ones bench/matching.py reports on."""

    k1: float = 1.2
    """BM25 term-frequency saturation."""
    b: float = 0.75
    """BM25 length normalisation: 0 ignores text length, 1 divides by it fully."""
    letters: float = 0.5
    """Share of the character n-gram cosine in the text score; the rest is BM25."""
    deel: float = 0.5
    """Weight of each part of a compound next to the compound itself: two parts, one word."""
    thema: float = 0.5
    """How much fully shared thema's raise the text score (0.5: by half)."""
    rol: float = 0.05
    """How much a candidate whose rol is the question's subject is raised: a tie-breaker."""
    minimale_score: float = 0.1
    """Below this a candidate is noise, not a match."""
    eigen_organisatie_achteraan: bool = True
    """Rank colleagues after every other organisation: the network adds what they lack."""


@dataclass(frozen=True, slots=True)
class Match:
    """A deelnemer who can help with a leervraag (or who asks for what a brengen offers)."""

    deelnemer_id: uuid.UUID
    organisatie_id: uuid.UUID
    andere_organisatie: bool
    score: float
    """0–1: the best of this deelnemer's leervragen."""
    leervraag_ids: tuple[uuid.UUID, ...]
    """This deelnemer's matching leervragen, best first."""
    gedeelde_themas: tuple[str, ...]
    gedeelde_woorden: tuple[str, ...]
    """Words of the best leervraag that matched, as its owner wrote them, weightiest first."""
    uitleg: str
    """A short Dutch explanation for the person who asked."""


@lru_cache(maxsize=65536)
def _ngram_kolommen(woord: str) -> Posities:
    # crc32, not hash(): the same word must land in the same column in every process.
    kolommen = [zlib.crc32(g.encode()) % NGRAM_DIMENSIE for g in char_ngrams(woord)]
    return np.array(kolommen, dtype=np.intp)


_Verwantschap = tuple[dict[str, str], dict[str, str], dict[str, str]]


class _Ijl:
    """A sparse matrix (rows of few nonzero columns: a text has few of all terms)."""

    VOL = 0.1
    """Above this share of nonzeros a product is done dense."""

    def __init__(
        self,
        rijen: Posities,
        kolommen: Posities,
        waarden: npt.NDArray[np.floating],
        vorm: tuple[int, int],
    ) -> None:
        volgorde = np.argsort(rijen, kind="stable")
        self.rijen, self.kolommen = rijen[volgorde], kolommen[volgorde]
        self.waarden = waarden[volgorde].astype(np.float32)
        self.vorm = vorm
        grenzen = np.searchsorted(self.rijen, np.arange(vorm[0] + 1)).tolist()
        self._rij = list(pairwise(grenzen))
        # Columns as rows, so that a product gathers only the rows of a row's own columns.
        self.per_kolom = np.zeros((vorm[1], vorm[0]), dtype=np.float32)
        self.per_kolom[self.kolommen, self.rijen] = self.waarden

    def rij(self, i: int) -> tuple[Posities, Vector]:
        """Row i as its nonzero columns and their values."""
        begin, eind = self._rij[i]
        return self.kolommen[begin:eind], self.waarden[begin:eind]

    def rijsom(self, waarden: Vector) -> Vector:
        """Per row, the sum of `waarden` (one per nonzero, in this matrix's order)."""
        som: Vector = np.bincount(self.rijen, weights=waarden, minlength=self.vorm[0]).astype(
            np.float32
        )
        return som

    def product(self, rijen: Posities, kolommen: Posities, ander: "_Ijl | None" = None) -> Matrix:
        """self[rijen] @ (ander or self)[kolommen].T, each row gathering only its own columns.

        Short texts make many small products, each done by BLAS on one thread: one large
        product would be cheaper on an idle machine but stalls for tens of milliseconds on
        shared cores. Long texts fill their rows, and then the one large product wins."""
        tegen = np.ascontiguousarray((ander or self).per_kolom[:, kolommen])
        uit = np.zeros((len(rijen), len(kolommen)), dtype=np.float32)
        grenzen = [self._rij[rij] for rij in rijen.tolist()]
        gevuld = sum(eind - begin for begin, eind in grenzen)
        if gevuld > self.VOL * len(rijen) * self.vorm[1]:
            dicht = np.zeros((len(rijen), self.vorm[1]), dtype=np.float32)
            for r, (begin, eind) in enumerate(grenzen):
                dicht[r, self.kolommen[begin:eind]] = self.waarden[begin:eind]
            volledig: Matrix = dicht @ tegen
            return volledig
        if len(kolommen):
            for r, (begin, eind) in enumerate(grenzen):
                if eind > begin:
                    uit[r] = self.waarden[begin:eind] @ tegen[self.kolommen[begin:eind]]
        return uit


def _eenheidsrijen(
    rijen: Posities, kolommen: Posities, waarden: npt.NDArray[np.floating], vorm: tuple[int, int]
) -> _Ijl:
    """A sparse matrix whose rows are scaled to unit length, for cosine similarity."""
    normen = np.sqrt(np.bincount(rijen, weights=waarden * waarden, minlength=vorm[0]))
    return _Ijl(rijen, kolommen, waarden / np.where(normen > 0, normen, 1.0)[rijen], vorm)


def _enen(paren: list[tuple[int, int]], vorm: tuple[int, int]) -> _Ijl:
    """A sparse 0/1 matrix with ones at these (row, column) pairs."""
    matrix = np.array(paren, dtype=np.intp).reshape(-1, 2)
    return _Ijl(matrix[:, 0], matrix[:, 1], np.ones(len(matrix), dtype=np.float32), vorm)


class Leervraagindex:
    """The leervragen of one network, analysed once, ready to be matched against each other."""

    def __init__(self, vragen: Iterable[Vraag], *, weging: Weging | None = None) -> None:
        self.weging = weging or Weging()
        self._vragen: list[Vraag] = list(vragen)
        self._positie = {vraag.id: i for i, vraag in enumerate(self._vragen)}
        if len(self._positie) != len(self._vragen):
            raise ValueError("every leervraag may occur only once in an index")
        self.analyse = Tekstanalyse(vraag.tekst for vraag in self._vragen)
        self._bouw_termen()
        self._bouw_letters()
        self._bouw_themas_en_rollen()

    def __len__(self) -> int:
        return len(self._vragen)

    def __contains__(self, vraag_id: object) -> bool:
        return vraag_id in self._positie

    @property
    def vragen(self) -> Sequence[Vraag]:
        """All leervragen in the index, in the order they were given."""
        return self._vragen

    def vraag(self, vraag_id: uuid.UUID) -> Vraag:
        """The leervraag with this id; KeyError if it is not in the index."""
        return self._vragen[self._positie[vraag_id]]

    def _posities(self, vraag_ids: Iterable[uuid.UUID]) -> Posities:
        return np.array([self._positie[v] for v in vraag_ids], dtype=np.intp)

    # -- building ---------------------------------------------------------------------------

    def _bouw_termen(self) -> None:
        """Count each leervraag's terms and weigh them for BM25 and for cosine similarity."""
        weging = self.weging
        self._gewichten: list[dict[str, float]] = []
        self._woord: list[dict[str, tuple[str, str]]] = []
        self._kolom: dict[str, int] = {}
        rijen: list[int] = []
        kolommen: list[int] = []
        tellingen: list[float] = []
        for i, vraag in enumerate(self._vragen):
            gewichten: dict[str, float] = defaultdict(float)
            woord: dict[str, tuple[str, str]] = {}
            uit_deel: set[str] = set()
            for term in self.analyse.termen(vraag.tekst):
                gewichten[term.sleutel] += weging.deel if term.deel else 1.0
                # Show the word the writer used; a whole word beats a compound it hides in.
                if term.sleutel not in woord or (term.sleutel in uit_deel and not term.deel):
                    woord[term.sleutel] = (term.woord, term.vorm)
                    if term.deel:
                        uit_deel.add(term.sleutel)
                    else:
                        uit_deel.discard(term.sleutel)
            self._gewichten.append(dict(gewichten))
            self._woord.append(woord)
            for sleutel, gewicht in gewichten.items():
                rijen.append(i)
                kolommen.append(self._kolom.setdefault(sleutel, len(self._kolom)))
                tellingen.append(gewicht)

        aantal, vorm = len(self._vragen), (len(self._vragen), len(self._kolom))
        rij = np.array(rijen, dtype=np.intp)
        kolom = np.array(kolommen, dtype=np.intp)
        frequentie = np.array(tellingen, dtype=np.float32)
        documentfrequentie = np.bincount(kolom, minlength=vorm[1])
        # BM25's idf, kept positive so that a word in most leervragen still counts a little.
        idf = np.log1p((aantal - documentfrequentie + 0.5) / (documentfrequentie + 0.5))
        self._idf: list[float] = idf.tolist()
        termidf = idf[kolom]
        lengte = np.bincount(rij, weights=frequentie, minlength=aantal)
        gemiddelde = float(lengte.mean()) if aantal and lengte.mean() > 0 else 1.0
        noemer = frequentie + weging.k1 * (1 - weging.b + weging.b * lengte[rij] / gemiddelde)
        self._bm25 = _Ijl(rij, kolom, frequentie * (weging.k1 + 1) / noemer * termidf, vorm)
        # A question counts each of its words once; its ideal is all of them once, at average
        # length, where BM25 gives exactly the idf: so a text score of 1 is a perfect answer.
        self._vraagtermen = _Ijl(rij, kolom, np.minimum(frequentie, 1.0), vorm)
        self._ideaal = self._vraagtermen.rijsom(self._vraagtermen.waarden * idf[kolom])
        self._termvectoren = _eenheidsrijen(rij, kolom, np.log1p(frequentie) * termidf, vorm)
        # The shared words of a match are named weightiest first: sort each text's terms once.
        self._op_gewicht = [
            sorted(gewichten, key=lambda s: (-self._idf[self._kolom[s]], s))
            for gewichten in self._gewichten
        ]

    def _bouw_letters(self) -> None:
        """Hashed, idf-weighted character n-grams of each leervraag's words, unit length."""
        self._onderwerpwoorden: list[dict[str, str]] = []
        self._verwantschap_cache: dict[int, _Verwantschap] = {}
        ngrammen: list[Posities] = [np.empty(0, dtype=np.intp)]
        aantallen: list[int] = []
        for vraag in self._vragen:
            onderwerp = [(w, schrijf) for w, schrijf in woorden(vraag.tekst) if not is_stopwoord(w)]
            self._onderwerpwoorden.append(dict(onderwerp))
            per_woord = [_ngram_kolommen(woord) for woord, _ in onderwerp]
            ngrammen.extend(per_woord)
            aantallen.append(sum(len(kolommen) for kolommen in per_woord))
        aantal = len(self._vragen)
        rij = np.repeat(np.arange(aantal), aantallen)
        sleutel = rij * NGRAM_DIMENSIE + np.concatenate(ngrammen)
        uniek, tellingen = np.unique(sleutel, return_counts=True)
        rij, kolom = uniek // NGRAM_DIMENSIE, uniek % NGRAM_DIMENSIE
        idf = np.log((aantal + 1) / (np.bincount(kolom, minlength=NGRAM_DIMENSIE) + 1)) + 1
        vorm = (aantal, NGRAM_DIMENSIE)
        self._letters = _eenheidsrijen(rij, kolom, np.log1p(tellingen) * idf[kolom], vorm)

    def _bouw_themas_en_rollen(self) -> None:
        """Thema's and rollen as sparse 0/1 rows, soort and status as masks."""
        aantal = len(self._vragen)
        self._themas = [
            {normaliseer(thema).strip(): thema for thema in vraag.themas} for vraag in self._vragen
        ]
        themakolom: dict[str, int] = {}
        paren = [
            (i, themakolom.setdefault(thema, len(themakolom)))
            for i, themas in enumerate(self._themas)
            for thema in themas
        ]
        self._themavragen = _enen(paren, (aantal, len(themakolom)))
        self._aantal_themas = self._themavragen.rijsom(self._themavragen.waarden)
        self._rolsleutels = [
            frozenset(t.sleutel for t in self.analyse.termen(vraag.rol.replace("-", " ")))
            for vraag in self._vragen
        ]
        rolparen = [
            (i, self._kolom[sleutel])
            for i, rolsleutels in enumerate(self._rolsleutels)
            for sleutel in rolsleutels & self._kolom.keys()
        ]
        self._rollen = _enen(rolparen, (aantal, len(self._kolom)))
        # Small numbers instead of UUIDs: ranking compares them thousands of times.
        deelnemers: dict[uuid.UUID, int] = {}
        organisaties: dict[uuid.UUID, int] = {}
        self._deelnemer = [
            deelnemers.setdefault(v.deelnemer_id, len(deelnemers)) for v in self._vragen
        ]
        self._organisatie = [
            organisaties.setdefault(v.organisatie_id, len(organisaties)) for v in self._vragen
        ]
        self._is_brengen = np.array([v.soort == LeervraagSoort.BRENGEN for v in self._vragen])
        self._actief = np.array([v.status in ACTIEF_PER_SOORT[v.soort] for v in self._vragen])

    # -- scoring ----------------------------------------------------------------------------

    def _scores(self, rijen: Posities, kolommen: Posities) -> Matrix:
        """Scores (0–1) of the questions at `rijen` against the candidates at `kolommen`."""
        weging = self.weging
        bm25 = self._vraagtermen.product(rijen, kolommen, self._bm25)
        ideaal = self._ideaal[rijen][:, None]
        termen = np.minimum(bm25 / np.where(ideaal > 0, ideaal, 1.0), 1.0)
        letters = self._letters.product(rijen, kolommen)
        tekst = (1 - weging.letters) * termen + weging.letters * letters
        gedeelde_themas = self._themavragen.product(rijen, kolommen)
        aantallen = self._aantal_themas[rijen][:, None] + self._aantal_themas[kolommen][None, :]
        thema = 2 * gedeelde_themas / np.maximum(aantallen, 1)  # Dice
        rol = self._vraagtermen.product(rijen, kolommen, self._rollen) > 0
        score: Matrix = np.minimum(
            tekst * (1 + weging.thema * thema) * (1 + weging.rol * rol), 1.0, dtype=np.float32
        )
        return score

    def scores(self, vraag_ids: Sequence[uuid.UUID], kandidaat_ids: Sequence[uuid.UUID]) -> Matrix:
        """Scores (0–1) of each question (rows) against each candidate (columns), any soort."""
        return self._scores(self._posities(vraag_ids), self._posities(kandidaat_ids))

    def tekstgelijkenis(self, vraag_ids: Sequence[uuid.UUID]) -> Matrix:
        """Symmetric text similarity (0–1) of these leervragen: term and n-gram cosine blended."""
        posities = self._posities(vraag_ids)
        termen = self._termvectoren.product(posities, posities)
        letters = self._letters.product(posities, posities)
        aandeel = self.weging.letters
        gelijkenis: Matrix = ((1 - aandeel) * termen + aandeel * letters).astype(np.float32)
        return gelijkenis

    def themagelijkenis(self, vraag_ids: Sequence[uuid.UUID]) -> Matrix:
        """Jaccard overlap (0–1) of the thema's of these leervragen; 0 where either has none."""
        posities = self._posities(vraag_ids)
        gedeeld = self._themavragen.product(posities, posities)
        aantal = self._aantal_themas[posities]
        vereniging = aantal[:, None] + aantal[None, :] - gedeeld
        jaccard: Matrix = (gedeeld / np.maximum(vereniging, 1)).astype(np.float32)
        return jaccard

    def sleutelwoorden(self, vraag_id: uuid.UUID) -> dict[str, str]:
        """The terms of a leervraag, weightiest first: key → the word as its writer wrote it."""
        i = self._positie[vraag_id]
        return {sleutel: self._woord[i][sleutel][0] for sleutel in self._op_gewicht[i]}

    def idf(self, sleutel: str) -> float:
        """How rare a term is in this network (BM25's idf); 0 for a term it does not know."""
        kolom = self._kolom.get(sleutel)
        return 0.0 if kolom is None else self._idf[kolom]

    def kandidaten(self, soort: LeervraagSoort) -> list[uuid.UUID]:
        """The active leervragen that answer questions of `soort` (brengen for halen)."""
        return [self._vragen[k].id for k in self._kandidaatposities(soort)]

    def _kandidaatposities(self, soort: LeervraagSoort) -> Posities:
        brengen_gezocht = soort == LeervraagSoort.HALEN
        return np.flatnonzero((self._is_brengen == brengen_gezocht) & self._actief)

    # -- matching ---------------------------------------------------------------------------

    def matches(self, vraag_id: uuid.UUID, *, limiet: int | None = 10) -> list[Match]:
        """Deelnemers who answer this leervraag best: other organisations first, then by score."""
        i = self._positie[vraag_id]
        kolommen = self._kandidaatposities(self._vragen[i].soort)
        scores = self._scores(np.array([i], dtype=np.intp), kolommen)[0]
        return self._rangschik(i, kolommen, scores, limiet)

    def alle_matches(
        self, *, soort: LeervraagSoort = LeervraagSoort.HALEN, limiet: int | None = 10
    ) -> dict[uuid.UUID, list[Match]]:
        """The matches of every leervraag of `soort` in the network, in one pass."""
        rijen = np.flatnonzero(self._is_brengen == (soort == LeervraagSoort.BRENGEN))
        kolommen = self._kandidaatposities(soort)
        scores = self._scores(rijen, kolommen)
        return {
            self._vragen[i].id: self._rangschik(int(i), kolommen, scores[r], limiet)
            for r, i in enumerate(rijen)
        }

    def _rangschik(
        self, i: int, kolommen: Posities, scores: Matrix, limiet: int | None
    ) -> list[Match]:
        """Group a question's candidates by deelnemer, order them and explain the best."""
        deelnemer = self._deelnemer
        boven = np.flatnonzero(scores >= self.weging.minimale_score)
        gevonden = sorted(
            zip(scores[boven].tolist(), kolommen[boven].tolist(), strict=True),
            key=lambda paar: (-paar[0], self._vragen[paar[1]].deelnemer_id),
        )
        # Best first, so each deelnemer enters the dict at their best leervraag.
        per_deelnemer: dict[int, list[tuple[float, int]]] = {}
        for score, j in gevonden:
            if deelnemer[j] != deelnemer[i]:
                per_deelnemer.setdefault(deelnemer[j], []).append((score, j))
        geordend = list(per_deelnemer.values())
        if self.weging.eigen_organisatie_achteraan:
            organisatie = self._organisatie
            geordend = [g for g in geordend if organisatie[g[0][1]] != organisatie[i]] + [
                g for g in geordend if organisatie[g[0][1]] == organisatie[i]
            ]
        return [self._match(i, treffers) for treffers in geordend[:limiet]]

    def _match(self, i: int, gevonden: list[tuple[float, int]]) -> Match:
        """The Match of one deelnemer, explained by their best leervraag."""
        vraag = self._vragen[i]
        score, j = gevonden[0]
        kandidaat = self._vragen[j]
        gedeelde_themas = tuple(
            thema for sleutel, thema in self._themas[i].items() if sleutel in self._themas[j]
        )
        woordparen = self._gedeelde_woorden(i, j)
        rol = bool(self._rolsleutels[j] & self._gewichten[i].keys())
        andere_organisatie = kandidaat.organisatie_id != vraag.organisatie_id
        return Match(
            deelnemer_id=kandidaat.deelnemer_id,
            organisatie_id=kandidaat.organisatie_id,
            andere_organisatie=andere_organisatie,
            score=round(score, 4),
            leervraag_ids=tuple(self._vragen[k].id for _, k in gevonden),
            gedeelde_themas=gedeelde_themas,
            gedeelde_woorden=tuple(woord for woord, _ in woordparen),
            uitleg=uitleg(
                andere_organisatie=andere_organisatie,
                themas=gedeelde_themas,
                woorden=woordparen,
                rol=kandidaat.rol if rol else None,
            ),
        )

    def gedeelde_woorden(
        self, vraag_id: uuid.UUID, kandidaat_id: uuid.UUID, *, hoogstens: int = 4
    ) -> list[tuple[str, str | None]]:
        """The words that match, weightiest first: (the candidate's word, the asker's word when
        it differs by more than inflection, as with a synonym or a compound)."""
        return self._gedeelde_woorden(
            self._positie[vraag_id], self._positie[kandidaat_id], hoogstens=hoogstens
        )

    def _gedeelde_woorden(
        self, i: int, j: int, *, hoogstens: int = 4
    ) -> list[tuple[str, str | None]]:
        paren: list[tuple[str, str | None]] = []
        genoemd: set[str] = set()
        kandidaat = self._woord[j]
        for sleutel in self._op_gewicht[i]:
            if sleutel not in kandidaat:
                continue
            (woord, vorm), (eigen, eigen_vorm) = self._woord[j][sleutel], self._woord[i][sleutel]
            if woord not in genoemd:
                genoemd.update((woord, eigen))
                paren.append((woord, None if vorm == eigen_vorm else eigen))
                if len(paren) == hoogstens:
                    return paren
        # When few terms are shared, name what the n-grams saw as well: inloopavond ≈ avond.
        if len(paren) < 2:
            for woord, eigen in self._verwante_woorden(i, j, genoemd):
                paren.append((woord, eigen))
                genoemd.update((woord, eigen))
        return paren[:hoogstens]

    def _verwante_woorden(self, i: int, j: int, genoemd: set[str]) -> list[tuple[str, str]]:
        """Pairs of words, not yet named, that look related (see `verwant`): (j's word, i's)."""
        begin, rand, geheel = self._verwantschap(i)
        paren = []
        for genormaliseerd, woord in self._onderwerpwoorden[j].items():
            if woord in genoemd:
                continue
            eigen = begin.get(genormaliseerd[:6]) if len(genormaliseerd) >= 6 else None
            eigen = eigen or rand.get(genormaliseerd)
            if eigen is None:
                gedeeld = randen(genormaliseerd) & geheel.keys()
                eigen = geheel[min(gedeeld)] if gedeeld else None
            if eigen is not None and eigen not in genoemd:
                paren.append((woord, eigen))
        return paren

    def _verwantschap(self, i: int) -> _Verwantschap:
        """Lookups for `verwant` against question i's words, made once per question."""
        gevonden = self._verwantschap_cache.get(i)
        if gevonden is None:
            woorden_ = self._onderwerpwoorden[i]
            begin = {w[:6]: geschreven for w, geschreven in woorden_.items() if len(w) >= 6}
            rand = {r: geschreven for w, geschreven in woorden_.items() for r in randen(w)}
            gevonden = (begin, rand, dict(woorden_))
            self._verwantschap_cache[i] = gevonden
        return gevonden


def uitleg(
    *,
    andere_organisatie: bool | None,
    themas: Sequence[str],
    woorden: Sequence[tuple[str, str | None]],
    rol: str | None = None,
) -> str:
    """A short Dutch explanation of a match, for the person who asked; `andere_organisatie`
    None leaves out where the other comes from."""
    delen = []
    if andere_organisatie is not None:
        delen.append(
            "Uit een andere organisatie." if andere_organisatie else "Collega uit je organisatie."
        )
    if themas:
        delen.append(f"Gedeelde thema's: {', '.join(themas)}.")
    if woorden:
        # Name the asker's own word too when the match went through a synonym or a compound.
        genoemd = [woord if eigen is None else f"{woord} (≈ {eigen})" for woord, eigen in woorden]
        delen.append(f"Overeenkomende woorden: {', '.join(genoemd)}.")
    if rol:
        delen.append(f"Werkt vanuit de rol {rol}.")
    return " ".join(delen)
