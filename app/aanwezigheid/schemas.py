"""API shapes of the attendance register."""

import uuid

from pydantic import Field

from app.common.schemas import ApiModel, Invoer, UtcMoment
from app.models.enums import AanwezigheidStatus, BijeenkomstStatus


class RegistratieInvoer(Invoer):
    """Was deze deelnemer er?"""

    deelnemer_id: uuid.UUID
    status: AanwezigheidStatus = Field(
        description="`aanwezig`, `afwezig`, of `afgemeld` (afwezig maar met bericht)."
    )


class AanwezigheidInvoer(Invoer):
    """De volledige presentielijst: wie er niet in staat, heeft geen registratie."""

    registraties: list[RegistratieInvoer] = Field(
        max_length=1000,
        examples=[
            [
                {"deelnemerId": "5f0c1f8e-8d5e-4a55-9a3e-1d2b3c4d5e6f", "status": "aanwezig"},
                {"deelnemerId": "0b7d9a52-3c1e-4f7a-8e9d-2a3b4c5d6e7f", "status": "afgemeld"},
            ]
        ],
    )


class Registratie(ApiModel):
    """De aanwezigheid van één deelnemer."""

    deelnemer_id: uuid.UUID
    status: AanwezigheidStatus
    gewijzigd_op: UtcMoment


class AanwezigheidTelling(ApiModel):
    """Hoeveel deelnemers er waren, niet waren en zich afmeldden."""

    aanwezig: int
    afwezig: int
    afgemeld: int


class Aanwezigheid(ApiModel):
    """De presentielijst van een bijeenkomst."""

    bijeenkomst_id: uuid.UUID
    bijeenkomst_status: BijeenkomstStatus = Field(
        description="Na het vastleggen `gehouden`: een presentielijst zegt dat de bijeenkomst "
        "plaatsvond, en alleen gehouden bijeenkomsten tellen mee voor afhaken en opvolging."
    )
    registraties: list[Registratie]
    telling: AanwezigheidTelling
