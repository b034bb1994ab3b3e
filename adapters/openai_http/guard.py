"""The model's lean, asked for as a separate field, and the safety check of answers on framed topics.

The model ends every answer with one machine-readable line, `LEAN: yes|no|unclear|none` (a final line
rather than a JSON envelope, so the prose can still stream). The line is never shown: `strip_lean`
takes it out of a whole answer, `LeanStripper` out of a stream, holding back only the line being
written and trailing blank lines, so what was streamed is exactly the text that is kept.

On a health, legal or money question nothing is streamed: the whole answer must first pass
`check_framed` (lean empty or `none`, and none of the packs' directive phrases), else `UnsafeAnswer`
and the use case serves the offline reading instead.
"""

from __future__ import annotations

import logging
import re

from tarot_domain.model.safety import SafetyKind, UnsafeAnswer, directive_in
from tarot_ports.interpreter import OnDelta

logger = logging.getLogger("adapters.openai_http")

LEAN_LINE = re.compile(
    r"^[\s*_`>#-]*lean[\s*_`]*[:=][\s*_`]*((?:[^\W\d_]+(?:/[^\W\d_]+)?)?)[\s*_`.!]*$", re.IGNORECASE
)
NO_LEAN = frozenset({"", "none", "null", "n/a"})
"""The lean values that say the answer gives no lean."""


def strip_lean(text: str) -> tuple[str, str | None]:
    """The answer without its lean line(s), and the (last) lean it gave, lower-cased; None if none."""
    lean: str | None = None
    kept: list[str] = []
    for line in text.split("\n"):
        match = LEAN_LINE.match(line)
        if match:
            lean = match.group(1).lower()
        else:
            kept.append(line)
    return "\n".join(kept).strip(), lean


class LeanStripper:
    """Wraps `on_delta`: forwards the answer line by line, without the lean line and without the
    whitespace `strip_lean` would drop (leading blank lines, and whatever trails the last text)."""

    def __init__(self, on_delta: OnDelta) -> None:
        self._on_delta = on_delta
        self._line = ""  # the line being written: it may yet turn out to be the lean line
        self._held = ""  # line breaks after the last text forwarded, sent once more text follows
        self._started = False

    async def feed(self, piece: str) -> None:
        self._line += piece
        while "\n" in self._line:
            line, self._line = self._line.split("\n", 1)
            if await self._complete(line) and self._started:
                self._held += "\n"

    async def finish(self) -> None:
        line, self._line = self._line, ""
        await self._complete(line)

    async def _complete(self, line: str) -> bool:
        """Forward a finished line (False: it was the lean line, dropped with its line break)."""
        if LEAN_LINE.match(line):
            return False
        text = line.rstrip()
        trailing = line[len(text) :]
        if not text:
            if self._started:
                self._held += line
            return True
        if not self._started:
            text, self._held, self._started = text.lstrip(), "", True
        await self._on_delta(self._held + text)
        self._held = trailing
        return True


def check_framed(kind: SafetyKind, body: str, lean: str | None) -> None:
    """Raise `UnsafeAnswer` when an answer on a framed topic leans either way or gives a directive.
    Only the kind, the lean word and our own phrase are logged: never the answer or the question."""
    if lean is not None and lean not in NO_LEAN:
        reason = f"it leans {lean[:16]!r}"
    else:
        phrase = directive_in(body)
        if phrase is None:
            return
        reason = f"it contains the directive phrase {phrase!r}"
    detail = f"openai answer on a {kind.value} question failed the safety check: {reason}"
    logger.warning("%s; the offline reading is served instead", detail)
    raise UnsafeAnswer(detail)
