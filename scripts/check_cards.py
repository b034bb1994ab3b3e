"""Check card-knowledge modules against the style sheet (docs/content/STYLE.md).

    .venv/bin/python scripts/check_cards.py                 # every pack: cards, decks and pairs
    .venv/bin/python scripts/check_cards.py uk              # one pack
    .venv/bin/python scripts/check_cards.py \\
        tarot_domain.content.en.cards.cups tarot_domain.content.uk.cards.cups

A module defines `CARDS` (shared `CardText` or a deck's `DeckCardText`) or `PAIRS` (pair texts). Prints one
line per problem and exits 1 when there is any. The rules live in `tarot_domain.content.style`, which the
test suite runs over every shipped pack; this script is for writers while they write.
"""

from __future__ import annotations

import sys

from tarot_domain.content import registry, style


def main(argv: list[str]) -> int:
    targets = argv or list(registry.languages())
    modules = [
        name for target in targets for name in (style.pack_modules(target) if "." not in target else [target])
    ]
    # Duplicates are looked for within one language: each pack says the same things in its own words.
    problems: list[str] = []
    for language in dict.fromkeys(name.split(".")[2] for name in modules):
        problems += style.check(name for name in modules if name.split(".")[2] == language)
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s) in {len(modules)} module(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
