"""The router every domain uses: FastAPI's, made cheap to pass over for a path it cannot serve.

FastAPI tries the included routers in order and, within each, every route: with a hundred
routes a request for the last router costs more in matching than in its own work. This router
first asks one precompiled regular expression (the union of its routes' full paths) whether the
path can be one of its own, and only then looks at its routes one by one.
"""

import re
from typing import Any

from fastapi import APIRouter
from starlette._utils import get_route_path
from starlette.routing import Match, compile_path
from starlette.types import Scope

from app.openapi import API_PREFIX

_NAMED_GROUP = re.compile(r"\(\?P<[^>]+>")


def _paden_regex(paden: list[str]) -> re.Pattern[str]:
    """One pattern matching any of `paden` (route templates such as `/v1/netwerken/{id}`)."""
    delen = []
    for pad in paden:
        regex, _format, _converters = compile_path(pad)
        # Group names repeat across routes; the union needs none of them.
        delen.append(_NAMED_GROUP.sub("(?:", regex.pattern.removeprefix("^").removesuffix("$")))
    return re.compile("^(?:" + "|".join(delen) + ")$") if delen else re.compile(r"(?!)")


class Router(APIRouter):
    """An APIRouter that turns away, with one regex, a path none of its routes matches.

    Its routes are served under `API_PREFIX` (every router of the app is included there).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._snelfilter: tuple[int, re.Pattern[str]] | None = None

    def _filter(self) -> re.Pattern[str]:
        # Rebuilt when routes were added (routers are filled at import, before serving).
        if self._snelfilter is None or self._snelfilter[0] != len(self.routes):
            paden = [API_PREFIX + getattr(route, "path", "") for route in self.routes]
            self._snelfilter = (len(self.routes), _paden_regex(paden))
        return self._snelfilter[1]

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and not self._filter().match(get_route_path(scope)):
            return Match.NONE, {}
        return super().matches(scope)
