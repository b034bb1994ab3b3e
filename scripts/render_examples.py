"""Draw the example spread pictures shown in the docs (one per deck), with fixed draws.

    .venv/bin/python scripts/render_examples.py [OUT_DIR] [--time N]   # default: docs/pictures

Writes celtic-cross-rider-waite-en.png, three-thoth-uk.png and life-path-marseille-uk.png and prints each
file's size; with `--time N`, also the median time of N further draws (PNG encoding included).
The draws are chosen by hand, so each picture shows majors, courts, aces and small cards, both ways up.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from adapters.pillow.renderer import draw_png
from tarot_domain.model.draw import DrawnCard
from tarot_domain.use_cases.pictures import picture_request

D = DrawnCard

EXAMPLES: tuple[tuple[str, str, str, str, tuple[DrawnCard, ...]], ...] = (
    (
        "celtic-cross-rider-waite-en.png",
        "celtic-cross",
        "rider-waite",
        "en",
        (
            D("present", "major-17-star"),
            D("challenge", "swords-five", reversed=True),
            D("foundation", "pentacles-ace"),
            D("recent-past", "cups-eight"),
            D("crown", "major-01-magician"),
            D("near-future", "wands-knight", reversed=True),
            D("self", "cups-queen"),
            D("environment", "swords-ten"),
            D("hopes-fears", "major-18-moon", reversed=True),
            D("outcome", "wands-six"),
        ),
    ),
    (
        "three-thoth-uk.png",
        "three",
        "thoth",
        "uk",
        (
            D("past", "wands-two"),
            D("present", "major-14-temperance", reversed=True),
            D("future", "pentacles-page"),
        ),
    ),
    (
        "life-path-marseille-uk.png",
        "life-path",
        "marseille",
        "uk",
        (
            D("roots", "major-00-fool"),
            D("gifts", "cups-ace"),
            D("wounds", "swords-three", reversed=True),
            D("lessons", "major-08-strength"),
            D("shadow", "major-15-devil"),
            D("strength", "wands-king"),
            D("desire", "cups-two"),
            D("fear", "major-13-death", reversed=True),
            D("relationships", "pentacles-queen"),
            D("calling", "wands-seven"),
            D("purpose", "major-11-justice"),
            D("turning-point", "major-16-tower"),
            D("guidance", "swords-page", reversed=True),
            D("souls-path", "pentacles-nine"),
            D("destination", "major-21-world"),
        ),
    ),
)


def main(out: Path, repeat: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for filename, spread, deck, language, cards in EXAMPLES:
        request = picture_request(spread, deck, language, cards)
        picture = draw_png(request)
        (out / filename).write_bytes(picture)
        took = []
        for _ in range(repeat):
            started = time.perf_counter()
            draw_png(request)
            took.append(time.perf_counter() - started)
        timing = f", median of {repeat} draws {statistics.median(took) * 1000:.0f} ms" if took else ""
        print(f"{out / filename}: {len(picture) / 1024:.0f} KB{timing}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/pictures", type=Path)
    parser.add_argument("--time", type=int, default=0, metavar="N", help="also time N more draws of each")
    arguments = parser.parse_args()
    main(arguments.out, arguments.time)
