"""Base classes for API shapes: lowerCamelCase on the wire, unknown fields refused."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from pydantic.alias_generators import to_camel

from app.common.invoerbewaking import bewaak


class ApiModel(BaseModel):
    """A shape of the API: fields are lowerCamelCase in JSON, snake_case in Python."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        from_attributes=True,
        serialize_by_alias=True,
    )


class Invoer(ApiModel):
    """A request body: unknown fields are an error, so that a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _bewaak(cls, waarde: Any) -> Any:
        # No text with control characters, no date out of range, in any field of any body.
        return bewaak(waarde)

    def velden(self, *, alleen_gezet: bool = False) -> dict[str, Any]:
        """The values by their Python (column) names; `alleen_gezet`: only what was sent."""
        return self.model_dump(by_alias=False, exclude_unset=alleen_gezet)


def _in_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


UtcMoment = Annotated[datetime, AfterValidator(_in_utc)]
"""A moment answered in UTC, whatever offset it was given with."""


class Resource(ApiModel):
    """What every answered resource carries."""

    id: uuid.UUID = Field(description="Onveranderlijke, betekenisloze identificatie.")
    aangemaakt_op: UtcMoment = Field(description="Moment van aanmaken (UTC).")
    gewijzigd_op: UtcMoment = Field(description="Moment van de laatste wijziging (UTC).")


def tekst(max_length: int, *, min_length: int = 1) -> StringConstraints:
    """Bounds for a trimmed string: `Annotated[str, tekst(200)]`."""
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length)


Thema = Annotated[str, tekst(60)]
