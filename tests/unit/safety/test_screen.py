"""The safety screen on how people write: crisis in four ways of writing, look-alikes, and the line
between a framed question (health, legal, money) and an ordinary one."""

from __future__ import annotations

import re

import pytest
from phrasings import (
    CRISIS_EN,
    CRISIS_RU,
    CRISIS_TRANSLITERATED,
    CRISIS_UK,
    HEALTH,
    LEGAL,
    LOOKALIKES_EN,
    LOOKALIKES_UK,
    MONEY,
    ORDINARY,
)

from tarot_domain.model.safety import SafetyKind, directive_in, screen, screen_all
from tarot_domain.model.safety_packs import packs
from tarot_domain.model.safety_text import normalise, readings, transliteration_fold


def test_there_are_enough_phrasings_of_each_kind() -> None:
    assert len(CRISIS_EN) >= 40 and len(LOOKALIKES_EN) >= 40
    assert len(CRISIS_UK) >= 40 and len(LOOKALIKES_UK) >= 40
    assert len(CRISIS_RU) >= 20 and len(CRISIS_TRANSLITERATED) >= 20
    everything = (*CRISIS_EN, *LOOKALIKES_EN, *CRISIS_UK, *LOOKALIKES_UK, *CRISIS_RU, *CRISIS_TRANSLITERATED)
    assert len(set(everything)) == len(everything)


def test_the_phrasings_are_not_the_screens_own_patterns() -> None:
    sources = {
        source
        for pack in packs().values()
        for field in ("crisis", "transliterated", "safe", "health", "legal", "money")
        for source in getattr(pack.patterns, field)
    }
    for phrase in (*CRISIS_EN, *CRISIS_UK, *CRISIS_RU, *CRISIS_TRANSLITERATED):
        assert phrase not in sources and phrase.lower() not in sources


@pytest.mark.parametrize("text", [*CRISIS_EN, *CRISIS_UK, *CRISIS_RU, *CRISIS_TRANSLITERATED])
def test_every_crisis_phrasing_is_crisis(text: str) -> None:
    assert screen(text) is SafetyKind.CRISIS


@pytest.mark.parametrize("text", [*LOOKALIKES_EN, *LOOKALIKES_UK])
def test_ordinary_look_alikes_are_not_flagged_at_all(text: str) -> None:
    assert screen(text) is None


@pytest.mark.parametrize(
    ("texts", "kind"),
    [(HEALTH, SafetyKind.HEALTH), (LEGAL, SafetyKind.LEGAL), (MONEY, SafetyKind.MONEY), (ORDINARY, None)],
)
def test_health_legal_and_money_questions_are_told_from_ordinary_ones(
    texts: tuple[str, ...], kind: SafetyKind | None
) -> None:
    assert [screen(text) for text in texts] == [kind] * len(texts)


def test_the_issues_own_examples() -> None:
    assert screen("Should I kill myself?") is SafetyKind.CRISIS
    assert screen("Я хочу покінчити з усім") is SafetyKind.CRISIS
    assert screen("Should I stop taking my antidepressants?") is SafetyKind.HEALTH
    assert screen("Should I sue my landlord?") is SafetyKind.LEGAL
    assert screen("Should I put my savings into crypto?") is SafetyKind.MONEY
    for ordinary in ("Will I get a raise?", "Will money be easier this year?",
                     "I'm dying to know if he likes me", "Will my plant die?",
                     "I'm going to kill it at the interview"):  # fmt: skip
        assert screen(ordinary) is None, ordinary


def test_crisis_wins_over_every_other_kind() -> None:
    assert screen("Should I stop my antidepressants and just kill myself?") is SafetyKind.CRISIS
    assert screen("I lost my savings in crypto and I want to die") is SafetyKind.CRISIS
    assert screen_all(["Should I sue him?", "Хочу померти"]) is SafetyKind.CRISIS
    assert screen_all(["What now?", "Should I sue him?", "Should I invest in bitcoin?"]) is SafetyKind.LEGAL
    assert screen_all(["What now?", "", "Who is he?"]) is None


def test_every_pack_language_screens_every_text() -> None:
    # An English-speaking user writing in Ukrainian, and the other way round, is screened the same.
    assert set(packs()) >= {"en", "uk"}
    assert screen("хочу померти, що робити") is SafetyKind.CRISIS
    assert screen("please help, ne khochu zhyty") is SafetyKind.CRISIS


def test_a_crisis_phrase_that_contains_an_idiom_still_counts() -> None:
    assert screen("I don't want to live with my parents") is None  # the idiom "live with"
    assert screen("I don't want to live in this world anymore") is SafetyKind.CRISIS
    assert screen("Не хочу жити в цьому місті") is None
    assert screen("Не хочу жити в цьому світі") is SafetyKind.CRISIS


def test_normalising_makes_the_ways_of_typing_one() -> None:
    assert normalise("I’M  SOOOO   tired!!!") == ("im", "so", "tired")
    assert normalise("вбʼю себе") == normalise("вб'ю себе") == normalise("вб’ю себе") == normalise("вбю себе")
    assert normalise("ХОЧУ") == normalise("XOЧУ") == ("хочу",)  # Latin X and O inside a Cyrillic word
    assert normalise("kіll") == normalise("kill")  # a Cyrillic і inside a Latin word
    assert normalise("Їжак й ґанок") == normalise("iжак и ганок")
    assert transliteration_fold(normalise("khochu")[0]) == transliteration_fold(normalise("xochu")[0])
    assert transliteration_fold(normalise("zhyty")[0]) == transliteration_fold(normalise("zhiti")[0])
    (words,) = readings("Ya  khochu!")
    assert len(words.plain) == len(words.transliterated) == 2
    assert {w.plain for w in readings("КІСК")} == {("kick",), ("киск",)}  # look-alikes only: both ways


def test_directive_phrases_are_found_in_what_an_interpreter_writes() -> None:
    assert directive_in("The card is upright, so the answer leans yes.") is not None
    assert directive_in("Карта пряма, тож відповідь схиляється до «так».") is not None
    assert directive_in("You should stop taking them for a while.") is not None
    assert directive_in("Go ahead and invest.") is not None
    assert directive_in("Подайте позов якнайшвидше.") is not None
    assert directive_in("The Sun shows warmth around the question; talk it through with a doctor.") is None


def test_pack_patterns_are_one_word_per_slot_and_compile() -> None:
    # Alternatives are single words: "heart attack" inside a list would silently become two slots.
    for pack in packs().values():
        for field in ("crisis", "transliterated", "safe", "health", "legal", "money"):
            for source in getattr(pack.patterns, field):
                assert source == source.strip() and "  " not in source, source
                assert not re.search(r"\|\s|\s\|", source), source
