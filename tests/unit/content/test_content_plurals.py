"""Counts follow CLDR plural rules: each pack's rule agrees with Babel's locale data, and every counted
phrase and plural message takes the right form."""

from __future__ import annotations

import pytest
from babel.core import Locale

from tarot_domain.content import registry
from tarot_domain.content.plural import categories_used, compile_rule

COUNTS = (0, 1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000)


@pytest.mark.parametrize("code", ["en", "uk"])
def test_each_pack_rule_is_cldrs_rule(code: str) -> None:
    ours, cldr = registry.plural_function(code), Locale.parse(code).plural_form
    assert [n for n in range(0, 10_001) if ours(n) != cldr(n)] == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "en",
            [
                "other",
                "one",
                "other",
                "other",
                "other",
                "other",
                "other",
                "other",
                "other",
                "other",
                "other",
                "other",
                "other",
            ],
        ),
        (
            "uk",
            [
                "many",
                "one",
                "few",
                "many",
                "many",
                "many",
                "many",
                "one",
                "few",
                "many",
                "one",
                "many",
                "many",
            ],
        ),
    ],
)
def test_categories_of_the_counts_people_see(code: str, expected: list[str]) -> None:
    assert [registry.plural_category(code, n) for n in COUNTS] == expected


@pytest.mark.parametrize(
    ("code", "phrase", "expected"),
    [
        (
            "en",
            "credits",
            [
                "0 credits",
                "1 credit",
                "2 credits",
                "5 credits",
                "11 credits",
                "12 credits",
                "14 credits",
                "21 credits",
                "22 credits",
                "25 credits",
                "101 credits",
                "111 credits",
                "1000 credits",
            ],
        ),
        (
            "uk",
            "credits",
            [
                "0 кредитів",
                "1 кредит",
                "2 кредити",
                "5 кредитів",
                "11 кредитів",
                "12 кредитів",
                "14 кредитів",
                "21 кредит",
                "22 кредити",
                "25 кредитів",
                "101 кредит",
                "111 кредитів",
                "1000 кредитів",
            ],
        ),
        (
            "en",
            "cards",
            [
                "0 cards",
                "1 card",
                "2 cards",
                "5 cards",
                "11 cards",
                "12 cards",
                "14 cards",
                "21 cards",
                "22 cards",
                "25 cards",
                "101 cards",
                "111 cards",
                "1000 cards",
            ],
        ),
        (
            "uk",
            "cards",
            [
                "0 карт",
                "1 карта",
                "2 карти",
                "5 карт",
                "11 карт",
                "12 карт",
                "14 карт",
                "21 карта",
                "22 карти",
                "25 карт",
                "101 карта",
                "111 карт",
                "1000 карт",
            ],
        ),
        (
            "uk",
            "short-questions",
            [
                "0 коротких запитань",
                "1 коротке запитання",
                "2 короткі запитання",
                "5 коротких запитань",
                "11 коротких запитань",
                "12 коротких запитань",
                "14 коротких запитань",
                "21 коротке запитання",
                "22 короткі запитання",
                "25 коротких запитань",
                "101 коротке запитання",
                "111 коротких запитань",
                "1000 коротких запитань",
            ],
        ),
        (
            "uk",
            "seconds",
            [
                "0 секунд",
                "1 секунду",
                "2 секунди",
                "5 секунд",
                "11 секунд",
                "12 секунд",
                "14 секунд",
                "21 секунду",
                "22 секунди",
                "25 секунд",
                "101 секунду",
                "111 секунд",
                "1000 секунд",
            ],
        ),
    ],
)
def test_counted_phrases(code: str, phrase: str, expected: list[str]) -> None:
    assert [registry.counted(phrase, n, code) for n in COUNTS] == expected


@pytest.mark.parametrize("code", ["en", "uk"])
@pytest.mark.parametrize("count", COUNTS)
def test_every_counted_phrase_gives_a_distinct_form_per_category(code: str, count: int) -> None:
    category = registry.plural_category(code, count)
    for key, text in registry.texts(code).items():
        if key.startswith("count:"):
            phrase = key.removeprefix("count:")
            assert registry.counted(phrase, count, code) == text.form(category).format(count=count)  # type: ignore[union-attr]


def test_messages_agree_with_their_numbers() -> None:
    t = registry.translate
    assert t("spreads.line", "en", name="Single Card", id="single", cards=1, cost=1) == (
        "Single Card (single): 1 card, 1 credit"
    )
    assert (
        t("spreads.line", "en", name="Three", id="three", cards=3, cost=12)
        == "Three (three): 3 cards, 12 credits"
    )
    assert t("spreads.questionnaire", "en", count=1) == "asks 1 short question first"
    assert t("spreads.questionnaire", "uk", count=2) == "спершу ставить 2 короткі запитання"
    assert t("spreads.questionnaire", "uk", count=5) == "спершу ставить 5 коротких запитань"
    assert t("error.rate_limited", "en", seconds=1).endswith("in 1 second.")
    assert t("reading.charged", "en", cost=1, available=1) == "1 credit was used; 1 remains."
    assert t("reading.charged", "en", cost=12, available=8) == "12 credits were used; 8 remain."
    assert t("reading.free", "uk", available=2) == "Цей розклад безкоштовний; на балансі 2 кредити."
    assert t("reading.free", "uk", available=21) == "Цей розклад безкоштовний; на балансі 21 кредит."
    assert "501 символ," in t("error.question_too_long", "uk", length=501, limit=500)
    assert "502 символи," in t("error.question_too_long", "uk", length=502, limit=500)
    assert "505 символів," in t("error.question_too_long", "uk", length=505, limit=500)


def test_a_count_that_is_not_a_number_takes_the_general_form() -> None:
    assert (
        registry.translate("reading.charged", "en", cost="some", available=3)
        == "some credits were used; 3 remain."
    )


def test_rules_reject_unknown_categories() -> None:
    with pytest.raises(ValueError, match="unknown plural"):
        compile_rule({"several": "n = 3"})
    assert categories_used(compile_rule({"one": "n = 1"})) == {"one", "other"}
