"""ETags and If-Match: two kartrekkers editing the same thing never lose an update silently."""

import hashlib
import json
import uuid
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request, Response
from fastapi.routing import APIRoute
from pydantic import TypeAdapter

from app.common.schemas import UtcMoment
from app.errors import AppError

_MOMENT = TypeAdapter(UtcMoment)


class VersieVerouderd(AppError):
    status = 412
    code = "versie-verouderd"
    title = "De resource is intussen gewijzigd."


def etag(resource_id: uuid.UUID | str, gewijzigd_op: datetime | str) -> str:
    """The strong ETag of a resource version: its id and last change, hashed."""
    moment = (
        gewijzigd_op
        if isinstance(gewijzigd_op, str)
        else _MOMENT.dump_python(gewijzigd_op, mode="json")
    )
    digest = hashlib.sha256(f"{resource_id}|{moment}".encode()).hexdigest()[:24]
    return f'"{digest}"'


IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="De ETag van de versie die je wijzigt; is die verouderd, dan volgt 412.",
    ),
]


def controleer_if_match(
    if_match: str | None, resource_id: uuid.UUID, gewijzigd_op: datetime
) -> None:
    """412 when the client's If-Match names another version than the current one."""
    if if_match is None:
        return
    tags = {tag.strip() for tag in if_match.split(",")}
    if "*" in tags or etag(resource_id, gewijzigd_op) in tags:
        return
    raise VersieVerouderd(
        "Iemand anders heeft dit intussen gewijzigd. Haal de nieuwste versie op (GET) en "
        "probeer het opnieuw met de nieuwe ETag."
    )


def versie_van(loader: Callable[..., Any]) -> Any:
    """A route dependency that loads the path's resource with `loader` and checks If-Match."""

    async def check(if_match: IfMatch = None, geladen: Any = Depends(loader)) -> None:
        row = geladen[0] if isinstance(geladen, tuple) else geladen
        controleer_if_match(if_match, row.id, row.gewijzigd_op)

    return Depends(check)


class EtagRoute(APIRoute):
    """A route that puts the ETag of the resource it answers with in the `ETag` header."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def with_etag(request: Request) -> Response:
            response = await handler(request)
            if response.status_code in (200, 201) and response.media_type == "application/json":
                try:
                    body = json.loads(bytes(response.body))
                except ValueError:
                    return response
                # A resource without a stored version (gewijzigdOp null) has no ETag.
                if isinstance(body, dict) and "id" in body and body.get("gewijzigdOp"):
                    response.headers["ETag"] = etag(body["id"], body["gewijzigdOp"])
            return response

        return with_etag
