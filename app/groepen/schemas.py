"""API shapes of werkgroepjes: the request and the groups with their quality."""

import uuid
from typing import Annotated

from pydantic import Field

from app.common.schemas import ApiModel, Invoer
from app.groepen.model import Organisatieregel
from app.leervragen.schemas import DeelnemerKort

Paar = Annotated[list[uuid.UUID], Field(min_length=2, max_length=2)]


class GroepsindelingVerzoek(Invoer):
    """Hoe de groepjes gevormd worden: een groepsgrootte óf een aantal groepen."""

    groepsgrootte: int | None = Field(default=None, ge=1, le=50, examples=[4])
    aantal_groepen: int | None = Field(default=None, ge=1, le=100)
    organisatie: Organisatieregel = Field(
        default=Organisatieregel.VERMIJDEN,
        description="Collega's van één organisatie: `vermijden`, `verbieden` of "
        "`verbieden-waar-mogelijk`.",
    )
    rollen: list[str] = Field(
        default_factory=lambda: ["beslisser", "jonge-hond"],
        max_length=10,
        description="Rollen die in elke groep zitten waar de mensen er zijn.",
    )
    vaste_paren: list[Paar] = Field(default_factory=list, max_length=50)
    verboden_paren: list[Paar] = Field(default_factory=list, max_length=50)
    tijdbudget: float = Field(default=2.0, gt=0, le=30, description="Seconden zoeken, hoogstens.")
    seed: int = Field(
        default=0, ge=0, le=2**31 - 1, description="Zelfde invoer en seed: zelfde antwoord."
    )


LEDEN_BESCHRIJVING = (
    "Wie het zijn, in de volgorde van `deelnemerIds`: naam, rol en organisatie. Wie intussen "
    "geen deelnemer meer is, staat alleen in `deelnemerIds`."
)


class Groepsleden(ApiModel):
    """De mensen van één groepje."""

    deelnemer_ids: list[uuid.UUID]
    leden: list[DeelnemerKort] = Field(description=LEDEN_BESCHRIJVING)


class Groep(Groepsleden):
    """Eén groepje."""

    rollen_aanwezig: list[str]
    rollen_ontbrekend: list[str]


class Herhaling(ApiModel):
    """Twee mensen die elkaar vaker dan eens treffen."""

    deelnemer_ids: list[uuid.UUID]
    leden: list[DeelnemerKort] = Field(description=LEDEN_BESCHRIJVING)
    keer: int


class Score(ApiModel):
    """Lexicografisch, lager is beter."""

    onbalans: int = Field(description="Rondes waarin groepen meer dan één in grootte verschillen.")
    zelfde_organisatie: int = Field(description="Paren collega's in één groep.")
    roltekort: int = Field(description="Ontbrekende rollen die er wel waren.")
    herhalingen: int = Field(description="Ontmoetingen die al eerder plaatsvonden.")


class Kwaliteit(ApiModel):
    """Hoe goed de indeling is, en hoe goed het hoogstens kan (ondergrens)."""

    score: Score
    ondergrens: Score
    optimaal: bool
    herhalingen: list[Herhaling]


class Groepsindeling(ApiModel):
    """De groepjes van één bijeenkomst."""

    bijeenkomst_id: uuid.UUID
    bron: str = Field(description="`plan` (vooraf gepland) of `dag` (op de dag gevormd).")
    seed: int
    groepen: list[Groep]
    kwaliteit: Kwaliteit
    behouden_paren: int = Field(
        default=0, description="Bij opnieuw indelen: paren uit de planning die samen bleven."
    )
    geplande_paren: int = Field(
        default=0, description="Bij opnieuw indelen: paren in de planning, van wie er nu zijn."
    )


class OpgeslagenGroepsindeling(ApiModel):
    """De opgeslagen groepjes van één bijeenkomst."""

    bijeenkomst_id: uuid.UUID
    bron: str = Field(description="`plan` (vooraf gepland) of `dag` (op de dag gevormd).")
    seed: int
    groepen: list[Groepsleden]


class Groepsplanning(ApiModel):
    """De groepjes van alle komende bijeenkomsten, samen gepland."""

    bijeenkomsten: list[Groepsindeling]
    kwaliteit: Kwaliteit
    constructie: str = Field(description="De combinatorische constructie waarmee gestart werd.")
