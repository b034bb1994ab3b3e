"""How the safety screen reads text: one normal form for what people type and for the patterns alike.

People in distress type fast, on phones, in two alphabets: "Я ХОЧУ ПОМЕРТИ!!!", "хочууу померти",
"вбʼю себе" / "вб'ю себе" / "вбю себе", a Latin "o" in a Cyrillic word, "ne khochu zhyty". The screen
compares words, not characters, after this module has:
1. decomposed the text and dropped accents and other combining marks (й → и, ё → е, é → e);
2. removed apostrophes of every kind (' ’ ʼ ‘ ` ´), so "don't" is "dont" and "вб’ю" is "вбю";
3. mapped Latin/Cyrillic look-alike letters to the script the rest of the word is written in (a word
   made only of look-alikes takes the script of the whole text), then case-folded;
4. folded the letters Ukrainian and Russian spell differently (і ї й ы → и, є э → е, ґ → г, ь ъ gone);
5. split on everything that is not a letter or digit and collapsed repeated letters ("soooo" → "so").
`transliteration_fold` goes further for Ukrainian and Russian written in Latin letters (kh/x → h,
zh → z, ch → c, sh → s, y/j → i, g → h, ...): one spelling of a pattern then covers the usual ones.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from attrs import frozen

_APOSTROPHES = str.maketrans(dict.fromkeys("'’ʼ‘`´′ʹ", ""))
# Letters that look the same in both scripts (lower and upper case are separate look-alikes).
_LATIN_TO_CYRILLIC = {
    "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У",
}  # fmt: skip
_CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()}
_CYRILLIC_FOLD = str.maketrans(
    {"і": "и", "ї": "и", "й": "и", "ы": "и", "є": "е", "э": "е", "ё": "е", "ґ": "г", "ь": "", "ъ": ""}
)
_WORD = re.compile(r"[^\W_]+")
_REPEATS = re.compile(r"(.)\1+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_TRANSLIT = re.compile(r"shch|sch|sh|ch|zh|kh|ts|tz|ck|x|w|y|j|g|q")
_TRANSLIT_TO = {
    "shch": "s", "sch": "s", "sh": "s", "ch": "c", "zh": "z", "kh": "h", "ts": "c", "tz": "c",
    "ck": "k", "x": "h", "w": "v", "y": "i", "j": "i", "g": "h", "q": "k",
}  # fmt: skip


@frozen
class Words:
    """A text as the screen reads it: `plain` words, and the same words after `transliteration_fold`
    (position for position, so a match in one names the same words in the other)."""

    plain: tuple[str, ...]
    transliterated: tuple[str, ...]


def _script(ch: str) -> str | None:
    if "a" <= ch.lower() <= "z":
        return "latin"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    return None


def _votes(word: str) -> tuple[int, int]:
    """(latin, cyrillic): letters of each script that have no look-alike in the other."""
    latin = cyrillic = 0
    for ch in word:
        if ch in _LATIN_TO_CYRILLIC or ch in _CYRILLIC_TO_LATIN:
            continue
        script = _script(ch)
        latin += script == "latin"
        cyrillic += script == "cyrillic"
    return latin, cyrillic


def _one_script(word: str, fallback: str | None) -> str:
    latin, cyrillic = _votes(word)
    script = "latin" if latin > cyrillic else "cyrillic" if cyrillic > latin else fallback
    if script == "latin":
        return "".join(_CYRILLIC_TO_LATIN.get(ch, ch) for ch in word)
    if script == "cyrillic":
        return "".join(_LATIN_TO_CYRILLIC.get(ch, ch) for ch in word)
    return word


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> tuple[str, ...]:
    """The words of `text` in the screen's normal form (steps 1–5 of the module docstring)."""
    raw = _WORD.findall(_without_marks(text).translate(_APOSTROPHES))
    latin = cyrillic = 0
    for word in raw:
        votes = _votes(word)
        latin, cyrillic = latin + votes[0], cyrillic + votes[1]
    fallback = "latin" if latin > cyrillic else "cyrillic" if cyrillic > latin else None
    words: list[str] = []
    for word in raw:
        folded = _one_script(word, fallback).casefold().translate(_CYRILLIC_FOLD)
        words.append(_REPEATS.sub(r"\1", folded))
    return tuple(word for word in words if word)


@lru_cache(maxsize=4096)
def transliteration_fold(word: str) -> str:
    """A normalised Latin word with the usual transliterations of Ukrainian and Russian made one."""
    if not _LATIN_WORD.fullmatch(word):
        return word
    return _REPEATS.sub(r"\1", _TRANSLIT.sub(lambda m: _TRANSLIT_TO[m.group(0)], word))


def read_words(text: str) -> Words:
    plain = normalise(text)
    return Words(plain, tuple(transliteration_fold(word) for word in plain))
