"""When a question looks: one time frame from a closed set, or None.

`TIME_FRAMES` are the frames a reading can address. The asking clause is searched first, then the rest
of the question; a phrase told in the past does not set the frame ("I met him last week", «з яким я
познайомилася на вихідних»), and patterns that name the past or no frame at all ("last year", "gap
year", "what month") only stop a shorter pattern from matching.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.shape import Clause, Parsed
from tarot_domain.model.question.text import Phrase, span

TIME_FRAMES: tuple[str, ...] = (
    "now",
    "today",
    "tomorrow",
    "week",
    "month",
    "season",
    "year",
    "soon",
    "future",
)
"""- now: at the moment, these days; today: today, tonight; tomorrow.
- week: this or next week, the weekend, the coming days, a weekday; month: this or next month, the coming
  weeks; season: a season, a named month, the holidays, the next few months, half a year, a semester.
- year: this or next year, a year number, the year ahead; soon: soon, the near future.
- future: ever, one day, in the future, in a few years: a horizon beyond a year."""


def _past(parsed: Parsed, phrase: Phrase, readers: Sequence[Reader]) -> bool:
    """Whether a phrase is told in the past ("we met", «познайомилася»)."""
    for reader in readers:
        irregular = reader.word_set("past_words")
        endings = reader.word_list("past_endings")
        for word in parsed.words[phrase.start : phrase.end]:
            past = word in irregular or (bool(endings) and len(word) > 4 and word.endswith(endings))
            if past and word not in reader.verbs and word not in reader.adjectives:
                return True
    return False


def _frames(
    parsed: Parsed, readers: Sequence[Reader], start: int, end: int
) -> list[tuple[int, int, str, bool]]:
    found: list[tuple[int, int, str, bool]] = []
    for reader in readers:
        for i, j, (frame, sensitive) in reader.times.scan(parsed.words, start, end):
            found.append((i, j, frame, sensitive))
    return sorted(found)


def time_frame(parsed: Parsed, clause: Clause | None, readers: Sequence[Reader]) -> tuple[str | None, str]:
    """(the frame or None, the question's own words for it: "this year", «цього року»)."""
    ranges: list[tuple[int, int, bool]] = []
    if clause is not None:
        ranges.append((clause.start, clause.end, True))
    ranges.append((0, len(parsed.words), False))
    for start, end, asking in ranges:
        for index, stop, frame, sensitive in _frames(parsed, readers, start, end):
            if not frame:
                continue
            phrase = parsed.phrase_of(index)
            if (sensitive or not asking) and _past(parsed, phrase, readers):
                continue
            return frame, span(parsed.text, parsed.tokens, index, stop).lower()
    return None, ""
