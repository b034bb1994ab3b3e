"""The shapes content is written in: names with their grammar, and what a card says in each orientation.

Pack modules are literal data built from these classes and nothing else, so a pack reads like a table and
mypy checks every field. Content is the lowest layer: it imports only the standard library and attrs.

Card knowledge (one `CardText` per card, per language):
- `core`: what the card means in this orientation, plainly (1–2 sentences, present tense).
- six aspects a position's role picks from: `gift` (what it offers, when it helps), `shadow` (how it blocks or
  what goes wrong: an obstacle must read as an obstacle), `lesson` (what it teaches), `action` (the concrete
  step it asks for, imperative), `person` (who it may be: someone in the querent's life), `leads` (where it
  leads: the outcome or near future, as a tendency), plus `past` (the same card as lived background, in the
  past tense).
- one note per topic (`love`, `work`, `money`, `wellbeing` — never medical —, `home`, `study`, `spirit`).
Each text is one standalone sentence (two at most), addressed to the querent, that does not name the card:
the composer names it in the case its own sentence needs.
"""

from __future__ import annotations

import enum

from attrs import frozen

ASPECTS: tuple[str, ...] = ("gift", "shadow", "lesson", "action", "person", "leads", "past")
"""The facets of a card a position's role can ask for (`past` is the card told in the past tense)."""

TOPICS: tuple[str, ...] = ("love", "work", "money", "wellbeing", "home", "study", "spirit")
"""The topics a question can be about; each card carries one note per topic and orientation."""

CASES: tuple[str, ...] = ("nom", "gen", "dat", "acc", "ins", "loc", "voc")
"""Grammatical cases a sentence may need a name in (Ukrainian uses all seven; English only `nom`)."""


class Gender(enum.Enum):
    MASCULINE = "m"
    FEMININE = "f"
    NEUTER = "n"


@frozen
class Name:
    """A name as running text needs it.

    - `nom` … `voc`: the case forms; a form left empty falls back to `nom` (English fills `nom` only).
    - `gender` and `plural`: what adjectives, pronouns and past-tense verbs agree with ("Закохані" is plural).
    - `article`: English only: the article running text puts before the name, outside the bold name
      ("the **Tower**", "**Death**"); empty when the name takes none.
    - `title`: the name as printed on the card, when it differs from `article` + `nom` (English
      "The Tower" is derived; "Wheel of Fortune" is printed without its article).
    """

    nom: str
    gen: str = ""
    dat: str = ""
    acc: str = ""
    ins: str = ""
    loc: str = ""
    voc: str = ""
    gender: Gender = Gender.MASCULINE
    plural: bool = False
    article: str = ""
    title: str = ""

    def form(self, case: str) -> str:
        """The name in `case` (one of `CASES`), falling back to the nominative."""
        if case not in CASES:
            raise ValueError(f"unknown case {case!r}")
        value: str = getattr(self, case)
        return value or self.nom

    @property
    def printed(self) -> str:
        """The name as printed on the card."""
        if self.title:
            return self.title
        if self.article:
            return f"{self.article[:1].upper()}{self.article[1:]} {self.nom}"
        return self.nom


@frozen
class Face:
    """What a card says in one orientation (see the module docstring for each field)."""

    keywords: tuple[str, ...]
    core: str
    gift: str
    shadow: str
    lesson: str
    action: str
    person: str
    leads: str
    past: str
    love: str
    work: str
    money: str
    wellbeing: str
    home: str
    study: str
    spirit: str

    def aspect(self, name: str) -> str:
        if name not in ASPECTS:
            raise ValueError(f"unknown aspect {name!r}")
        value: str = getattr(self, name)
        return value

    def topic(self, name: str) -> str:
        if name not in TOPICS:
            raise ValueError(f"unknown topic {name!r}")
        value: str = getattr(self, name)
        return value


@frozen
class CardText:
    """One card in one language: its name (canonical, Rider–Waite–Smith) and both orientations."""

    name: Name
    upright: Face
    reversed: Face


@frozen
class FaceOverride:
    """What a deck reads differently in one orientation; a field left None falls back to the shared text.

    Overrides are written whole where the tradition differs: `core`, `keywords` and every aspect; topic
    notes only where the shared note would contradict the deck's meaning.
    """

    keywords: tuple[str, ...] | None = None
    core: str | None = None
    gift: str | None = None
    shadow: str | None = None
    lesson: str | None = None
    action: str | None = None
    person: str | None = None
    leads: str | None = None
    past: str | None = None
    love: str | None = None
    work: str | None = None
    money: str | None = None
    wellbeing: str | None = None
    home: str | None = None
    study: str | None = None
    spirit: str | None = None


@frozen
class DeckCardText:
    """One card as a deck's tradition names and reads it, in one language.

    `name` replaces the canonical name (Thoth "Lust", Marseille "Valet of Batons"); `epithet` is a small
    card's title (Thoth "Dominion"), always nominative; `upright`/`reversed` override the shared texts.
    """

    name: Name | None = None
    epithet: str | None = None
    upright: FaceOverride | None = None
    reversed: FaceOverride | None = None
