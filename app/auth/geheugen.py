"""A short memory of who presented which credential, so that a burst of reads costs no lookups.

An intranet's home page sends many small reads with one key or token. Each process remembers
the caller of a credential (by its SHA-256, never the credential itself) for a few seconds.
Any commit in this process that changes a key, a login, a persoon or a membership forgets
everything at once; another process notices such a change within the memory's lifetime
(`KARTREKKER_AANROEPER_GEHEUGEN_SECONDEN`, 0 turns it off).
"""

import hashlib
import threading
import time
import weakref
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession

from app.auth.aanroeper import Aanroeper
from app.models import ApiSleutel, Deelnemer, OidcIdentiteit, Persoon

# Changing one of these can change what a caller may do.
_RECHTEN_TABELLEN = (ApiSleutel, Deelnemer, OidcIdentiteit, Persoon)
_GEWIJZIGD = "kartrekker.aanroepers.gewijzigd"
_alle: "weakref.WeakSet[AanroeperGeheugen]" = weakref.WeakSet()


class AanroeperGeheugen:
    """Callers by the hash of their credential, each until its own deadline."""

    def __init__(self, seconden: float) -> None:
        self.seconden = seconden
        self._items: dict[str, tuple[float, Aanroeper]] = {}
        self._lock = threading.Lock()
        _alle.add(self)

    @staticmethod
    def sleutel_van(credential: str) -> str:
        """The memory's key for a credential: its hash."""
        return hashlib.sha256(credential.encode()).hexdigest()

    def zoek(self, sleutel: str) -> Aanroeper | None:
        """The remembered caller, or None when unknown or expired."""
        item = self._items.get(sleutel)
        if item is None:
            return None
        if item[0] <= time.monotonic():
            with self._lock:
                self._items.pop(sleutel, None)
            return None
        return item[1]

    def onthoud(self, sleutel: str, aanroeper: Aanroeper, *, geldig_tot: float | None) -> None:
        """Remember `aanroeper` for the memory's lifetime, or until `geldig_tot` (epoch s)."""
        if self.seconden <= 0:
            return
        deadline = time.monotonic() + self.seconden
        if geldig_tot is not None:
            deadline = min(deadline, time.monotonic() + (geldig_tot - time.time()))
        with self._lock:
            if len(self._items) > 10_000:
                self._items.clear()  # a bound, not a policy: many callers just cost lookups
            self._items[sleutel] = (deadline, aanroeper)

    def vergeet(self) -> None:
        """Forget every caller."""
        with self._lock:
            self._items.clear()


def vergeet_overal() -> None:
    """Forget the callers in every memory of this process."""
    for geheugen in list(_alle):
        geheugen.vergeet()


@event.listens_for(OrmSession, "after_flush")
def _na_flush(session: OrmSession, _context: Any) -> None:
    if any(
        isinstance(rij, _RECHTEN_TABELLEN)
        for rij in (*session.new, *session.dirty, *session.deleted)
    ):
        session.info[_GEWIJZIGD] = True


@event.listens_for(OrmSession, "after_commit")
def _na_commit(session: OrmSession) -> None:
    if session.info.pop(_GEWIJZIGD, False):
        vergeet_overal()


@event.listens_for(OrmSession, "after_soft_rollback")
def _na_rollback(session: OrmSession, _previous: Any) -> None:
    # Forgetting on a rollback too is harmless and covers a savepoint that was released.
    if session.info.pop(_GEWIJZIGD, False):
        vergeet_overal()
