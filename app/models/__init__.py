"""Every table of Kartrekker; importing this package registers them all with the metadata."""

from app.models.base import Tabel, UTCDateTime, utcnow
from app.models.bijeenkomst import Bijeenkomst
from app.models.leervraag import Leervraag
from app.models.netwerk import Deelnemer, Netwerk
from app.models.netwerkorganisatie import NetwerkOrganisatie
from app.models.opvolging import (
    Groepsindeling,
    Kalenderfeed,
    Onbeschikbaarheid,
    Opvolging,
    RoosterWijziging,
    Voortgang,
)
from app.models.organisatie import Organisatie
from app.models.persoon import Persoon
from app.models.sessie import (
    Aanmelding,
    Aanwezigheid,
    AgendaLeervraag,
    AgendaOnderdeel,
    Bijdrage,
    Evaluatie,
)
from app.models.toegang import ApiSleutel, IdempotentVerzoek, OidcIdentiteit
from app.models.webhook import Abonnement, Aflevering, AfleverPoging, Gebeurtenis

__all__ = [
    "Aanmelding",
    "Aanwezigheid",
    "Abonnement",
    "AfleverPoging",
    "Aflevering",
    "AgendaLeervraag",
    "AgendaOnderdeel",
    "ApiSleutel",
    "Bijdrage",
    "Bijeenkomst",
    "Deelnemer",
    "Evaluatie",
    "Gebeurtenis",
    "Groepsindeling",
    "IdempotentVerzoek",
    "Kalenderfeed",
    "Leervraag",
    "Netwerk",
    "NetwerkOrganisatie",
    "OidcIdentiteit",
    "Onbeschikbaarheid",
    "Opvolging",
    "Organisatie",
    "Persoon",
    "RoosterWijziging",
    "Tabel",
    "UTCDateTime",
    "Voortgang",
    "utcnow",
]
