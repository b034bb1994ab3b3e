"""How the safety screen reads text: one normal form for what people type and for the patterns alike.

People in distress type fast, on phones, in two alphabets: "Я ХОЧУ ПОМЕРТИ!!!", "хочууу померти",
"вбʼю себе" / "вб'ю себе" / "вбю себе", a Latin "o" in a Cyrillic word, "ne khochu zhyty". The screen
compares words, not characters, after this module has:
1. decomposed the text and dropped accents and other combining marks (й → и, ё → е, é → e);
2. removed apostrophes of every kind (' ’ ʼ ‘ ` ´), so "don't" is "dont" and "вб’ю" is "вбю";
3. case-folded, and mapped Latin/Cyrillic look-alike letters to the script the rest of the word is
   written in (a word made only of look-alikes, like "to" or "не", takes its neighbour's script, and
   a text made only of them is read both ways: `readings`);
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
# Look-alike letters (Unicode's confusables, in either case), compared after case folding: a word
# typed in capitals with a Latin "K" for a Cyrillic "К" folds to "k", which must still read as "к".
_LATIN_TO_CYRILLIC = {
    "a": "а", "b": "в", "c": "с", "d": "ԁ", "e": "е", "h": "н", "i": "і", "j": "ј", "k": "к", "l": "ӏ",
    "m": "м", "o": "о", "p": "р", "q": "ԛ", "s": "ѕ", "t": "т", "w": "ԝ", "x": "х", "y": "у",
}  # fmt: skip
_CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()} | {"һ": "h"}
_AMBIGUOUS = frozenset(_LATIN_TO_CYRILLIC) | frozenset(_CYRILLIC_TO_LATIN)
_CYRILLIC_FOLD = str.maketrans(
    {"і": "и", "ї": "и", "й": "и", "ы": "и", "є": "е", "э": "е", "ё": "е", "ґ": "г", "ь": "", "ъ": "",
     "һ": "н"}  # һ only ever stands in for a Latin h, the look-alike of Н
)  # fmt: skip
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
    if "a" <= ch <= "z":
        return "latin"
    if "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f":
        return "cyrillic"
    return None


def _majority(scripts: list[str | None]) -> str | None:
    latin, cyrillic = scripts.count("latin"), scripts.count("cyrillic")
    return "latin" if latin > cyrillic else "cyrillic" if cyrillic > latin else None


def _scripts(words: list[str], typed: str | None) -> list[str | None]:
    """Each word's script, by its letters that have no look-alike. A word made only of look-alikes
    ("to", "не", "I", or "Bcе" with two letters swapped) takes its nearest neighbour's script, and
    failing that (a text of look-alikes only) `typed`."""
    own = [_majority([_script(ch) for ch in word if ch not in _AMBIGUOUS]) for word in words]
    scripts: list[str | None] = []
    for i, script in enumerate(own):
        if script is None:
            before = next((s for s in reversed(own[:i]) if s is not None), None)
            after = next((s for s in own[i + 1 :] if s is not None), None)
            script = before or after or typed
        scripts.append(script)
    return scripts


def _raw_words(text: str) -> list[str]:
    return _WORD.findall(_without_marks(text.casefold()).translate(_APOSTROPHES))


def _only_look_alikes(words: list[str]) -> bool:
    return not any(ch not in _AMBIGUOUS and _script(ch) is not None for word in words for ch in word)


def _in_script(word: str, script: str | None) -> str:
    if script == "latin":
        return "".join(_CYRILLIC_TO_LATIN.get(ch, ch) for ch in word)
    if script == "cyrillic":
        return "".join(_LATIN_TO_CYRILLIC.get(ch, ch) for ch in word)
    return word


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def collapse(word: str) -> str:
    """`word` with each run of a repeated letter made one ("sooo" → "so")."""
    return _REPEATS.sub(r"\1", word)


def normalise(text: str, *, script: str | None = None) -> tuple[str, ...]:
    """The words of `text` in the screen's normal form (steps 1–5 of the module docstring). A text of
    look-alike letters only is read in `script`, by default the one most of its letters are typed in."""
    raw = _raw_words(text)
    typed = script or _majority([_script(ch) for word in raw for ch in word])
    pairs = zip(raw, _scripts(raw, typed), strict=True)
    words = (collapse(_in_script(word, script).translate(_CYRILLIC_FOLD)) for word, script in pairs)
    return tuple(word for word in words if word)


@lru_cache(maxsize=4096)
def transliteration_fold(word: str) -> str:
    """A normalised Latin word with the usual transliterations of Ukrainian and Russian made one."""
    if not _LATIN_WORD.fullmatch(word):
        return word
    return collapse(_TRANSLIT.sub(lambda m: _TRANSLIT_TO[m.group(0)], word))


def _words(plain: tuple[str, ...]) -> Words:
    return Words(plain, tuple(transliteration_fold(word) for word in plain))


def readings(text: str) -> tuple[Words, ...]:
    """How the screen reads `text`: once, or for a text of look-alike letters only ("ІКІLL" could be
    either alphabet) once in each script, so a crisis written entirely in look-alikes is still seen."""
    if _only_look_alikes(_raw_words(text)):
        return tuple(_words(normalise(text, script=script)) for script in ("latin", "cyrillic"))
    return (_words(normalise(text)),)
