"""Database engine and the request-scoped session that owns the transaction."""

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from app.config import Settings, get_settings

# Execution option that marks a transaction as read-only (see the SQLite BEGIN below).
ALLEEN_LEZEN = "kartrekker_alleen_lezen"


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, echo=echo, pool_pre_ping=True)
    engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False, "timeout": 30})

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
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def engine_for(url: str, *, echo: bool = False) -> Engine:
    """One engine per database URL for the whole process."""
    return _cached_engine(url, echo)


@lru_cache
def _cached_engine(url: str, echo: bool) -> Engine:
    return make_engine(url, echo=echo)


def get_engine() -> Engine:
    """The engine for the configured database."""
    settings = get_settings()
    return engine_for(settings.database_url, echo=settings.log_sql)


SessieMaker = Callable[[], AbstractContextManager[Session]]


def sessie_maker(settings: Settings) -> SessieMaker:
    """How the app opens a session on its database (tests give the app their own)."""

    def open_session() -> AbstractContextManager[Session]:
        engine = engine_for(settings.database_url, echo=settings.log_sql)
        return Session(engine, expire_on_commit=False)

    return open_session


SCHRIJVENDE_METHODEN = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def get_session(request: Request) -> Iterator[Session]:
    """One session per request: commits when the endpoint succeeds, rolls back otherwise."""
    maker: SessieMaker = request.app.state.sessie_maker
    with maker() as session:
        # Options apply to a transaction not yet begun (a session the app did not open itself,
        # as in tests, may already be inside one).
        if request.method not in SCHRIJVENDE_METHODEN and not session.in_transaction():
            session.connection(execution_options={ALLEEN_LEZEN: True})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# scope="function": the commit happens before the response is sent, so a failed commit
# becomes an error answer instead of a 2xx for a change that was never stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
