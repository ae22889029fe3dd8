"""Benchmark of leervragen matching: quality on the evaluation set, speed on a synthetic network.

    uv run python bench/matching.py

Quality: MRR and precision@3 of `Leervraagindex.alle_matches` on
tests/data/leervragen-evaluatie.json, per kind of question, and with parts of the method
switched off. Speed: matching every halen against every brengen (explanations included) in a
synthetic network of 150 deelnemers with 4 leervragen each, the median of several runs; and
building the index, which happens once per network, both with the word caches a running
server has and in a fresh process (Snowball in pure Python is the slow part there). Service:
the whole path of the matches and agenda endpoints without HTTP (app/leervragen/matches.py:
one joined query on a migrated SQLite database, the index, the matcher, the API shapes) for
the same synthetic network.
"""

import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session

from app.db import make_engine
from app.leervragen import matches, matching, tekst
from app.leervragen.agenda import agenda_suggesties
from app.leervragen.matching import Leervraagindex, Vraag, Weging
from app.migrate import upgrade
from app.models import Deelnemer, Leervraag, Netwerk, Organisatie, Persoon
from app.models.enums import STANDAARD_ROLLEN, LeervraagSoort, OrganisatieSoort
from tests.leervragen.evaluatie import Evaluatieset, evalueer, laad

DEELNEMERS = 150
LEERVRAGEN_PER_DEELNEMER = 4
ORGANISATIES = 30
RUNS = 7
GRENS_MS = 200.0


def kwaliteit(evaluatieset: Evaluatieset) -> None:
    """Print the figures on the evaluation set, and what each part of the method adds."""
    uitslag = evalueer(evaluatieset)
    aantal_halen = len(evaluatieset.relevant)
    aantal_brengen = sum(1 for v in evaluatieset.vragen if v.soort == LeervraagSoort.BRENGEN)
    print(f"Evaluatieset: {aantal_halen} halen-vragen, {aantal_brengen} brengen-vragen")
    print(f"  MRR            {uitslag.mrr:.3f}")
    print(
        f"  precisie@3     {uitslag.precisie_bij_3:.3f}"
        f"  (hoogst haalbaar {uitslag.plafond_precisie_bij_3:.3f}: de meeste vragen hebben"
        " minder dan drie goede antwoorden)"
    )
    print(f"  lokaas vóór het eerste goede antwoord: {uitslag.lokaas_voorop:.1%} van de vragen")
    print("  per soort vraag:      aantal   MRR   P@3")
    for soort, (aantal, mrr, p3) in uitslag.per_soort.items():
        print(f"    {soort:18s} {aantal:6d}  {mrr:.3f}  {p3:.3f}")
    print("  zonder een deel van de methode:   MRR    P@3")
    varianten = {
        "alleen BM25 op stammen": Weging(letters=0, thema=0, rol=0, deel=0),
        "zonder letter-n-grammen": Weging(letters=0),
        "alleen letter-n-grammen": Weging(letters=1),
        "zonder thema's": Weging(thema=0),
        "zonder rol": Weging(rol=0),
        "zonder delen van samenstellingen": Weging(deel=0),
    }
    for naam, weging in varianten.items():
        variant = evalueer(evaluatieset, weging=weging)
        print(f"    {naam:32s} {variant.mrr:.3f}  {variant.precisie_bij_3:.3f}")
    agenda(evaluatieset)


def agenda(evaluatieset: Evaluatieset) -> None:
    """How the agenda groups the set's halen-vragen: do questions with a shared answer meet?"""
    index = Leervraagindex(evaluatieset.vragen)
    groep_van = {
        vraag_id: g
        for g, suggestie in enumerate(agenda_suggesties(index))
        for vraag_id in suggestie.leervraag_ids
    }
    halen = list(evaluatieset.relevant)
    verwant = [
        (a, b)
        for k, a in enumerate(halen)
        for b in halen[k + 1 :]
        if evaluatieset.relevant[a] & evaluatieset.relevant[b]
    ]
    samen = sum(1 for a, b in verwant if a in groep_van and groep_van.get(a) == groep_van.get(b))
    groepen = len(set(groep_van.values()))
    print(
        f"  agenda: {groepen} groepen met {len(groep_van)} van de {len(halen)} vragen;"
        f" {samen} van de {len(verwant)} paren vragen met een gedeeld goed antwoord"
        " staan in dezelfde groep"
    )


def synthetisch_netwerk(seed: int = 6, *, tekstlengte: int | None = None) -> list[Vraag]:
    """150 deelnemers × 4 leervragen, texts recombined from the evaluation set's sentences."""
    rng = random.Random(seed)
    bron = laad()
    teksten = [v.tekst for v in bron.vragen]
    woordenschat = sorted({w for t in teksten for w in t.replace(".", " ").split() if len(w) > 3})
    themas = sorted({t for v in bron.vragen for t in v.themas})
    organisaties = [uuid.UUID(int=rng.getrandbits(128)) for _ in range(ORGANISATIES)]
    vragen = []
    for d in range(DEELNEMERS):
        deelnemer = uuid.UUID(int=rng.getrandbits(128))
        organisatie = organisaties[d % ORGANISATIES]
        rol = STANDAARD_ROLLEN[d % len(STANDAARD_ROLLEN)]
        for k in range(LEERVRAGEN_PER_DEELNEMER):
            # A recombined text with new compounds, so that the vocabulary grows as a real
            # network's would instead of repeating the 158 texts of the evaluation set.
            woorden = [rng.choice(teksten)] + [
                rng.choice(woordenschat).lower() + rng.choice(woordenschat).lower()
                if rng.random() < 0.3
                else rng.choice(woordenschat)
                for _ in range(rng.randint(4, 12))
            ]
            tekst_ = " ".join(woorden)
            while tekstlengte and len(tekst_) < tekstlengte:
                tekst_ += " " + rng.choice(teksten)
            vragen.append(
                Vraag(
                    id=uuid.UUID(int=rng.getrandbits(128)),
                    deelnemer_id=deelnemer,
                    organisatie_id=organisatie,
                    rol=rol,
                    soort=LeervraagSoort.HALEN if k % 2 == 0 else LeervraagSoort.BRENGEN,
                    tekst=tekst_[:tekstlengte] if tekstlengte else tekst_,
                    themas=tuple(rng.sample(themas, rng.randint(0, 2))),
                )
            )
    return vragen


def leeg_caches() -> None:
    """Forget every analysed word, as a freshly started process would have."""
    tekst.stam.cache_clear()
    tekst.char_ngrams.cache_clear()
    matching._ngram_kolommen.cache_clear()


def snelheid(vragen: list[Vraag], label: str) -> float:
    """Median milliseconds to match all halen against all brengen; building reported apart."""
    koud, warm, matchen, processor = [], [], [], []
    for _ in range(RUNS):
        leeg_caches()
        start = time.perf_counter()
        Leervraagindex(vragen)
        koud.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        index = Leervraagindex(vragen)
        gebouwd, cpu = time.perf_counter(), time.process_time()
        resultaat = index.alle_matches(soort=LeervraagSoort.HALEN, limiet=10)
        klaar = time.perf_counter()
        warm.append((gebouwd - start) * 1000)
        matchen.append((klaar - gebouwd) * 1000)
        processor.append((time.process_time() - cpu) * 1000)
    aantal_halen = len(resultaat)
    aantal_brengen = sum(1 for v in vragen if v.soort == LeervraagSoort.BRENGEN)
    gemiddeld = statistics.mean(len(m) for m in resultaat.values())
    lengte = statistics.mean(len(v.tekst) for v in vragen)
    print(
        f"{label}: {len(vragen)} leervragen ({aantal_halen} halen × {aantal_brengen} brengen,"
        f" gemiddeld {lengte:.0f} tekens), {gemiddeld:.1f} matches met uitleg per halen-vraag"
    )
    print(
        f"  mediaan van {RUNS} runs: alle halen matchen {statistics.median(matchen):.1f} ms"
        f" (snelste {min(matchen):.1f}, processortijd {statistics.median(processor):.1f});"
        f" index bouwen {statistics.median(warm):.1f} ms,"
        f" in een vers proces (lege woordcaches) {statistics.median(koud):.1f} ms"
    )
    agendatijden = []
    for _ in range(RUNS):
        start = time.perf_counter()
        suggesties = agenda_suggesties(index)
        agendatijden.append((time.perf_counter() - start) * 1000)
    print(
        f"  agenda-suggesties: {len(suggesties)} groepen uit {aantal_halen} open halen-vragen"
        f" in {statistics.median(agendatijden):.1f} ms (mediaan)"
    )
    return statistics.median(matchen)


def vul_database(session: Session, vragen: list[Vraag]) -> Netwerk:
    """Store the synthetic network as rows: its organisations, people, deelnemers, leervragen."""
    netwerk = Netwerk(
        naam="Synthetisch netwerk", themas=sorted({t for v in vragen for t in v.themas})
    )
    session.add(netwerk)
    for organisatie_id in dict.fromkeys(v.organisatie_id for v in vragen):
        session.add(
            Organisatie(
                id=organisatie_id, naam=f"Organisatie {organisatie_id.hex[:6]}",
                soort=OrganisatieSoort.GEMEENTE,
            )
        )  # fmt: skip
    session.flush()
    for vraag in {v.deelnemer_id: v for v in vragen}.values():
        persoon = Persoon(
            naam=f"Persoon {vraag.deelnemer_id.hex[:6]}",
            email=f"{vraag.deelnemer_id.hex}@example.nl",
            organisatie_id=vraag.organisatie_id,
        )
        session.add(persoon)
        session.flush()
        session.add(
            Deelnemer(
                id=vraag.deelnemer_id, netwerk_id=netwerk.id, persoon_id=persoon.id,
                rol=vraag.rol, sinds=date(2026, 1, 1),
            )
        )  # fmt: skip
    session.flush()
    for vraag in vragen:
        session.add(
            Leervraag(
                id=vraag.id, netwerk_id=netwerk.id, deelnemer_id=vraag.deelnemer_id,
                soort=vraag.soort, tekst=vraag.tekst, themas=list(vraag.themas),
            )
        )  # fmt: skip
    session.commit()
    return netwerk


def mediaan_ms(stap: Callable[[], object], *, koud: bool = False) -> float:
    """Median milliseconds of `stap` over RUNS runs; `koud` empties the word caches first."""
    tijden = []
    for _ in range(RUNS):
        if koud:
            leeg_caches()
        start = time.perf_counter()
        stap()
        tijden.append((time.perf_counter() - start) * 1000)
    return statistics.median(tijden)


def service(vragen: list[Vraag]) -> float:
    """Median milliseconds of the matches endpoint's service path, database query included."""
    with tempfile.TemporaryDirectory() as map_:
        url = f"sqlite:///{Path(map_) / 'bench.db'}"
        upgrade(url)
        engine = make_engine(url)
        with Session(engine, expire_on_commit=False) as session:
            netwerk = vul_database(session, vragen)
            halen = next(v for v in vragen if v.soort == LeervraagSoort.HALEN)
            leervraag = session.get(Leervraag, halen.id)
            assert leervraag is not None

            def een_vraag() -> object:
                return matches.voor_leervraag(leervraag, session=session, limiet=10)

            def laden() -> object:
                return matches.laad([netwerk.id], session=session)

            def agenda() -> object:
                return matches.agenda(netwerk, session=session)

            een_vraag()  # warm the caches a running server has
            mediaan = mediaan_ms(een_vraag)
            print(f"Service zonder HTTP ({len(vragen)} leervragen in SQLite, mediaan van {RUNS}):")
            print(
                f"  matches van één leervraag {mediaan:.1f} ms"
                f" (waarvan laden en index bouwen {mediaan_ms(laden):.1f} ms;"
                f" in een vers proces {mediaan_ms(een_vraag, koud=True):.1f} ms)"
            )
            print(f"  agenda-suggesties {mediaan_ms(agenda):.1f} ms")
        engine.dispose()
    return mediaan


def main() -> None:
    kwaliteit(laad())
    print()
    print(f"Snelheid (grens {GRENS_MS:.0f} ms voor {DEELNEMERS} deelnemers × 4 leervragen)")
    mediaan = snelheid(synthetisch_netwerk(), "Synthetisch netwerk")
    snelheid(synthetisch_netwerk(tekstlengte=2000), "Zelfde netwerk, elke tekst 2000 tekens")
    print(f"  {'binnen' if mediaan < GRENS_MS else 'BOVEN'} de grens van {GRENS_MS:.0f} ms")
    print()
    via_service = service(synthetisch_netwerk())
    print(f"  {'binnen' if via_service < GRENS_MS else 'BOVEN'} de grens van {GRENS_MS:.0f} ms")


if __name__ == "__main__":
    main()
