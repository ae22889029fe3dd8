"""API shapes of spelregels, bevindingen, the health of a network and opvolgingen."""

import uuid
from datetime import date
from typing import Annotated, Any

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, UtcMoment, tekst
from app.models.enums import OpvolgingStatus
from app.spelregels.bevinding import Ernst, Niveau


class ParameterUitleg(ApiModel):
    """Een parameter van een spelregel, met de huidige waarde."""

    naam: str
    omschrijving: str
    soort: str = Field(description="`geheel-getal`, `decimaal`, `ja-nee` of `lijst`.")
    waarde: Any
    standaard: Any
    minimum: float | None = None
    maximum: float | None = None


class SpelregelUitleg(ApiModel):
    """Een spelregel zoals dit netwerk hem heeft ingesteld."""

    code: str
    titel: str
    omschrijving: str
    bron: str = Field(description="Waar de regel vandaan komt (het artikel).")
    ernst: Ernst
    standaard_ernst: Ernst
    handhaving: str = Field(
        description="`bij-start`: blokkeert alleen het starten; `altijd`: ook elke wijziging "
        "in een lopend netwerk."
    )
    parameters: list[ParameterUitleg]


class SpelregelWijziging(Invoer):
    """De nieuwe ernst en/of parameters van één regel."""

    ernst: Ernst | None = None
    parameters: dict[str, Any] | None = None


class Bevinding(ApiModel):
    """Wat het toetsen van een regel opleverde, met links naar wie het betreft."""

    code: str = Field(description="De code van de spelregel.")
    ernst: Ernst
    niveau: Niveau = Field(
        description="Over wie het gaat: `netwerk`, `organisatie` of `deelnemer` (dan is de "
        "eerste van `deelnemerIds` de persoon)."
    )
    melding: str
    organisatie_ids: list[uuid.UUID]
    deelnemer_ids: list[uuid.UUID]
    bijeenkomst_ids: list[uuid.UUID]
    leervraag_ids: list[uuid.UUID]


class DeelnemerBevindingen(ApiModel):
    """Alle bevindingen over één persoon bij elkaar."""

    deelnemer_id: uuid.UUID
    naam: str = Field(description="Naam van de persoon.")
    organisatie_id: uuid.UUID
    ernst: Ernst = Field(description="De zwaarste van zijn bevindingen.")
    bevindingen: list[Bevinding] = Field(description="Blokkerende eerst, dan op spelregel.")


class Looptijd(ApiModel):
    """De looptijd van het netwerk, of wat eraan ontbreekt."""

    startdatum: date | None
    geplande_einddatum: date | None
    omschrijving: str = Field(examples=["Van 12 maart 2026 tot en met 1 maart 2028 (23 maanden)."])


class Opkomst(ApiModel):
    """Aanwezigheid bij gehouden bijeenkomsten waarvan de presentie is bijgehouden."""

    verwacht: int
    aanwezig: int
    afgemeld: int
    afwezig: int
    fractie: float | None


class RolDekking(ApiModel):
    organisatie_id: uuid.UUID
    organisatie: str
    aantallen: list[int] = Field(
        description="Aantal actieve deelnemers per rol, in de volgorde van `rollen`."
    )
    ingevulde_rollen: int


class Rollenmatrix(ApiModel):
    """Organisaties × rollen: een matrix die een frontend kan tekenen."""

    rollen: list[str]
    vereist: list[str]
    minimum_aantal: int
    rijen: list[RolDekking]


class DeelnemerOpkomst(ApiModel):
    deelnemer_id: uuid.UUID
    organisatie_id: uuid.UUID
    opkomst: Opkomst


class OrganisatieOpkomst(ApiModel):
    organisatie_id: uuid.UUID
    opkomst: Opkomst


class ProducentenConsumenten(ApiModel):
    """Wie bijdroeg (producenten) en wie alleen kwam halen (consumenten)."""

    producent_ids: list[uuid.UUID]
    consument_ids: list[uuid.UUID]


class OrganisatieWisselingen(ApiModel):
    organisatie_id: uuid.UUID
    vertrokken: int


class Verloop(ApiModel):
    bij_start: int
    vertrokken: int
    ingestroomd: int
    fractie: float | None
    per_organisatie: list[OrganisatieWisselingen]


class Gastschap(ApiModel):
    organisatie_id: uuid.UUID
    gastheer: int
    mede_organisator: int
    gepland: int


class Gastspreiding(ApiModel):
    organisaties: list[Gastschap]
    deelnemende_organisaties: int
    aan_de_beurt_geweest: int


class BijeenkomstCijfers(ApiModel):
    bijeenkomst_id: uuid.UUID
    volgnummer: int
    start: UtcMoment
    verwacht: int
    aanwezig: int
    evaluaties: int
    leerwaarde: float | None
    plezier: float | None


class Leervragenstand(ApiModel):
    """De halen-vragen en hoeveel er beantwoord zijn: het bewijs dat er geleerd is."""

    halen: int
    beantwoord: int
    fractie: float | None


class Gezondheid(ApiModel):
    """Hoe het netwerk ervoor staat: alle bevindingen en de cijfers erachter."""

    bevindingen: list[Bevinding] = Field(
        description="Bevindingen over het netwerk en zijn organisaties: eerst de blokkerende, "
        "dan die over het netwerk, dan die per organisatie."
    )
    bevindingen_per_deelnemer: list[DeelnemerBevindingen] = Field(
        description="Daarna de bevindingen over personen, één regel per persoon: wie een "
        "blokkerende bevinding heeft eerst, dan wie de meeste heeft, dan op naam."
    )
    looptijd: Looptijd
    rollen: Rollenmatrix
    opkomst_per_deelnemer: list[DeelnemerOpkomst]
    opkomst_per_organisatie: list[OrganisatieOpkomst]
    producenten: ProducentenConsumenten
    verloop: Verloop
    gastspreiding: Gastspreiding
    bijeenkomsten: list[BijeenkomstCijfers]
    leervragen: Leervragenstand


class Opvolging(Resource):
    """Een opvolgtaak: een kartrekker belt een deelnemer die afhaakt."""

    netwerk_id: uuid.UUID
    deelnemer_id: uuid.UUID
    kartrekker_id: uuid.UUID = Field(description="De kartrekker (deelnemer-id) die belt.")
    bijeenkomst_id: uuid.UUID | None = Field(description="De eerste gemiste bijeenkomst.")
    reden: str
    status: OpvolgingStatus
    notitie: str | None


class OpvolgingWijziging(Invoer):
    """Voortgang van een opvolging."""

    status: OpvolgingStatus | None = None
    notitie: Annotated[str, tekst(2000)] | None = None
    kartrekker_id: uuid.UUID | None = Field(
        default=None, description="Draag over aan een andere kartrekker."
    )


class PaginaOpvolgingen(Pagina[Opvolging]):
    """Een pagina opvolgingen."""
