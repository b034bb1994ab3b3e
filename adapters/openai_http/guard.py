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
_MAYBE_LEAN = re.compile(r"^[\s*_`>#-]*(?:l(?:e(?:a(?:n(?:[\s*_`]*(?:[:=].*)?)?)?)?)?)?$", re.IGNORECASE)
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
    """Wraps `on_delta`: forwards the answer as it comes, without the lean line and without the
    whitespace `strip_lean` would drop (leading blank lines, and whatever trails the last text).

    Only a line that may still turn out to be the lean line ("", "LE", "**LEAN:") is held back until
    it ends; any other text goes straight through, one `on_delta` call per piece received.
    """

    def __init__(self, on_delta: OnDelta) -> None:
        self._on_delta = on_delta
        self._line = ""  # the start of a line that could still be the lean line
        self._passing = False  # the current line is known not to be the lean line
        self._held = ""  # whitespace after the last text forwarded, sent once more text follows
        self._started = False

    async def feed(self, piece: str) -> None:
        out: list[str] = []
        while piece:
            end = piece.find("\n")
            part, piece = (piece, "") if end < 0 else (piece[:end], piece[end + 1 :])
            self._take(part, out)
            if end >= 0:
                self._end_line(out)
        await self._send(out)

    async def finish(self) -> None:
        out: list[str] = []
        if not self._passing and not LEAN_LINE.match(self._line):
            self._emit(self._line, out)
        self._line, self._passing = "", False
        await self._send(out)

    def _take(self, part: str, out: list[str]) -> None:
        if self._passing:
            self._emit(part, out)
            return
        self._line += part
        if not _MAYBE_LEAN.match(self._line):
            self._passing = True
            self._emit(self._line, out)
            self._line = ""

    def _end_line(self, out: list[str]) -> None:
        if self._passing:
            self._emit("\n", out)
        elif not LEAN_LINE.match(self._line):  # a blank line, or one that only began like the lean line
            self._emit(self._line + "\n", out)
        self._line, self._passing = "", False  # (the lean line goes, with its line break)

    def _emit(self, text: str, out: list[str]) -> None:
        if not self._started:
            text = text.lstrip()
            if not text:
                return
            self._started = True
        body = text.rstrip()
        if body:
            out.append(self._held + body)
            self._held = text[len(body) :]
        else:
            self._held += text

    async def _send(self, out: list[str]) -> None:
        text = "".join(out)
        if text:
            await self._on_delta(text)


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
