"""The status flow of a leervraag: open → in-behandeling → beantwoord | losgelaten, and back.

A question is taken up (in behandeling) before it is answered or let go, so that "answered"
means a session or a colleague really worked on it; an answered or abandoned question can be
reopened when it turns out not to be done.
"""

from app.errors import Conflict
from app.models.enums import LeervraagStatus

S = LeervraagStatus
OVERGANGEN: dict[LeervraagStatus, tuple[LeervraagStatus, ...]] = {
    S.OPEN: (S.IN_BEHANDELING,),
    S.IN_BEHANDELING: (S.BEANTWOORD, S.LOSGELATEN),
    S.BEANTWOORD: (S.OPEN,),
    S.LOSGELATEN: (S.OPEN,),
}
"""Per status the statuses a leervraag may move to next."""


class OngeldigeStatusovergang(Conflict):
    code = "ongeldige-statusovergang"
    title = "Deze statusovergang is niet toegestaan."


def controleer_overgang(oud: LeervraagStatus, nieuw: LeervraagStatus) -> None:
    """409 naming the allowed statuses when `oud` may not move to `nieuw` (staying is fine)."""
    if nieuw == oud or nieuw in OVERGANGEN[oud]:
        return
    toegestaan = [status.value for status in OVERGANGEN[oud]]
    raise OngeldigeStatusovergang(
        f"Een leervraag met status '{oud.value}' kan niet naar '{nieuw.value}'; "
        f"wel naar: {', '.join(toegestaan)}.",
        extra={"huidigeStatus": oud.value, "toegestaneStatussen": toegestaan},
    )
