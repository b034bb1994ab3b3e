"""The packs' word patterns, compiled and matched against a question's normalised words.

Syntax (see `tarot_domain.content.lexicon`): words separated by spaces; `a|b|stem*` alternatives, `#` a
number, `%` a year, `?` any word, `$` the end of the phrase. A stem or a word of six letters or more also
matches with one typo (a letter missing, added, changed or two swapped), keeping its first two letters.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Generic, TypeVar

from attrs import frozen

from tarot_domain.model.question.text import normalise

V = TypeVar("V")

FUZZY_FROM = 6
"""Stems this long take one typo; whole words take one from a letter more (short words are too alike:
"hiring" and "hiding")."""

EXACT, TYPO = 2, 1


def typo_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (a swap of two neighbours is one edit), capped at 2."""
    if abs(len(a) - len(b)) > 1:
        return 2
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return min(previous[-1], 2)


@frozen
class Alternative:
    """One slot of a pattern: exact words, stems, or a number, a year, any word."""

    words: frozenset[str]
    stems: tuple[str, ...]
    number: bool = False
    year: bool = False
    anything: bool = False

    def quality(self, word: str, numbers: frozenset[str], known: frozenset[str]) -> int:
        """EXACT, TYPO (one typo away) or 0; a known word of the language never counts as a typo."""
        if self.anything:
            return EXACT
        if self.number and (word.isdigit() or word in numbers):
            return EXACT
        if self.year and len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"):
            return EXACT
        if word in self.words or any(word.startswith(stem) for stem in self.stems):
            return EXACT
        if len(word) >= FUZZY_FROM - 1 and word not in known and self._typo(word):
            return TYPO
        return 0

    def _typo(self, word: str) -> bool:
        for exact in self.words:
            if len(exact) > FUZZY_FROM and word[:2] == exact[:2] and typo_distance(word, exact) == 1:
                return True
        for stem in self.stems:  # Latin stems only: Ukrainian endings make real words one letter apart
            if len(stem) > FUZZY_FROM and stem.isascii() and word[:2] == stem[:2]:
                for size in (len(stem) - 1, len(stem), len(stem) + 1):
                    if typo_distance(word[:size], stem) == 1:
                        return True
        return False

    def first_letters(self) -> frozenset[str] | None:
        """The letters a matching word can start with, or None when any word can match."""
        if self.anything or self.number or self.year:
            return None
        return frozenset(word[:1] for word in self.words) | frozenset(stem[:1] for stem in self.stems)


def _slot(text: str) -> Alternative:
    """One slot of a pattern `Pattern.parse` has normalised already (so its words are not again)."""
    if text == "?":
        return Alternative(frozenset(), (), anything=True)
    words: set[str] = set()
    stems: list[str] = []
    number = year = False
    for option in text.split("|"):
        if option == "#":
            number = True
        elif option == "%":
            year = True
        elif option.endswith("*") and len(option) > 1:
            stems.append(option[:-1])
        elif option:
            words.add(option)
    return Alternative(frozenset(words), tuple(stems), number, year)


@frozen
class Pattern:
    slots: tuple[Alternative, ...]
    to_end: bool  # `$`: the match must reach the end of the phrase

    @classmethod
    def parse(cls, text: str) -> Pattern:
        parts = normalise(text).replace("-", " ").split()
        to_end = bool(parts) and parts[-1] == "$"
        return cls(tuple(_slot(part) for part in (parts[:-1] if to_end else parts)), to_end)

    def match(
        self, words: Sequence[str], start: int, end: int, numbers: frozenset[str], known: frozenset[str]
    ) -> tuple[int, int] | None:
        """(the index after the match at `start`, its quality), or None."""
        stop = start + len(self.slots)
        if not self.slots or stop > end or (self.to_end and stop != end):
            return None
        quality = EXACT
        for offset, slot in enumerate(self.slots):
            found = slot.quality(words[start + offset], numbers, known)
            if not found:
                return None
            quality = min(quality, found)
        return stop, quality


class Matcher(Generic[V]):
    """Patterns with a value each; finds the longest match at a word, or every match along a phrase."""

    def __init__(
        self, patterns: Mapping[str, V], numbers: Sequence[str] = (), known: frozenset[str] = frozenset()
    ) -> None:
        self.numbers = frozenset(normalise(word) for word in numbers)
        self.known = known
        self._by_letter: dict[str, list[tuple[Pattern, V]]] = {}
        self._anywhere: list[tuple[Pattern, V]] = []
        for text, value in patterns.items():
            pattern = Pattern.parse(text)
            if not pattern.slots:
                continue
            letters = pattern.slots[0].first_letters()
            if letters is None:
                self._anywhere.append((pattern, value))
            else:
                for letter in letters:
                    self._by_letter.setdefault(letter, []).append((pattern, value))

    def _candidates(self, word: str) -> Iterator[tuple[Pattern, V]]:
        yield from self._by_letter.get(word[:1], ())
        yield from self._anywhere

    def longest(self, words: Sequence[str], start: int, end: int | None = None) -> tuple[int, V] | None:
        """(index after the match, value) for the longest pattern matching at `start`, or None."""
        stop = len(words) if end is None else end
        if start >= stop:
            return None
        best: tuple[int, int, V] | None = None
        for pattern, value in self._candidates(words[start]):
            found = pattern.match(words, start, stop, self.numbers, self.known)
            if found is not None and (best is None or found > best[:2]):
                best = (found[0], found[1], value)
        return None if best is None else (best[0], best[2])

    def scan(self, words: Sequence[str], start: int = 0, end: int | None = None) -> list[tuple[int, int, V]]:
        """Every longest match from left to right, not overlapping: (start, end, value)."""
        stop = len(words) if end is None else end
        found: list[tuple[int, int, V]] = []
        index = start
        while index < stop:
            match = self.longest(words, index, stop)
            if match is None:
                index += 1
            else:
                found.append((index, match[0], match[1]))
                index = match[0]
        return found

    def matches_word(self, word: str) -> bool:
        """Whether a one-word pattern matches `word` alone."""
        return self.longest((word,), 0) is not None
