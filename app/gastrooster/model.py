"""The plain data the gastrooster works on and answers with; ids are any hashable value."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from app.models.enums import BijeenkomstStatus

OrganisatieId = TypeVar("OrganisatieId", bound=Hashable)
BijeenkomstId = TypeVar("BijeenkomstId", bound=Hashable)


class RoosterFout(ValueError):
    """Input the gastrooster cannot work with; `veld` and `code` feed the API's invalidParams."""

    def __init__(self, veld: str, code: str, melding: str) -> None:
        super().__init__(melding)
        self.veld = veld
        self.code = code
        self.melding = melding


@dataclass(frozen=True)
class RoosterOrganisatie(Generic[OrganisatieId]):
    """An organisation in the rotation, hosting only bijeenkomsten in [vanaf, tot)."""

    id: OrganisatieId
    naam: str | None = None
    # Joined later: bijeenkomsten before `vanaf` neither count for its share nor are its turn.
    vanaf: datetime | None = None
    # Left: from `tot` on it hosts nothing; its held bijeenkomsten still count in the history.
    tot: datetime | None = None

    def doet_mee(self, moment: datetime) -> bool:
        """Whether the organisation takes part in a bijeenkomst starting at `moment`."""
        return (self.vanaf is None or self.vanaf <= moment) and (
            self.tot is None or moment < self.tot
        )


@dataclass(frozen=True)
class RoosterBijeenkomst(Generic[BijeenkomstId, OrganisatieId]):
    """A bijeenkomst as the gastrooster sees it.

    Held (`gehouden`) and confirmed (`bevestigd`) bijeenkomsten with a `gastorganisatie` are
    fixed: they count in the history and never change host. A planned (`gepland`) one, or a
    confirmed one without host yet, gets a host from the plan; its current tentative host is
    the previous plan, passed to `herplan`, so `gastorganisatie` must be empty then.
    Cancelled ones (`geannuleerd`) are left out of the rotation.
    """

    id: BijeenkomstId
    start: datetime
    status: BijeenkomstStatus = BijeenkomstStatus.GEPLAND
    gastorganisatie: OrganisatieId | None = None
    verhinderd: frozenset[OrganisatieId] = frozenset()
    # Organisations that would like to host this one (a jubilee, a new building).
    voorkeur: frozenset[OrganisatieId] = frozenset()
    naam: str | None = None


@dataclass(frozen=True)
class Knelpunt(Generic[BijeenkomstId, OrganisatieId]):
    """Why a rule could not be (fully) kept, in Dutch, with what it is about."""

    code: str
    melding: str
    bijeenkomsten: tuple[BijeenkomstId, ...] = ()
    organisaties: tuple[OrganisatieId, ...] = ()
    # A blocking knelpunt means no fair plan exists (or, for a swap, that the swap breaks a rule).
    blokkeert: bool = True


@dataclass(frozen=True)
class Verdeling(Generic[OrganisatieId]):
    """How often one organisation hosts, against its Fagin–Williams share."""

    organisatie: OrganisatieId
    gehouden: int
    bevestigd: int
    gepland: int
    aandeel: float
    afwijking: float  # (gehouden + bevestigd + gepland) - aandeel
    kleinste_tussenruimte: int | None  # fewest bijeenkomsten between two of its hostings

    @property
    def totaal(self) -> int:
        """All its hostings: held, confirmed and planned."""
        return self.gehouden + self.bevestigd + self.gepland


@dataclass(frozen=True)
class Eerlijkheidsrapport(Generic[BijeenkomstId, OrganisatieId]):
    """The fairness of a whole rotation: history, confirmed and planned hosts together.

    An organisation's share (Fagin–Williams) is the sum, over the bijeenkomsten where it takes
    part and is not verhinderd, of 1 / (the number of such organisations). A tussenruimte
    counts bijeenkomsten: hosting the 3rd and the 5th is a tussenruimte of 2.
    """

    per_organisatie: tuple[Verdeling[OrganisatieId], ...]
    max_afwijking: float
    kleinste_tussenruimte: int | None
    # Two bijeenkomsten in a row with the same host.
    op_rij: tuple[tuple[BijeenkomstId, BijeenkomstId], ...]
    # Planned bijeenkomsten whose host hosts again before everyone had a turn.
    beurtregel_geschonden: tuple[BijeenkomstId, ...]


@dataclass(frozen=True)
class Wijziging(Generic[BijeenkomstId, OrganisatieId]):
    """A bijeenkomst whose planned host changed in a re-plan."""

    bijeenkomst: BijeenkomstId
    van: OrganisatieId | None
    naar: OrganisatieId | None


@dataclass(frozen=True)
class Gastrooster(Generic[BijeenkomstId, OrganisatieId]):
    """A plan: a host for every open bijeenkomst, how fair it is, and what stood in the way."""

    # The host of every open bijeenkomst; None where nobody can host it.
    toewijzing: Mapping[BijeenkomstId, OrganisatieId | None]
    rapport: Eerlijkheidsrapport[BijeenkomstId, OrganisatieId]
    knelpunten: tuple[Knelpunt[BijeenkomstId, OrganisatieId], ...] = ()
    # The open bijeenkomsten whose host differs from the previous plan (herplan).
    wijzigingen: tuple[Wijziging[BijeenkomstId, OrganisatieId], ...] = ()

    @property
    def eerlijk(self) -> bool:
        """Whether every rule holds; if not, this is the best possible plan."""
        return not any(knelpunt.blokkeert for knelpunt in self.knelpunten)

    @property
    def beste_poging(self) -> bool:
        """No fair plan exists: this one breaks the rules as little as possible."""
        return not self.eerlijk


@dataclass(frozen=True)
class Ruil(Generic[BijeenkomstId, OrganisatieId]):
    """The outcome of checking a swap of two bijeenkomsten' hosts."""

    eerste: BijeenkomstId
    tweede: BijeenkomstId
    eerste_gast: OrganisatieId  # the new host of `eerste` (the old host of `tweede`)
    tweede_gast: OrganisatieId
    toegestaan: bool  # False: a rule blocks it; a kartrekker may still override
    bezwaren: tuple[Knelpunt[BijeenkomstId, OrganisatieId], ...]
    # The rotation as it would be after the swap.
    rapport: Eerlijkheidsrapport[BijeenkomstId, OrganisatieId]
