"""Benchmark of werkgroepjes against the instances in ../shared/bench/groepen-instances.json.

Per instance and seed it plans the whole term with `plan_groepen`, scores it with the same
`score` the algorithm reports, and then forms the middle bijeenkomst again with
`herschik_groepen` after about a tenth of the people present drop out. It prints per instance
the best and worst score, how many seeds reach the optimum, min/avg/max repeats and the
time, next to Good Enough Golfers' figures from the file, and exits non-zero when a target
of issue 7 is missed.

    uv run python bench/groepen.py
    uv run python bench/groepen.py --instanties S4,A1 --seeds 3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.groepen import (
    Deelnemer,
    Opties,
    Organisatieregel,
    Regels,
    Score,
    herschik_groepen,
    opwarmen,
    plan_groepen,
    score,
)

REGELS = {
    "avoid": Organisatieregel.VERMIJDEN,
    "forbid": Organisatieregel.VERBIEDEN,
    "forbid-where-possible": Organisatieregel.VERBIEDEN_WAAR_MOGELIJK,
}
# Issue 7's targets: the tight classics need zero repeats on 9 of 10 seeds within 60 s; the
# instances with slack (up to 150 people) the optimum on every seed within 5 s, and a
# re-formed bijeenkomst within 1 s. D1 (32 people in 8 organisations of 4) is in both lists.
KRAP = {"S1", "S2", "S3", "S4", "S5", "D1"}
RUIM = {"S6", "S7", "D1", "D2", "A1", "A2"}
TIJD_KRAP = 60.0
TIJD_RUIM = 5.0
TIJD_HERSCHIK = 1.0


def instanties_map() -> Path:
    """The shared bench folder: KARTREKKER_SHARED_BENCH, or ../shared/bench beside the repo."""
    omgeving = os.environ.get("KARTREKKER_SHARED_BENCH")
    if omgeving:
        return Path(omgeving)
    return Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def optimum(instantie: dict[str, Any]) -> Score:
    """The file's optimum, or its lower bound where only that is known."""
    veld = instantie["optimum"]

    def getal(sleutel: str) -> int:
        waarde = veld.get(sleutel, veld.get(sleutel + "LowerBound", 0))
        return waarde if isinstance(waarde, int) else 0

    return Score(
        getal("sizeImbalance"), getal("sameOrgPairs"), getal("roleDeficit"), getal("repeats")
    )


@dataclass
class Uitslag:
    """One seed of one instance."""

    score: Score
    seconden: float
    constructie: str
    herschik_seconden: float
    herschik_score: Score
    herschik_optimaal: bool


def draai(instantie: dict[str, Any], seed: int) -> Uitslag:
    """Plan the term for one seed, then re-form its middle bijeenkomst after absences."""
    deelnemers = [
        Deelnemer(p["id"], p.get("organisatie"), p.get("rol")) for p in instantie["people"]
    ]
    per_id = {d.id: d for d in deelnemers}
    regels = Regels(
        REGELS[instantie["rules"]["sameOrganisation"]], tuple(instantie["rules"]["roles"])
    )
    budget = TIJD_KRAP if instantie["id"] in KRAP - RUIM else TIJD_RUIM
    begin = time.perf_counter()
    planning = plan_groepen(
        deelnemers,
        instantie["rounds"],
        afwezig=instantie["absent"],
        groepsgrootte=instantie["groupSize"],
        regels=regels,
        opties=Opties(tijdbudget=budget, seed=seed),
    )
    seconden = time.perf_counter() - begin
    behaald = score(planning.indelingen, per_id, regels.rollen)
    midden = instantie["rounds"] // 2
    aanwezig = [i for groep in planning.indelingen[midden] for i in groep]
    toeval = random.Random(seed)
    weg = set(toeval.sample(aanwezig, max(1, len(aanwezig) // 10)))
    begin = time.perf_counter()
    herschikt = herschik_groepen(
        planning.indelingen,
        midden,
        [per_id[i] for i in aanwezig if i not in weg],
        groepsgrootte=instantie["groupSize"],
        regels=regels,
        opties=Opties(tijdbudget=TIJD_HERSCHIK, seed=seed),
    )
    herschik_seconden = time.perf_counter() - begin
    return Uitslag(
        behaald,
        seconden,
        planning.constructie,
        herschik_seconden,
        herschikt.kwaliteit.score,
        herschikt.kwaliteit.optimaal,
    )


def geg_tekst(geg: dict[str, Any] | None) -> str:
    """Good Enough Golfers' figures from the file."""
    if not geg:
        return "GEG: -"
    return (
        f"GEG: {geg['repeatsMin']}/{geg['repeatsAvg']}/{geg['repeatsMax']} "
        f"opt {geg['seedsAtOptimum']} {geg['secondsAvg']}s"
    )


def beter_dan_geg(geg: dict[str, Any] | None, uitslagen: list[Uitslag], doel: Score) -> bool | None:
    """Strictly better than GEG's best of 10: our worst seed no worse than their best seed, and
    more seeds at the optimum, fewer repeats on average, or less time on average."""
    if not geg:
        return None
    herhalingen = [u.score.herhalingen for u in uitslagen]
    if any(u.score[:3] > doel[:3] for u in uitslagen) or max(herhalingen) > geg["repeatsMin"]:
        return False
    teller, noemer = (int(x) for x in str(geg["seedsAtOptimum"]).split("/"))
    aandeel = sum(u.score <= doel for u in uitslagen) / len(uitslagen)
    return bool(
        aandeel > teller / noemer
        or statistics.mean(herhalingen) < geg["repeatsAvg"]
        or statistics.mean(u.seconden for u in uitslagen) < geg["secondsAvg"]
    )


def main() -> int:
    """Run the bench; 0 when every target is met."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--instanties", help="comma-separated ids, e.g. S4,A1 (default: all)")
    parser.add_argument("--seeds", type=int, default=10, help="seeds per instance (default 10)")
    args = parser.parse_args()
    bestand = instanties_map() / "groepen-instances.json"
    data = json.loads(bestand.read_text(encoding="utf-8"))
    gekozen = set(args.instanties.split(",")) if args.instanties else None
    instanties = [i for i in data["instances"] if gekozen is None or i["id"] in gekozen]
    if not instanties:
        print(f"geen instanties gevonden in {bestand}", file=sys.stderr)
        return 2

    # compile or load the search kernel once, outside the timings
    begin = time.perf_counter()
    opwarmen()
    print(f"kernel compiled or loaded from cache in {time.perf_counter() - begin:.1f} s")
    print(
        f"{args.seeds} seeds per instance; "
        "score = (onbalans, zelfde organisatie, roltekort, herhalingen)"
    )
    print()
    gemist: list[str] = []
    for instantie in instanties:
        ident = instantie["id"]
        doel = optimum(instantie)
        uitslagen = [draai(instantie, seed) for seed in range(args.seeds)]
        scores = sorted(u.score for u in uitslagen)
        herhalingen = [u.score.herhalingen for u in uitslagen]
        op_optimum = sum(s <= doel for s in scores)
        nul_herhalingen = sum(s[:3] <= doel[:3] and s.herhalingen == 0 for s in scores)
        seconden = [u.seconden for u in uitslagen]
        herschik = [u.herschik_seconden for u in uitslagen]
        herschik_opt = sum(u.herschik_optimaal for u in uitslagen)
        beter = beter_dan_geg(instantie["goodEnoughGolfers"], uitslagen, doel)
        doelen = []
        if ident in RUIM:
            doelen.append(("optimum 10/10", op_optimum == len(uitslagen)))
            doelen.append(("<=5 s", max(seconden) <= TIJD_RUIM))
            doelen.append(("herschik <=1 s", max(herschik) <= TIJD_HERSCHIK))
        if ident in KRAP:
            doelen.append(("0 herhalingen 9/10", nul_herhalingen >= 0.9 * len(uitslagen)))
            doelen.append(("<=60 s", max(seconden) <= TIJD_KRAP))
        if beter is not None:
            doelen.append(("beter dan GEG", beter))
        for naam, gehaald in doelen:
            if not gehaald:
                gemist.append(f"{ident}: {naam}")
        print(
            f"{ident:3} {instantie['name'][:44]:44} "
            f"best {tuple(scores[0])} worst {tuple(scores[-1])} optimum {tuple(doel)} "
            f"at optimum {op_optimum}/{len(uitslagen)} | repeats {min(herhalingen)}/"
            f"{statistics.mean(herhalingen):.1f}/{max(herhalingen)} | "
            f"{statistics.mean(seconden):.2f}s avg {max(seconden):.2f}s max | "
            f"{geg_tekst(instantie['goodEnoughGolfers'])}"
        )
        print(
            f"    construction: {uitslagen[0].constructie}; re-form after absences: "
            f"{statistics.mean(herschik):.2f}s avg {max(herschik):.2f}s max, at its lower bound "
            f"{herschik_opt}/{len(uitslagen)}, "
            f"worst {tuple(max(u.herschik_score for u in uitslagen))}; "
            + ", ".join(f"{naam} {'ok' if gehaald else 'GEMIST'}" for naam, gehaald in doelen)
        )
    print()
    if gemist:
        print("targets missed: " + "; ".join(gemist))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
