"""One pure function per rule: (snapshot, the network's setting of the rule) → bevindingen.

Each function computes regardless of the rule's weight (so it can be tested on its own);
`beoordeling.bevindingen` skips the rules that are switched off.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from app.common.tekst import aantal, citaat, datum, decimaal, opsomming, procent
from app.leervragen.onderwerp import Onderwerptoets
from app.models.enums import BijeenkomstStatus, DeelnemerStatus, LeervraagSoort, NetwerkStatus
from app.spelregels import catalogus as c
from app.spelregels.bevinding import Bevinding, Niveau
from app.spelregels.catalogus import Spelregel, Spelregels
from app.spelregels.looptijd import Looptijd, dag_van
from app.spelregels.opvolging import (
    afwezigheidsreeksen,
    beschrijf_reeks,
    verdeel_opvolgingen,
    wie,
)
from app.spelregels.snapshot import (
    BijeenkomstSnapshot,
    DeelnemerSnapshot,
    NetwerkSnapshot,
    OrganisatieSnapshot,
)

Regelfunctie = Callable[[NetwerkSnapshot, Spelregel], list[Bevinding]]


def _bevinding(
    regel: Spelregel,
    melding: str,
    *,
    kenmerk: str = "",
    organisaties: Iterable[uuid.UUID] = (),
    deelnemers: Iterable[uuid.UUID] = (),
    bijeenkomsten: Iterable[uuid.UUID] = (),
    leervragen: Iterable[uuid.UUID] = (),
    niveau: Niveau = Niveau.NETWERK,
) -> Bevinding:
    return Bevinding(
        code=regel.code,
        ernst=regel.ernst,
        melding=melding,
        kenmerk=kenmerk,
        niveau=niveau,
        organisatie_ids=tuple(dict.fromkeys(organisaties)),
        deelnemer_ids=tuple(dict.fromkeys(deelnemers)),
        bijeenkomst_ids=tuple(dict.fromkeys(bijeenkomsten)),
        leervraag_ids=tuple(dict.fromkeys(leervragen)),
    )


def _namen(organisaties: Iterable[OrganisatieSnapshot]) -> str:
    return opsomming([o.naam for o in organisaties])


def onderwerp_afgebakend(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """The topic is stated, and short and concrete enough to be sharply bounded."""
    onderwerp = " ".join((snapshot.onderwerp or "").split())
    woorden = len(onderwerp.split())
    minimum, maximum = regel.getal("minimumWoorden"), regel.getal("maximumWoorden")
    if not onderwerp:
        return [
            _bevinding(
                regel,
                "Het netwerk heeft nog geen onderwerp. Kies er één en baken het scherp af: zonder "
                "keuze blijft een netwerk aan de oppervlakte.",
                kenmerk="ontbreekt",
            )
        ]
    if woorden < minimum:
        return [
            _bevinding(
                regel,
                f"Het onderwerp '{onderwerp}' is te vaag ({aantal(woorden, 'woord', 'woorden')}). "
                f"Beschrijf in minstens {minimum} woorden waar het netwerk over gaat, en daarmee "
                "ook waarover niet.",
                kenmerk="te-vaag",
            )
        ]
    if woorden > maximum:
        return [
            _bevinding(
                regel,
                f"Het onderwerp telt {woorden} woorden; houd het bij hoogstens {maximum}, zodat "
                "het scherp afgebakend blijft. Zet de toelichting in de beschrijving.",
                kenmerk="te-breed",
            )
        ]
    return []


def leervragen_bij_onderwerp(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Running leervragen of active deelnemers that carry no thema and miss the onderwerp."""
    toets = Onderwerptoets(snapshot.onderwerp, snapshot.themas)
    if not toets.bepaald:
        return []
    eigenaar_van = snapshot.deelnemer_per_id
    gevonden: list[Bevinding] = []
    for vraag in sorted(
        snapshot.leervragen, key=lambda v: (eigenaar_van[v.deelnemer_id].naam, v.tekst, str(v.id))
    ):
        eigenaar = eigenaar_van[vraag.deelnemer_id]
        if not eigenaar.actief_op(snapshot.peildatum):
            continue
        if not toets.buiten(vraag.tekst, vraag.themas, vraag.status):
            continue
        gevonden.append(
            _bevinding(
                regel,
                f"De {vraag.soort.value}-vraag {citaat(vraag.tekst)} van "
                f"{wie(snapshot, eigenaar)} deelt niets met het onderwerp "
                f"{citaat(snapshot.onderwerp or '')} en draagt geen thema van het netwerk. "
                f"Vraag {eigenaar.naam} of ze hierbij hoort: geef haar een thema, scherp haar "
                "aan, of zoek samen een plek waar ze beter past.",
                kenmerk=str(vraag.id),
                niveau=Niveau.DEELNEMER,
                organisaties=[eigenaar.organisatie_id],
                deelnemers=[eigenaar.id],
                leervragen=[vraag.id],
            )
        )
    return gevonden


def kartrekkers(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Enough kartrekkers, all active deelnemers, from enough different organisations."""
    trekkers = [d for d in snapshot.actieve_deelnemers if d.kartrekker]
    organisatie_ids = list(dict.fromkeys(d.organisatie_id for d in trekkers))
    organisaties = sorted(
        (snapshot.organisatie_per_id[i] for i in organisatie_ids), key=lambda o: o.naam
    )
    minimum_aantal = regel.getal("minimumAantal")
    minimum_organisaties = regel.getal("minimumOrganisaties")
    onderwerpen: dict[str, Any] = {
        "organisaties": [o.id for o in organisaties],
        "deelnemers": [d.id for d in trekkers],
    }
    gevonden: list[Bevinding] = []
    if len(trekkers) < minimum_aantal:
        huidig = (
            "nog geen kartrekker"
            if not trekkers
            else f"{aantal(len(trekkers), 'kartrekker', 'kartrekkers')}: "
            f"{opsomming([wie(snapshot, d) for d in trekkers])}"
        )
        gevonden.append(
            _bevinding(
                regel,
                f"Het netwerk heeft {huidig}. Nodig zijn er minstens {minimum_aantal}, uit het "
                "netwerk zelf. Zij organiseren, ondersteunen de gastheren en houden contact.",
                kenmerk="te-weinig-kartrekkers",
                **onderwerpen,
            )
        )
    if trekkers and len(organisaties) < minimum_organisaties:
        gevonden.append(
            _bevinding(
                regel,
                f"Alle kartrekkers komen uit {_namen(organisaties)}; nodig zijn kartrekkers uit "
                f"minstens {minimum_organisaties} verschillende deelnemende organisaties. Een "
                "netwerk dat door één partij wordt gedragen, laat de anderen achterover leunen.",
                kenmerk="te-weinig-organisaties",
                **onderwerpen,
            )
        )
    return gevonden


def _per_organisatie(snapshot: NetwerkSnapshot) -> dict[uuid.UUID, list[DeelnemerSnapshot]]:
    groepen: dict[uuid.UUID, list[DeelnemerSnapshot]] = defaultdict(list)
    for deelnemer in snapshot.actieve_deelnemers:
        groepen[deelnemer.organisatie_id].append(deelnemer)
    return groepen


def rollen_per_organisatie(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Every participating organisation fills at least `minimumAantal` of the `rollen`."""
    rollen = regel.lijst("rollen")
    minimum = regel.getal("minimumAantal")
    groepen = _per_organisatie(snapshot)
    gevonden: list[Bevinding] = []
    for organisatie in snapshot.deelnemende_organisaties:
        mensen = groepen[organisatie.id]
        ingevuld = {d.rol for d in mensen}
        aanwezig = [r for r in rollen if r in ingevuld]
        if len(aanwezig) >= minimum:
            continue
        ontbrekend = [r for r in rollen if r not in ingevuld]
        gevonden.append(
            _bevinding(
                regel,
                f"{organisatie.naam} vult {len(aanwezig)} van de {len(rollen)} rollen in "
                f"({opsomming(aanwezig) or 'geen'}); nodig zijn er minstens {minimum}. "
                f"Nog niet aan tafel: {opsomming(ontbrekend)}. Vraag de organisatie om collega's "
                "met een ander perspectief.",
                kenmerk=str(organisatie.id),
                niveau=Niveau.ORGANISATIE,
                organisaties=[organisatie.id],
                deelnemers=[d.id for d in mensen],
            )
        )
    return gevonden


def soorten_organisaties(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """More than one kind of organisation takes part."""
    minimum = regel.getal("minimumAantal")
    soorten = sorted({o.soort.value for o in snapshot.deelnemende_organisaties})
    if len(soorten) >= minimum:
        return []
    huidig = (
        "Er doen nog geen organisaties mee"
        if not soorten
        else f"Alle deelnemende organisaties zijn van de soort {opsomming(soorten)}"
        if len(soorten) == 1
        else f"De deelnemende organisaties zijn van {len(soorten)} soorten ({opsomming(soorten)})"
    )
    return [
        _bevinding(
            regel,
            f"{huidig}; nodig zijn minstens {minimum} soorten. Nodig bijvoorbeeld een provincie of "
            "een waterschap uit: zij hebben met dezelfde uitdagingen te maken.",
            kenmerk="te-weinig-soorten",
        )
    ]


def leervragen_opgehaald(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """After N held bijeenkomsten every active deelnemer brings and takes a leervraag."""
    na = regel.getal("naAantalBijeenkomsten")
    gehouden = len(snapshot.gehouden_bijeenkomsten)
    if gehouden < na:
        return []
    na_gehouden = aantal(gehouden, "bijeenkomst", "bijeenkomsten")
    gevonden: list[Bevinding] = []
    for deelnemer in snapshot.actieve_deelnemers:
        soorten = snapshot.leervraagsoorten_per_deelnemer.get(deelnemer.id, frozenset())
        ontbreekt = [
            s.value for s in (LeervraagSoort.BRENGEN, LeervraagSoort.HALEN) if s not in soorten
        ]
        if not ontbreekt:
            continue
        gevonden.append(
            _bevinding(
                regel,
                f"{wie(snapshot, deelnemer)} heeft na {na_gehouden} nog geen leervraag om te "
                f"{' of te '.join(ontbreekt)}. Vraag wat deze deelnemer wil brengen en hoopt "
                "te halen: daarop worden de bijeenkomsten gebouwd.",
                kenmerk=str(deelnemer.id),
                niveau=Niveau.DEELNEMER,
                organisaties=[deelnemer.organisatie_id],
                deelnemers=[deelnemer.id],
            )
        )
    return gevonden


def iedereen_organiseert(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Every participating organisation (co-)organises a bijeenkomst; warns when slots run out."""
    per_bijeenkomst = regel.getal("organisatorenPerBijeenkomst")
    voorbij = snapshot.termijn_voorbij
    gedekt: set[uuid.UUID] = set()
    komend: list[BijeenkomstSnapshot] = []
    ruimte = 0
    for bijeenkomst in snapshot.bijeenkomsten:
        organisatoren = snapshot.organiserende_organisatie_ids(bijeenkomst)
        if bijeenkomst.gehouden:
            gedekt |= organisatoren
        elif bijeenkomst.komend and not voorbij:
            gedekt |= organisatoren
            komend.append(bijeenkomst)
            ruimte += max(0, per_bijeenkomst - len(organisatoren))
    nog_niet = [o for o in snapshot.deelnemende_organisaties if o.id not in gedekt]
    if len(nog_niet) <= ruimte:
        return []
    wie_nog = (
        f"{aantal(len(nog_niet), 'organisatie heeft', 'organisaties hebben')} nog geen "
        f"bijeenkomst georganiseerd of mede-georganiseerd: {_namen(nog_niet)}"
    )
    if voorbij:
        melding = f"De looptijd is voorbij en {wie_nog}."
    elif not komend:
        melding = (
            f"Er zijn geen bijeenkomsten meer gepland, maar {wie_nog}. Plan bijeenkomsten zodat "
            "iedereen een keer aan de beurt komt."
        )
    else:
        geplande = (
            "geplande bijeenkomst biedt"
            if len(komend) == 1
            else f"{len(komend)} geplande bijeenkomsten bieden"
        )
        melding = (
            f"De {geplande} nog plek aan {aantal(ruimte, 'organisator', 'organisatoren')}, "
            f"maar {wie_nog}. Plan extra bijeenkomsten of laat organisaties samen organiseren."
        )
    return [
        _bevinding(
            regel,
            melding,
            kenmerk="niet-iedereen-aan-de-beurt",
            organisaties=[o.id for o in nog_niet],
            bijeenkomsten=[b.id for b in sorted(komend, key=lambda b: b.volgnummer)],
        )
    ]


def is_producent(snapshot: NetwerkSnapshot, deelnemer: DeelnemerSnapshot) -> bool:
    """Whether the deelnemer contributed: a bijdrage to a bijeenkomst, a leervraag to bring, or
    carrying the network as kartrekker."""
    return (
        deelnemer.kartrekker
        or snapshot.bijdragen_per_deelnemer.get(deelnemer.id, 0) > 0
        or LeervraagSoort.BRENGEN
        in snapshot.leervraagsoorten_per_deelnemer.get(deelnemer.id, frozenset())
    )


def geen_consumenten(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Deelnemers who, N held bijeenkomsten after joining, have contributed nothing."""
    na = regel.getal("naAantalBijeenkomsten")
    gehouden = snapshot.gehouden_bijeenkomsten
    gevonden: list[Bevinding] = []
    for deelnemer in snapshot.actieve_deelnemers:
        sinds_instap = sum(1 for b in gehouden if b.dag >= deelnemer.sinds)
        if sinds_instap < na or is_producent(snapshot, deelnemer):
            continue
        gevonden.append(
            _bevinding(
                regel,
                f"{wie(snapshot, deelnemer)} heeft na "
                f"{aantal(sinds_instap, 'bijeenkomst', 'bijeenkomsten')} nog niets bijgedragen: "
                "geen bijeenkomst (mede) georganiseerd, niets gepresenteerd of begeleid en geen "
                "leervraag om te brengen. Vraag wat deze deelnemer kan inbrengen.",
                kenmerk=str(deelnemer.id),
                niveau=Niveau.DEELNEMER,
                organisaties=[deelnemer.organisatie_id],
                deelnemers=[deelnemer.id],
            )
        )
    return gevonden


def afhaken(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Deelnemers who missed N bijeenkomsten in a row, and who will call them."""
    reeksen = afwezigheidsreeksen(snapshot, regel)
    gepland = {o.deelnemer_id: o for o in verdeel_opvolgingen(snapshot, reeksen)}
    lopend = {o.deelnemer_id: o for o in snapshot.opvolgingen if o.lopend}
    gevonden: list[Bevinding] = []
    for reeks in reeksen:
        deelnemer = snapshot.deelnemer_per_id[reeks.deelnemer_id]
        bestaand = lopend.get(deelnemer.id)
        nieuw = gepland.get(deelnemer.id)
        if bestaand is not None:
            beller = snapshot.deelnemer_per_id[bestaand.kartrekker_id]
            vervolg = f"{beller.naam} heeft de opvolging al op de lijst."
        elif nieuw is not None:
            beller = snapshot.deelnemer_per_id[nieuw.kartrekker_id]
            vervolg = f"Nieuwe opvolging voor {beller.naam}: bel om te horen hoe het gaat."
        elif any(
            o.deelnemer_id == deelnemer.id and o.bijeenkomst_id == reeks.eerste_bijeenkomst_id
            for o in snapshot.opvolgingen
        ):
            vervolg = "De opvolging voor deze reeks is al afgerond."
        else:
            vervolg = "Er is geen (andere) kartrekker die kan bellen."
        gevonden.append(
            _bevinding(
                regel,
                f"{beschrijf_reeks(snapshot, reeks)}. {vervolg}",
                kenmerk=f"{deelnemer.id}:{reeks.eerste_bijeenkomst_id}",
                niveau=Niveau.DEELNEMER,
                organisaties=[deelnemer.organisatie_id],
                deelnemers=[deelnemer.id],
                bijeenkomsten=[b.id for b in reeks.gemist],
            )
        )
    return gevonden


def vertrokken_sinds_start(snapshot: NetwerkSnapshot) -> list[DeelnemerSnapshot]:
    """Deelnemers who left between the start and the peildatum.

    A departure without a date counts as one during the term; an active member whose end
    date has passed has left too.
    """
    start = snapshot.startdatum
    if start is None:
        return []
    peildatum = snapshot.peildatum
    return [
        d
        for d in snapshot.deelnemers
        if (
            d.status == DeelnemerStatus.VERTROKKEN
            and (d.tot is None or start <= d.tot <= peildatum)
        )
        or (d.status == DeelnemerStatus.ACTIEF and d.tot is not None and start <= d.tot < peildatum)
    ]


def deelnemers_bij_start(snapshot: NetwerkSnapshot) -> list[DeelnemerSnapshot]:
    """Deelnemers who were members on the start date."""
    start = snapshot.startdatum
    if start is None:
        return []
    return [
        d
        for d in snapshot.deelnemers
        if d.status != DeelnemerStatus.AANGEVRAAGD
        and d.sinds <= start
        and (d.tot is None or d.tot >= start)
    ]


def gestart(snapshot: NetwerkSnapshot) -> bool:
    """Whether the network has started: it left concept and its start date has passed."""
    return (
        snapshot.status != NetwerkStatus.CONCEPT
        and snapshot.startdatum is not None
        and snapshot.peildatum >= snapshot.startdatum
    )


def _bezwaar_tegen_vervanging(
    snapshot: NetwerkSnapshot, vervanger: DeelnemerSnapshot, vervangen: DeelnemerSnapshot
) -> str | None:
    if vervangen.id == vervanger.id:
        return "vervangt zichzelf"
    if vervangen.organisatie_id != vervanger.organisatie_id:
        return f"vervangt {wie(snapshot, vervangen)}, van een andere organisatie"
    if not vervangen.vertrokken():
        return f"vervangt {vervangen.naam}, die nog deelnemer is en niet vertrekt"
    return None


def stabiele_samenstelling(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Churn under a threshold, no organisation whose people keep changing, sound vervangers,
    and requests to join awaiting a kartrekker."""
    gevonden: list[Bevinding] = []
    for deelnemer in snapshot.deelnemers:
        if deelnemer.vervangt is None:
            continue
        vervangen = snapshot.deelnemer_per_id[deelnemer.vervangt]
        bezwaar = _bezwaar_tegen_vervanging(snapshot, deelnemer, vervangen)
        if bezwaar:
            gevonden.append(
                _bevinding(
                    regel,
                    f"{wie(snapshot, deelnemer)} {bezwaar}. Een vervanger neemt de plaats in van "
                    "iemand uit de eigen organisatie die vertrekt.",
                    kenmerk=f"vervanging:{deelnemer.id}",
                    niveau=Niveau.DEELNEMER,
                    organisaties=[deelnemer.organisatie_id],
                    deelnemers=[deelnemer.id, vervangen.id],
                )
            )
    if regel.ja_nee("toetredenMetGoedkeuring"):
        aanvragen = [d for d in snapshot.deelnemers if d.status == DeelnemerStatus.AANGEVRAAGD]
        if aanvragen and snapshot.lopend:
            gevonden.append(
                _bevinding(
                    regel,
                    f"{aantal(len(aanvragen), 'aanvraag wacht', 'aanvragen wachten')} op "
                    "goedkeuring van een kartrekker: "
                    f"{opsomming([wie(snapshot, d) for d in aanvragen])}.",
                    kenmerk="aanvragen",
                    organisaties=sorted({d.organisatie_id for d in aanvragen}, key=str),
                    deelnemers=[d.id for d in aanvragen],
                )
            )
    if not gestart(snapshot):
        return gevonden
    bij_start = deelnemers_bij_start(snapshot)
    vertrokken = vertrokken_sinds_start(snapshot)
    maximaal = regel.decimaal("maximaalVerloop")
    if bij_start and len(vertrokken) / len(bij_start) > maximaal:
        gevonden.append(
            _bevinding(
                regel,
                f"Van de {len(bij_start)} deelnemers bij de start zijn er {len(vertrokken)} "
                f"vertrokken ({procent(len(vertrokken) / len(bij_start))}); de spelregel staat "
                f"hoogstens {procent(maximaal)} toe. Relaties hebben tijd nodig: houd de "
                "samenstelling zo constant mogelijk.",
                kenmerk="verloop",
                deelnemers=[d.id for d in vertrokken],
            )
        )
    per_organisatie: dict[uuid.UUID, list[DeelnemerSnapshot]] = defaultdict(list)
    for deelnemer in vertrokken:
        per_organisatie[deelnemer.organisatie_id].append(deelnemer)
    maximaal_wisselingen = regel.getal("maximaalWisselingenPerOrganisatie")
    for organisatie_id, weg in sorted(
        per_organisatie.items(), key=lambda item: snapshot.organisatie_per_id[item[0]].naam
    ):
        if len(weg) <= maximaal_wisselingen:
            continue
        organisatie = snapshot.organisatie_per_id[organisatie_id]
        gevonden.append(
            _bevinding(
                regel,
                f"Bij {organisatie.naam} vertrokken sinds de start {len(weg)} deelnemers "
                f"({opsomming([d.naam for d in weg])}). Te veel wisselingen in contactpersonen is "
                "funest: vraag de organisatie om vaste gezichten.",
                kenmerk=f"wisselingen:{organisatie_id}",
                niveau=Niveau.ORGANISATIE,
                organisaties=[organisatie_id],
                deelnemers=[d.id for d in weg],
            )
        )
    return gevonden


def toetreden_vraagt_goedkeuring(snapshot: NetwerkSnapshot, spelregels: Spelregels) -> bool:
    """Whether someone joining now waits for a kartrekker's approval (status aangevraagd)."""
    regel = spelregels[c.STABIELE_SAMENSTELLING]
    return snapshot.lopend and regel.actief and regel.ja_nee("toetredenMetGoedkeuring")


def status_nieuwe_deelnemer(snapshot: NetwerkSnapshot, spelregels: Spelregels) -> DeelnemerStatus:
    """The status a new deelnemer gets: aangevraagd in a running network, else actief."""
    if toetreden_vraagt_goedkeuring(snapshot, spelregels):
        return DeelnemerStatus.AANGEVRAAGD
    return DeelnemerStatus.ACTIEF


def omvang(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """No more active deelnemers than the cap (150, Dunbar)."""
    maximum = regel.getal("maximum")
    aantal_actief = len(snapshot.actieve_deelnemers)
    if aantal_actief <= maximum:
        return []
    return [
        _bevinding(
            regel,
            f"Het netwerk heeft {aantal_actief} actieve deelnemers; de grens is {maximum}. Meer "
            "duurzame relaties kan een mens niet onderhouden: daarboven is het een menigte, geen "
            "netwerk. Overweeg een tweede netwerk.",
            kenmerk="te-groot",
        )
    ]


def minimale_omvang(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """At least the minimum number of active deelnemers."""
    minimum = regel.getal("minimum")
    aantal_actief = len(snapshot.actieve_deelnemers)
    if aantal_actief >= minimum:
        return []
    return [
        _bevinding(
            regel,
            f"Het netwerk heeft {aantal(aantal_actief, 'actieve deelnemer', 'actieve deelnemers')};"
            f" nodig zijn er minstens {minimum} om van elkaar te kunnen leren.",
            kenmerk="te-klein",
        )
    ]


def pas_op_de_plaats(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Time to reflect: K bijeenkomsten since the last reflection, or low marks lately."""
    laatste_reflectie = max(snapshot.reflecties, default=None)
    sindsdien = [
        b
        for b in snapshot.gehouden_bijeenkomsten
        if laatste_reflectie is None or b.dag > laatste_reflectie
    ]
    vanaf = (
        "de start"
        if laatste_reflectie is None
        else f"de vorige reflectie ({datum(laatste_reflectie)})"
    )
    gevonden: list[Bevinding] = []
    elke = regel.getal("elkeAantalBijeenkomsten")
    if len(sindsdien) >= elke:
        gevonden.append(
            _bevinding(
                regel,
                f"Er zijn {len(sindsdien)} bijeenkomsten gehouden sinds {vanaf}. Tijd om pas op de "
                "plaats te maken: leren we wel genoeg, en is het nog leuk?",
                kenmerk="ritme",
                bijeenkomsten=[b.id for b in sindsdien],
            )
        )
    cijfers: dict[uuid.UUID, list[tuple[int, int]]] = defaultdict(list)
    for evaluatie in snapshot.evaluaties:
        cijfers[evaluatie.bijeenkomst_id].append((evaluatie.leerwaarde, evaluatie.plezier))
    laatste = [b for b in sindsdien if cijfers[b.id]][-regel.getal("laatsteBijeenkomsten") :]
    # Judge only on a full window: one poor evening is not yet a trend.
    if len(laatste) < regel.getal("laatsteBijeenkomsten"):
        return gevonden
    alle = [paar for b in laatste for paar in cijfers[b.id]]
    welke = "laatste bijeenkomst" if len(laatste) == 1 else f"laatste {len(laatste)} bijeenkomsten"
    for index, naam, parameter, raad in (
        (
            0,
            "leerwaarde",
            "minimumLeerwaarde",
            "Leren we wel genoeg? Uitdagende werkvormen, ander huiswerk of werken in kleine "
            "groepjes kunnen helpen.",
        ),
        (
            1,
            "plezier",
            "minimumPlezier",
            "Bewaak de lol: zonder plezier houd je mensen niet jarenlang betrokken.",
        ),
    ):
        gemiddeld = sum(paar[index] for paar in alle) / len(alle)
        drempel = regel.decimaal(parameter)
        if gemiddeld < drempel:
            gevonden.append(
                _bevinding(
                    regel,
                    f"{'De' if naam == 'leerwaarde' else 'Het'} {naam} in de evaluaties van de "
                    f"{welke} is gemiddeld "
                    f"{decimaal(gemiddeld)} (drempel {decimaal(drempel)}). Maak pas op de plaats. "
                    f"{raad}",
                    kenmerk=naam,
                    bijeenkomsten=[b.id for b in laatste],
                )
            )
    return gevonden


def _bijeenkomstnaam(bijeenkomst: BijeenkomstSnapshot) -> str:
    if bijeenkomst.titel:
        return f"'{bijeenkomst.titel}'"
    return f"bijeenkomst {bijeenkomst.volgnummer}"


def bijeenkomsten_in_looptijd(snapshot: NetwerkSnapshot, regel: Spelregel) -> list[Bevinding]:
    """Bijeenkomsten (not cancelled) before the start or after the planned end."""
    looptijd = Looptijd(
        startdatum=snapshot.startdatum, geplande_einddatum=snapshot.geplande_einddatum
    )
    buiten: list[tuple[BijeenkomstSnapshot, str]] = []
    for bijeenkomst in sorted(snapshot.bijeenkomsten, key=lambda b: (b.start, b.volgnummer)):
        if bijeenkomst.status == BijeenkomstStatus.GEANNULEERD:
            continue
        dag = dag_van(bijeenkomst.start)
        afwijking = looptijd.afwijking(dag)
        if afwijking is not None:
            naam = f"{_bijeenkomstnaam(bijeenkomst)} op {datum(dag)} ({afwijking})"
            buiten.append((bijeenkomst, naam))
    if not buiten:
        return []
    genoemd = [tekst for _, tekst in buiten[:5]]
    if len(buiten) > 5:
        genoemd.append(f"nog {len(buiten) - 5} andere")
    return [
        _bevinding(
            regel,
            f"{aantal(len(buiten), 'bijeenkomst valt', 'bijeenkomsten vallen')} buiten de "
            f"looptijd van het netwerk: {opsomming(genoemd)}. Loopt het netwerk langer door dan "
            "gepland, verleng dan de looptijd; anders verplaats of annuleer de bijeenkomst.",
            kenmerk="buiten-looptijd",
            bijeenkomsten=[b.id for b, _ in buiten],
        )
    ]


REGELS: Mapping[str, Regelfunctie] = MappingProxyType(
    {
        c.ONDERWERP_AFGEBAKEND: onderwerp_afgebakend,
        c.LEERVRAGEN_BIJ_ONDERWERP: leervragen_bij_onderwerp,
        c.KARTREKKERS: kartrekkers,
        c.ROLLEN_PER_ORGANISATIE: rollen_per_organisatie,
        c.SOORTEN_ORGANISATIES: soorten_organisaties,
        c.LEERVRAGEN_OPGEHAALD: leervragen_opgehaald,
        c.IEDEREEN_ORGANISEERT: iedereen_organiseert,
        c.GEEN_CONSUMENTEN: geen_consumenten,
        c.AFHAKEN: afhaken,
        c.STABIELE_SAMENSTELLING: stabiele_samenstelling,
        c.OMVANG: omvang,
        c.MINIMALE_OMVANG: minimale_omvang,
        c.PAS_OP_DE_PLAATS: pas_op_de_plaats,
        c.BIJEENKOMSTEN_IN_LOOPTIJD: bijeenkomsten_in_looptijd,
    }
)
