"""HTTP endpoints of a network's spelregels, health and opvolgingen."""

import uuid
from typing import Annotated, Any

from fastapi import Body, Depends, Path, Query, Request, Response
from sqlmodel import col, select

from app.common import responses
from app.common.listing import PagineringDep, pagineer
from app.common.router import Router
from app.common.service import get_in_netwerk_or_404
from app.common.tekst import opsomming
from app.common.versies import EtagRoute, versie_van
from app.db import SCHRIJVENDE_METHODEN, SessionDep
from app.errors import InvalidInput, InvalidParam
from app.models import Opvolging
from app.models.enums import LeervraagSoort, LeervraagStatus, OpvolgingStatus
from app.netwerken.router import NetwerkDep
from app.spelregels import DEFINITIE_PER_CODE, Ernst, Niveau, Selectie, Spelregels, schemas, service
from app.spelregels.snapshot import NetwerkSnapshot

router = Router(prefix="/netwerken/{netwerkId}", tags=["Spelregels"], route_class=EtagRoute)


def _waarde(waarde: Any) -> Any:
    return list(waarde) if isinstance(waarde, tuple) else waarde


def _uitleg(spelregels: Spelregels) -> list[schemas.SpelregelUitleg]:
    return [
        schemas.SpelregelUitleg(
            code=regel.code,
            titel=regel.definitie.titel,
            omschrijving=regel.definitie.omschrijving,
            bron=regel.definitie.bron,
            ernst=regel.ernst,
            standaard_ernst=regel.definitie.standaard_ernst,
            handhaving=regel.definitie.handhaving.value,
            parameters=[
                schemas.ParameterUitleg(
                    naam=parameter.naam,
                    omschrijving=parameter.omschrijving,
                    soort=parameter.soort,
                    waarde=_waarde(regel.waarden[parameter.naam]),
                    standaard=_waarde(parameter.standaard),
                    minimum=getattr(parameter, "minimum", None),
                    maximum=getattr(parameter, "maximum", None),
                )
                for parameter in regel.definitie.parameters
            ],
        )
        for regel in spelregels
    ]


@router.get(
    "/spelregels",
    summary="Spelregels van een netwerk",
    description="Elke regel met zijn code, uitleg, ernst (`blokkerend`, `waarschuwing`, `uit`) "
    "en parameters; standaard zoals in de praktijk van lerende netwerken.",
    responses=responses.LEES,
)
async def lees_spelregels(netwerk: NetwerkDep) -> list[schemas.SpelregelUitleg]:
    return _uitleg(service.spelregels_van(netwerk))


@router.put(
    "/spelregels",
    summary="Spelregels aanpassen",
    description="Stuur per regelcode de nieuwe `ernst` en/of `parameters`; regels die je niet "
    "noemt blijven zoals ze zijn. Een onbekende code of parameter geeft 400.",
    responses=responses.WIJZIG,
)
async def wijzig_spelregels(
    netwerk: NetwerkDep,
    session: SessionDep,
    wijzigingen: Annotated[
        dict[str, schemas.SpelregelWijziging],
        Body(examples=[{"kartrekkers": {"parameters": {"minimumAantal": 3}}}]),
    ],
) -> list[schemas.SpelregelUitleg]:
    body = {code: w.model_dump(exclude_none=True) for code, w in wijzigingen.items()}
    return _uitleg(service.wijzig_spelregels(netwerk, body, session=session))


def _leervragenstand(snapshot: NetwerkSnapshot) -> schemas.Leervragenstand:
    halen = [v for v in snapshot.leervragen if v.soort == LeervraagSoort.HALEN]
    beantwoord = sum(1 for v in halen if v.status == LeervraagStatus.BEANTWOORD)
    return schemas.Leervragenstand(
        halen=len(halen), beantwoord=beantwoord, fractie=beantwoord / len(halen) if halen else None
    )


def _selectie(codes: list[str], ernst: Ernst | None, niveau: Niveau | None) -> Selectie:
    """The bevindingen asked for; 400 naming the rule codes that do not exist."""
    onbekend = [f"'{c}'" for c in dict.fromkeys(codes) if c not in DEFINITIE_PER_CODE]
    if onbekend:
        bekend = ", ".join(DEFINITIE_PER_CODE)
        raise InvalidInput(
            [
                InvalidParam(
                    name="code",
                    code="onbekende-spelregel",
                    reason=f"Er is geen spelregel {opsomming(onbekend)}; kies uit: {bekend}.",
                )
            ]
        )
    return Selectie(codes=frozenset(codes), ernst=ernst, niveau=niveau)


@router.get(
    "/gezondheid",
    summary="Gezondheid van een netwerk",
    description="Alle bevindingen van de spelregels en de cijfers erachter: rollen per "
    "organisatie, opkomst per deelnemer en organisatie, producenten en consumenten, verloop, "
    "spreiding van het gastheerschap, leerwaarde en plezier per bijeenkomst, hoeveel "
    "halen-vragen zijn beantwoord, en de looptijd. De zwaarste bevindingen staan vooraan: "
    "`bevindingen` geeft eerst de blokkerende, dan die over het hele netwerk, dan die per "
    "organisatie; `bevindingenPerDeelnemer` geeft daarna één regel per persoon met al zijn "
    "bevindingen (wie een blokkerende heeft eerst, dan wie de meeste heeft). Filter met "
    "`code` (de spelregel, te herhalen), `ernst` en `niveau`; de cijfers blijven gelijk. Een "
    "vast aantal databasevragen, hoe groot het netwerk ook is.",
    responses=responses.LEES,
)
def gezondheid(
    netwerk: NetwerkDep,
    session: SessionDep,
    code: Annotated[
        list[str],
        Query(
            max_length=len(DEFINITIE_PER_CODE),
            description="Alleen bevindingen van deze spelregel(s); herhaal voor meer.",
            json_schema_extra={"items": {"type": "string", "enum": list(DEFINITIE_PER_CODE)}},
        ),
    ] = [],  # noqa: B006 -- FastAPI copies a default; a list query cannot default to None here
    ernst: Annotated[Ernst | None, Query(description="Alleen bevindingen van deze ernst.")] = None,
    niveau: Annotated[
        Niveau | None,
        Query(
            description="Alleen bevindingen over het `netwerk`, een `organisatie` of een "
            "`deelnemer`."
        ),
    ] = None,
) -> schemas.Gezondheid:
    figuren, snapshot = service.gezondheid_van(
        netwerk, session=session, selectie=_selectie(code, ernst, niveau)
    )
    return schemas.Gezondheid.model_validate(
        {
            **{name: getattr(figuren, name) for name in type(figuren).__dataclass_fields__},
            "leervragen": _leervragenstand(snapshot),
        }
    )


async def opvolging_uit_pad(
    request: Request,
    netwerk: NetwerkDep,
    opvolging_id: Annotated[
        uuid.UUID, Path(alias="opvolgingId", description="Id van de opvolging.")
    ],
    session: SessionDep,
) -> Opvolging:
    """Dependency: the opvolging of the path's netwerk, or 404."""
    return get_in_netwerk_or_404(
        session,
        Opvolging,
        opvolging_id,
        netwerk_id=netwerk.id,
        naam="opvolging",
        for_update=request.method in SCHRIJVENDE_METHODEN,
    )


OpvolgingDep = Annotated[Opvolging, Depends(opvolging_uit_pad)]


@router.get(
    "/opvolgingen",
    summary="Opvolgingen van een netwerk",
    description="Wie een kartrekker moet bellen omdat hij afhaakt; openstaande eerst.",
    responses=responses.LEES,
)
async def opvolgingen(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
    status: Annotated[OpvolgingStatus | None, Query(description="Alleen deze status.")] = None,
    kartrekker_id: Annotated[
        uuid.UUID | None, Query(alias="kartrekkerId", description="Alleen voor deze kartrekker.")
    ] = None,
) -> schemas.PaginaOpvolgingen:
    statement = select(Opvolging).where(Opvolging.netwerk_id == netwerk.id)
    if status is not None:
        statement = statement.where(Opvolging.status == status)
    if kartrekker_id is not None:
        statement = statement.where(Opvolging.kartrekker_id == kartrekker_id)
    order: list[Any] = [
        col(Opvolging.status).desc(),
        col(Opvolging.aangemaakt_op).asc(),
        col(Opvolging.id).asc(),
    ]
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaOpvolgingen(
        results=[schemas.Opvolging.model_validate(r) for r in rows], **page
    )


@router.post(
    "/opvolgingen/_bijwerken",
    summary="Opvolgingen bijwerken",
    description="Maakt de opvolgingen aan die de regel `afhaken` nu vraagt (dit gebeurt ook "
    "vanzelf na het registreren van aanwezigheid). Geeft de nieuwe terug.",
    responses=responses.ACTIE,
)
def werk_bij(netwerk: NetwerkDep, session: SessionDep) -> list[schemas.Opvolging]:
    nieuw = service.werk_opvolgingen_bij(netwerk, session=session)
    return [schemas.Opvolging.model_validate(o) for o in nieuw]


@router.patch(
    "/opvolgingen/{opvolgingId}",
    dependencies=[versie_van(opvolging_uit_pad)],
    summary="Opvolging bijwerken",
    description="Status (`open`, `in-behandeling`, `afgerond`), een notitie van het gesprek, of "
    "een andere kartrekker. Een afgeronde opvolging komt voor dezelfde afwezigheid niet terug.",
    responses=responses.WIJZIG,
)
async def wijzig_opvolging(
    netwerk: NetwerkDep,
    opvolging: OpvolgingDep,
    data: schemas.OpvolgingWijziging,
    session: SessionDep,
) -> schemas.Opvolging:
    return schemas.Opvolging.model_validate(
        service.wijzig_opvolging(
            netwerk, opvolging, data.velden(alleen_gezet=True), session=session
        )
    )
