"""HTTP endpoint of /v1/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/draaiboek."""

from app.bijeenkomsten.router import BijeenkomstDep
from app.common import responses
from app.common.router import Router
from app.db import SessionDep
from app.draaiboek import schemas, service

router = Router(
    prefix="/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/draaiboek", tags=["Draaiboek"]
)


@router.get(
    "",
    summary="Draaiboek voor de gastheer opvragen",
    description="De overdracht voor wie de bijeenkomst organiseert, op één plek: de open "
    "leervragen per thema (het meest gevraagde eerst, met wie er iets over kan brengen), wat de "
    "vorige bijeenkomsten behandelden en hoe ze werden gewaardeerd, wie er komt (en wie op de "
    "wachtlijst staat), het huiswerk, en de praktische aanwijzingen van de vorige gastheer.",
    responses=responses.LEES,
)
async def lees(bijeenkomst: BijeenkomstDep, session: SessionDep) -> schemas.Draaiboek:
    return service.draaiboek(bijeenkomst, session=session)
