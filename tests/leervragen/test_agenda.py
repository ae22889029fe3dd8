"""Agenda suggestions: related open halen-vragen grouped, largest first, with who can bring."""

import uuid

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from app.leervragen.agenda import AgendaWeging, agenda_suggesties, groepeer
from app.leervragen.matching import Leervraagindex, Vraag
from app.models.enums import LeervraagSoort, LeervraagStatus

ASSEN = uuid.uuid4()
PROVINCIE = uuid.uuid4()


def vraag(
    tekst: str,
    soort: LeervraagSoort,
    themas: tuple[str, ...] = (),
    *,
    status: LeervraagStatus = LeervraagStatus.OPEN,
    organisatie: uuid.UUID = ASSEN,
) -> Vraag:
    return Vraag(
        id=uuid.uuid4(),
        deelnemer_id=uuid.uuid4(),
        organisatie_id=organisatie,
        rol="participatie",
        soort=soort,
        tekst=tekst,
        themas=themas,
        status=status,
    )


def halen(tekst: str, *themas: str, status: LeervraagStatus = LeervraagStatus.OPEN) -> Vraag:
    return vraag(tekst, LeervraagSoort.HALEN, themas, status=status)


def brengen(tekst: str, *themas: str) -> Vraag:
    return vraag(tekst, LeervraagSoort.BRENGEN, themas, organisatie=PROVINCIE)


JONGEREN = [
    halen("Hoe betrekken we jongeren bij plannen voor hun wijk?", "participatie"),
    halen("Hoe houd je jongeren betrokken bij een jongerenraad?", "participatie"),
    halen("Hoe bereik je jongeren die nooit op inspraakavonden komen?", "participatie"),
]
WARMTE = [
    halen("Hoe maak je een wijk aardgasvrij met een warmtenet?", "energietransitie"),
    halen("Wie heeft een warmtenet met de woningcorporatie opgezet?", "energietransitie"),
]
LOS = halen("Hoe voer je een goed functioneringsgesprek?", "organisatieontwikkeling")
BRENGERS = [
    brengen("Ik heb jongeren betrokken via een jongerenraad en school.", "participatie"),
    brengen("Wij legden een warmtenet aan met de woningcorporatie.", "energietransitie"),
    brengen("Ik ken de regels van de hondenbelasting."),
]


def test_related_questions_are_grouped_largest_first_and_a_stray_one_is_left_out() -> None:
    index = Leervraagindex([*JONGEREN, *WARMTE, LOS, *BRENGERS])
    suggesties = agenda_suggesties(index)
    assert [set(s.leervraag_ids) for s in suggesties] == [
        {v.id for v in JONGEREN},
        {v.id for v in WARMTE},
    ]
    eerste = suggesties[0]
    assert eerste.themas == ("participatie",)
    assert "jongeren" in eerste.kernwoorden
    assert set(eerste.deelnemer_ids) == {v.deelnemer_id for v in JONGEREN}
    assert eerste.organisatie_ids == (ASSEN,)
    assert 0 < eerste.samenhang <= 1


def test_each_group_names_who_can_bring_something_to_it() -> None:
    index = Leervraagindex([*JONGEREN, *WARMTE, LOS, *BRENGERS])
    jongeren, warmte = agenda_suggesties(index)
    [brenger, *_] = jongeren.brengers
    assert brenger.deelnemer_id == BRENGERS[0].deelnemer_id
    assert brenger.leervraag_ids == (BRENGERS[0].id,)
    assert set(brenger.helpt_bij) <= {v.id for v in JONGEREN}
    assert brenger.uitleg.startswith(f"Kan helpen bij {len(brenger.helpt_bij)} van de 3 vragen.")
    assert "jongeren" in brenger.uitleg
    assert [b.deelnemer_id for b in warmte.brengers] == [BRENGERS[1].deelnemer_id]
    hondenbelasting = BRENGERS[2].deelnemer_id
    assert all(b.deelnemer_id != hondenbelasting for s in (jongeren, warmte) for b in s.brengers)


def test_only_open_questions_count_unless_asked_otherwise() -> None:
    beantwoord = [halen(v.tekst, *v.themas, status=LeervraagStatus.BEANTWOORD) for v in WARMTE]
    index = Leervraagindex([*JONGEREN, *beantwoord, *BRENGERS])
    assert len(agenda_suggesties(index)) == 1
    alle = agenda_suggesties(index, statussen=(LeervraagStatus.OPEN, LeervraagStatus.BEANTWOORD))
    assert len(alle) == 2


def test_a_stricter_grouping_splits_what_a_looser_one_joins() -> None:
    index = Leervraagindex([*JONGEREN, *WARMTE, LOS, *BRENGERS])
    los = agenda_suggesties(index, weging=AgendaWeging(minimale_samenhang=0.01))
    streng = agenda_suggesties(index, weging=AgendaWeging(minimale_samenhang=0.99))
    assert sum(len(s.leervraag_ids) for s in los) >= 5
    assert streng == []


def test_too_few_questions_make_no_agenda() -> None:
    assert agenda_suggesties(Leervraagindex([JONGEREN[0], *BRENGERS])) == []


@st.composite
def gelijkenissen(draw: st.DrawFn) -> np.ndarray:
    aantal = draw(st.integers(min_value=1, max_value=12))
    waarden = draw(hnp.arrays(np.float32, (aantal, aantal), elements=st.floats(0, 1, width=32)))
    symmetrisch: np.ndarray = (waarden + waarden.T) / 2
    return symmetrisch


@settings(max_examples=60, deadline=None)
@given(gelijkenissen(), st.floats(0.05, 0.95))
def test_grouping_partitions_the_questions_and_keeps_every_group_coherent(
    gelijkenis: np.ndarray, drempel: float
) -> None:
    groepen = groepeer(gelijkenis, minimale_samenhang=drempel)
    leden = sorted(i for groep in groepen for i in groep)
    assert leden == list(range(len(gelijkenis)))
    for groep in groepen:
        if len(groep) > 1:
            binnen = gelijkenis[np.ix_(groep, groep)]
            gemiddelde = (binnen.sum() - np.trace(binnen)) / (len(groep) * (len(groep) - 1))
            assert gemiddelde >= drempel - 1e-5
