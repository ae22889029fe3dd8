"""Spelregels: the diversity and commitment rules of a network, as data and pure functions.

How the service uses it:

1. Load the network into a `NetwerkSnapshot` (one query per table, no lazy loading).
2. Read its settings with `spelregels_uit_opslag(stored_json)`; a kartrekker's edit is
   `pas_aan(spelregels, body)`, which raises `OngeldigeSpelregels` (a ValueError carrying
   `problemen: list[InvalidParam]`) for a 400; store `spelregels.as_dict()`.
3. Before a transition or write, build the snapshot as it would be afterwards and call
   `check(na, spelregels, voor=...)`; a non-empty answer is a 409 listing the bevindingen.
4. `gezondheid(snapshot, spelregels, selectie)` answers the health, the weightiest bevindingen
   first and those about people grouped per person; `plan_opvolgingen(snapshot,
   spelregels)` lists the opvolgingen to create; `status_nieuwe_deelnemer` tells whether a new
   member waits for approval.

Nothing here touches the database or HTTP.
"""

from app.models.enums import AanwezigheidStatus, BijdrageSoort, OpvolgingStatus
from app.spelregels.beoordeling import bevindingen, check
from app.spelregels.bevinding import Bevinding, Ernst, Niveau
from app.spelregels.catalogus import (
    CATALOGUS,
    DEFINITIE_PER_CODE,
    Decimaal,
    GeheelGetal,
    Handhaving,
    JaNee,
    Namenlijst,
    OngeldigeSpelregels,
    Parameter,
    Regeldefinitie,
    Spelregel,
    Spelregels,
    Waarde,
    pas_aan,
    spelregels_uit_opslag,
    standaard_spelregels,
)
from app.spelregels.gezondheid import (
    BijeenkomstCijfers,
    DeelnemerBevindingen,
    DeelnemerOpkomst,
    Gastschap,
    Gastspreiding,
    Gezondheid,
    Opkomst,
    OrganisatieOpkomst,
    OrganisatieWisselingen,
    ProducentenConsumenten,
    RolDekking,
    Rollenmatrix,
    Selectie,
    Verloop,
    gezondheid,
)
from app.spelregels.opvolging import GeplandeOpvolging, plan_opvolgingen
from app.spelregels.regels import (
    REGELS,
    status_nieuwe_deelnemer,
    toetreden_vraagt_goedkeuring,
)
from app.spelregels.snapshot import (
    Aanwezigheid,
    Bijdrage,
    BijeenkomstSnapshot,
    DeelnemerSnapshot,
    Evaluatie,
    LeervraagSnapshot,
    NetwerkSnapshot,
    OpvolgingSnapshot,
    OrganisatieSnapshot,
)

__all__ = [
    "CATALOGUS",
    "DEFINITIE_PER_CODE",
    "REGELS",
    "Aanwezigheid",
    "AanwezigheidStatus",
    "Bevinding",
    "Bijdrage",
    "BijdrageSoort",
    "BijeenkomstCijfers",
    "BijeenkomstSnapshot",
    "Decimaal",
    "DeelnemerBevindingen",
    "DeelnemerOpkomst",
    "DeelnemerSnapshot",
    "Ernst",
    "Evaluatie",
    "Gastschap",
    "Gastspreiding",
    "GeheelGetal",
    "GeplandeOpvolging",
    "Gezondheid",
    "Handhaving",
    "JaNee",
    "LeervraagSnapshot",
    "Namenlijst",
    "NetwerkSnapshot",
    "Niveau",
    "OngeldigeSpelregels",
    "Opkomst",
    "OpvolgingSnapshot",
    "OpvolgingStatus",
    "OrganisatieOpkomst",
    "OrganisatieSnapshot",
    "OrganisatieWisselingen",
    "Parameter",
    "ProducentenConsumenten",
    "Regeldefinitie",
    "RolDekking",
    "Rollenmatrix",
    "Selectie",
    "Spelregel",
    "Spelregels",
    "Verloop",
    "Waarde",
    "bevindingen",
    "check",
    "gezondheid",
    "pas_aan",
    "plan_opvolgingen",
    "spelregels_uit_opslag",
    "standaard_spelregels",
    "status_nieuwe_deelnemer",
    "toetreden_vraagt_goedkeuring",
]
