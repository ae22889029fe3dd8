"""Dutch wording for messages: lists, dates, numbers and plurals."""

from collections.abc import Sequence
from datetime import date

MAANDEN = (
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
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def datum(dag: date) -> str:
    """'12 maart 2025'."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def decimaal(getal: float, cijfers: int = 1) -> str:
    """A number with a decimal comma: '2,6'."""
    return f"{getal:.{cijfers}f}".replace(".", ",")


def procent(fractie: float) -> str:
    """'30%'."""
    return f"{round(fractie * 100)}%"


def keer(n: int) -> str:
    """'1 keer', '3 keer'."""
    return f"{n} keer"


def is_zijn(n: int) -> str:
    """The verb that agrees with `n` subjects."""
    return "is" if n == 1 else "zijn"


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 bijeenkomst', '2 bijeenkomsten'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def citaat(tekst: str, lengte: int = 80) -> str:
    """A text between quotes, shortened at a word when longer than `lengte`: "'Welke …'"."""
    tekst = " ".join(tekst.split())
    if len(tekst) > lengte:
        tekst = tekst[:lengte].rsplit(" ", 1)[0].rstrip(",;:.") + " …"
    return f"'{tekst}'"
