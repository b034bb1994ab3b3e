"""The reading markup: paragraphs, section headings and bold card names (`model.markup`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tarot_domain.model.markup import Paragraph, Section, Span, bold, heading, parse, plain, write

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


def test_other_markdown_heading_levels_are_headings_too() -> None:
    text = "# The answer\n\nYes, with the **Star**.\n\n### The cards\nThe **Moon** warns.\n\n#tag stays"
    sections = parse(text)
    assert [s.heading for s in sections] == ["The answer", "The cards"]
    assert [p.text for p in sections[1].paragraphs] == ["The Moon warns.", "#tag stays"]


_WORDS = st.text(alphabet="abc XYZ,.ґїЇ🌙\n", min_size=1, max_size=20)


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), _WORDS.map(lambda w: w.replace("\n", " "))),
            st.lists(st.lists(st.tuples(_WORDS, st.booleans()), min_size=1, max_size=4), max_size=3),
        ),
        max_size=4,
    )
)
def test_write_gives_back_what_parse_reads(
    raw: list[tuple[str | None, list[list[tuple[str, bool]]]]],
) -> None:
    text = "\n\n".join(
        "\n\n".join(
            ([heading(title)] if title and title.strip() else [])
            + ["".join(bold(w.strip()) if b and w.strip() else w for w, b in p) for p in paragraphs]
        )
        for title, paragraphs in raw
    )
    sections = parse(text)
    assert parse(write(sections)) == sections
    assert plain(write(sections)) == plain(text)
