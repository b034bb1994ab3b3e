"""A reading laid out for Telegram: its markup (tarot_domain/model/markup.py) as messages of plain text
with bold ranges, cut between sections.

- `pages(text, limit)`: the markup cut into parts that each fit one message, at section boundaries
  (sections packed whole, in order, as many to a message as fit); a section longer than a message is
  cut between its paragraphs, and a paragraph longer than a message (never seen from our interpreters)
  is cut as plain text at its best boundary, losing its bold.
- `styled(text)`: one part as the message's text and its bold ranges (headings and bold spans).

Telegram measures texts and entity offsets in UTF-16 code units, so every length and offset here is in
those units (an emoji outside the BMP counts two).
"""

from __future__ import annotations

from attrs import frozen

from adapters.telegram.split import split_text, utf16_len
from tarot_domain.model.markup import Paragraph, Section, Span, parse, write

GAP = "\n\n"  # between paragraphs and sections, as the markup writes them


@frozen
class Styled:
    """A message's text and its bold ranges as (offset, length) in UTF-16 code units."""

    text: str
    bold: tuple[tuple[int, int], ...] = ()


def _blocks(section: Section) -> list[tuple[str, bool]]:
    """The section's pieces as (text, bold) runs: its heading line, then its paragraphs' spans."""
    runs: list[tuple[str, bool]] = []
    if section.heading:
        runs.append((section.heading, True))
    for paragraph in section.paragraphs:
        if runs:
            runs.append((GAP, False))
        runs.extend((span.text, span.bold) for span in paragraph.spans)
    return runs


def styled(text: str) -> Styled:
    """`text` (markup) as one message: the plain text, headings and bold spans as bold ranges."""
    out: list[str] = []
    bold: list[tuple[int, int]] = []
    at = 0
    for index, section in enumerate(parse(text)):
        runs = ([(GAP, False)] if index else []) + _blocks(section)
        for run, is_bold in runs:
            units = utf16_len(run)
            if is_bold and run.strip():
                bold.append(_trimmed(run, at))
            out.append(run)
            at += units
    return Styled("".join(out), tuple(bold))


def _trimmed(run: str, at: int) -> tuple[int, int]:
    """The bold range of `run` starting at unit `at`, without its outer whitespace (Telegram trims it)."""
    lead = utf16_len(run[: len(run) - len(run.lstrip())])
    return at + lead, utf16_len(run.strip())


def size(sections: list[Section]) -> int:
    """The UTF-16 length of `sections` as one message."""
    return utf16_len(styled(write(sections)).text)


def pages(text: str, limit: int) -> list[str]:
    """`text` (markup) as parts of at most `limit` UTF-16 units each once styled (see the module)."""
    parts: list[str] = []
    current: list[Section] = []
    for piece in _pieces(parse(text), limit):
        if current and size([*current, piece]) > limit:
            parts.append(write(current))
            current = []
        current.append(piece)
    if current:
        parts.append(write(current))
    return parts


def _pieces(sections: tuple[Section, ...], limit: int) -> list[Section]:
    """Each section whole when it fits a message; else cut between paragraphs (the heading stays with
    the first), and a paragraph too long alone cut as plain text."""
    pieces: list[Section] = []
    for section in sections:
        if size([section]) <= limit:
            pieces.append(section)
            continue
        heading = section.heading
        paragraphs: list[Paragraph] = []
        for paragraph in section.paragraphs:
            candidate = Section(heading, (*paragraphs, paragraph))
            if paragraphs and size([candidate]) > limit:
                pieces.append(Section(heading, tuple(paragraphs)))
                heading, paragraphs = None, []
            if size([Section(heading, (paragraph,))]) <= limit:
                paragraphs.append(paragraph)
                continue
            if heading:  # the heading alone, then the long paragraph in plain pieces
                pieces.append(Section(heading, ()))
                heading = None
            cuts = split_text(paragraph.text, limit)
            pieces.extend(Section(None, (Paragraph((Span(cut),)),)) for cut in cuts)
        if paragraphs or heading:
            pieces.append(Section(heading, tuple(paragraphs)))
    return pieces


def messages(text: str, limit: int) -> list[Styled]:
    """`text` (markup) as the styled messages it is sent in."""
    return [styled(part) for part in pages(text, limit)]
