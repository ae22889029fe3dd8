"""Input that no database or calendar can hold: control characters and dates out of range.

PostgreSQL refuses a NUL in text (SQLite stores it), a lone surrogate cannot be encoded, and a
moment in the year 9999 overflows once it is moved to UTC or written to iCalendar. Both are
refused at the edge with a 400, on every backend alike: in request bodies by the `Invoer` base
class, in paths and query strings by `InvoerbewakingMiddleware`.
"""

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

from pydantic_core import PydanticCustomError
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import InvalidParam, problem_response

# C0 controls except tab, line feed and carriage return; DEL; UTF-16 surrogates.
_STUURTEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

EERSTE_DAG = date(1800, 1, 1)
LAATSTE_DAG = date(2100, 12, 31)
# Moments lie within a day of the dates, so that an offset can never push them out of range.
EERSTE_MOMENT = datetime(1970, 1, 1, tzinfo=UTC)
LAATSTE_MOMENT = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)

STUURTEKEN_REDEN = (
    "Bevat een stuurteken (zoals NUL of een los surrogaat) dat in tekst niet is toegestaan."
)


def bevat_stuurteken(tekst: str) -> bool:
    """Whether `tekst` holds a character no text field may carry."""
    return _STUURTEKEN.search(tekst) is not None


def _buiten_bereik(waarde: date | datetime) -> str | None:
    if isinstance(waarde, datetime):
        # The wall-clock value first: moving 9999-12-31T23:00-14:00 to UTC overflows. Within a
        # day of the range no offset can overflow, and the exact check follows in UTC.
        naief = waarde.replace(tzinfo=None)
        ruim = timedelta(days=1)
        veilig = EERSTE_MOMENT.replace(tzinfo=None) - ruim <= naief
        veilig = veilig and naief <= LAATSTE_MOMENT.replace(tzinfo=None) + ruim
        moment = waarde.astimezone(UTC) if veilig and waarde.tzinfo else waarde
        if not veilig or not EERSTE_MOMENT <= moment.replace(tzinfo=UTC) <= LAATSTE_MOMENT:
            return f"Moet tussen {EERSTE_MOMENT:%Y-%m-%d} en {LAATSTE_MOMENT:%Y-%m-%d} liggen."
        return None
    if not EERSTE_DAG <= waarde <= LAATSTE_DAG:
        return f"Moet tussen {EERSTE_DAG:%Y-%m-%d} en {LAATSTE_DAG:%Y-%m-%d} liggen."
    return None


def bewaak(waarde: Any) -> Any:
    """Refuse control characters in any text, and dates out of range, in `waarde` and within it.

    Used as a validator on every field of a request body; raises Pydantic's own error type, so
    that the 400 names the field.
    """
    if isinstance(waarde, str):
        if bevat_stuurteken(waarde):
            raise PydanticCustomError("stuurteken", STUURTEKEN_REDEN)
    elif isinstance(waarde, date):
        reden = _buiten_bereik(waarde)
        if reden is not None:
            raise PydanticCustomError("buiten-bereik", reden)
    elif isinstance(waarde, dict):
        for sleutel, inhoud in waarde.items():
            bewaak(sleutel)
            bewaak(inhoud)
    elif isinstance(waarde, list | tuple | set | frozenset):
        for inhoud in waarde:
            bewaak(inhoud)
    return waarde


def _datum_uit_tekst(tekst: str) -> date | datetime | None:
    """A date or moment in ISO 8601 form, as a query value may be; None when it is none."""
    if len(tekst) < 10 or not tekst[:4].isdigit():
        return None
    try:
        return date.fromisoformat(tekst) if len(tekst) == 10 else datetime.fromisoformat(tekst)
    except ValueError:
        return None


def _ongeldige_parameters(scope: Scope) -> list[InvalidParam]:
    problemen = []
    path: str = scope["path"]
    if bevat_stuurteken(path):
        problemen.append(InvalidParam(name="pad", code="stuurteken", reason=STUURTEKEN_REDEN))
    query = scope.get("query_string", b"").decode("latin-1")
    if not query:
        return problemen
    for naam, waarde in parse_qsl(query, keep_blank_values=True, errors="surrogateescape"):
        if bevat_stuurteken(naam) or bevat_stuurteken(waarde):
            problemen.append(InvalidParam(name=naam, code="stuurteken", reason=STUURTEKEN_REDEN))
            continue
        datum = _datum_uit_tekst(waarde)
        reden = _buiten_bereik(datum) if datum is not None else None
        if reden is not None:
            problemen.append(InvalidParam(name=naam, code="buiten-bereik", reason=reden))
    return problemen


class InvoerbewakingMiddleware:
    """Answers 400 to a path or query string with a control character or a date out of range."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problemen = _ongeldige_parameters(scope)
            if problemen:
                response = problem_response(
                    Request(scope),
                    status=400,
                    code="ongeldige-invoer",
                    title="De invoer is ongeldig.",
                    detail="Een of meer parameters zijn ongeldig; zie invalidParams.",
                    invalid_params=problemen,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
