"""The small markup a reading's text is written in, which every frontend can render.

- Paragraphs are separated by blank lines; a paragraph keeps its own line breaks (a list an LLM
  writes stays a list).
- A line starting with `## ` is a section heading; the paragraphs after it, up to the next heading,
  belong to its section (paragraphs before the first heading form a section without one). An LLM that
  writes another Markdown level (`# `, `### `, up to six) means a heading too, and is read as one.
- `**bold**` marks a span: the card names in a reading. Nothing else is markup, so a `*` or `#` the
  text needs elsewhere stays as it is.

`parse` gives the structure (sections of paragraphs of spans), `plain` the text for a terminal or any
frontend without formatting, `bold` writes a span, `write` writes sections back (a frontend that cuts a
long reading into parts writes each part).
"""

from __future__ import annotations

import re

from attrs import frozen

HEADING = "## "
BOLD = "**"
_BOLD_SPAN = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_BLANK = re.compile(r"\n[ \t]*\n")
_HEADING_LINE = re.compile(r"#{1,6} ")


@frozen
class Span:
    text: str
    bold: bool = False


@frozen
class Paragraph:
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@frozen
class Section:
    heading: str | None
    paragraphs: tuple[Paragraph, ...]


def bold(text: str) -> str:
    """`text` as a bold span."""
    return f"{BOLD}{text}{BOLD}" if text else text


def heading(text: str) -> str:
    """`text` as a section heading line."""
    return f"{HEADING}{text}"


def spans(text: str) -> tuple[Span, ...]:
    """One paragraph's text as spans: bold where `**…**` marks it, plain around it (no empty spans)."""
    found: list[Span] = []
    at = 0
    for match in _BOLD_SPAN.finditer(text):
        if match.start() > at:
            found.append(Span(text[at : match.start()]))
        found.append(Span(match.group(1), bold=True))
        at = match.end()
    if at < len(text):
        found.append(Span(text[at:]))
    return tuple(found)


def parse(text: str) -> tuple[Section, ...]:
    """The text's sections, in order; an empty text has none."""
    sections: list[Section] = []
    title: str | None = None
    paragraphs: list[Paragraph] = []
    for block in _BLANK.split(text.replace("\r\n", "\n")):
        lines: list[str] = []
        for line in (raw.strip() for raw in block.split("\n")):
            if not _HEADING_LINE.match(line):
                lines += [line] if line else []
                continue
            if lines:
                paragraphs.append(Paragraph(spans("\n".join(lines))))
                lines = []
            if title is not None or paragraphs:
                sections.append(Section(title, tuple(paragraphs)))
            title, paragraphs = line.lstrip("#").strip(), []
        if lines:
            paragraphs.append(Paragraph(spans("\n".join(lines))))
    if title is not None or paragraphs:
        sections.append(Section(title, tuple(paragraphs)))
    return tuple(sections)


def write(sections: tuple[Section, ...] | list[Section]) -> str:
    """Sections as markup text again: `parse(write(sections))` gives them back."""
    blocks: list[str] = []
    for section in sections:
        if section.heading:
            blocks.append(heading(section.heading))
        blocks.extend(
            "".join(bold(span.text) if span.bold else span.text for span in paragraph.spans)
            for paragraph in section.paragraphs
        )
    return "\n\n".join(blocks)


def plain(text: str) -> str:
    """The text without markup: headings as lines of their own, bold spans as their words."""
    blocks: list[str] = []
    for section in parse(text):
        if section.heading:
            blocks.append(section.heading)
        blocks.extend(paragraph.text for paragraph in section.paragraphs)
    return "\n\n".join(blocks)


__all__ = [
    "BOLD", "HEADING", "Paragraph", "Section", "Span", "bold", "heading", "parse", "plain", "spans", "write",
]  # fmt: skip
