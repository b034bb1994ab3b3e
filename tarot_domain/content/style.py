"""The style sheet's mechanical rules (docs/content/STYLE.md), for card, deck and pair texts.

One function, `check`, serves the writers' script (`scripts/check_cards.py`) and the test suite alike, so
a rule is written once. It reads `CARDS` (`CardText` or a deck's `DeckCardText`) or `PAIRS` (pair texts)
from each module it is given and returns one line per problem:
- every field of a shared face filled; 3–5 keywords; at most `MAX_WORDS` words; a finished sentence;
  (keywords are checked for their count, picture words and script only: they are phrases, not sentences)
- no picture words (`PICTURE_WORDS`: these texts serve decks without Rider–Waite's scenes);
- a text does not name its own card (the composer names it, in the case its sentence needs);
- Ukrainian: Cyrillic words only, no «таке:», «…» quotes, no «і» between vowels, no «ворожіння»;
- no text is used twice among the modules checked together (check a whole pack at once: shared
  cards, deck traditions and pairs).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from types import ModuleType

from tarot_domain.content.schema import ASPECTS, TOPICS, CardText, DeckCardText, Face, FaceOverride, Name

PICTURE_WORDS: tuple[str, ...] = (
    # English, seeded from READING-GUIDE's Marseille examples and the style sheet's list
    "lit window", "carrying", "carries", "shimmer", "blindfold", "the figure", "figure on", "pictured",
    "the image", "on the card", "the card shows", "the man on", "the woman on", "lantern", "cliff",
    "little dog", "the dog", "the boat", "swords in the back", "in the picture", "depicted", "illustration",
    # Ukrainian counterparts
    "на карті зображ", "зображен", "фігура на", "постать на", "пов'язка на очах", "пов'язку",
    "зав'язаними очима", "ліхтар", "човен", "малюнок", "малюнку", "мерехт", "освітлене вікно",
    "освітлене віконце", "несе на", "урвищ", "собак",
)  # fmt: skip
"""Words that describe a card's picture rather than its meaning (matched lower-case, as substrings)."""

FIELDS: tuple[str, ...] = ("core", *ASPECTS, *TOPICS)
"""The prose fields of a face (keywords are phrases, checked for count only)."""

MAX_WORDS = 40
PAIR_MAX_WORDS = 60
"""A pair's text reads the two cards as one story: up to three short sentences."""

_CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
_LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_VOWELS = "аеєиіїоуюяАЕЄИІЇОУЮЯ"
_EUPHONY = re.compile(rf"[{_VOWELS}] і [{_VOWELS}]|\bі і\b")


def text_problems(
    label: str, value: str, language: str, names: Iterable[str] = (), max_words: int = MAX_WORDS
) -> list[str]:
    """What is wrong with one text (`label` says where it is, in each line)."""
    problems: list[str] = []
    if len(value.split()) > max_words:
        problems.append(f"{label}: {len(value.split())} words (max {max_words})")
    lowered = value.lower()
    problems += [f"{label}: picture word {word!r}" for word in PICTURE_WORDS if word in lowered]
    problems += [f"{label}: names the card ({name!r})" for name in names if name and name.lower() in lowered]
    if language == "uk":
        problems += _ukrainian_problems(label, value, lowered)
    if not value.rstrip().endswith((".", "!", "?", "…")):
        problems.append(f"{label}: not a finished sentence")
    return problems


def _ukrainian_problems(label: str, value: str, lowered: str) -> list[str]:
    problems: list[str] = []
    if not _CYRILLIC.search(value) or _LATIN_WORD.search(value):
        problems.append(f"{label}: not Cyrillic Ukrainian: {value!r}")
    if "таке:" in lowered:
        problems.append(f"{label}: the «таке:» habit")
    if '"' in value or "“" in value:
        problems.append(f"{label}: use «…» quotes")
    if _EUPHONY.search(value):
        problems.append(f"{label}: «і» between vowels (use й/та): {value!r}")
    if "ворожінн" in lowered:
        problems.append(f"{label}: «ворожіння» (use розклад/тлумачення)")
    return problems


def _faces(text: CardText | DeckCardText) -> Iterator[tuple[str, Face | FaceOverride]]:
    for orientation in ("upright", "reversed"):
        face = getattr(text, orientation)
        if face is not None:
            yield orientation, face


def _card_texts(where: str, text: CardText | DeckCardText, language: str) -> Iterator[tuple[str, str] | str]:
    """(label, text) for every prose field of a card, and a problem line for each missing or odd field."""
    names = [text.name.nom] if isinstance(text.name, Name) else []
    for orientation, face in _faces(text):
        if face.keywords is not None:
            if not 3 <= len(face.keywords) <= 5:
                yield f"{where} {orientation}.keywords: {len(face.keywords)} (want 3–5)"
            for keyword in face.keywords:
                label = f"{where} {orientation}.keywords"
                yield from (
                    f"{label}: picture word {word!r}" for word in PICTURE_WORDS if word in keyword.lower()
                )
                if not keyword.strip() or (language == "uk" and not _CYRILLIC.search(keyword)):
                    yield f"{label}: {keyword!r} is empty or not Ukrainian"
        for field in FIELDS:
            value: str | None = getattr(face, field)
            label = f"{where} {orientation}.{field}"
            if isinstance(face, Face) and (not value or not value.strip()):
                yield f"{label}: empty"
            if value:
                yield from text_problems(label, value, language, names)
                yield label, value


def check(module_names: Iterable[str]) -> list[str]:
    """Every problem in the card, deck and pair modules named (`tarot_domain.content.<lang>....`)."""
    problems: list[str] = []
    seen: dict[str, list[str]] = defaultdict(list)
    for module_name in module_names:
        language = module_name.split(".")[2]
        module = importlib.import_module(module_name)
        found: list[tuple[str, str] | str] = []
        cards: Mapping[str, CardText | DeckCardText] = getattr(module, "CARDS", {})
        for card_id, text in cards.items():
            found += _card_texts(f"{module_name}:{card_id}", text, language)
        pairs: Mapping[tuple[str, str], str] = getattr(module, "PAIRS", {})
        for (a, b), value in pairs.items():
            label = f"{module_name}:{a}+{b}"
            found += text_problems(label, value, language, max_words=PAIR_MAX_WORDS)
            found.append((label, value))
        for item in found:
            if isinstance(item, str):
                problems.append(item)
            else:
                seen[item[1].strip()].append(item[0])
    for value, labels in seen.items():
        if len(labels) > 1:
            problems.append(f"duplicate text in {', '.join(labels)}: {value[:60]!r}")
    return problems


def pack_modules(code: str, package: str = "tarot_domain.content") -> list[str]:
    """The card-knowledge modules of one pack: `cards/*`, `decks/*/*` and `pairs`, that exist."""
    names: list[str] = []
    for sub in ("cards", *(f"decks.{deck}" for deck in _children(f"{package}.{code}.decks"))):
        names += [f"{package}.{code}.{sub}.{child}" for child in _children(f"{package}.{code}.{sub}")]
    if _module(f"{package}.{code}.pairs") is not None:
        names.append(f"{package}.{code}.pairs")
    return names


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name is not None and name.startswith(error.name):
            return None
        raise


def _children(package_name: str) -> list[str]:
    package = _module(package_name)
    if package is None or not hasattr(package, "__path__"):
        return []
    return sorted(info.name for info in pkgutil.iter_modules(package.__path__))
