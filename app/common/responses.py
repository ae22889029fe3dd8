"""The documented error answers of each kind of operation (problem+json, see app.errors)."""

from typing import Any

from app.errors import Problem

_BESCHRIJVINGEN = {
    400: "Ongeldige invoer; `invalidParams` noemt elk ongeldig veld.",
    404: "De resource (of een resource in het pad) bestaat niet.",
    406: "Het gevraagde formaat (`Accept`) kan hier niet worden geleverd.",
    409: "Botst met bestaande gegevens of met de spelregels van het netwerk.",
    415: "De body is geen JSON (`Content-Type: application/json`).",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries for these error statuses, each a problem+json body."""
    return {
        status: {"model": Problem, "description": _BESCHRIJVINGEN[status]} for status in statuses
    }


LIJST = problems(400)
LEES = problems(400, 404)
MAAK = problems(400, 409, 415)
MAAK_ONDER = problems(400, 404, 409, 415)
WIJZIG = problems(400, 404, 409, 415)
VERWIJDER = problems(400, 404, 409)
ACTIE = problems(400, 404, 409)
