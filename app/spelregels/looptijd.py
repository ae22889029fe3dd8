"""The term of a network (looptijd): whether a day falls outside it, said in Dutch.

Shared by the rule `bijeenkomsten-in-looptijd` (health) and by the bijeenkomsten service, which
warns in the answer to a write. Pure functions, no database.
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.bijeenkomsten.ritme import TIJDZONE
from app.common.tekst import aantal, datum

_NEDERLAND = ZoneInfo(TIJDZONE)


def dag_van(moment: datetime) -> date:
    """The Dutch calendar day of a moment: a session at 00:30 local time is on that day."""
    return moment.astimezone(_NEDERLAND).date()


def afstand(vroeg: date, laat: date) -> str:
    """'15 maanden', or '22 dagen' when it is less than a month."""
    maanden = (laat.year - vroeg.year) * 12 + laat.month - vroeg.month - (laat.day < vroeg.day)
    if maanden >= 1:
        return aantal(maanden, "maand", "maanden")
    return aantal((laat - vroeg).days, "dag", "dagen")


@dataclass(frozen=True, kw_only=True)
class Looptijd:
    """Start and planned end of a network; either may be missing. Both days are inside."""

    startdatum: date | None
    geplande_einddatum: date | None

    def afwijking(self, dag: date) -> str | None:
        """How `dag` lies outside the term ('15 maanden na het geplande einde (1 januari
        2028)'), or None when it is inside or there is no term to compare with."""
        if self.startdatum is not None and dag < self.startdatum:
            return f"{afstand(dag, self.startdatum)} vóór de start ({datum(self.startdatum)})"
        einde = self.geplande_einddatum
        if einde is not None and dag > einde:
            return f"{afstand(einde, dag)} na het geplande einde ({datum(einde)})"
        return None

    @property
    def omschrijving(self) -> str:
        """The term in words, or what is missing from it."""
        start, einde = self.startdatum, self.geplande_einddatum
        if start is not None and einde is not None:
            return f"Van {datum(start)} tot en met {datum(einde)} ({afstand(start, einde)})."
        if start is not None:
            return (
                f"Vanaf {datum(start)}; er is geen gepland einde. Een lerend netwerk leert over "
                "een begrensde tijd: stel `geplandeEinddatum` in."
            )
        if einde is not None:
            return f"Tot en met {datum(einde)}; er is geen startdatum."
        return (
            "Het netwerk heeft geen looptijd: geen startdatum en geen gepland einde. Zonder "
            "looptijd is niet na te gaan of de bijeenkomsten erbinnen vallen; stel "
            "`startdatum` en `geplandeEinddatum` in."
        )
