"""The spread's picture in the chat: drawn and sent from the moment the cards are drawn, while the
interpreter writes.

The reading's placeholder goes out before the draw (so a failure before it still has a message to show
in). When the picture has gone out, the placeholder moves below it: a fresh one is sent after the picture,
the stream continues there and the first is taken back, so the chat reads picture, then text. Drawing or
sending the picture may fail: that is logged and the reading comes as text alone.
"""

from __future__ import annotations

import asyncio
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
    """One reading's `on_drawn` and `on_delta`: the picture drawn and sent while the interpreter writes,
    then the text streamed into the placeholder below it.

    The picture goes out in a task of its own, so a slow interpreter is never kept waiting for it; the
    text written meanwhile is held and streamed once the placeholder has moved. Call `settled()` before
    the final edit: it waits for the picture and gives the placeholder to edit (the final text replaces
    whatever was held)."""

    def __init__(self, conv: Conversation, turn: Turn, placeholder: int, placeholder_key: str) -> None:
        self._conv, self._turn, self._key = conv, turn, placeholder_key
        self.message_id = placeholder
        self._stream = turn.out.streamer(turn.chat, placeholder)
        self._task: asyncio.Task[None] | None = None
        self._held: list[str] = []
        self.sent = False  # whether the picture went out

    async def on_delta(self, text: str) -> None:
        if self._task is not None and not self._task.done():
            self._held.append(text)  # the placeholder may still move below the picture
            return
        if self._held:
            text, self._held = "".join(self._held) + text, []
        await self._stream(text)

    async def on_drawn(self, drawn: CardsDrawn) -> None:
        if self._conv.renderer is not None:
            self._task = asyncio.get_running_loop().create_task(self._picture(drawn))

    async def settled(self) -> int:
        """Wait for the picture (if one is on its way); the placeholder the reading goes into."""
        if self._task is not None:
            await self._task
        self._held = []
        return self.message_id

    async def _picture(self, drawn: CardsDrawn) -> None:
        """Draw, send, move the placeholder; any failure is logged and the reading goes on as text."""
        turn = self._turn
        png = await spread_picture(self._conv, drawn.spread_id, drawn.deck_id, drawn.language, drawn.cards)
        if png is None:
            return
        try:
            await turn.out.send(turn.chat, Reply("", image=png))
            self.sent = True
            moved = await turn.out.send(turn.chat, Reply(t(self._key, turn.lang)))
        except Exception:
            log.warning("update %s: the spread picture was not sent", turn.event.update_id, exc_info=True)
            return
        old, self.message_id, self._stream = self.message_id, moved, turn.out.streamer(turn.chat, moved)
        try:
            await turn.out.delete(turn.chat, old)
        except Exception:  # the old placeholder stays above the picture: untidy, not wrong
            log.warning("update %s: the first placeholder stayed", turn.event.update_id, exc_info=True)
