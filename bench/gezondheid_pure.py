"""Time the pure part of the health endpoint on the issue's network: 150 deelnemers from 30
organisations, 40 held bijeenkomsten with attendance and evaluations.

    uv run python bench/gezondheid_pure.py [--herhalingen 50]

Every measurement builds a fresh NetwerkSnapshot from plain rows, as a request would (its
lookups are cached per snapshot), then runs the function(s) named. Prints median and best.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as tijdstip
from typing import Any

from app.models.enums import (
    STANDAARD_ROLLEN,
    BijeenkomstStatus,
    LeervraagSoort,
    NetwerkStatus,
    OrganisatieSoort,
)
from app.spelregels import (
    Aanwezigheid,
    AanwezigheidStatus,
    Bijdrage,
    BijdrageSoort,
    BijeenkomstSnapshot,
    DeelnemerSnapshot,
    Evaluatie,
    LeervraagSnapshot,
    NetwerkSnapshot,
    OrganisatieSnapshot,
    check,
    gezondheid,
    plan_opvolgingen,
    standaard_spelregels,
)

START = date(2024, 1, 8)


@dataclass(frozen=True)
class Rijen:
    """What the loader would have fetched: the snapshot's fields as plain tuples."""

    velden: dict[str, Any]

    def snapshot(self, **anders: Any) -> NetwerkSnapshot:
        return NetwerkSnapshot(**{**self.velden, **anders})


def synthetisch_netwerk(seed: int = 4) -> Rijen:
    willekeur = random.Random(seed)
    soorten = [OrganisatieSoort.GEMEENTE] * 24 + [
        OrganisatieSoort.PROVINCIE,
        OrganisatieSoort.PROVINCIE,
        OrganisatieSoort.WATERSCHAP,
        OrganisatieSoort.WATERSCHAP,
        OrganisatieSoort.KENNISINSTELLING,
        OrganisatieSoort.MINISTERIE,
    ]
    organisaties = tuple(
        OrganisatieSnapshot(id=uuid.uuid4(), naam=f"Organisatie {i:02}", soort=soort)
        for i, soort in enumerate(soorten)
    )
    deelnemers = tuple(
        DeelnemerSnapshot(
            id=uuid.uuid4(),
            naam=f"Deelnemer {i:03}",
            organisatie_id=organisaties[i % 30].id,
            rol=STANDAARD_ROLLEN[(i // 30) % 4],
            kartrekker=i < 4,
            sinds=START,
        )
        for i in range(150)
    )
    bijeenkomsten = []
    for nummer in range(1, 51):
        gehouden = nummer <= 40
        bijeenkomsten.append(
            BijeenkomstSnapshot(
                id=uuid.uuid4(),
                volgnummer=nummer,
                start=datetime.combine(START + timedelta(days=14 * nummer), tijdstip(14), UTC),
                status=BijeenkomstStatus.GEHOUDEN if gehouden else BijeenkomstStatus.GEPLAND,
                gastorganisatie_id=organisaties[nummer % 30].id if gehouden else None,
                bijdragen=(
                    Bijdrage(
                        deelnemer_id=willekeur.choice(deelnemers).id,
                        soort=BijdrageSoort.PRESENTATOR,
                    ),
                ),
            )
        )
    aanwezigheden = tuple(
        Aanwezigheid(
            bijeenkomst_id=b.id,
            deelnemer_id=d.id,
            status=willekeur.choices(list(AanwezigheidStatus), weights=(80, 12, 8))[0],
        )
        for b in bijeenkomsten[:40]
        for d in deelnemers
    )
    evaluaties = tuple(
        Evaluatie(
            bijeenkomst_id=b.id,
            leerwaarde=willekeur.randint(2, 5),
            plezier=willekeur.randint(2, 5),
        )
        for b in bijeenkomsten[:40]
        for _ in range(20)
    )
    leervragen = tuple(
        LeervraagSnapshot(id=uuid.uuid4(), deelnemer_id=d.id, soort=soort)
        for d in deelnemers
        for soort in LeervraagSoort
        if willekeur.random() < 0.9
    )
    return Rijen(
        {
            "id": uuid.uuid4(),
            "naam": "Synthetisch netwerk",
            "status": NetwerkStatus.ACTIEF,
            "peildatum": START + timedelta(days=14 * 41),
            "onderwerp": "De organisatorische kant van nieuwe democratie",
            "startdatum": START,
            "geplande_einddatum": START + timedelta(days=730),
            "organisaties": organisaties,
            "deelnemers": deelnemers,
            "bijeenkomsten": tuple(bijeenkomsten),
            "aanwezigheden": aanwezigheden,
            "leervragen": leervragen,
            "evaluaties": evaluaties,
        }
    )


def meet(naam: str, werk: Callable[[], object], herhalingen: int) -> None:
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        werk()
        tijden.append((time.perf_counter() - begin) * 1000)
    print(f"{naam:<48} mediaan {statistics.median(tijden):7.2f} ms   beste {min(tijden):7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--herhalingen", type=int, default=50)
    herhalingen = parser.parse_args().herhalingen
    rijen = synthetisch_netwerk()
    spelregels = standaard_spelregels()
    voorbeeld = rijen.snapshot()
    print(
        f"{len(voorbeeld.deelnemers)} deelnemers, {len(voorbeeld.organisaties)} organisaties, "
        f"{len(voorbeeld.gehouden_bijeenkomsten)} gehouden bijeenkomsten, "
        f"{len(voorbeeld.aanwezigheden)} aanwezigheden, {len(voorbeeld.evaluaties)} evaluaties; "
        f"{len(gezondheid(voorbeeld, spelregels).bevindingen)} bevindingen"
    )
    meet("snapshot bouwen (met controle)", rijen.snapshot, herhalingen)
    meet(
        "check bij activering (snapshot + check)",
        lambda: check(rijen.snapshot(), spelregels),
        herhalingen,
    )
    meet(
        "check bij schrijven (twee snapshots + check)",
        lambda: check(rijen.snapshot(), spelregels, voor=rijen.snapshot()),
        herhalingen,
    )
    meet(
        "gezondheid (snapshot + alle regels + cijfers)",
        lambda: gezondheid(rijen.snapshot(), spelregels),
        herhalingen,
    )
    meet(
        "plan_opvolgingen (snapshot + plan)",
        lambda: plan_opvolgingen(rijen.snapshot(), spelregels),
        herhalingen,
    )

    def eindpunt() -> None:
        snapshot = rijen.snapshot()
        gezondheid(snapshot, spelregels)
        plan_opvolgingen(snapshot, spelregels)

    meet("gezondheid + plan_opvolgingen op één snapshot", eindpunt, herhalingen)


if __name__ == "__main__":
    main()
