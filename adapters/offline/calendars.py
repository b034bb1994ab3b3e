"""Calendar spreads read in order and grouped: the week in three movements, the month week by week (each
week's opening against its test), the year by seasons.

A card that shares its suit or its number with an earlier one is read as that thread coming back (two
such links at most); the turning points (majors and the strongest cards) are kept for the closing.
"""

from __future__ import annotations

from collections.abc import Sequence

from adapters.offline.bodies import BODIES, Body, Para, _duo
from adapters.offline.placed import Placed, at, first
from adapters.offline.voice import Slot
from adapters.offline.writer import Writer
from tarot_domain.content.structure.roles import Role

MAX_LINKS = 2

WEEK_MOVEMENTS: tuple[tuple[str, ...], ...] = (
    ("monday", "tuesday", "wednesday"),
    ("thursday", "friday"),
    ("saturday", "sunday"),
)
SEASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("winter", ("january", "february")),
    ("spring", ("march", "april", "may")),
    ("summer", ("june", "july", "august")),
    ("autumn", ("september", "october", "november")),
    ("year-end", ("december",)),
)


class Threads:
    """Finds where a card picks up an earlier card's suit or number."""

    def __init__(self, w: Writer) -> None:
        self.w = w
        self.earlier: list[Placed] = []
        self.links = 0

    def link(self, card: Placed) -> str:
        found = ""
        if self.links < MAX_LINKS:
            for before in reversed(self.earlier[:-1]):  # not the card just before: that one is in view
                found = self._between(before, card)
                if found:
                    self.links += 1
                    break
        self.earlier.append(card)
        return found

    def _between(self, before: Placed, card: Placed) -> str:
        w = self.w
        a, b = before.card, card.card
        slots: dict[str, Slot] = {"a": card.named, "b": before.named, "when": w.where(before)}
        if a.suit is not None and a.suit == b.suit and not (a.is_court or b.is_court):
            return w.say("link.suit", theme=w.word(f"suit-theme.{a.suit.value}"), **slots)
        if a.is_pip and b.is_pip and a.rank == b.rank:
            return w.say("link.number", theme=w.word(f"number-theme.{a.rank}"), **slots)
        return ""


def _in_order(w: Writer, body: Body, groups: Sequence[tuple[str, Sequence[str]]]) -> None:
    """Dated cards, one paragraph per group (titled when the group has a title), each card read on its
    day or month and linked back to an earlier card it shares a suit or a number with."""
    threads = Threads(w)
    for title, positions in groups:
        para = Para()
        for position in positions:
            card = at(w.placed, position)
            if card is not None:
                para.add(w.card_sentence(card, day=card.position_name(w.language), on=w.where(card)), card)
                para.add(threads.link(card))
        body.close(para, title)


def week(w: Writer, body: Body) -> None:
    _in_order(w, body, [("", movement) for movement in WEEK_MOVEMENTS])


def year(w: Writer, body: Body) -> None:
    theme = first(w.placed, Role.THEME)
    if theme is not None:
        para = Para()
        para.add(w.card_sentence(theme), theme)
        body.close(para)
    _in_order(w, body, [(w.word(f"season.{season}"), months) for season, months in SEASONS])


def month(w: Writer, body: Body) -> None:
    theme = first(w.placed, Role.THEME)
    para = Para()
    if theme is not None:
        para.add(w.card_sentence(theme), theme)
    body.close(para)
    weeks = Para()
    for stage in (1, 2, 3, 4):
        opening = next((c for c in w.placed if c.role is Role.OPPORTUNITY and c.stage == stage), None)
        test = next((c for c in w.placed if c.role is Role.CHALLENGE and c.stage == stage), None)
        if opening is not None and test is not None:
            weeks.add(w.answer_line(opening))
            weeks.add(
                w.say(
                    "rel.month.week",
                    week=w.word(f"week.{stage}"),
                    inweek=w.word(f"in-week.{stage}"),
                    a=opening.named,
                    ta=w.reading_text(opening),
                    b=test.named,
                    tb=w.reading_text(test),
                ),
                opening,
                test,
            )
        else:
            for card in (opening, test):
                if card is not None:
                    weeks.add(w.card_sentence(card), card)
        if stage == 2:
            body.close(weeks)
            weeks = Para()
    body.close(weeks)
    last = Para()
    _duo(w, "rel.month.behind", first(w.placed, Role.HIDDEN), first(w.placed, Role.ADVICE), last)
    outcome = first(w.placed, Role.OUTCOME)
    if outcome is not None:
        last.add(w.card_sentence(outcome), outcome)
    body.close(last)


def turning_points(w: Writer, cards: Sequence[Placed]) -> list[Placed]:
    """The two cards a calendar turns on: majors first, then the strongest polarity, in calendar order."""
    ranked = sorted(cards, key=lambda c: (not c.card.is_major, -abs(c.polarity), c.index))
    return sorted(ranked[:2], key=lambda c: c.index)


BODIES.update({"week-ahead": week, "month-ahead": month, "year-ahead": year})
