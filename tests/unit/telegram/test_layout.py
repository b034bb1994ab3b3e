"""The reading laid out for Telegram (`adapters/telegram/layout.py`): bold ranges in UTF-16 code units,
parts cut between sections, each within the message limit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.telegram.layout import messages, pages, styled
from adapters.telegram.split import utf16_len
from tarot_domain.model.markup import bold, heading, parse, plain


def bold_texts(text: str) -> list[str]:
    """What each bold range covers, cut out of the text by its UTF-16 offsets as Telegram does."""
    out = styled(text)
    units = out.text.encode("utf-16-le")
    return [units[2 * at : 2 * (at + length)].decode("utf-16-le") for at, length in out.bold]


def test_headings_and_card_names_are_bold_with_utf16_offsets_in_ukrainian_with_emoji() -> None:
    text = (
        f"{heading('🔮 Минуле, теперішнє, майбутнє')}\n\n"
        f"Питання: «Чи вдасться переїзд? 🏠🌙»\n\n"
        f"Відповідь: так. {bold('Зірка')} 🌟 обіцяє надію, а {bold('Маг')} — силу."
    )
    out = styled(text)
    assert out.text == plain(text)
    assert bold_texts(text) == ["🔮 Минуле, теперішнє, майбутнє", "Зірка", "Маг"]
    # Offsets count UTF-16 units: each emoji before a name shifts it by two, not one.
    star = out.text.index("Зірка")
    assert out.bold[1][0] == utf16_len(out.text[:star]) == star + 3  # 🔮 🏠 🌙 before it
    assert out.bold[1][1] == 5


def test_a_bold_run_with_outer_spaces_is_bold_only_on_its_words() -> None:
    assert bold_texts(f"The {bold(' Tower ')} falls") == ["Tower"]


def section(title: str, paragraphs: int, size: int) -> str:
    body = "\n\n".join(f"{title} {i}: " + bold("Card") + " word" * size for i in range(paragraphs))
    return f"{heading(title)}\n\n{body}"


def test_sections_are_packed_whole_into_as_few_messages_as_fit() -> None:
    text = "\n\n".join(section(name, 3, 100) for name in ("Answer", "Past", "Present", "Future"))
    parts = pages(text, 4096)
    assert len(parts) == 2  # ~1.5k characters each section: two to a message
    assert [[s.heading for s in parse(p)] for p in parts] == [["Answer", "Past"], ["Present", "Future"]]
    assert all(utf16_len(m.text) <= 4096 for m in messages(text, 4096))
    assert "".join(plain(p) for p in parts).replace("\n", "") == plain(text).replace("\n", "")


def test_a_section_longer_than_a_message_is_cut_between_paragraphs() -> None:
    text = section("Long", 12, 100)  # ~6k characters in one section
    parts = pages(text, 4096)
    assert len(parts) == 2
    assert parse(parts[0])[0].heading == "Long" and parse(parts[1])[0].heading is None
    assert sum(len(s.paragraphs) for p in parts for s in parse(p)) == 12


def test_a_paragraph_longer_than_a_message_is_cut_as_plain_text() -> None:
    text = "word " * 2000
    parts = pages(text, 4096)
    assert len(parts) == 3 and all(utf16_len(styled(p).text) <= 4096 for p in parts)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abc ґї🌙", min_size=1, max_size=10).map(str.strip).filter(bool),
            st.lists(st.integers(1, 400), min_size=1, max_size=6),
        ),
        min_size=1,
        max_size=8,
    ),
    st.integers(200, 4096),
)
def test_every_part_fits_and_no_word_is_lost(shape: list[tuple[str, list[int]]], limit: int) -> None:
    text = "\n\n".join(
        heading(title) + "\n\n" + "\n\n".join(f"{bold('🌙 Зірка')} " + "слово " * n for n in sizes)
        for title, sizes in shape
    )
    parts = pages(text, limit)
    assert all(utf16_len(styled(p).text) <= limit for p in parts)
    assert " ".join(plain(p) for p in parts).split() == plain(text).split()
    for part in parts:  # every bold range lies inside its message and covers words
        out = styled(part)
        assert all(at >= 0 and at + n <= utf16_len(out.text) and n > 0 for at, n in out.bold)
