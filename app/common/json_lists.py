"""`column contains value` for JSON lists, on SQLite (json_each) and PostgreSQL (jsonb ?)."""

from typing import Any

from sqlalchemy import BindParameter, ColumnElement, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement as _ColumnElement
from sqlalchemy.types import Boolean


class JsonListContains(_ColumnElement[bool]):
    """True when the JSON array in `column` holds the string `value`."""

    inherit_cache = True
    type = Boolean()

    def __init__(self, column: ColumnElement[Any], value: str) -> None:
        self.column = column
        self.value: BindParameter[str] = bindparam(None, value, unique=True)


@compiles(JsonListContains, "sqlite")
def _sqlite(element: JsonListContains, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    value = compiler.process(element.value, **kw)
    # Both parts are compiled SQL (a column and a bound parameter), never user text.
    return f"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = {value})"  # noqa: S608


@compiles(JsonListContains, "postgresql")
def _postgresql(element: JsonListContains, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    value = compiler.process(element.value, **kw)
    return f"(CAST({column} AS JSONB) ? {value})"


def json_list_contains(column: Any, value: str) -> ColumnElement[bool]:
    """Filter on a JSON list column holding `value`."""
    return JsonListContains(column, value)
