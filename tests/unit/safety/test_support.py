"""What a person is told: the crisis message with the helplines of their language's region, and the
professional's pointer on a framed question; and the packs that say it."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tarot_domain.content.registry import translate
from tarot_domain.model.errors import ErrorKind, error_message
from tarot_domain.model.safety import (
    FRAMED,
    Helpline,
    Helplines,
    RegionLines,
    SafetyKind,
    SupportOnly,
    directive_in,
    pointer_for,
    shipped_helplines,
    support_for,
    texts_for,
)
from tarot_domain.model.safety_packs import packs

CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")


def test_the_shipped_helplines_are_those_the_issue_names() -> None:
    helplines = shipped_helplines()
    ukraine = helplines.region_for("uk")
    assert ukraine is not None and ukraine.region == "UA" and ukraine.emergency == "112"
    lifeline = ukraine.lines[0]
    assert lifeline.name == "Lifeline Ukraine" and lifeline.number == "7333"
    assert "цілодобово" in lifeline.hours and "безкоштовно" in lifeline.notes
    assert helplines.region_for("en") is None  # English: the international pointer and 112/911
    assert helplines.international.url == "findahelpline.com"
    assert isinstance(helplines.verified_on, date) and helplines.verified_on >= date(2026, 12, 1)


def test_the_ukrainian_crisis_message_gives_lifeline_112_and_the_international_pointer() -> None:
    message = support_for(SafetyKind.CRISIS, "uk", shipped_helplines()).message
    assert "7333" in message and "112" in message and "findahelpline.com" in message
    assert "переформулюйте" in message
    assert CYRILLIC.search(message.split("\n\n")[0])
    assert "кредит" not in message.lower() and "розклад" in message  # no price; it says there is no reading


def test_the_english_crisis_message_gives_the_emergency_numbers_and_the_international_pointer() -> None:
    message = support_for(SafetyKind.CRISIS, "en", shipped_helplines()).message
    assert "112 in Europe, 911 in North America" in message
    assert "findahelpline.com" in message
    assert message.rstrip().endswith("If I misunderstood you, you can rephrase your question.")
    assert "credit" not in message.lower().replace("nothing has been charged", "")


def test_a_language_without_a_pack_gets_english_and_the_helplines_in_force() -> None:
    message = support_for(SafetyKind.CRISIS, "pl", shipped_helplines()).message
    assert message == support_for(SafetyKind.CRISIS, "en", shipped_helplines()).message


def test_an_operators_helplines_replace_the_shipped_ones() -> None:
    custom = Helplines(
        verified_on=date(2027, 1, 2),
        international=Helpline(name="Find A Helpline", url="findahelpline.com"),
        regions=(RegionLines("GB", "999", (Helpline(name="Samaritans", number="116 123", hours="24/7"),)),),
        language_regions=(("en", "GB"),),
    )
    message = support_for(SafetyKind.CRISIS, "en", custom).message
    assert "Samaritans: 116 123 (24/7)" in message and "call 999 now" in message
    assert "911" not in message and "findahelpline.com" in message
    with pytest.raises(ValueError, match="region 'XX'"):
        Helplines(custom.verified_on, custom.international, custom.regions, (("uk", "XX"),))
    with pytest.raises(ValueError, match="number or a url"):
        Helpline(name="Nothing")


@pytest.mark.parametrize("language", ["en", "uk"])
def test_each_framed_kind_names_its_professional(language: str) -> None:
    expected = {
        "en": {
            SafetyKind.HEALTH: "doctor",
            SafetyKind.LEGAL: "lawyer",
            SafetyKind.MONEY: "financial adviser",
        },
        "uk": {SafetyKind.HEALTH: "лікар", SafetyKind.LEGAL: "юрист", SafetyKind.MONEY: "фінансов"},
    }[language]
    for kind in FRAMED:
        support = support_for(kind, language, shipped_helplines())
        assert support.kind is kind and support.message == pointer_for(kind, language)
        assert expected[kind] in support.message
    with pytest.raises(ValueError):
        pointer_for(SafetyKind.CRISIS, language)


def test_what_the_service_says_on_a_framed_topic_has_no_directive_of_its_own() -> None:
    for language in packs():
        texts = texts_for(language)
        said = (texts.pointer_health, texts.pointer_legal, texts.pointer_money, texts.no_lean_follow_up)
        for text in (*said, texts.no_lean.format(card="The Sun", keywords="joy")):
            assert directive_in(text) is None, (language, text)


def test_every_pack_has_the_same_texts_filled_in_its_own_language() -> None:
    english = texts_for("en")
    for language in packs():
        texts = texts_for(language)
        for field in english.__attrs_attrs__:
            value = getattr(texts, field.name)
            assert value.strip(), (language, field.name)
            if language == "uk" and field.name not in ("helpline", "helpline_details"):
                assert CYRILLIC.search(value) and value != getattr(english, field.name), field.name
        assert translate("error.screened", language, message="x") == "x"


def test_support_only_is_an_error_whose_message_is_the_support_text() -> None:
    support = support_for(SafetyKind.CRISIS, "uk", shipped_helplines())
    error = SupportOnly(support)
    assert error.kind is ErrorKind.SCREENED and error.log_level == "INFO" and not error.retryable
    assert error.params["message"] == support.message and error.support is support
    assert "Хочу" not in error.detail and error.detail == "screened as crisis"
    # Any error handler shows the support text itself: the packs' template is just the message.
    assert error_message(error, "uk") == support.message
