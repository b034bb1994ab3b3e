"""Preferences: the deck, reversed cards on or off (/deck) and the language (/language)."""

from __future__ import annotations

from adapters.telegram.callbacks import Action
from adapters.telegram.dialog.conversation import Conversation
from adapters.telegram.dialog.routes import Routes
from adapters.telegram.dialog.turn import Turn
from adapters.telegram.events import Button, IncomingCallback
from adapters.telegram.texts import t
from tarot_domain.content import registry
from tarot_domain.model.decks import all_decks, get_deck
from tarot_domain.model.localized import pick


class PreferencesFeature:
    def __init__(self, conv: Conversation) -> None:
        self._c = conv

    def routes(self) -> Routes:
        return Routes(
            commands={"deck": self._cmd_deck, "language": self._cmd_language},
            actions={"deck": self._on_deck, "reversals": self._on_reversals, "lang": self._on_language},
        )

    # ------------------------------------------------------------------ the deck

    async def _cmd_deck(self, turn: Turn, args: str) -> None:
        await self._deck_menu(turn, edit=None)

    async def _deck_menu(self, turn: Turn, *, edit: int | None) -> None:
        c, lang = self._c, turn.lang
        prefs = turn.me.preferences
        rows: list[tuple[Button, ...]] = []
        for deck in all_decks():
            mark = "✓ " if deck.id == prefs.deck_id else ""
            rows.append((await c.button(turn, mark + pick(deck.name, lang), "deck", deck=deck.id),))
        toggle = "deck.reversals_off" if prefs.reversals else "deck.reversals_on"
        rows.append((await c.button(turn, t(toggle, lang), "reversals", on=not prefs.reversals),))
        text = t(
            "deck.menu", lang, deck=pick(get_deck(prefs.deck_id).name, lang),
            reversals=t("deck.on" if prefs.reversals else "deck.off", lang),
        )  # fmt: skip
        await c.show(turn, text, tuple(rows), edit=edit)

    async def _on_deck(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        turn.user = await self._c.users.set_preferences(turn.me.id, deck_id=str(action.args.get("deck")))
        await turn.answer()
        await self._deck_menu(turn, edit=event.message_id)

    async def _on_reversals(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        # The button says which value to set, not "toggle", so a double press is harmless.
        on = action.args.get("on") is True
        turn.user = await self._c.users.set_preferences(turn.me.id, reversals=on)
        await turn.answer()
        await self._deck_menu(turn, edit=event.message_id)

    # ------------------------------------------------------------------ the language

    async def _cmd_language(self, turn: Turn, args: str) -> None:
        rows: list[tuple[Button, ...]] = []
        for code in registry.languages():
            rows.append((await self._c.button(turn, registry.language_name(code), "lang", code=code),))
        await self._c.send(turn, t("language.menu", turn.lang), tuple(rows))

    async def _on_language(self, turn: Turn, action: Action, event: IncomingCallback) -> None:
        code = str(action.args.get("code"))
        turn.user = await self._c.users.set_preferences(turn.me.id, language=code)
        turn.lang = turn.me.preferences.language
        await turn.answer()
        await self._c.show(turn, t("language.saved", turn.lang), edit=event.message_id)
