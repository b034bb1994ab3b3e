"""Every shipped pack is complete and honest: it fills every key the structure and English define, no value
is empty, a Ukrainian text is Ukrainian (Cyrillic, not the English left in place) and keeps our style."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import tarot_domain.content as content
from tarot_domain.content import keys, registry
from tarot_domain.content.plural import categories_used
from tarot_domain.content.shapes import Plural, Text
from tarot_domain.content.structure import decks, products, spreads
from tarot_domain.content.structure.cards import Suit

SHIPPED = tuple(
    code for code in registry.languages() if (Path(content.__file__).parent / code / "__init__.py").is_file()
)
OTHERS = tuple(code for code in SHIPPED if code != registry.FALLBACK)

PROPER_NAMES = frozenset({"Telegram", "Stars", "id", "ref", "telegram", "VIII", "XI"})
"""Latin words a Ukrainian text may keep: product and protocol names, placeholders' neighbours, numerals."""

_FIELD = re.compile(r"\{[^{}]*\}")
_COMMAND = re.compile(r"/[a-z_]+|<[^<>]*>")
_CODE = re.compile(r"`[^`]*`")  # a code span (a header, a field, a protocol's name) is not prose
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")


def structure_keys() -> set[str]:
    """Every text key the structure asks each pack to word."""
    wanted: set[str] = set()
    for spread in spreads.SPREADS:
        wanted |= {keys.spread_name(spread.id), keys.spread_description(spread.id)}
        for position in spread.positions:
            wanted |= {
                keys.position_name(spread.id, position.id),
                keys.position_meaning(spread.id, position.id),
            }
        for item in spread.questionnaire:
            wanted |= {keys.question_prompt(spread.id, item.id), keys.question_hint(spread.id, item.id)}
    for product in (*products.PACKS, *products.TIERS):
        wanted.add(keys.product_name(product.id))
    for deck in decks.DECKS:
        wanted |= {keys.deck_name(deck.id), keys.deck_description(deck.id)}
        wanted |= {keys.deck_suit(deck.id, suit.value) for suit in Suit}
    return wanted


def forms(code: str, text: Text) -> list[tuple[str, str]]:
    """(category, template) for each form the language's plural rule uses; one entry for a plain text."""
    if isinstance(text, str):
        return [("", text)]
    return [
        (category, getattr(text, category))
        for category in sorted(categories_used(registry.plural_function(code)))
    ]


def own_words(template: str) -> str:
    """A template without its fields, commands and proper names: the words the writer wrote."""
    bare = _COMMAND.sub(" ", _FIELD.sub(" ", _CODE.sub(" ", template)))
    return " ".join(word for word in re.split(r"\s+", bare) if word.strip(".,:;()") not in PROPER_NAMES)


def test_english_and_ukrainian_ship() -> None:
    assert SHIPPED[0] == "en" and "uk" in SHIPPED


@pytest.mark.parametrize("code", SHIPPED)
def test_a_pack_words_everything_the_structure_defines(code: str) -> None:
    missing = structure_keys() - set(registry.texts(code))
    assert not missing, sorted(missing)


@pytest.mark.parametrize("code", SHIPPED)
def test_a_pack_defines_nothing_the_structure_does_not_know(code: str) -> None:
    structured = {k for k in registry.texts(code) if k.split(":")[0] in ("spread", "product", "deck")}
    assert structured <= structure_keys(), sorted(structured - structure_keys())


@pytest.mark.parametrize("code", OTHERS)
def test_a_pack_fills_every_key_english_defines_and_no_other(code: str) -> None:
    english, other = set(registry.texts("en")), set(registry.texts(code))
    assert not english - other, sorted(english - other)
    assert not other - english, sorted(other - english)


@pytest.mark.parametrize("code", SHIPPED)
def test_no_value_is_empty_in_any_form_the_language_uses(code: str) -> None:
    for key, text in registry.texts(code).items():
        for category, template in forms(code, text):
            assert template.strip(), f"{code}: {key} {category or ''} is empty"


@pytest.mark.parametrize("code", SHIPPED)
def test_a_counted_phrase_shows_its_number_in_every_form(code: str) -> None:
    for key, text in registry.texts(code).items():
        if key.startswith("count:"):
            assert isinstance(text, Plural), key
            for category, template in forms(code, text):
                assert "{" + text.count + "}" in template, (key, category)


@pytest.mark.parametrize("code", SHIPPED)
def test_every_counted_phrase_a_template_names_exists(code: str) -> None:
    defined = {key.removeprefix("count:") for key in registry.texts(code) if key.startswith("count:")}
    for key, text in registry.texts(code).items():
        for _, template in forms(code, text):
            for _, field, spec, _ in string.Formatter().parse(template):
                if field and spec:
                    assert spec in defined, (key, spec)


def test_no_ukrainian_value_is_the_english_one_left_in_place() -> None:
    english = registry.texts("en")
    for key, text in registry.texts("uk").items():
        for category, template in forms("uk", text):
            theirs = english[key] if isinstance(english[key], str) else english[key].form(category or "other")
            if re.search(r"[^\W\d_]", own_words(template)):  # texts of placeholders and marks alone may match
                assert template != theirs, f"uk {key} is the English text"


def test_ukrainian_values_are_cyrillic_ukrainian() -> None:
    for key, text in registry.texts("uk").items():
        for category, template in forms("uk", text):
            words = own_words(template)
            assert not _LATIN_WORD.search(words), f"uk {key} {category}: Latin words in {template!r}"
            if re.search(r"[^\W\d_]", words):
                assert _CYRILLIC.search(words), f"uk {key} {category}: not Cyrillic"


def test_ukrainian_keeps_our_terms_and_quotes() -> None:
    for key, text in registry.texts("uk").items():
        for _, template in forms("uk", text):
            lowered = template.lower()
            assert "ворожін" not in lowered, f"{key}: «ворожіння» (write «розклад» or «тлумачення»)"
            assert not re.search(r"\bпитанн", lowered), f"{key}: «питання» (write «запитання»)"
            assert "“" not in template and '"' not in template, f"{key}: use «…» quotes"
            assert "таке:" not in lowered, key


def test_hints_are_examples_without_their_own_for_example() -> None:
    for code in SHIPPED:
        for key, text in registry.texts(code).items():
            if key.endswith(".hint"):
                assert isinstance(text, str)
                assert not re.match(r"(e\.g\.|for example|наприклад)", text, re.IGNORECASE), (code, key)
