"""GET /v1/status: is the service up and can it reach its database (for health checks)."""

from pydantic import Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.common.router import Router
from app.common.schemas import ApiModel
from app.db import SessionDep
from app.errors import Problem, Unavailable

router = Router(tags=["Status"])


class Status(ApiModel):
    """De toestand van deze installatie."""

    status: str = Field(description="`ok` als de API en de database bereikbaar zijn.")
    database: str = Field(description="`ok`, of `onbereikbaar`.")


@router.get(
    "/status",
    summary="Toestand van de dienst",
    description="Voor health checks van load balancers en containers; vraagt geen authenticatie.",
    responses={503: {"model": Problem, "description": "De database is niet bereikbaar."}},
)
async def status(session: SessionDep) -> Status:
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        raise Unavailable("De database is niet bereikbaar.") from error
    return Status(status="ok", database="ok")
