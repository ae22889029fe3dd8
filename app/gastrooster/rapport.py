"""How fair a rotation is, and why a rule could not hold, in words a kartrekker reads."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from app.common.tekst import decimaal, is_zijn, keer, opsomming
from app.gastrooster.model import (
    BijeenkomstId,
    Eerlijkheidsrapport,
    Knelpunt,
    OrganisatieId,
    Verdeling,
)
from app.gastrooster.tijdlijn import OPEN, VAST, Tijdlijn
from app.models.enums import BijeenkomstStatus

Gasten = Sequence[int | None]  # the host (organisation's place) per position on the time line


def rapport(
    tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId], gasten: Gasten
) -> Eerlijkheidsrapport[BijeenkomstId, OrganisatieId]:
    """The fairness report of the rotation given by `gasten`."""
    aantal_organisaties = tijdlijn.aantal_organisaties
    gehouden = [0] * aantal_organisaties
    bevestigd = [0] * aantal_organisaties
    gepland = [0] * aantal_organisaties
    posities: list[list[int]] = [[] for _ in range(aantal_organisaties)]
    for positie, gast in enumerate(gasten):
        if gast is None:
            continue
        posities[gast].append(positie)
        if tijdlijn.soort[positie] == OPEN:
            gepland[gast] += 1
        elif tijdlijn.bijeenkomsten[positie].status == BijeenkomstStatus.BEVESTIGD:
            bevestigd[gast] += 1
        else:
            gehouden[gast] += 1
    aandelen = tijdlijn.aandelen(gasten)
    verdelingen: list[Verdeling[OrganisatieId]] = []
    for plek, organisatie in enumerate(tijdlijn.organisaties):
        aandeel = aandelen.als_getal(plek)
        totaal = gehouden[plek] + bevestigd[plek] + gepland[plek]
        verdelingen.append(
            Verdeling(
                organisatie=organisatie.id,
                gehouden=gehouden[plek],
                bevestigd=bevestigd[plek],
                gepland=gepland[plek],
                aandeel=aandeel,
                afwijking=totaal - aandeel,
                kleinste_tussenruimte=_kleinste(posities[plek]),
            )
        )
    ruimtes = [v.kleinste_tussenruimte for v in verdelingen if v.kleinste_tussenruimte is not None]
    ids = [b.id for b in tijdlijn.bijeenkomsten]
    return Eerlijkheidsrapport(
        per_organisatie=tuple(verdelingen),
        max_afwijking=max((abs(v.afwijking) for v in verdelingen), default=0.0),
        kleinste_tussenruimte=min(ruimtes, default=None),
        op_rij=tuple((ids[p], ids[p + 1]) for p in _op_rij(gasten)),
        beurtregel_geschonden=tuple(ids[p] for p, _ in beurtregel_schendingen(tijdlijn, gasten)),
    )


def beurtregel_schendingen(
    tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId], gasten: Gasten
) -> list[tuple[int, list[int]]]:
    """Planned sessions hosted by someone other than a waiting organisation taking its turn.

    The organisations of `Tijdlijn.wachtenden` wait until they host. An organisation has had
    its turn once it hosts a held or confirmed bijeenkomst (whenever) or an earlier planned
    one; one that leaves before the last bijeenkomst counts as having had it.
    Returns (position, the organisations still waiting there).
    """
    wachtend = tijdlijn.wachtenden()
    schendingen: list[tuple[int, list[int]]] = []
    for positie in tijdlijn.open:
        gast = gasten[positie]
        if gast is None:
            continue
        start = tijdlijn.bijeenkomsten[positie].start
        nog = sorted(
            plek
            for plek in wachtend
            if plek != gast and tijdlijn.organisaties[plek].doet_mee(start)
        )
        if gast not in wachtend and nog:
            schendingen.append((positie, nog))
        wachtend.discard(gast)
    return schendingen


GEEN_DEELNAME = "geen-deelname"
VERHINDERD = "verhinderd"


def onbeschikbaar(
    tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId], positie: int, gast: OrganisatieId
) -> str | None:
    """Why `gast` cannot host the bijeenkomst at `positie` (a knelpunt code), or None."""
    bijeenkomst = tijdlijn.bijeenkomsten[positie]
    plek = tijdlijn.index.get(gast)
    if plek is None or not tijdlijn.organisaties[plek].doet_mee(bijeenkomst.start):
        return GEEN_DEELNAME
    if gast in bijeenkomst.verhinderd:
        return VERHINDERD
    return None


def onbeschikbare_gastheren(
    tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId], gasten: Gasten
) -> list[Knelpunt[BijeenkomstId, OrganisatieId]]:
    """Coming bijeenkomsten whose host cannot host them (rule 1 broken).

    A plan never does that, but a fixed host can be verhinderd (a date given after a swap or
    a host set by hand), and a tentative host of a rotation as it stands can be too (a date
    given after the last plan).
    """
    gevonden: list[Knelpunt[BijeenkomstId, OrganisatieId]] = []
    for positie, bijeenkomst in enumerate(tijdlijn.bijeenkomsten):
        plek = gasten[positie]
        if tijdlijn.voorbij(positie):
            continue
        if tijdlijn.soort[positie] == VAST and bijeenkomst.gastorganisatie is not None:
            # Also a host the input does not list (its people left): say so, by its id.
            gast = bijeenkomst.gastorganisatie
            wat = "staat vast als"
            advies = "Kies een andere gastheer, of maak hem los en plan opnieuw."
        elif tijdlijn.soort[positie] == OPEN and plek is not None:
            gast = tijdlijn.organisaties[plek].id
            wat, advies = "is voorlopig", "Plan opnieuw."
        else:
            continue
        code = onbeschikbaar(tijdlijn, positie, gast)
        if code is None:
            continue
        reden = "is dan verhinderd" if code == VERHINDERD else "doet dan niet mee"
        gevonden.append(
            Knelpunt(
                code=code,
                melding=f"{tijdlijn.naam_van(gast)} {wat} gastheer van {tijdlijn.label(positie)}, "
                f"maar {reden}. {advies}",
                bijeenkomsten=(bijeenkomst.id,),
                organisaties=(gast,),
            )
        )
    return gevonden


def knelpunten(
    tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId],
    gasten: Gasten,
    verslag: Eerlijkheidsrapport[BijeenkomstId, OrganisatieId],
) -> tuple[Knelpunt[BijeenkomstId, OrganisatieId], ...]:
    """Everything that keeps this plan from being fair, each with its reason."""
    ids = [b.id for b in tijdlijn.bijeenkomsten]
    org_ids = [o.id for o in tijdlijn.organisaties]
    gevonden: list[Knelpunt[BijeenkomstId, OrganisatieId]] = []
    for positie in tijdlijn.onplanbaar:
        start = tijdlijn.bijeenkomsten[positie].start
        deelnemers = [p for p, o in enumerate(tijdlijn.organisaties) if o.doet_mee(start)]
        if deelnemers:
            reden = (
                f"{opsomming([tijdlijn.naam(p) for p in deelnemers])} "
                f"{is_zijn(len(deelnemers))} verhinderd"
            )
        else:
            reden = "er doet dan geen organisatie mee"
        gevonden.append(
            Knelpunt(
                code="niemand-beschikbaar",
                melding=f"Voor {tijdlijn.label(positie)} kan geen organisatie gastheer zijn: "
                f"{reden}.",
                bijeenkomsten=(ids[positie],),
                organisaties=tuple(org_ids[p] for p in deelnemers),
            )
        )
    gevonden.extend(onbeschikbare_gastheren(tijdlijn, gasten))
    for positie, nog in beurtregel_schendingen(tijdlijn, gasten):
        gast = gasten[positie]
        assert gast is not None
        verhinderd = [p for p in nog if p not in tijdlijn.beschikbaar[positie]]
        wel = [p for p in nog if p in tijdlijn.beschikbaar[positie]]
        melding = (
            f"Bij {tijdlijn.label(positie)} is {tijdlijn.naam(gast)} opnieuw gastheer, terwijl "
            f"{_namen(tijdlijn, nog)} nog niet aan de beurt {is_zijn(len(nog))} geweest."
        )
        if verhinderd:
            melding += (
                f" {_namen(tijdlijn, verhinderd)} {is_zijn(len(verhinderd))} "
                "voor deze bijeenkomst verhinderd."
            )
        if wel:
            melding += (
                f" {_namen(tijdlijn, wel)} {'kan' if len(wel) == 1 else 'kunnen'} hier wel, "
                "maar er zijn te weinig bijeenkomsten waarop de organisaties zonder beurt "
                "beschikbaar zijn om ze allemaal eerst te laten ontvangen."
            )
        gevonden.append(
            Knelpunt(
                code="beurtregel",
                melding=melding,
                bijeenkomsten=(ids[positie],),
                organisaties=(org_ids[gast], *(org_ids[p] for p in nog)),
            )
        )
    for plek in sorted(tijdlijn.wachtenden() - set(gasten)):
        gevonden.append(
            Knelpunt(
                code="geen-beurt",
                melding=f"{tijdlijn.naam(plek)} komt in de geplande bijeenkomsten niet aan de "
                "beurt: er zijn minder bijeenkomsten waarop de organisaties zonder beurt kunnen "
                "dan zulke organisaties.",
                organisaties=(org_ids[plek],),
                # Nobody hosts twice before it: no rule is broken, there is just no room.
                blokkeert=False,
            )
        )
    gevonden.extend(_verdeling(tijdlijn, verslag))
    for links, rechts in verslag.op_rij:
        p, q = tijdlijn.positie[links], tijdlijn.positie[rechts]
        if OPEN not in (tijdlijn.soort[p], tijdlijn.soort[q]):
            continue
        gast = gasten[p]
        assert gast is not None
        gevonden.append(
            Knelpunt(
                code="op-rij",
                melding=f"{tijdlijn.naam(gast)} is twee keer op rij gastheer: "
                f"{tijdlijn.label(p)} en {tijdlijn.label(q)}; binnen de andere regels is "
                "geen andere gastheer voor een van beide gevonden.",
                bijeenkomsten=(links, rechts),
                organisaties=(org_ids[gast],),
                blokkeert=False,
            )
        )
    return tuple(gevonden)


def _verdeling(
    tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId],
    verslag: Eerlijkheidsrapport[BijeenkomstId, OrganisatieId],
) -> list[Knelpunt[BijeenkomstId, OrganisatieId]]:
    """Organisations a whole hosting or more away from their share, and why."""
    kan_ergens = {plek for p in tijdlijn.open for plek in tijdlijn.beschikbaar[p]}
    gevonden: list[Knelpunt[BijeenkomstId, OrganisatieId]] = []
    for plek, verdeling in enumerate(verslag.per_organisatie):
        if plek not in kan_ergens or abs(verdeling.afwijking) < 1:
            continue
        vast = verdeling.gehouden + verdeling.bevestigd
        kern = (
            f"{tijdlijn.naam(plek)} is {keer(verdeling.totaal)} gastheer bij een eerlijk aandeel "
            f"van {decimaal(verdeling.aandeel, 2)}"
        )
        if verdeling.afwijking > 0 and vast > verdeling.aandeel:
            reden = (
                f"het was of is al {keer(vast)} gastheer van een gehouden of bevestigde bijeenkomst"
            )
        elif verdeling.afwijking > 0:
            reden = "de anderen zijn te vaak verhinderd om het minder te laten zijn"
        elif verdeling.gepland == sum(plek in tijdlijn.beschikbaar[p] for p in tijdlijn.open):
            reden = "het ontvangt al elke open bijeenkomst waarvoor het beschikbaar is"
        else:
            reden = "de beurtregel en de beschikbaarheid van de anderen laten niet meer toe"
        gevonden.append(
            Knelpunt(
                code="verdeling",
                melding=f"{kern}: {reden}.",
                organisaties=(verdeling.organisatie,),
            )
        )
    return gevonden


def _namen(tijdlijn: Tijdlijn[BijeenkomstId, OrganisatieId], plekken: Sequence[int]) -> str:
    return opsomming([tijdlijn.naam(p) for p in plekken])


def _kleinste(posities: Sequence[int]) -> int | None:
    return min((b - a for a, b in itertools.pairwise(posities)), default=None)


def _op_rij(gasten: Gasten) -> list[int]:
    return [
        p for p in range(len(gasten) - 1) if gasten[p] is not None and gasten[p] == gasten[p + 1]
    ]
