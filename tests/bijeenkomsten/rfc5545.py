"""A strict structural check of an iCalendar stream against RFC 5545, independent of icalendar.

It reads the raw text: CRLF line ends, lines of at most 75 octets (folding, 3.1), the content
line grammar (3.1), balanced components, the properties a VCALENDAR and a VEVENT must have
exactly once (3.6, 3.6.1), and that every TZID parameter names a VTIMEZONE in the stream (3.2.19).
"""

import re

_NAAM = r"[A-Za-z0-9-]+"
_PARAMWAARDE = r'(?:"[^"\x00-\x08\x0a-\x1f\x7f]*"|[^";:,\x00-\x08\x0a-\x1f\x7f]*)'
_PARAM = rf"{_NAAM}={_PARAMWAARDE}(?:,{_PARAMWAARDE})*"
_REGEL = re.compile(rf"^({_NAAM})((?:;{_PARAM})*):(.*)$")
_TZID = re.compile(r";TZID=([^;:]+)")
_EENMAAL = {
    "VCALENDAR": ("PRODID", "VERSION"),
    "VEVENT": ("UID", "DTSTAMP", "DTSTART"),
    "VTIMEZONE": ("TZID",),
    "STANDARD": ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"),
    "DAYLIGHT": ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"),
}
_EVENT_STATUS = {"TENTATIVE", "CONFIRMED", "CANCELLED"}


def fouten(stroom: bytes) -> list[str]:
    """Every violation found; an empty list means the stream passed."""
    problemen: list[str] = []
    if not stroom.endswith(b"\r\n"):
        problemen.append("de stroom eindigt niet op CRLF")
    fysiek = stroom.split(b"\r\n")[:-1]
    for nummer, regel in enumerate(fysiek, start=1):
        if b"\n" in regel or b"\r" in regel:
            problemen.append(f"regel {nummer}: losse LF of CR")
        if len(regel) > 75:
            problemen.append(f"regel {nummer}: {len(regel)} octetten (meer dan 75)")
    logisch: list[str] = []
    for regel in (r.decode("utf-8") for r in fysiek):
        if regel[:1] in (" ", "\t") and logisch:
            logisch[-1] += regel[1:]
        else:
            logisch.append(regel)
    stapel: list[tuple[str, dict[str, int]]] = []
    tzids_gebruikt: set[str] = set()
    tzids_gedefinieerd: set[str] = set()
    for regel in logisch:
        gevonden = _REGEL.match(regel)
        if gevonden is None:
            problemen.append(f"geen geldige inhoudsregel: {regel!r}")
            continue
        naam, parameters, waarde = gevonden.group(1).upper(), gevonden.group(2), gevonden.group(3)
        tzids_gebruikt.update(_TZID.findall(parameters))
        if naam == "BEGIN":
            stapel.append((waarde.upper(), {}))
            continue
        if naam == "END":
            if not stapel or stapel[-1][0] != waarde.upper():
                problemen.append(f"END:{waarde} past niet bij de open component")
                continue
            component, tellingen = stapel.pop()
            for verplicht in _EENMAAL.get(component, ()):
                if tellingen.get(verplicht, 0) != 1:
                    problemen.append(
                        f"{component} heeft {tellingen.get(verplicht, 0)}× {verplicht}, niet 1×"
                    )
            continue
        if not stapel:
            problemen.append(f"{naam} staat buiten elke component")
            continue
        component, tellingen = stapel[-1]
        tellingen[naam] = tellingen.get(naam, 0) + 1
        if component == "VTIMEZONE" and naam == "TZID":
            tzids_gedefinieerd.add(waarde)
        if component == "VCALENDAR" and naam == "VERSION" and waarde != "2.0":
            problemen.append(f"VERSION is {waarde}, niet 2.0")
        if component == "VEVENT" and naam == "STATUS" and waarde not in _EVENT_STATUS:
            problemen.append(f"STATUS:{waarde} mag niet in een VEVENT")
        if naam == "SEQUENCE" and not waarde.isdigit():
            problemen.append(f"SEQUENCE:{waarde} is geen niet-negatief geheel getal")
    if stapel:
        problemen.append(f"niet afgesloten: {[c for c, _ in stapel]}")
    for tzid in sorted(tzids_gebruikt - tzids_gedefinieerd):
        problemen.append(f"TZID={tzid} zonder VTIMEZONE")
    return problemen
