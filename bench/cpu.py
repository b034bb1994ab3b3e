"""CPU time per reading of the offline composer and per spread picture, as JSON.

    python bench/cpu.py          # every spread: the composer in both languages, pictures in each deck
    python bench/cpu.py --readings 40 --pictures 3 --spread three --spread celtic-cross

- `composer`: `compose_reading` (the offline interpreter's whole work: the question's analysis and the
  text) for `--readings` questions of the checked-in corpus per spread and language, each on its own
  seeded draw in the Rider–Waite–Smith deck.
- `picture`: `picture_request` plus `draw_png` (the resolved words, the drawing and the PNG encoding)
  for `--pictures` seeded draws per spread and deck, in English.
Each figure is this process's CPU time (`time.process_time`, so other processes' load moves it little)
per call, in milliseconds: min/median/max. One untimed call first pays the one-time costs (patterns
compiled, packs and the typeface loaded); `first_call_ms` reports what that first call cost.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapters.memory.randomness import SeededRandom  # noqa: E402
from adapters.offline.compose import compose_reading  # noqa: E402
from adapters.pillow.renderer import draw_png  # noqa: E402
from tarot_domain.model.cards import catalogue  # noqa: E402
from tarot_domain.model.draw import DrawnCard, draw_cards  # noqa: E402
from tarot_domain.model.spreads import all_spreads, get_spread  # noqa: E402
from tarot_domain.use_cases.pictures import picture_request  # noqa: E402
from tarot_ports.interpreter import InterpretationRequest  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "questions"
LANGUAGES = ("en", "uk")
DECKS = ("rider-waite", "thoth", "marseille")


def questions(language: str) -> list[str]:
    lines = (CORPUS / f"{language}.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]


def cards_for(spread_id: str, seed: int) -> tuple[DrawnCard, ...]:
    positions = [p.id for p in get_spread(spread_id).positions]
    return draw_cards(catalogue().ids, positions, SeededRandom(seed), reversals=True)


def cpu_ms(call: Callable[[], object]) -> float:
    started = time.process_time()
    call()
    return (time.process_time() - started) * 1000


def summary(samples: Sequence[float]) -> dict[str, float]:
    return {
        "min": round(min(samples), 2),
        "median": round(statistics.median(samples), 2),
        "max": round(max(samples), 2),
        "n": len(samples),
    }


def composer(spreads: Sequence[str], per_cell: int) -> dict[str, Any]:
    asked = {language: questions(language) for language in LANGUAGES}
    first = cpu_ms(lambda: compose_reading(_request("three", "en", asked["en"][0], 0)))
    cells: dict[str, dict[str, Any]] = {}
    everything: list[float] = []
    for spread_id in spreads:
        for language in LANGUAGES:
            samples = []
            for i in range(per_cell):
                request = _request(spread_id, language, asked[language][i % len(asked[language])], i)
                samples.append(cpu_ms(lambda request=request: compose_reading(request)))
            cells[f"{spread_id}/{language}"] = summary(samples)
            everything += samples
    return {"first_call_ms": round(first, 1), "all": summary(everything), "per_spread_language": cells}


def _request(spread_id: str, language: str, question: str, seed: int) -> InterpretationRequest:
    return InterpretationRequest(spread_id, "rider-waite", language, question, cards_for(spread_id, seed))


def picture(spreads: Sequence[str], per_cell: int) -> dict[str, Any]:
    def render(spread_id: str, deck_id: str, seed: int) -> bytes:
        return draw_png(picture_request(spread_id, deck_id, "en", cards_for(spread_id, seed)))

    first = cpu_ms(lambda: render("three", "rider-waite", 0))
    cells: dict[str, dict[str, Any]] = {}
    everything: list[float] = []
    for spread_id in spreads:
        for deck_id in DECKS:
            samples = [cpu_ms(lambda s=spread_id, d=deck_id, i=i: render(s, d, i)) for i in range(per_cell)]
            cells[f"{spread_id}/{deck_id}"] = summary(samples)
            everything += samples
    return {"first_call_ms": round(first, 1), "all": summary(everything), "per_spread_deck": cells}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--readings", type=int, default=20, help="readings per spread and language")
    parser.add_argument("--pictures", type=int, default=4, help="pictures per spread and deck")
    parser.add_argument("--spread", action="append", default=[], help="only these spreads (repeatable)")
    args = parser.parse_args()
    spreads = args.spread or [spread.id for spread in all_spreads()]
    print(
        json.dumps(
            {
                "benchmark": "cpu",
                "unit": "ms of CPU per call",
                "composer": composer(spreads, args.readings),
                "picture": picture(spreads, args.pictures),
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
