"""One analysis of a question, the ground the offline composer and the LLM prompt both stand on.

`analyse(question, language)` reads what was asked and how: its shape (yes/no, a decision, timing, an
open question, a theme), its topics, its time frame, the people, places and things it names (people with
a name to say back, declined in Ukrainian), the two options of a choice, and the asked matter restated
from our side (`focus`) for the opening sentence. Pure: the words come from the language packs
(`tarot_domain/content/<code>/question`), read once per language; nothing here does I/O, and no string
makes it raise.

Reading the focus: English "You're asking {focus}." ("whether to change jobs this year", "about your
love life"); Ukrainian «Ви запитуєте, {focus}.» for a clause («чи варто вам змінювати роботу цього
року») and «Ви запитуєте {focus}.» with no comma when the shape is OPEN (the focus then starts «про …»).
"""

from __future__ import annotations

import operator
import unicodedata
from collections.abc import Iterable, Sequence

from attrs import evolve, frozen

from tarot_domain.model.question.choice import Choice, find_choice
from tarot_domain.model.question.focus import make_focus
from tarot_domain.model.question.reader import Reader, readers
from tarot_domain.model.question.shape import Clause, Parsed, Shape, find_clause, is_infinitive
from tarot_domain.model.question.subjects import (
    SUBJECT_KINDS,
    Found,
    Subject,
    find_first_names,
    find_people,
    settle_people,
)
from tarot_domain.model.question.text import normalise, phrases, relayout, tokenize
from tarot_domain.model.question.things import find_places, find_things
from tarot_domain.model.question.timing import TIME_FRAMES, time_frame
from tarot_domain.model.question.topics import score_topics

__all__ = ["SUBJECT_KINDS", "TIME_FRAMES", "QuestionAnalysis", "Shape", "Subject", "analyse"]


@frozen
class QuestionAnalysis:
    """What a question asks (see the module docstring).

    - `language`: the pack the question was read with (the reading's language, English when it has none).
    - `shape`: `Shape`.
    - `topics`: from `schema.TOPICS`, strongest first; () when none is clear.
    - `time_frame`: one of `TIME_FRAMES`, or None.
    - `subjects`: the people, places and things it names, in order.
    - `choice`: the two options weighed ("stay", "leave"), verbatim, or None.
    - `focus`: the asked matter restated from our side, for the opening sentence.
    - `words`: the question's own content words, normalised (lower case, one apostrophe), with the words
      we name its people and focus back with, so a benchmark can mask everything the question brought.
    """

    language: str
    shape: Shape
    topics: tuple[str, ...]
    time_frame: str | None
    subjects: tuple[Subject, ...]
    choice: tuple[str, str] | None
    focus: str
    words: frozenset[str]


def _repair_layout(text: str, packs: Sequence[Reader]) -> str:
    """A question typed on the wrong keyboard layout, as meant: "xb gjdthytnmcz dsy", «чи повернеться він»."""
    primary = packs[0]
    source, target = primary.lexicon.grammar.get("layout_from"), primary.lexicon.grammar.get("layout_to")
    if not isinstance(source, str) or not isinstance(target, str) or len(source) != len(target):
        return text
    if any(t.cyrillic for t in tokenize(text)) or not any(ch.isascii() and ch.isalpha() for ch in text):
        return text
    converted = relayout(text, source, target)
    known_there = sum(1 for t in tokenize(converted) if t.norm in primary.stopwords)
    known_here = sum(1 for t in tokenize(text) for other in packs[1:] if t.norm in other.stopwords)
    return converted if known_there >= 2 and known_there > known_here else text


def _shape(clause: Clause | None, choice: Choice | None, parsed: Parsed, packs: Sequence[Reader]) -> Shape:
    """The shape, settled with the choice: options nothing asks about are a decision («Львів чи Київ?»),
    as are "which … should", "what is better: A or B" and "do I stay or leave"."""
    shape = clause.shape if clause is not None else Shape.OPEN
    if clause is None:
        return Shape.SHOULD if choice is not None and choice.bare else shape
    words = parsed.words[clause.start : clause.phrase.end]
    deliberative = frozenset().union(*(p.deliberative for p in packs))
    which = frozenset().union(*(p.word_set("which") for p in packs))
    if choice is not None:
        if clause.stated and choice.bare:
            return Shape.SHOULD
        if shape is Shape.WHAT and (choice.bare or any(w in deliberative for w in words)):
            return Shape.SHOULD
        if shape is Shape.WHAT and any(is_infinitive(w, packs) for w in words[1:]):
            return Shape.SHOULD
        aux = frozenset().union(*(p.word_set("deliberative_aux") for p in packs))
        subjects = frozenset().union(*(p.word_set("subjects") for p in packs))
        asker = clause.body < len(parsed.words) and parsed.words[clause.body] in subjects
        if shape is Shape.CLOSED and clause.marker in aux and asker:
            return Shape.SHOULD
    if shape is Shape.WHAT and clause.marker in which and any(w in deliberative - which for w in words):
        return Shape.SHOULD
    return shape


def _content_words(parsed: Parsed, packs: Sequence[Reader], extra: Iterable[str]) -> frozenset[str]:
    stop = frozenset().union(*(p.stopwords for p in packs))
    words = set(parsed.words)
    for text in extra:
        words.update(t.norm for t in tokenize(text))
    return frozenset(w for w in words if len(w) > 1 and w not in stop and not w.isdigit())


SEEN_QUESTIONS = 512  # analyses kept: a reading asks for its question's more than once (composer, lean)
_seen: dict[tuple[str, str], tuple[tuple[Reader, ...], QuestionAnalysis]] = {}


def analyse(question: str, language: str) -> QuestionAnalysis:
    """Read `question` (any text at all) as asked in `language` (a pack code; English when unknown)."""
    text = unicodedata.normalize("NFC", question if isinstance(question, str) else "")
    packs = readers(language)
    key = (text, language)
    seen = _seen.get(key)
    # Kept only while the packs are the very ones it was read with (the registry can be told to forget).
    if seen is not None and len(seen[0]) == len(packs) and all(map(operator.is_, seen[0], packs)):
        return seen[1]
    found = _analysed(text, packs)
    if len(_seen) >= SEEN_QUESTIONS:
        _seen.clear()
    _seen[key] = (packs, found)
    return found


def _analysed(text: str, packs: tuple[Reader, ...]) -> QuestionAnalysis:
    primary = packs[0]
    text = _repair_layout(text, packs)
    tokens = tokenize(text)
    parsed = Parsed(text, tokens, tuple(t.norm for t in tokens), phrases(tokens, text))
    if not tokens:
        focus = primary.lexicon.topic_focus.get("", "")
        return QuestionAnalysis(primary.code, Shape.OPEN, (), None, (), None, focus, frozenset())
    clause = find_clause(parsed, packs)
    choice = find_choice(parsed, clause, packs)
    shape = _shape(clause, choice, parsed, packs)
    claimed: set[int] = set()
    found: list[Found] = find_things(parsed, packs, claimed)
    found += find_people(parsed, packs, claimed)
    found += find_places(parsed, packs, claimed)
    found += find_first_names(parsed, packs, claimed)
    found = settle_people(found)
    if choice is not None:  # a choice between places is a choice of where to live
        (a_start, _), (_, b_end) = choice.spans
        found = [
            evolve(f, topic="home", weight=0.5)
            if f.subject.kind == "place" and a_start <= f.start < b_end
            else f
            for f in found
        ]
    topics = score_topics(parsed, packs, found)
    frame, time_words = time_frame(parsed, clause, packs)
    proper = frozenset(
        i
        for f in found
        if f.subject.kind == "place" or (f.subject.kind == "person" and f.subject.relation is None)
        for i in range(f.start, f.end)
    )
    focus = make_focus(
        parsed, clause, shape, choice, topics[0] if topics else "", time_words, primary, proper
    )
    subjects = tuple(f.subject for f in found if f.subject.kind)
    names = [form for s in subjects if s.name is not None for form in _forms(s)]
    return QuestionAnalysis(
        language=primary.code,
        shape=shape,
        topics=topics,
        time_frame=frame,
        subjects=subjects,
        choice=None if choice is None else (choice.a, choice.b),
        focus=focus,
        words=_content_words(parsed, packs, [focus, *names]),
    )


def _forms(subject: Subject) -> list[str]:
    name = subject.name
    if name is None:
        return []
    return [value for value in (name.nom, name.gen, name.dat, name.acc, name.ins, name.loc) if value]


def normalised(word: str) -> str:
    """A word as `QuestionAnalysis.words` holds it."""
    return normalise(word)
