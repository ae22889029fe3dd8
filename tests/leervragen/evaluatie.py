"""The evaluation set of the matcher, and the figures it is judged by: MRR and precision@3.

Shared by the guard test (tests/leervragen/test_matching.py) and the benchmark
(bench/matching.py), so that both measure the same thing.
"""

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.leervragen.matching import Leervraagindex, Vraag, Weging
from app.models.enums import LeervraagSoort

EVALUATIESET = Path(__file__).parent.parent / "data" / "leervragen-evaluatie.json"

_NAAMRUIMTE = uuid.UUID("6f1c1d1e-7a51-4c59-9f7e-0d2c3b4a5e61")


def _id(soort: str, sleutel: str) -> uuid.UUID:
    return uuid.uuid5(_NAAMRUIMTE, f"{soort}:{sleutel}")


@dataclass(frozen=True)
class Evaluatieset:
    """The set as leervragen: every item its own deelnemer in its own organisation."""

    vragen: list[Vraag]
    relevant: dict[uuid.UUID, frozenset[uuid.UUID]]
    """Per halen-vraag the deelnemers whose brengen truly answer it."""
    soort_per_vraag: dict[uuid.UUID, str]
    lokaas: dict[uuid.UUID, frozenset[uuid.UUID]] = field(default_factory=dict)
    """Per halen-vraag the deelnemers whose brengen share words with it but do not answer it."""
    naam: dict[uuid.UUID, str] = field(default_factory=dict)
    """Short ids of the file (h01, b17) by deelnemer and by leervraag id, for reports."""


def laad(pad: Path = EVALUATIESET) -> Evaluatieset:
    """Read the evaluation set into leervragen."""
    data = json.loads(pad.read_text(encoding="utf-8"))
    vragen: list[Vraag] = []
    naam: dict[uuid.UUID, str] = {}
    for soort, items in (
        (LeervraagSoort.BRENGEN, data["brengen"]),
        (LeervraagSoort.HALEN, data["halen"]),
    ):
        for item in items:
            deelnemer = _id("deelnemer", item["id"])
            vraag = Vraag(
                id=_id("leervraag", item["id"]),
                deelnemer_id=deelnemer,
                organisatie_id=_id("organisatie", item["id"]),
                rol=item["rol"],
                soort=soort,
                tekst=item["tekst"],
                themas=tuple(item["themas"]),
            )
            vragen.append(vraag)
            naam[vraag.id] = naam[deelnemer] = item["id"]
    relevant = {
        _id("leervraag", item["id"]): frozenset(_id("deelnemer", r) for r in item["relevant"])
        for item in data["halen"]
    }
    soort_per_vraag = {_id("leervraag", item["id"]): item["soort"] for item in data["halen"]}
    lokaas: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for item in data["brengen"]:
        for halen in item.get("lokaasVoor", []):
            lokaas[_id("leervraag", halen)].add(_id("deelnemer", item["id"]))
    return Evaluatieset(
        vragen,
        relevant,
        soort_per_vraag,
        lokaas={vraag: frozenset(deelnemers) for vraag, deelnemers in lokaas.items()},
        naam=naam,
    )


def reciprocal_rank(gevonden: Sequence[object], relevant: Iterable[object]) -> float:
    """1/rank of the first relevant item found, 0 if none is found."""
    relevante = set(relevant)
    return next((1 / (rang + 1) for rang, x in enumerate(gevonden) if x in relevante), 0.0)


def precisie(gevonden: Sequence[object], relevant: Iterable[object], *, bij: int = 3) -> float:
    """Precision at `bij`: the share of the first `bij` places that is relevant."""
    relevante = set(relevant)
    return sum(1 for x in gevonden[:bij] if x in relevante) / bij


@dataclass(frozen=True)
class Uitslag:
    """How well the matcher did on the evaluation set."""

    mrr: float
    precisie_bij_3: float
    plafond_precisie_bij_3: float
    """The best precision@3 possible: most questions have fewer than three right answers."""
    lokaas_voorop: float
    """Share of the questions with decoys where a decoy ranks above the first right answer."""
    per_soort: dict[str, tuple[int, float, float]]
    """Per kind of question: (count, MRR, precision@3)."""
    rangen: dict[uuid.UUID, list[uuid.UUID]]
    """Per halen-vraag the deelnemers found, best first."""


def _lokaas_voorop(gevonden: list[uuid.UUID], set_: Evaluatieset, vraag: uuid.UUID) -> bool:
    for deelnemer in gevonden:
        if deelnemer in set_.relevant[vraag]:
            return False
        if deelnemer in set_.lokaas[vraag]:
            return True
    return False


def evalueer(set_: Evaluatieset | None = None, *, weging: Weging | None = None) -> Uitslag:
    """Match every halen-vraag of the set with the public matcher and score its ranking."""
    set_ = set_ or laad()
    index = Leervraagindex(set_.vragen, weging=weging)
    alle = index.alle_matches(soort=LeervraagSoort.HALEN, limiet=None)
    rangen = {vraag_id: [m.deelnemer_id for m in alle[vraag_id]] for vraag_id in set_.relevant}
    rr = {v: reciprocal_rank(rangen[v], r) for v, r in set_.relevant.items()}
    p3 = {v: precisie(rangen[v], r) for v, r in set_.relevant.items()}
    groepen: dict[str, list[uuid.UUID]] = defaultdict(list)
    for vraag_id, soort in set_.soort_per_vraag.items():
        groepen[soort].append(vraag_id)
    per_soort = {
        soort: (
            len(ids),
            sum(rr[v] for v in ids) / len(ids),
            sum(p3[v] for v in ids) / len(ids),
        )
        for soort, ids in sorted(groepen.items())
    }
    met_lokaas = [v for v in set_.relevant if set_.lokaas.get(v)]
    return Uitslag(
        mrr=sum(rr.values()) / len(rr),
        precisie_bij_3=sum(p3.values()) / len(p3),
        plafond_precisie_bij_3=sum(min(len(r), 3) / 3 for r in set_.relevant.values())
        / len(set_.relevant),
        lokaas_voorop=sum(1 for v in met_lokaas if _lokaas_voorop(rangen[v], set_, v))
        / max(len(met_lokaas), 1),
        per_soort=per_soort,
        rangen=rangen,
    )
