"""Agenda from the questions: groups of related open halen-vragen, and who can bring to each.

In article 004 the kartrekkers built sessions on the leervragen they collected. A suggestion
here is a group of open halen-vragen that belong together by text and thema (average-linkage
clustering: every question is on average similar enough to the rest of its group), largest
first, with the deelnemers whose brengen-vragen answer the most of it. The organisation next in
the hosting rotation is the service's to add.
"""

import uuid
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from app.leervragen.matching import Leervraagindex, Matrix, uitleg
from app.models.enums import LeervraagSoort, LeervraagStatus


@dataclass(frozen=True, slots=True)
class Brenger:
    """A deelnemer who can bring something to an agenda suggestion."""

    deelnemer_id: uuid.UUID
    organisatie_id: uuid.UUID
    score: float
    """Sum over the group's questions of this deelnemer's best match: breadth times depth."""
    helpt_bij: tuple[uuid.UUID, ...]
    """The halen-vragen of the group this deelnemer answers, best answered first."""
    leervraag_ids: tuple[uuid.UUID, ...]
    """This deelnemer's brengen-vragen that answer them, best first."""
    uitleg: str


@dataclass(frozen=True, slots=True)
class AgendaSuggestie:
    """Related open halen-vragen that one bijeenkomst could take up."""

    leervraag_ids: tuple[uuid.UUID, ...]
    """The halen-vragen, the most central first."""
    deelnemer_ids: tuple[uuid.UUID, ...]
    """Who asks them, in the order of their questions."""
    organisatie_ids: tuple[uuid.UUID, ...]
    themas: tuple[str, ...]
    """Thema's carried by at least half of the questions, the most common first."""
    kernwoorden: tuple[str, ...]
    """Words that at least two questions share, the most shared and rarest first."""
    samenhang: float
    """Average similarity (0–1) between the questions of the group."""
    brengers: tuple[Brenger, ...]


@dataclass(frozen=True, slots=True)
class AgendaWeging:
    """The knobs of grouping; the defaults are the ones bench/matching.py reports on."""

    thema: float = 0.3
    """Share of thema overlap in the similarity of two questions; the rest is their text."""
    minimale_samenhang: float = 0.15
    """Groups are merged while their questions stay at least this similar on average."""
    minimale_grootte: int = 2
    """A single question is a match for someone, not yet an agenda item."""
    hoogstens_brengers: int = 5
    hoogstens_kernwoorden: int = 5


def agenda_suggesties(
    index: Leervraagindex,
    *,
    statussen: Collection[LeervraagStatus] = (LeervraagStatus.OPEN,),
    weging: AgendaWeging | None = None,
) -> list[AgendaSuggestie]:
    """Groups of related halen-vragen with these statussen, largest first, with their brengers."""
    weging = weging or AgendaWeging()
    vragen = [
        v.id for v in index.vragen if v.soort == LeervraagSoort.HALEN and v.status in statussen
    ]
    if len(vragen) < weging.minimale_grootte:
        return []
    gelijkenis = (1 - weging.thema) * index.tekstgelijkenis(vragen)
    gelijkenis += weging.thema * index.themagelijkenis(vragen)
    groepen = groepeer(gelijkenis, minimale_samenhang=weging.minimale_samenhang)
    groepen = [groep for groep in groepen if len(groep) >= weging.minimale_grootte]
    # One product for all grouped questions against all offers, not one per group.
    gegroepeerd = [i for groep in groepen for i in groep]
    kandidaten = index.kandidaten(LeervraagSoort.HALEN)
    scores = index.scores([vragen[i] for i in gegroepeerd], kandidaten)
    rij = {i: r for r, i in enumerate(gegroepeerd)}
    suggesties = [
        _suggestie(
            index,
            [vragen[i] for i in groep],
            gelijkenis[np.ix_(groep, groep)],
            _Aanbod(kandidaten, scores[[rij[i] for i in groep]]),
            weging,
        )
        for groep in groepen
    ]
    suggesties.sort(key=lambda s: (-len(s.leervraag_ids), -s.samenhang, s.leervraag_ids))
    return suggesties


def groepeer(gelijkenis: Matrix, *, minimale_samenhang: float) -> list[list[int]]:
    """Average-linkage clustering of a symmetric similarity matrix, by position.

    Repeatedly joins the two groups whose members are most similar on average, as long as
    that average is at least `minimale_samenhang`. Unlike joining any two similar questions
    (single linkage), this cannot chain unrelated questions together through a middle one.
    """
    aantal = len(gelijkenis)
    groepen: dict[int, list[int]] = {i: [i] for i in range(aantal)}
    # Average similarity between groups, kept up to date as groups join (Lance–Williams).
    gemiddelde = gelijkenis.astype(np.float64).copy()
    np.fill_diagonal(gemiddelde, -np.inf)
    grootte = np.ones(aantal)
    while len(groepen) > 1:
        rij, kolom = np.unravel_index(int(np.argmax(gemiddelde)), gemiddelde.shape)
        if gemiddelde[rij, kolom] < minimale_samenhang:
            break
        a, b = sorted((int(rij), int(kolom)))
        samen = (grootte[a] * gemiddelde[a] + grootte[b] * gemiddelde[b]) / (
            grootte[a] + grootte[b]
        )
        gemiddelde[a, :] = gemiddelde[:, a] = samen
        gemiddelde[a, a] = -np.inf
        gemiddelde[b, :] = gemiddelde[:, b] = -np.inf
        grootte[a] += grootte[b]
        groepen[a].extend(groepen.pop(b))
    return [sorted(groep) for groep in groepen.values()]


@dataclass(frozen=True, slots=True)
class _Aanbod:
    """The active brengen-vragen and the scores of a group's questions (rows) against them."""

    kandidaten: list[uuid.UUID]
    scores: Matrix


def _suggestie(
    index: Leervraagindex,
    vragen: list[uuid.UUID],
    gelijkenis: Matrix,
    aanbod: _Aanbod,
    weging: AgendaWeging,
) -> AgendaSuggestie:
    """One group as a suggestion: central questions first, shared themes and words, brengers."""
    aantal = len(vragen)
    centraal = (gelijkenis.sum(axis=1) - np.diag(gelijkenis)) / max(aantal - 1, 1)
    rangorde = np.argsort(-centraal, kind="stable")
    volgorde = [vragen[i] for i in rangorde]
    aanbod = _Aanbod(aanbod.kandidaten, aanbod.scores[rangorde])
    samenhang = float(centraal.mean()) if aantal > 1 else 1.0
    leervragen = [index.vraag(v) for v in volgorde]

    thematelling = Counter(thema for v in leervragen for thema in dict.fromkeys(v.themas))
    themas = tuple(
        thema for thema, keer in thematelling.most_common() if keer >= max(2, aantal / 2)
    )
    woordtelling: Counter[str] = Counter()
    geschreven: dict[str, str] = {}
    for v in volgorde:
        for sleutel, woord in index.sleutelwoorden(v).items():
            woordtelling[sleutel] += 1
            geschreven.setdefault(sleutel, woord)
    gedeeld = [s for s, keer in woordtelling.items() if keer >= 2]
    gedeeld.sort(key=lambda s: (-woordtelling[s], -index.idf(s), s))
    kernwoorden = tuple(dict.fromkeys(geschreven[s] for s in gedeeld))

    return AgendaSuggestie(
        leervraag_ids=tuple(volgorde),
        deelnemer_ids=tuple(dict.fromkeys(v.deelnemer_id for v in leervragen)),
        organisatie_ids=tuple(dict.fromkeys(v.organisatie_id for v in leervragen)),
        themas=themas,
        kernwoorden=kernwoorden[: weging.hoogstens_kernwoorden],
        samenhang=round(samenhang, 4),
        brengers=tuple(_brengers(index, volgorde, aanbod, weging)),
    )


def _brengers(
    index: Leervraagindex, vragen: list[uuid.UUID], aanbod: _Aanbod, weging: AgendaWeging
) -> list[Brenger]:
    """Deelnemers whose brengen-vragen answer the most of these questions, and the best."""
    kandidaten, scores = aanbod.kandidaten, aanbod.scores
    minimum = index.weging.minimale_score
    # Per deelnemer and question: their best brengen-vraag and its score.
    beste: dict[uuid.UUID, dict[int, tuple[float, uuid.UUID]]] = {}
    for v, vraag_id in enumerate(vragen):
        vrager = index.vraag(vraag_id).deelnemer_id
        for k in np.flatnonzero(scores[v] >= minimum).tolist():
            kandidaat = index.vraag(kandidaten[k])
            if kandidaat.deelnemer_id == vrager:
                continue
            per_vraag = beste.setdefault(kandidaat.deelnemer_id, {})
            score = float(scores[v, k])
            if score > per_vraag.get(v, (0.0, kandidaat.id))[0]:
                per_vraag[v] = (score, kandidaat.id)
    rangorde = sorted(
        beste.items(), key=lambda item: (-sum(s for s, _ in item[1].values()), item[0])
    )
    brengers = []
    for deelnemer_id, per_vraag in rangorde[: weging.hoogstens_brengers]:
        geholpen = sorted(per_vraag.items(), key=lambda item: -item[1][0])
        v, (_, leervraag_id) = geholpen[0]
        organisatie_id = index.vraag(leervraag_id).organisatie_id
        woorden = index.gedeelde_woorden(vragen[v], leervraag_id)
        themas = tuple(
            t for t in index.vraag(vragen[v]).themas if t in index.vraag(leervraag_id).themas
        )
        brengers.append(
            Brenger(
                deelnemer_id=deelnemer_id,
                organisatie_id=organisatie_id,
                score=round(sum(s for s, _ in per_vraag.values()), 4),
                helpt_bij=tuple(vragen[v] for v, _ in geholpen),
                leervraag_ids=tuple(dict.fromkeys(lv for _, (_, lv) in geholpen)),
                uitleg=f"Kan helpen bij {len(geholpen)} van de {len(vragen)} vragen. "
                + uitleg(andere_organisatie=None, themas=themas, woorden=woorden),
            )
        )
    return brengers
