"""Readings: choosing a spread, its questionnaire, the question, the offer that names the price, and
the reading itself (follow-up questions about it are `followups.py`).

Flows (the chat's state between messages): "answers" while the questionnaire is being answered,
"question" once the spread (and answers) wait for the question.

Nothing is charged by surprise. Plain text outside a flow (after the intake let it through) is
answered with an *offer*: the suggested spread, its cost and the balance, and buttons to read for that
price, choose another spread (the question is kept) or cancel; only the press charges. A spread chosen
on purpose is read when its question arrives, except a dear one (`confirm_from`), which is offered the
same way. Not enough credits always comes with the packs as buttons; a limit reached at the press
offers the reading again, for when the wait is over.
"""

from __future__ import annotations

from collections.abc import Sequence

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.buying import pack_rows
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.pictures import PictureFirst
from adapters.telegram.dialog.routes import NO_FLOW, Routes
from adapters.telegram.dialog.turn import Flow, Rows, Turn
from adapters.telegram.events import MESSAGE_LIMIT, Button, IncomingCallback, Reply
from adapters.telegram.layout import pages
from adapters.telegram.render import charge_line, reading_body
from adapters.telegram.texts import t
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import ErrorKind, TarotError, error_message
from tarot_domain.model.localized import pick
from tarot_domain.model.readings import Reading
from tarot_domain.model.spreads import (
    DEFAULT_SPREAD_ID,
    QUESTIONNAIRE_ANSWER_MAX,
    Spread,
    all_spreads,
    get_spread,
)
from tarot_domain.model.text import clean_answer, clean_question
from tarot_domain.use_cases.readings import ReadingRequest

ANSWERS, QUESTION = "answers", "question"
PLACEHOLDER = "read.placeholder"
PARTED_FROM = 11  # cards: a spread this large comes one message at a time, with "continue"


def reading_parts(spread: Spread, reading: Reading, lang: str, line: str) -> list[str]:
    """The reading's text (with its charge `line`) as it is shown: whole, for a spread of up to
    `PARTED_FROM - 1` cards (the outbox sends it in as few messages as fit, about two for ten cards);
    for a longer spread, cut between sections into messages shown one "continue" at a time."""
    text = f"{reading_body(reading, lang)}\n\n{line}" if line else reading_body(reading, lang)
    if spread.card_count < PARTED_FROM:
        return [text]
    return pages(text, MESSAGE_LIMIT) or [text]


async def reading_buttons(conv: Conversation, turn: Turn, reading: Reading) -> Rows:
    """Under a reading: ask a follow-up (while any are left) and start a new reading."""
    promotions = conv.catalog.promotions
    rows: list[tuple[Button, ...]] = []
    if len(reading.follow_ups) < promotions.max_follow_ups:
        label = t("button.follow_up", turn.lang, cost=promotions.follow_up_cost)
        rows.append((await conv.button(turn, label, "followup", reading=reading.id),))
    rows.append((await conv.button(turn, t("button.new_reading", turn.lang), "menu_read"),))
    return tuple(rows)


async def not_enough(conv: Conversation, turn: Turn, text: str, *, edit: int | None = None) -> None:
    """Not enough credits: say so, with the packs to top up as buttons (where anything is sold)."""
    rows = await pack_rows(conv, turn)
    hint = t("read.top_up_below" if rows else "read.top_up_none", turn.lang)
    await conv.show(turn, f"{text} {hint}", rows, edit=edit)


class ReadingFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(
            commands={"read": self._cmd_read, "spreads": self._cmd_spreads},
            actions={
                "menu_read": self._on_menu_read,
                "spread": self._on_spread,
                "skip": self._on_skip,
                "cancel": self._on_cancel,
                "confirm": self._on_confirm,
                "another": self._on_another,
                "more": self._on_more,
            },
            texts={
                NO_FLOW: self._offer_for_text,
                ANSWERS: self._take_answer,
                QUESTION: self._take_question,
            },
        )

    # ================================================================== choosing a spread

    async def _cmd_read(self, turn: Turn, args: str) -> None:
        await self._c.clear_flow(turn)
        if args:
            await self._choose_spread(turn, args.split()[0].lower(), edit=None)
            return
        await self._spread_menu(turn)

    async def _on_menu_read(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await turn.answer()
        await self._c.clear_flow(turn)
        await self._spread_menu(turn)

    async def _cmd_spreads(self, turn: Turn, args: str) -> None:
        c, lang = self._c, turn.lang
        tier = c.tier(turn.me)
        lines = [translate("spreads.header", lang)]
        for spread in all_spreads():
            line = translate(
                "spreads.line", lang, name=pick(spread.name, lang), id=spread.id, cards=spread.card_count,
                cost=spread.cost,
            )  # fmt: skip
            if spread.questionnaire:
                line += "; " + translate("spreads.questionnaire", lang, count=len(spread.questionnaire))
            needed = c.catalog.minimum_tier_for(spread.id)
            if not c.catalog.can_use(tier, spread.id) and needed is not None:
                line += " " + t("spreads.locked", lang, tier=pick(needed.name, lang))
            lines.append(f"• {line}\n  {pick(spread.description, lang)}")
        choose = await c.button(turn, t("button.choose_spread", lang), "menu_read")
        await c.send(turn, "\n".join(lines), ((choose,),))

    async def _spread_menu(self, turn: Turn, question: str = "", *, edit: int | None = None) -> None:
        """Every spread as a button (locked ones marked); a `question` typed already rides along."""
        c, user, lang = self._c, turn.me, turn.lang
        tier = c.tier(user)
        rows: list[tuple[Button, ...]] = []
        for spread in all_spreads():
            key = "button.spread" if c.catalog.can_use(tier, spread.id) else "button.spread_locked"
            label = t(key, lang, name=pick(spread.name, lang), cost=spread.cost)
            rows.append((await c.button(turn, label, "spread", spread=spread.id, question=question),))
        rows.append((await c.button(turn, t("button.cancel", lang), "cancel"),))
        text = t("read.choose", lang, available=await c.available(user.id))
        await c.show(turn, text, tuple(rows), edit=edit)

    async def _on_spread(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        question = action.args.get("question")
        await self._choose_spread(
            turn, str(action.args.get("spread")), edit=event.message_id,
            question=question if isinstance(question, str) else "",
        )  # fmt: skip

    async def _choose_spread(
        self, turn: Turn, spread_id: str, *, edit: int | None, question: str = ""
    ) -> None:
        c, user, lang = self._c, turn.me, turn.lang
        spread = get_spread(spread_id)
        name = pick(spread.name, lang)
        if not c.catalog.can_use(c.tier(user), spread.id):
            tier = c.catalog.minimum_tier_for(spread.id)
            text = (
                t("read.locked", lang, spread=name, tier=pick(tier.name, lang))
                if tier is not None
                else t("read.locked_any", lang, spread=name)
            )
            if isinstance(turn.event, IncomingCallback):
                await turn.answer(text, alert=True)
            else:
                await c.send(turn, text)
            return
        await turn.answer()
        available = await c.available(user.id)
        if available < spread.cost:
            await not_enough(c, turn, self._short(turn, spread, available))
            return
        if question and not spread.questionnaire:
            await self._offer(turn, spread, question, (), edit=edit)
            return
        intro = t(
            "read.chosen", lang, name=name, cards=spread.card_count, cost=spread.cost,
            description=pick(spread.description, lang),
        )  # fmt: skip
        if spread.questionnaire:
            await c.save_flow(turn, Flow(ANSWERS, spread.id, question=question))
            text, buttons = await self._prompt(turn, spread, 0)
            intro += "\n\n" + t("read.questionnaire_intro", lang, count=len(spread.questionnaire))
            await c.show(turn, f"{intro}\n\n{text}", buttons, edit=edit)
        else:
            await c.save_flow(turn, Flow(QUESTION, spread.id))
            cancel = await c.button(turn, t("button.cancel", lang), "cancel")
            await c.show(turn, f"{intro}\n\n{t('read.ask_question', lang)}", ((cancel,),), edit=edit)

    def _short(self, turn: Turn, spread: Spread, available: int) -> str:
        name = pick(spread.name, turn.lang)
        return t("read.not_enough", turn.lang, spread=name, cost=spread.cost, available=available)

    # ================================================================== the questionnaire

    async def _prompt(self, turn: Turn, spread: Spread, step: int) -> tuple[str, Rows]:
        c, lang = self._c, turn.lang
        item = spread.questionnaire[step]
        text = t(
            "read.prompt", lang, number=step + 1, total=len(spread.questionnaire),
            prompt=pick(item.prompt, lang), hint=pick(item.hint, lang),
        )  # fmt: skip
        skip = await c.button(turn, t("button.skip", lang), "skip", spread=spread.id, step=step)
        cancel = await c.button(turn, t("button.cancel", lang), "cancel")
        return text, ((skip, cancel),)

    async def _take_answer(self, turn: Turn, flow: Flow, text: str) -> None:
        answer = clean_answer(text, max_length=QUESTIONNAIRE_ANSWER_MAX)
        await self._advance(turn, get_spread(flow.spread), (*flow.answers, answer), flow.question)

    async def _on_skip(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        flow = await self._c.flow(turn)
        # Only the prompt on screen now may be skipped: an older or repeated press is stale.
        if (
            flow is None
            or flow.flow != ANSWERS
            or flow.spread != action.args.get("spread")
            or len(flow.answers) != action.args.get("step")
        ):
            await turn.answer(t("callback.expired", turn.lang))
            return
        await turn.answer()
        await self._advance(turn, get_spread(flow.spread), (*flow.answers, ""), flow.question)

    async def _advance(self, turn: Turn, spread: Spread, answers: tuple[str, ...], question: str) -> None:
        c = self._c
        answers = answers[: len(spread.questionnaire)]
        if len(answers) < len(spread.questionnaire):
            await c.save_flow(turn, Flow(ANSWERS, spread.id, answers, question=question))
            text, buttons = await self._prompt(turn, spread, len(answers))
            await c.send(turn, text, buttons)
            return
        if question:  # typed before the spread was chosen: now its price is named, and a press reads
            await self._offer(turn, spread, question, answers)
            return
        await c.save_flow(turn, Flow(QUESTION, spread.id, answers))
        cancel = await c.button(turn, t("button.cancel", turn.lang), "cancel")
        await c.send(turn, t("read.ask_question", turn.lang), ((cancel,),))

    async def _on_cancel(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        if not await self._c.revoke_paired(turn, action):  # the reading was confirmed already
            return
        await turn.answer()
        if action.args.get("confirm"):
            await self._c.show(turn, t("read.confirm_cancelled", turn.lang), edit=event.message_id)
            return
        await self._c.clear_flow(turn)
        await self._c.show(turn, t("cancel.done", turn.lang), edit=event.message_id)

    # ================================================================== the offer: a price, then a press

    async def _offer_for_text(self, turn: Turn, flow: Flow, text: str) -> None:
        """Plain text outside a flow: offer the suggested spread for it; nothing is charged yet."""
        c = self._c
        question = clean_question(text)
        available = await c.available(turn.me.id)
        spread = self._suggest(turn, available)
        if spread is None:
            await not_enough(c, turn, self._short(turn, get_spread(DEFAULT_SPREAD_ID), available))
            return
        await self._offer(turn, spread, question, (), suggested=True)

    def _suggest(self, turn: Turn, available: int) -> Spread | None:
        """The default spread when the balance covers it, else the cheapest open spread it covers
        (one without a questionnaire, so the press can read at once), else None."""
        c = self._c
        tier = c.tier(turn.me)
        default = get_spread(DEFAULT_SPREAD_ID)
        if c.catalog.can_use(tier, default.id) and default.cost <= available:
            return default
        within = [
            s for s in all_spreads()
            if not s.questionnaire and s.cost <= available and c.catalog.can_use(tier, s.id)
        ]  # fmt: skip
        return min(within, key=lambda s: s.cost) if within else None

    async def _offer(
        self,
        turn: Turn,
        spread: Spread,
        question: str,
        answers: Sequence[str],
        *,
        edit: int | None = None,
        suggested: bool = False,
        note: str = "",
    ) -> None:
        """The spread's price and the balance, with "read for N credits" (once: the press is the
        charge's idempotency key), "choose another spread" (the question is kept) and "cancel"."""
        c, lang = self._c, turn.lang
        available = await c.available(turn.me.id)
        if available < spread.cost:
            await not_enough(c, turn, self._short(turn, spread, available), edit=edit)
            return
        yes = await c.button(
            turn, t("button.read_for", lang, cost=spread.cost), "confirm", once=True,
            spread=spread.id, question=question, answers=list(answers),
        )  # fmt: skip
        other = await c.button(
            turn, t("button.another_spread", lang), "another", revokes=yes.token, question=question
        )
        no = await c.button(turn, t("button.cancel", lang), "cancel", revokes=yes.token, confirm=True)
        await c.clear_flow(turn)  # what to read now lives in the confirming token
        text = t(
            "read.offer" if suggested else "read.confirm", lang, spread=pick(spread.name, lang),
            cards=spread.card_count, cost=spread.cost, available=available,
        )  # fmt: skip
        await c.show(turn, f"{note}\n\n{text}" if note else text, ((yes,), (other, no)), edit=edit)

    async def _on_another(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        if not await self._c.revoke_paired(turn, action):  # the offered reading was read already
            return
        await turn.answer()
        question = action.args.get("question")
        kept = question if isinstance(question, str) else ""
        await self._spread_menu(turn, kept, edit=event.message_id)

    async def _on_confirm(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        c, lang = self._c, turn.lang
        await turn.answer()
        spread = get_spread(str(action.args.get("spread")))
        question = str(action.args.get("question"))
        raw = action.args.get("answers")
        answers = tuple(str(a) for a in raw) if isinstance(raw, list) else ()
        try:
            if not await self._admit(turn, spread, edit=event.message_id):
                return
        except TarotError as error:
            if error.kind is not ErrorKind.RATE_LIMITED:
                raise
            # This press spent its token: offer the same reading again, for when the wait is over.
            note = error_message(error, lang)
            await self._offer(turn, spread, question, answers, edit=event.message_id, note=note)
            return
        available = await c.available(turn.me.id)
        text = t("read.confirm", lang, spread=pick(spread.name, lang), cost=spread.cost, available=available)
        await c.show(turn, text, edit=event.message_id)
        # The token is the idempotency key: even a press that slipped past `once` cannot charge twice.
        await self._run(turn, spread, question, answers, f"cb:{action.token}")

    # ================================================================== the question and the reading

    async def _take_question(self, turn: Turn, flow: Flow, text: str) -> None:
        c = self._c
        question = clean_question(text)
        spread = get_spread(flow.spread)
        if spread.cost >= c.config.confirm_from:
            await self._offer(turn, spread, question, flow.answers)
            return
        if not await self._admit(turn, spread):
            return
        await self._run(turn, spread, question, flow.answers, turn.message_key)
        await c.clear_flow(turn)

    async def _admit(self, turn: Turn, spread: Spread, *, edit: int | None = None) -> bool:
        """Whether the reading may start now: open to the person's tier, affordable (else the packs
        are offered and False returned) and within the limits (else RATE_LIMITED is raised). Counted
        against the limits only when it may start."""
        c = self._c
        c.catalog.check_access(c.tier(turn.me), spread.id)
        available = await c.available(turn.me.id)
        if available < spread.cost:
            await not_enough(c, turn, self._short(turn, spread, available), edit=edit)
            return False
        await c.limit_reading(turn)
        return True

    async def _run(self, turn: Turn, spread: Spread, question: str, answers: Sequence[str], key: str) -> None:
        c, user, lang = self._c, turn.me, turn.lang
        request = ReadingRequest(
            user_id=user.id,
            spread_id=spread.id,
            question=question,
            idempotency_key=key,
            answers=tuple(answers),
        )
        show = PictureFirst(c, turn, await c.start_streaming(turn, PLACEHOLDER), PLACEHOLDER)
        try:
            result = await c.readings.request_reading(request, show.on_delta, on_drawn=show.on_drawn)
        except Exception as error:
            await c.fail_in(turn, await show.settled(), error)
        placeholder = await show.settled()  # below the picture, when one went out
        reading = result.reading
        line = charge_line(reading.cost, result.available, reading.fallback, lang)
        parts = reading_parts(spread, reading, lang, line)
        if len(parts) > 1:  # a long spread: one part now, the next at each "continue"
            more = await self._more_button(turn, reading, 1, line)
            await turn.out.edit(turn.chat, placeholder, Reply(parts[0], ((more,),), rich=True))
            return
        buttons = await reading_buttons(c, turn, reading)
        await turn.out.edit(turn.chat, placeholder, Reply(parts[0], buttons, rich=True))

    async def _more_button(self, turn: Turn, reading: Reading, part: int, line: str) -> Button:
        """The "continue" button: shows part `part` of the reading, once; `line` is its charge line."""
        label = t("button.continue", turn.lang)
        return await self._c.button(turn, label, "more", once=True, reading=reading.id, part=part, line=line)

    async def _on_more(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        """The next part of a long reading; the pressed message loses its button (pressed again: expired)."""
        c, lang = self._c, turn.lang
        reading = await c.readings.get_reading(turn.me.id, str(action.args.get("reading")))
        part, line = action.args.get("part"), str(action.args.get("line", ""))
        parts = reading_parts(get_spread(reading.spread_id), reading, lang, line)
        if not isinstance(part, int) or not 0 < part < len(parts):
            await turn.answer(t("callback.expired", lang))
            return
        await turn.answer()
        await turn.out.edit(turn.chat, event.message_id, Reply(parts[part - 1], rich=True))
        if part + 1 < len(parts):
            buttons: Rows = ((await self._more_button(turn, reading, part + 1, line),),)
        else:
            buttons = await reading_buttons(c, turn, reading)
        await c.send(turn, parts[part], buttons, rich=True)
