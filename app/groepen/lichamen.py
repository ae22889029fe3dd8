"""Finite fields GF(p^m) and products of them, as addition and multiplication tables."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

Tabel = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class Ring:
    """A finite commutative ring with elements 0..orde-1 and 0 as its zero.

    `diagonaal[i]` is the element whose every field component is i: any two of them differ by a
    unit, which is what a transversal design needs.
    """

    orde: int
    plus: Tabel
    maal: Tabel
    diagonaal: tuple[int, ...]


def priemmacht(q: int) -> tuple[int, int] | None:
    """(p, m) with q = p^m for a prime p, or None when q is no prime power."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    m = 0
    while q % p == 0:
        q //= p
        m += 1
    return (p, m) if q == 1 else None


def priemmachtfactoren(n: int) -> list[int]:
    """The prime powers whose product is n, e.g. 36 -> [4, 9]."""
    factoren = []
    p = 2
    while n > 1:
        if n % p == 0:
            macht = 1
            while n % p == 0:
                n //= p
                macht *= p
            factoren.append(macht)
        p += 1
    return factoren


def _polymod(a: list[int], modulus: list[int], p: int) -> list[int]:
    """Remainder of polynomial a by a monic modulus over GF(p); coefficients lowest first."""
    a = a[:]
    graad = len(modulus) - 1
    for i in range(len(a) - 1, graad - 1, -1):
        factor = a[i] % p
        if factor:
            for j in range(graad + 1):
                a[i - graad + j] = (a[i - graad + j] - factor * modulus[j]) % p
    return [c % p for c in a[:graad]] + [0] * max(0, graad - len(a))


def _irreducibel(p: int, m: int) -> list[int]:
    """The first monic irreducible polynomial of degree m over GF(p), found by trial division."""
    for staart in itertools.product(range(p), repeat=m):
        kandidaat = [*staart, 1]
        if kandidaat[0] == 0:
            continue
        deelbaar = False
        for graad in range(1, m // 2 + 1):
            for lager in itertools.product(range(p), repeat=graad):
                deler = [*lager, 1]
                if not any(_polymod(kandidaat, deler, p)):
                    deelbaar = True
                    break
            if deelbaar:
                break
        if not deelbaar:
            return kandidaat
    raise AssertionError(f"geen irreducibel polynoom van graad {m} over GF({p})")


@lru_cache(maxsize=32)
def eindig_lichaam(q: int) -> Ring:
    """GF(q): element i stands for the polynomial whose base-p digits are i's coefficients."""
    macht = priemmacht(q)
    if macht is None:
        raise ValueError(f"{q} is geen priemmacht")
    p, m = macht
    modulus = _irreducibel(p, m) if m > 1 else [0, 1]
    cijfers = [[(i // p**j) % p for j in range(m)] for i in range(q)]

    def getal(coefficienten: list[int]) -> int:
        return sum(c * p**j for j, c in enumerate(coefficienten))

    plus = np.zeros((q, q), dtype=np.int64)
    maal = np.zeros((q, q), dtype=np.int64)
    for a in range(q):
        for b in range(q):
            plus[a, b] = getal([(x + y) % p for x, y in zip(cijfers[a], cijfers[b], strict=True)])
            product = [0] * (2 * m - 1)
            for i, x in enumerate(cijfers[a]):
                for j, y in enumerate(cijfers[b]):
                    product[i + j] += x * y
            maal[a, b] = getal(_polymod(product, modulus, p) if m > 1 else [product[0] % p])
    return Ring(q, plus, maal, tuple(range(q)))


@lru_cache(maxsize=32)
def productring(orde: int) -> Ring:
    """The product of the fields GF(q) over the prime-power factors q of orde (MacNeish)."""
    lichamen = [eindig_lichaam(q) for q in priemmachtfactoren(orde)]
    delen = [lichaam.orde for lichaam in lichamen]
    componenten = np.array(list(itertools.product(*(range(d) for d in delen))), dtype=np.int64)
    componenten = componenten.reshape(orde, len(delen))
    gewichten = np.array([int(np.prod(delen[i + 1 :])) for i in range(len(delen))], dtype=np.int64)
    plus = np.zeros((orde, orde), dtype=np.int64)
    maal = np.zeros((orde, orde), dtype=np.int64)
    for i, lichaam in enumerate(lichamen):
        a = componenten[:, i][:, None]
        b = componenten[:, i][None, :]
        plus += lichaam.plus[a, b] * gewichten[i]
        maal += lichaam.maal[a, b] * gewichten[i]
    diagonaal = tuple(int(i * gewichten.sum()) for i in range(min(delen)))
    return Ring(orde, plus, maal, diagonaal)
