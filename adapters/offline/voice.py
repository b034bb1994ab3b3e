"""How the offline composer says things: seeded choices, names in the case a frame needs, finished text.

- `Chooser`: every choice between phrasings, from one hash of the request, so a request always reads the
  same while different requests read differently; a reading never uses the same variant twice.
- `Named`: a card or the question's matter, with the grammar a frame needs (`content.phrasing` lists the
  slots).
- `Voice`: fills frames for one reading (it remembers which cards it has introduced, so "reversed" and a
  Thoth title come with the first mention only) and finishes paragraphs: sentence capitals, and in
  Ukrainian і/й/та and у/в chosen for euphony.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from tarot_domain.content.phrasing import Phrasing
from tarot_domain.content.schema import CASES, Gender, Name
from tarot_domain.model.euphony import euphonise
from tarot_domain.model.markup import bold

T = TypeVar("T")

_SLOT = re.compile(r"\{(\w+)(?::(\w+))?(?:\?([^{}]*))?\}")
_SENTENCE_START = re.compile(r"(^|[.!?…]\s+|\n)([*«\"(]*)(\w)")
AGREEMENT = ("m", "f", "n", "pl")
NAME_CASES = CASES[:6]


class Chooser:
    """Deterministic choices from a seed: the same seed and key always give the same pick.

    `offset` shifts every pick by a fixed step: readings that differ only in it (the same draw and
    question in another deck) start each family at a different variant, so they never read alike by
    chance."""

    def __init__(self, *parts: object, offset: int = 0) -> None:
        self._seed = hashlib.sha256("\x1f".join(repr(part) for part in parts).encode()).digest()
        self._offset = offset
        self._used: set[str] = set()

    def number(self, key: str) -> int:
        return int.from_bytes(hashlib.sha256(self._seed + key.encode()).digest()[:8], "big")

    def pick(self, key: str, options: Sequence[T]) -> T:
        return options[self.number(key) % len(options)]

    def fresh(self, key: str, options: Sequence[str]) -> str:
        """A variant of `options` not yet used in this reading (from a seeded start); when every variant
        of the family has been used, the seeded one again."""
        if not options:
            raise ValueError(f"no variants for {key!r}")
        start = (self.number(key) + self._offset) % len(options)
        for turn in range(len(options)):
            option = options[(start + turn) % len(options)]
            if option not in self._used:
                self._used.add(option)
                return option
        return options[start]


@dataclass(frozen=True)
class Named:
    """Something a frame names: a card (bold, with its orientation and title) or the question's matter.

    `key` tells mentions of one card apart; `pronoun` is "he", "she" or "they" for a matter that is the
    other person of the question."""

    key: str
    name: Name
    card: bool = True
    reversed: bool = False
    epithet: str | None = None
    pronoun: str | None = None

    @property
    def agreement(self) -> str:
        if self.name.plural:
            return "pl"
        return {Gender.MASCULINE: "m", Gender.FEMININE: "f", Gender.NEUTER: "n"}[self.name.gender]

    @property
    def animate(self) -> bool:
        """Whether the accusative takes the genitive's form (Мага, Закоханих), as for a person."""
        return bool(self.name.acc) and self.name.acc == self.name.gen and self.agreement in ("m", "pl")


Slot = Named | str


@dataclass
class Voice:
    language: str
    phrasing: Phrasing
    introduced: set[str] = field(default_factory=set)

    @property
    def declines(self) -> bool:
        """Whether the language puts names in cases (its packs write the case forms)."""
        return bool(self.phrasing.agreeing)

    def word(self, key: str, **slots: Slot) -> str:
        return self.fill(self.phrasing.words.get(key, key), slots)

    def fill(self, template: str, slots: Mapping[str, Slot]) -> str:
        """`template` with every slot filled (see `content.phrasing`); an unknown slot stays as written."""

        def one(match: re.Match[str]) -> str:
            key, case, forms = match.group(1), match.group(2) or "", match.group(3)
            value = slots.get(key)
            if value is None:
                return match.group(0)
            if isinstance(value, str):
                return value[:1].lower() + value[1:] if case == "lc" and _lowerable(value) else value
            if forms is not None:
                return _agree(forms, value.agreement)
            return self.mention(value, case or "nom")

        return _SLOT.sub(one, template)

    def mention(self, named: Named, case: str = "nom") -> str:
        """The name in `case` (a leading "p": after a preposition), bold for a card; a card's first
        mention adds its orientation and its title."""
        after_preposition = case.startswith("p") and case[1:] in NAME_CASES
        base = case[1:] if after_preposition else case if case in NAME_CASES else "nom"
        if not named.card:
            return self._matter(named, base, after_preposition)
        first = named.key not in self.introduced
        self.introduced.add(named.key)
        form = named.name.form(base) if self.declines else named.name.nom
        text = bold(form)
        if self.declines:
            if first and named.reversed:
                text = f"{self._reversed(named, base)} {text}"
            if first and named.epithet:
                text = f"{text} ({self.phrasing.words.get('title', '{t}').format(t=named.epithet)})"
            return text
        if named.name.article:
            text = f"{named.name.article} {text}"
        if first and named.epithet:
            text = f"{text} ({named.epithet})"
        if first and named.reversed:
            text = f"{text} {self.phrasing.words.get('reversed', 'reversed')}"
        return text

    def _matter(self, named: Named, case: str, after_preposition: bool) -> str:
        if not self.declines:
            if named.pronoun and case != "nom":
                return self.phrasing.words.get(f"object.{named.pronoun}", named.name.nom)
            return named.name.nom
        form = named.name.form(case)
        if after_preposition and named.pronoun:
            return self.phrasing.words.get(f"after-preposition.{form}", form)
        return form

    def _reversed(self, named: Named, case: str) -> str:
        forms = self.phrasing.agreeing.get("reversed", {}).get(named.agreement, ())
        if not forms:
            return ""
        index = NAME_CASES.index(case)
        if case == "acc" and named.animate:
            index = NAME_CASES.index("gen")
        return forms[index] if index < len(forms) else forms[0]

    def finish(self, paragraph: str) -> str:
        """A paragraph ready to show: single spaces, capital letters where sentences start, and Ukrainian
        euphony."""
        text = " ".join(paragraph.split())
        text = text.replace(" ,", ",").replace(" .", ".").replace(" :", ":").replace("..", ".")
        if self.language == "uk":
            text = euphonise(text)
        return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2) + m.group(3).upper(), text)


def _agree(forms: str, agreement: str) -> str:
    options = forms.split("/")
    index = AGREEMENT.index(agreement)
    return options[min(index, len(options) - 1)]


def _lowerable(text: str) -> bool:
    """Whether a text's first letter can go lower case to continue a sentence (not "I", not an acronym
    or a name in capitals)."""
    if not text or not text[0].isupper():
        return False
    first = text.split(" ", 1)[0].strip(",.;:")
    if first in ("I", "I'm", "I've", "I'd", "I'll"):
        return False
    return not (len(first) > 1 and first[1].isupper())


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if _lowerable(text) else text


def sentences(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"(?<=[.!?…])\s+", text.strip()) if part.strip()]


def without_end(text: str) -> str:
    """A sentence without its final stop, so a frame can continue it."""
    return text.rstrip().rstrip(".!…").rstrip()
