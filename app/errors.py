"""The AppError family and the handlers that answer every error as problem+json (RFC 9457)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, get_args

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from pydantic_core.core_schema import ErrorType
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
logger = logging.getLogger("kartrekker")


@dataclass(frozen=True)
class InvalidParam:
    """One invalid input field: VNG's `FieldValidationError`."""

    name: str
    code: str
    reason: str


class InvalidParamSchema(BaseModel):
    model_config = ConfigDict(title="InvalidParam")

    """Een ongeldige invoerwaarde."""

    name: str = Field(description="Naam van het veld of de parameter, bijvoorbeeld `einde`.")
    code: str = Field(description="Stabiele code van de fout, bijvoorbeeld `required`.")
    reason: str = Field(description="Uitleg in gewone taal.")


class Problem(BaseModel):
    """Een foutmelding volgens RFC 9457 (problem details)."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="URI die het soort fout aanduidt.")
    title: str = Field(description="Korte, vaste omschrijving van het soort fout.")
    status: int = Field(description="De HTTP-statuscode.")
    detail: str = Field(description="Uitleg van deze specifieke fout.")
    instance: str = Field(description="Het pad van het verzoek dat de fout gaf.")
    code: str = Field(description="Stabiele, machineleesbare code van de fout.")
    invalid_params: list[InvalidParamSchema] | None = Field(
        default=None,
        alias="invalidParams",
        description="Bij status 400: alle ongeldige velden tegelijk.",
    )


class AppError(Exception):
    """An error the API answers on purpose; subclasses set status, code and title."""

    status: int = 500
    code: str = "serverfout"
    title: str = "Er ging iets mis op de server."

    headers: ClassVar[dict[str, str] | None] = None

    def __init__(self, detail: str, *, extra: dict[str, Any] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra or {}


class InvalidInput(AppError):
    status = 400
    code = "ongeldige-invoer"
    title = "De invoer is ongeldig."

    def __init__(self, params: Sequence[InvalidParam], detail: str | None = None) -> None:
        super().__init__(detail or "Een of meer velden zijn ongeldig; zie invalidParams.")
        self.params = list(params)


class NotFound(AppError):
    status = 404
    code = "niet-gevonden"
    title = "De gevraagde resource bestaat niet."


class Conflict(AppError):
    status = 409
    code = "conflict"
    title = "Het verzoek botst met de huidige toestand."


class Unavailable(AppError):
    status = 503
    code = "niet-beschikbaar"
    title = "De dienst is tijdelijk niet beschikbaar."


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    title: str,
    detail: str,
    invalid_params: Sequence[InvalidParam] = (),
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """A problem+json answer for `request`."""
    body: dict[str, Any] = {
        "type": f"urn:kartrekker:problemen:{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "code": code,
    }
    if invalid_params:
        body["invalidParams"] = [
            {"name": p.name, "code": p.code, "reason": p.reason} for p in invalid_params
        ]
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _location_name(loc: Sequence[str | int]) -> str:
    # FastAPI prefixes the source ("body", "query", "path"); the field path is what a user knows.
    parts = (
        [str(p) for p in loc[1:]]
        if loc and loc[0] in {"body", "query", "path", "header"}
        else [str(p) for p in loc]
    )
    return ".".join(parts) or "body"


# Pydantic's messages are English and technical; a kartrekker reads these instead. Every error
# type a request can meet is here; an unknown one gets a plain Dutch reason, never the English.
_REDENEN = {
    "missing": "Dit veld is verplicht.",
    "extra_forbidden": "Onbekend veld; controleer de spelling.",
    "string_too_short": "Te kort: minstens {min_length} teken(s).",
    "string_too_long": "Te lang: hoogstens {max_length} tekens.",
    "string_pattern_mismatch": "Heeft niet de juiste vorm (patroon {pattern}).",
    "string_type": "Moet tekst zijn.",
    "string_unicode": "Moet geldige tekst (UTF-8) zijn.",
    "string_not_ascii": "Mag alleen ASCII-tekens bevatten.",
    "int_parsing": "Moet een geheel getal zijn.",
    "int_type": "Moet een geheel getal zijn.",
    "int_from_float": "Moet een geheel getal zijn, zonder cijfers achter de komma.",
    "int_parsing_size": "Het getal is te groot.",
    "float_parsing": "Moet een getal zijn.",
    "float_type": "Moet een getal zijn.",
    "finite_number": "Moet een eindig getal zijn.",
    "decimal_parsing": "Moet een getal zijn.",
    "decimal_type": "Moet een getal zijn.",
    "decimal_max_digits": "Te veel cijfers: hoogstens {max_digits}.",
    "decimal_max_places": "Te veel cijfers achter de komma: hoogstens {decimal_places}.",
    "decimal_whole_digits": "Te veel cijfers voor de komma: hoogstens {whole_digits}.",
    "bool_parsing": "Moet true of false zijn.",
    "bool_type": "Moet true of false zijn.",
    "greater_than": "Moet groter zijn dan {gt}.",
    "greater_than_equal": "Moet minstens {ge} zijn.",
    "less_than": "Moet kleiner zijn dan {lt}.",
    "less_than_equal": "Mag hoogstens {le} zijn.",
    "multiple_of": "Moet een veelvoud zijn van {multiple_of}.",
    "enum": "Kies uit: {expected}.",
    "literal_error": "Kies uit: {expected}.",
    "none_required": "Moet leeg zijn (null).",
    "uuid_parsing": "Moet een UUID zijn.",
    "uuid_type": "Moet een UUID zijn.",
    "uuid_version": "Moet een UUID van versie {expected_version} zijn.",
    "date_from_datetime_parsing": "Moet een datum zijn (JJJJ-MM-DD).",
    "date_from_datetime_inexact": "Moet een datum zijn, zonder tijd (JJJJ-MM-DD).",
    "date_parsing": "Moet een datum zijn (JJJJ-MM-DD).",
    "date_type": "Moet een datum zijn (JJJJ-MM-DD).",
    "date_past": "Moet een datum in het verleden zijn.",
    "date_future": "Moet een datum in de toekomst zijn.",
    "time_parsing": "Moet een kloktijd zijn (UU:MM).",
    "time_type": "Moet een kloktijd zijn (UU:MM).",
    "datetime_from_date_parsing": "Moet een datum-tijd met tijdzone zijn (RFC 3339).",
    "datetime_parsing": "Moet een datum-tijd met tijdzone zijn (RFC 3339).",
    "datetime_type": "Moet een datum-tijd met tijdzone zijn (RFC 3339).",
    "datetime_object_invalid": "Dit moment bestaat niet.",
    "datetime_past": "Moet een moment in het verleden zijn.",
    "datetime_future": "Moet een moment in de toekomst zijn.",
    "timezone_aware": "Moet een tijdzone hebben, bijvoorbeeld +01:00 of Z.",
    "timezone_naive": "Mag geen tijdzone hebben.",
    "timezone_offset": "Moet tijdzone {tz_expected} hebben.",
    "time_delta_parsing": "Moet een tijdsduur zijn (ISO 8601, bijvoorbeeld PT1H30M).",
    "time_delta_type": "Moet een tijdsduur zijn (ISO 8601, bijvoorbeeld PT1H30M).",
    "list_type": "Moet een lijst zijn.",
    "tuple_type": "Moet een lijst zijn.",
    "set_type": "Moet een lijst zijn.",
    "frozen_set_type": "Moet een lijst zijn.",
    "iterable_type": "Moet een lijst zijn.",
    "set_item_not_hashable": "De elementen moeten tekst of getallen zijn.",
    "too_short": "Te weinig elementen: minstens {min_length}.",
    "too_long": "Te veel elementen: hoogstens {max_length}.",
    "json_invalid": "De body is geen geldige JSON.",
    "json_type": "Moet JSON zijn.",
    "model_type": "Moet een JSON-object zijn.",
    "model_attributes_type": "Moet een JSON-object zijn.",
    "dict_type": "Moet een JSON-object zijn.",
    "mapping_type": "Moet een JSON-object zijn.",
    "union_tag_invalid": "Onbekende soort {tag}; kies uit: {expected_tags}.",
    "union_tag_not_found": "Het veld {discriminator} ontbreekt.",
    "url_type": "Moet een geldige URL zijn.",
    "url_parsing": "Moet een geldige URL zijn.",
    "url_syntax_violation": "Moet een geldige URL zijn.",
    "url_too_long": "Te lange URL: hoogstens {max_length} tekens.",
    "url_scheme": "Moet een URL zijn die begint met {expected_schemes}.",
}
_ONGELDIG = "Ongeldige waarde."
# Pydantic's own value errors (not raised by our validators), by the start of their message.
_PYDANTIC_WAARDEFOUTEN = {
    "value is not a valid email address": "Moet een geldig e-mailadres zijn.",
    "value is not a valid IPv4": "Moet een geldig IPv4-adres zijn.",
    "value is not a valid IPv6": "Moet een geldig IPv6-adres zijn.",
}


def _nederlands(waarde: Any) -> Any:
    # Pydantic lists choices as "'a', 'b' or 'c'".
    return waarde.replace(" or ", " of ") if isinstance(waarde, str) else waarde


_PYDANTIC_SOORTEN = frozenset(get_args(ErrorType))


def _reason(error: Mapping[str, Any]) -> str:
    soort = str(error.get("type"))
    ctx = error.get("ctx") or {}
    if soort == "value_error":
        if isinstance(ctx.get("error"), ValueError):
            # Raised by one of our validators, which speak Dutch.
            return str(ctx["error"])
        bericht = str(error.get("msg", ""))
        return next(
            (nl for en, nl in _PYDANTIC_WAARDEFOUTEN.items() if bericht.startswith(en)), _ONGELDIG
        )
    if soort not in _PYDANTIC_SOORTEN:
        # A PydanticCustomError of our own (stuurteken, buiten-bereik): its message is Dutch.
        return str(error.get("msg", _ONGELDIG))
    template = _REDENEN.get(soort)
    if template is None:
        return _ONGELDIG
    try:
        return template.format(**{naam: _nederlands(w) for naam, w in ctx.items()})
    except (KeyError, IndexError):
        return _ONGELDIG


def invalid_params_from(errors: Sequence[Any]) -> list[InvalidParam]:
    """Pydantic's error list as invalidParams, one per problem, in a stable order."""
    return [
        InvalidParam(
            name=_location_name(tuple(error.get("loc", ()))),
            code=str(error.get("type", "invalid")),
            reason=_reason(error),
        )
        for error in errors
    ]


_HTTP_TITLES = {
    400: ("ongeldig-verzoek", "Het verzoek is ongeldig."),
    401: ("niet-geauthenticeerd", "Authenticatie is vereist."),
    403: ("geen-toegang", "Je hebt geen toegang tot deze resource."),
    404: ("niet-gevonden", "De gevraagde resource bestaat niet."),
    405: ("methode-niet-toegestaan", "Deze HTTP-methode is hier niet toegestaan."),
    406: ("niet-aanvaardbaar", "Het gevraagde formaat kan niet worden geleverd."),
    409: ("conflict", "Het verzoek botst met de huidige toestand."),
    412: ("voorwaarde-mislukt", "De voorwaarde in het verzoek klopt niet meer."),
    413: ("te-groot", "De body is te groot."),
    415: ("mediatype-niet-ondersteund", "Het mediatype van de body wordt niet ondersteund."),
    428: ("voorwaarde-vereist", "Dit verzoek vereist een voorwaarde (If-Match)."),
    429: ("te-veel-verzoeken", "Te veel verzoeken; probeer het later opnieuw."),
}


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error, expected or not, as problem+json."""

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        params = exc.params if isinstance(exc, InvalidInput) else ()
        return problem_response(
            request,
            status=exc.status,
            code=exc.code,
            title=exc.title,
            detail=exc.detail,
            invalid_params=params,
            extra=exc.extra,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        params = invalid_params_from(exc.errors())
        return problem_response(
            request,
            status=400,
            code="ongeldige-invoer",
            title="De invoer is ongeldig.",
            detail="Een of meer velden zijn ongeldig; zie invalidParams.",
            invalid_params=params,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # Our own errors are AppErrors; an HTTPException comes from Starlette or FastAPI, whose
        # details are English ("Not Found"): answer in Dutch instead.
        code, title = _HTTP_TITLES.get(exc.status_code, ("fout", "Er ging iets mis."))
        detail = title
        if exc.status_code == 404:
            detail = f"Er is geen resource op {request.url.path}."
        elif exc.status_code == 405:
            detail = f"{request.method} is niet toegestaan op {request.url.path}."
        return problem_response(
            request,
            status=exc.status_code,
            code=code,
            title=title,
            detail=detail,
            headers=dict(exc.headers) if exc.headers else None,
        )

    @app.exception_handler(IntegrityError)
    async def _integrity_error(request: Request, exc: IntegrityError) -> JSONResponse:
        # Services check uniqueness first; this answers the race between two requests.
        logger.info("integrity error answered as 409: %s", exc.orig)
        return problem_response(
            request,
            status=409,
            code="conflict",
            title="Het verzoek botst met de huidige toestand.",
            detail="De wijziging botst met bestaande gegevens (bijvoorbeeld een dubbele waarde).",
        )

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError) -> JSONResponse:
        # Input is checked before it reaches the database; this catches what slipped past
        # (a number beyond the column's range), so that no input can cause a 500.
        logger.warning("data error answered as 400: %s", exc.orig)
        return problem_response(
            request,
            status=400,
            code="ongeldige-invoer",
            title="De invoer is ongeldig.",
            detail="Een waarde in het verzoek past niet in wat Kartrekker kan bewaren.",
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem_response(
            request,
            status=500,
            code="serverfout",
            title="Er ging iets mis op de server.",
            detail="Er ging iets onverwachts mis. De fout is gelogd.",
        )
