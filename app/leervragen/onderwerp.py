"""Whether a leervraag belongs to its network's onderwerp: pure functions over the text analysis.

DOMAIN.md rule 1: a network states its topic, and "the one participant who wants to talk about
something else is visible". A leervraag is outside the onderwerp when it carries none of the
network's thema's and none of its words touches the topic. The topic is the onderwerp together
with the names of the network's thema's (they are its subtopics); the toelichting is left out,
because it often says what the network is *not* about.

Words touch when they share a key of `tekst.py` (the stem, or its synonym group: burgers ≈
inwoners), when one is a compound part of the other (burgerberaad ⊃ burger ≈ inwoners;
energietransitie ⊃ energie), or when they look related as the matcher's explanations judge it
(`verwant`: participatieproces/participeren). The test errs towards silence: it is a warning
for kartrekkers, and a false alarm about someone's question costs more than a missed one.
"""

from collections.abc import Iterable

from app.leervragen.tekst import (
    SYNONIEMEN,
    Tekstanalyse,
    is_stopwoord,
    normaliseer,
    randen,
    sleutel_van_stam,
    stam,
    woorden,
)
from app.models.enums import LeervraagStatus

# Questions still being worked on; one answered or let go no longer asks for attention.
LOPEND = frozenset({LeervraagStatus.OPEN, LeervraagStatus.IN_BEHANDELING})


def _onderwerpwoorden(tekst: str) -> list[tuple[str, str]]:
    return [(woord, geschreven) for woord, geschreven in woorden(tekst) if not is_stopwoord(woord)]


def _deelsleutels(woord: str) -> set[str]:
    """The keys of the beginnings and endings of a word that could be compound parts."""
    return {sleutel_van_stam(stam(deel)) for deel in randen(woord) if not is_stopwoord(deel)}


class Onderwerptoets:
    """A network's topic, analysed once, to test any number of leervragen against."""

    def __init__(self, onderwerp: str | None, themas: Iterable[str] = ()) -> None:
        teksten = [onderwerp or "", *(thema.replace("-", " ") for thema in themas)]
        self._analyse = Tekstanalyse(teksten)
        woorden_ = {w for tekst in teksten for w, _ in _onderwerpwoorden(tekst)}
        self._sleutels = {t.sleutel for tekst in teksten for t in self._analyse.termen(tekst)}
        # The topic's own compound parts, so that 'energie' finds 'energietransitie'; only
        # ever compared with whole words of a leervraag, so a fragment matches nothing.
        self._delen: set[str] = set().union(*(_deelsleutels(w) for w in woorden_))
        # Stems keep a word's first letters, so a part of a leervraag's word that starts unlike
        # every stem with a topic key cannot have one: this spares stemming most fragments.
        stammen = set(self._sleutels)
        for groep in SYNONIEMEN:
            if stam(normaliseer(groep[0])) in self._sleutels:
                stammen.update(stam(normaliseer(woord)) for woord in groep)
        self._beginnen = {stem[: Tekstanalyse.MINIMALE_DEELLENGTE] for stem in stammen}
        # `verwant` against every topic word at once: the same first six letters, or one
        # word beginning or ending the other.
        self._woorden = frozenset(woorden_)
        self._begin = {w[:6] for w in woorden_ if len(w) >= 6}
        self._randen: set[str] = set().union(*(randen(w) for w in woorden_))

    @property
    def bepaald(self) -> bool:
        """Whether there is a topic to compare with: an onderwerp or thema's with real words."""
        return bool(self._sleutels)

    def raakvlak(self, tekst: str) -> list[str]:
        """The words of `tekst` that touch the topic, as written; empty when none does."""
        geraakt = [
            t.woord
            for t in self._analyse.termen(tekst)
            if t.sleutel in self._sleutels or t.sleutel in self._delen
        ]
        for woord, geschreven in _onderwerpwoorden(tekst):
            if geschreven in geraakt:
                continue
            if self._bevat_onderwerp(woord) or self._verwant(woord):
                geraakt.append(geschreven)
        return list(dict.fromkeys(geraakt))

    def _bevat_onderwerp(self, woord: str) -> bool:
        """Whether a compound part of `woord` has a key of the topic (burgerberaad ⊃ burger)."""
        lengte = Tekstanalyse.MINIMALE_DEELLENGTE
        return any(
            deel[:lengte] in self._beginnen
            and not is_stopwoord(deel)
            and sleutel_van_stam(stam(deel)) in self._sleutels
            for deel in randen(woord)
        )

    def _verwant(self, woord: str) -> bool:
        """Whether `verwant(woord, w)` holds for some word w of the topic."""
        return (
            (len(woord) >= 6 and woord[:6] in self._begin)
            or woord in self._randen
            or not self._woorden.isdisjoint(randen(woord))
        )

    def buiten(self, tekst: str, themas: Iterable[str], status: LeervraagStatus) -> bool:
        """Whether a leervraag is outside the topic and still asks for attention.

        A text without a word that says what it is about ('Hoe?', or none given) leaves
        nothing to judge.
        """
        if status not in LOPEND or not self.bepaald or list(themas):
            return False
        if not _onderwerpwoorden(tekst):
            return False
        return not self.raakvlak(tekst)
