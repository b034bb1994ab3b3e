"""The domain-facing sub-commands of `tarot`: spreads, cards, read."""

from __future__ import annotations

import argparse
import contextlib
import secrets
import sys
from typing import Any

from adapters.memory.randomness import SeededRandom
from runners.cli_support import CliError, cli_language, load_settings, print_json
from runners.container import InProcess, in_process
from runners.injector import providers
from runners.local import TerminalStream, use_configured_interpreter
from runners.present import (
    card_json,
    cards_json,
    framing_json,
    print_card,
    reading_header,
    screened_json,
)
from tarot_domain.content.registry import translate
from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import get_deck
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.localized import pick
from tarot_domain.model.markup import plain
from tarot_domain.model.safety import SafetyKind, Support
from tarot_domain.model.spreads import Spread, all_spreads, get_spread
from tarot_domain.use_cases.readings import ReadingRequest, ReadingResult
from tarot_ports.interpreter import OnDelta

CLI_USER = "cli:local"
CLI_TIER = "tier-professional"  # the local operator may try every spread


def _language(args: argparse.Namespace) -> str:
    return cli_language(args.lang)


async def spreads(args: argparse.Namespace) -> int:
    lang = _language(args)
    items = all_spreads()
    if args.json:
        print_json(
            [
                {
                    "id": s.id,
                    "name": pick(s.name, lang),
                    "description": pick(s.description, lang),
                    "cost": s.cost,
                    "cards": s.card_count,
                    "positions": [{"id": p.id, "name": pick(p.name, lang)} for p in s.positions],
                    "questionnaire": [{"id": q.id, "prompt": pick(q.prompt, lang)} for q in s.questionnaire],
                }
                for s in items
            ]
        )
        return 0
    print(translate("spreads.header", lang))
    for s in items:
        line = translate(
            "spreads.line", lang, name=pick(s.name, lang), id=s.id, cards=s.card_count, cost=s.cost
        )
        if s.questionnaire:
            line += "; " + translate("spreads.questionnaire", lang, count=len(s.questionnaire))
        print(f"  {line}")
        print(f"      {pick(s.description, lang)}")
    return 0


async def cards(args: argparse.Namespace) -> int:
    lang = _language(args)
    deck = get_deck(args.deck)
    if args.card is not None:
        if args.card not in catalogue():
            raise CliError(f"unknown card {args.card!r}; `tarot cards` lists the ids")
        view = card_json(args.card, deck.id, lang)
        if args.json:
            print_json(view)
        else:
            print_card(view, lang)
        return 0
    rows: list[dict[str, Any]] = []
    for card in catalogue():
        knowledge = card_knowledge(card.id, deck.id, lang)
        rows.append(
            {
                "id": card.id,
                "name": knowledge.display_name,
                "number": knowledge.number,
                "epithet": knowledge.epithet,
                "label": knowledge.label,
                "arcana": card.arcana.value,
                "suit": card.suit.value if card.suit else None,
                "element": card.element.value,
                "upright": list(knowledge.upright.keywords),
                "reversed": list(knowledge.reversed.keywords),
            }
        )
    if args.json:
        print_json(rows)
        return 0
    print(translate("cards.header", lang, deck=pick(deck.name, lang), count=len(rows)))
    for row in rows:
        number = f"{row['number']:>5}  " if row["number"] else "       "
        title = f" — {row['epithet']}" if row["epithet"] else ""
        print(f"{number}{row['name']}{title}  ({row['id']}): {', '.join(row['upright'])}")
    return 0


async def read(args: argparse.Namespace) -> int:
    lang = _language(args)
    settings = load_settings()
    container = in_process(settings)
    if args.seed is not None:
        container.core.randomness.override(providers.Object(SeededRandom(args.seed)))
    async with contextlib.AsyncExitStack() as stack:
        llm = await use_configured_interpreter(container, settings, stack, args.interpreter)
        support = _crisis(container, args, lang)
        if support is not None:  # the support message is the answer: exit 0, nothing drawn or stored
            if args.json:
                print_json(screened_json(support, args.spread, args.deck, lang))
            else:
                print(support.message)
            return 0
        spread = get_spread(args.spread)  # validated before the local user exists
        get_deck(args.deck)
        # Streaming: the text as it is written (to stderr with --json, whose stdout is the object).
        target = sys.stderr if args.json else sys.stdout
        streamed = bool(args.stream if args.stream is not None else llm and target.isatty())
        if not streamed:
            result = await _read(container, spread, args, lang)
        else:
            name = container.gateways.interpreter().name
            view = TerminalStream(target, sys.stderr, lang, name, None if args.json else args.question)
            with container.core.events().subscribed(view):
                result = await _read(container, spread, args, lang, view)
            view.finish()
        if args.image is not None:
            await write_picture(container, result, args.image)
    if streamed and not args.json:
        return 0  # the header, the text and any fallback note are on the screen already
    if args.json:
        print_json({**reading_json(result), **({"image": args.image} if args.image else {})})
    else:
        print(render_reading(result))
    return 0


async def write_picture(container: InProcess, result: ReadingResult, path: str) -> None:
    """The reading's spread picture as a PNG at `path` (the renderer, and so Pillow, loads only here)."""
    import asyncio
    from pathlib import Path

    from tarot_domain.use_cases.pictures import picture_request

    reading = result.reading
    request = picture_request(reading.spread_id, reading.deck_id, reading.language, reading.cards)
    png = await container.core.renderer().render(request)
    try:
        await asyncio.to_thread(Path(path).write_bytes, png)
    except OSError as error:
        raise CliError(f"cannot write the picture to {path}: {error.strerror or error}") from error


def _crisis(container: InProcess, args: argparse.Namespace, lang: str) -> Support | None:
    """Intake, as every frontend does it: a crisis is answered before any other check."""
    for text in (args.question, *args.answer):
        support: Support | None = container.use_cases.readings().screen(text, lang)
        if support is not None and support.kind is SafetyKind.CRISIS:
            return support
    return None


async def _read(
    container: InProcess, spread: Spread, args: argparse.Namespace, lang: str, on_delta: OnDelta | None = None
) -> ReadingResult:
    use_cases = container.use_cases
    registration = await use_cases.users().register(CLI_USER, lang)
    user = await use_cases.users().set_tier(registration.user.id, CLI_TIER, until=None)
    await use_cases.credits().grant(user.id, spread.cost, reason="local CLI reading")
    result: ReadingResult = await use_cases.readings().request_reading(
        ReadingRequest(
            user_id=user.id,
            spread_id=spread.id,
            question=args.question,
            idempotency_key=secrets.token_hex(8),
            deck_id=args.deck,
            language=lang,
            reversals=not args.no_reversals,
            answers=tuple(args.answer),
        ),
        on_delta,
    )
    return result


def reading_json(result: ReadingResult) -> dict[str, Any]:
    reading = result.reading
    return {
        "spread": reading.spread_id,
        "deck": reading.deck_id,
        "question": reading.question,
        "language": reading.language,
        "interpreter": reading.interpretation.interpreter,
        "fallback": reading.fallback,
        "cards": cards_json(reading),
        "interpretation": reading.interpretation.text,
        **framing_json(result.support, result.lean),
    }


def render_reading(result: ReadingResult) -> str:
    reading = result.reading
    lang = reading.language
    header = reading_header(reading.spread_id, reading.deck_id, lang, reading.question, reading.cards)
    lines = [header, "", plain(reading.interpretation.text)]
    if reading.fallback:
        lines += ["", translate("reading.fallback_note", lang)]
    return "\n".join(lines)
