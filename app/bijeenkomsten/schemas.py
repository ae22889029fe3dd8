"""API shapes of bijeenkomsten."""

import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, UtcMoment, tekst
from app.common.waarschuwingen import MetWaarschuwingen, Waarschuwing
from app.models.enums import BijeenkomstStatus

Link = Annotated[
    str,
    StringConstraints(pattern=r"^https?://\S+$", max_length=500),
    Field(description="Link voor wie online meedoet.", examples=["https://meet.example.nl/abc"]),
]
Moment = Annotated[
    AwareDatetime,
    Field(description="Datum-tijd mét tijdzone, bijvoorbeeld `2027-02-11T13:30:00+01:00`."),
]
Capaciteit = Annotated[
    int,
    Field(
        ge=1,
        le=10_000,
        description="Zoveel plaatsen heeft de locatie; wie daarna `ja` zegt, komt op de "
        "wachtlijst. Meer plaatsen laat de wachtlijst doorschuiven; minder haalt niemand van "
        "zijn plaats. Leeg: geen grens.",
        examples=[25],
    ),
]
PraktischeInfo = Annotated[
    str,
    tekst(2000),
    Field(
        description="Praktische aanwijzingen van de gastheer (parkeren, ingang, lunch); het "
        "draaiboek van de volgende gastheer toont ze.",
        examples=["Parkeren achter het stadhuis; de lunch staat om 12.30 uur klaar."],
    ),
]


class BijeenkomstNieuw(Invoer):
    """Een nieuwe bijeenkomst van het netwerk."""

    titel: Annotated[str, tekst(200)] = Field(examples=["Inwoners aan het roer"])
    start: Moment
    einde: Moment
    volgnummer: int | None = Field(
        default=None, ge=1, le=10_000, description="Standaard het volgende vrije nummer."
    )
    locatie: Annotated[str, tekst(300)] | None = Field(
        default=None, examples=["Stadhuis Assen, Noordersingel 33"]
    )
    online_link: Link | None = None
    gastorganisatie_id: uuid.UUID | None = Field(
        default=None, description="De organisatie die gastheer is; moet deelnemen aan het netwerk."
    )
    status: BijeenkomstStatus = BijeenkomstStatus.GEPLAND
    capaciteit: Capaciteit | None = None
    praktische_info: PraktischeInfo | None = None


class BijeenkomstWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    titel: Annotated[str, tekst(200)] | None = None
    start: Moment | None = None
    einde: Moment | None = None
    volgnummer: int | None = Field(default=None, ge=1, le=10_000)
    locatie: Annotated[str, tekst(300)] | None = None
    online_link: Link | None = None
    gastorganisatie_id: uuid.UUID | None = None
    status: BijeenkomstStatus | None = None
    capaciteit: Capaciteit | None = None
    praktische_info: PraktischeInfo | None = None


class Bijeenkomst(Resource):
    """Een bijeenkomst van een netwerk, georganiseerd door een gastorganisatie."""

    netwerk_id: uuid.UUID
    volgnummer: int
    titel: str
    start: UtcMoment = Field(description="Begin (UTC).")
    einde: UtcMoment = Field(description="Einde (UTC).")
    locatie: str | None
    online_link: str | None
    gastorganisatie_id: uuid.UUID | None
    status: BijeenkomstStatus
    capaciteit: int | None = Field(description="Aantal plaatsen; leeg is geen grens.")
    praktische_info: str | None


class BijeenkomstOpgeslagen(Bijeenkomst, MetWaarschuwingen):
    """Een bewaarde bijeenkomst, met wat aandacht vraagt (bijvoorbeeld `buiten-looptijd`: vóór
    de start of na het geplande einde van het netwerk)."""


class PaginaBijeenkomsten(Pagina[Bijeenkomst]):
    """Een pagina bijeenkomsten."""


Kloktijd = Annotated[
    str,
    StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$"),
    Field(
        description="Plaatselijke kloktijd in Nederland (Europe/Amsterdam), `UU:MM`, zonder "
        "tijdzone: een bijeenkomst om 13:30 blijft 13:30, ook na de overgang naar zomer- of "
        "wintertijd.",
        examples=["13:30"],
    ),
]


class GeblokkeerdePeriode(Invoer):
    """Een periode waarin niets gepland wordt, beide dagen inbegrepen (bijvoorbeeld de zomer)."""

    van: date
    tot: date


class PlanVerzoek(Invoer):
    """Bijeenkomsten plannen volgens een ritme (RRULE) óf op opgegeven data."""

    regel: Annotated[str, tekst(500)] | None = Field(
        default=None,
        description="Herhaalregel volgens RFC 5545, zonder DTSTART (dat is `eersteDag` met "
        "`begintijd`). COUNT en UNTIL werken zoals in RFC 5545: een geblokkeerde dag valt weg "
        "en maakt geen plaats voor een extra bijeenkomst. Geef `regel` óf `data`.",
        examples=["FREQ=WEEKLY;INTERVAL=6;BYDAY=TH;COUNT=8"],
    )
    eerste_dag: date | None = Field(
        default=None,
        description="Vanaf deze dag geldt de regel (verplicht bij `regel`).",
        examples=["2027-01-14"],
    )
    data: list[date] | None = Field(
        default=None,
        max_length=500,
        description="Losse data, in plaats van een regel.",
        examples=[["2027-01-14", "2027-02-25"]],
    )
    begintijd: Kloktijd
    duur_minuten: int = Field(
        ge=1, le=1440, description="Hoe lang elke bijeenkomst duurt.", examples=[180]
    )
    tot: date | None = Field(
        default=None, description="Laatste dag waarop nog een bijeenkomst mag vallen."
    )
    aantal: int | None = Field(
        default=None,
        ge=1,
        le=500,
        description="Zoveel bijeenkomsten plannen (na het overslaan van geblokkeerde data).",
    )
    titel: Annotated[str, tekst(200)] = Field(
        default="Bijeenkomst {volgnummer}",
        description="Patroon voor de titel. `{volgnummer}` is het nummer van de bijeenkomst in "
        "het netwerk, `{nummer}` het nummer binnen deze planning (1, 2, …), `{datum}` de datum "
        "voluit (`14 januari 2027`).",
        examples=["Bijeenkomst {volgnummer}: {datum}"],
    )
    geblokkeerd: list[date] = Field(
        default_factory=list,
        max_length=500,
        description="Extra data waarop niets gepland wordt, naast de geblokkeerde data van het "
        "netwerk zelf.",
    )
    geblokkeerde_perioden: list[GeblokkeerdePeriode] = Field(
        default_factory=list, max_length=100, description="Perioden waarin niets gepland wordt."
    )
    locatie: Annotated[str, tekst(300)] | None = None
    online_link: Link | None = None
    capaciteit: Capaciteit | None = None


class Overgeslagen(ApiModel):
    """Een dag die het ritme opleverde maar die niet is ingepland."""

    datum: date
    reden: Literal["geblokkeerd", "al-gepland"] = Field(
        description="`geblokkeerd`: het netwerk of dit verzoek blokkeert de dag; `al-gepland`: "
        "het netwerk heeft die dag al een bijeenkomst."
    )


class PlanUitkomst(ApiModel):
    """De bijeenkomsten die zijn aangemaakt, en de dagen die zijn overgeslagen."""

    bijeenkomsten: list[Bijeenkomst]
    overgeslagen: list[Overgeslagen]
    waarschuwingen: list[Waarschuwing] = Field(
        description="Per nieuwe bijeenkomst buiten de looptijd van het netwerk een "
        "waarschuwing `buiten-looptijd`; ze zijn wel aangemaakt."
    )
