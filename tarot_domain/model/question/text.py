"""A question as words: tokens with what was typed and what is matched, grouped into phrases and sentences.

Normalising is what makes sloppy typing readable: lower case, one apostrophe for ' ’ ʼ `, «ё» read as «е»,
Latin look-alikes inside Cyrillic words read as Cyrillic («мiй» with a Latin i), and a Ukrainian question
typed on the English keyboard layout read as what was meant ("xb gjdthytnmcz dsy": «чи повернеться він»).
Every token keeps its span, so what the analysis quotes back is verbatim.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from attrs import frozen

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'", "′": "'", "＇": "'"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_CYRILLIC = re.compile(r"[а-яіїєґёыэъА-ЯІЇЄҐЁЫЭЪ]")
_LATIN = re.compile(r"[a-zA-Z]")
_LOOK_ALIKES = str.maketrans(
    {
        "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к",
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
        "P": "Р", "T": "Т", "X": "Х", "Y": "У", "ï": "ї", "Ï": "Ї",
    }
)  # fmt: skip
_STRONG = frozenset(".?!…;\n")
_WEAK = frozenset(',:—–()[]{}/\\|*«»"')


@frozen
class Token:
    """One word: `text` as typed (a slice of the question), `norm` as matched."""

    text: str
    norm: str
    start: int
    end: int
    gap: str  # what was typed between the previous word and this one

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()

    @property
    def cyrillic(self) -> bool:
        return bool(_CYRILLIC.search(self.norm))

    @property
    def hyphened(self) -> bool:
        """Joined to the word before by a hyphen ("ex-husband", «бізнес-партнер»)."""
        return self.gap == "-"


@frozen
class Phrase:
    """Words between two breaks; `asks` when a question mark closes it (or its sentence)."""

    start: int
    end: int
    sentence: int
    asks: bool


def normalise(word: str) -> str:
    """How a word (or a lexicon form) is matched: lower case, one apostrophe, «ё» as «е»."""
    lowered = unicodedata.normalize("NFC", word).translate(_APOSTROPHES).lower()
    return lowered.replace("ё", "е")


def repair_look_alikes(word: str) -> str:
    """A word of Cyrillic letters with Latin look-alikes in it, in Cyrillic only."""
    if _CYRILLIC.search(word) and _LATIN.search(word):
        return word.translate(_LOOK_ALIKES)
    return word


def relayout(text: str, source: str, target: str) -> str:
    """`text` as if typed on the other keyboard layout (`source` keys → `target` letters)."""
    table: dict[str, str | int | None] = dict(zip(source, target, strict=False))
    for key, letter in zip(source, target, strict=False):
        if key.upper() != key:
            table[key.upper()] = letter.upper()
    return text.translate(str.maketrans(table))


def tokenize(question: str) -> tuple[Token, ...]:
    """The words of `question` (NFC) with their spans; in a mostly Cyrillic text a lone Latin "i" is «і»."""
    text = question.translate(_APOSTROPHES)
    found = list(_WORD.finditer(text))
    cyrillic_text = sum(1 for m in found if _CYRILLIC.search(m.group())) * 2 > len(found)
    tokens: list[Token] = []
    previous_end = 0
    for match in found:
        raw = match.group()
        word = repair_look_alikes(raw)
        if cyrillic_text and len(word) == 1 and _LATIN.match(word):
            word = word.translate(_LOOK_ALIKES)
        gap = text[previous_end : match.start()]
        tokens.append(Token(raw, normalise(word), match.start(), match.end(), gap))
        previous_end = match.end()
    return tuple(tokens)


def _breaks(gap: str) -> tuple[bool, bool]:
    """(strong, weak): whether `gap` ends a sentence or a phrase; a hyphen with no spaces joins words."""
    if not gap.strip() or gap in ("-", "'"):
        return False, False
    if any(ch in _STRONG for ch in gap):
        return True, True
    weak = "-" in gap or any(ch in _WEAK for ch in gap)
    weak = weak or any(unicodedata.category(ch)[0] in "SP" and ch != "'" for ch in gap)
    return False, weak


def phrases(tokens: Sequence[Token], question: str) -> tuple[Phrase, ...]:
    """The phrases of the question, in order; a phrase asks when a "?" follows it or ends its sentence."""
    if not tokens:
        return ()
    bounds: list[tuple[int, int, int]] = []
    sentence, start = 0, 0
    for index in range(1, len(tokens) + 1):
        strong, weak = _breaks(tokens[index].gap) if index < len(tokens) else (True, True)
        if strong or weak:
            bounds.append((start, index, sentence))
            start = index
            if strong:
                sentence += 1
    tail = question[tokens[-1].end :]
    result: list[Phrase] = []
    for start, end, number in bounds:
        after = tokens[end].gap if end < len(tokens) else tail
        sentence_end = max(e for s, e, n in bounds if n == number)
        closing = tokens[sentence_end].gap if sentence_end < len(tokens) else tail
        result.append(Phrase(start, end, number, "?" in after or "?" in closing))
    return tuple(result)


def span(question: str, tokens: Sequence[Token], start: int, end: int) -> str:
    """The question's own text from token `start` to token `end` (exclusive), verbatim."""
    if start >= end:
        return ""
    return question[tokens[start].start : tokens[end - 1].end]
