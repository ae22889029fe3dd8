"""Werkgroepjes: small groups over the sessions of a network so that everyone meets everyone.

Pure functions over plain dataclasses, no database:

- `vorm_groepen` forms the groups of one bijeenkomst, given who sat together before;
- `plan_groepen` plans the groups of all remaining bijeenkomsten at once;
- `herschik_groepen` forms one planned bijeenkomst again after absences, keeping the plan
  where it can.

Aims, in strict order: group sizes that differ by at most one; no two people of one
organisation in a group where that can be avoided; every group holding the required roles
where the people exist; and as few repeated meetings as possible. Every answer carries its
`Kwaliteit`, with a lower bound. Bad input raises `GroepsindelingFout` (a ValueError) with
every problem, for a 400 answer.
"""

from app.groepen.indeling import aantal_groepen_voor, herschik_groepen, plan_groepen, vorm_groepen
from app.groepen.model import (
    Deelnemer,
    Groep,
    Groepsindeling,
    GroepsindelingFout,
    Groepsplanning,
    Herhaling,
    Indeling,
    Kwaliteit,
    Opties,
    Organisatieregel,
    Probleem,
    Regels,
    Score,
    ZelfdeOrganisatie,
)
from app.groepen.score import ondergrens, score
from app.groepen.zoeken import opwarmen

__all__ = [
    "Deelnemer",
    "Groep",
    "Groepsindeling",
    "GroepsindelingFout",
    "Groepsplanning",
    "Herhaling",
    "Indeling",
    "Kwaliteit",
    "Opties",
    "Organisatieregel",
    "Probleem",
    "Regels",
    "Score",
    "ZelfdeOrganisatie",
    "aantal_groepen_voor",
    "herschik_groepen",
    "ondergrens",
    "opwarmen",
    "plan_groepen",
    "score",
    "vorm_groepen",
]
