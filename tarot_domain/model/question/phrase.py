"""A run of the question's words being rewritten from our side: words with the gaps typed between them.

The focus grammars take a slice of the question, replace words ("my" → "your", «мені» → «вам»), move
them (an inverted subject back before its verb) and join them again with the question's own punctuation
inside the clause (a comma, a colon, a dash stay; question marks and emoji go).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from attrs import evolve, frozen

from tarot_domain.model.question.text import Token, repair_look_alikes

_KEPT = frozenset(",:;—–-()«»\"'")


@frozen
class Word:
    text: str  # as it will be written
    norm: str  # as matched (the question's normalised word, or the replacement's)
    gap: str = " "  # what goes before it
    name: bool = False  # a proper name or a word we keep capitalised ("I" becomes "you", not this)


def _clean_gap(gap: str) -> str:
    """The punctuation inside a clause as typed (",", ":", " - ", "'"), without "?", "!" or emoji."""
    kept = "".join(ch for ch in gap if ch in _KEPT or ch.isspace())
    if not kept.strip():
        return " "
    return re.sub(r"\s+", " ", kept)


def words_of(
    tokens: Sequence[Token], start: int, end: int, proper: frozenset[int] = frozenset()
) -> list[Word]:
    """The question's words from `start` to `end` as Words (the first with no gap before it).

    A word keeps its capital when it is a name (`proper`: the indices of the names and places found,
    or any capitalised word inside a sentence); a question typed in capitals is read in lower case.
    """
    letters = [ch for token in tokens for ch in token.text if ch.isalpha()]
    shouting = len(letters) > 3 and sum(ch.isupper() for ch in letters) * 4 > len(letters) * 3
    result: list[Word] = []
    for index in range(start, end):
        token = tokens[index]
        inside = index > 0 and not any(ch in token.gap for ch in ".?!")
        name = index in proper or (token.capital and inside and not shouting)
        typed = repair_look_alikes(token.text)
        text = typed if name or not (shouting or not inside) else typed.lower()
        if token.text in ("I",) or (token.text.isupper() and len(token.text) > 1 and not shouting):
            text = token.text
        result.append(Word(text, token.norm, _clean_gap(token.gap) if result else "", name))
    return result


def replaced(word: Word, text: str) -> Word:
    """`word` written as `text` (keeping a capital only where the original was a name)."""
    return evolve(word, text=text, norm=unicodedata.normalize("NFC", text).lower())


def new(text: str, gap: str = " ") -> Word:
    return Word(text, text.lower(), gap)


def join(words: Sequence[Word]) -> str:
    """The words as one phrase: the first letter lower-cased unless it begins a name."""
    if not words:
        return ""
    parts = [words[0].text] + [(word.gap or " ") + word.text for word in words[1:]]
    text = "".join(parts).strip()
    text = text.replace(" ,", ",").replace("  ", " ")
    first = words[0]
    if not first.name and not (first.text.isupper() and len(first.text) > 1):
        text = text[:1].lower() + text[1:]
    return text.rstrip(" ,:;—–-'")
