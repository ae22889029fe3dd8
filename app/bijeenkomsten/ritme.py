"""The rhythm of a netwerk: session dates from an RFC 5545 RRULE or from explicit dates.

Pure functions, no database. Times are wall-clock times in the network's time zone
(Europe/Amsterdam): a session at 13:30 stays at 13:30 across daylight-saving changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

TIJDZONE = "Europe/Amsterdam"
MAXIMUM_BIJEENKOMSTEN = 500
# A rule without an end, or one that rarely matches, is only followed this far ahead.
HORIZON_JAREN = 10
LANGSTE_DUUR = timedelta(hours=24)

_TOEGESTANE_DELEN = frozenset(
    {
        "FREQ",
        "INTERVAL",
        "COUNT",
        "UNTIL",
        "BYDAY",
        "BYMONTHDAY",
        "BYMONTH",
        "BYSETPOS",
        "BYWEEKNO",
        "BYYEARDAY",
        "WKST",
    }
)
_FREQUENTIES = frozenset({"DAILY", "WEEKLY", "MONTHLY", "YEARLY"})
_UNTIL = re.compile(r"^(\d{8})(?:T(\d{6})(Z?))?$")


class RitmeFout(ValueError):
    """Invalid rhythm input; `veld` and `code` let the API answer 400 with invalidParams."""

    def __init__(self, veld: str, code: str, melding: str) -> None:
        super().__init__(melding)
        self.veld = veld
        self.code = code
        self.melding = melding


@dataclass(frozen=True)
class Periode:
    """A closed range of dates (both ends included), e.g. the summer holiday."""

    van: date
    tot: date

    def __post_init__(self) -> None:
        if self.tot < self.van:
            raise RitmeFout(
                "geblokkeerd",
                "periode-omgekeerd",
                "Een geblokkeerde periode eindigt voor hij begint.",
            )

    def bevat(self, dag: date) -> bool:
        """Whether `dag` falls in this period."""
        return self.van <= dag <= self.tot


@dataclass(frozen=True)
class Tijdvak:
    """When one bijeenkomst takes place: aware datetimes in the network's time zone."""

    start: datetime
    einde: datetime

    @property
    def datum(self) -> date:
        """The local date of the start."""
        return self.start.date()


def plan_ritme(
    regel: str,
    *,
    eerste_dag: date,
    begintijd: time,
    duur: timedelta,
    tot: date | None = None,
    aantal: int | None = None,
    geblokkeerd: Iterable[date | Periode] = (),
    tijdzone: str = TIJDZONE,
) -> list[Tijdvak]:
    """The bijeenkomsten of an RRULE from `eerste_dag` at `begintijd`, skipping blocked dates.

    COUNT and UNTIL in the rule follow RFC 5545: a blocked date is dropped like an EXDATE and
    does not make room for another. `aantal` instead limits the bijeenkomsten that remain,
    `tot` is the last date (inclusive). One of the three must end the rule.
    """
    zone = _zone(tijdzone)
    _controleer_tijd(begintijd, duur)
    if aantal is not None and not 1 <= aantal <= MAXIMUM_BIJEENKOMSTEN:
        raise RitmeFout(
            "aantal",
            "buiten-bereik",
            f"Het aantal moet tussen 1 en {MAXIMUM_BIJEENKOMSTEN} liggen.",
        )
    if tot is not None and tot < eerste_dag:
        raise RitmeFout("tot", "voor-eerste-dag", "De einddatum ligt voor de eerste dag.")
    delen, telling, tot_regel = _ontleed(regel, zone)
    if telling is None and tot_regel is None and tot is None and aantal is None:
        raise RitmeFout(
            "regel",
            "geen-einde",
            "De herhaalregel heeft geen einde: geef COUNT of UNTIL op, of een einddatum of aantal.",
        )
    begin = datetime.combine(eerste_dag, begintijd)
    grens = datetime.combine(eerste_dag.replace(year=eerste_dag.year + HORIZON_JAREN), time.max)
    if tot_regel is not None:
        grens = min(grens, tot_regel)
    if tot is not None:
        grens = min(grens, datetime.combine(tot, time.max))
    try:
        herhaling = rrulestr(";".join(delen), dtstart=begin)
    except (ValueError, TypeError) as fout:
        raise RitmeFout(
            "regel",
            "ongeldige-regel",
            f"De herhaalregel is ongeldig; controleer waarden als BYDAY=TH ({fout}).",
        ) from fout
    if not isinstance(herhaling, rrule):
        raise RitmeFout("regel", "ongeldige-regel", "Geef precies één herhaalregel (RRULE).")
    # dateutil only stops at UNTIL, so the horizon becomes the UNTIL and COUNT is ours to apply.
    momenten = herhaling.replace(until=grens)
    blokkades = _blokkades(geblokkeerd)
    tijdvakken: list[Tijdvak] = []
    volgnummer = 0
    for volgnummer, lokaal in enumerate(momenten, start=1):
        if telling is not None and volgnummer > telling:
            break
        if blokkades.bevat(lokaal.date()):
            continue
        tijdvakken.append(_tijdvak(lokaal, duur, zone))
        if aantal is not None and len(tijdvakken) == aantal:
            break
        if len(tijdvakken) > MAXIMUM_BIJEENKOMSTEN:
            raise RitmeFout(
                "regel",
                "te-veel",
                f"De herhaalregel geeft meer dan {MAXIMUM_BIJEENKOMSTEN} bijeenkomsten; "
                "kort hem in met COUNT, UNTIL of een einddatum.",
            )
    if volgnummer == 0:
        raise RitmeFout(
            "regel",
            "geen-bijeenkomsten",
            "De herhaalregel levert vanaf de eerste dag geen enkele bijeenkomst op.",
        )
    return tijdvakken


def plan_data(
    data: Iterable[date],
    *,
    begintijd: time,
    duur: timedelta,
    geblokkeerd: Iterable[date | Periode] = (),
    tijdzone: str = TIJDZONE,
) -> list[Tijdvak]:
    """Bijeenkomsten on explicit dates, in date order, once per date, skipping blocked dates."""
    zone = _zone(tijdzone)
    _controleer_tijd(begintijd, duur)
    blokkades = _blokkades(geblokkeerd)
    dagen = sorted(set(data))
    if len(dagen) > MAXIMUM_BIJEENKOMSTEN:
        raise RitmeFout(
            "data", "te-veel", f"Geef hoogstens {MAXIMUM_BIJEENKOMSTEN} data tegelijk op."
        )
    return [
        _tijdvak(datetime.combine(dag, begintijd), duur, zone)
        for dag in dagen
        if not blokkades.bevat(dag)
    ]


def _zone(naam: str) -> ZoneInfo:
    try:
        return ZoneInfo(naam)
    except (ZoneInfoNotFoundError, ValueError) as fout:
        raise RitmeFout("tijdzone", "onbekend", f"Onbekende tijdzone: {naam}.") from fout


def _controleer_tijd(begintijd: time, duur: timedelta) -> None:
    if begintijd.tzinfo is not None:
        raise RitmeFout(
            "begintijd",
            "met-tijdzone",
            "Geef de begintijd als plaatselijke kloktijd, zonder tijdzone.",
        )
    if not timedelta(0) < duur <= LANGSTE_DUUR:
        raise RitmeFout(
            "duur", "buiten-bereik", "De duur moet langer dan nul en hoogstens 24 uur zijn."
        )


def _ontleed(regel: str, zone: ZoneInfo) -> tuple[list[str], int | None, datetime | None]:
    """The rule's parts without COUNT and UNTIL, and those two (UNTIL as local wall time)."""
    tekst = regel.strip()
    if tekst.upper().startswith("RRULE:"):
        tekst = tekst[len("RRULE:") :]
    if not tekst:
        raise RitmeFout("regel", "leeg", "De herhaalregel is leeg.")
    if "\n" in tekst or "\r" in tekst or ":" in tekst:
        raise RitmeFout(
            "regel",
            "ongeldige-regel",
            "Geef alleen de regel zelf (bijvoorbeeld FREQ=WEEKLY;INTERVAL=6;BYDAY=TH), "
            "zonder DTSTART of EXDATE: startdatum en geblokkeerde data zijn aparte velden.",
        )
    delen: list[str] = []
    gezien: set[str] = set()
    telling: int | None = None
    tot: datetime | None = None
    for deel in tekst.upper().split(";"):
        naam, is_gelijk, waarde = deel.partition("=")
        naam, waarde = naam.strip(), waarde.strip()
        if not is_gelijk or not naam or not waarde:
            raise RitmeFout(
                "regel", "ongeldige-regel", f"'{deel}' in de herhaalregel is geen NAAM=WAARDE."
            )
        if naam not in _TOEGESTANE_DELEN:
            raise RitmeFout(
                "regel",
                "niet-ondersteund",
                f"{naam} wordt niet ondersteund; de begintijd is een apart veld.",
            )
        if naam in gezien:
            raise RitmeFout("regel", "ongeldige-regel", f"{naam} staat twee keer in de regel.")
        gezien.add(naam)
        if naam == "FREQ" and waarde not in _FREQUENTIES:
            raise RitmeFout(
                "regel",
                "niet-ondersteund",
                "FREQ moet DAILY, WEEKLY, MONTHLY of YEARLY zijn.",
            )
        if naam in {"INTERVAL", "COUNT"}:
            getal = _geheel(naam, waarde)
            if naam == "COUNT":
                telling = getal
                continue
        if naam == "UNTIL":
            tot = _tot_lokaal(waarde, zone)
            continue
        delen.append(f"{naam}={waarde}")
    if "FREQ" not in gezien:
        raise RitmeFout("regel", "ongeldige-regel", "De herhaalregel mist FREQ.")
    if telling is not None and tot is not None:
        raise RitmeFout(
            "regel", "ongeldige-regel", "Gebruik COUNT of UNTIL, niet allebei (RFC 5545)."
        )
    return delen, telling, tot


def _geheel(naam: str, waarde: str) -> int:
    if not waarde.isdigit() or not 1 <= int(waarde) <= MAXIMUM_BIJEENKOMSTEN:
        raise RitmeFout(
            "regel",
            "ongeldige-regel",
            f"{naam} moet een geheel getal van 1 tot en met {MAXIMUM_BIJEENKOMSTEN} zijn.",
        )
    return int(waarde)


def _tot_lokaal(waarde: str, zone: ZoneInfo) -> datetime:
    """UNTIL as a local wall time; a bare date includes that whole day."""
    gevonden = _UNTIL.match(waarde)
    if gevonden is None:
        raise RitmeFout(
            "regel",
            "ongeldige-regel",
            "UNTIL moet een datum (JJJJMMDD) of datum-tijd (JJJJMMDDTUUMMSSZ) zijn.",
        )
    dag, klok, utc = gevonden.groups()
    try:
        if klok is None:
            return datetime.combine(datetime.strptime(dag, "%Y%m%d").date(), time.max)
        moment = datetime.strptime(dag + klok, "%Y%m%d%H%M%S")
    except ValueError as fout:
        raise RitmeFout(
            "regel", "ongeldige-regel", f"UNTIL is geen bestaande datum: {waarde}."
        ) from fout
    if utc:
        return moment.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)
    return moment


@dataclass(frozen=True)
class _Blokkades:
    """Blocked single dates and blocked periods."""

    dagen: frozenset[date]
    perioden: tuple[Periode, ...]

    def bevat(self, dag: date) -> bool:
        return dag in self.dagen or any(periode.bevat(dag) for periode in self.perioden)


def _blokkades(geblokkeerd: Iterable[date | Periode]) -> _Blokkades:
    dagen: set[date] = set()
    perioden: list[Periode] = []
    for item in geblokkeerd:
        if isinstance(item, Periode):
            perioden.append(item)
        elif isinstance(item, date) and not isinstance(item, datetime):
            dagen.add(item)
        else:
            raise RitmeFout(
                "geblokkeerd", "ongeldig", "Geblokkeerd zijn datums of perioden, geen tijdstippen."
            )
    return _Blokkades(frozenset(dagen), tuple(perioden))


def _tijdvak(lokaal: datetime, duur: timedelta, zone: ZoneInfo) -> Tijdvak:
    # Through UTC and back: a wall time in the spring gap becomes the real moment
    # (RFC 5545: read with the offset before the gap), an ambiguous one its first occurrence.
    start = lokaal.replace(tzinfo=zone).astimezone(UTC)
    return Tijdvak(start=start.astimezone(zone), einde=(start + duur).astimezone(zone))
