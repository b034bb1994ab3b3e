"""Any text at all is a question the analysis can read: it never raises, and what it says keeps its
promises (closed sets, verbatim spans, a focus to open with)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tarot_domain.content.schema import TOPICS
from tarot_domain.model.question import SUBJECT_KINDS, TIME_FRAMES, Shape, analyse
from tarot_domain.model.question.text import relayout

WORDS = st.sampled_from(
    (
        "will", "should", "when", "what", "why", "how", "is", "it", "worth", "do", "i", "my", "he", "she",
        "they", "or", "not", "mom", "boyfriend", "ex", "job", "money", "love", "this", "year", "next",
        "week", "soon", "ever", "tomorrow", "the", "a", "to", "in", "Lisbon", "чи", "варто", "мені",
        "коли", "що", "як", "він", "вона", "мене", "мій", "моя", "моєї", "хлопець", "чоловік", "сестра",
        "колишній", "робота", "гроші", "кохання", "цього", "року", "завтра", "або", "ні", "в", "до",
        "Львів", "'", "’", "ʼ", "?", "!", ".", ",", ":", "—", "-", "(", ")", "🙏", "💔", "11:11", "2025",
        "iii", "мiй", "xb", "gjdthytnmcz", "dsy",
    )
)  # fmt: skip
QUESTIONS = st.one_of(
    st.text(max_size=120),
    st.lists(WORDS, max_size=25).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(max_size=4)), max_size=15).map("".join),
)


def _check(question: str, language: str) -> None:
    found = analyse(question, language)
    assert isinstance(found.shape, Shape)
    assert set(found.topics) <= set(TOPICS) and len(set(found.topics)) == len(found.topics)
    assert found.time_frame is None or found.time_frame in TIME_FRAMES
    assert found.focus.strip() and found.focus == found.focus.strip()
    text = unicodedata.normalize("NFC", question)
    for subject in found.subjects:  # a span of what was typed (or of the layout it was meant in)
        assert subject.kind in SUBJECT_KINDS and subject.text
        assert subject.text in text or subject.text in _relayout(text), (subject, question)
    if found.choice is not None:
        assert all(option.strip() for option in found.choice)
    assert all(word == word.lower() for word in found.words)


def _relayout(text: str) -> str:
    return relayout(text, "qwertyuiop[]asdfghjkl;'zxcvbnm,.`", "йцукенгшщзхїфівапролджєячсмитьбю'")


@settings(max_examples=300, deadline=None)
@given(QUESTIONS, st.sampled_from(["en", "uk", "de"]))
def test_any_text_is_read_and_the_analysis_keeps_its_promises(question: str, language: str) -> None:
    _check(question, language)


def test_nothing_asked_is_an_open_question_with_no_topic() -> None:
    for blank in ("", " ", "\n\t", "???", "🙏", "...", "—"):
        for language in ("en", "uk"):
            found = analyse(blank, language)
            assert (found.shape, found.topics, found.subjects, found.choice) == (Shape.OPEN, (), (), None)
            assert found.time_frame is None
