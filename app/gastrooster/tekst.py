"""Dutch wording for the gastrooster's messages."""

from collections.abc import Sequence
from datetime import date

_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def opsomming(items: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def datum(dag: date) -> str:
    """'12 maart 2026'."""
    return f"{dag.day} {_MAANDEN[dag.month - 1]} {dag.year}"


def decimaal(getal: float) -> str:
    """'2,54'."""
    return f"{getal:.2f}".replace(".", ",")


def keer(aantal: int) -> str:
    """'1 keer', '3 keer'."""
    return f"{aantal} keer"


def is_zijn(aantal: int) -> str:
    """The verb that agrees with `aantal` subjects."""
    return "is" if aantal == 1 else "zijn"
