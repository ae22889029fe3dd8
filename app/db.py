"""Database engine and the request-scoped session that owns the transaction."""

from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from app.config import get_settings


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
        connection.exec_driver_sql("BEGIN")

    return engine


@lru_cache
def get_engine() -> Engine:
    """The process-wide engine for the configured database."""
    settings = get_settings()
    return make_engine(settings.database_url, echo=settings.log_sql)


def get_session() -> Iterator[Session]:
    """One session per request: commits when the endpoint succeeds, rolls back otherwise."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# scope="function": the commit happens before the response is sent, so a failed commit
# becomes an error answer instead of a 2xx for a change that was never stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
