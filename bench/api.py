"""Benchmark of the API under an intranet's load: wrk at 32 connections against a bare hello.

For each database (SQLite file, PostgreSQL) this starts `kartrekker serve` on the demo network
(with 50 deelnemers), and a bare FastAPI `async def hello` served by the same uvicorn settings
(workers, loop, HTTP parser), one after the other on this machine. wrk then drives each request
for a few seconds; the table gives requests per second as a ratio to hello, p50 and p99
latency, and the number of non-2xx answers. Last, a fresh server forms its first werkgroepjes,
timed from the moment it answers.

Targets (issue 12), one worker process: one resource >= 0.3x hello, a list of 50 >= 0.1x,
POST >= 0.1x, p99 <= 150 ms, no non-2xx; first group formation under 1 s.

    uv run python bench/api.py                       # SQLite and PostgreSQL, 1 worker
    uv run python bench/api.py --workers 2
    uv run python bench/api.py --databases sqlite --duur 10

PostgreSQL: KARTREKKER_BENCH_DATABASE_URL (default the local server's `kartrekker_bench`,
which is dropped and made anew). wrk comes from Debian (`apt-get install wrk`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
PG_STANDAARD = "postgresql+psycopg://postgres@127.0.0.1:5432/kartrekker_bench"
HELLO = textwrap.dedent(
    """
    from fastapi import FastAPI

    app = FastAPI()


    @app.get("/hello")
    async def hello() -> dict[str, str]:
        return {"hello": "world"}
    """
)
POST_LUA = textwrap.dedent(
    """
    local teller = 0
    request = function()
      teller = teller + 1
      local body = string.format(
        '{"naam":"Bench %d","email":"bench-%s-%d@example.nl","organisatieId":"%s"}',
        teller, "{run}", teller, "{org}")
      return wrk.format("POST", "/v1/personen",
        {["Content-Type"] = "application/json", ["X-Api-Key"] = "{key}"}, body)
    end
    """
)


@dataclass(frozen=True)
class Meting:
    """One wrk run."""

    naam: str
    per_seconde: float
    p50_ms: float
    p99_ms: float
    niet_2xx: int


def _vrije_poort() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        poort: int = sock.getsockname()[1]
        return poort


def _wacht_tot_op(url: str, *, seconden: float = 60) -> None:
    deadline = time.monotonic() + seconden
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError(f"{url} antwoordde niet")


@contextmanager
def _proces(args: list[str], env: dict[str, str], gezond: str) -> Iterator[None]:
    proces = subprocess.Popen(
        args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        _wacht_tot_op(gezond)
        yield
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proces.kill()


def _ms(waarde: str) -> float:
    getal, eenheid = re.fullmatch(r"([\d.]+)(us|ms|s)", waarde).groups()  # type: ignore[union-attr]
    return float(getal) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[eenheid]


def wrk(naam: str, url: str, *, duur: int, verbindingen: int, extra: list[str]) -> Meting:
    """Drive `url` with wrk and read its report, after two seconds of warming up."""
    subprocess.run(
        ["wrk", "-t1", f"-c{verbindingen}", "-d2s", *extra, url], capture_output=True, check=True
    )
    uit = subprocess.run(
        ["wrk", "-t1", f"-c{verbindingen}", f"-d{duur}s", "--latency", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    per_seconde = float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"\s50%\s+(\S+)", uit).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"\s99%\s+(\S+)", uit).group(1))  # type: ignore[union-attr]
    fout = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", uit)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", uit
    )
    niet_2xx = int(fout.group(1)) if fout else 0
    if sockets:
        niet_2xx += sum(int(g) for g in sockets.groups())
    return Meting(naam, per_seconde, p50, p99, niet_2xx)


def _lege_postgres(url: str) -> str:
    parsed = make_url(url)
    beheer = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        verbinding.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    beheer.dispose()
    return url


def _vul(url: str) -> tuple[str, str, str, str]:
    """Migrate, load the demo, grow it to 50 deelnemers; (key, netwerk id, organisatie id,
    bijeenkomst id for the groups)."""
    sys.path.insert(0, str(ROOT))
    from sqlmodel import Session, select

    from app.auth import sleutels
    from app.db import make_engine
    from app.deelnemers import service as deelnemers
    from app.deelnemers.schemas import DeelnemerNieuw
    from app.demo import laad_demo
    from app.migrate import upgrade
    from app.models import Bijeenkomst, Deelnemer, Netwerk, Organisatie, Persoon

    upgrade(url)
    engine = make_engine(url)
    with Session(engine, expire_on_commit=False) as session:
        laad_demo(session=session)
        sleutel = sleutels.maak(naam="bench", scopes=["beheer"], session=session).sleutel
        netwerk = session.exec(select(Netwerk)).one()
        organisaties = list(session.exec(select(Organisatie).order_by(Organisatie.naam)).all())
        aantal = len(session.exec(select(Deelnemer)).all())
        rollen = ["beslisser", "organisatieontwikkeling", "participatie", "jonge-hond"]
        for index in range(aantal, 50):
            organisatie = organisaties[index % len(organisaties)]
            persoon = Persoon(
                naam=f"Extra deelnemer {index}",
                email=f"extra-{index}@bench.example",
                organisatie_id=organisatie.id,
            )
            session.add(persoon)
            session.flush()
            deelnemers.maak(
                netwerk,
                DeelnemerNieuw(persoon_id=persoon.id, rol=rollen[index % 4]),
                session=session,
            )
        bijeenkomst = session.exec(select(Bijeenkomst).order_by(Bijeenkomst.start)).first()
        assert bijeenkomst is not None
        session.commit()
        antwoord = (str(sleutel), str(netwerk.id), str(organisaties[0].id), str(bijeenkomst.id))
    engine.dispose()
    return antwoord


def _serve_args(poort: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "app.cli", "serve",
        "--port", str(poort), "--workers", str(workers),
    ]  # fmt: skip


def meet(database: str, url: str, *, duur: int, verbindingen: int, workers: int) -> list[Meting]:
    """The table's rows for one database."""
    key, netwerk_id, organisatie_id, _ = _vul(url)
    env = {**os.environ, "KARTREKKER_DATABASE_URL": url}
    metingen = []
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "hello.py").write_text(HELLO, encoding="utf-8")
        poort = _vrije_poort()
        hello_args = [
            sys.executable, "-m", "uvicorn", "hello:app", "--app-dir", tmp, "--port", str(poort),
            "--workers", str(workers), "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        with _proces(hello_args, env, f"http://127.0.0.1:{poort}/hello"):
            metingen.append(
                wrk(
                    "hello",
                    f"http://127.0.0.1:{poort}/hello",
                    duur=duur,
                    verbindingen=verbindingen,
                    extra=[],
                )
            )
        poort = _vrije_poort()
        basis = f"http://127.0.0.1:{poort}/v1"
        sleutel = ["-H", f"X-Api-Key: {key}"]
        lua = Path(tmp) / "post.lua"
        run = uuid.uuid4().hex[:8]
        lua.write_text(
            POST_LUA.replace("{run}", run).replace("{org}", organisatie_id).replace("{key}", key),
            encoding="utf-8",
        )
        with _proces(_serve_args(poort, workers), env, f"{basis}/status"):
            for naam, pad, extra in (
                ("GET /v1/status", "/status", []),
                ("GET één netwerk", f"/netwerken/{netwerk_id}", sleutel),
                ("GET 50 deelnemers", f"/netwerken/{netwerk_id}/deelnemers?pageSize=50", sleutel),
                ("POST /v1/personen", "/personen", ["-s", str(lua)]),
            ):
                probeer = httpx.get(f"{basis}{pad}", headers={"X-Api-Key": key}, timeout=60)
                assert probeer.status_code in (200, 405), probeer.text
                metingen.append(
                    wrk(naam, f"{basis}{pad}", duur=duur, verbindingen=verbindingen, extra=extra)
                )
    return metingen


def eerste_groepsindeling(url: str) -> float:
    """Seconds the first group formation of a freshly started server takes."""
    key, netwerk_id, _, _ = _vul_opnieuw(url)
    env = {**os.environ, "KARTREKKER_DATABASE_URL": url}
    poort = _vrije_poort()
    basis = f"http://127.0.0.1:{poort}/v1"
    with _proces(_serve_args(poort, 1), env, f"{basis}/status"):
        start = time.perf_counter()
        antwoord = httpx.post(
            f"{basis}/netwerken/{netwerk_id}/groepsplanning",
            json={"groepsgrootte": 4, "seed": 1},
            headers={"X-Api-Key": key},
            timeout=60,
        )
        duur = time.perf_counter() - start
        assert antwoord.status_code == 200, antwoord.text
    return duur


def _vul_opnieuw(url: str) -> tuple[str, str, str, str]:
    if make_url(url).get_backend_name() == "postgresql":
        _lege_postgres(url)
    else:
        Path(make_url(url).database or "").unlink(missing_ok=True)
    return _vul(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--duur", type=int, default=5, help="seconden per meting")
    parser.add_argument("--verbindingen", type=int, default=32)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk ontbreekt: apt-get install wrk")
    # As an image build does: the group search is compiled once, into numba's cache.
    subprocess.run([sys.executable, "-m", "app.cli", "opwarmen"], cwd=ROOT, check=True)
    uitkomst: dict[str, object] = {"workers": args.workers, "verbindingen": args.verbindingen}
    with tempfile.TemporaryDirectory() as tmp:
        urls = {
            "sqlite": f"sqlite:///{Path(tmp) / 'bench.db'}",
            "postgresql": os.environ.get("KARTREKKER_BENCH_DATABASE_URL", PG_STANDAARD),
        }
        for database in args.databases.split(","):
            url = urls[database]
            if database == "postgresql":
                _lege_postgres(url)
            metingen = meet(
                database, url, duur=args.duur, verbindingen=args.verbindingen,
                workers=args.workers,
            )  # fmt: skip
            hello = metingen[0].per_seconde
            print(f"\n{database}, {args.workers} worker(s), {args.verbindingen} verbindingen")
            print("| verzoek | req/s | x hello | p50 ms | p99 ms | niet-2xx |")
            print("| --- | ---: | ---: | ---: | ---: | ---: |")
            for m in metingen:
                print(
                    f"| {m.naam} | {m.per_seconde:,.0f} | {m.per_seconde / hello:.2f} | "
                    f"{m.p50_ms:.1f} | {m.p99_ms:.1f} | {m.niet_2xx} |"
                )
            eerste = eerste_groepsindeling(url)
            print(f"eerste groepsindeling na de start: {eerste:.2f} s")
            uitkomst[database] = {
                "metingen": [m.__dict__ for m in metingen],
                "eerste_groepsindeling_s": round(eerste, 3),
            }
    print("\n" + json.dumps(uitkomst, indent=2))


if __name__ == "__main__":
    main()
