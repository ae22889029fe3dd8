"""Swagger UI and ReDoc served from the app itself, so they work where CDNs are blocked."""

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

# The package ships Swagger UI's and ReDoc's JavaScript and CSS; no copy of ours to keep current.
ASSETS = Path(fastapi_offline.__file__).parent / "static"


def install_docs(app: FastAPI, *, prefix: str) -> list[str]:
    """Serve /docs, /redoc and their assets under `prefix`; returns the paths for the CSP."""
    assets_url = f"{prefix}/docs-assets"
    app.mount(assets_url, StaticFiles(directory=ASSETS), name="docs-assets")
    openapi_url = app.openapi_url or f"{prefix}/openapi.json"

    @app.get(f"{prefix}/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} – Swagger UI",
            swagger_js_url=f"{assets_url}/swagger-ui-bundle.js",
            swagger_css_url=f"{assets_url}/swagger-ui.css",
            swagger_favicon_url=f"{assets_url}/favicon.png",
            swagger_ui_parameters={"persistAuthorization": True, "displayRequestDuration": True},
        )

    @app.get(f"{prefix}/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=openapi_url,
            title=f"{app.title} – ReDoc",
            redoc_js_url=f"{assets_url}/redoc.standalone.js",
            redoc_favicon_url=f"{assets_url}/favicon.png",
            with_google_fonts=False,
        )

    return [f"{prefix}/docs", f"{prefix}/redoc", assets_url]
