"""Migrations: models and migrations agree; upgrade, downgrade and upgrade again work."""

from alembic import command
from sqlalchemy import inspect

from app.db import make_engine
from app.migrate import alembic_config, downgrade, upgrade

TABLES = {"organisatie", "persoon", "netwerk", "deelnemer", "bijeenkomst", "leervraag"}


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
