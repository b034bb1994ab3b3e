"""Follow-up questions about a reading: the button under every reading, then the question, charged
like a small reading (`follow_up_cost`) and paced by their own limit, never the readings'.

Flow: "followup" while the follow-up question about a reading is awaited.
"""

from __future__ import annotations

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.reading import not_enough, reading_buttons
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Flow, Turn
from adapters.telegram.events import IncomingCallback, Reply
from adapters.telegram.render import charge_line, follow_up_text
from adapters.telegram.texts import t
from tarot_domain.model.errors import validation
from tarot_domain.model.text import clean_question

FOLLOW_UP = "followup"


class FollowUpFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(actions={"followup": self._on_follow_up}, texts={FOLLOW_UP: self._take_follow_up})

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
        available = await c.available(user.id)
        if available < cost:
            await not_enough(c, turn, t("followup.not_enough", lang, cost=cost, available=available))
            return
        await c.limits.follow_up(turn.tg_user, lang=lang)
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
        buttons = await reading_buttons(c, turn, reading)
        await turn.out.edit(turn.chat, placeholder, Reply(text, buttons, rich=True))
