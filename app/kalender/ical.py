"""Build an iCalendar document (RFC 5545) from bijeenkomsten: pure, no database.

Stable UIDs and a SEQUENCE that rises with every change let subscribed calendars (Outlook,
intranets) update their copy; a cancelled session stays in the feed as STATUS:CANCELLED; times
carry TZID=Europe/Amsterdam with the matching VTIMEZONE.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText
from icalendar.enums import STATUS, TRANSP

from app.bijeenkomsten.ritme import TIJDZONE
from app.models.enums import BijeenkomstStatus

PRODID = "-//Kartrekker//Lerende netwerken//NL"
VERVERS = timedelta(hours=1)
_STATUS = {
    BijeenkomstStatus.GEPLAND: STATUS.TENTATIVE,
    BijeenkomstStatus.BEVESTIGD: STATUS.CONFIRMED,
    BijeenkomstStatus.GEHOUDEN: STATUS.CONFIRMED,
    BijeenkomstStatus.GEANNULEERD: STATUS.CANCELLED,
}


def uid_van(bijeenkomst_id: object) -> str:
    """The UID of a bijeenkomst in every feed: stable for its whole life."""
    return f"{bijeenkomst_id}@kartrekker"


@dataclass(frozen=True)
class Afspraak:
    """One bijeenkomst as a calendar shows it."""

    uid: str
    sequence: int
    titel: str
    start: datetime
    einde: datetime
    status: BijeenkomstStatus
    aangemaakt_op: datetime
    gewijzigd_op: datetime
    locatie: str | None = None
    online_link: str | None = None
    regels: Sequence[str] = field(default_factory=tuple)
    """Lines of the description, the most personal first."""
    bezet: bool = True
    """False: the time shows as free (someone said no, or sends a colleague)."""


def kalender(
    naam: str, omschrijving: str, afspraken: Sequence[Afspraak], *, kalender_uid: str
) -> bytes:
    """The feed as bytes (`text/calendar`), with a VTIMEZONE covering every event."""
    zone = ZoneInfo(TIJDZONE)
    cal = Calendar.new(prodid=PRODID, refresh_interval=VERVERS, uid=kalender_uid)
    # As TEXT values, so that a comma or semicolon in a network's name is escaped (RFC 5545,
    # 3.3.11); the X-WR names are the ones Outlook and Apple Calendar show.
    for eigenschap, waarde in [
        ("NAME", naam),
        ("X-WR-CALNAME", naam),
        ("DESCRIPTION", omschrijving),
        ("X-WR-CALDESC", omschrijving),
    ]:
        cal.add(eigenschap, vText(waarde))
    # RFC 7986 requires the value type on REFRESH-INTERVAL.
    cal["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("X-WR-TIMEZONE", TIJDZONE)
    # Outlook reads this older name for the refresh interval.
    cal.add("X-PUBLISHED-TTL", "PT1H")
    for afspraak in afspraken:
        cal.add_component(_event(afspraak, zone))
    if afspraken:
        eerste = min(a.start for a in afspraken).astimezone(zone).date()
        laatste = max(a.einde for a in afspraken).astimezone(zone).date()
        cal.add_missing_timezones(
            first_date=eerste - timedelta(days=366), last_date=laatste + timedelta(days=366)
        )
    ical: bytes = cal.to_ical()
    return ical


def _event(afspraak: Afspraak, zone: ZoneInfo) -> Event:
    event = Event.new(
        uid=afspraak.uid,
        sequence=afspraak.sequence,
        summary=afspraak.titel,
        start=afspraak.start.astimezone(zone),
        end=afspraak.einde.astimezone(zone),
        # Without METHOD, DTSTAMP is when the information last changed (RFC 5545, 3.8.7.2).
        stamp=afspraak.gewijzigd_op,
        created=afspraak.aangemaakt_op,
        last_modified=afspraak.gewijzigd_op,
        status=_STATUS[BijeenkomstStatus(afspraak.status)],
        transparency=TRANSP.OPAQUE if afspraak.bezet else TRANSP.TRANSPARENT,
    )
    if afspraak.locatie:
        event.add("LOCATION", afspraak.locatie)
    if afspraak.online_link:
        event.add("URL", afspraak.online_link)
    if afspraak.regels:
        event.add("DESCRIPTION", "\n".join(afspraak.regels))
    return event
