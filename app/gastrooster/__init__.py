"""The gastrooster: a fair hosting rotation that survives change (pure functions, no database)."""

from app.gastrooster.model import (
    Eerlijkheidsrapport,
    Gastrooster,
    Knelpunt,
    RoosterBijeenkomst,
    RoosterFout,
    RoosterOrganisatie,
    Ruil,
    Verdeling,
    Wijziging,
)
from app.gastrooster.rotatie import beoordeel, herplan, plan, rapporteer, ruil

__all__ = [
    "Eerlijkheidsrapport",
    "Gastrooster",
    "Knelpunt",
    "RoosterBijeenkomst",
    "RoosterFout",
    "RoosterOrganisatie",
    "Ruil",
    "Verdeling",
    "Wijziging",
    "beoordeel",
    "herplan",
    "plan",
    "rapporteer",
    "ruil",
]
