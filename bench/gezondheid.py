"""Benchmark of GET /v1/netwerken/{id}/gezondheid: server time and SQL statements.

A network of 150 deelnemers from 30 organisations with 40 held bijeenkomsten, attendance for
everyone at each of them, leervragen and evaluations; the request runs through the whole app
(authentication, permission, loading, the rules, serialisation) on a real SQLite file, or on
PostgreSQL with KARTREKKER_BENCH_DATABASE_URL (that database is emptied first).

Target: under 100 ms on a 2-core machine, and the same number of statements for any size.

    uv run python bench/gezondheid.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient
from sqlalchemy import event, text
from sqlmodel import Session

from app.auth import sleutels
from app.config import Settings
from app.db import engine_for
from app.main import create_app
from app.migrate import upgrade
from app.models import (
    Aanwezigheid,
    Bijeenkomst,
    Deelnemer,
    Evaluatie,
    Leervraag,
    Netwerk,
    Organisatie,
    Persoon,
)
from app.models.enums import (
    AanwezigheidStatus,
    BijeenkomstStatus,
    LeervraagSoort,
    NetwerkStatus,
    OrganisatieSoort,
)

ROLLEN = ("beslisser", "organisatieontwikkeling", "participatie", "jonge-hond")


def seed(
    session: Session, *, organisaties: int, per_organisatie: int, bijeenkomsten: int
) -> uuid.UUID:
    """A network of the given size, written in bulk; returns its id."""
    netwerk = Netwerk(
        naam="Benchmarknetwerk",
        onderwerp="Hoe werken ambtenaren samen met inwoners aan de energietransitie?",
        status=NetwerkStatus.ACTIEF,
        startdatum=date.today() - timedelta(days=800),
    )
    session.add(netwerk)
    session.flush()
    deelnemers: list[Deelnemer] = []
    org_ids = []
    for o in range(organisaties):
        soort = OrganisatieSoort.PROVINCIE if o % 10 == 9 else OrganisatieSoort.GEMEENTE
        org = Organisatie(naam=f"Organisatie {o:02d}", soort=soort)
        session.add(org)
        session.flush()
        org_ids.append(org.id)
        for p in range(per_organisatie):
            persoon = Persoon(
                naam=f"Persoon {o:02d}-{p}", email=f"p{o}-{p}@bench.example", organisatie_id=org.id
            )
            session.add(persoon)
            session.flush()
            deelnemer = Deelnemer(
                netwerk_id=netwerk.id,
                persoon_id=persoon.id,
                rol=ROLLEN[p % 4],
                kartrekker=p == 0 and o < 4,
                sinds=date.today() - timedelta(days=800),
            )
            session.add(deelnemer)
            deelnemers.append(deelnemer)
    session.flush()
    for d in deelnemers:
        for soort in (LeervraagSoort.BRENGEN, LeervraagSoort.HALEN):
            session.add(
                Leervraag(netwerk_id=netwerk.id, deelnemer_id=d.id, soort=soort, tekst="Vraag")
            )
    start = datetime.now(UTC) - timedelta(days=bijeenkomsten * 14 + 7)
    for b in range(bijeenkomsten):
        moment = start + timedelta(days=14 * b)
        bijeenkomst = Bijeenkomst(
            netwerk_id=netwerk.id,
            volgnummer=b + 1,
            titel=f"Bijeenkomst {b + 1}",
            start=moment,
            einde=moment + timedelta(hours=3),
            gastorganisatie_id=org_ids[b % organisaties],
            status=BijeenkomstStatus.GEHOUDEN,
        )
        session.add(bijeenkomst)
        session.flush()
        for i, d in enumerate(deelnemers):
            status = AanwezigheidStatus.AFWEZIG if (i + b) % 9 == 0 else AanwezigheidStatus.AANWEZIG
            session.add(
                Aanwezigheid(
                    netwerk_id=netwerk.id,
                    bijeenkomst_id=bijeenkomst.id,
                    deelnemer_id=d.id,
                    status=status,
                )
            )
            if i % 7 == 0:
                session.add(
                    Evaluatie(
                        netwerk_id=netwerk.id,
                        bijeenkomst_id=bijeenkomst.id,
                        deelnemer_id=d.id,
                        leerwaarde=3 + (i + b) % 3,
                        plezier=2 + (i * b) % 4,
                    )
                )
    session.commit()
    return netwerk.id


def database_url(folder: str) -> str:
    url = os.environ.get("KARTREKKER_BENCH_DATABASE_URL")
    if not url:
        return f"sqlite:///{folder}/bench.db"
    engine = engine_for(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    return url


def measure(
    url: str, *, organisaties: int, per_organisatie: int, bijeenkomsten: int, runs: int
) -> dict[str, Any]:
    upgrade(url)
    engine = engine_for(url)
    with Session(engine, expire_on_commit=False) as session:
        netwerk_id = seed(
            session,
            organisaties=organisaties,
            per_organisatie=per_organisatie,
            bijeenkomsten=bijeenkomsten,
        )
        key = sleutels.maak(naam="bench", scopes=["beheer"], session=session).sleutel
        session.commit()
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    app = create_app(Settings(database_url=url, worker_in_process=False))
    times = []
    with TestClient(app, headers={"X-Api-Key": key}) as client:
        url_path = f"/v1/netwerken/{netwerk_id}/gezondheid"
        assert client.get(url_path).status_code == 200  # warm up
        for _ in range(runs):
            statements.clear()
            begin = time.perf_counter()
            response = client.get(url_path)
            times.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, response.text
    return {
        "median_ms": statistics.median(times),
        "min_ms": min(times),
        "statements": len(statements),
        "deelnemers": organisaties * per_organisatie,
    }


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        small = measure(
            database_url(folder), organisaties=3, per_organisatie=4, bijeenkomsten=4, runs=10
        )
    with tempfile.TemporaryDirectory() as folder:
        large = measure(
            database_url(folder), organisaties=30, per_organisatie=5, bijeenkomsten=40, runs=20
        )
    print(
        f"small  {small['deelnemers']:3d} deelnemers,  4 bijeenkomsten: "
        f"median {small['median_ms']:6.1f} ms, {small['statements']} statements"
    )
    print(
        f"large  {large['deelnemers']:3d} deelnemers, 40 bijeenkomsten: "
        f"median {large['median_ms']:6.1f} ms (min {large['min_ms']:.1f}), "
        f"{large['statements']} statements"
    )
    ok = large["median_ms"] < 100 and small["statements"] == large["statements"]
    print("target met" if ok else "TARGET MISSED (100 ms, constant statements)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
