"""API shapes of aanmeldingen."""

import uuid
from typing import Annotated

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, tekst
from app.models.enums import AanmeldAntwoord


class AanmeldingInvoer(Invoer):
    """Komt de deelnemer? `ja`, `nee` of `misschien`, eventueel met een vervanger."""

    antwoord: AanmeldAntwoord = Field(examples=["ja"])
    vervanger_persoon_id: uuid.UUID | None = Field(
        default=None,
        description="Alleen bij `ja`: een collega van dezelfde organisatie komt in plaats van "
        "de deelnemer en neemt diens plaats in. De collega is zelf geen deelnemer van het "
        "netwerk.",
    )
    opmerking: Annotated[str, tekst(500)] | None = Field(
        default=None, examples=["Ik kom iets later, rond 14.00 uur."]
    )


class Aanmelding(Resource):
    """Het antwoord van een deelnemer op de vraag of hij komt."""

    netwerk_id: uuid.UUID
    bijeenkomst_id: uuid.UUID
    deelnemer_id: uuid.UUID
    antwoord: AanmeldAntwoord
    vervanger_persoon_id: uuid.UUID | None
    wachtlijst: bool = Field(
        description="De bijeenkomst was vol: de deelnemer wacht op een plaats. Zegt iemand af, "
        "dan schuift de langst wachtende door."
    )
    wachtlijstpositie: int | None = Field(
        default=None, description="Plaats op de wachtlijst (1 is de eerstvolgende)."
    )
    opmerking: str | None


class Telling(ApiModel):
    """Hoeveel deelnemers wat antwoordden."""

    ja: int = Field(description="`ja` met een plaats (vervangers tellen mee).")
    wachtlijst: int = Field(description="`ja`, maar wachtend op een plaats.")
    misschien: int
    nee: int
    capaciteit: int | None = Field(description="Aantal plaatsen; leeg is geen grens.")
    vrije_plaatsen: int | None = Field(description="Nog vrij; leeg als er geen grens is.")


class PaginaAanmeldingen(Pagina[Aanmelding]):
    """Een pagina aanmeldingen, met de telling over de hele bijeenkomst."""

    telling: Telling
