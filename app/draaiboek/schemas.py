"""API shape of the draaiboek."""

import uuid

from pydantic import Field

from app.aanmeldingen.schemas import Telling
from app.bijdragen.schemas import Bijdrage
from app.bijeenkomsten.schemas import Bijeenkomst
from app.common.schemas import ApiModel, UtcMoment
from app.evaluaties.schemas import Samenvatting
from app.models.enums import LeervraagStatus, Werkvorm


class AgendaRegel(ApiModel):
    """Een onderdeel van een agenda."""

    id: uuid.UUID
    volgorde: int
    werkvorm: Werkvorm
    titel: str
    toelichting: str | None
    duur_minuten: int | None
    leervraag_ids: list[uuid.UUID]


class Komt(ApiModel):
    """Iemand die heeft gereageerd."""

    deelnemer_id: uuid.UUID
    naam: str
    organisatie: str
    vervanger: str | None = Field(description="Naam van de collega die in zijn plaats komt.")
    opmerking: str | None


class Aanmeldingen(ApiModel):
    """Wie er komt."""

    telling: Telling
    komen: list[Komt] = Field(description="`ja` met een plaats.")
    wachtlijst: list[Komt] = Field(description="`ja` zonder plaats, in volgorde.")
    misschien: list[Komt]


class LeervraagKort(ApiModel):
    """Een leervraag, kort."""

    id: uuid.UUID
    deelnemer_id: uuid.UUID
    naam: str = Field(description="Naam van de deelnemer.")
    tekst: str
    status: LeervraagStatus


class ThemaVragen(ApiModel):
    """De open leervragen over één thema."""

    thema: str | None = Field(description="Het thema; leeg voor vragen zonder thema.")
    gevraagd: int = Field(description="Aantal open `halen`-vragen over dit thema.")
    vragen: list[LeervraagKort] = Field(description="Wat deelnemers willen leren.")
    aanbod: list[LeervraagKort] = Field(
        description="Wat deelnemers over dit thema kunnen brengen (`brengen`)."
    )


class VorigeBijeenkomst(ApiModel):
    """Een eerdere bijeenkomst: wat er aan bod kwam en hoe die werd gewaardeerd."""

    id: uuid.UUID
    volgnummer: int
    titel: str
    start: UtcMoment
    gastorganisatie: str | None
    agenda: list[AgendaRegel]
    evaluatie: Samenvatting


class Huiswerk(ApiModel):
    """Huiswerk uit de agenda van deze of de vorige bijeenkomst."""

    bijeenkomst_id: uuid.UUID
    volgnummer: int
    titel: str
    toelichting: str | None


class PraktischeNotities(ApiModel):
    """Wat de vorige gastheer praktisch meegaf."""

    bijeenkomst_id: uuid.UUID
    volgnummer: int
    gastorganisatie: str | None
    tekst: str


class Draaiboek(ApiModel):
    """De overdracht voor de gastheer van een bijeenkomst."""

    bijeenkomst: Bijeenkomst
    gastorganisatie: str | None = Field(description="Naam van de gastorganisatie.")
    bijdragen: list[Bijdrage] = Field(description="Contactpersonen, organisatoren, sprekers.")
    agenda: list[AgendaRegel]
    open_leervragen: list[ThemaVragen] = Field(
        description="Open leervragen per thema, het meest gevraagde thema eerst."
    )
    vorige_bijeenkomsten: list[VorigeBijeenkomst] = Field(
        description="De laatste (hoogstens drie) eerdere bijeenkomsten, de meest recente eerst."
    )
    aanmeldingen: Aanmeldingen
    huiswerk: list[Huiswerk]
    praktische_info_vorige_gastheer: PraktischeNotities | None
