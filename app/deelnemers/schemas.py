"""API shapes of deelnemers."""

import uuid
from datetime import date

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource
from app.models import Deelnemer as DeelnemerRij
from app.models import Persoon as PersoonRij
from app.models.enums import DeelnemerStatus
from app.netwerken.schemas import Rol


class DeelnemerNieuw(Invoer):
    """Een persoon die aan het netwerk gaat deelnemen."""

    persoon_id: uuid.UUID
    rol: Rol = Field(examples=["beslisser"])
    kartrekker: bool = Field(default=False, description="Trekt deze deelnemer het netwerk?")
    status: DeelnemerStatus = DeelnemerStatus.ACTIEF
    sinds: date | None = Field(default=None, description="Standaard vandaag.")
    tot: date | None = None
    vervangt_id: uuid.UUID | None = Field(
        default=None,
        description="De deelnemer die deze persoon vervangt (een collega die het overneemt); "
        "die vertrekt dan per `sinds`.",
    )


class DeelnemerWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    rol: Rol | None = None
    kartrekker: bool | None = None
    status: DeelnemerStatus | None = None
    sinds: date | None = None
    tot: date | None = None


class PersoonKort(ApiModel):
    """De persoon achter een deelnemer."""

    id: uuid.UUID
    naam: str
    organisatie_id: uuid.UUID


class Deelnemer(Resource):
    """Het lidmaatschap van een persoon in een netwerk, met het perspectief dat hij inbrengt."""

    netwerk_id: uuid.UUID
    persoon: PersoonKort
    rol: str
    kartrekker: bool
    status: DeelnemerStatus
    sinds: date
    tot: date | None
    vervangt_id: uuid.UUID | None

    @classmethod
    def van(cls, deelnemer: DeelnemerRij, persoon: PersoonRij) -> "Deelnemer":
        """The answer for a deelnemer row and its persoon."""
        velden = {name: getattr(deelnemer, name) for name in DeelnemerRij.model_fields}
        return cls.model_validate({**velden, "persoon": PersoonKort.model_validate(persoon)})


class PaginaDeelnemers(Pagina[Deelnemer]):
    """Een pagina deelnemers."""
