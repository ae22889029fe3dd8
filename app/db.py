"""Database engine and the request-scoped session that owns the transaction."""

from collections.abc import AsyncIterator
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Annotated, Any, Protocol

from fastapi import Depends, Request
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from app.config import Settings, get_settings

# Execution option that marks a transaction as read-only (see the SQLite BEGIN below).
ALLEEN_LEZEN = "kartrekker_alleen_lezen"


def make_engine(
    url: str, *, echo: bool = False, pool_size: int = 10, max_overflow: int = 10
) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL and a busy timeout."""
    parsed = make_url(url)
    pool: dict[str, Any] = {"pool_size": pool_size, "max_overflow": max_overflow}
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True, **pool)
    if parsed.database in (None, "", ":memory:"):
        pool = {}  # an in-memory database lives in one connection; SQLAlchemy pools it so
    engine = create_engine(
        url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30}, **pool
    )

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling breaks SAVEPOINTs; SQLAlchemy emits BEGIN instead.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if parsed.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection: Any) -> None:
        # Every transaction that may write takes the write lock up front: writers then run one
        # after the other and each sees the last one's change. A deferred transaction that read
        # first would fail with "database is locked" the moment another writer committed.
        read_only = connection.get_execution_options().get(ALLEEN_LEZEN, False)
        # Straight to the driver: the statement needs none of SQLAlchemy's execution path,
        # and every request pays for it.
        connection.connection.driver_connection.execute("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def engine_for(
    url: str, *, echo: bool = False, pool_size: int = 10, max_overflow: int = 10
) -> Engine:
    """One engine per database URL for the whole process."""
    return _cached_engine(url, echo, pool_size, max_overflow)


@lru_cache
def _cached_engine(url: str, echo: bool, pool_size: int, max_overflow: int) -> Engine:
    return make_engine(url, echo=echo, pool_size=pool_size, max_overflow=max_overflow)


def settings_engine(settings: Settings) -> Engine:
    """The engine for these settings' database, with their pool size."""
    return engine_for(
        settings.database_url,
        echo=settings.log_sql,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
    )


def get_engine() -> Engine:
    """The engine for the configured database."""
    return settings_engine(get_settings())


def alleen_lezen(engine: Engine) -> Engine:
    """The same engine and pool, its transactions read-only (SQLite: no write lock taken)."""
    return engine.execution_options(**{ALLEEN_LEZEN: True, "postgresql_readonly": True})


class SessieMaker(Protocol):
    """How the app opens a session on its database (tests give the app their own)."""

    def __call__(self, *, alleen_lezen: bool = False) -> AbstractContextManager[Session]: ...


def sessie_maker(settings: Settings) -> SessieMaker:
    """Sessions on the configured database; `alleen_lezen` for reads."""
    engine = settings_engine(settings)
    lezer = alleen_lezen(engine)

    def open_session(*, alleen_lezen: bool = False) -> AbstractContextManager[Session]:
        # No connection is taken until the first statement, and it goes back at the end.
        return Session(lezer if alleen_lezen else engine, expire_on_commit=False)

    return open_session


SCHRIJVENDE_METHODEN = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: commits when the endpoint succeeds, rolls back otherwise.

    Async on purpose: opening a session costs no I/O, and the request's few short statements
    run on the event loop instead of hopping to a thread for each dependency. Reads run in a
    read-only transaction.
    """
    maker: SessieMaker = request.app.state.sessie_maker
    with maker(alleen_lezen=request.method not in SCHRIJVENDE_METHODEN) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# scope="function": the commit happens before the response is sent, so a failed commit
# becomes an error answer instead of a 2xx for a change that was never stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
