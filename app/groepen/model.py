"""The plain data that goes into and comes out of group formation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

Indeling = tuple[tuple[str, ...], ...]
"""The groups of one bijeenkomst, each a tuple of deelnemer ids."""


class Organisatieregel(StrEnum):
    """How strongly two people of one organisation are kept apart."""

    # same-organisation pairs are counted and kept as few as the other rules allow
    VERMIJDEN = "vermijden"
    # never; an organisation with more people present than there are groups is an error
    VERBIEDEN = "verbieden"
    # never, except the pairs that are unavoidable because an organisation has more people
    # present than there are groups
    VERBIEDEN_WAAR_MOGELIJK = "verbieden-waar-mogelijk"


@dataclass(frozen=True, slots=True)
class Deelnemer:
    """Someone who can be placed in a group; id is any stable text, e.g. str(uuid)."""

    id: str
    organisatie: str | None = None
    rol: str | None = None


@dataclass(frozen=True, slots=True)
class Regels:
    """The network's rules for groups: organisations apart, and the roles every group holds."""

    organisatie: Organisatieregel = Organisatieregel.VERMIJDEN
    rollen: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Opties:
    """Wishes for one request: pairs kept together or apart, a time budget and a seed."""

    vaste_paren: tuple[tuple[str, str], ...] = ()
    verboden_paren: tuple[tuple[str, str], ...] = ()
    tijdbudget: float = 5.0
    seed: int = 0


class Score(NamedTuple):
    """The quality of an indeling, compared lexicographically: lower is better."""

    onbalans: int
    zelfde_organisatie: int
    roltekort: int
    herhalingen: int


@dataclass(frozen=True, slots=True)
class Groep:
    """One group, with the required roles it holds and those it misses."""

    leden: tuple[str, ...]
    rollen_aanwezig: tuple[str, ...]
    rollen_ontbrekend: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Herhaling:
    """Two people who sit together again: `keer` times together in all, history included."""

    deelnemers: tuple[str, str]
    keer: int


@dataclass(frozen=True, slots=True)
class ZelfdeOrganisatie:
    """Two people of one organisation in one group of bijeenkomst number `bijeenkomst`."""

    deelnemers: tuple[str, str]
    organisatie: str
    bijeenkomst: int


@dataclass(frozen=True, slots=True)
class Kwaliteit:
    """How good an answer is, what falls short, and the best that is provably possible."""

    score: Score
    ondergrens: Score
    herhalingen: tuple[Herhaling, ...]
    zelfde_organisatie: tuple[ZelfdeOrganisatie, ...]

    @property
    def optimaal(self) -> bool:
        """True when the score reaches the lower bound, so nothing better exists."""
        return self.score == self.ondergrens


@dataclass(frozen=True, slots=True)
class Groepsindeling:
    """The groups of one bijeenkomst and their quality.

    After a re-formation `behouden_paren` counts the planned pairs that still sit together, out
    of `geplande_paren` planned pairs whose two people are both present.
    """

    groepen: tuple[Groep, ...]
    kwaliteit: Kwaliteit
    behouden_paren: int = 0
    geplande_paren: int = 0

    @property
    def indeling(self) -> Indeling:
        """The groups as tuples of ids."""
        return tuple(groep.leden for groep in self.groepen)


@dataclass(frozen=True, slots=True)
class Groepsplanning:
    """The groups of every planned bijeenkomst, and the quality over the whole term."""

    bijeenkomsten: tuple[Groepsindeling, ...]
    kwaliteit: Kwaliteit
    # which construction seeded the plan, for the curious ("geen" when local search alone)
    constructie: str = "geen"

    @property
    def indelingen(self) -> tuple[Indeling, ...]:
        """Every bijeenkomst's groups as tuples of ids."""
        return tuple(b.indeling for b in self.bijeenkomsten)


@dataclass(frozen=True, slots=True)
class Probleem:
    """One invalid input: VNG's invalidParams entry (name, code, reason)."""

    naam: str
    code: str
    reden: str


class GroepsindelingFout(ValueError):
    """Input that cannot be turned into groups; the API answers it as 400 with every problem."""

    def __init__(self, problemen: list[Probleem]) -> None:
        super().__init__("; ".join(p.reden for p in problemen))
        self.problemen = tuple(problemen)
