"""How readings look in a chat: written in the reading markup (tarot_domain/model/markup.py), which the
Telegram outbox shows with bold headings and card names and a terminal shows plain (`Reply.rich`).

A reading answers first: its title and the question, the interpretation (whose first section or
paragraph is the answer), and only then the cards on their positions, which the picture shows as well."""

from __future__ import annotations

import contextlib

from adapters.telegram.texts import t
from tarot_domain.model.decks import get_deck
from tarot_domain.model.errors import TarotError
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.localized import pick
from tarot_domain.model.markup import bold, heading
from tarot_domain.model.readings import FollowUp, Reading
from tarot_domain.model.spreads import get_spread

HISTORY_QUESTION_CHARS = 40


def spread_name(spread_id: str, lang: str) -> str:
    try:
        return pick(get_spread(spread_id).name, lang)
    except TarotError:  # a spread retired after the reading was stored
        return spread_id


def reading_body(reading: Reading, lang: str, *, header: str | None = None) -> str:
    """The reading in the markup: the title (a heading), the question, the interpretation, then the
    cards on their positions, each card's name in bold."""
    deck = get_deck(reading.deck_id)
    blocks = [heading(header or f"🔮 {spread_name(reading.spread_id, lang)} · {pick(deck.name, lang)}")]
    if reading.question:
        blocks.append(t("reading.question", lang, question=reading.question))
    blocks.append(reading.interpretation.text.strip())
    lines: list[str] = []
    try:
        spread = get_spread(reading.spread_id)
    except TarotError:
        spread = None
    for drawn in reading.cards:
        position = drawn.position_id
        if spread is not None:
            with contextlib.suppress(KeyError):  # a position renamed since: show its id
                position = pick(spread.position(drawn.position_id).name, lang)
        known = card_knowledge(drawn.card_id, deck.id, lang)
        orientation, card = known.orientation(drawn.reversed, lang), known.label
        lines.append(
            t("reading.card_line", lang, position=position, card=bold(card), orientation=orientation)
        )
    blocks.append("\n".join(lines))
    return "\n\n".join(block for block in blocks if block)


def charge_line(cost: int, available: int, fallback: bool, lang: str, *, follow_up: bool = False) -> str:
    if fallback:
        return t("reading.fallback_note", lang)
    prefix = "followup" if follow_up else "reading"
    if cost > 0:
        return t(f"{prefix}.charged", lang, cost=cost, available=available)
    return t(f"{prefix}.free", lang, available=available)


def follow_up_text(follow_up: FollowUp, lang: str) -> str:
    header = t("reading.follow_up_header", lang, question=follow_up.question)
    return f"{header}\n\n{follow_up.interpretation.text.strip()}"


def full_reading(reading: Reading, lang: str) -> str:
    """A stored reading opened again: its date, body and every follow-up."""
    parts = [reading.created_at.strftime("%Y-%m-%d %H:%M UTC"), reading_body(reading, lang)]
    parts += [follow_up_text(f, lang) for f in reading.follow_ups]
    return "\n\n".join(parts)


def history_line(number: int, reading: Reading, lang: str) -> str:
    question = reading.question or t("history.no_question", lang)
    if len(question) > HISTORY_QUESTION_CHARS:
        question = question[: HISTORY_QUESTION_CHARS - 1].rstrip() + "…"
    return t(
        "history.line",
        lang,
        number=number,
        date=reading.created_at.strftime("%Y-%m-%d"),
        spread=spread_name(reading.spread_id, lang),
        question=question,
    )
