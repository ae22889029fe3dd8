"""Benchmark of the gastrooster on ../shared/bench/gastrooster-instances.json.

Per instance: the largest deviation from the Fagin–Williams share that the plan reaches,
against the exact optimum in the file; the smallest gap between two hostings of one
organisation, against the greedy largest-deficit rule (the classic carpool rule, implemented
here as the baseline); and the time of `plan` (best of several runs).

Targets: the optimum deviation on every instance, a smallest gap at least the greedy's, and
under 50 ms for the 40 × 40 instance. Exits non-zero when one is missed.

    uv run python bench/gastrooster.py
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.gastrooster import RoosterBijeenkomst, RoosterOrganisatie, plan

SHARED_BENCH = Path(
    os.environ.get(
        "KARTREKKER_SHARED_BENCH", Path(__file__).resolve().parents[1].parent / "shared" / "bench"
    )
)
RUNS = 7
TIME_LIMIT_MS = 50.0
TIMED_SIZE = (40, 40)  # organisations × sessions of the instance held to the time limit
TOLERANCE = 1e-3  # the file rounds the optimum to four decimals


def shares(
    organisations: Sequence[str], unavailable: Sequence[Sequence[str]]
) -> dict[str, Fraction]:
    """Fagin–Williams shares, straight from the README's definition."""
    share = {o: Fraction(0) for o in organisations}
    for away in unavailable:
        available = [o for o in organisations if o not in set(away)]
        for o in available:
            share[o] += Fraction(1, len(available))
    return share


def max_deviation(hosts: Sequence[str], share: dict[str, Fraction]) -> float:
    """Max over organisations of |times hosted - share|."""
    counts = dict.fromkeys(share, 0)
    for host in hosts:
        counts[host] += 1
    return float(max(abs(counts[o] - share[o]) for o in share))


def smallest_gap(hosts: Sequence[str]) -> int | None:
    """The fewest sessions between two hostings of one organisation (None: nobody hosts twice)."""
    last: dict[str, int] = {}
    gap: int | None = None
    for position, host in enumerate(hosts):
        if host in last:
            distance = position - last[host]
            gap = distance if gap is None else min(gap, distance)
        last[host] = position
    return gap


def greedy(organisations: Sequence[str], unavailable: Sequence[Sequence[str]]) -> list[str]:
    """The largest-deficit rule: who has accrued most share and hosted least hosts next."""
    balance = {o: Fraction(0) for o in organisations}
    hosts: list[str] = []
    for away in unavailable:
        available = [o for o in organisations if o not in set(away)]
        for o in available:
            balance[o] += Fraction(1, len(available))
        host = max(available, key=lambda o: balance[o])  # ties: the first in the list
        balance[host] -= 1
        hosts.append(host)
    return hosts


def ours(organisations: Sequence[str], unavailable: Sequence[Sequence[str]]) -> list[str]:
    """Hosts from `app.gastrooster.plan`, one session a week."""
    start = datetime(2026, 1, 8, 13, 30, tzinfo=UTC)
    sessions = [
        RoosterBijeenkomst(id=i, start=start + timedelta(weeks=i), verhinderd=frozenset(away))
        for i, away in enumerate(unavailable)
    ]
    result = plan([RoosterOrganisatie(id=o) for o in organisations], sessions)
    hosts: list[str] = []
    for session in sessions:
        host = result.toewijzing[session.id]
        if host is None:
            raise SystemExit(f"session {session.id} got no host")
        hosts.append(host)
    return hosts


def best_ms(organisations: Sequence[str], unavailable: Sequence[Sequence[str]]) -> float:
    """The fastest of RUNS runs of `plan`, in milliseconds."""
    best = float("inf")
    for _ in range(RUNS):
        begin = time.perf_counter()
        ours(organisations, unavailable)
        best = min(best, (time.perf_counter() - begin) * 1000)
    return best


def gap_text(gap: int | None) -> str:
    return "-" if gap is None else str(gap)


def run(instance: dict[str, Any]) -> tuple[str, list[str]]:
    """One line of output for `instance`, and the targets it missed."""
    organisations: list[str] = instance["organisations"]
    unavailable: list[list[str]] = instance["unavailable"]
    if len(unavailable) != instance["sessions"]:
        raise SystemExit(f"{instance['id']}: 'unavailable' does not list every session")
    share = shares(organisations, unavailable)
    for o, given in instance.get("fairShare", {}).items():
        if abs(float(share[o]) - given) > TOLERANCE:
            raise SystemExit(
                f"{instance['id']}: share of {o} is {float(share[o])}, file says {given}"
            )
    hosts = ours(organisations, unavailable)
    for host, away in zip(hosts, unavailable, strict=True):
        if host in away:
            raise SystemExit(f"{instance['id']}: {host} hosts a session it cannot attend")
    baseline = greedy(organisations, unavailable)
    deviation = max_deviation(hosts, share)
    optimum = float(instance["optimumMaxDeviation"])
    gap, greedy_gap = smallest_gap(hosts), smallest_gap(baseline)
    ms = best_ms(organisations, unavailable)
    missed: list[str] = []
    if deviation > optimum + TOLERANCE:
        missed.append("deviation above the optimum")
    if greedy_gap is not None and gap is not None and gap < greedy_gap:
        missed.append("smallest gap below greedy's")
    timed = (len(organisations), len(unavailable)) == TIMED_SIZE
    if timed and ms > TIME_LIMIT_MS:
        missed.append(f"slower than {TIME_LIMIT_MS:.0f} ms")
    line = (
        f"{instance['id']:<4} {len(organisations):>3} x {len(unavailable):<3} "
        f"max deviation {deviation:.4f} (optimum {optimum:.4f}, greedy "
        f"{max_deviation(baseline, share):.4f})  smallest gap {gap_text(gap)} "
        f"(greedy {gap_text(greedy_gap)})  {ms:7.2f} ms{' (limit 50)' if timed else ''}"
        f"  {'ok' if not missed else 'MISSED: ' + '; '.join(missed)}"
    )
    return line, missed


def main() -> int:
    path = SHARED_BENCH / "gastrooster-instances.json"
    instances = json.loads(path.read_text(encoding="utf-8"))["instances"]
    print(f"gastrooster bench: {path} ({len(instances)} instances, best of {RUNS} runs)")
    failures = 0
    for instance in instances:
        line, missed = run(instance)
        print(line)
        failures += bool(missed)
    print("all targets met" if not failures else f"{failures} instance(s) missed a target")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
