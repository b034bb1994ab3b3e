"""Readings: choosing a spread, its questionnaire, the question (confirmed first when dear), the
reading itself, and follow-up questions about it.

Flows (the chat's state between messages): "answers" while the questionnaire is being answered,
"question" once the spread (and answers) wait for the question, "followup" while a follow-up question
about a reading is awaited. Plain text outside a flow is a question for the default spread.
"""

from __future__ import annotations

from collections.abc import Sequence

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.routes import NO_FLOW, Routes
from adapters.telegram.dialog.turn import Flow, Rows, Turn
from adapters.telegram.events import Button, IncomingCallback, Reply
from adapters.telegram.render import charge_line, follow_up_text, reading_body
from adapters.telegram.texts import t
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import insufficient_credits, validation
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

ANSWERS, QUESTION, FOLLOW_UP = "answers", "question", "followup"


async def reading_buttons(conv: Conversation, turn: Turn, reading: Reading) -> Rows:
    """Under a reading: ask a follow-up (while any are left) and start a new reading."""
    promotions = conv.catalog.promotions
    rows: list[tuple[Button, ...]] = []
    if len(reading.follow_ups) < promotions.max_follow_ups:
        label = t("button.follow_up", turn.lang, cost=promotions.follow_up_cost)
        rows.append((await conv.button(turn, label, "followup", reading=reading.id),))
    rows.append((await conv.button(turn, t("button.new_reading", turn.lang), "menu_read"),))
    return tuple(rows)


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
                "followup": self._on_follow_up,
            },
            texts={
                NO_FLOW: self._quick_reading,
                ANSWERS: self._take_answer,
                QUESTION: self._take_question,
                FOLLOW_UP: self._take_follow_up,
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

    async def _spread_menu(self, turn: Turn) -> None:
        c, user, lang = self._c, turn.me, turn.lang
        tier = c.tier(user)
        rows: list[tuple[Button, ...]] = []
        for spread in all_spreads():
            key = "button.spread" if c.catalog.can_use(tier, spread.id) else "button.spread_locked"
            label = t(key, lang, name=pick(spread.name, lang), cost=spread.cost)
            rows.append((await c.button(turn, label, "spread", spread=spread.id),))
        rows.append((await c.button(turn, t("button.cancel", lang), "cancel"),))
        await c.send(turn, t("read.choose", lang, available=await c.available(user.id)), tuple(rows))

    async def _on_spread(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        await self._choose_spread(turn, str(action.args.get("spread")), edit=event.message_id)

    async def _choose_spread(self, turn: Turn, spread_id: str, *, edit: int | None) -> None:
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
            await c.send(turn, t("read.not_enough", lang, spread=name, cost=spread.cost, available=available))
            return
        intro = t(
            "read.chosen", lang, name=name, cards=spread.card_count, cost=spread.cost,
            description=pick(spread.description, lang),
        )  # fmt: skip
        if spread.questionnaire:
            await c.save_flow(turn, Flow(ANSWERS, spread.id))
            text, buttons = await self._prompt(turn, spread, 0)
            intro += "\n\n" + t("read.questionnaire_intro", lang, count=len(spread.questionnaire))
            await c.show(turn, f"{intro}\n\n{text}", buttons, edit=edit)
        else:
            await c.save_flow(turn, Flow(QUESTION, spread.id))
            cancel = await c.button(turn, t("button.cancel", lang), "cancel")
            await c.show(turn, f"{intro}\n\n{t('read.ask_question', lang)}", ((cancel,),), edit=edit)

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
        await self._advance(turn, get_spread(flow.spread), (*flow.answers, answer))

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
        await self._advance(turn, get_spread(flow.spread), (*flow.answers, ""))

    async def _advance(self, turn: Turn, spread: Spread, answers: tuple[str, ...]) -> None:
        c = self._c
        answers = answers[: len(spread.questionnaire)]
        if len(answers) < len(spread.questionnaire):
            await c.save_flow(turn, Flow(ANSWERS, spread.id, answers))
            text, buttons = await self._prompt(turn, spread, len(answers))
            await c.send(turn, text, buttons)
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

    # ================================================================== the question and the reading

    async def _quick_reading(self, turn: Turn, flow: Flow, text: str) -> None:
        """Plain text outside a flow: a reading of the default spread."""
        question = clean_question(text)
        await self._read(turn, get_spread(DEFAULT_SPREAD_ID), question, (), turn.message_key)

    async def _take_question(self, turn: Turn, flow: Flow, text: str) -> None:
        c = self._c
        question = clean_question(text)
        spread = get_spread(flow.spread)
        if spread.cost >= c.config.confirm_from:
            await self._ask_to_confirm(turn, spread, question, flow.answers)
            return
        await self._read(turn, spread, question, flow.answers, turn.message_key)
        await c.clear_flow(turn)

    async def _ask_to_confirm(
        self, turn: Turn, spread: Spread, question: str, answers: Sequence[str]
    ) -> None:
        c, lang = self._c, turn.lang
        available = await c.available(turn.me.id)
        name = pick(spread.name, lang)
        if available < spread.cost:
            await c.send(turn, t("read.not_enough", lang, spread=name, cost=spread.cost, available=available))
            return
        yes = await c.button(
            turn, t("button.confirm_reading", lang, cost=spread.cost), "confirm", once=True,
            spread=spread.id, question=question, answers=list(answers),
        )  # fmt: skip
        no = await c.button(turn, t("button.cancel", lang), "cancel", revokes=yes.token, confirm=True)
        await c.clear_flow(turn)  # what to read now lives in the confirming token
        text = t("read.confirm", lang, spread=name, cost=spread.cost, available=available)
        await c.send(turn, text, ((yes, no),))

    async def _on_confirm(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        c, lang = self._c, turn.lang
        await turn.answer()
        spread = get_spread(str(action.args.get("spread")))
        question = str(action.args.get("question"))
        raw = action.args.get("answers")
        answers = tuple(str(a) for a in raw) if isinstance(raw, list) else ()
        available = await c.available(turn.me.id)
        text = t("read.confirm", lang, spread=pick(spread.name, lang), cost=spread.cost, available=available)
        await c.show(turn, text, edit=event.message_id)
        # The token is the idempotency key: even a press that slipped past `once` cannot charge twice.
        await self._read(turn, spread, question, answers, f"cb:{action.token}")

    async def _read(
        self, turn: Turn, spread: Spread, question: str, answers: Sequence[str], key: str
    ) -> None:
        c, user, lang = self._c, turn.me, turn.lang
        c.catalog.check_access(c.tier(user), spread.id)
        await c.limit("readings_per_user", f"readings:{turn.tg_user}")
        available = await c.available(user.id)
        if available < spread.cost:
            raise insufficient_credits(spread.cost, available)
        request = ReadingRequest(
            user_id=user.id,
            spread_id=spread.id,
            question=question,
            idempotency_key=key,
            answers=tuple(answers),
        )
        placeholder = await c.start_streaming(turn, "read.placeholder")
        try:
            result = await c.readings.request_reading(request, turn.out.streamer(turn.chat, placeholder))
        except Exception as error:
            await c.fail_in(turn, placeholder, error)
        reading = result.reading
        line = charge_line(reading.cost, result.available, reading.fallback, lang)
        text = f"{reading_body(reading, lang)}\n\n{line}"
        await turn.out.edit(turn.chat, placeholder, Reply(text, await reading_buttons(c, turn, reading)))

    # ================================================================== follow-ups

    async def _on_follow_up(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        c = self._c
        promotions = c.catalog.promotions
        reading = await c.readings.get_reading(turn.me.id, str(action.args.get("reading")))
        left = promotions.max_follow_ups - len(reading.follow_ups)
        if left <= 0:
            raise validation("follow-up limit", "error.follow_up_limit", limit=promotions.max_follow_ups)
        await turn.answer()
        await c.save_flow(turn, Flow(FOLLOW_UP, reading=reading.id))
        cancel = await c.button(turn, t("button.cancel", turn.lang), "cancel")
        text = t("followup.prompt", turn.lang, left=left, cost=promotions.follow_up_cost)
        await c.send(turn, text, ((cancel,),))

    async def _take_follow_up(self, turn: Turn, flow: Flow, text: str) -> None:
        c, user, lang = self._c, turn.me, turn.lang
        question = clean_question(text)
        cost = c.catalog.promotions.follow_up_cost
        await c.limit("readings_per_user", f"readings:{turn.tg_user}")
        available = await c.available(user.id)
        if available < cost:
            raise insufficient_credits(cost, available)
        placeholder = await c.start_streaming(turn, "followup.placeholder")
        try:
            reading, follow_up = await c.readings.ask_follow_up(
                user.id, flow.reading, question, turn.message_key, turn.out.streamer(turn.chat, placeholder)
            )
        except Exception as error:
            await c.fail_in(turn, placeholder, error)
        await c.clear_flow(turn)
        fallback = follow_up.hold_id is not None and follow_up.cost == 0  # the hold was released, not taken
        line = charge_line(follow_up.cost, await c.available(user.id), fallback, lang, follow_up=True)
        text = f"{follow_up_text(follow_up, lang)}\n\n{line}"
        await turn.out.edit(turn.chat, placeholder, Reply(text, await reading_buttons(c, turn, reading)))
