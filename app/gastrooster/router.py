"""HTTP endpoints of a network's gastrooster: the plan, re-planning, swaps and unavailability."""

import uuid
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import Path, Request, Response, status
from sqlmodel import col, select

from app.auth.aanroeper import GeenToegang
from app.auth.rechten import IngelogdDep
from app.common import responses
from app.common.listing import PagineringDep, pagineer
from app.common.router import Router
from app.common.service import get_in_netwerk_or_404
from app.db import SessionDep
from app.errors import Conflict, InvalidInput, InvalidParam
from app.gastrooster import Eerlijkheidsrapport, Knelpunt, schemas, service
from app.models import Onbeschikbaarheid, Persoon, RoosterWijziging
from app.netwerken.router import NetwerkDep

router = Router(prefix="/netwerken/{netwerkId}", tags=["Gastrooster"])


def _rooster(
    rooster: service.Rooster,
    rapport: Eerlijkheidsrapport[Any, Any],
    knelpunten: Iterable[Knelpunt[Any, Any]],
) -> dict[str, Any]:
    regels = [
        schemas.RoosterRegel(
            bijeenkomst_id=rij.id,
            volgnummer=rij.volgnummer,
            titel=rij.titel,
            start=rij.start,
            status=rij.status,
            gastorganisatie_id=rij.gastorganisatie_id,
            vast=service.is_vast(rij),
            vastgezet=service.is_vastgezet(rij),
            opmerking=rij.rooster_opmerking,
        )
        for rij in sorted(rooster.rijen.values(), key=lambda b: (b.start, b.volgnummer))
    ]
    eerlijkheid = schemas.Eerlijkheid(
        max_afwijking=rapport.max_afwijking,
        kleinste_tussenruimte=rapport.kleinste_tussenruimte,
        per_organisatie=[
            schemas.OrganisatieVerdeling(
                organisatie_id=v.organisatie,
                naam=rooster.namen.get(v.organisatie),
                gehouden=v.gehouden,
                bevestigd=v.bevestigd,
                gepland=v.gepland,
                aandeel=v.aandeel,
                afwijking=v.afwijking,
                kleinste_tussenruimte=v.kleinste_tussenruimte,
            )
            for v in rapport.per_organisatie
        ],
        op_rij=[list(paar) for paar in rapport.op_rij],
        beurtregel_geschonden=list(rapport.beurtregel_geschonden),
    )
    return {
        "bijeenkomsten": regels,
        "eerlijkheid": eerlijkheid,
        "knelpunten": [
            schemas.Knelpunt.model_validate(service.knelpunt_json(k)) for k in knelpunten
        ],
    }


@router.get(
    "/gastrooster",
    summary="Gastrooster van een netwerk",
    description="Per bijeenkomst de gastorganisatie, en een eerlijkheidsrapport: per organisatie "
    "hoe vaak zij gastheer was en is, tegen haar eerlijke aandeel (afgerond op twee decimalen), "
    "en de spreiding. `knelpunten` noemt komende gastheren die die dag verhinderd zijn of niet "
    "meer meedoen, ook vastgezette.",
    responses=responses.LEES,
)
def lees(netwerk: NetwerkDep, session: SessionDep) -> schemas.Gastrooster:
    rooster = service.laad(netwerk, session=session)
    return schemas.Gastrooster(**_rooster(rooster, *service.huidig(rooster)))


@router.post(
    "/gastrooster/_plan",
    summary="Gastrooster plannen",
    description="Geeft elke komende, nog niet bevestigde bijeenkomst een gastheer. Niemand is "
    "twee keer gastheer voordat iedereen aan de beurt was (gehouden bijeenkomsten tellen mee), "
    "onbeschikbare data worden gerespecteerd, en niet twee keer achter elkaar dezelfde als het "
    "anders kan. Bevestigde en gehouden bijeenkomsten schuiven nooit, en van de andere zo min "
    "mogelijk. Kan het niet eerlijk, dan volgt de best mogelijke verdeling met de knelpunten. "
    "Met de hand vastgezette gastheren (`_ruil`, een `PATCH` van `gastorganisatieId`) blijven "
    "staan, tenzij ze in `losmaken` staan; een vastgezette gastheer op een onbeschikbare datum "
    "is een blokkerend knelpunt.",
    responses=responses.ACTIE,
)
def plan(
    netwerk: NetwerkDep, session: SessionDep, data: schemas.RoosterplanVerzoek | None = None
) -> schemas.Planresultaat:
    rooster, uitkomst = service.plan(
        netwerk, losmaken=data.losmaken if data else (), session=session
    )
    return schemas.Planresultaat(
        **_rooster(rooster, uitkomst.rapport, uitkomst.knelpunten),
        eerlijk=uitkomst.eerlijk,
        gewijzigd=[w.bijeenkomst for w in uitkomst.wijzigingen],
    )


@router.post(
    "/gastrooster/_ruil",
    summary="Gastheren ruilen",
    description="Twee organisaties ruilen hun bijeenkomsten. Breekt dat een regel van het "
    "rooster, dan volgt 409 met de bezwaren, tenzij `forceer` (de kartrekker beslist). Na de "
    "ruil staan beide gastheren vast (`vastgezet`): een nieuwe planning laat ze staan, ook als "
    "hun organisatie later een datum onbeschikbaar maakt (dat wordt dan een knelpunt). "
    "`losmaken` in `_plan` maakt ze weer los.",
    responses=responses.ACTIE,
)
def ruil(
    netwerk: NetwerkDep, data: schemas.RuilVerzoek, session: SessionDep
) -> schemas.Ruilresultaat:
    service.wissel(
        netwerk,
        data.eerste_bijeenkomst_id,
        data.tweede_bijeenkomst_id,
        forceer=data.forceer,
        session=session,
    )
    # Loaded again: the swapped bijeenkomsten are now fixed, which changes the report.
    rooster = service.laad(netwerk, session=session)
    geruild = [data.eerste_bijeenkomst_id, data.tweede_bijeenkomst_id]
    titels = " en ".join(rooster.rijen[i].titel for i in geruild)
    return schemas.Ruilresultaat(
        **_rooster(rooster, *service.huidig(rooster)),
        vastgezet=geruild,
        melding=f"De gastheren van {titels} zijn geruild en nu vastgezet: een nieuwe planning "
        "laat ze staan. Maak ze los met `losmaken` in `_plan`.",
    )


@router.get(
    "/gastrooster/wijzigingen",
    summary="Geschiedenis van het gastrooster",
    description="Elke wijziging van een gastheer: plannen, herplannen, ruilen en met de hand.",
    responses=responses.LEES,
)
async def wijzigingen(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
) -> schemas.PaginaRoosterwijzigingen:
    statement = select(RoosterWijziging).where(RoosterWijziging.netwerk_id == netwerk.id)
    order = [col(RoosterWijziging.aangemaakt_op).desc(), col(RoosterWijziging.id).asc()]
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaRoosterwijzigingen(
        results=[schemas.Roosterwijziging.model_validate(r) for r in rows], **page
    )


@router.get(
    "/onbeschikbaarheden",
    summary="Onbeschikbare data",
    description="De data waarop organisaties geen gastheer kunnen zijn.",
    responses=responses.LEES,
)
async def onbeschikbaarheden(
    netwerk: NetwerkDep,
    request: Request,
    response: Response,
    session: SessionDep,
    paging: PagineringDep,
) -> schemas.PaginaOnbeschikbaarheden:
    statement = select(Onbeschikbaarheid).where(Onbeschikbaarheid.netwerk_id == netwerk.id)
    order = [col(Onbeschikbaarheid.datum).asc(), col(Onbeschikbaarheid.id).asc()]
    rows, page = pagineer(
        session, statement, paging=paging, order_by=order, request=request, response=response
    )
    return schemas.PaginaOnbeschikbaarheden(
        results=[schemas.Onbeschikbaarheid.model_validate(r) for r in rows], **page
    )


def _eigen_organisatie(
    aanroeper: Any, netwerk_id: uuid.UUID, organisatie_id: uuid.UUID, session: Any
) -> None:
    """A deelnemer registers unavailability for their own organisation; a kartrekker for any."""
    if aanroeper.trekt(netwerk_id):
        return
    persoon = session.get(Persoon, aanroeper.persoon_id) if aanroeper.persoon_id else None
    if persoon is None or persoon.organisatie_id != organisatie_id:
        raise GeenToegang("Je kunt alleen voor je eigen organisatie een datum opgeven.")


@router.post(
    "/onbeschikbaarheden",
    status_code=status.HTTP_201_CREATED,
    summary="Onbeschikbare datum opgeven",
    description="Een organisatie kan op deze datum geen gastheer zijn; plan daarna opnieuw "
    "(`_plan`) om het rooster erop aan te passen.",
    responses=responses.MAAK_ONDER,
)
async def maak_onbeschikbaarheid(
    netwerk: NetwerkDep,
    data: schemas.OnbeschikbaarheidNieuw,
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> schemas.Onbeschikbaarheid:
    _eigen_organisatie(aanroeper, netwerk.id, data.organisatie_id, session)
    if data.organisatie_id not in {
        o.id for o in service.laad(netwerk, session=session).organisaties
    }:
        raise InvalidInput(
            [
                InvalidParam(
                    name="organisatieId",
                    code="geen-deelnemer",
                    reason="Deze organisatie neemt niet deel aan het netwerk.",
                )
            ]
        )
    bestaand = session.exec(
        select(Onbeschikbaarheid.id).where(
            Onbeschikbaarheid.netwerk_id == netwerk.id,
            Onbeschikbaarheid.organisatie_id == data.organisatie_id,
            Onbeschikbaarheid.datum == data.datum,
        )
    ).first()
    if bestaand is not None:
        raise Conflict("Deze datum staat al als onbeschikbaar voor deze organisatie.")
    rij = Onbeschikbaarheid(netwerk_id=netwerk.id, **data.velden())
    session.add(rij)
    session.flush()
    return schemas.Onbeschikbaarheid.model_validate(rij)


@router.delete(
    "/onbeschikbaarheden/{onbeschikbaarheidId}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Onbeschikbare datum weghalen",
    responses=responses.VERWIJDER,
)
async def verwijder_onbeschikbaarheid(
    netwerk: NetwerkDep,
    onbeschikbaarheid_id: Annotated[
        uuid.UUID, Path(alias="onbeschikbaarheidId", description="Id van de datum.")
    ],
    session: SessionDep,
    aanroeper: IngelogdDep,
) -> None:
    rij = get_in_netwerk_or_404(
        session, Onbeschikbaarheid, onbeschikbaarheid_id, netwerk_id=netwerk.id, naam="datum"
    )
    _eigen_organisatie(aanroeper, netwerk.id, rij.organisatie_id, session)
    session.delete(rij)
    session.flush()
