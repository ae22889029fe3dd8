"""Plan a series of bijeenkomsten from a rhythm or from dates, in one transaction."""

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, select

from app.bijeenkomsten import service
from app.bijeenkomsten.ritme import (
    TIJDZONE,
    Periode,
    RitmeFout,
    Tijdvak,
    plan_data,
    plan_ritme,
)
from app.bijeenkomsten.schemas import BijeenkomstNieuw, Overgeslagen, PlanVerzoek
from app.common.tekst import datum
from app.errors import Conflict, InvalidInput, InvalidParam
from app.models import Bijeenkomst, Netwerk

_PLEKHOUDER = re.compile(r"\{([^{}]*)\}")
PLEKHOUDERS = frozenset({"volgnummer", "nummer", "datum"})
# The request's names for the fields a RitmeFout names.
_VELDNAMEN = {"duur": "duurMinuten"}


@dataclass(frozen=True)
class Planning:
    """What a plan request created and what it skipped."""

    bijeenkomsten: list[Bijeenkomst]
    overgeslagen: list[Overgeslagen]


def _titel(patroon: str, *, volgnummer: int, nummer: int, dag: date) -> str:
    waarden = {"volgnummer": str(volgnummer), "nummer": str(nummer), "datum": datum(dag)}
    return _PLEKHOUDER.sub(lambda m: waarden[m.group(1)], patroon)


def _verzoek_problemen(data: PlanVerzoek) -> list[InvalidParam]:
    problemen: list[InvalidParam] = []
    if (data.regel is None) == (data.data is None):
        problemen.append(
            InvalidParam(
                name="regel",
                code="regel-of-data",
                reason="Geef precies één van beide: een herhaalregel (`regel`) of losse data "
                "(`data`).",
            )
        )
    if data.regel is not None and data.eerste_dag is None:
        problemen.append(
            InvalidParam(
                name="eersteDag",
                code="required",
                reason="Bij een herhaalregel hoort de eerste dag waarop hij geldt.",
            )
        )
    if data.data is not None and (data.aantal is not None or data.tot is not None):
        problemen.append(
            InvalidParam(
                name="aantal" if data.aantal is not None else "tot",
                code="alleen-bij-regel",
                reason="`aantal` en `tot` horen bij een herhaalregel, niet bij losse data.",
            )
        )
    onbekend = sorted(set(_PLEKHOUDER.findall(data.titel)) - PLEKHOUDERS)
    if onbekend:
        namen = ", ".join("{" + naam + "}" for naam in onbekend)
        problemen.append(
            InvalidParam(
                name="titel",
                code="onbekende-plekhouder",
                reason=f"Onbekend in het titelpatroon: {namen}; "
                "gebruik {volgnummer}, {nummer} of {datum}.",
            )
        )
    return problemen


def _tijdvakken(
    data: PlanVerzoek, geblokkeerd: list[date | Periode], *, met_blokkades: bool
) -> list[Tijdvak]:
    hh, mm = data.begintijd.split(":")
    begintijd = time(int(hh), int(mm))
    duur = timedelta(minutes=data.duur_minuten)
    blokkades = geblokkeerd if met_blokkades else []
    if data.regel is not None:
        assert data.eerste_dag is not None
        return plan_ritme(
            data.regel,
            eerste_dag=data.eerste_dag,
            begintijd=begintijd,
            duur=duur,
            tot=data.tot,
            aantal=data.aantal,
            geblokkeerd=blokkades,
        )
    return plan_data(data.data or [], begintijd=begintijd, duur=duur, geblokkeerd=blokkades)


def _overgeslagen_door_blokkade(
    data: PlanVerzoek, geblokkeerd: list[date | Periode], gepland: list[Tijdvak]
) -> list[date]:
    """The rhythm's dates that a block removed (the rhythm once more, without blocks)."""
    zonder = data
    if data.regel is not None and data.aantal is not None:
        # With `aantal` the rhythm has no end of its own: follow it up to the last date planned.
        zonder = data.model_copy(update={"aantal": None, "tot": gepland[-1].datum})
    try:
        alle = _tijdvakken(zonder, geblokkeerd, met_blokkades=False)
    except RitmeFout:
        # Without its blocks the rhythm may run past a limit; the report is then left out.
        return []
    geplande_dagen = {t.datum for t in gepland}
    return [t.datum for t in alle if t.datum not in geplande_dagen]


def plan(netwerk: Netwerk, data: PlanVerzoek, *, session: Session) -> Planning:
    """Create the bijeenkomsten of a rhythm or of dates; on any problem, none (400)."""
    problemen = _verzoek_problemen(data)
    if problemen:
        raise InvalidInput(problemen)
    geblokkeerd: list[date | Periode] = [
        *(date.fromisoformat(d) for d in netwerk.geblokkeerde_data),
        *data.geblokkeerd,
    ]
    try:
        geblokkeerd += [Periode(p.van, p.tot) for p in data.geblokkeerde_perioden]
        tijdvakken = _tijdvakken(data, geblokkeerd, met_blokkades=True)
    except RitmeFout as fout:
        naam = _VELDNAMEN.get(fout.veld, fout.veld)
        if fout.veld == "geblokkeerd" and data.geblokkeerde_perioden:
            naam = "geblokkeerdePerioden"
        raise InvalidInput([InvalidParam(name=naam, code=fout.code, reason=fout.melding)]) from fout
    if not tijdvakken:
        raise InvalidInput(
            [
                InvalidParam(
                    name="regel" if data.regel is not None else "data",
                    code="alles-geblokkeerd",
                    reason="Alle data vallen op geblokkeerde dagen; er valt niets te plannen.",
                )
            ]
        )
    zone = ZoneInfo(TIJDZONE)
    overgeslagen = [
        Overgeslagen(datum=dag, reden="geblokkeerd")
        for dag in _overgeslagen_door_blokkade(data, geblokkeerd, tijdvakken)
    ]
    bezette_dagen = {
        start.astimezone(zone).date()
        for start in session.exec(
            select(Bijeenkomst.start).where(Bijeenkomst.netwerk_id == netwerk.id)
        ).all()
    }
    vrij = [t for t in tijdvakken if t.datum not in bezette_dagen]
    if not vrij:
        raise Conflict("Op elk van deze data heeft het netwerk al een bijeenkomst.")
    overgeslagen += [
        Overgeslagen(datum=t.datum, reden="al-gepland")
        for t in tijdvakken
        if t.datum in bezette_dagen
    ]
    overgeslagen.sort(key=lambda o: o.datum)
    hoogste = session.scalar(
        select(func.max(Bijeenkomst.volgnummer)).where(Bijeenkomst.netwerk_id == netwerk.id)
    )
    titels = [
        _titel(data.titel, volgnummer=(hoogste or 0) + nummer, nummer=nummer, dag=t.datum)
        for nummer, t in enumerate(vrij, start=1)
    ]
    if any(len(titel) > 200 for titel in titels):
        raise InvalidInput(
            [
                InvalidParam(
                    name="titel",
                    code="string_too_long",
                    reason="Met de plekhouders ingevuld wordt de titel langer dan 200 tekens.",
                )
            ]
        )
    bijeenkomsten = [
        service.maak(
            netwerk,
            BijeenkomstNieuw(
                titel=titel,
                start=t.start,
                einde=t.einde,
                volgnummer=(hoogste or 0) + nummer,
                locatie=data.locatie,
                online_link=data.online_link,
                capaciteit=data.capaciteit,
            ),
            session=session,
        )
        for nummer, (t, titel) in enumerate(zip(vrij, titels, strict=True), start=1)
    ]
    return Planning(bijeenkomsten=bijeenkomsten, overgeslagen=overgeslagen)
