"""/forget: erase the person's data, after a confirming press (the "keep" press revokes it)."""

from __future__ import annotations

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Turn
from adapters.telegram.events import IncomingCallback
from adapters.telegram.texts import t


class ForgetFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(
            commands={"forget": self._cmd_forget}, actions={"forget": self._on_forget, "keep": self._on_keep}
        )

    async def _cmd_forget(self, turn: Turn, args: str) -> None:
        c, lang = self._c, turn.lang
        yes = await c.button(turn, t("button.forget_yes", lang), "forget", once=True)
        no = await c.button(turn, t("button.forget_no", lang), "keep", revokes=yes.token)
        available = await c.available(turn.me.id)
        await c.send(turn, t("forget.confirm", lang, available=available), ((yes,), (no,)))

    async def _on_forget(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        erased = await self._c.users.forget(turn.me.id)
        await self._c.clear_flow(turn)
        await turn.answer()
        await self._c.show(turn, t("forget.done", turn.lang, count=erased), edit=event.message_id)

    async def _on_keep(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        if not await self._c.revoke_paired(turn, action):  # "delete" was pressed first
            return
        await turn.answer()
        await self._c.show(turn, t("forget.kept", turn.lang), edit=event.message_id)
