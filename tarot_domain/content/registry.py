"""The one language registry: which languages the service speaks, and every text a user reads in each.

A language is a pack folder, `tarot_domain/content/<code>/` (a 2–3 letter lower-case code), discovered by
listing the package (nothing is imported to list it). Packs are Python data modules read by ordinary
imports, lazily and one language at a time: a cold start pays only for the language it speaks, compiled
`.pyc` load fastest, mypy checks every literal, and there is no parsing code. The domain does no other I/O.

More pack folders can be added from outside the package with `add_pack_dir` (runners read
`TAROT_CONTENT_PATH`); such packs import exactly like the shipped ones.

English is complete by definition and is the fallback for any text another pack lacks.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any

from tarot_domain.content import keys
from tarot_domain.content.plural import PluralFunction, compile_rule
from tarot_domain.content.shapes import About, DeckText, Plural, SpreadText, Text

if TYPE_CHECKING:  # the card, lexicon and phrase shapes cost an import only where they are read
    from tarot_domain.content.lexicon import QuestionLexicon
    from tarot_domain.content.phrasing import Phrasing
    from tarot_domain.content.prompting import PromptText
    from tarot_domain.content.schema import CardText, DeckCardText

FALLBACK = "en"
PACKAGE = "tarot_domain.content"
TEXT_MODULES: tuple[str, ...] = ("messages", "bot", "api", "spreads", "products", "deck_texts")
"""The modules of a pack the registry reads texts from (see `shapes` for what each holds)."""

_CODE = re.compile(r"[a-z]{2,3}")
_PHRASE = re.compile(r"[a-z][a-z_-]+")


class UnknownLanguage(KeyError):
    """No pack for this code."""


# --- discovery ----------------------------------------------------------------------------------------


def _package() -> ModuleType:
    return importlib.import_module(PACKAGE)


@cache
def languages() -> tuple[str, ...]:
    """Every language with a pack, English first, then by code."""
    found = {
        info.name
        for info in pkgutil.iter_modules(_package().__path__)
        if info.ispkg and _CODE.fullmatch(info.name)
    }
    if FALLBACK not in found:
        raise RuntimeError(f"the {FALLBACK!r} pack is missing from {PACKAGE}")
    return (FALLBACK, *sorted(found - {FALLBACK}))


def is_language(code: str) -> bool:
    return code in languages()


def match_language(code: str | None) -> str | None:
    """The pack a client's language tag (`uk`, `uk-UA`, `en_GB`) asks for, or None when we have none."""
    if not code:
        return None
    base = code.strip().lower().replace("_", "-").split("-")[0]
    return base if is_language(base) else None


def add_pack_dir(path: str) -> None:
    """Also find pack folders in `path` (a folder holding `<code>/__init__.py`, `<code>/about.py`, ...)."""
    search = _package().__path__
    if path not in search:
        search.append(path)
    forget()


def remove_pack_dir(path: str) -> None:
    search = _package().__path__
    if path in search:
        search.remove(path)
    forget()


def forget() -> None:
    """Drop what the registry learnt, so the next question rediscovers the packs (pack dirs changed)."""
    for function in (
        languages,
        about,
        texts,
        plural_function,
        card_texts,
        deck_card_texts,
        pair_texts,
        phrasing,
        prompt_text,
        question_lexicon,
    ):
        function.cache_clear()
    from tarot_domain.content import version

    version.content_version.cache_clear()


def pack_module(code: str, name: str) -> ModuleType | None:
    """The module `name` of the pack for `code`, or None when the pack has no such module."""
    if not is_language(code):
        raise UnknownLanguage(code)
    full = f"{PACKAGE}.{code}.{name}"
    try:
        return importlib.import_module(full)
    except ModuleNotFoundError as error:
        if error.name == full:
            return None
        raise


@cache
def about(code: str) -> About:
    """The pack's `ABOUT`; a pack without one borrows English's plural rule and uses its code as name."""
    module = pack_module(code, "about")
    if module is None:
        english = about(FALLBACK) if code != FALLBACK else About(name=code, english_name=code)
        return About(name=code, english_name=code, plural=english.plural)
    found: About = module.ABOUT
    return found


# --- texts --------------------------------------------------------------------------------------------


@cache
def texts(code: str) -> Mapping[str, Text]:
    """Every text the pack for `code` defines, under its flat key (see `keys`); no fallback."""
    flat: dict[str, Text] = {}

    def put(key: str, value: Text, where: str) -> None:
        if key in flat:
            raise ValueError(f"{code} pack: {key!r} is defined twice ({where})")
        flat[key] = value

    for name in TEXT_MODULES:
        module = pack_module(code, name)
        if module is None:
            continue
        where = f"{code}.{name}"
        for key, message in getattr(module, "MESSAGES", {}).items():
            put(key, message, where)
        for phrase, counted in getattr(module, "COUNTS", {}).items():
            put(keys.count(phrase), counted, where)
        for key, value in _spread_texts(getattr(module, "SPREADS", {})):
            put(key, value, where)
        for product_id, product_name in getattr(module, "PRODUCTS", {}).items():
            put(keys.product_name(product_id), product_name, where)
        for key, value in _deck_texts(getattr(module, "DECKS", {})):
            put(key, value, where)
    return MappingProxyType(flat)


def _spread_texts(spreads: Mapping[str, SpreadText]) -> Iterator[tuple[str, str]]:
    for spread_id, spread in spreads.items():
        yield keys.spread_name(spread_id), spread.name
        yield keys.spread_description(spread_id), spread.description
        for position_id, position in spread.positions.items():
            yield keys.position_name(spread_id, position_id), position.name
            yield keys.position_meaning(spread_id, position_id), position.meaning
        for item_id, item in spread.questions.items():
            yield keys.question_prompt(spread_id, item_id), item.prompt
            yield keys.question_hint(spread_id, item_id), item.hint


def _deck_texts(decks: Mapping[str, DeckText]) -> Iterator[tuple[str, str]]:
    for deck_id, deck in decks.items():
        yield keys.deck_name(deck_id), deck.name
        yield keys.deck_description(deck_id), deck.description
        for suit, word in deck.suits.items():
            yield keys.deck_suit(deck_id, suit), word


def lookup(key: str, code: str) -> Text | None:
    """The text for `key` in `code`'s pack, else English's, else None."""
    if is_language(code):
        found = texts(code).get(key)
        if found:
            return found
    return texts(FALLBACK).get(key) or None


def translate(key: str, code: str, /, **params: Any) -> str:
    """The message for `key` in `code` (English when missing), filled with `params`.

    A plural message takes the form for its count parameter; `{n:phrase}` fields render counted phrases.
    A missing key returns the key itself, and a template whose fields cannot be filled is returned as it
    is, so a gap shows in tests rather than as a crash in front of a user.
    """
    text = lookup(key, code)
    if text is None:
        return key
    language = code if is_language(code) else FALLBACK
    template = text if isinstance(text, str) else text.form(category_of(text, params, language))
    try:
        return _Formatter(language).vformat(template, (), params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return template


def counted(phrase: str, number: int, code: str) -> str:
    """`number` with the counted phrase in `code` ("1 credit", "21 кредит"); the bare number if unknown."""
    text = lookup(keys.count(phrase), code)
    if not isinstance(text, Plural):
        return str(number)
    language = code if is_language(code) else FALLBACK
    return text.form(plural_category(language, number)).format(**{text.count: number})


class PackText(Mapping[str, str]):
    """One text in every language (language code → text), read from the packs when asked.

    Model objects (spreads, decks, products) hold these instead of copies of their words, so a pack is the
    only place a text lives; `model.localized.pick(text, code)` falls back to English as for any mapping.
    """

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def __getitem__(self, code: str) -> str:
        value = texts(code).get(self.key) if is_language(code) else None
        if not isinstance(value, str) or not value:
            raise KeyError(code)
        return value

    def __iter__(self) -> Iterator[str]:
        return (code for code in languages() if isinstance(texts(code).get(self.key), str))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return f"PackText({self.key!r})"


# --- plurals ------------------------------------------------------------------------------------------


@cache
def plural_function(code: str) -> PluralFunction:
    return compile_rule(about(code).plural)


def plural_category(code: str, number: int) -> str:
    """The CLDR plural category of `number` in `code` (`one`, `few`, `many`, `other`, ...)."""
    return plural_function(code)(abs(number))


def category_of(text: Plural, params: Mapping[str, Any], code: str) -> str:
    number = params.get(text.count)
    if isinstance(number, int) and not isinstance(number, bool):
        return plural_category(code, number)
    return "other"


class _Formatter(string.Formatter):
    """`str.format` that renders `{n:phrase}` through the pack's counted phrases."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def format_field(self, value: Any, format_spec: str) -> Any:
        if _PHRASE.fullmatch(format_spec) and isinstance(value, int) and not isinstance(value, bool):
            return counted(format_spec, value, self.code)
        return super().format_field(value, format_spec)


def language_name(code: str) -> str:
    """The language in itself ("Українська"), for menus."""
    return about(code).name


def english_name(code: str) -> str:
    return about(code).english_name


# --- card knowledge -----------------------------------------------------------------------------------


def _cards_in(package_name: str) -> dict[str, Any]:
    """`CARDS` of every module in `package_name` merged; an absent package has none."""
    try:
        package = importlib.import_module(package_name)
    except ModuleNotFoundError as error:
        if error.name is not None and package_name.startswith(error.name):
            return {}
        raise
    merged: dict[str, Any] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda item: item.name):
        module = importlib.import_module(f"{package_name}.{info.name}")
        for card_id, text in getattr(module, "CARDS", {}).items():
            if card_id in merged:
                raise ValueError(f"{package_name}: card {card_id!r} is written twice")
            merged[card_id] = text
    return merged


@cache
def card_texts(code: str) -> Mapping[str, CardText]:
    """The pack's card knowledge (`<code>/cards/*.py`), by canonical card id; empty until written."""
    if not is_language(code):
        raise UnknownLanguage(code)
    return MappingProxyType(_cards_in(f"{PACKAGE}.{code}.cards"))


@cache
def deck_card_texts(code: str, deck_id: str) -> Mapping[str, DeckCardText]:
    """What deck `deck_id` names and reads differently in this pack (`<code>/decks/<deck>/*.py`)."""
    if not is_language(code):
        raise UnknownLanguage(code)
    return MappingProxyType(_cards_in(f"{PACKAGE}.{code}.decks.{deck_id.replace('-', '_')}"))


@cache
def pair_texts(code: str) -> Mapping[tuple[str, str], str]:
    """The pack's texts for meaningful pairs (`<code>/pairs.py`), by sorted pair of card ids."""
    module = pack_module(code, "pairs")
    found: Mapping[tuple[str, str], str] = {} if module is None else getattr(module, "PAIRS", {})
    return MappingProxyType(dict(found))


@cache
def phrasing(code: str) -> Phrasing | None:
    """The pack's composer phrase tables (`<code>/composer.py`), or None when the pack has none (the
    offline composer then writes in English)."""
    module = pack_module(code, "composer")
    found: Phrasing | None = None if module is None else getattr(module, "PHRASING", None)
    return found


@cache
def prompt_text(code: str) -> PromptText:
    """The pack's LLM prompt words (`<code>/prompt.py`), else English's."""
    module = pack_module(code, "prompt") if is_language(code) else None
    found: PromptText | None = None if module is None else getattr(module, "PROMPT", None)
    if found is not None:
        return found
    if code == FALLBACK:
        raise RuntimeError("the English pack has no prompt")
    return prompt_text(FALLBACK)


# --- the question lexicon -----------------------------------------------------------------------------


@cache
def question_lexicon(code: str) -> QuestionLexicon | None:
    """The pack's words and patterns for reading questions (`<code>/question.py`), or None without one."""
    module = pack_module(code, "question")
    if module is None:
        return None
    found: QuestionLexicon = module.LEXICON
    return found
