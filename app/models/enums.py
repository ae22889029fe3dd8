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


class AanwezigheidStatus(StrEnum):
    AANWEZIG = "aanwezig"
    AFWEZIG = "afwezig"
    # Absent with notice: still a missed bijeenkomst, but the member let the network know.
    AFGEMELD = "afgemeld"


class BijdrageSoort(StrEnum):
    """What a deelnemer did for a bijeenkomst beyond attending it."""

    GASTHEER = "gastheer"
    ORGANISATOR = "organisator"
    PRESENTATOR = "presentator"
    FACILITATOR = "facilitator"


class OpvolgingStatus(StrEnum):
    OPEN = "open"
    IN_BEHANDELING = "in-behandeling"
    AFGEROND = "afgerond"


class AanmeldAntwoord(StrEnum):
    JA = "ja"
    NEE = "nee"
    MISSCHIEN = "misschien"


class Werkvorm(StrEnum):
    LEZING = "lezing"
    INTERVISIE = "intervisie"
    KLEINE_GROEPEN = "kleine-groepen"
    HUISWERK = "huiswerk"
    EXCURSIE = "excursie"
    OVERIG = "overig"


class RoosterWijzigingSoort(StrEnum):
    """Why a bijeenkomst got another host."""

    PLAN = "plan"
    HERPLAN = "herplan"
    RUIL = "ruil"
    HANDMATIG = "handmatig"
