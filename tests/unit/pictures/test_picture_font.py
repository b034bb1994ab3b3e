"""The picture's typeface installs with the project and has a glyph for every character it will be asked for.

The characters come from the packs themselves: every card name of every pack (shared knowledge in
`content/<lang>/cards/*.py`, each deck's in `content/<lang>/decks/*/*.py`, every case form and epithet),
every spread and position name, every deck name, plus every line the renderer's request builder produces
for all 78 cards in every deck and language, as written and in capitals (two decks print names in capitals).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from picture_support import DECKS

from adapters.pillow.fonts import FONT_PACKAGE, Weight, font, font_path
from tarot_domain.content import registry
from tarot_domain.content.schema import CASES, Name
from tarot_domain.model.cards import catalogue
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.spreads import get_spread
from tarot_domain.use_cases.pictures import picture_request

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
"""All of it, ґ included, whether or not today's names use every letter."""
PACKAGE_DIR = Path(str(resources.files(FONT_PACKAGE)))


def _pack_modules(code: str) -> Iterator[object]:
    for group in ("cards", "decks"):
        package = importlib.import_module(f"{registry.PACKAGE}.{code}.{group}")
        yield package
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}."):
            yield importlib.import_module(info.name)


def _name_texts(name: Name) -> Iterator[str]:
    yield from (name.form(case) for case in CASES)
    yield name.printed


def pack_texts() -> Iterator[str]:
    """Every card, position, spread and deck name the packs hold, in every language."""
    for code in registry.languages():
        for module in _pack_modules(code):
            for text in getattr(module, "CARDS", {}).values():
                if getattr(text, "name", None) is not None:
                    yield from _name_texts(text.name)
                if getattr(text, "epithet", None):
                    yield text.epithet
        for spread in registry.pack_module(code, "spreads").SPREADS.values():  # type: ignore[union-attr]
            yield spread.name
            yield from (position.name for position in spread.positions.values())
        for key, value in registry.texts(code).items():
            if key.startswith(("deck:", "spread:")) and isinstance(value, str):
                yield value


def picture_texts() -> Iterator[str]:
    """Every word a picture request carries, for all 78 cards in every deck and language."""
    ids = catalogue().ids
    for code in registry.languages():
        for deck_id in DECKS:
            for start in range(0, len(ids), 15):  # 78 cards, fifteen at a time (the last chunk overlaps)
                chunk = ids[start : start + 15] if start + 15 <= len(ids) else ids[-15:]
                cards = [
                    DrawnCard(p, c, reversed=True) for p, c in zip(_life_path_positions(), chunk, strict=True)
                ]
                request = picture_request("life-path", deck_id, code, cards)
                yield from (request.title, request.deck_name, request.reversed_word)
                for card in request.cards:
                    yield from (card.label, card.name, card.subtitle, card.position_name)


@cache
def _life_path_positions() -> tuple[str, ...]:
    return tuple(position.id for position in get_spread("life-path").positions)


@cache
def needed() -> frozenset[str]:
    chars: set[str] = set()
    for text in (*pack_texts(), *picture_texts()):
        chars |= set(text) | set(text.upper())
    chars |= set(UKRAINIAN_ALPHABET) | set(UKRAINIAN_ALPHABET.upper()) | set("0123456789IVXL·,—…ʼ'’«»")
    return frozenset(ch for ch in chars if not ch.isspace())


def test_the_packs_give_the_check_real_work() -> None:
    names = set(pack_texts())
    assert {"Ace of Cups", "Туз Кубків", "Кельтський хрест"} <= names
    assert len(names) > 2 * 78, "the packs' card names were not all read"
    drawn = "".join(picture_texts())
    assert {"і", "є", "ь"} <= set(drawn) and "Панування" in drawn and "Життєвий шлях" in drawn


@pytest.mark.parametrize("weight", list(Weight))
def test_every_weight_covers_every_character_of_every_name(weight: Weight) -> None:
    cmap = TTFont(font_path(weight)).getBestCmap()
    missing = sorted(ch for ch in needed() if ord(ch) not in cmap)
    assert not missing, f"{weight.value} lacks {''.join(missing)!r}"
    assert ord("ʼ") in cmap, "the Ukrainian apostrophe (U+02BC) must be drawable"


@pytest.mark.parametrize("weight", list(Weight))
def test_the_font_comes_from_the_installed_package_not_the_system(weight: Weight) -> None:
    path = font_path(weight)
    assert path.is_file()
    assert PACKAGE_DIR in path.parents, f"{path} is not inside the {FONT_PACKAGE} package"
    assert font(weight, 20).getname()[0] == "Source Serif Pro"


def test_the_font_package_is_pinned_and_ships_its_licence() -> None:
    requires = metadata.requires("tarot-bot") or []
    assert any(line.replace(" ", "").startswith("font-source-serif-pro==") for line in requires)
    licence = (PACKAGE_DIR / "files" / "LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence
