"""Cleaning what people type before it reaches the domain."""

from __future__ import annotations

import unicodedata

from tarot_domain.model.errors import validation

QUESTION_MAX = 500
QUESTION_PATTERN = r"[^\W_]"
"""A question holds at least one letter or digit (Unicode, as `str.isalnum`): "!!!", "???" or "🙏" alone
say nothing to read. The same rule as a regular expression, for schemas that describe it (OpenAPI)."""


def clean_text(raw: str) -> str:
    """NFC-normalise, turn line breaks and tabs into spaces, drop other control and format
    characters (zero-width joiners included), collapse runs of spaces and trim."""
    text = unicodedata.normalize("NFC", raw)
    kept: list[str] = []
    for ch in text:
        if ch in "\n\r\t\v\f\u2028\u2029\x85":
            kept.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(ch)
    return " ".join("".join(kept).split())


def clean_question(raw: str, *, max_length: int = QUESTION_MAX) -> str:
    """A question of 1..`max_length` characters after cleaning, with at least one letter or digit, or a
    validation error. Every frontend (the bot, the CLI, the web API, embedders) goes through this one
    rule, so the same text is refused or read everywhere alike."""
    if not isinstance(raw, str):
        raise validation("question must be text", "error.question_empty")
    question = clean_text(raw)
    if not question:
        raise validation("question is empty", "error.question_empty")
    if not any(ch.isalnum() for ch in question):
        raise validation("question has no letter or digit", "error.question_no_words")
    if len(question) > max_length:
        raise validation(
            f"question has {len(question)} characters, the limit is {max_length}",
            "error.question_too_long",
            limit=max_length,
            length=len(question),
        )
    return question


def clean_answer(raw: str, *, max_length: int) -> str:
    """A questionnaire answer: may be empty (skipped), never over `max_length`."""
    answer = clean_text(raw)
    if len(answer) > max_length:
        raise validation(
            f"answer has {len(answer)} characters, the limit is {max_length}",
            "error.answer_too_long",
            limit=max_length,
            length=len(answer),
        )
    return answer
