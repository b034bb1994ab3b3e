"""The focus: the asked matter restated from our side for a reading's opening sentence.

A language's grammar restates the asking clause (`focus_en`, `focus_uk`); a choice nothing else asks is
restated as a choice ("whether to stay at your job or go freelance", «що обрати — Львів чи Київ»); and
whatever cannot be restated safely, or is written in another language's script, falls back to the
topic ("about your love life", «про ваше особисте життя»); the time frame is the analysis's own field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from attrs import evolve

from tarot_domain.model.question.choice import Choice
from tarot_domain.model.question.focus_en import EnglishFocus, english_focus
from tarot_domain.model.question.focus_uk import UkrainianFocus, ukrainian_focus
from tarot_domain.model.question.phrase import Word, join, words_of
from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.shape import Clause, Parsed, Shape, is_infinitive, skip_lead_ins

Grammar = Callable[[Parsed, Clause | None, Shape, Reader, frozenset[int]], str | None]

GRAMMARS: Mapping[str, Grammar] = {"en": english_focus, "uk": ukrainian_focus}
"""Each language's focus grammar; a language without one gets the topic focus."""


def _script_matches(parsed: Parsed, start: int, end: int, reader: Reader) -> bool:
    tokens = parsed.tokens[start:end]
    if not tokens:
        return False
    cyrillic = sum(1 for t in tokens if t.cyrillic)
    wants_cyrillic = reader.lexicon.declines
    return cyrillic * 2 >= len(tokens) if wants_cyrillic else cyrillic * 2 < len(tokens)


def _turned_option(parsed: Parsed, where: tuple[int, int], reader: Reader, proper: frozenset[int]) -> str:
    """An option from our side ("stay at my job" → "stay at your job"), first letter lower-cased."""
    words: list[Word] = words_of(parsed.tokens, *where, proper)
    if reader.lexicon.declines:
        turned = UkrainianFocus(parsed, reader, proper).turned(words)
    else:
        turned = EnglishFocus(parsed, reader, proper).turned(words)
    return join(turned or words)


def choice_focus(
    parsed: Parsed, clause: Clause | None, choice: Choice, reader: Reader, proper: frozenset[int]
) -> str | None:
    frames = reader.table("frames")
    (a_start, a_end), b_span = choice.spans
    phrase = parsed.phrase_of(a_start)
    head = min(skip_lead_ins([reader], parsed.words, phrase.start, phrase.end), a_start)
    shared = head < a_start and _starts_with_verb(parsed, head, reader)  # «Зосередитися | на кар'єрі чи …»
    a = _turned_option(
        parsed, (head, a_end), reader, proper
    )  # with what the options share: «робота | в Польщі»
    b = _turned_option(parsed, b_span, reader, proper)
    if clause is not None and clause.phrase != phrase and "wh" in frames:
        grammar = GRAMMARS.get(reader.code)
        wh = grammar(parsed, _only_phrase(parsed, clause), clause.shape, reader, proper) if grammar else None
        if wh:
            return frames["wh"].format(wh=wh, a=a, b=b)
    key = "do" if choice.verbal or shared else "choose"
    return frames[key].format(a=a, b=b) if key in frames else None


def _starts_with_verb(parsed: Parsed, index: int, reader: Reader) -> bool:
    word = parsed.words[index]
    return word in reader.verbs or is_infinitive(word, [reader])


def _only_phrase(parsed: Parsed, clause: Clause) -> Clause:
    """The asking clause cut to its own phrase ("which is better for me", not the options after it)."""
    return evolve(clause, end=clause.phrase.end)


def make_focus(
    parsed: Parsed,
    clause: Clause | None,
    shape: Shape,
    choice: Choice | None,
    topic: str,
    time_words: str,
    reader: Reader,
    proper: frozenset[int] = frozenset(),
) -> str:
    restated: str | None = None
    grammar = GRAMMARS.get(reader.code)
    if choice is not None and choice.bare:
        restated = choice_focus(parsed, clause, choice, reader, proper)
    elif grammar is not None:
        start = clause.start if clause is not None else 0
        end = clause.end if clause is not None else len(parsed.tokens)
        if _script_matches(parsed, start, end, reader):
            restated = grammar(parsed, clause, shape, reader, proper)
    if restated:
        return restated
    return reader.lexicon.topic_focus.get(topic) or reader.lexicon.topic_focus.get("", "")
