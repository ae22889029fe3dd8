"""Every table of Kartrekker; importing this package registers them all with the metadata."""

from app.models.base import Tabel, UTCDateTime, utcnow
from app.models.bijeenkomst import Bijeenkomst
from app.models.leervraag import Leervraag
from app.models.netwerk import Deelnemer, Netwerk
from app.models.organisatie import Organisatie
from app.models.persoon import Persoon
from app.models.toegang import ApiSleutel, IdempotentVerzoek
from app.models.webhook import Abonnement, Aflevering, AfleverPoging, Gebeurtenis

__all__ = [
    "Abonnement",
    "AfleverPoging",
    "Aflevering",
    "ApiSleutel",
    "Bijeenkomst",
    "Deelnemer",
    "Gebeurtenis",
    "IdempotentVerzoek",
    "Leervraag",
    "Netwerk",
    "Organisatie",
    "Persoon",
    "Tabel",
    "UTCDateTime",
    "utcnow",
]
