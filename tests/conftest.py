"""Test database built by the real migrations; every test runs in a transaction rolled back.

Tests run on SQLite always and, when KARTREKKER_TEST_DATABASE_URL is set, on PostgreSQL too:
every test that uses the database is parametrized over both.
"""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.auth import oidc, sleutels
from app.config import OidcUitgever, Settings
from app.db import engine_for, make_engine
from app.main import create_app
from app.migrate import upgrade
from tests.oidc_provider import AUDIENCE, CLIENT_ID, ISSUER, IdentityProvider, running_provider

POSTGRES_URL = os.environ.get("KARTREKKER_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


def reset_postgres(url: str) -> None:
    """Empty the test database on PostgreSQL, so the migrations start from nothing."""
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def fresh_database_url(backend: str, tmp_path: Path) -> str:
    """The URL of an empty database of `backend`."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'kartrekker-test.db'}"
    assert POSTGRES_URL is not None
    assert make_url(POSTGRES_URL).get_backend_name() == "postgresql"
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


def own_postgres_database(suffix: str) -> str:
    """An empty database of its own beside the test database, so other tests keep theirs."""
    assert POSTGRES_URL is not None
    url = make_url(POSTGRES_URL)
    name = f"{url.database}_{suffix}"
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
    """An empty database of each backend, for tests that commit for real."""
    if request.param == "postgresql":
        return own_postgres_database("los")
    return fresh_database_url("sqlite", tmp_path)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database of each backend, migrated to head once per test run."""
    url = fresh_database_url(request.param, tmp_path_factory.mktemp(request.param))
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test."""
    connection = engine.connect()
    transaction = connection.begin()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        session.close()
        transaction.rollback()
        connection.close()


BEHEERDER_EMAIL = "beheer@kartrekker.example"


@pytest.fixture(scope="session")
def identity_provider() -> Iterator[IdentityProvider]:
    """An organisation's identity provider: real RSA keys, JWKS served on 127.0.0.1."""
    with running_provider() as provider:
        yield provider


@pytest.fixture
def settings(identity_provider: IdentityProvider) -> Settings:
    """Settings of the app under test: the test identity provider and one beheerder."""
    oidc.vergeet_sleutels()
    return Settings(
        database_url="sqlite://",
        # Tests that form groups compile the search when they need it, not at every app start.
        groepen_opwarmen=False,
        # Every request looks its caller up, so that statement counts do not depend on order;
        # tests/auth/test_geheugen.py tests the memory itself.
        aanroeper_geheugen_seconden=0,
        oidc_issuers=[
            OidcUitgever(
                issuer=ISSUER,
                audience=AUDIENCE,
                jwks_uri=identity_provider.jwks_uri,
                client_ids=[CLIENT_ID],
                # Rotation is tested right after a fetch; production waits 30 s.
                key_refresh_cooldown=0,
            )
        ],
        beheerders=[BEHEERDER_EMAIL],
        worker_in_process=False,
        webhooks_allow_private=True,
    )


@pytest.fixture
def app(session: Session, settings: Settings) -> FastAPI:
    """The app, its requests sharing the test's rolled-back transaction."""
    application = create_app(settings)
    # Every session the app opens is the test's, inside the transaction rolled back at the end.
    application.state.sessie_maker = lambda **_: nullcontext(session)
    return application


@pytest.fixture
def beheer_sleutel(session: Session) -> str:
    """A fresh API key with scope `beheer` (kept when a request rolls back its own work)."""
    sleutel = sleutels.maak(naam="tests", scopes=["beheer"], session=session).sleutel
    session.commit()
    return sleutel


@pytest.fixture
def client(app: FastAPI, beheer_sleutel: str) -> Iterator[TestClient]:
    """A client calling as a beheerder (API key), for tests about behaviour, not access."""
    with TestClient(
        app, raise_server_exceptions=False, headers={"X-Api-Key": beheer_sleutel}
    ) as test_client:
        yield test_client


@pytest.fixture
def anonymous_client(app: FastAPI) -> Iterator[TestClient]:
    """A client without credentials."""
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def client_voor(app: FastAPI, identity_provider: IdentityProvider) -> Callable[[str], TestClient]:
    """`client_voor(email)`: a client signed in as that person with a bearer token."""

    def make(email: str) -> TestClient:
        token = identity_provider.token(email)
        return TestClient(
            app, raise_server_exceptions=False, headers={"Authorization": f"Bearer {token}"}
        )

    return make


class StatementCounter:
    """Counts the SQL statements sent to the database."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_statements(session: Session) -> Callable[[], Any]:
    """`with count_statements() as counter:` counts the statements run inside the block."""
    connection = session.connection()

    @contextmanager
    def counting() -> Iterator[StatementCounter]:
        counter = StatementCounter()

        def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
                counter.statements.append(statement)

        event.listen(connection, "before_cursor_execute", before)
        try:
            yield counter
        finally:
            event.remove(connection, "before_cursor_execute", before)

    return counting


@pytest.fixture
def real_app(empty_database: str) -> Iterator[tuple[FastAPI, str]]:
    """An app on a database of its own that commits for real, and a beheer key for it."""
    upgrade(empty_database)
    settings = Settings(
        database_url=empty_database,
        worker_in_process=False,
        webhooks_allow_private=True,
        groepen_opwarmen=False,
    )
    with Session(engine_for(empty_database), expire_on_commit=False) as session:
        key = sleutels.maak(naam="tests", scopes=["beheer"], session=session).sleutel
        session.commit()
    yield create_app(settings), key
    engine_for(empty_database).dispose()
