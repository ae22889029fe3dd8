"""Builders for gastrooster tests, and a brute force that knows the rules from their text.

The brute force tries every assignment of hosts to the open bijeenkomsten and scores it on
the rules in order (DOCSTRING of app.gastrooster.rotatie), written here from scratch so that
the planner is checked against the rules, not against itself.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fractions import Fraction

from app.gastrooster import RoosterBijeenkomst, RoosterOrganisatie
from app.models.enums import BijeenkomstStatus

START = datetime(2026, 1, 8, 12, 30, tzinfo=UTC)
Sessie = RoosterBijeenkomst[int, str]
Org = RoosterOrganisatie[str]


def moment(nummer: int) -> datetime:
    """The start of the `nummer`-th bijeenkomst: every six weeks."""
    return START + timedelta(weeks=6 * nummer)


def organisaties(namen: str) -> list[Org]:
    """One organisation per letter."""
    return [RoosterOrganisatie(id=naam) for naam in namen]


def sessies(
    aantal: int,
    *,
    verhinderd: Mapping[int, str] | None = None,
    gehouden: Sequence[str] = (),
    bevestigd: Mapping[int, str] | None = None,
    voorkeur: Mapping[int, str] | None = None,
) -> list[Sessie]:
    """`aantal` bijeenkomsten numbered 0…; the first ones held by `gehouden`, in that order."""
    verhinderd = verhinderd or {}
    bevestigd = bevestigd or {}
    voorkeur = voorkeur or {}
    uit: list[Sessie] = []
    for nummer in range(aantal):
        status = BijeenkomstStatus.GEPLAND
        gast: str | None = None
        if nummer < len(gehouden):
            status, gast = BijeenkomstStatus.GEHOUDEN, gehouden[nummer]
        elif nummer in bevestigd:
            status, gast = BijeenkomstStatus.BEVESTIGD, bevestigd[nummer]
        uit.append(
            RoosterBijeenkomst(
                id=nummer,
                start=moment(nummer),
                status=status,
                gastorganisatie=gast,
                verhinderd=frozenset(verhinderd.get(nummer, "")),
                voorkeur=frozenset(voorkeur.get(nummer, "")),
            )
        )
    return uit


def hosts(toewijzing: Mapping[int, str | None], aantal: int) -> str:
    """The planned hosts in order as a string, '.' for a bijeenkomst not in the plan."""
    return "".join(toewijzing.get(nummer) or "." for nummer in range(aantal))


@dataclass(frozen=True)
class Score:
    """An assignment scored on the rules in order; smaller is better."""

    schendingen: int  # beurtregel
    afwijking: Fraction  # largest deviation not forced on that organisation alone
    naast_vast: int  # next to its own held or confirmed bijeenkomst
    voorkeur_gemist: int
    wijzigingen: int

    def sleutel(self) -> tuple[int, Fraction, int, int, int]:
        return (
            self.schendingen,
            self.afwijking,
            self.naast_vast,
            self.voorkeur_gemist,
            self.wijzigingen,
        )


class Brute:
    """Every assignment of one small instance, and the rules' verdict on each."""

    def __init__(
        self,
        orgs: Sequence[Org],
        bijeenkomsten: Sequence[Sessie],
        vorige: Mapping[int, str | None] | None = None,
    ) -> None:
        self.orgs = list(orgs)
        self.lijn = sorted(
            (b for b in bijeenkomsten if b.status != BijeenkomstStatus.GEANNULEERD),
            key=lambda b: b.start,
        )
        self.vorige = vorige or {}
        ids = {o.id for o in self.orgs}
        self.kan = [
            [o.id for o in self.orgs if o.doet_mee(b.start) and o.id not in b.verhinderd]
            for b in self.lijn
        ]
        self.vast: list[str | None] = [
            b.gastorganisatie if b.gastorganisatie in ids else None for b in self.lijn
        ]
        self.open = [
            p
            for p, b in enumerate(self.lijn)
            if b.gastorganisatie is None and b.status != BijeenkomstStatus.GEHOUDEN and self.kan[p]
        ]

    def alle(self) -> list[tuple[tuple[str | None, ...], Score]]:
        """Every assignment (hosts per position) with its score."""
        keuzes = [self.kan[p] for p in self.open]
        ruw: list[tuple[tuple[str | None, ...], int, dict[str, Fraction], int, int, int]] = []
        for combinatie in itertools.product(*keuzes):
            gasten = list(self.vast)
            for p, gast in zip(self.open, combinatie, strict=True):
                gasten[p] = gast
            ruw.append(
                (
                    tuple(gasten),
                    self.schendingen(gasten),
                    self.afwijkingen(gasten),
                    self.naast_vast(gasten),
                    self.voorkeur_gemist(gasten),
                    self.wijzigingen(gasten),
                )
            )
        minste = min(r[1] for r in ruw)
        # Rule 3 measures deviations an organisation could avoid: its nearest deviation over
        # all assignments that keep rule 2 as well as possible is not held against others.
        onvermijdelijk: dict[str, Fraction] = {}
        for _gasten, schending, afwijking, *_rest in ruw:
            if schending == minste:
                for org, waarde in afwijking.items():
                    onvermijdelijk[org] = min(onvermijdelijk.get(org, waarde), waarde)
        uit: list[tuple[tuple[str | None, ...], Score]] = []
        for toegewezen, schending, afwijking, naast, gemist, gewijzigd in ruw:
            te_veel = [w for org, w in afwijking.items() if w > onvermijdelijk.get(org, w)]
            uit.append(
                (
                    toegewezen,
                    Score(schending, max(te_veel, default=Fraction(0)), naast, gemist, gewijzigd),
                )
            )
        return uit

    def beste(self) -> Score:
        """The best score any assignment reaches."""
        return min((score for _, score in self.alle()), key=Score.sleutel)

    def score(self, toewijzing: Mapping[int, str | None]) -> Score:
        """The score of the planner's assignment."""
        gasten = list(self.vast)
        for p in self.open:
            gasten[p] = toewijzing[self.lijn[p].id]
        for gevonden, score in self.alle():
            if list(gevonden) == gasten:
                return score
        raise AssertionError(f"not a valid assignment: {gasten}")

    def schendingen(self, gasten: Sequence[str | None]) -> int:
        """Hosts other than a waiting organisation taking its turn, while one waits.

        Waiting: no held or confirmed hosting, can host an open bijeenkomst, and stays until
        the last one (who leaves counts as having had its turn).
        """
        gehad = {g for g in self.vast if g is not None}
        nog_open = [
            b.start
            for b in self.lijn
            if b.gastorganisatie is None and b.status != BijeenkomstStatus.GEHOUDEN
        ]
        # Who leaves before the last bijeenkomst is not waited for.
        blijvers = {o.id for o in self.orgs if o.tot is None or o.tot > max(nog_open)}
        wacht = ({org for p in self.open for org in self.kan[p]} - gehad) & blijvers
        telling = 0
        for p in self.open:
            gast = gasten[p]
            assert gast is not None
            nog = [
                o.id
                for o in self.orgs
                if o.id in wacht and o.id != gast and o.doet_mee(self.lijn[p].start)
            ]
            if gast not in wacht and nog:
                telling += 1
            wacht.discard(gast)
        return telling

    def afwijkingen(self, gasten: Sequence[str | None]) -> dict[str, Fraction]:
        """|hosted - Fagin–Williams share| per organisation."""
        aandeel = {o.id: Fraction(0) for o in self.orgs}
        telling = dict.fromkeys(aandeel, 0)
        for p, gast in enumerate(gasten):
            if gast is None:
                continue
            kring = set(self.kan[p]) | {gast}
            for org in kring:
                aandeel[org] += Fraction(1, len(kring))
            telling[gast] += 1
        return {org: abs(telling[org] - aandeel[org]) for org in aandeel}

    def naast_vast(self, gasten: Sequence[str | None]) -> int:
        return sum(
            1
            for p in self.open
            for buur in (p - 1, p + 1)
            if 0 <= buur < len(gasten)
            and self.vast[buur] is not None
            and self.vast[buur] == gasten[p]
        )

    def voorkeur_gemist(self, gasten: Sequence[str | None]) -> int:
        return sum(
            1
            for p in self.open
            if set(self.lijn[p].voorkeur) & set(self.kan[p])
            and gasten[p] not in self.lijn[p].voorkeur
        )

    def wijzigingen(self, gasten: Sequence[str | None]) -> int:
        return sum(
            1
            for p in self.open
            if self.vorige.get(self.lijn[p].id) is not None
            and self.vorige[self.lijn[p].id] != gasten[p]
        )
