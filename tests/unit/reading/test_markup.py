"""The reading markup: paragraphs, section headings and bold card names (`model.markup`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tarot_domain.model.markup import Paragraph, Section, Span, bold, heading, parse, plain

TEXT = f"""Opening with the {bold("Tower")} in it.

{heading("The cards")}
The {bold("Star")} follows.
A second line of the same paragraph.

Another paragraph, about {bold("Death")} and {bold("the Sun")}.

{heading("Closing")}

Done."""


def test_parse_gives_sections_of_paragraphs_of_spans() -> None:
    sections = parse(TEXT)
    assert [section.heading for section in sections] == [None, "The cards", "Closing"]
    assert sections[0].paragraphs == (
        Paragraph((Span("Opening with the "), Span("Tower", bold=True), Span(" in it."))),
    )
    cards = sections[1].paragraphs
    assert [p.text for p in cards] == [
        "The Star follows.\nA second line of the same paragraph.",
        "Another paragraph, about Death and the Sun.",
    ]
    assert [span.text for span in cards[1].spans if span.bold] == ["Death", "the Sun"]
    assert sections[2] == Section("Closing", (Paragraph((Span("Done."),)),))


def test_plain_drops_the_markers_and_keeps_paragraphs_and_their_lines() -> None:
    assert plain(TEXT) == (
        "Opening with the Tower in it.\n\nThe cards\n\n"
        "The Star follows.\nA second line of the same paragraph."
        "\n\nAnother paragraph, about Death and the Sun.\n\nClosing\n\nDone."
    )


def test_lone_stars_and_hashes_are_text() -> None:
    assert plain("Five * three is #15, not **") == "Five * three is #15, not **"
    assert parse("") == ()


@given(
    st.lists(st.text(alphabet="abc XYZ,.", min_size=1, max_size=12).map(str.strip).filter(bool), max_size=6)
)
def test_plain_of_bold_words_is_the_words(words: list[str]) -> None:
    text = " ".join(bold(word) for word in words)
    assert plain(text) == " ".join(words)
