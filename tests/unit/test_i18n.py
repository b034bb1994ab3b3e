"""Strings: every language has every key, placeholders match, and errors render politely."""

from __future__ import annotations

import string

import pytest

from tarot_domain.content.registry import languages, texts, translate
from tarot_domain.content.shapes import Plural, Text
from tarot_domain.model.errors import ErrorKind, TarotError, error_message, insufficient_credits


def fields(text: Text) -> set[str]:
    forms = [text] if isinstance(text, str) else [f for f in (text.other, text.one, text.few, text.many) if f]
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}


def test_english_and_ukrainian_are_offered() -> None:
    assert languages()[:1] == ("en",) and "uk" in languages()


@pytest.mark.parametrize("language", [code for code in languages() if code != "en"])
def test_every_language_has_every_key_with_the_same_placeholders(language: str) -> None:
    english, other = texts("en"), texts(language)
    assert set(other) == set(english)
    for key, template in english.items():
        if isinstance(template, Plural) and key.startswith("count:"):
            assert isinstance(other[key], Plural), key
            continue
        assert fields(other[key]) == fields(template), key


def test_every_error_kind_has_a_message() -> None:
    for kind in ErrorKind:
        for language in languages():
            assert translate(kind.default_message_key, language) != kind.default_message_key


def test_error_messages_fill_their_parameters() -> None:
    assert "12" in error_message(insufficient_credits(12, 3), "uk")
    unknown_key = TarotError(ErrorKind.API, "x", message_key="error.not.a.key")
    assert error_message(unknown_key, "en") == translate("error.api", "en")
    assert translate("reading.upright", "xx") == "upright"  # unknown language → English
