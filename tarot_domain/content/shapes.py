"""The shapes a language pack's text modules are written in (card knowledge has its own, in `schema`).

A pack is a folder `tarot_domain/content/<code>/` of Python data modules, each holding literals built from
these classes:

- `about.py`: `ABOUT = About(...)`: the language's own name, its English name and its CLDR plural rule.
- `messages.py`: `MESSAGES: Mapping[str, Text]` (what every frontend shows: errors, reading lines,
  listings) and `COUNTS: Mapping[str, Plural]` (counted phrases: "1 credit", "5 кредитів").
- `bot.py`: `MESSAGES: Mapping[str, Text]`, the chat frontends' own texts (Telegram, `tarot chat`).
- `spreads.py`: `SPREADS: Mapping[str, SpreadText]`, keyed by spread id.
- `products.py`: `PRODUCTS: Mapping[str, str]`, the name of each credit pack and tier, keyed by id.
- `deck_texts.py`: `DECKS: Mapping[str, DeckText]`, each deck's name, description and suit words, by id.

Every module is optional (a missing text falls back to English), but a shipped pack fills every key the
structure and the English pack define; a test holds each shipped pack to that.

Templates are `str.format` strings with named fields. A field may name a counted phrase after a colon:
`{cost:credits}` renders `cost` through `COUNTS["credits"]` in the pack's plural rule ("1 credit",
"2 кредити", "5 кредитів"). A whole message can also vary with a count (`Plural` as a message value),
where more of the sentence than one noun agrees with the number.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

from attrs import field, frozen

CATEGORIES: tuple[str, ...] = ("zero", "one", "two", "few", "many", "other")
"""CLDR plural categories, in CLDR's order."""


@frozen
class Plural:
    """One text per CLDR plural category; `count` names the parameter whose number picks the form.

    `other` is always required (CLDR's fallback); fill every category the language's rule gives for whole
    numbers (English: `one`; Ukrainian: `one`, `few`, `many`). A form left empty falls back to `other`.
    """

    other: str
    one: str = ""
    two: str = ""
    few: str = ""
    many: str = ""
    zero: str = ""
    count: str = "count"

    def form(self, category: str) -> str:
        if category not in CATEGORIES:
            raise ValueError(f"unknown plural category {category!r}")
        value: str = getattr(self, category)
        return value or self.other


Text: TypeAlias = str | Plural
"""A message: a template, or templates by plural category."""


@frozen
class About:
    """What the registry needs to know about a language before reading any of its texts.

    - `name`: the language in itself ("Українська"), for menus.
    - `english_name`: the language in English ("Ukrainian"), for logs and the LLM prompt.
    - `plural`: the CLDR plural rule, category → condition in CLDR syntax (integer samples may be left
      out); `other` is implied. Copy it from CLDR's plurals.xml; a test checks it against Babel's data.
    - `in_language`: "in this language" said in it («українською мовою»), which tells a model which
      language to write in when the English name alone could be misread; empty for English.
    """

    name: str
    english_name: str
    plural: Mapping[str, str] = field(factory=dict)
    in_language: str = ""


@frozen
class PositionText:
    """A spread position's name and what it asks of the card drawn for it."""

    name: str
    meaning: str


@frozen
class QuestionText:
    """A questionnaire item: the question, and a short example answer (no "e.g.": frontends add it)."""

    prompt: str
    hint: str


@frozen
class SpreadText:
    """A spread's words in one language; `positions` and `questions` are keyed by the structure's ids."""

    name: str
    description: str
    positions: Mapping[str, PositionText] = field(factory=dict)
    questions: Mapping[str, QuestionText] = field(factory=dict)


@frozen
class DeckText:
    """A deck's name, its description, and its suit words keyed by suit id (`wands` … `pentacles`) as the
    deck prints them in a card name: English "Disks", Ukrainian in the genitive plural «Дисків»."""

    name: str
    description: str
    suits: Mapping[str, str] = field(factory=dict)
