"""API shapes of calendar feeds."""

import uuid

from pydantic import Field

from app.common.listing import Pagina
from app.common.schemas import Resource


class Kalenderfeed(Resource):
    """Een agenda-abonnement achter een geheim token; het token zelf staat hier niet in."""

    netwerk_id: uuid.UUID | None = Field(description="Bij een feed van een netwerk.")
    persoon_id: uuid.UUID | None = Field(description="Bij een persoonlijke feed.")
    prefix: str = Field(description="Zichtbaar begin van het token, om de feed te herkennen.")
    ingetrokken: bool = Field(description="Een ingetrokken feed geeft 404.")


class KalenderfeedAangemaakt(Kalenderfeed):
    """De nieuwe feed, met het token: bewaar de URL nu, hij wordt nooit meer getoond."""

    token: str = Field(description="Het geheim; wie het heeft, kan de agenda lezen.")
    url: str = Field(
        description="Abonneer hierop in Outlook of een andere agenda (`text/calendar`).",
        examples=["https://kartrekker.example.nl/v1/kalender/kf_1a2b3c4d_q8X…"],
    )


class PaginaKalenderfeeds(Pagina[Kalenderfeed]):
    """Een pagina kalenderfeeds."""
