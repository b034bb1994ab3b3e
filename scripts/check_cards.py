"""Check card-knowledge modules against the style sheet (docs/content/STYLE.md).

    .venv/bin/python scripts/check_cards.py \
        tarot_domain.content.en.cards.cups tarot_domain.content.uk.cards.cups

Each module defines `CARDS: Mapping[str, CardText]` (shared knowledge) or `CARDS: Mapping[str, DeckCardText]`
(a deck's overrides). Prints one line per problem and exits 1 when there is any. The same rules run as tests
once the registry loads the packs; this script is for writers while they write.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping

from tarot_domain.content.schema import ASPECTS, TOPICS, CardText, DeckCardText, Face, FaceOverride

PICTURE_WORDS = (
    "lit window", "carrying", "carries", "shimmer", "blindfold", "the figure", "figure on", "pictured",
    "the image", "on the card", "the man on", "the woman on", "lantern", "cliff", "little dog", "the boat",
    "in the picture", "depicted", "illustration",
    "на карті зображ", "зображен", "фігура на", "пов'язка на очах", "пов'язку", "ліхтар", "човен", "малюнок",
    "мерехт", "освітлене вікно", "несе на",
)  # fmt: skip
FIELDS = ("core", *ASPECTS, *TOPICS)
MAX_WORDS = 40
_CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
_LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
_VOWELS = "аеєиіїоуюяАЕЄИІЇОУЮЯ"
_EUPHONY = re.compile(rf"[{_VOWELS}] і [{_VOWELS}]|\bі і\b")


def _faces(text: CardText | DeckCardText) -> Iterator[tuple[str, Face | FaceOverride]]:
    for orientation in ("upright", "reversed"):
        face = getattr(text, orientation)
        if face is not None:
            yield orientation, face


def check(module_names: list[str]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, list[str]] = defaultdict(list)
    for module_name in module_names:
        language = module_name.split(".")[2]
        cards: Mapping[str, CardText | DeckCardText] = importlib.import_module(module_name).CARDS
        for card_id, text in cards.items():
            where = f"{module_name}:{card_id}"
            names = []
            if text.name is not None:
                names = [text.name.nom]
            for orientation, face in _faces(text):
                values = {field: getattr(face, field) for field in FIELDS}
                if isinstance(face, Face):
                    for field, value in values.items():
                        if not value or not value.strip():
                            problems.append(f"{where} {orientation}.{field}: empty")
                if face.keywords is not None and not 3 <= len(face.keywords) <= 5:
                    problems.append(f"{where} {orientation}.keywords: {len(face.keywords)} (want 3–5)")
                for field, value in values.items():
                    if not value:
                        continue
                    label = f"{where} {orientation}.{field}"
                    seen[value.strip()].append(label)
                    if len(value.split()) > MAX_WORDS:
                        problems.append(f"{label}: {len(value.split())} words (max {MAX_WORDS})")
                    lowered = value.lower()
                    for word in PICTURE_WORDS:
                        if word in lowered:
                            problems.append(f"{label}: picture word {word!r}")
                    for name in names:
                        if name and name.lower() in lowered:
                            problems.append(f"{label}: names the card ({name!r})")
                    if language == "uk":
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
                    if not value.rstrip().endswith((".", "!", "?", "…")):
                        problems.append(f"{label}: not a finished sentence")
    for value, labels in seen.items():
        if len(labels) > 1:
            problems.append(f"duplicate text in {', '.join(labels)}: {value[:60]!r}")
    return problems


def main() -> int:
    problems = check(sys.argv[1:])
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s) in {len(sys.argv) - 1} module(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
