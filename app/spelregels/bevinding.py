"""Bevinding: what checking one rule found, with the subjects a frontend can link to."""

import uuid
from dataclasses import dataclass
from enum import StrEnum


class Ernst(StrEnum):
    """How much a broken rule weighs."""

    # Forbids the step to actief, and (for rules enforced always) writes in a running network.
    BLOKKEREND = "blokkerend"
    # Shown in the health; never refuses anything.
    WAARSCHUWING = "waarschuwing"
    # Not checked at all.
    UIT = "uit"


class Niveau(StrEnum):
    """Whom a bevinding is about: the health lists them in this order, after the blocking ones."""

    NETWERK = "netwerk"
    ORGANISATIE = "organisatie"
    # About one person: the first of `deelnemer_ids`; the health groups these per person.
    DEELNEMER = "deelnemer"


@dataclass(frozen=True, kw_only=True)
class Bevinding:
    """One finding: the rule, its weight, a message for a kartrekker, and whom it is about."""

    code: str
    ernst: Ernst
    melding: str
    organisatie_ids: tuple[uuid.UUID, ...] = ()
    deelnemer_ids: tuple[uuid.UUID, ...] = ()
    bijeenkomst_ids: tuple[uuid.UUID, ...] = ()
    leervraag_ids: tuple[uuid.UUID, ...] = ()
    niveau: Niveau = Niveau.NETWERK
    # Tells apart the bevindingen of one rule (which organisation, which shortfall) whatever
    # their wording, so "the same bevinding before and after a write" is well defined.
    kenmerk: str = ""

    def __post_init__(self) -> None:
        if self.niveau == Niveau.DEELNEMER and not self.deelnemer_ids:
            raise ValueError(f"bevinding {self.code} over een deelnemer noemt geen deelnemer")
        if self.niveau == Niveau.ORGANISATIE and not self.organisatie_ids:
            raise ValueError(f"bevinding {self.code} over een organisatie noemt er geen")

    @property
    def sleutel(self) -> tuple[str, str]:
        """Identity across snapshots: rule code and kenmerk."""
        return (self.code, self.kenmerk)
