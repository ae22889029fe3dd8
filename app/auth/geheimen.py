"""Secrets shown once and kept only as a hash, found back by a visible prefix.

API keys (`kt_…`) and calendar-feed tokens (`kf_…`) are made and checked the same way: a random
prefix that is stored and unique, and a random remainder that only the holder has.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass


@dataclass(frozen=True)
class Geheim:
    """A secret just made: `waarde` goes to its holder once, `prefix` and `hash` are stored."""

    prefix: str
    waarde: str
    hash: str


def hash_van(waarde: str) -> str:
    """The stored form of a secret (SHA-256; the secret has 256 random bits, so no salt)."""
    return hashlib.sha256(waarde.encode()).hexdigest()


def nieuw_geheim(soort: str) -> Geheim:
    """A fresh secret of this kind, e.g. `kt_1a2b3c4d_<43 random characters>`."""
    prefix = f"{soort}_{secrets.token_hex(4)}"
    waarde = f"{prefix}_{secrets.token_urlsafe(32)}"
    return Geheim(prefix=prefix, waarde=waarde, hash=hash_van(waarde))


def prefix_van(waarde: str, soort: str) -> str | None:
    """The stored prefix of a presented secret of this kind, or None when it cannot be one."""
    delen = waarde.split("_")
    if len(delen) < 3 or delen[0] != soort:
        return None
    return f"{delen[0]}_{delen[1]}"


def klopt(waarde: str, opgeslagen_hash: str) -> bool:
    """Whether a presented secret matches the stored hash (in constant time)."""
    return hmac.compare_digest(opgeslagen_hash, hash_van(waarde))
