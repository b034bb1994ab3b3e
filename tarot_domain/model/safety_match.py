"""Finding the pack patterns (notation: `tarot_domain/content/safety_schema.py`) in normalised words.

A pattern compiles to slots (one per word, each with its alternatives); a text matches when its words
fill every slot in order, adjacent unless a `~` allowed a gap. A slot word written with four letters or
more tolerates one slip in its normal form (optimal string alignment distance 1: a letter wrong,
missing, extra or two letters swapped) as long as the first letter is right. Shorter words must match
exactly, because there one letter changes the meaning ("die", "dye", "diet"). Alternatives are indexed
by first letter, so a text is compared only with the words that could match it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from attrs import frozen

GAP = "~"
GAP_WORDS = 2
FUZZY_FROM = 4  # letters a pattern word needs (as written) before a slip is forgiven
SEEN_WORDS = 50_000  # words whose slots a matcher keeps before it starts over


@frozen
class Alternative:
    """One word a slot accepts, in normal form; `fuzzy` when it was written with four letters or more
    (counted as written, so "kill", folded to "kil", still forgives a slip)."""

    text: str
    stem: bool
    fuzzy: bool

    @property
    def merged(self) -> tuple[str, ...]:
        """What a slip leaves once repeated letters collapse, where a letter between two equal ones
        is hit: "suicide" typed "suiide" reads "suide", "жити" typed "жиии" reads "жи"."""
        return _merged(self.text)


@frozen
class Slot:
    alternatives: tuple[Alternative, ...]
    gap_before: int = 0  # how many other words may come between this slot and the one before


@frozen
class Pattern:
    source: str
    slots: tuple[Slot, ...]


WordForms = Callable[[str], Sequence[str]]
"""A pattern word's normal form: the words it turns into (it must be one)."""


def compile_pattern(source: str, normalise_word: WordForms) -> Pattern:
    """Compile `source` with `normalise_word`, the same reading the text gets."""
    slots: list[Slot] = []
    gap = 0
    for token in source.split():
        if token == GAP:
            if not slots or gap:
                raise ValueError(f"pattern {source!r}: {GAP} must stand between two words")
            gap = GAP_WORDS
            continue
        alternatives: list[Alternative] = []
        for raw in token.split("|"):
            stem = raw.endswith("*")
            word = raw.rstrip("*")
            forms = normalise_word(word)
            if len(forms) != 1:
                raise ValueError(f"pattern {source!r}: {raw!r} is not one word once normalised")
            letters = sum(ch.isalnum() for ch in word)
            alternatives.append(Alternative(forms[0], stem, letters >= FUZZY_FROM))
        slots.append(Slot(tuple(alternatives), gap))
        gap = 0
    if not slots or gap:
        raise ValueError(f"pattern {source!r} is empty or ends with {GAP}")
    return Pattern(source, tuple(slots))


@lru_cache(maxsize=65536)
def distance_at_most_one(a: str, b: str) -> bool:
    """Whether the optimal string alignment distance of `a` and `b` is 0 or 1."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1 :] == b[i + 1 :]:
            return True  # one letter wrong
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]  # one letter extra or missing


@lru_cache(maxsize=8192)
def _merged(text: str) -> tuple[str, ...]:
    cuts = (text[:i] + text[i + 2 :] for i in range(1, len(text) - 1) if text[i - 1] == text[i + 1])
    return tuple(dict.fromkeys(cuts))


def _near(word: str, alternative: Alternative) -> bool:
    """One slip at most between `word` and the alternative (a stem: a start of `word`), first letter
    kept. A slip next to repeated letters changes two letters of the collapsed forms, in either
    direction: "suiide" for "suicide" (the text lost a letter between two equal ones), "samoubilystve"
    for "samoubiystve" (a letter fell between two that collapse into one)."""
    text = alternative.text
    if word[:1] != text[:1]:
        return False
    if not alternative.stem:
        return distance_at_most_one(word, text) or word in alternative.merged or text in _merged(word)
    if any(word.startswith(m) for m in (text, *alternative.merged)):
        return True
    if any(m.startswith(text) for m in _merged(word)):
        return True
    n = len(text)
    return any(distance_at_most_one(word[:k], text) for k in (n - 1, n, n + 1) if k <= len(word))


def word_matches(word: str, alternative: Alternative, *, fuzzy: bool = True) -> bool:
    """Whether a text word (in normal form) fills `alternative`."""
    if not (fuzzy and alternative.fuzzy):
        text = alternative.text
        return word.startswith(text) if alternative.stem else word == text
    return _near(word, alternative)


class Matcher:
    """A set of compiled patterns, searched in one pass over a text's words. With `fuzzy` off every
    word must match exactly (stems as prefixes): the tolerance is for crisis, where a miss is costly."""

    def __init__(self, patterns: Iterable[Pattern], *, fuzzy: bool = True) -> None:
        self.patterns = tuple(patterns)
        self.fuzzy = fuzzy
        self._by_letter: dict[str, list[tuple[Alternative, int, int]]] = defaultdict(list)
        self._seen: dict[str, frozenset[tuple[int, int]]] = {}
        for p_index, pattern in enumerate(self.patterns):
            for s_index, slot in enumerate(pattern.slots):
                for alternative in slot.alternatives:
                    self._by_letter[alternative.text[:1]].append((alternative, p_index, s_index))

    def _filled(self, words: Sequence[str]) -> list[frozenset[tuple[int, int]]]:
        """For each word, the (pattern, slot) pairs it can fill."""
        return [self._slots_of(word) for word in words]

    def _slots_of(self, word: str) -> frozenset[tuple[int, int]]:
        # Most words of a question are everyday words seen many times over, so what a word can fill
        # is kept (per matcher, bounded): the screen runs on every text a person types.
        here = self._seen.get(word)
        if here is None:
            found: set[tuple[int, int]] = set()
            for alternative, p_index, s_index in self._by_letter.get(word[:1], ()):
                if (p_index, s_index) not in found and word_matches(word, alternative, fuzzy=self.fuzzy):
                    found.add((p_index, s_index))
            here = frozenset(found)
            if len(self._seen) >= SEEN_WORDS:
                self._seen.clear()
            self._seen[word] = here
        return here

    def matches(self, words: Sequence[str], blocked: frozenset[int] = frozenset()) -> Iterator[Pattern]:
        """Every pattern found in `words` without using a position in `blocked`."""
        for pattern, _ in self.spans(words, blocked):
            yield pattern

    def spans(
        self, words: Sequence[str], blocked: frozenset[int] = frozenset(), *, every: bool = False
    ) -> Iterator[tuple[Pattern, tuple[int, ...]]]:
        """Each pattern found, with the positions of the words that filled its slots: its first
        placement, or with `every` one placement from each position it can start at."""
        filled = self._filled(words)
        # Only a pattern whose first word is in the text can be found; the rest are not walked.
        starting = sorted({p_index for here in filled for p_index, s_index in here if s_index == 0})
        for p_index in starting:
            pattern = self.patterns[p_index]
            for found in _placements(pattern, p_index, filled, blocked):
                yield pattern, found
                if not every:
                    break

    def first(self, words: Sequence[str], blocked: frozenset[int] = frozenset()) -> Pattern | None:
        return next(self.matches(words, blocked), None)


def _placements(
    pattern: Pattern, p_index: int, filled: Sequence[frozenset[tuple[int, int]]], blocked: frozenset[int]
) -> Iterator[tuple[int, ...]]:
    def extend(slot: int, after: int, taken: tuple[int, ...]) -> tuple[int, ...] | None:
        if slot == len(pattern.slots):
            return taken
        gap = pattern.slots[slot].gap_before
        for position in range(after + 1, min(after + 2 + gap, len(filled))):
            if position not in blocked and (p_index, slot) in filled[position]:
                found = extend(slot + 1, position, (*taken, position))
                if found is not None:
                    return found
        return None

    for start, here in enumerate(filled):
        if start not in blocked and (p_index, 0) in here:
            found = extend(1, start, (start,))
            if found is not None:
                yield found
