"""The onderwerp test on its own: which words touch a network's topic."""

import pytest

from app.leervragen.onderwerp import Onderwerptoets
from app.models.enums import LeervraagStatus

TOETS = Onderwerptoets("Inwoners betrekken bij de energietransitie", ["participatie", "jonge-hond"])


@pytest.mark.parametrize(
    ("tekst", "geraakt"),
    [
        ("Hoe betrek ik inwoners?", ["betrek", "inwoners"]),  # stems
        ("Wat vinden burgers ervan?", ["burgers"]),  # synonyms
        ("Een burgerberaad organiseren", ["burgerberaad"]),  # a compound part, as synonym
        ("Inwonersparticipatie in de praktijk", ["inwonersparticipatie"]),  # compound parts
        ("Energiecoöperaties in dorpen", ["energiecoöperaties"]),  # shared first letters
        ("Een jonge ambtenaar aan het woord", ["jonge"]),  # a theme's words count too
        ("Welke software gebruiken jullie?", []),
        ("Hoe doen jullie dat, en wat helpt?", []),  # only function words
    ],
)
def test_what_touches_the_topic(tekst: str, geraakt: list[str]) -> None:
    assert TOETS.raakvlak(tekst) == geraakt


def test_outside_only_without_theme_while_running_and_with_words() -> None:
    tekst = "Welke software gebruiken jullie?"
    assert TOETS.buiten(tekst, [], LeervraagStatus.OPEN)
    assert TOETS.buiten(tekst, [], LeervraagStatus.IN_BEHANDELING)
    assert not TOETS.buiten(tekst, ["participatie"], LeervraagStatus.OPEN)
    assert not TOETS.buiten(tekst, [], LeervraagStatus.BEANTWOORD)
    assert not TOETS.buiten(tekst, [], LeervraagStatus.LOSGELATEN)
    assert not TOETS.buiten("", [], LeervraagStatus.OPEN)
    assert not TOETS.buiten("Hoe doen jullie dat?", [], LeervraagStatus.OPEN)


def test_without_a_topic_nothing_is_outside() -> None:
    for toets in (Onderwerptoets(None), Onderwerptoets("  ", []), Onderwerptoets("Hoe en wat?")):
        assert not toets.bepaald
        assert not toets.buiten("Welke software gebruiken jullie?", [], LeervraagStatus.OPEN)
