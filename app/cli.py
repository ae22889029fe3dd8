"""The `kartrekker` command: serve the API, write the OpenAPI document, import organisations."""

import json
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from app.config import get_settings
from app.db import get_engine
from app.migrate import upgrade

cli = typer.Typer(
    help="Kartrekker: lerende netwerken tussen overheden organiseren.",
    no_args_is_help=True,
    add_completion=False,
)
organisaties_cli = typer.Typer(help="Organisaties beheren.", no_args_is_help=True)
cli.add_typer(organisaties_cli, name="organisaties")
sleutel_cli = typer.Typer(help="API-sleutels voor systemen.", no_args_is_help=True)
cli.add_typer(sleutel_cli, name="api-sleutel")

OPENAPI_PATH = Path("openapi/openapi.json")


@cli.command()
def serve(
    demo: Annotated[
        bool, typer.Option(help="Laad een voorbeeldnetwerk (als het er nog niet is).")
    ] = False,
    host: Annotated[str, typer.Option(help="Adres waarop de API luistert.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Poort waarop de API luistert.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Aantal API-processen (één per processorkern).")
    ] = 1,
    access_log: Annotated[
        bool, typer.Option(help="Elk verzoek loggen (kost bij veel verzoeken merkbaar tijd).")
    ] = False,
    afsluittijd: Annotated[
        int,
        typer.Option(min=0, help="Seconden die lopende verzoeken krijgen bij het stoppen."),
    ] = 30,
) -> None:
    """Migrate the database, optionally load the demo network, and serve the API."""
    import uvicorn

    settings = get_settings()
    typer.echo(f"Database: {_safe_url(settings.database_url)}")
    upgrade(settings.database_url)
    if demo:
        from app.demo import demo_sleutel, demo_sleutel_bestand, laad_demo

        bestand = demo_sleutel_bestand(settings.database_url)
        with Session(get_engine(), expire_on_commit=False) as session:
            verslag = laad_demo(session=session)
            sleutel = demo_sleutel(session=session, bestand=bestand)
            session.commit()
        typer.echo(verslag)
        typer.echo(f"Demo API-sleutel: {sleutel}")
        typer.echo(f"(Dezelfde bij elke start op deze database; bewaard in {bestand}.)")
        typer.echo(
            "In Swagger UI: klik op Authorize, plak de sleutel bij apiSleutel (X-Api-Key), "
            "klik Authorize en Close; daarna werkt Try it out."
        )
    typer.echo(f"Swagger UI: http://{host}:{port}/v1/docs")
    # uvloop and httptools when installed (uvicorn[standard]); each worker process builds its
    # own app from the same KARTREKKER_* settings. On SIGTERM uvicorn stops accepting and gives
    # requests in flight `afsluittijd` seconds to finish.
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        access_log=access_log,
        loop="auto",
        http="auto",
        timeout_graceful_shutdown=afsluittijd,
    )


@cli.command()
def opwarmen() -> None:
    """Compile the group search ahead (for an image build), so no request waits for it."""
    from app.groepen import opwarmen as compileer

    compileer()
    typer.echo("Werkgroepjes: zoekkern gecompileerd en in numba's cache gezet.")


@cli.command()
def worker() -> None:
    """Deliver webhooks until stopped; several workers can share one PostgreSQL database."""
    from app.webhooks.instellingen import van_settings
    from app.webhooks.worker import run_process

    settings = get_settings()
    upgrade(settings.database_url)
    typer.echo("Webhookworker gestart; stop met Ctrl-C.")
    run_process(get_engine(), van_settings(settings))


@cli.command()
def migreer() -> None:
    """Bring the database to the newest schema (serve does this too)."""
    upgrade(get_settings().database_url)
    typer.echo("Database is bijgewerkt.")


@cli.command()
def openapi(
    output: Annotated[Path, typer.Option(help="Waar het document komt.")] = OPENAPI_PATH,
    check: Annotated[
        bool, typer.Option(help="Schrijf niets; faal als het bestand afwijkt van de app.")
    ] = False,
) -> None:
    """Write the OpenAPI document the app serves (or check that the file matches it)."""
    from app.main import create_app

    document = json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != document:
            typer.echo(f"{output} wijkt af van de app; draai `kartrekker openapi`.", err=True)
            raise typer.Exit(1)
        typer.echo(f"{output} is actueel.")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(document, encoding="utf-8")
    typer.echo(f"{output} geschreven.")


@cli.command()
def rechten() -> None:
    """Print who may call which route, as a Markdown table (as in the README)."""
    from app.auth.rechten import rechten_tabel

    typer.echo(rechten_tabel())


@sleutel_cli.command("maak")
def maak_api_sleutel(
    naam: Annotated[str, typer.Option(help="Waarvoor de sleutel is, bv. 'Intranet Assen'.")],
    scope: Annotated[list[str], typer.Option(help="`beheer` of `lezen`; mag vaker.")] = ["lezen"],  # noqa: B006 (typer reads the default, it is never mutated)
    netwerk: Annotated[
        str | None, typer.Option(help="Id van het enige netwerk dat de sleutel mag lezen.")
    ] = None,
    dagen: Annotated[int | None, typer.Option(min=1, help="Verloopt na zoveel dagen.")] = None,
) -> None:
    """Make an API key and print it once."""
    import uuid
    from datetime import timedelta

    from app.auth import sleutels
    from app.errors import InvalidInput
    from app.models import utcnow

    upgrade(get_settings().database_url)
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            nieuw = sleutels.maak(
                naam=naam,
                scopes=scope,
                netwerk_id=uuid.UUID(netwerk) if netwerk else None,
                verloopt_op=utcnow() + timedelta(days=dagen) if dagen else None,
                session=session,
            )
        except (InvalidInput, ValueError) as fout:
            reasons = (
                [p.reason for p in fout.params] if isinstance(fout, InvalidInput) else [str(fout)]
            )
            typer.echo("Geen sleutel gemaakt: " + " ".join(reasons), err=True)
            raise typer.Exit(1) from fout
        session.commit()
    typer.echo(f"API-sleutel '{naam}' ({', '.join(nieuw.rij.scopes)}), prefix {nieuw.rij.prefix}.")
    typer.echo("Bewaar hem nu; hij wordt nooit meer getoond:")
    typer.echo(nieuw.sleutel)


@organisaties_cli.command("importeer")
def importeer_organisaties(
    bestanden: Annotated[list[Path], typer.Argument(help="TOOI-waardelijsten (JSON-LD).")],
) -> None:
    """Import TOOI waardelijsten of gemeenten, provincies and waterschappen."""
    from app.organisaties.tooi import TooiFout, importeer

    upgrade(get_settings().database_url)
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            verslag = importeer(bestanden, session=session)
        except TooiFout as fout:
            session.rollback()
            typer.echo(f"Niets geïmporteerd: {fout}", err=True)
            raise typer.Exit(1) from fout
        session.commit()
    typer.echo(verslag.samenvatting())


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def main() -> None:
    """Entry point of the `kartrekker` script."""
    cli(prog_name="kartrekker")


if __name__ == "__main__":
    main()
