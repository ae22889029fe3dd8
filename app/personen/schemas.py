"""API shapes of personen."""

import uuid
from typing import Annotated

from pydantic import EmailStr, Field

from app.common.listing import Pagina
from app.common.schemas import Invoer, Resource, tekst


class PersoonNieuw(Invoer):
    """Een nieuwe persoon."""

    naam: Annotated[str, tekst(200)] = Field(examples=["Fenna Hoekstra"])
    email: EmailStr = Field(max_length=254, examples=["f.hoekstra@assen.nl"])
    organisatie_id: uuid.UUID = Field(description="De organisatie waar de persoon werkt.")
    functie: Annotated[str, tekst(200)] | None = Field(default=None, examples=["Beleidsadviseur"])


class PersoonWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    naam: Annotated[str, tekst(200)] | None = None
    email: EmailStr | None = Field(default=None, max_length=254)
    organisatie_id: uuid.UUID | None = None
    functie: Annotated[str, tekst(200)] | None = None


class Persoon(Resource):
    """Een persoon, werkzaam bij een organisatie."""

    naam: str
    email: str
    organisatie_id: uuid.UUID
    functie: str | None


class PaginaPersonen(Pagina[Persoon]):
    """Een pagina personen."""
