"""The score as the benchmark defines it, and its lower bound."""

from app.groepen import Deelnemer, Organisatieregel, Score, ondergrens, score

MENSEN = {
    d.id: d
    for d in [
        Deelnemer("a", "org1", "beslisser"),
        Deelnemer("b", "org1", "jonge-hond"),
        Deelnemer("c", "org2", "beslisser"),
        Deelnemer("d", None, None),
    ]
}


def test_each_part_of_the_score_counts_what_the_file_says() -> None:
    indelingen = [
        (("a", "b"), ("c", "d")),  # a-b colleagues; group c-d lacks jonge-hond
        (("a", "b", "c"), ("d",)),  # sizes 3 and 1: imbalance; a-b again: a repeat
    ]
    uitslag = score(indelingen, MENSEN, ("beslisser", "jonge-hond"))
    assert uitslag == Score(onbalans=1, zelfde_organisatie=2, roltekort=1 + 2, herhalingen=1)


def test_earlier_meetings_count_as_first_meetings_but_are_not_scored() -> None:
    eerder = [(("a", "b"),), (("a", "b"),)]
    assert score([(("a", "b"), ("c", "d"))], MENSEN, eerder=eerder).herhalingen == 1
    assert score([(("a", "c"), ("b", "d"))], MENSEN, eerder=eerder).herhalingen == 0


def test_the_lower_bound_follows_pigeonhole_and_role_counts() -> None:
    wie = [["a", "b", "c", "d"]]
    grens = ondergrens(wie, [2], MENSEN, ("beslisser", "jonge-hond"), Organisatieregel.VERMIJDEN)
    # one jonge-hond for two groups leaves one group without; org1's two people fit apart
    assert grens == Score(0, 0, 1, 0)
    grens = ondergrens(wie, [1], MENSEN, (), Organisatieregel.VERMIJDEN)
    assert grens.zelfde_organisatie == 1


def test_the_lower_bound_on_repeats_counts_partners_left_to_meet() -> None:
    mensen = {i: Deelnemer(i) for i in "abcd"}
    # four people in pairs for four rounds: each meets 4 times but has only 3 others
    grens = ondergrens([list("abcd")] * 4, [2] * 4, mensen, (), Organisatieregel.VERMIJDEN)
    assert grens.herhalingen == 2
