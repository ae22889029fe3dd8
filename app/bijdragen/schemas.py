"""API shapes of bijdragen."""

import uuid

from pydantic import Field

from app.common.schemas import ApiModel, Invoer
from app.models.enums import BijdrageSoort


class BijdrageInvoer(Invoer):
    """Wat een deelnemer voor de bijeenkomst doet."""

    deelnemer_id: uuid.UUID
    soort: BijdrageSoort = Field(
        description="`gastheer` (contactpersoon van de gastorganisatie; moet daar werken), "
        "`organisator`, `presentator` of `facilitator`."
    )


class BijdragenInvoer(Invoer):
    """Alle bijdragen aan de bijeenkomst; wat er niet in staat, vervalt."""

    bijdragen: list[BijdrageInvoer] = Field(
        max_length=200,
        examples=[
            [
                {"deelnemerId": "5f0c1f8e-8d5e-4a55-9a3e-1d2b3c4d5e6f", "soort": "gastheer"},
                {"deelnemerId": "0b7d9a52-3c1e-4f7a-8e9d-2a3b4c5d6e7f", "soort": "presentator"},
            ]
        ],
    )


class Bijdrage(ApiModel):
    """Een bijdrage, met naam en organisatie van wie haar levert."""

    deelnemer_id: uuid.UUID
    soort: BijdrageSoort
    naam: str = Field(description="Naam van de deelnemer.")
    organisatie_id: uuid.UUID


class Bijdragen(ApiModel):
    """Wie wat doet voor een bijeenkomst."""

    bijeenkomst_id: uuid.UUID
    gastorganisatie_id: uuid.UUID | None
    bijdragen: list[Bijdrage]
