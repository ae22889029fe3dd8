"""API shapes of leervragen."""

import uuid
from typing import Annotated

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, Thema, tekst
from app.common.waarschuwingen import MetWaarschuwingen
from app.models.enums import LeervraagSoort, LeervraagStatus

LeervraagTekst = Annotated[str, tekst(2000)]
Themas = Annotated[
    list[Thema], Field(max_length=10, description="Thema's uit de lijst van het netwerk.")
]
Tag = Annotated[str, tekst(40)]
Tags = Annotated[
    list[Tag],
    Field(
        max_length=10,
        description="Vrije tags naast de thema's: elk 1 tot 40 tekens, hoogstens 10; "
        "dubbele (ongeacht hoofdletters) tellen één keer.",
        examples=[["jongerenraad", "wijkbudget"]],
    ),
]


class LeervraagNieuw(Invoer):
    """Wat een deelnemer wil brengen of hoopt te halen."""

    deelnemer_id: uuid.UUID = Field(description="De deelnemer van wie de vraag is.")
    soort: LeervraagSoort
    tekst: LeervraagTekst = Field(
        examples=["Hoe houden we jongeren betrokken bij een participatietraject dat jaren duurt?"]
    )
    themas: Themas = Field(default_factory=list)
    tags: Tags = Field(default_factory=list)
    status: LeervraagStatus = Field(
        default=LeervraagStatus.OPEN, description="Een nieuwe leervraag begint altijd als `open`."
    )


class LeervraagWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    soort: LeervraagSoort | None = None
    tekst: LeervraagTekst | None = None
    themas: Themas | None = None
    tags: Tags | None = None
    status: LeervraagStatus | None = Field(
        default=None,
        description="Van `open` naar `in-behandeling`, dan naar `beantwoord` of `losgelaten`; "
        "een beantwoorde of losgelaten vraag kan weer `open`. Een andere overgang geeft 409.",
    )


class Leervraag(Resource):
    """Een leervraag: `brengen` (wat iemand te bieden heeft) of `halen` (wat iemand wil leren)."""

    netwerk_id: uuid.UUID
    deelnemer_id: uuid.UUID
    soort: LeervraagSoort
    tekst: str
    themas: list[str]
    tags: list[str]
    status: LeervraagStatus


class LeervraagOpgeslagen(Leervraag, MetWaarschuwingen):
    """Een bewaarde leervraag, met wat aandacht vraagt (bijvoorbeeld `buiten-onderwerp`: geen
    thema en niets gemeen met het onderwerp van het netwerk)."""


class PaginaLeervragen(Pagina[Leervraag]):
    """Een pagina leervragen."""


class VoortgangNieuw(Invoer):
    """Wat een bijeenkomst voor een leervraag opleverde, in de woorden van de eigenaar."""

    tekst: LeervraagTekst = Field(
        examples=["Het voorbeeld van de jongerenraad in Emmen geeft me een plan voor onze wijk."]
    )
    bijeenkomst_id: uuid.UUID | None = Field(
        default=None, description="De bijeenkomst waar het om gaat; van hetzelfde netwerk."
    )


class Voortgang(Resource):
    """Een notitie over de voortgang van een leervraag, meestal na een bijeenkomst."""

    netwerk_id: uuid.UUID
    leervraag_id: uuid.UUID
    bijeenkomst_id: uuid.UUID | None
    tekst: str


class PaginaVoortgang(Pagina[Voortgang]):
    """Een pagina voortgangsnotities."""


class OrganisatieKort(ApiModel):
    """Een organisatie, kort."""

    id: uuid.UUID
    naam: str


class DeelnemerKort(ApiModel):
    """Een deelnemer met naam, rol en organisatie, om te laten zien wie kan helpen."""

    id: uuid.UUID = Field(description="Id van de deelnemer.")
    persoon_id: uuid.UUID
    naam: str = Field(description="Naam van de persoon.")
    rol: str
    organisatie: OrganisatieKort


class LeervraagBeknopt(ApiModel):
    """Een leervraag, kort."""

    id: uuid.UUID
    deelnemer_id: uuid.UUID
    soort: LeervraagSoort
    status: LeervraagStatus
    tekst: str


class Match(ApiModel):
    """Een deelnemer die bij een leervraag past, met de uitleg waarom."""

    netwerk_id: uuid.UUID
    leervraag_id: uuid.UUID = Field(description="De leervraag waarvoor gezocht is.")
    deelnemer: DeelnemerKort
    andere_organisatie: bool = Field(
        description="Uit een andere organisatie dan de vraagsteller; die staan vóór collega's."
    )
    score: float = Field(
        ge=0, le=1, description="0 tot 1: hoe goed de beste leervraag van deze deelnemer past."
    )
    passende_leervragen: list[LeervraagBeknopt] = Field(
        description="De leervragen van deze deelnemer die passen, de beste eerst."
    )
    gedeelde_themas: list[str] = Field(description="Thema's en tags die beide vragen dragen.")
    gedeelde_woorden: list[str] = Field(
        description="Woorden uit de beste passende leervraag die overeenkomen, zwaarste eerst."
    )
    uitleg: str = Field(
        examples=[
            "Uit een andere organisatie. Gedeelde thema's: participatie. "
            "Overeenkomende woorden: jongerenraad, burgers (≈ inwoners)."
        ]
    )


class Matches(ApiModel):
    """Wie bij een leervraag past: bij `halen` wie het kan brengen, bij `brengen` wie erom
    vraagt."""

    leervraag_id: uuid.UUID
    soort: LeervraagSoort = Field(description="De soort van de leervraag waarvoor gezocht is.")
    results: list[Match] = Field(
        description="Andere organisaties eerst, dan collega's; binnen elk de beste eerst."
    )


class PersoonMatch(Match):
    """Een match voor een van de eigen halen-vragen van een persoon, in een van zijn netwerken."""

    netwerk_naam: str


class PersoonMatches(ApiModel):
    """Wie kan helpen bij de open halen-vragen van een persoon, over al zijn netwerken."""

    persoon_id: uuid.UUID
    netwerk_ids: list[uuid.UUID] = Field(
        description="De netwerken die zijn doorzocht: waar de persoon actief deelnemer is en "
        "die jij mag zien."
    )
    results: list[PersoonMatch] = Field(
        description="Andere organisaties eerst, dan collega's; binnen elk op score."
    )


class Brenger(ApiModel):
    """Een deelnemer die iets kan brengen bij een agendasuggestie."""

    deelnemer: DeelnemerKort
    score: float = Field(
        ge=0, description="Som over de vragen van de groep van de beste match: breedte en diepte."
    )
    helpt_bij: list[uuid.UUID] = Field(
        description="De halen-vragen van de groep waarbij deze deelnemer helpt, de beste eerst."
    )
    passende_leervragen: list[LeervraagBeknopt] = Field(
        description="De brengen-vragen van deze deelnemer die erbij passen, de beste eerst."
    )
    uitleg: str


class AgendaSuggestie(ApiModel):
    """Verwante open halen-vragen die samen een onderdeel van een bijeenkomst kunnen zijn."""

    leervragen: list[LeervraagBeknopt] = Field(
        description="De halen-vragen, de meest centrale eerst."
    )
    deelnemers: list[DeelnemerKort] = Field(description="Wie deze vragen stelt.")
    themas: list[str] = Field(description="Thema's van minstens de helft van de vragen.")
    kernwoorden: list[str] = Field(description="Woorden die minstens twee vragen delen.")
    samenhang: float = Field(
        ge=0, le=1, description="Gemiddelde gelijkenis (0 tot 1) tussen de vragen."
    )
    brengers: list[Brenger] = Field(description="Wie er iets over kan brengen, de beste eerst.")
    volgende_gastorganisatie: OrganisatieKort | None = Field(
        description="De organisatie die de volgende bijeenkomst (gepland of bevestigd) "
        "ontvangt, om het onderdeel mee voor te bereiden; null als er geen is."
    )


class PaginaAgendaSuggesties(Pagina[AgendaSuggestie]):
    """Een pagina agendasuggesties, de grootste groep eerst."""
