"""The fair hosting rotation: plan, re-plan, swap and report, as pure functions.

The rules, strongest first:

1. beschikbaarheid: an organisation hosts only bijeenkomsten it takes part in and is not
   verhinderd for (never broken; a bijeenkomst nobody can host stays without host);
2. beurtregel: no organisation hosts again before every participating organisation has had a
   turn (held or confirmed hostings count, whenever they are; one that leaves before the last
   bijeenkomst counts as having had its turn, one that joins waits from then on); where
   availability makes that impossible, it is broken in as few bijeenkomsten as possible;
3. eerlijkheid: the largest deviation from the Fagin–Williams share is as small as possible
   (an organisation whose history alone puts it further off does not loosen it for others);
4. an organisation does not host right before or after its own held or confirmed bijeenkomst
   (two planned ones in a row are avoided by 7);
5. voorkeuren: as many wishes to host a given bijeenkomst honoured as possible;
6. stabiliteit (herplan): as few planned hosts changed as possible;
7. spreiding: no two in a row where avoidable, then the gaps between two hostings of one
   organisation as large as possible (leximin).

1–6 are exact: bounds per organisation from (2, 3) and a min-cost flow for (4–6). 7 is a
local search that never costs anything on 1–6. Held and confirmed hosts never change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic

from app.common.tekst import opsomming
from app.gastrooster.model import (
    BijeenkomstId,
    Eerlijkheidsrapport,
    Gastrooster,
    Knelpunt,
    OrganisatieId,
    RoosterBijeenkomst,
    RoosterFout,
    RoosterOrganisatie,
    Ruil,
    Wijziging,
)
from app.gastrooster.rapport import (
    VERHINDERD,
    beurtregel_schendingen,
    knelpunten,
    onbeschikbaar,
    onbeschikbare_gastheren,
    rapport,
)
from app.gastrooster.spreiding import Spreiding
from app.gastrooster.tijdlijn import VAST, VOORBIJ, Aandelen, Beurten, Tijdlijn, beurten
from app.gastrooster.verdeler import Verdeler
from app.models.enums import BijeenkomstStatus


def plan(
    organisaties: Iterable[RoosterOrganisatie[OrganisatieId]],
    bijeenkomsten: Iterable[RoosterBijeenkomst[BijeenkomstId, OrganisatieId]],
    *,
    nu: datetime | None = None,
) -> Gastrooster[BijeenkomstId, OrganisatieId]:
    """A host for every open bijeenkomst (from `nu` on), as fair and spread as the rules allow."""
    return _plan(Tijdlijn(organisaties, bijeenkomsten, nu), None)


def herplan(
    organisaties: Iterable[RoosterOrganisatie[OrganisatieId]],
    bijeenkomsten: Iterable[RoosterBijeenkomst[BijeenkomstId, OrganisatieId]],
    vorige: Mapping[BijeenkomstId, OrganisatieId | None],
    *,
    nu: datetime | None = None,
) -> Gastrooster[BijeenkomstId, OrganisatieId]:
    """Plan again after a change, keeping as many hosts of `vorige` as the rules allow.

    `vorige` is the previous plan (bijeenkomst → host); held and confirmed bijeenkomsten
    keep their host whatever it says. `wijzigingen` lists the open bijeenkomsten that moved.
    """
    return _plan(Tijdlijn(organisaties, bijeenkomsten, nu), vorige)


def rapporteer(
    organisaties: Iterable[RoosterOrganisatie[OrganisatieId]],
    bijeenkomsten: Iterable[RoosterBijeenkomst[BijeenkomstId, OrganisatieId]],
    toewijzing: Mapping[BijeenkomstId, OrganisatieId | None],
    *,
    nu: datetime | None = None,
) -> Eerlijkheidsrapport[BijeenkomstId, OrganisatieId]:
    """The fairness report of a rotation as it stands (`toewijzing`: hosts of open ones)."""
    tijdlijn = Tijdlijn(organisaties, bijeenkomsten, nu)
    return rapport(tijdlijn, tijdlijn.gasten(toewijzing))


def beoordeel(
    organisaties: Iterable[RoosterOrganisatie[OrganisatieId]],
    bijeenkomsten: Iterable[RoosterBijeenkomst[BijeenkomstId, OrganisatieId]],
    toewijzing: Mapping[BijeenkomstId, OrganisatieId | None],
    *,
    nu: datetime | None = None,
) -> tuple[
    Eerlijkheidsrapport[BijeenkomstId, OrganisatieId],
    tuple[Knelpunt[BijeenkomstId, OrganisatieId], ...],
]:
    """The report of a rotation as it stands, and the coming hosts that cannot host.

    Unlike a plan's knelpunten these claim nothing about what a plan could do better: a host
    that is verhinderd or no longer takes part is a fact, whatever the rest of the rotation.
    """
    tijdlijn = Tijdlijn(organisaties, bijeenkomsten, nu)
    gasten = tijdlijn.gasten(toewijzing)
    return rapport(tijdlijn, gasten), tuple(onbeschikbare_gastheren(tijdlijn, gasten))


def ruil(
    organisaties: Iterable[RoosterOrganisatie[OrganisatieId]],
    bijeenkomsten: Iterable[RoosterBijeenkomst[BijeenkomstId, OrganisatieId]],
    toewijzing: Mapping[BijeenkomstId, OrganisatieId | None],
    eerste: BijeenkomstId,
    tweede: BijeenkomstId,
    *,
    nu: datetime | None = None,
) -> Ruil[BijeenkomstId, OrganisatieId]:
    """Check swapping the hosts of two coming bijeenkomsten, and what the rotation becomes.

    Raises RoosterFout when the swap cannot be meant (unknown, held, the same host).
    A rule it breaks is a blocking bezwaar, which a kartrekker may override.
    """
    tijdlijn = Tijdlijn(organisaties, bijeenkomsten, nu)
    if eerste == tweede:
        raise RoosterFout("tweede", "zelfde", "Een bijeenkomst ruilt niet met zichzelf.")
    posities: list[int] = []
    gasten_ids: list[OrganisatieId] = []
    for veld, bijeenkomst_id in (("eerste", eerste), ("tweede", tweede)):
        positie = tijdlijn.positie.get(bijeenkomst_id)
        if positie is None:
            raise RoosterFout(
                veld, "onbekend", f"Bijeenkomst {bijeenkomst_id} bestaat niet of is geannuleerd."
            )
        bijeenkomst = tijdlijn.bijeenkomsten[positie]
        if tijdlijn.soort[positie] == VOORBIJ or bijeenkomst.status == BijeenkomstStatus.GEHOUDEN:
            raise RoosterFout(
                veld, "gehouden", f"{tijdlijn.label(positie)} is al voorbij en ruilt niet meer."
            )
        gast = (
            bijeenkomst.gastorganisatie
            if tijdlijn.soort[positie] == VAST
            else toewijzing.get(bijeenkomst_id)
        )
        if gast is None:
            raise RoosterFout(
                veld, "geen-gastheer", f"{tijdlijn.label(positie)} heeft geen gastheer."
            )
        posities.append(positie)
        gasten_ids.append(gast)
    if gasten_ids[0] == gasten_ids[1]:
        raise RoosterFout(
            "tweede", "zelfde-gastheer", "Beide bijeenkomsten hebben dezelfde gastheer."
        )
    voor = tijdlijn.gasten(toewijzing)
    na = list(voor)
    na[posities[0]], na[posities[1]] = voor[posities[1]], voor[posities[0]]
    bezwaren: list[Knelpunt[BijeenkomstId, OrganisatieId]] = []
    for positie, gast in ((posities[0], gasten_ids[1]), (posities[1], gasten_ids[0])):
        bezwaren.extend(_bezwaar_beschikbaarheid(tijdlijn, positie, gast))
    eerder = {p for p, _ in beurtregel_schendingen(tijdlijn, voor)}
    for positie, nog in beurtregel_schendingen(tijdlijn, na):
        if positie not in eerder:
            bezwaren.append(
                Knelpunt(
                    code="beurtregel",
                    melding=f"Na de ruil is {tijdlijn.naam(_gast(na, positie))} bij "
                    f"{tijdlijn.label(positie)} opnieuw gastheer, terwijl "
                    f"{opsomming([tijdlijn.naam(p) for p in nog])} nog niet aan de beurt "
                    f"{'was' if len(nog) == 1 else 'waren'}.",
                    bijeenkomsten=(tijdlijn.bijeenkomsten[positie].id,),
                )
            )
    for positie in posities:
        for buur in (positie - 1, positie + 1):
            if 0 <= buur < len(na) and na[buur] is not None and na[buur] == na[positie]:
                if voor[buur] == voor[positie]:
                    continue
                eerst, dan = sorted((positie, buur))
                bezwaren.append(
                    Knelpunt(
                        code="op-rij",
                        melding=f"Na de ruil is {tijdlijn.naam(_gast(na, positie))} twee keer op "
                        f"rij gastheer: {tijdlijn.label(eerst)} en {tijdlijn.label(dan)}.",
                        bijeenkomsten=(
                            tijdlijn.bijeenkomsten[eerst].id,
                            tijdlijn.bijeenkomsten[dan].id,
                        ),
                        blokkeert=False,
                    )
                )
    return Ruil(
        eerste=eerste,
        tweede=tweede,
        eerste_gast=gasten_ids[1],
        tweede_gast=gasten_ids[0],
        toegestaan=not any(bezwaar.blokkeert for bezwaar in bezwaren),
        bezwaren=tuple(bezwaren),
        rapport=rapport(tijdlijn, na),
    )


def _gast(gasten: Sequence[int | None], positie: int) -> int:
    gast = gasten[positie]
    assert gast is not None
    return gast


def _bezwaar_beschikbaarheid(
    tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId], positie: int, gast: OrganisatieId
) -> list[Knelpunt[BijeenkomstId, OrganisatieId]]:
    code = onbeschikbaar(tijdlijn, positie, gast)
    if code is None:
        return []
    waarom = "is verhinderd voor" if code == VERHINDERD else "doet niet mee op"
    return [
        Knelpunt(
            code=code,
            melding=f"{tijdlijn.naam_van(gast)} {waarom} {tijdlijn.label(positie)}.",
            bijeenkomsten=(tijdlijn.bijeenkomsten[positie].id,),
            organisaties=(gast,),
        )
    ]


@dataclass(frozen=True)
class _Gastheer:
    """A host in the flow: an organisation's first turn in a beurtregel block, or the rest."""

    organisatie: int
    eerste_beurt: bool
    verplicht: bool = False  # a first turn it must take (bounds [1, 1] instead of [0, 1])


def _plan(
    tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId],
    vorige: Mapping[BijeenkomstId, OrganisatieId | None] | None,
) -> Gastrooster[BijeenkomstId, OrganisatieId]:
    beurt = beurten(tijdlijn)
    open_ = tijdlijn.open
    gasten = list(tijdlijn.vaste_gast)
    if open_:
        indeling = _Indeling(tijdlijn, beurt, vorige)
        for i, host in enumerate(indeling.los_op()):
            gasten[open_[i]] = indeling.gastheren[host].organisatie
    verslag = rapport(tijdlijn, gasten)
    toewijzing: dict[BijeenkomstId, OrganisatieId | None] = {}
    for positie in [*open_, *tijdlijn.onplanbaar]:
        gast = gasten[positie]
        toewijzing[tijdlijn.bijeenkomsten[positie].id] = (
            None if gast is None else tijdlijn.organisaties[gast].id
        )
    wijzigingen: list[Wijziging[BijeenkomstId, OrganisatieId]] = []
    if vorige is not None:
        for bijeenkomst_id, nieuw in toewijzing.items():
            if bijeenkomst_id in vorige and vorige[bijeenkomst_id] != nieuw:
                wijzigingen.append(Wijziging(bijeenkomst_id, vorige[bijeenkomst_id], nieuw))
    return Gastrooster(
        toewijzing=toewijzing,
        rapport=verslag,
        knelpunten=knelpunten(tijdlijn, gasten, verslag),
        wijzigingen=tuple(wijzigingen),
    )


class _Indeling(Generic[BijeenkomstId, OrganisatieId]):
    """The flow model of one plan: hosts, the sessions each may take, bounds and costs.

    Each organisation that can host an open session is a group, bounded by fairness. Its hosts
    are its first turn in a beurtregel block (if it waits for one) and the rest. In a block
    where every waiting organisation can take a turn, the first turn is required and the
    block's other sessions are open to all. In a block where not all can, the sessions of a
    maximum matching are reserved for first turns, of whichever waiting organisations.
    """

    def __init__(
        self,
        tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId],
        beurt: Beurten,
        vorige: Mapping[BijeenkomstId, OrganisatieId | None] | None,
    ) -> None:
        self.tijdlijn = tijdlijn
        self.aandelen: Aandelen = tijdlijn.aandelen(tijdlijn.vaste_gast)
        aantal_organisaties = tijdlijn.aantal_organisaties
        kan: list[list[int]] = [[] for _ in range(aantal_organisaties)]
        for i, positie in enumerate(tijdlijn.open):
            for plek in tijdlijn.beschikbaar[positie]:
                kan[plek].append(i)
        gereserveerd: set[int] = set()  # sessions only a first turn may take
        eerste_beurt: dict[int, tuple[frozenset[int], bool]] = {}
        for blok in beurt.blokken:
            if blok.volledig:
                for plek in blok.leden:
                    eerste_beurt[plek] = (frozenset(blok.sessies), True)
            else:
                plekken = frozenset(blok.koppeling.values())
                gereserveerd |= plekken
                for plek in blok.leden:
                    eerste_beurt[plek] = (plekken, False)
        self.gastheren: list[_Gastheer] = []
        self.groep: dict[int, int] = {}  # organisation -> its group
        self.geschikt: list[list[int]] = [[] for _ in tijdlijn.open]
        for plek in range(aantal_organisaties):
            if not kan[plek]:
                continue
            self.groep[plek] = len(self.groep)
            if plek in eerste_beurt:
                sessies, verplicht = eerste_beurt[plek]
                self._voeg_toe(
                    _Gastheer(plek, True, verplicht), [i for i in kan[plek] if i in sessies]
                )
            rest = [i for i in kan[plek] if i not in gereserveerd]
            if rest:
                self._voeg_toe(_Gastheer(plek, False), rest)
        self.organisatie_van = list(self.groep)  # group -> organisation
        # Outer limits of each organisation's count; the reachable ones are measured later.
        self.minst = [
            tijdlijn.vast_aantal[plek] + (plek in eerste_beurt and eerste_beurt[plek][1])
            for plek in range(aantal_organisaties)
        ]
        self.meest = [
            tijdlijn.vast_aantal[plek] + len(kan[plek]) for plek in range(aantal_organisaties)
        ]
        # Each organisation's nearest reachable deviation; measured in `los_op`.
        self.onvermijdelijk = [0] * aantal_organisaties
        self.kosten = self._kosten(vorige)

    def _voeg_toe(self, gastheer: _Gastheer, sessies: Sequence[int]) -> None:
        host = len(self.gastheren)
        self.gastheren.append(gastheer)
        for i in sessies:
            self.geschikt[i].append(host)

    def _kosten(
        self, vorige: Mapping[BijeenkomstId, OrganisatieId | None] | None
    ) -> list[dict[int, int]] | None:
        """Costs for rules 4–6, weighted so that each outranks all of the next together."""
        tijdlijn = self.tijdlijn
        aantal = len(tijdlijn.open)
        wijziging = 1
        voorkeur = aantal + 1
        naast_vast = (aantal + 1) * voorkeur
        kosten: list[dict[int, int]] = []
        for i, positie in enumerate(tijdlijn.open):
            bijeenkomst = tijdlijn.bijeenkomsten[positie]
            buren = [
                tijdlijn.vaste_gast[buur]
                for buur in (positie - 1, positie + 1)
                if 0 <= buur < len(tijdlijn.soort) and tijdlijn.soort[buur] == VAST
            ]
            wens = {tijdlijn.index[o] for o in bijeenkomst.voorkeur if o in tijdlijn.index} & set(
                tijdlijn.beschikbaar[positie]
            )
            vorige_gast = None if vorige is None else vorige.get(bijeenkomst.id)
            # A previous host that no longer takes part makes every choice a change (-1).
            vorig = None if vorige_gast is None else tijdlijn.index.get(vorige_gast, -1)
            kost: dict[int, int] = {}
            for host in self.geschikt[i]:
                plek = self.gastheren[host].organisatie
                waarde = naast_vast * buren.count(plek)
                if wens and plek not in wens:
                    waarde += voorkeur
                if vorig is not None and plek != vorig:
                    waarde += wijziging
                if waarde:
                    kost[host] = waarde
            kosten.append(kost)
        return kosten if any(kosten) else None

    def _grenzen(self, afwijking: int) -> tuple[list[int], list[int], list[int], list[int]]:
        """Bounds when no organisation may deviate more than `afwijking` from its share.

        An organisation that cannot get closer (its history, its availability) gets its own
        nearest reachable deviation instead, so that it does not loosen the bound for others.
        """
        eenheid = self.aandelen.eenheid
        ruim = len(self.tijdlijn.open)
        onder = [1 if g.eerste_beurt and g.verplicht else 0 for g in self.gastheren]
        boven = [1 if g.eerste_beurt else ruim for g in self.gastheren]
        groep_onder: list[int] = []
        groep_boven: list[int] = []
        for plek in self.organisatie_van:
            aandeel = self.aandelen.aandeel[plek]
            ruimte = max(afwijking, self.onvermijdelijk[plek])
            minst = max(self.minst[plek], -((ruimte - aandeel) // eenheid))
            meest = min(self.meest[plek], (aandeel + ruimte) // eenheid)
            vast = self.tijdlijn.vast_aantal[plek]
            groep_onder.append(max(0, minst - vast))
            groep_boven.append(meest - vast)
        return onder, boven, groep_onder, groep_boven

    def _afwijkingen(self) -> list[int]:
        """Every deviation some organisation can reach: the candidates for the optimum."""
        gevonden = {0}
        for plek in self.organisatie_van:
            aandeel = self.aandelen.aandeel[plek]
            for k in range(self.minst[plek], self.meest[plek] + 1):
                gevonden.add(abs(k * self.aandelen.eenheid - aandeel))
        return sorted(gevonden)

    def los_op(self) -> list[int]:
        """The host of every open session: fairest first, then cheapest, then best spread."""
        groep_van = [self.groep[g.organisatie] for g in self.gastheren]
        aantal_groepen = len(self.organisatie_van)
        kandidaten = self._afwijkingen()
        verdeler = Verdeler(self.geschikt, groep_van, aantal_groepen, begin=self._begin(None))
        verdeler.zet_grenzen(*self._grenzen(kandidaten[-1]))
        if not verdeler.maak_haalbaar():
            raise AssertionError("the beurtregel blocks were built to be feasible")
        self._meet_onvermijdelijk(verdeler)
        laag, hoog = 0, len(kandidaten) - 1
        while laag < hoog:
            midden = (laag + hoog) // 2
            verdeler.zet_grenzen(*self._grenzen(kandidaten[midden]))
            if verdeler.maak_haalbaar():
                hoog = midden
            else:
                laag = midden + 1
        grenzen = self._grenzen(kandidaten[hoog])
        verdeler = Verdeler(
            self.geschikt, groep_van, aantal_groepen, self.kosten, begin=self._begin(grenzen)
        )
        verdeler.zet_grenzen(*grenzen)
        if not verdeler.maak_haalbaar():
            raise AssertionError("these bounds were feasible a moment ago")
        verdeler.optimaliseer()
        vaste_posities: list[list[int]] = [[] for _ in range(self.tijdlijn.aantal_organisaties)]
        for positie, gast in enumerate(self.tijdlijn.vaste_gast):
            if gast is not None:
                vaste_posities[gast].append(positie)
        Spreiding(
            verdeler,
            positie=self.tijdlijn.open,
            organisatie_van=[gastheer.organisatie for gastheer in self.gastheren],
            vaste_posities=vaste_posities,
        ).verbeter()
        return verdeler.gastheer

    def _meet_onvermijdelijk(self, verdeler: Verdeler) -> None:
        """Find each organisation's nearest reachable deviation under the beurtregel alone.

        The counts one organisation can reach form an interval, so moving its count toward the
        integer nearest its share, one augmenting cycle at a time, either gets there or stops
        at the reachable end closest to it. The assignment stays feasible throughout.
        """
        eenheid = self.aandelen.eenheid
        for groep, plek in enumerate(self.organisatie_van):
            aandeel = self.aandelen.aandeel[plek]
            vast = self.tijdlijn.vast_aantal[plek]
            doel = (2 * aandeel + eenheid) // (2 * eenheid)  # the nearest integer
            while vast + verdeler.groep_aantal[groep] < doel and verdeler.geef_groep_een(groep):
                pass
            while vast + verdeler.groep_aantal[groep] > doel and verdeler.neem_groep_een(groep):
                pass
            telling = vast + verdeler.groep_aantal[groep]
            self.onvermijdelijk[plek] = abs(telling * eenheid - aandeel)

    def _begin(
        self, grenzen: tuple[list[int], list[int], list[int], list[int]] | None
    ) -> list[int]:
        """A first assignment in time order: the largest Fagin–Williams balance hosts.

        That is the classic carpool rule; within bounds it rarely needs repair and its
        hostings are already spread, which gives the local search a good start.
        """
        tijdlijn = self.tijdlijn
        eenheid = self.aandelen.eenheid
        saldo = [0] * tijdlijn.aantal_organisaties
        laatst = [-len(tijdlijn.soort) - 1] * tijdlijn.aantal_organisaties
        aantal = [0] * len(self.gastheren)
        groep_aantal = [0] * len(self.organisatie_van)
        sessie_op = {positie: i for i, positie in enumerate(tijdlijn.open)}
        keuze: list[int] = []
        for positie, soort in enumerate(tijdlijn.soort):
            vaste_gast = tijdlijn.vaste_gast[positie]
            kring = tijdlijn.beschikbaar[positie]
            if soort == VAST and vaste_gast is not None:
                if vaste_gast not in kring:
                    kring = [*kring, vaste_gast]
                for plek in kring:
                    saldo[plek] += eenheid // len(kring)
                saldo[vaste_gast] -= eenheid
                laatst[vaste_gast] = positie
                continue
            i = sessie_op.get(positie)
            if i is None:
                continue
            for plek in kring:
                saldo[plek] += eenheid // len(kring)

            def sleutel(host: int, i: int = i) -> tuple[bool, int, bool, int, int, int]:
                gastheer = self.gastheren[host]
                plek = gastheer.organisatie
                groep = self.groep[plek]
                vol = grenzen is not None and (
                    aantal[host] >= grenzen[1][host] or groep_aantal[groep] >= grenzen[3][groep]
                )
                return (
                    vol,
                    0 if self.kosten is None else self.kosten[i].get(host, 0),
                    not (gastheer.eerste_beurt and aantal[host] == 0),
                    -saldo[plek],
                    laatst[plek],
                    host,
                )

            host = min(self.geschikt[i], key=sleutel)
            keuze.append(host)
            aantal[host] += 1
            plek = self.gastheren[host].organisatie
            groep_aantal[self.groep[plek]] += 1
            saldo[plek] -= eenheid
            laatst[plek] = positie
        return keuze
