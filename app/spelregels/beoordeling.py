"""Checking all rules at once: every bevinding for the health, the blocking ones for a change."""

from app.spelregels.bevinding import Bevinding, Ernst
from app.spelregels.catalogus import Handhaving, Spelregels
from app.spelregels.regels import REGELS
from app.spelregels.snapshot import NetwerkSnapshot


def bevindingen(snapshot: NetwerkSnapshot, spelregels: Spelregels) -> list[Bevinding]:
    """Every bevinding of every rule that is not switched off, in catalogue order."""
    gevonden: list[Bevinding] = []
    for regel in spelregels:
        if regel.actief:
            gevonden += REGELS[regel.code](snapshot, regel)
    return gevonden


def check(
    na: NetwerkSnapshot, spelregels: Spelregels, *, voor: NetwerkSnapshot | None = None
) -> list[Bevinding]:
    """The blocking bevindingen that forbid reaching `na`; empty means the change may go ahead.

    `na` is the network as it would be after the transition or write. A network that is not
    running afterwards (concept, afgerond) is never blocked. Without `voor`, or when `voor` is
    not running (activation from concept), this is a start: every blocking bevinding counts.
    With a running `voor`, this is a write in a running network: only rules enforced always
    (`Handhaving.ALTIJD`) count, and only bevindingen `voor` did not already have, so a network
    that was out of order can be repaired step by step.
    """
    if not na.lopend:
        return []
    start = voor is None or not voor.lopend
    blokkerend = [
        regel
        for regel in spelregels
        if regel.ernst == Ernst.BLOKKEREND
        and (start or regel.definitie.handhaving == Handhaving.ALTIJD)
    ]
    gevonden = [b for regel in blokkerend for b in REGELS[regel.code](na, regel)]
    if start or voor is None:
        return gevonden
    al_gebroken = {b.sleutel for regel in blokkerend for b in REGELS[regel.code](voor, regel)}
    return [b for b in gevonden if b.sleutel not in al_gebroken]
