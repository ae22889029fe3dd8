"""Import of the TOOI waardelijsten (KOOP) of gemeenten, provincies and waterschappen.

A waardelijst is expanded JSON-LD: a list of nodes whose keys are full IRIs and whose values are
lists of value objects (`{"@value": …}` or `{"@id": …}`). One node describes the list itself (a
class from the `wl` namespace, such as `wl:RegisterwaardelijstCompleet`, with `pav:derivedFrom`
naming the register: `…/tooi/id/gemeente`). The other nodes are:

- organisations of the list's own class (`ont:Gemeente`, …): current ones have no `ont:einddatum`,
  ended ones keep theirs, so that their old codes still resolve;
- historic versions (`ont:HistorischeVersie`, which also carry the organisation class): an earlier
  name of an organisation that has its own node and the same organisatiecode, so no row of their
  own;
- changes (`ont:Samenvoeging`, `ont:Uitbreiding`, `ont:Herschikking`, `ont:Toestandswijziging`)
  that link old and new organisations: events, not organisations.

`ontleed_waardelijst` and `lees_waardelijst` are pure; `importeer` reads files and upserts rows.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, col, select

from app.common.service import check_order
from app.errors import InvalidParam, invalid_params_from
from app.models import Organisatie
from app.models.enums import OrganisatieSoort
from app.organisaties.schemas import OrganisatieNieuw

TOOI_ID = "https://identifier.overheid.nl/tooi/id/"
ONT = "https://identifier.overheid.nl/tooi/def/ont/"
WL = "https://identifier.overheid.nl/tooi/def/wl/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PAV_DERIVED_FROM = "http://purl.org/pav/derivedFrom"
HISTORISCHE_VERSIE = ONT + "HistorischeVersie"

# The registers this import understands: register IRI -> (soort, class of its organisations).
REGISTERS: dict[str, tuple[OrganisatieSoort, str]] = {
    TOOI_ID + "gemeente": (OrganisatieSoort.GEMEENTE, ONT + "Gemeente"),
    TOOI_ID + "provincie": (OrganisatieSoort.PROVINCIE, ONT + "Provincie"),
    TOOI_ID + "waterschap": (OrganisatieSoort.WATERSCHAP, ONT + "Waterschap"),
}
MEERVOUD = {
    OrganisatieSoort.GEMEENTE: "gemeenten",
    OrganisatieSoort.PROVINCIE: "provincies",
    OrganisatieSoort.WATERSCHAP: "waterschappen",
}

# Existing rows are looked up in batches, below every database's limit on bound parameters.
OPZOEK_BATCH = 500


class TooiFout(ValueError):
    """A file that is not a usable TOOI waardelijst; the message is Dutch and names the file."""


@dataclass(frozen=True, slots=True)
class TooiOrganisatie:
    """One organisation read from a waardelijst.

    `naam` is the list's own display label (`rdfs:label`), e.g. "gemeente Assen", "provincie
    Groningen", "Wetterskip Fryslân", "Hoogheemraadschap van Delfland": the name the government
    itself shows. It includes the soort, so that gemeente and provincie Groningen differ in a
    list, and for the waterschappen it avoids the doubled "waterschap Wetterskip Fryslân" of
    `voorkeursnaamInclSoort`, which is used only when a node has no label.
    """

    tooi_uri: str
    naam: str
    soort: OrganisatieSoort
    organisatiecode: str
    begindatum: date | None
    einddatum: date | None

    @property
    def actueel(self) -> bool:
        """Whether the organisation still exists (it has no einddatum)."""
        return self.einddatum is None


@dataclass(frozen=True, slots=True)
class Waardelijst:
    """A parsed waardelijst: its soort, its organisations and what was left out."""

    uri: str
    soort: OrganisatieSoort
    zichtdatum: date | None
    organisaties: tuple[TooiOrganisatie, ...]
    # Nodes that are not organisations of the list's soort, by kind ("samenvoeging": 54, …).
    overgeslagen: Mapping[str, int]


def lees_waardelijst(data: object) -> list[TooiOrganisatie]:
    """The organisations (current and ended) in a parsed JSON-LD waardelijst."""
    return list(ontleed_waardelijst(data).organisaties)


def ontleed_waardelijst(data: object) -> Waardelijst:
    """Parse a waardelijst (the result of `json.load`); TooiFout when it is not a usable one."""
    knopen = _knopen(data)
    beschrijving = _lijstbeschrijving(knopen)
    uri = _uri(beschrijving)
    registers = _waarden(beschrijving, PAV_DERIVED_FROM)
    if len(registers) != 1:
        raise TooiFout(f"de lijst {uri} noemt niet precies één register (pav:derivedFrom).")
    if registers[0] not in REGISTERS:
        bekend = ", ".join(MEERVOUD.values())
        raise TooiFout(f"onbekende soort waardelijst: {registers[0]}; te importeren zijn {bekend}.")
    soort, klasse = REGISTERS[registers[0]]

    organisaties: list[TooiOrganisatie] = []
    overgeslagen: Counter[str] = Counter()
    gezien: set[str] = set()
    for knoop in knopen:
        if knoop is beschrijving:
            continue
        typen = _typen(knoop)
        if klasse in typen and HISTORISCHE_VERSIE not in typen:
            organisatie = _organisatie(knoop, soort)
            if organisatie.tooi_uri in gezien:
                raise TooiFout(f"{organisatie.tooi_uri} staat twee keer in de lijst.")
            gezien.add(organisatie.tooi_uri)
            organisaties.append(organisatie)
        else:
            overgeslagen[_soort_knoop(typen)] += 1
    if not organisaties:
        raise TooiFout(f"de lijst {uri} bevat geen enkele {soort.value}.")
    return Waardelijst(
        uri=uri,
        soort=soort,
        zichtdatum=_datum(beschrijving, ONT + "zichtdatum"),
        organisaties=tuple(organisaties),
        overgeslagen=dict(sorted(overgeslagen.items())),
    )


def _knopen(data: object) -> list[Mapping[str, Any]]:
    # KOOP publishes a top-level array; a document with "@graph" holds the same nodes.
    if isinstance(data, Mapping) and isinstance(data.get("@graph"), list):
        data = data["@graph"]
    if not isinstance(data, list) or not all(isinstance(knoop, Mapping) for knoop in data):
        raise TooiFout(
            "geen TOOI-waardelijst: verwacht een JSON-LD-lijst van knopen (uitgevouwen vorm, "
            "zoals KOOP die publiceert)."
        )
    return data


def _lijstbeschrijving(knopen: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    beschrijvingen = [k for k in knopen if any(t.startswith(WL) for t in _typen(k))]
    if not beschrijvingen:
        raise TooiFout(
            "geen TOOI-waardelijst: de knoop die de lijst zelf beschrijft "
            "(wl:RegisterwaardelijstCompleet) ontbreekt."
        )
    if len(beschrijvingen) > 1:
        raise TooiFout("meer dan één lijstbeschrijving; splits het bestand per waardelijst.")
    return beschrijvingen[0]


def _organisatie(knoop: Mapping[str, Any], soort: OrganisatieSoort) -> TooiOrganisatie:
    uri = _uri(knoop)
    naam = _enkel(knoop, RDFS_LABEL) or _enkel(knoop, ONT + "voorkeursnaamInclSoort")
    code = _enkel(knoop, ONT + "organisatiecode")
    if not naam:
        raise TooiFout(f"{uri} heeft geen naam (rdfs:label).")
    if not code:
        raise TooiFout(f"{uri} heeft geen organisatiecode.")
    organisatie = TooiOrganisatie(
        tooi_uri=uri,
        naam=naam.strip(),
        soort=soort,
        organisatiecode=code.strip(),
        begindatum=_datum(knoop, ONT + "begindatum"),
        einddatum=_datum(knoop, ONT + "einddatum"),
    )
    _controleer(organisatie)
    return organisatie


def _controleer(organisatie: TooiOrganisatie) -> None:
    """The same rules as for an organisatie entered through the API."""
    problemen: list[InvalidParam] = []
    try:
        OrganisatieNieuw.model_validate(
            {
                "naam": organisatie.naam,
                "soort": organisatie.soort,
                "tooi_uri": organisatie.tooi_uri,
                "organisatiecode": organisatie.organisatiecode,
            }
        )
    except ValidationError as fout:
        problemen += invalid_params_from(fout.errors())
    problemen += check_order(
        "begindatum", organisatie.begindatum, "einddatum", organisatie.einddatum
    )
    if problemen:
        uitleg = "; ".join(f"{p.name}: {p.reason}" for p in problemen)
        raise TooiFout(f"{organisatie.tooi_uri} is ongeldig: {uitleg}")


def _typen(knoop: Mapping[str, Any]) -> list[str]:
    typen = knoop.get("@type", [])
    if isinstance(typen, str):
        return [typen]
    return [t for t in typen if isinstance(t, str)] if isinstance(typen, list) else []


def _soort_knoop(typen: Sequence[str]) -> str:
    """A readable name for a skipped node: "samenvoeging", "historische versie", …"""
    namen = sorted({t.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in typen})
    if HISTORISCHE_VERSIE in typen:
        namen = ["HistorischeVersie"]
    if not namen:
        return "zonder type"
    return " + ".join(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", naam).lower() for naam in namen)


def _uri(knoop: Mapping[str, Any]) -> str:
    uri = knoop.get("@id")
    if not isinstance(uri, str) or not uri:
        raise TooiFout("een knoop zonder @id; zo ziet een TOOI-waardelijst er niet uit.")
    return uri


def _waarden(knoop: Mapping[str, Any], eigenschap: str) -> list[str]:
    """The literal values or IRIs of `eigenschap`, in order, without repeats."""
    ruw = knoop.get(eigenschap, [])
    waarden: list[str] = []
    for item in ruw if isinstance(ruw, list) else [ruw]:
        waarde = item.get("@value", item.get("@id")) if isinstance(item, Mapping) else item
        if not isinstance(waarde, str):
            kort = eigenschap.rsplit("/", 1)[-1]
            raise TooiFout(f"{knoop.get('@id')}: {kort} heeft een onleesbare waarde: {item!r}")
        if waarde not in waarden:
            waarden.append(waarde)
    return waarden


def _enkel(knoop: Mapping[str, Any], eigenschap: str) -> str | None:
    waarden = _waarden(knoop, eigenschap)
    if len(waarden) > 1:
        kort = eigenschap.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        raise TooiFout(f"{knoop.get('@id')} heeft meer dan één {kort}: {', '.join(waarden)}")
    return waarden[0] if waarden else None


def _datum(knoop: Mapping[str, Any], eigenschap: str) -> date | None:
    waarde = _enkel(knoop, eigenschap)
    if waarde is None:
        return None
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        kort = eigenschap.rsplit("/", 1)[-1]
        raise TooiFout(
            f"{knoop.get('@id')}: {kort} {waarde!r} is geen datum (JJJJ-MM-DD)."
        ) from None


# --- Import into the database ---------------------------------------------------------------


@dataclass
class Telling:
    """What an import did with the organisations of one soort."""

    nieuw: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0
    actueel: int = 0
    historisch: int = 0

    @property
    def totaal(self) -> int:
        return self.nieuw + self.bijgewerkt + self.ongewijzigd


@dataclass(frozen=True)
class GelezenLijst:
    """One file of an import and what it held."""

    bestand: Path
    lijst: Waardelijst


@dataclass
class ImportVerslag:
    """The outcome of `importeer`: per soort new, updated and unchanged organisations."""

    lijsten: list[GelezenLijst] = field(default_factory=list)
    per_soort: dict[OrganisatieSoort, Telling] = field(default_factory=dict)

    @property
    def nieuw(self) -> int:
        return sum(t.nieuw for t in self.per_soort.values())

    @property
    def bijgewerkt(self) -> int:
        return sum(t.bijgewerkt for t in self.per_soort.values())

    @property
    def ongewijzigd(self) -> int:
        return sum(t.ongewijzigd for t in self.per_soort.values())

    @property
    def iets_veranderd(self) -> bool:
        return self.nieuw + self.bijgewerkt > 0

    def samenvatting(self) -> str:
        """A Dutch summary for the command line."""
        aantal = len(self.lijsten)
        regels = [f"{aantal} TOOI-waardelijst{'en' if aantal != 1 else ''} gelezen:"]
        for gelezen in self.lijsten:
            lijst = gelezen.lijst
            zicht = f", zichtdatum {lijst.zichtdatum.isoformat()}" if lijst.zichtdatum else ""
            regel = (
                f"  {gelezen.bestand.name}: {MEERVOUD[lijst.soort]}{zicht}, "
                f"{len(lijst.organisaties)} organisaties"
            )
            if lijst.overgeslagen:
                niet = ", ".join(f"{n} {soort}" for soort, n in lijst.overgeslagen.items())
                regel += f"; overgeslagen, want geen organisatie: {niet}"
            regels.append(regel)
        for soort, telling in self.per_soort.items():
            regels.append(
                f"{MEERVOUD[soort]}: {telling.nieuw} nieuw, {telling.bijgewerkt} bijgewerkt, "
                f"{telling.ongewijzigd} ongewijzigd; {telling.actueel} actueel, "
                f"{telling.historisch} historisch (met einddatum)"
            )
        regels.append(
            f"Totaal: {self.nieuw} nieuw, {self.bijgewerkt} bijgewerkt, "
            f"{self.ongewijzigd} ongewijzigd."
        )
        if not self.iets_veranderd:
            regels.append("Er is niets veranderd.")
        return "\n".join(regels)

    def __str__(self) -> str:
        return self.samenvatting()


def lees_bestand(pad: Path) -> Waardelijst:
    """Read and parse one waardelijst file; TooiFout names the file."""
    try:
        inhoud = pad.read_bytes()
    except OSError as fout:
        raise TooiFout(f"{pad}: kan het bestand niet lezen ({fout.strerror}).") from fout
    try:
        data = json.loads(inhoud)
    except json.JSONDecodeError as fout:
        raise TooiFout(
            f"{pad}: is geen geldige JSON (fout op regel {fout.lineno}, kolom {fout.colno})."
        ) from fout
    except UnicodeDecodeError as fout:
        raise TooiFout(f"{pad}: is geen JSON (geen UTF-8-tekst).") from fout
    try:
        return ontleed_waardelijst(data)
    except TooiFout as fout:
        raise TooiFout(f"{pad}: {fout}") from fout


def importeer(bestanden: Sequence[Path], *, session: Session) -> ImportVerslag:
    """Upsert the organisations of these waardelijsten, keyed on TOOI URI; flush, no commit.

    Every file is read and checked before the first row is touched, so a bad file writes
    nothing. Rows are never deleted: people and networks may refer to them.
    """
    if not bestanden:
        raise TooiFout("geen bestanden opgegeven.")
    lijsten = [GelezenLijst(pad, lees_bestand(pad)) for pad in bestanden]
    herkomst: dict[str, int] = {}
    for nummer, gelezen in enumerate(lijsten):
        for organisatie in gelezen.lijst.organisaties:
            eerder = herkomst.setdefault(organisatie.tooi_uri, nummer)
            if eerder != nummer:
                raise TooiFout(
                    f"{gelezen.bestand}: {organisatie.tooi_uri} staat ook in "
                    f"{lijsten[eerder].bestand}; geef elke waardelijst één keer op."
                )

    bestaand = _bestaande_organisaties(list(herkomst), session=session)
    verslag = ImportVerslag(lijsten=lijsten)
    for gelezen in lijsten:
        for organisatie in gelezen.lijst.organisaties:
            telling = verslag.per_soort.setdefault(organisatie.soort, Telling())
            if organisatie.actueel:
                telling.actueel += 1
            else:
                telling.historisch += 1
            rij = bestaand.get(organisatie.tooi_uri)
            if rij is None:
                session.add(Organisatie(**_velden(organisatie), tooi_uri=organisatie.tooi_uri))
                telling.nieuw += 1
            elif _werk_bij(rij, organisatie):
                session.add(rij)
                telling.bijgewerkt += 1
            else:
                telling.ongewijzigd += 1
    session.flush()
    return verslag


def _bestaande_organisaties(uris: Sequence[str], *, session: Session) -> dict[str, Organisatie]:
    bestaand: dict[str, Organisatie] = {}
    for start in range(0, len(uris), OPZOEK_BATCH):
        batch = uris[start : start + OPZOEK_BATCH]
        for rij in session.exec(select(Organisatie).where(col(Organisatie.tooi_uri).in_(batch))):
            assert rij.tooi_uri is not None
            bestaand[rij.tooi_uri] = rij
    return bestaand


def _velden(organisatie: TooiOrganisatie) -> dict[str, Any]:
    """The columns a waardelijst decides; oin and the rest stay as they were."""
    return {
        "naam": organisatie.naam,
        "soort": organisatie.soort,
        "organisatiecode": organisatie.organisatiecode,
        "begindatum": organisatie.begindatum,
        "einddatum": organisatie.einddatum,
    }


def _werk_bij(rij: Organisatie, organisatie: TooiOrganisatie) -> bool:
    """Copy what differs onto `rij`; whether anything did."""
    verschil = {
        naam: waarde
        for naam, waarde in _velden(organisatie).items()
        if getattr(rij, naam) != waarde
    }
    for naam, waarde in verschil.items():
        setattr(rij, naam, waarde)
    return bool(verschil)
