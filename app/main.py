"""create_app(): routers, middleware, exception handlers, docs and the OpenAPI document."""

import gc
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from app.aanmeldingen.router import router as aanmeldingen_router
from app.aanwezigheid.router import router as aanwezigheid_router
from app.agenda.router import router as agenda_router
from app.auth.geheugen import AanroeperGeheugen
from app.auth.rechten import autoriseer, route_paden
from app.auth.router import router as toegang_router
from app.bijdragen.router import router as bijdragen_router
from app.bijeenkomsten.router import router as bijeenkomsten_router
from app.common.idempotentie import IdempotencyMiddleware
from app.common.invoerbewaking import InvoerbewakingMiddleware
from app.config import Settings, get_settings
from app.db import sessie_maker, settings_engine
from app.deelnemers.router import router as deelnemers_router
from app.docs import install_docs
from app.draaiboek.router import router as draaiboek_router
from app.errors import install_error_handlers
from app.evaluaties.router import router as evaluaties_router
from app.evaluaties.router import trend_router as evaluaties_trend_router
from app.gastrooster.router import router as gastrooster_router
from app.groepen import opwarmen
from app.groepen.router import router as groepen_router
from app.kalender.router import netwerk_router as kalender_netwerk_router
from app.kalender.router import persoon_router as kalender_persoon_router
from app.kalender.router import publiek_router as kalender_publiek_router
from app.leervragen.router import hulp_router as leervragen_hulp_router
from app.leervragen.router import router as leervragen_router
from app.middleware import ApiHeadersMiddleware
from app.netwerken.router import router as netwerken_router
from app.openapi import API_PREFIX, build_openapi, operation_id
from app.organisaties.router import router as organisaties_router
from app.personen.router import router as personen_router
from app.spelregels.router import router as spelregels_router
from app.status import router as status_router
from app.webhooks.instellingen import van_settings
from app.webhooks.router import router as webhooks_router
from app.webhooks.worker import start_worker_thread, stop_worker_thread

API_VERSION = "1.0.0"

TAGS = [
    {"name": "Netwerken", "description": "Lerende netwerken: onderwerp, looptijd en status."},
    {
        "name": "Spelregels",
        "description": "Diversiteit en commitment: de regels, de gezondheid en de opvolging.",
    },
    {
        "name": "Gastrooster",
        "description": "Wie wanneer gastheer is: eerlijk verdeeld, stabiel bij wijzigingen.",
    },
    {
        "name": "Werkgroepjes",
        "description": "Kleine groepen waarin iedereen iedereen treft, over organisaties en "
        "rollen heen.",
    },
    {"name": "Deelnemers", "description": "Wie in een netwerk zit, met welke rol."},
    {"name": "Bijeenkomsten", "description": "De bijeenkomsten van een netwerk en hun gastheer."},
    {"name": "Aanmeldingen", "description": "Wie komt er: ja, nee, misschien, en de wachtlijst."},
    {"name": "Aanwezigheid", "description": "Wie er was, vastgelegd door kartrekker of gastheer."},
    {"name": "Evaluaties", "description": "Leerwaarde, plezier en opbrengst van bijeenkomsten."},
    {"name": "Bijdragen", "description": "Contactpersonen van de gastheer, sprekers en anderen."},
    {"name": "Agenda", "description": "De onderdelen van een bijeenkomst en hun werkvorm."},
    {"name": "Draaiboek", "description": "De overdracht voor de gastheer van een bijeenkomst."},
    {"name": "Kalenderfeeds", "description": "Agenda-abonnementen (iCalendar) voor Outlook."},
    {"name": "Leervragen", "description": "Wat deelnemers willen brengen en hopen te halen."},
    {"name": "Organisaties", "description": "Gemeenten, provincies, waterschappen en anderen."},
    {"name": "Personen", "description": "Mensen, werkzaam bij een organisatie."},
    {"name": "Webhooks", "description": "Abonnementen op gebeurtenissen (CloudEvents)."},
    {"name": "Toegang", "description": "Wie ben ik, en API-sleutels voor systemen."},
    {"name": "Status", "description": "Toestand van de dienst, voor health checks."},
]
ROUTERS = (
    netwerken_router,
    spelregels_router,
    gastrooster_router,
    groepen_router,
    deelnemers_router,
    bijeenkomsten_router,
    aanmeldingen_router,
    aanwezigheid_router,
    evaluaties_router,
    evaluaties_trend_router,
    bijdragen_router,
    agenda_router,
    draaiboek_router,
    kalender_netwerk_router,
    kalender_persoon_router,
    kalender_publiek_router,
    leervragen_router,
    leervragen_hulp_router,
    organisaties_router,
    personen_router,
    webhooks_router,
    toegang_router,
    status_router,
)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The Kartrekker application."""
    settings = settings or get_settings()
    webhooks = van_settings(settings, api_prefix=API_PREFIX)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Webhooks are delivered from a thread of the API process unless separate
        # `kartrekker worker` processes do it.
        worker = (
            start_worker_thread(settings_engine(settings), webhooks)
            if settings.worker_in_process
            else None
        )
        if settings.groepen_opwarmen:
            # Loads the compiled group search from numba's cache (or compiles it) beside the
            # first requests, so that forming groups does not make its first caller wait.
            threading.Thread(target=opwarmen, name="kartrekker-opwarmen", daemon=True).start()
        # What the app built at start lives as long as the process: keeping it out of the
        # garbage collector's generations spares every later collection from walking it.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            if worker is not None:
                stop_worker_thread(worker)

    app = FastAPI(
        lifespan=lifespan,
        title="Kartrekker",
        version=API_VERSION,
        openapi_url=None,  # served below, with CORS * and without authentication
        docs_url=None,
        redoc_url=None,
        openapi_tags=TAGS,
        redirect_slashes=False,
        generate_unique_id_function=operation_id,
        # Every route passes the permission declared for it in app.auth.rechten.
        dependencies=[Depends(autoriseer)],
    )
    app.state.settings = settings
    app.state.webhooks = webhooks
    app.state.sessie_maker = sessie_maker(settings)
    app.state.aanroepers = AanroeperGeheugen(settings.aanroeper_geheugen_seconden)
    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX)

    schema_cache: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        if "document" not in schema_cache:
            schema_cache["document"] = build_openapi(app)
        document: dict[str, Any] = schema_cache["document"]
        return document

    app.openapi = openapi  # type: ignore[method-assign]
    app.openapi_url = f"{API_PREFIX}/openapi.json"

    @app.get(app.openapi_url, include_in_schema=False)
    def openapi_document() -> JSONResponse:
        return JSONResponse(openapi(), headers={"Access-Control-Allow-Origin": "*"})

    docs_paths = install_docs(app, prefix=API_PREFIX)
    app.state.route_paden = route_paden(app)
    install_error_handlers(app)
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(InvoerbewakingMiddleware)
    app.add_middleware(ApiHeadersMiddleware, api_version=API_VERSION, docs_paths=docs_paths)
    # Added last, so outermost: error answers of the other middleware carry CORS headers too.
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "Idempotency-Key",
                "X-Api-Key",
            ],
            expose_headers=["API-Version", "ETag", "Link", "Location", "X-Total-Count"],
        )
    return app
