"""Migrations: models and migrations agree; upgrade, downgrade and upgrade again work."""

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from app.db import make_engine
from app.migrate import alembic_config, downgrade, upgrade
from tests.conftest import BACKENDS, POSTGRES_URL, fresh_database_url, reset_postgres

TABLES = {"organisatie", "persoon", "netwerk", "deelnemer", "bijeenkomst", "leervraag"}


def _own_postgres_database() -> str:
    """A database of its own beside the test database, so the other tests keep theirs."""
    assert POSTGRES_URL is not None
    url = make_url(POSTGRES_URL)
    name = f"{url.database}_migraties"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        ).first()
        if exists is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    own = url.set(database=name).render_as_string(hide_password=False)
    reset_postgres(own)
    return own


@pytest.fixture(params=BACKENDS)
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return _own_postgres_database()
    return fresh_database_url("sqlite", tmp_path)


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(empty_database: str) -> None:
    upgrade(empty_database)
    assert _tables(empty_database) >= TABLES
    downgrade(empty_database, "base")
    assert _tables(empty_database) == set()
    upgrade(empty_database)
    assert _tables(empty_database) >= TABLES


def test_models_and_migrations_agree(empty_database: str) -> None:
    upgrade(empty_database)
    # Raises when autogenerate would find a difference between the models and the database.
    command.check(alembic_config(empty_database))
