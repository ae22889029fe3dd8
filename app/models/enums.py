"""The closed value lists of the domain (the API documents them as enums)."""

from enum import StrEnum


class OrganisatieSoort(StrEnum):
    GEMEENTE = "gemeente"
    PROVINCIE = "provincie"
    WATERSCHAP = "waterschap"
    MINISTERIE = "ministerie"
    INSPECTIE = "inspectie"
    UITVOERINGSORGANISATIE = "uitvoeringsorganisatie"
    MAATSCHAPPELIJKE_ORGANISATIE = "maatschappelijke-organisatie"
    KENNISINSTELLING = "kennisinstelling"
    BEDRIJF = "bedrijf"
    OVERIG = "overig"


class NetwerkStatus(StrEnum):
    CONCEPT = "concept"
    ACTIEF = "actief"
    GEPAUZEERD = "gepauzeerd"
    AFGEROND = "afgerond"


class DeelnemerStatus(StrEnum):
    AANGEVRAAGD = "aangevraagd"
    ACTIEF = "actief"
    VERTROKKEN = "vertrokken"


class BijeenkomstStatus(StrEnum):
    GEPLAND = "gepland"
    BEVESTIGD = "bevestigd"
    GEHOUDEN = "gehouden"
    GEANNULEERD = "geannuleerd"


class LeervraagSoort(StrEnum):
    BRENGEN = "brengen"
    HALEN = "halen"


class LeervraagStatus(StrEnum):
    OPEN = "open"
    IN_BEHANDELING = "in-behandeling"
    BEANTWOORD = "beantwoord"
    LOSGELATEN = "losgelaten"


# The four perspectives of article 004; a network may add its own.
STANDAARD_ROLLEN: tuple[str, ...] = (
    "beslisser",
    "organisatieontwikkeling",
    "participatie",
    "jonge-hond",
)
