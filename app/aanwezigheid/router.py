"""HTTP endpoints of /v1/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/aanwezigheid."""

from app.aanwezigheid import schemas, service
from app.bijeenkomsten.router import BijeenkomstDep
from app.common import responses
from app.common.router import Router
from app.db import SessionDep
from app.netwerken.router import NetwerkDep
from app.spelregels import service as spelregels_service

router = Router(
    prefix="/netwerken/{netwerkId}/bijeenkomsten/{bijeenkomstId}/aanwezigheid",
    tags=["Aanwezigheid"],
)


@router.get(
    "",
    summary="Presentielijst van een bijeenkomst opvragen",
    description="Wie er was (`aanwezig`), wie niet (`afwezig`) en wie zich had afgemeld "
    "(`afgemeld`), met de telling.",
    responses=responses.LEES,
)
async def lees(bijeenkomst: BijeenkomstDep, session: SessionDep) -> schemas.Aanwezigheid:
    return service.als_schema(bijeenkomst, service.lijst(bijeenkomst, session=session))


@router.put(
    "",
    summary="Presentielijst vastleggen",
    description="Registreer in één keer wie er was. De lijst vervangt de vorige: een deelnemer "
    "die er niet meer in staat, heeft daarna geen registratie. Alleen deelnemers van dit "
    "netwerk (anders 400, en er verandert niets). Een geannuleerde bijeenkomst en een die nog "
    "niet begonnen is geven 409. Een bijeenkomst die nog `gepland` of `bevestigd` was, is "
    "daarna `gehouden`. "
    "Gemiste bijeenkomsten tellen mee in de spelregel over afhaken: wie er te vaak achter "
    "elkaar niet was, krijgt een opvolging (een kartrekker belt).",
    responses=responses.WIJZIG,
)
async def registreer(
    netwerk: NetwerkDep,
    bijeenkomst: BijeenkomstDep,
    data: schemas.AanwezigheidInvoer,
    session: SessionDep,
) -> schemas.Aanwezigheid:
    rijen = service.registreer(bijeenkomst, data, session=session)
    # Whoever now missed enough bijeenkomsten in a row gets a kartrekker's call (afhaken).
    spelregels_service.werk_opvolgingen_bij(netwerk, session=session)
    return service.als_schema(bijeenkomst, rijen)
