"""HTTP endpoints of /v1/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/bijdragen."""

from app.bijdragen import schemas, service
from app.bijeenkomsten.router import BijeenkomstDep
from app.common import responses
from app.common.router import Router
from app.db import SessionDep

router = Router(
    prefix="/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/bijdragen", tags=["Bijdragen"]
)


@router.get(
    "",
    summary="Bijdragen aan een bijeenkomst opvragen",
    description="Wie contactpersoon van de gastheer is, wie organiseert, presenteert of "
    "faciliteert.",
    responses=responses.LEES,
)
async def lijst(bijeenkomst: BijeenkomstDep, session: SessionDep) -> schemas.Bijdragen:
    return service.lijst(bijeenkomst, session=session)


@router.put(
    "",
    summary="Bijdragen vastleggen",
    description="De lijst vervangt de vorige. Contactpersonen van de gastheer (`gastheer`) zijn "
    "deelnemers die bij de gastorganisatie van de bijeenkomst werken; anders 400 en verandert "
    "er niets. Contactpersonen mogen daarna zelf de bijdragen en de agenda bijwerken.",
    responses=responses.WIJZIG,
)
async def vervang(
    bijeenkomst: BijeenkomstDep, data: schemas.BijdragenInvoer, session: SessionDep
) -> schemas.Bijdragen:
    return service.vervang(bijeenkomst, data, session=session)
