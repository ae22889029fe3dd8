"""The OpenAPI document as the NL API Design Rules want it, derived from the app's routes."""

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from pydantic.alias_generators import to_camel

from app.auth.rechten import ROUTE_RECHTEN, UITLEG, Toegang
from app.config import get_settings

API_PREFIX = "/v1"
PROBLEM_JSON = "application/problem+json"

BESCHRIJVING = """\
Kartrekker organiseert **lerende netwerken**: netwerken waarin gemeenten, provincies,
waterschappen en ministeries een of twee jaar samen leren over een scherp afgebakend onderwerp.

Deze API beheert organisaties, personen, netwerken en hun deelnemers, bijeenkomsten en
leervragen. Hij volgt de API Design Rules 2.2 van de Nederlandse overheid:

* alle fouten zijn `application/problem+json`; ongeldige invoer geeft **400** met álle
  ongeldige velden in `invalidParams`;
* lijsten zijn gepagineerd met `page` en `pageSize`, met `Link`-headers, en sorteerbaar met
  `sorteer` (bijvoorbeeld `sorteer=-start`);
* datum-tijden hebben altijd een tijdzone en worden in UTC teruggegeven;
* elk antwoord draagt de header `API-Version`.
"""


def _api_version_header() -> dict[str, Any]:
    return {"$ref": "#/components/headers/API-Version"}


LOCATION_HEADER = {
    "description": "Waar de nieuwe resource staat (RFC 9110), bijvoorbeeld "
    "`/v1/netwerken/{netwerkId}/deelnemers/{deelnemerId}`. Heeft de resource geen eigen "
    "pagina (of zijn het er meer), dan de lijst waarin ze staat.",
    "schema": {"type": "string", "format": "uri-reference"},
}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """Generate the document, then fit it to the ADR: /v1 as server, problem+json, headers."""
    settings = get_settings()
    document = get_openapi(
        title=app.title,
        version=app.version,
        summary="Lerende netwerken tussen overheden organiseren.",
        description=BESCHRIJVING,
        routes=app.routes,
        tags=app.openapi_tags,
        contact={
            "name": settings.contact_name,
            "url": settings.contact_url,
            "email": settings.contact_email,
        },
        license_info={"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        servers=[{"url": API_PREFIX, "description": "Deze installatie van Kartrekker"}],
    )
    paths: dict[str, Any] = {}
    for path, operations in document.get("paths", {}).items():
        relative = path.removeprefix(API_PREFIX) or "/"
        for method, operation in operations.items():
            _fit_operation(operation)
            _document_access(operation, ROUTE_RECHTEN.get((method.upper(), path)))
        paths[relative] = operations
    document["paths"] = paths

    components = document.setdefault("components", {})
    components.setdefault("headers", {})["API-Version"] = {
        "description": "De volledige versie van de API (semver).",
        "schema": {"type": "string", "example": app.version},
    }
    components["headers"]["Location"] = LOCATION_HEADER
    schemas = components.get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return document


_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_SECURITY: list[dict[str, list[str]]] = [{"apiSleutel": []}, {"oidc": []}]


def _document_access(operation: dict[str, Any], toegang: Toegang | None) -> None:
    """Security, 401/403 and a line on who may call, from the one permission table."""
    if toegang is None or toegang is Toegang.OPENBAAR:
        operation["security"] = []
        return
    operation["security"] = _SECURITY
    uitleg = f"**Toegang:** {UITLEG[toegang]}."
    operation["description"] = "\n\n".join(filter(None, [operation.get("description"), uitleg]))
    responses = operation.setdefault("responses", {})
    responses.setdefault(
        "401",
        {
            "description": "Niet aangemeld, of het token of de sleutel is ongeldig.",
            "content": {PROBLEM_JSON: {"schema": _PROBLEM_REF}},
        },
    )
    responses.setdefault(
        "403",
        {
            "description": "Aangemeld, maar zonder het recht hiervoor.",
            "content": {PROBLEM_JSON: {"schema": _PROBLEM_REF}},
        },
    )


def _fit_operation(operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.get("responses", {})
    # Invalid input is answered 400 (problem+json), never 422.
    responses.pop("422", None)
    for status, response in responses.items():
        if status.startswith(("2", "3")):
            response.setdefault("headers", {})["API-Version"] = _api_version_header()
        if status == "201":
            # Set by ApiHeadersMiddleware on every 201 answer.
            response["headers"]["Location"] = {"$ref": "#/components/headers/Location"}
        elif status.startswith(("4", "5")):
            content = response.get("content", {})
            schema = content.pop("application/json", {}).get("schema")
            if schema is not None:
                content[PROBLEM_JSON] = {"schema": schema}
            response["content"] = content


def operation_id(route: APIRoute) -> str:
    """Readable lowerCamelCase operation ids for client generators: `netwerkenLijst`."""
    tag = str(route.tags[0]).lower() if route.tags else ""
    name = route.name if route.name.startswith(tag) else f"{tag}_{route.name}"
    return to_camel(name)
