"""Afhaken: runs of missed bijeenkomsten and the opvolgingen they call for.

A kartrekker calls; the system never writes to the member. An opvolging answers one absence
run, identified by its first missed bijeenkomst, so it is planned once per run: not again while
the run grows, and not again after a kartrekker closed it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass

from app.common.tekst import datum, opsomming
from app.models.enums import AanwezigheidStatus
from app.spelregels.catalogus import AFHAKEN, Spelregel, Spelregels
from app.spelregels.snapshot import (
    BijeenkomstSnapshot,
    DeelnemerSnapshot,
    NetwerkSnapshot,
)


@dataclass(frozen=True, kw_only=True)
class Afwezigheidsreeks:
    """The bijeenkomsten a deelnemer missed in a row, up to the latest registered one."""

    deelnemer_id: uuid.UUID
    gemist: tuple[BijeenkomstSnapshot, ...]
    afgemeld: int

    @property
    def eerste_bijeenkomst_id(self) -> uuid.UUID:
        """Identifies the run: it stays the same while the run grows."""
        return self.gemist[0].id


@dataclass(frozen=True, kw_only=True)
class GeplandeOpvolging:
    """A follow-up task the service should store: who drifts, which kartrekker calls, why.

    Store `bijeenkomst_id` (the first missed bijeenkomst of the run) on the opvolging: it is
    what keeps the run from getting a second one.
    """

    deelnemer_id: uuid.UUID
    kartrekker_id: uuid.UUID
    bijeenkomst_id: uuid.UUID
    gemiste_bijeenkomst_ids: tuple[uuid.UUID, ...]
    reden: str


def afwezigheidsreeksen(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Afwezigheidsreeks]:
    """Current runs of at least `aantalAfwezig` missed bijeenkomsten, per active deelnemer."""
    drempel = regel.getal("aantalAfwezig")
    afmeldingen_tellen = regel.ja_nee("afmeldingenTellen")
    reeksen: list[Afwezigheidsreeks] = []
    for deelnemer in snapshot.actieve_deelnemers:
        gemist: list[BijeenkomstSnapshot] = []
        afgemeld = 0
        for bijeenkomst, status in snapshot.opkomst_per_deelnemer[deelnemer.id]:
            if status == AanwezigheidStatus.AANWEZIG:
                gemist, afgemeld = [], 0
            elif status == AanwezigheidStatus.AFGEMELD and not afmeldingen_tellen:
                continue
            else:
                gemist.append(bijeenkomst)
                afgemeld += status == AanwezigheidStatus.AFGEMELD
        if len(gemist) >= drempel:
            reeksen.append(
                Afwezigheidsreeks(
                    deelnemer_id=deelnemer.id, gemist=tuple(gemist), afgemeld=afgemeld
                )
            )
    return reeksen


def wie(snapshot: NetwerkSnapshot, deelnemer: DeelnemerSnapshot) -> str:
    """'Fenna Hoekstra (Gemeente Assen)'."""
    return f"{deelnemer.naam} ({snapshot.organisatie_per_id[deelnemer.organisatie_id].naam})"


def beschrijf_reeks(snapshot: NetwerkSnapshot, reeks: Afwezigheidsreeks) -> str:
    """'Fenna Hoekstra (Gemeente Assen) miste 2 bijeenkomsten op rij: 4 (…) en 5 (…)'."""
    deelnemer = snapshot.deelnemer_per_id[reeks.deelnemer_id]
    dagen = opsomming([f"{b.volgnummer} ({datum(b.dag)})" for b in reeks.gemist])
    if len(reeks.gemist) == 1:
        tekst = f"{wie(snapshot, deelnemer)} miste bijeenkomst {dagen}"
    else:
        tekst = (
            f"{wie(snapshot, deelnemer)} miste {len(reeks.gemist)} bijeenkomsten op rij: {dagen}"
        )
    if reeks.afgemeld:
        tekst += f", waarvan {reeks.afgemeld} met afmelding"
    return tekst


def verdeel_opvolgingen(
    snapshot: NetwerkSnapshot, reeksen: list[Afwezigheidsreeks]
) -> list[GeplandeOpvolging]:
    """An opvolging for each run that has none, for the least loaded fitting kartrekker."""
    beantwoord = {
        (o.deelnemer_id, o.bijeenkomst_id) for o in snapshot.opvolgingen if o.bijeenkomst_id
    }
    # Someone whose earlier opvolging is still open gets no second call on the list.
    al_op_de_lijst = {o.deelnemer_id for o in snapshot.opvolgingen if o.lopend}
    belasting = Counter(o.kartrekker_id for o in snapshot.opvolgingen if o.lopend)
    kartrekkers = [d for d in snapshot.actieve_deelnemers if d.kartrekker]
    gepland: list[GeplandeOpvolging] = []
    for reeks in reeksen:
        if (reeks.deelnemer_id, reeks.eerste_bijeenkomst_id) in beantwoord:
            continue
        if reeks.deelnemer_id in al_op_de_lijst:
            continue
        deelnemer = snapshot.deelnemer_per_id[reeks.deelnemer_id]
        kandidaten = [k for k in kartrekkers if k.id != deelnemer.id]
        if not kandidaten:
            continue
        # Someone from the same organisation knows the person best; otherwise spread the work.
        collega_s = [k for k in kandidaten if k.organisatie_id == deelnemer.organisatie_id]
        kartrekker = min(
            collega_s or kandidaten, key=lambda k: (belasting[k.id], k.naam, str(k.id))
        )
        belasting[kartrekker.id] += 1
        gepland.append(
            GeplandeOpvolging(
                deelnemer_id=deelnemer.id,
                kartrekker_id=kartrekker.id,
                bijeenkomst_id=reeks.eerste_bijeenkomst_id,
                gemiste_bijeenkomst_ids=tuple(b.id for b in reeks.gemist),
                reden=(
                    f"{beschrijf_reeks(snapshot, reeks)}. Bel even om te horen hoe het gaat en "
                    "houd het contact warm; een herinnering per mail helpt niet."
                ),
            )
        )
    return gepland


def plan_opvolgingen_voor(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[GeplandeOpvolging]:
    """The opvolgingen the afhaken rule `regel` calls for that do not exist yet."""
    if not regel.actief:
        return []
    return verdeel_opvolgingen(snapshot, afwezigheidsreeksen(snapshot, regel))


def plan_opvolgingen(snapshot: NetwerkSnapshot, spelregels: Spelregels) -> list[GeplandeOpvolging]:
    """The opvolgingen to create now: one per new absence run, for a kartrekker, never twice."""
    return plan_opvolgingen_voor(snapshot, spelregels[AFHAKEN])
