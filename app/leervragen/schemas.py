"""API shapes of leervragen."""

import uuid
from typing import Annotated

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import Invoer, Resource, Thema, tekst
from app.models.enums import LeervraagSoort, LeervraagStatus

LeervraagTekst = Annotated[str, tekst(2000)]
Themas = Annotated[
    list[Thema], Field(max_length=10, description="Thema's uit de lijst van het netwerk.")
]


class LeervraagNieuw(Invoer):
    """Wat een deelnemer wil brengen of hoopt te halen."""

    deelnemer_id: uuid.UUID = Field(description="De deelnemer van wie de vraag is.")
    soort: LeervraagSoort
    tekst: LeervraagTekst = Field(
        examples=["Hoe houden we jongeren betrokken bij een participatietraject dat jaren duurt?"]
    )
    themas: Themas = Field(default_factory=list)
    status: LeervraagStatus = LeervraagStatus.OPEN


class LeervraagWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    soort: LeervraagSoort | None = None
    tekst: LeervraagTekst | None = None
    themas: Themas | None = None
    status: LeervraagStatus | None = None


class Leervraag(Resource):
    """Een leervraag: `brengen` (wat iemand te bieden heeft) of `halen` (wat iemand wil leren)."""

    netwerk_id: uuid.UUID
    deelnemer_id: uuid.UUID
    soort: LeervraagSoort
    tekst: str
    themas: list[str]
    status: LeervraagStatus


class PaginaLeervragen(Pagina[Leervraag]):
    """Een pagina leervragen."""
