"""ASGI middleware: API-Version and security headers on every answer, Location on every 201,
415 for non-JSON bodies."""

import json
import re
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from fastapi import routing
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import problem_response

DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"
_BODY_METHODS = {"POST", "PUT", "PATCH"}


def _is_uuid(segment: str) -> bool:
    try:
        uuid.UUID(segment)
    except ValueError:
        return False
    return True


def locatie(methode: str, pad: str, body: bytes, *, leesbaar: Callable[[str], bool]) -> str:
    """Where the resource a 201 answer created lives (RFC 9110 Location), from the request.

    A PUT created what its path names. A POST on a collection created `{collection}/{id}`,
    with the id of the answer; an action (`/_x`) creates in the collection it stands in, or
    beside the item it acts on (`/netwerken/{id}/_vervolg` makes a new netwerk). A resource
    that cannot be read on its own (`leesbaar` says no) is named by the list that holds it, as
    is a batch without one id (`_plan`).
    """
    if methode == "PUT":
        return pad
    try:
        antwoord: Any = json.loads(body)
    except ValueError:
        antwoord = None
    nieuw_id = antwoord.get("id") if isinstance(antwoord, dict) else None
    segmenten = pad.rstrip("/").split("/")
    if segmenten[-1].startswith("_"):
        segmenten.pop()
        if nieuw_id is not None and _is_uuid(segmenten[-1]):
            segmenten.pop()
    verzameling = "/".join(segmenten)
    if nieuw_id is None:
        return verzameling
    item = f"{verzameling}/{nieuw_id}"
    return item if leesbaar(item) else verzameling


def _leesbare_paden(app: Any) -> Callable[[str], bool]:
    """A test: does `app` answer GET on this path (some route's pattern matches it)?"""
    patronen: list[re.Pattern[str]] = [
        compile_path(context.path)[0]
        for context in routing.iter_route_contexts(getattr(app, "routes", []))
        if context.methods and "GET" in context.methods and context.path
    ]
    return lambda pad: any(patroon.match(pad) for patroon in patronen)


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


class ApiHeadersMiddleware:
    """Headers the NL API Design Rules ask on every response, and the 415 check."""

    def __init__(self, app: ASGIApp, *, api_version: str, docs_paths: Iterable[str]) -> None:
        self.app = app
        self.api_version = api_version
        self.docs_paths = tuple(docs_paths)
        self._leesbaar: Callable[[str], bool] | None = None

    def _met_location(self, scope: Scope, send: Send) -> Send:
        """`send` that gives a 201 its Location; the body is held until it is complete."""
        start: Message | None = None
        delen: list[bytes] = []

        async def send_met_location(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message["status"] == 201 and "location" not in Headers(scope=message):
                    start = message
                    return
            elif message["type"] == "http.response.body" and start is not None:
                delen.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = b"".join(delen)
                if self._leesbaar is None:
                    self._leesbaar = _leesbare_paden(scope.get("app"))
                MutableHeaders(scope=start)["Location"] = locatie(
                    scope["method"], scope["path"], body, leesbaar=self._leesbaar
                )
                await send(start)
                start = None
                message = {**message, "body": body, "more_body": False}
            await send(message)

        return send_met_location

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        is_docs = path.startswith(self.docs_paths)
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["API-Version"] = self.api_version
                headers.setdefault("Cache-Control", "no-store")
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Content-Security-Policy"] = DOCS_CSP if is_docs else API_CSP
                headers["Referrer-Policy"] = "no-referrer"
                if https:
                    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
            await send_verder(message)

        send_verder = self._met_location(scope, send)

        if scope["method"] in _BODY_METHODS:
            headers = Headers(scope=scope)
            content_type = headers.get("content-type")
            has_body = headers.get("content-length", "0") != "0" or "transfer-encoding" in headers
            if (content_type is not None or has_body) and not _is_json(content_type or ""):
                response = problem_response(
                    Request(scope),
                    status=415,
                    code="mediatype-niet-ondersteund",
                    title="Het mediatype van de body wordt niet ondersteund.",
                    detail=f"Stuur JSON (Content-Type: application/json), niet "
                    f"'{content_type or 'zonder Content-Type'}'.",
                )
                await response(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)
