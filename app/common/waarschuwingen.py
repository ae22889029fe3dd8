"""Warnings in a write's answer: what was stored but asks for attention; they refuse nothing."""

from typing import TypeVar

from pydantic import BaseModel, Field

from app.common.schemas import ApiModel


class Waarschuwing(ApiModel):
    """Iets wat is opgeslagen maar aandacht vraagt; het weigert niets."""

    code: str = Field(
        description="Vaste code om op te reageren, bijvoorbeeld `buiten-onderwerp`.",
        examples=["buiten-looptijd"],
    )
    bericht: str = Field(
        description="Uitleg voor wie de wijziging deed.",
        examples=["Deze bijeenkomst valt op 12 april 2029, 15 maanden na het geplande einde."],
    )


class MetWaarschuwingen(ApiModel):
    """Het antwoord op een wijziging, met de waarschuwingen erbij."""

    waarschuwingen: list[Waarschuwing] = Field(
        default_factory=list,
        description="Wat aandacht vraagt, zonder dat er iets is geweigerd; leeg als alles past. "
        "Alleen in het antwoord op het schrijven: de gezondheid van het netwerk toont het "
        "daarna als bevinding.",
    )


M = TypeVar("M", bound=BaseModel)


def met_waarschuwingen(model: type[M], bron: object, waarschuwingen: list[Waarschuwing]) -> M:
    """`model` read from `bron` (a row), carrying `waarschuwingen`."""
    return model.model_validate(bron).model_copy(update={"waarschuwingen": waarschuwingen})
