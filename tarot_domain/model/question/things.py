"""Places and things a question names, kept in the asker's words (no name to decline).

A place is a known place name in any case («до Львова») or a capitalised word after a place preposition
("to Lisbon"). A thing is one of the pack's thing nouns with its owner or demonstrative and the words
between ("the cheaper flat", «нову квартиру»); Ukrainian has no articles, so some nouns name a thing
alone («співбесіда», «кав'ярню»). A thing noun that only describes a person ("my business partner") is
left to the person.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.shape import Parsed
from tarot_domain.model.question.subjects import PLACE, THING, Found, Subject, noun_at
from tarot_domain.model.question.text import span


def _thing_end(
    readers: Sequence[Reader], words: Sequence[str], index: int, end: int
) -> tuple[int, bool] | None:
    """(end, bare) of the run of thing nouns at `index` ("job offer"), or None."""
    best: tuple[int, bool] | None = None
    for reader in readers:
        found = reader.things.longest(words, index, end)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        return None
    more = _thing_end(readers, words, best[0], end) if best[0] < end else None
    return (more[0], best[1] or more[1]) if more is not None else best


def find_things(parsed: Parsed, readers: Sequence[Reader], claimed: set[int]) -> list[Found]:
    words, tokens = parsed.words, parsed.tokens
    found: list[Found] = []
    for phrase in parsed.phrases:
        index = phrase.start
        while index < phrase.end:
            person = any(noun_at(r, words, index, phrase.end) is not None for r in readers)
            noun = None if index in claimed or person else _thing_end(readers, words, index, phrase.end)
            if noun is None:  # «роботодавець» is a person though it starts like «робота»
                index += 1
                continue
            end, bare = noun
            if end < phrase.end and any(noun_at(r, words, end, phrase.end) for r in readers):
                index = end  # "my business partner": the person's noun
                continue
            start = _owned_from(readers, words, [t.gap for t in tokens], index, phrase.start)
            if start is None:
                start = _described_from(readers, words, index, phrase.start)
            if start is None and not bare:
                index = end
                continue
            begin = index if start is None else start
            if begin in claimed:
                index = end
                continue
            found.append(Found(Subject(span(parsed.text, tokens, begin, end), THING), begin, end))
            claimed.update(range(begin, end))
            index = end
    return found


def _possessive(words: Sequence[str], gaps: Sequence[str], index: int) -> bool:
    """Whether the word at `index` owns what follows ("boyfriend's", "parents'")."""
    return words[index].endswith("'s") or (index + 1 < len(gaps) and "'" in gaps[index + 1])


def _owned_from(
    readers: Sequence[Reader], words: Sequence[str], tokens_gaps: Sequence[str], index: int, floor: int
) -> int | None:
    """Where the owner of the thing noun at `index` stands (up to three words back), or None."""
    for back in range(1, 4):
        start = index - back
        if start < floor:
            return None
        between = words[start + 1 : index]
        if any(
            _possessive(words, tokens_gaps, i) and noun_at(r, words, i, index) is not None
            for r in readers
            for i in range(start + 1, index)
        ):
            return None  # "my parents' house": the owner is a person
        for reader in readers:
            owner = reader.owners.get(words[start])
            if owner is not None and owner.turned and all(_describes(reader, word) for word in between):
                return start
        if not any(_describes(reader, words[start]) for reader in readers):
            return None
    return None


def _described_from(readers: Sequence[Reader], words: Sequence[str], index: int, floor: int) -> int | None:
    """Where the adjectives before a thing noun begin, in a language with no articles («нову квартиру»)."""
    start = index
    while start > floor and any(r.lexicon.declines and _describes(r, words[start - 1]) for r in readers):
        start -= 1
    return start if start < index else None


def _describes(reader: Reader, word: str) -> bool:
    """A word that may stand between an owner and its thing ("the cheaper flat", «нову квартиру»)."""
    if reader.lexicon.declines:
        return reader.thing_adjectives.matches_word(word) or word in reader.owners
    return word.isalpha() and word not in reader.stopwords and word not in reader.verbs


def find_places(parsed: Parsed, readers: Sequence[Reader], claimed: set[int]) -> list[Found]:
    words, tokens = parsed.words, parsed.tokens
    prepositions = frozenset().union(*(r.place_prepositions for r in readers))
    stop = frozenset().union(*(r.stopwords for r in readers))
    found: list[Found] = []
    index = 0
    while index < len(words):
        if index in claimed:
            index += 1
            continue
        end = max((m[0] for r in readers if (m := r.places.longest(words, index)) is not None), default=None)
        if end is None and _capitalised_place(parsed, index, prepositions, stop):
            end = index + 1
            while (
                end < len(words)
                and tokens[end].capital
                and not tokens[end].gap.strip()
                and end not in claimed
            ):
                end += 1
        if end is None:
            index += 1
            continue
        found.append(Found(Subject(span(parsed.text, tokens, index, end), PLACE), index, end))
        claimed.update(range(index, end))
        index = end
    return found


def _capitalised_place(
    parsed: Parsed, index: int, prepositions: frozenset[str], stop: frozenset[str]
) -> bool:
    token = parsed.tokens[index]
    if index == 0 or not token.capital or parsed.words[index] in stop:
        return False
    if token.text.isupper() and len(token.text) <= 4:
        return False  # IT, HR, PhD: not places
    starts_sentence = any(ch in token.gap for ch in ".?!")
    return not starts_sentence and parsed.words[index - 1] in prepositions
