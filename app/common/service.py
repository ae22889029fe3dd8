"""Helpers every domain service uses: load or 404, apply a PATCH, check an order of values."""

import uuid
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from sqlmodel import Session, SQLModel

from app.errors import InvalidInput, InvalidParam, NotFound

M = TypeVar("M", bound=SQLModel)


def get_or_404(
    session: Session, model: type[M], id: uuid.UUID, *, naam: str, for_update: bool = False
) -> M:
    """The row of `model` with `id`, or a 404 that names what was looked for.

    `for_update` locks the row on PostgreSQL until the transaction ends, so that a concurrent
    writer waits and then sees this change (SQLite serialises writers by itself).
    """
    row = session.get(model, id, with_for_update=for_update)
    if row is None:
        raise NotFound(f"Er is geen {naam} met id {id}.")
    return row


def get_in_netwerk_or_404(
    session: Session,
    model: type[M],
    id: uuid.UUID,
    *,
    netwerk_id: uuid.UUID,
    naam: str,
    for_update: bool = False,
) -> M:
    """The row of `model` with `id` that belongs to this netwerk, or 404."""
    row = session.get(model, id, with_for_update=for_update)
    if row is None or getattr(row, "netwerk_id", None) != netwerk_id:
        raise NotFound(f"Dit netwerk heeft geen {naam} met id {id}.")
    return row


def apply_changes(
    row: SQLModel, changes: Mapping[str, Any], *, required: Iterable[str] = ()
) -> dict[str, dict[str, Any]]:
    """Copy the fields a PATCH sent onto `row`; a required field cannot be emptied.

    Returns what really changed, `{"veldNaam": {"oud": …, "nieuw": …}}`, for events.
    """
    emptied = [name for name in required if name in changes and changes[name] is None]
    if emptied:
        raise InvalidInput(
            [
                InvalidParam(
                    name=_camel(name), code="required", reason="Dit veld mag niet leeg zijn."
                )
                for name in emptied
            ]
        )
    changed = {}
    for name, value in changes.items():
        old = getattr(row, name)
        if old != value:
            changed[_camel(name)] = {"oud": old, "nieuw": value}
        setattr(row, name, value)
    return changed


class _Comparable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


def check_order(
    earlier_name: str,
    earlier: _Comparable | None,
    later_name: str,
    later: _Comparable | None,
    *,
    strict: bool = False,
) -> list[InvalidParam]:
    """A problem on `later_name` when it comes before `earlier_name` (or at it, when strict)."""
    if earlier is None or later is None:
        return []
    wrong = not (earlier < later) if strict else later < earlier
    if not wrong:
        return []
    relation = "na" if strict else "op of na"
    return [
        InvalidParam(
            name=_camel(later_name),
            code="volgorde",
            reason=f"{_camel(later_name)} moet {relation} {_camel(earlier_name)} liggen.",
        )
    ]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
