"""API shapes of subscriptions, deliveries and the event catalogue."""

import uuid
from typing import Annotated

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import ApiModel, Invoer, Resource, UtcMoment, tekst
from app.webhooks.events import AfleverStatus

Sink = Annotated[
    str,
    tekst(500),
    Field(
        description="HTTPS-URL die de events ontvangt (CloudEvents, Standard Webhooks).",
        examples=["https://intranet.assen.example/hooks/kartrekker"],
    ),
]
Types = Annotated[
    list[str],
    Field(
        max_length=50,
        description="Gebeurtenistypen, of een voorvoegsel als `nl.kartrekker.bijeenkomst.*`; "
        "leeg is alles.",
        examples=[["nl.kartrekker.bijeenkomst.*"]],
    ),
]
Filters = Annotated[
    dict[str, str],
    Field(description='Filters, zoals `{"netwerkId": "…"}`.', examples=[{}]),
]


class AbonnementNieuw(Invoer):
    """Een nieuw abonnement op gebeurtenissen (naar de Notificaties API van VNG)."""

    sink: Sink
    types: Types = Field(default_factory=list)
    filters: Filters = Field(default_factory=dict)
    netwerk_id: uuid.UUID | None = Field(
        default=None,
        description="Alleen gebeurtenissen van dit netwerk; verplicht voor een kartrekker.",
    )


class AbonnementWijziging(Invoer):
    """Gedeeltelijke wijziging: alleen de meegestuurde velden veranderen."""

    sink: Sink | None = None
    types: Types | None = None
    filters: Filters | None = None
    actief: bool | None = Field(default=None, description="Zet het abonnement uit of weer aan.")


class Abonnement(Resource):
    """Een abonnement: welke gebeurtenissen naar welke sink gaan."""

    sink: str
    types: list[str]
    filters: dict[str, str]
    netwerk_id: uuid.UUID | None
    actief: bool
    beeindigd_reden: str | None = Field(description="Waarom het niet (meer) actief is.")


class AbonnementMetGeheim(Abonnement):
    """Het abonnement met zijn geheim: alleen nu te zien. Controleer er de handtekening mee."""

    geheim: str = Field(description="Standard Webhooks-geheim (`whsec_…`).")


class PaginaAbonnementen(Pagina[Abonnement]):
    """Een pagina abonnementen."""


class GebeurtenisKort(ApiModel):
    """De gebeurtenis die wordt afgeleverd."""

    id: uuid.UUID
    type: str
    onderwerp: str
    tijd: UtcMoment


class Poging(ApiModel):
    """Eén poging om af te leveren."""

    moment: UtcMoment
    statuscode: int | None
    fout: str | None
    duur_ms: int


class Aflevering(ApiModel):
    """Eén gebeurtenis naar één abonnement: de toestand en elke poging."""

    id: uuid.UUID
    status: AfleverStatus
    pogingen: int
    volgende_poging_op: UtcMoment
    laatste_statuscode: int | None
    afgeleverd_op: UtcMoment | None
    gebeurtenis: GebeurtenisKort
    log: list[Poging] = Field(description="Alle pogingen, oudste eerst.")


class PaginaAfleveringen(Pagina[Aflevering]):
    """Een pagina afleveringen."""


class Gebeurtenistype(ApiModel):
    """Een soort gebeurtenis waarop je kunt abonneren."""

    type: str
    omschrijving: str
