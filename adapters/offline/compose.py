"""The offline reading, composed from the card knowledge and the question analysis: pure, no I/O.

A reading is, in order: the answer first (`opening`), each card through its place and the relations a
reader looks for in the spread (`bodies`, `calendars`; what dominates leads the body when a suit or the
Major Arcana do), then what else dominates and a closing that returns to the question with one concrete
next step (`dominance`, `closing`). Every phrasing comes from the pack's composer tables
(`content/<lang>/composer.py`) through one seeded chooser, so a request always gives the same text and
no frame is used twice in a reading. The text is written in `model.markup` (blank-line paragraphs,
`## ` headings, `**bold**` card names); `compose_reading` returns it in chunks (a heading travels with
its paragraph) that joined with blank lines are the whole reading.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from adapters.offline import calendars  # noqa: F401  (registers the calendar bodies)
from adapters.offline.bodies import BODIES, Body, in_order
from adapters.offline.closing import closing, reserve
from adapters.offline.dominance import lead, notes
from adapters.offline.opening import opening
from adapters.offline.writer import Writer
from tarot_domain.model.markup import HEADING, plain
from tarot_domain.model.safety import pointer_for
from tarot_ports.interpreter import InterpretationRequest

__all__ = ["compose_reading", "finish", "writer_for"]

_WORD = re.compile(r"[\w'’-]+")


def writer_for(request: InterpretationRequest, *, salt: object = "reading") -> Writer:
    return Writer(
        request.spread_id,
        request.deck_id,
        request.language,
        request.question,
        request.cards,
        request.answers,
        safety=request.safety,
        salt=salt,
    )


WORD_BUDGET: Mapping[str, int] = {"single": 150, "yes-no": 150, "three": 300, "celtic-cross": 520}
"""The most words a reading of these spreads may have; over it, the reading is written again brief
(no lesson line, no pair, no note on what dominates)."""


def compose_reading(request: InterpretationRequest) -> list[str]:
    """The reading as chunks; "\\n\\n".join(chunks) is the full text."""
    chunks = _compose(request, brief=False)
    budget = WORD_BUDGET.get(request.spread_id)
    if budget is not None and len(_WORD.findall(plain("\n\n".join(chunks)))) > budget:
        chunks = _compose(request, brief=True)
    return chunks


def _compose(request: InterpretationRequest, *, brief: bool) -> list[str]:
    w = writer_for(request)
    w.brief = brief
    step = reserve(w)
    chunks = [] if request.safety is None else [pointer_for(request.safety, w.language)]
    chunks += opening(w)
    body = Body(w)
    BODIES.get(w.spread.id, in_order)(w, body)
    paragraphs = body.paragraphs
    first_line = lead(w)
    if first_line and paragraphs:
        paragraphs[0] = _prepend(paragraphs[0], first_line)
    chunks.extend(paragraphs)
    chunks.append(closing(w, step, [] if brief else notes(w)))
    return finish(w, chunks, kept=0 if request.safety is None else 1)


def _prepend(paragraph: str, sentence: str) -> str:
    """`sentence` at the start of `paragraph` (after its heading line, if it has one)."""
    if paragraph.startswith(HEADING):
        title, _, text = paragraph.partition("\n")
        return f"{title}\n{sentence} {text}"
    return f"{sentence} {paragraph}"


def finish(w: Writer, chunks: Sequence[str], *, kept: int = 0) -> list[str]:
    """Every chunk finished by the reading's voice, line by line (headings, and the first `kept` chunks,
    such as the safety pointer, stay as they are)."""
    done: list[str] = list(chunks[:kept])
    for chunk in chunks[kept:]:
        lines = [line if line.startswith(HEADING) else w.voice.finish(line) for line in chunk.split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        if text:
            done.append(text)
    return done
