"""The spread's picture in the chat: sent the moment the cards are drawn, while the interpreter writes.

The reading's placeholder goes out before the draw (so a failure before it still has a message to show
in). When the picture has gone out, the placeholder moves below it: a fresh one is sent after the picture,
the stream continues there and the first is taken back, so the chat reads picture, then text. Drawing or
sending the picture may fail: that is logged and the reading comes as text alone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.turn import Turn
from adapters.telegram.events import Reply
from adapters.telegram.texts import t
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.events import CardsDrawn
from tarot_domain.use_cases.pictures import picture_request

log = logging.getLogger("adapters.telegram")


async def spread_picture(
    conv: Conversation, spread_id: str, deck_id: str, language: str, cards: Sequence[DrawnCard]
) -> bytes | None:
    """The draw as a PNG, or None when there is no renderer or drawing failed (logged)."""
    if conv.renderer is None:
        return None
    try:
        return await conv.renderer.render(picture_request(spread_id, deck_id, language, cards))
    except Exception:
        log.warning("the picture of a %s spread could not be drawn; text only", spread_id, exc_info=True)
        return None


class PictureFirst:
    """One reading's `on_drawn` and `on_delta`: the picture when the cards are drawn, then the text
    streamed into the placeholder below it. `message_id` is the placeholder in use."""

    def __init__(self, conv: Conversation, turn: Turn, placeholder: int, placeholder_key: str) -> None:
        self._conv, self._turn, self._key = conv, turn, placeholder_key
        self.message_id = placeholder
        self._stream = turn.out.streamer(turn.chat, placeholder)
        self.sent = False  # whether the picture went out

    async def on_delta(self, text: str) -> None:
        await self._stream(text)

    async def on_drawn(self, drawn: CardsDrawn) -> None:
        turn = self._turn
        png = await spread_picture(self._conv, drawn.spread_id, drawn.deck_id, drawn.language, drawn.cards)
        if png is None:
            return
        try:
            await turn.out.send(turn.chat, Reply("", image=png))
        except Exception:
            log.warning("update %s: the spread picture was not sent", turn.event.update_id, exc_info=True)
            return
        self.sent = True
        moved = await turn.out.send(turn.chat, Reply(t(self._key, turn.lang)))
        await turn.out.delete(turn.chat, self.message_id)
        self.message_id, self._stream = moved, turn.out.streamer(turn.chat, moved)
