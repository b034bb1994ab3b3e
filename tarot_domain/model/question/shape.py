"""Which part of a question asks, and how: the shape of the asking clause.

A question is read phrase by phrase. Lead-ins ("please tell me", «скажіть») are skipped; an embedded
"if"/"whether" opens a yes/no question; otherwise the longest marker at the start gives the shape
("should I" a decision, "when" timing, "what/how/why" an open question, "will/is/чи" yes or no). A phrase
with no marker that ends in a question mark and reads as a statement («Він повернеться?») is a yes/no
question too. The first phrase that asks wins, preferring one a question mark closes; a question with no
asking phrase is an open theme ("my love life", «робота»).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from attrs import frozen

from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.text import Phrase, Token


class Shape(enum.Enum):
    CLOSED = "closed"  # yes or no: "Will he come back?", «Чи повернеться він?», «Він повернеться?»
    SHOULD = "should"  # a decision: "Should I…", "Is it worth…", «Чи варто…», «Чи переїжджати?»
    WHEN = "when"  # timing: "When…", "How long until…", «Коли…», «Скільки чекати…»
    WHAT = "what"  # what, how, why, where, who: "What does he feel?", «Як мені…»
    OPEN = "open"  # a statement or a theme: "my love life", «робота»


@frozen
class Parsed:
    """The question as read: its text (verbatim source of every quoted span), words and phrases."""

    text: str
    tokens: tuple[Token, ...]
    words: tuple[str, ...]
    phrases: tuple[Phrase, ...]

    def sentence_end(self, phrase: Phrase) -> int:
        return max(p.end for p in self.phrases if p.sentence == phrase.sentence)

    def phrase_of(self, index: int) -> Phrase:
        return next(p for p in self.phrases if p.start <= index < p.end)


@frozen
class Clause:
    """The asking part: its shape, where it starts (at the marker) and where its sentence ends."""

    shape: Shape
    phrase: Phrase
    start: int  # the marker's first word (or the first word after the lead-ins)
    body: int  # the first word after the marker
    end: int  # the end of the sentence
    marker: str  # the marker's first word, normalised; "" for none
    embedded: bool = False  # after "if"/"whether": a declarative clause ("if he likes me")
    stated: bool = False  # a statement asked with a question mark


def is_infinitive(word: str, readers: Sequence[Reader]) -> bool:
    """Whether `word` ends like an infinitive in a language that marks one («переїжджати»)."""
    for reader in readers:
        endings = reader.word_list("infinitive")
        if endings and len(word) > 2 and word.endswith(endings) and word not in reader.stopwords:
            return True
    return False


def _marker(readers: Sequence[Reader], words: Sequence[str], start: int, end: int) -> tuple[int, str] | None:
    """The longest marker at `start` in any language (people mix them), the question's own first."""
    best: tuple[int, str] | None = None
    for reader in readers:
        found = reader.markers.longest(words, start, end)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return best


def skip_lead_ins(readers: Sequence[Reader], words: Sequence[str], start: int, end: int) -> int:
    index = start
    while index < end:
        found = max((r.lead_ins.longest(words, index, end) for r in readers), key=_reach, default=None)
        if found is None or found[0] <= index:
            return index
        index = found[0]
    return index


def _reach(found: tuple[int, bool] | None) -> int:
    return -1 if found is None else found[0]


def _statement(parsed: Parsed, phrase: Phrase, start: int, readers: Sequence[Reader]) -> bool:
    """Whether a phrase with no marker reads as a statement asked as a question («Він повернеться?»)."""
    words = parsed.words[start : phrase.end]
    if len(words) >= 3:  # "… or not", «… чи ні» asks with no question mark
        choices = frozenset().union(*(r.choice_words for r in readers))
        nots = frozenset().union(*(r.not_choices for r in readers))
        if words[-2] in choices and words[-1] in nots:
            return True
    if not phrase.asks or len(words) < 2:
        return False
    for reader in readers:
        subjects, finite = reader.word_set("subjects"), reader.word_list("finite")
        if any(word in subjects for word in words):
            return True
        if finite and any(len(word) > 3 and word.endswith(finite) for word in words):
            return True
    return len(words) >= 3


def _candidate(parsed: Parsed, phrase: Phrase, readers: Sequence[Reader]) -> Clause | None:
    words, end = parsed.words, parsed.sentence_end(phrase)
    start = skip_lead_ins(readers, words, phrase.start, phrase.end)
    if start >= phrase.end:
        return None
    embedders = frozenset().union(*(r.embedders for r in readers))
    if words[start] in embedders:
        body = start + 1
        decisive = frozenset().union(*(r.word_set("embedded_decision") for r in readers))
        decision = any(word in decisive for word in words[body : body + 2])
        shape = Shape.SHOULD if decision else Shape.CLOSED
        return Clause(shape, phrase, start, body, end, words[start], embedded=True)
    marker = _marker(readers, words, start, phrase.end)
    if marker is not None:
        body, shape = marker[0], Shape(marker[1])
        if shape is Shape.CLOSED and body < phrase.end:
            datives = frozenset().union(*(r.word_set("datives") for r in readers))
            nxt = body + 1 if words[body] in datives and body + 1 < phrase.end else body
            if is_infinitive(words[nxt], readers):
                shape = Shape.SHOULD  # «Чи переїжджати?», «Чи звільнятися мені?»
        return Clause(shape, phrase, start, body, end, words[start])
    if is_infinitive(words[start], readers) and phrase.asks:
        return Clause(Shape.SHOULD, phrase, start, start, end, "")  # «Переїжджати?»
    if _statement(parsed, phrase, start, readers):
        return Clause(Shape.CLOSED, phrase, start, start, end, "", stated=True)
    return None


def find_clause(parsed: Parsed, readers: Sequence[Reader]) -> Clause | None:
    """The asking clause, or None when the question only names a theme."""
    found = [c for phrase in parsed.phrases if (c := _candidate(parsed, phrase, readers)) is not None]
    marked = [c for c in found if not c.stated]
    for group in (marked, found):
        asking = [c for c in group if c.phrase.asks]
        if asking or group:
            return (asking or group)[0]
    return None


def theme_start(parsed: Parsed, readers: Sequence[Reader]) -> tuple[Phrase, int] | None:
    """Where an open question's theme begins: the first phrase with words after its lead-ins."""
    for phrase in parsed.phrases:
        start = skip_lead_ins(readers, parsed.words, phrase.start, phrase.end)
        if start < phrase.end:
            return phrase, start
    return None
