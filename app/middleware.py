"""ASGI middleware: API-Version and security headers on every answer, 415 for non-JSON bodies."""

from collections.abc import Iterable

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import problem_response

DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"
_BODY_METHODS = {"POST", "PUT", "PATCH"}


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


class ApiHeadersMiddleware:
    """Headers the NL API Design Rules ask on every response, and the 415 check."""

    def __init__(self, app: ASGIApp, *, api_version: str, docs_paths: Iterable[str]) -> None:
        self.app = app
        self.api_version = api_version
        self.docs_paths = tuple(docs_paths)

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
            await send(message)

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
