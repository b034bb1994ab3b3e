"""Ukrainian euphony (милозвучність) over a finished text: і/й/та and у/в chosen by the sounds around them.

Ukrainian avoids two vowels or a pile of consonants meeting at a word boundary, so the conjunction and
the preposition alternate:
- the conjunction is «й» after a vowel («сила й воля», «співчуття й інтуїція») and «і» after a consonant
  or a pause («світ і тиша»); where either would meet the same sound it is «та» («авторитет та
  інтелект», «сила та ясність» rather than «сила й ясність»);
- the preposition is «у» between consonants, after a pause before a consonant, and before в, ф, св, тв,
  хв, льв… («брат у сестри», «у вівторок», «вона у Львові»); «в» after a vowel or before a vowel
  («вона в місті», «в Одесі»).

- the preposition «з»/«із» is «зі» before з, с, ш, щ followed by a consonant («зі Світом», «зі
  сходу») and «із» between consonants («брат із сестрою», «Лицар із мечем»); elsewhere it stays as
  written.

Only the standalone words «і», «й», «у», «в», «з», «із» (any case) are touched; a text's «та» is left
as written, and nothing inside «…» quotations (the querent's own words) changes. The rules are the
school ones in their common form; where they leave a choice the text keeps what it had.
"""

from __future__ import annotations

import re
from collections.abc import Callable

VOWELS = frozenset("аеєиіїоуюяАЕЄИІЇОУЮЯ")
_WORD = re.compile(r"(?<![\w'’ʼ-])([ІіЙйУуВв])(?![\w'’ʼ-])")
_WITH = re.compile(r"(?<![\w'’ʼ-])([Іі]?[Зз])(?![\w'’ʼ-])")
_HISSING = frozenset("зсшщ")
_CLUSTER_AFTER_V = ("в", "ф", "льв", "св", "тв", "хв", "зв", "дв", "гв", "кв", "цв")
_I_SOUND = frozenset("іїІЇ")
_IOTATED = frozenset("йєюяЙЄЮЯ")


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The letter before the word (or "" after a pause: punctuation, a line start) and the start of the
    next word (the next word itself, lower case)."""
    before = ""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i >= 0 and (text[i].isalpha() or text[i] in "'’ʼ"):
        before = text[i]
    if i >= 0 and text[i] == "*":  # the end of a bold name: look inside it
        j = i
        while j >= 0 and text[j] == "*":
            j -= 1
        if j >= 0 and text[j].isalpha():
            before = text[j]
    j = end
    while j < len(text) and text[j] in ' *«"(':
        j += 1
    k = j
    while k < len(text) and (text[k].isalpha() or text[k] in "'’ʼ-"):
        k += 1
    return before, text[j:k].lower()


def _conjunction(before: str, after: str) -> str:
    vowel_before = bool(before) and before in VOWELS
    if after[:1] in _I_SOUND:  # «і» before «і»: «й» after a vowel, «та» after a consonant
        return "й" if vowel_before else "та" if before else "і"
    if after[:1] in _IOTATED:  # «й» before «я», «ю», «є», «й» would double the sound
        return "та" if vowel_before else "і"
    return "й" if vowel_before else "і"


def _preposition(before: str, after: str) -> str:
    if not after:
        return "у"
    vowel_after = after[0] in VOWELS
    vowel_before = bool(before) and before in VOWELS
    if after.startswith(_CLUSTER_AFTER_V):
        return "у"
    if vowel_before and not vowel_after:
        return "в"
    if vowel_after and (vowel_before or not before):
        return "в"
    if not vowel_before and not vowel_after:
        return "у"
    return "в" if vowel_after else "у"


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char == "«":
            if depth == 0:
                start = index
            depth += 1
        elif char == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, index))
    return spans


def euphonise(text: str) -> str:
    """`text` with «і/й/та», «у/в» and «з/із/зі» chosen for euphony (see the module docstring)."""
    return _rewritten(_rewritten(text, _WORD, _vowel_word), _WITH, _with_form)


def _vowel_word(word: str, before: str, after: str) -> str:
    return _conjunction(before, after) if word in "ІіЙй" else _preposition(before, after)


def _with_form(word: str, before: str, after: str) -> str | None:
    if len(after) >= 2 and after[0] in _HISSING and after[1].isalpha() and after[1] not in VOWELS:
        return "зі"
    if before.isalpha() and before not in VOWELS and after[:1].isalpha() and after[0] not in VOWELS:
        return "із"
    return None  # as written


def _rewritten(text: str, words: re.Pattern[str], choose: Callable[[str, str, str], str | None]) -> str:
    """`text` with each standalone match of `words` outside «…» replaced by what `choose` makes of it
    (the word, the letter before it, the next word), in the word's case."""
    quoted = _quoted_spans(text)
    out: list[str] = []
    at = 0
    for match in words.finditer(text):
        start, end = match.span(1)
        if any(a <= start <= b for a, b in quoted):
            continue
        word = match.group(1)
        chosen = choose(word, *_neighbours(text, start, end))
        if chosen is None:
            continue
        if word[:1].isupper():
            chosen = chosen[:1].upper() + chosen[1:]
        out.append(text[at:start])
        out.append(chosen)
        at = end
    out.append(text[at:])
    return "".join(out)


__all__ = ["euphonise"]
