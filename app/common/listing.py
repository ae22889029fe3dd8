"""Paged, sorted lists with a constant number of statements and RFC 8288 Link headers."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query, Request, Response
from pydantic import Field
from sqlalchemy import ColumnElement, func, select
from sqlmodel import Session

from app.common.schemas import ApiModel
from app.errors import InvalidInput, InvalidParam

T = TypeVar("T")

MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Paginering:
    """The page a client asks for."""

    page: int
    page_size: int


async def paginering(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Paginanummer, vanaf 1.")] = 1,
    page_size: Annotated[
        int,
        Query(
            alias="pageSize", ge=1, le=MAX_PAGE_SIZE, description="Aantal resultaten per pagina."
        ),
    ] = 20,
) -> Paginering:
    """Dependency: the `page` and `pageSize` query parameters."""
    return Paginering(page=page, page_size=page_size)


PagineringDep = Annotated[Paginering, Depends(paginering)]

SORTEER_BESCHRIJVING = (
    "Sorteervolgorde: een of meer veldnamen, gescheiden door komma's; "
    "een `-` ervoor sorteert aflopend. Bijvoorbeeld `sorteer=-startdatum,naam`."
)


class Pagina(ApiModel, Generic[T]):
    """Een pagina uit een lijst."""

    count: int = Field(description="Totaal aantal resultaten over alle pagina's.")
    next: str | None = Field(description="URL van de volgende pagina, of null.")
    previous: str | None = Field(description="URL van de vorige pagina, of null.")
    results: list[T] = Field(description="De resultaten op deze pagina.")


def sorteer_op(
    sorteer: str | None,
    kolommen: Mapping[str, Any],
    standaard: Sequence[str],
    tiebreaker: Any,
) -> list[ColumnElement[Any]]:
    """ORDER BY clauses for `sorteer` (e.g. "-startdatum,naam"); unknown fields are a 400."""
    velden = [v.strip() for v in sorteer.split(",") if v.strip()] if sorteer else list(standaard)
    clauses: list[ColumnElement[Any]] = []
    onbekend = []
    for veld in velden:
        naam = veld.removeprefix("-")
        kolom = kolommen.get(naam)
        if kolom is None:
            onbekend.append(naam)
            continue
        clauses.append(kolom.desc() if veld.startswith("-") else kolom.asc())
    if onbekend:
        toegestaan = ", ".join(sorted(kolommen))
        raise InvalidInput(
            [
                InvalidParam(
                    name="sorteer",
                    code="onbekend-sorteerveld",
                    reason=f"Onbekend sorteerveld '{naam}'; kies uit: {toegestaan}.",
                )
                for naam in onbekend
            ]
        )
    # A unique last key makes the order, and so the pages, deterministic.
    clauses.append(tiebreaker.asc())
    return clauses


def _page_url(request: Request, page: int) -> str:
    return str(request.url.include_query_params(page=page))


def pagineer(
    session: Session,
    statement: Any,
    *,
    paging: Paginering,
    order_by: Sequence[Any],
    request: Request,
    response: Response,
) -> tuple[list[Any], dict[str, Any]]:
    """Run `statement` for one page: exactly two statements (count and page) whatever the size.

    Returns the rows and the page fields (count, next, previous); sets the Link header.
    """
    total = (
        session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0
    )
    offset = (paging.page - 1) * paging.page_size
    rows = list(
        session.exec(statement.order_by(*order_by).offset(offset).limit(paging.page_size)).all()
    )
    return rows, paginalinks(int(total), paging=paging, request=request, response=response)


def paginalinks(
    total: int, *, paging: Paginering, request: Request, response: Response
) -> dict[str, Any]:
    """The page fields (count, next, previous) for `total` results; sets the Link header."""
    last_page = max(1, -(-total // paging.page_size))
    next_url = _page_url(request, paging.page + 1) if paging.page < last_page else None
    previous_url = _page_url(request, min(paging.page - 1, last_page)) if paging.page > 1 else None
    links = [
        f'<{_page_url(request, 1)}>; rel="first"',
        f'<{_page_url(request, last_page)}>; rel="last"',
    ]
    if next_url:
        links.append(f'<{next_url}>; rel="next"')
    if previous_url:
        links.append(f'<{previous_url}>; rel="prev"')
    response.headers["Link"] = ", ".join(links)
    response.headers["X-Total-Count"] = str(total)
    return {"count": total, "next": next_url, "previous": previous_url}
