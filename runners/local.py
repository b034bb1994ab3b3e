"""The in-process frontends' shared parts (`tarot read`, `tarot chat`): the configured interpreter in
an in-memory container, and a reading streamed to a terminal as it is written.

With `OPENAI_API_KEY` set, both use the OpenAI-compatible interpreter exactly as `tarot bot` does
(metered, cached, the offline reader as the fallback); `--interpreter offline` keeps the offline one.
"""

from __future__ import annotations

import contextlib
from typing import TextIO

from runners.config import Settings
from runners.container import InProcess
from runners.injector import providers
from runners.metrics import MeteredInterpreter
from tarot_domain.content.registry import translate
from tarot_domain.model.events import CardsDrawn, Event, InterpreterFailed


async def use_configured_interpreter(
    container: InProcess, settings: Settings, stack: contextlib.AsyncExitStack, choice: str = "auto"
) -> bool:
    """Put the LLM interpreter the settings name into `container` (closed with `stack`); False when
    the offline reader writes (no key, or `choice` is "offline")."""
    if choice == "openai" and settings.openai is None:
        from runners.cli_support import CliError

        raise CliError("--interpreter openai needs OPENAI_API_KEY")
    if settings.openai is None or choice == "offline":
        return False
    from adapters.openai_http.interpreter import OpenAIInterpreter

    llm = await stack.enter_async_context(
        OpenAIInterpreter(settings.openai, cache=container.gateways.cache())
    )
    metered = MeteredInterpreter(llm, container.core.metrics())
    container.gateways.interpreter.override(providers.Object(metered))
    return True


class TerminalStream:
    """A reading written into a terminal as it arrives: `header` (the cards, when the use case reports
    them drawn) and the pieces to `out`, a progress line on `progress` until the first piece, and the
    fallback note the moment the interpreter fails. Use it as the reading's `on_delta` and subscribe it
    to the event stream."""

    def __init__(
        self, out: TextIO, progress: TextIO, language: str, interpreter: str, question: str | None = None
    ) -> None:
        """`question`: show the header (spread, deck, question, cards) before the text; None: text only."""
        self._out, self._progress, self._language = out, progress, language
        self._interpreter, self._question = interpreter, question
        self._waiting = False
        self._gone = False
        self.streamed = False  # whether any text was shown
        self.fell_back = False

    def emit(self, event: Event) -> None:
        if isinstance(event, CardsDrawn):
            if self._question is not None:
                from runners.present import reading_header

                header = reading_header(
                    event.spread_id, event.deck_id, event.language, self._question, event.cards
                )
                self._write(self._out, header + "\n\n")
            self._show_progress()
        elif isinstance(event, InterpreterFailed):
            self.fell_back = True
            self._clear_progress()
            note = translate("reading.fallback_note", self._language)
            self._write(self._out, ("\n\n" if self.streamed else "") + note + "\n\n")

    async def __call__(self, text: str) -> None:
        self._clear_progress()
        self.streamed = True
        self._write(self._out, text)

    def finish(self) -> None:
        self._clear_progress()
        if self.streamed:
            self._write(self._out, "\n")

    def _show_progress(self) -> None:
        line = translate("reading.waiting", self._language, interpreter=self._interpreter)
        self._waiting = True
        self._write(self._progress, line if self._progress.isatty() else line + "\n")

    def _clear_progress(self) -> None:
        if self._waiting and self._progress.isatty():
            self._write(self._progress, "\r\x1b[K")  # the progress line gives way to the text
        self._waiting = False

    def _write(self, stream: TextIO, text: str) -> None:
        if self._gone:
            return
        try:
            stream.write(text)
            stream.flush()
        except BrokenPipeError:  # `tarot read ... | head`: the reader left, the reading still completes
            self._gone = True
