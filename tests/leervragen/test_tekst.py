"""Dutch text analysis: what a matcher compares must fold what a reader would fold."""

from hypothesis import given
from hypothesis import strategies as st

from app.leervragen.tekst import (
    STOPWOORDEN,
    Tekstanalyse,
    char_ngrams,
    normaliseer,
    stam,
    verwant,
    woorden,
)


def sleutels(analyse: Tekstanalyse, tekst: str) -> list[str]:
    return [term.sleutel for term in analyse.termen(tekst)]


def test_accents_fold_and_case_falls() -> None:
    assert normaliseer("Enquête") == "enquete"
    assert normaliseer("Energiecoöperatie") == "energiecooperatie"
    assert normaliseer("geëvalueerd") == "geevalueerd"
    assert stam(normaliseer("enquête")) == stam("enquete")


def test_words_keep_letters_and_drop_numbers_and_single_letters() -> None:
    gevonden = [genormaliseerd for genormaliseerd, _ in woorden("Jongeren (15-20 jaar), thema's!")]
    assert gevonden == ["jongeren", "jaar", "thema"]


def test_words_keep_how_they_were_written_for_explanations() -> None:
    assert woorden("Coöperatie") == (("cooperatie", "coöperatie"),)


def test_stop_words_and_framing_words_drop() -> None:
    analyse = Tekstanalyse()
    termen = analyse.termen("Hoe kunnen wij de inwoners betrekken? Ik kan er ervaring mee delen.")
    assert [term.woord for term in termen] == ["inwoners", "betrekken"]


def test_stemming_folds_inflections() -> None:
    assert stam("inwoners") == stam("inwoner")
    assert stam("bijeenkomsten") == stam("bijeenkomst")
    assert stam("organiseren") == stam("organiseert"[:-1])
    assert stam("leidinggevenden") == stam("leidinggevende")


def test_stemming_joins_the_derivations_snowball_keeps_apart() -> None:
    participatie = stam("participatie")
    assert stam("participeren") == participatie
    assert stam("geparticipeerd") == participatie
    assert stam("participatieve") == participatie
    assert stam("evaluatie") == stam("evalueren") == stam("geevalueerd")
    assert stam("organisatie") == stam("organiseren")
    assert stam("democratisch") == stam("democratie")
    assert stam("initiatieven") == stam("initiatief")


def test_stemming_keeps_roots_that_snowball_3_would_merge() -> None:
    # Snowball 3's new Dutch stemmer reads begeleiding as be-ge-leiding → beleid (policy).
    assert stam("begeleiding") != stam("beleid")
    assert stam("gemeente") != stam("menen")


def test_vocabulary_folds_plurals_and_verb_forms_whose_base_occurs() -> None:
    analyse = Tekstanalyse(["Wij werken met algoritmen en een traineeprogramma."])
    assert sleutels(analyse, "zij werkt") == sleutels(analyse, "werken")
    assert sleutels(analyse, "algoritmes") == sleutels(analyse, "algoritmen")
    assert sleutels(analyse, "gewerkt") == sleutels(analyse, "werken")


def test_synonyms_share_a_key_but_keep_their_own_form() -> None:
    analyse = Tekstanalyse()
    burgers, inwoners = analyse.termen("burgers inwoners")
    assert burgers.sleutel == inwoners.sleutel
    assert burgers.vorm != inwoners.vorm
    assert sleutels(analyse, "jeugd") == sleutels(analyse, "jongeren")


def test_compounds_split_into_parts_the_network_uses() -> None:
    analyse = Tekstanalyse(["participatie bij het traject", "een participatietraject"])
    termen = analyse.termen("participatietraject")
    assert [t.deel for t in termen] == [False, True, True]
    assert {t.sleutel for t in termen[1:]} == {stam("participatie"), stam("traject")}
    assert all(t.woord == "participatietraject" for t in termen)


def test_compounds_stay_whole_when_a_part_is_unknown_or_a_prefix() -> None:
    analyse = Tekstanalyse(["participatie", "richting en inrichting"])
    assert len(analyse.termen("participatietraject")) == 1
    assert len(analyse.termen("herinrichting")) == 1  # her- is no word of its own


def test_linking_s_belongs_to_neither_part() -> None:
    analyse = Tekstanalyse(["het station en het gebied"])
    delen = [t.sleutel for t in analyse.termen("stationsgebied") if t.deel]
    assert delen == [stam("station"), stam("gebied")]


def test_char_ngrams_mark_word_edges() -> None:
    ngrammen = char_ngrams("wijk")
    assert "<wi" in ngrammen
    assert "ijk>" in ngrammen
    assert "<wijk" in ngrammen
    assert "wijk>" in ngrammen
    assert all(3 <= len(g) <= 5 for g in ngrammen)


def test_related_words_share_a_part_or_a_long_beginning() -> None:
    assert verwant("avond", "inloopavond")
    assert verwant("energierekening", "energie")
    assert verwant("participeren", "participatieproces")
    assert not verwant("raad", "straat")
    assert not verwant("wijk", "wijze")


@given(st.text(alphabet=st.characters(codec="latin-1"), max_size=200))
def test_every_term_is_a_word_of_the_text_and_none_is_a_stop_word(tekst: str) -> None:
    analyse = Tekstanalyse([tekst])
    geschreven = {woord for _, woord in woorden(tekst)}
    for term in analyse.termen(tekst):
        assert term.woord in geschreven
        assert normaliseer(term.woord) not in STOPWOORDEN


@given(st.text(alphabet=st.characters(codec="latin-1"), max_size=60))
def test_normalising_twice_changes_nothing(tekst: str) -> None:
    assert normaliseer(normaliseer(tekst)) == normaliseer(tekst)
