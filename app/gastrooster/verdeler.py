"""Assign each open session to one eligible host, within bounds per host and per group.

A flow network: source → session → host → group → sink, with lower and upper bounds on
hosts and groups (in the rotation a group is an organisation, a host one of its roles:
its first turn, or any other hosting). The assignment is always complete; `maak_haalbaar`
repairs bounds along augmenting cycles and `optimaliseer` cancels negative-cost cycles.

The residual graph has a node per host, per group and the sink. Its edges:

- host → host, labelled with a session of the first: that session moves to the second;
- host → its group: the host keeps one more (below its upper bound);
- group → member host: that host keeps one fewer (above its lower bound);
- group → sink: the group keeps one more; sink → group: the group keeps one fewer.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence

Zet = tuple[int, int]  # (session, new host)
GEEN = -1  # an edge that moves no session


class Verdeler:
    """A complete assignment of sessions to hosts, made to fit the bounds."""

    def __init__(
        self,
        geschikt: Sequence[Sequence[int]],
        groep_van: Sequence[int],
        aantal_groepen: int,
        kosten: Sequence[dict[int, int]] | None = None,
        begin: Sequence[int] | None = None,
    ) -> None:
        self.geschikt = [list(hosts) for hosts in geschikt]
        if any(not hosts for hosts in self.geschikt):
            raise ValueError("every session needs at least one eligible host")
        self.groep_van = list(groep_van)
        self.aantal_hosts = len(self.groep_van)
        self.aantal_groepen = aantal_groepen
        self.put = self.aantal_hosts + aantal_groepen  # the sink's node
        self.leden: list[list[int]] = [[] for _ in range(aantal_groepen)]
        for host, groep in enumerate(self.groep_van):
            self.leden[groep].append(host)
        self.kosten = kosten
        ruim = len(self.geschikt)
        self.onder = [0] * self.aantal_hosts
        self.boven = [ruim] * self.aantal_hosts
        self.groep_onder = [0] * aantal_groepen
        self.groep_boven = [ruim] * aantal_groepen
        self.gastheer = list(begin) if begin is not None else [h[0] for h in self.geschikt]
        self.aantal = [0] * self.aantal_hosts
        self.groep_aantal = [0] * aantal_groepen
        self.sessies_van: list[set[int]] = [set() for _ in range(self.aantal_hosts)]
        for sessie, host in enumerate(self.gastheer):
            self.aantal[host] += 1
            self.groep_aantal[self.groep_van[host]] += 1
            self.sessies_van[host].add(sessie)

    def kost(self, sessie: int, host: int) -> int:
        """The cost of `host` hosting `sessie` (0 without costs)."""
        return 0 if self.kosten is None else self.kosten[sessie].get(host, 0)

    def verplaats(self, sessie: int, host: int) -> None:
        """Give `sessie` to `host` (bounds are the caller's concern)."""
        oud = self.gastheer[sessie]
        self.aantal[oud] -= 1
        self.groep_aantal[self.groep_van[oud]] -= 1
        self.sessies_van[oud].discard(sessie)
        self.gastheer[sessie] = host
        self.aantal[host] += 1
        self.groep_aantal[self.groep_van[host]] += 1
        self.sessies_van[host].add(sessie)

    def zet_grenzen(
        self,
        onder: Sequence[int],
        boven: Sequence[int],
        groep_onder: Sequence[int],
        groep_boven: Sequence[int],
    ) -> None:
        """New bounds; call `maak_haalbaar` to meet them."""
        self.onder, self.boven = list(onder), list(boven)
        self.groep_onder, self.groep_boven = list(groep_onder), list(groep_boven)

    def kan_verliezen(self, host: int) -> bool:
        """Whether `host` and its group may host one session fewer."""
        return (
            self.aantal[host] > self.onder[host]
            and self.groep_aantal[self.groep_van[host]] > self.groep_onder[self.groep_van[host]]
        )

    def kan_krijgen(self, host: int) -> bool:
        """Whether `host` and its group may host one session more."""
        return (
            self.aantal[host] < self.boven[host]
            and self.groep_aantal[self.groep_van[host]] < self.groep_boven[self.groep_van[host]]
        )

    def maak_haalbaar(self) -> bool:
        """Move sessions along augmenting cycles until all bounds hold; False if they cannot."""
        for host in range(self.aantal_hosts):
            groep = self._groepknoop(host)
            while self.aantal[host] > self.boven[host]:
                if not self._volg(host, groep):
                    return False
        for groep in range(self.aantal_groepen):
            while self.groep_aantal[groep] > self.groep_boven[groep]:
                if not self._volg(self.aantal_hosts + groep, self.put):
                    return False
        for host in range(self.aantal_hosts):
            while self.aantal[host] < self.onder[host]:
                if not self._volg(self._groepknoop(host), host):
                    return False
        for groep in range(self.aantal_groepen):
            while self.groep_aantal[groep] < self.groep_onder[groep]:
                if not self._volg(self.put, self.aantal_hosts + groep):
                    return False
        return True

    def geef_groep_een(self, groep: int) -> bool:
        """One session more for `groep`, taken where the bounds allow; False if none can."""
        if self.groep_aantal[groep] >= self.groep_boven[groep]:
            return False
        knoop = self.aantal_hosts + groep
        # The cycle closes with group → sink; its reverse would make it a cycle of nothing.
        return self._volg(self.put, knoop, zonder=(self.put, knoop))

    def neem_groep_een(self, groep: int) -> bool:
        """One session fewer for `groep`, given where the bounds allow; False if none can."""
        if self.groep_aantal[groep] <= self.groep_onder[groep]:
            return False
        knoop = self.aantal_hosts + groep
        return self._volg(knoop, self.put, zonder=(knoop, self.put))

    def _groepknoop(self, host: int) -> int:
        return self.aantal_hosts + self.groep_van[host]

    def _volg(self, van: int, naar: int, zonder: tuple[int, int] | None = None) -> bool:
        """Find a shortest path `van` → `naar` and move its sessions; False if there is none.

        The caller closes the path into a cycle with an edge `naar` → `van`; `zonder` is
        that edge reversed where it can exist, which the path must not take.
        """
        vorige: dict[int, tuple[int, int]] = {van: (van, GEEN)}
        wachtrij = deque([van])
        while wachtrij:
            knoop = wachtrij.popleft()
            for buur, sessie in self._buren(knoop):
                if buur in vorige or (knoop, buur) == zonder:
                    continue
                vorige[buur] = (knoop, sessie)
                if buur == naar:
                    zetten: list[Zet] = []
                    stap = naar
                    while stap != van:
                        terug, verplaatst = vorige[stap]
                        if verplaatst != GEEN:
                            zetten.append((verplaatst, stap))
                        stap = terug
                    for verplaatst, host in zetten:
                        self.verplaats(verplaatst, host)
                    return True
                wachtrij.append(buur)
        return False

    def _buren(self, knoop: int) -> Iterator[tuple[int, int]]:
        """The residual edges out of `knoop`: (next node, session moved or GEEN)."""
        if knoop < self.aantal_hosts:
            for sessie in self.sessies_van[knoop]:
                for ander in self.geschikt[sessie]:
                    if ander != knoop:
                        yield ander, sessie
            if self.aantal[knoop] < self.boven[knoop]:
                yield self._groepknoop(knoop), GEEN
        elif knoop < self.put:
            groep = knoop - self.aantal_hosts
            for lid in self.leden[groep]:
                if self.aantal[lid] > self.onder[lid]:
                    yield lid, GEEN
            if self.groep_aantal[groep] < self.groep_boven[groep]:
                yield self.put, GEEN
        else:
            for groep in range(self.aantal_groepen):
                if self.groep_aantal[groep] > self.groep_onder[groep]:
                    yield self.aantal_hosts + groep, GEEN

    def optimaliseer(self, maximaal_rondes: int = 10_000) -> None:
        """Cancel negative cycles until the assignment is the cheapest within the bounds."""
        if self.kosten is None:
            return
        for _ in range(maximaal_rondes):
            if not self._hef_negatieve_cyclus_op():
                return

    def _hef_negatieve_cyclus_op(self) -> bool:
        """Find a cycle of negative cost (Bellman–Ford) and move its sessions."""
        randen: list[tuple[int, int, int, int]] = []  # (from, to, cost, session or GEEN)
        for knoop in range(self.put + 1):
            for buur, sessie in self._buren(knoop):
                gewicht = 0
                if sessie != GEEN:
                    gewicht = self.kost(sessie, buur) - self.kost(sessie, knoop)
                randen.append((knoop, buur, gewicht, sessie))
        knopen = self.put + 1
        afstand = [0] * knopen
        vorige: list[tuple[int, int]] = [(-1, GEEN)] * knopen
        laatst = -1
        for _ in range(knopen):
            laatst = -1
            for van, naar, gewicht, sessie in randen:
                if afstand[van] + gewicht < afstand[naar]:
                    afstand[naar] = afstand[van] + gewicht
                    vorige[naar] = (van, sessie)
                    laatst = naar
            if laatst < 0:
                return False
        knoop = laatst
        for _ in range(knopen):
            knoop = vorige[knoop][0]
        zetten: list[Zet] = []
        stap = knoop
        while True:
            van, sessie = vorige[stap]
            if sessie != GEEN:
                zetten.append((sessie, stap))
            stap = van
            if stap == knoop:
                break
        for sessie, host in zetten:
            self.verplaats(sessie, host)
        return True
