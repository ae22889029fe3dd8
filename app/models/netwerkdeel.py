"""Rows that belong to one network, kept inside it by the database itself."""

from sqlalchemy import ForeignKeyConstraint


def binnen_netwerk(*verwijzingen: tuple[str, str]) -> tuple[ForeignKeyConstraint, ...]:
    """Composite foreign keys `(x_id, netwerk_id) -> x(id, netwerk_id)` for each (column, table).

    Together they make it impossible to attach, say, a deelnemer of network A to a bijeenkomst
    of network B: both must carry the row's own netwerk_id.
    """
    return tuple(
        ForeignKeyConstraint(
            [kolom, "netwerk_id"], [f"{tabel}.id", f"{tabel}.netwerk_id"], ondelete="CASCADE"
        )
        for kolom, tabel in verwijzingen
    )
