"""One update being handled (`Turn`) and what its chat is in the middle of (`Flow`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import define, frozen

from adapters.telegram.events import (
    Button,
    Incoming,
    IncomingCallback,
    IncomingMessage,
    Outbox,
    PreCheckoutQuery,
)
from tarot_domain.model.users import User

Rows = tuple[tuple[Button, ...], ...]
"""Inline buttons, row by row."""


class Shown(Exception):
    """The failure was already shown to the person (e.g. in the reading's placeholder message)."""


@define
class Turn:
    """One update being handled: who, in which language, and whether its query was answered."""

    event: Incoming
    out: Outbox
    lang: str
    user: User | None = None
    answered: bool = False

    @property
    def tg_user(self) -> int:
        return self.event.sender.user_id

    @property
    def chat(self) -> int:
        if isinstance(self.event, PreCheckoutQuery):
            return self.event.sender.user_id  # pre-checkout has no chat; a private chat's id is the user's
        return self.event.chat_id

    @property
    def me(self) -> User:
        if self.user is None:
            raise AssertionError("user not loaded")
        return self.user

    @property
    def message_key(self) -> str:
        """The idempotency key of what this message pays for: a redelivered message charges once."""
        event = self.event
        if isinstance(event, IncomingMessage) and event.message_id:
            return f"msg:{event.chat_id}:{event.message_id}"
        return f"upd:{event.update_id}"

    async def answer(self, text: str | None = None, alert: bool = False) -> None:
        """Answer the button press (once; later calls and other updates do nothing)."""
        if self.answered or not isinstance(self.event, IncomingCallback):
            return
        self.answered = True
        await self.out.answer_callback(self.event.query_id, text, alert)


@frozen
class Flow:
    """What the chat is in the middle of; stored as JSON in the SessionStore.

    `flow` names the feature's text handler that takes the next free text ("answers", "question",
    "followup"); a name no feature handles any more is treated as no flow at all. `question` is a
    question typed before its spread was chosen (it waits while the questionnaire is answered).
    """

    flow: str
    spread: str = ""
    answers: tuple[str, ...] = ()
    reading: str = ""
    question: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "flow": self.flow,
            "spread": self.spread,
            "answers": list(self.answers),
            "reading": self.reading,
            "question": self.question,
        }

    @staticmethod
    def from_json(state: Mapping[str, Any] | None) -> Flow | None:
        if not state:
            return None
        flow, spread, answers, reading = (state.get(k) for k in ("flow", "spread", "answers", "reading"))
        question = state.get("question", "")  # absent from flows saved before it existed
        if (
            not isinstance(flow, str)
            or not flow
            or not isinstance(spread, str)
            or not isinstance(reading, str)
            or not isinstance(question, str)
            or not isinstance(answers, list)
            or not all(isinstance(a, str) for a in answers)
        ):
            return None
        return Flow(flow, spread, tuple(answers), reading, question)
