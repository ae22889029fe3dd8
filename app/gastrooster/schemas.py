"""API shapes of the gastrooster (hosting rotation)."""

import uuid
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, UtcMoment
from app.models.enums import BijeenkomstStatus, RoosterWijzigingSoort

DECIMALEN = 2


def _afgerond(getal: float) -> float:
    return round(getal, DECIMALEN)


Afgerond = Annotated[float, AfterValidator(_afgerond)]
"""A fairness figure as the API answers it: the algorithms count exactly, people read two
decimals (a share of 2/3 is 0.67)."""


class RoosterRegel(ApiModel):
    """Eén bijeenkomst in het rooster en wie er gastheer is."""

    bijeenkomst_id: uuid.UUID
    volgnummer: int
    titel: str
    start: UtcMoment
    status: BijeenkomstStatus
    gastorganisatie_id: uuid.UUID | None
    vast: bool = Field(description="Gehouden, bevestigd of met de hand gezet: schuift nooit.")
    vastgezet: bool = Field(
        description="Een geplande bijeenkomst waarvan de gastheer met de hand is gezet (door "
        "`_ruil` of een `PATCH` van `gastorganisatieId`). Plannen laat hem staan, tot je hem "
        "losmaakt met `losmaken` in `_plan`."
    )
    opmerking: str | None = Field(description="Waarom hier geen eerlijke keuze mogelijk was.")


class OrganisatieVerdeling(ApiModel):
    """Hoe vaak een organisatie gastheer is, tegen haar eerlijke aandeel."""

    organisatie_id: uuid.UUID
    naam: str | None
    gehouden: int
    bevestigd: int
    gepland: int
    aandeel: Afgerond = Field(
        description="Het eerlijke aandeel (Fagin–Williams), afgerond op twee decimalen.",
        examples=[0.67],
    )
    afwijking: Afgerond = Field(
        description="Hoe vaak zij gastheer is min haar aandeel (positief: vaker dan eerlijk), "
        "afgerond op twee decimalen.",
        examples=[0.33],
    )
    kleinste_tussenruimte: int | None


class Eerlijkheid(ApiModel):
    """Het eerlijkheidsrapport van het hele rooster."""

    max_afwijking: Afgerond = Field(
        description="De grootste afwijking van een organisatie (in absolute waarde), afgerond "
        "op twee decimalen.",
        examples=[0.67],
    )
    kleinste_tussenruimte: int | None
    per_organisatie: list[OrganisatieVerdeling]
    op_rij: list[list[uuid.UUID]] = Field(
        description="Twee bijeenkomsten achter elkaar bij dezelfde gastheer."
    )
    beurtregel_geschonden: list[uuid.UUID] = Field(
        description="Bijeenkomsten waar een organisatie voor de tweede keer gastheer is voordat "
        "iedereen aan de beurt was."
    )


class Knelpunt(ApiModel):
    """Waarom een regel van het rooster niet (helemaal) kon."""

    code: str
    melding: str
    blokkeert: bool
    bijeenkomst_ids: list[uuid.UUID]
    organisatie_ids: list[uuid.UUID]


class Gastrooster(ApiModel):
    """Het gastrooster: per bijeenkomst de gastheer, en hoe eerlijk de verdeling is."""

    bijeenkomsten: list[RoosterRegel]
    eerlijkheid: Eerlijkheid
    knelpunten: list[Knelpunt] = Field(
        description="Wat er nu aan het rooster schort: komende bijeenkomsten waarvan de "
        "gastheer die dag verhinderd is (`verhinderd`, een onbeschikbare datum) of niet meer "
        "meedoet (`geen-deelname`), ook als die gastheer vaststaat. Kies een andere gastheer, "
        "maak een vastgezette los (`losmaken` in `_plan`), of plan opnieuw. Waarom de verdeling "
        "niet eerlijker kan, zegt `_plan`."
    )


class Planresultaat(Gastrooster):
    """Het rooster na plannen: eerlijk, of de best mogelijke poging (met de knelpunten)."""

    eerlijk: bool = Field(
        description="Alle regels van het rooster houden; zo niet, dan is dit "
        "de best mogelijke poging en zeggen de blokkerende knelpunten waarom."
    )
    knelpunten: list[Knelpunt] = Field(
        description="Waarom een regel niet (helemaal) kon: `niemand-beschikbaar`, een "
        "vastgezette of bevestigde gastheer die `verhinderd` is of niet meer meedoet "
        "(`geen-deelname`; plannen verplaatst hem niet), `beurtregel`, `geen-beurt`, "
        "`verdeling` en `op-rij`."
    )
    gewijzigd: list[uuid.UUID] = Field(description="Bijeenkomsten die een andere gastheer kregen.")


class RoosterplanVerzoek(Invoer):
    """Wat er bij het plannen eerst moet gebeuren (de body mag ook weg)."""

    losmaken: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=100,
        description="Geplande bijeenkomsten waarvan de met de hand vastgezette gastheer (door "
        "`_ruil` of een `PATCH` van `gastorganisatieId`) eerst weer los wordt. De planning houdt "
        "hem waar de regels het toelaten, en verplaatst hem waar ze dat niet doen (bijvoorbeeld "
        "op een onbeschikbare datum). Een bijeenkomst die bevestigd, gehouden of geannuleerd is "
        "of niet bestaat, geeft 400 en er verandert niets.",
    )


class RuilVerzoek(Invoer):
    """Twee bijeenkomsten waarvan de gastheren ruilen."""

    eerste_bijeenkomst_id: uuid.UUID
    tweede_bijeenkomst_id: uuid.UUID
    forceer: bool = Field(
        default=False,
        description="Een kartrekker voert de ruil door, ook als een regel bezwaar geeft.",
    )


class Ruilresultaat(Gastrooster):
    """Het rooster na een ruil; de twee geruilde bijeenkomsten staan nu vast."""

    vastgezet: list[uuid.UUID] = Field(
        description="De geruilde bijeenkomsten: hun gastheer staat nu vast, dus plannen laat hem "
        "staan. Maak hem los met `losmaken` in `_plan`."
    )
    melding: str = Field(description="Wat de ruil deed, in woorden voor de kartrekker.")


class Roosterwijziging(Resource):
    """Een wijziging in het rooster: van welke gastheer naar welke, en waarom."""

    bijeenkomst_id: uuid.UUID
    van_organisatie_id: uuid.UUID | None
    naar_organisatie_id: uuid.UUID | None
    soort: RoosterWijzigingSoort
    toelichting: str | None


class PaginaRoosterwijzigingen(Pagina[Roosterwijziging]):
    """Een pagina roosterwijzigingen."""


class OnbeschikbaarheidNieuw(Invoer):
    """Een datum waarop een organisatie geen gastheer kan zijn."""

    organisatie_id: uuid.UUID
    datum: date


class Onbeschikbaarheid(Resource):
    """Een datum waarop een organisatie geen gastheer kan zijn."""

    organisatie_id: uuid.UUID
    datum: date


class PaginaOnbeschikbaarheden(Pagina[Onbeschikbaarheid]):
    """Een pagina onbeschikbaarheden."""
