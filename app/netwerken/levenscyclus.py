"""The lifecycle of a netwerk as a pure transition table."""

from app.models.enums import NetwerkStatus

# action -> (statuses it may start from, status it leads to)
OVERGANGEN: dict[str, tuple[frozenset[NetwerkStatus], NetwerkStatus]] = {
    "activeer": (frozenset({NetwerkStatus.CONCEPT}), NetwerkStatus.ACTIEF),
    "pauzeer": (frozenset({NetwerkStatus.ACTIEF}), NetwerkStatus.GEPAUZEERD),
    "hervat": (frozenset({NetwerkStatus.GEPAUZEERD}), NetwerkStatus.ACTIEF),
    "rondaf": (frozenset({NetwerkStatus.ACTIEF, NetwerkStatus.GEPAUZEERD}), NetwerkStatus.AFGEROND),
}


def volgende_status(huidig: NetwerkStatus, actie: str) -> NetwerkStatus | None:
    """The status after `actie`, or None when it is not allowed from `huidig`."""
    van, naar = OVERGANGEN[actie]
    return naar if huidig in van else None
