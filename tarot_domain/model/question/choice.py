"""The two options a question weighs ("stay or leave", «цю роботу чи ту»), verbatim.

The word for "or" splits a phrase; what follows it up to the phrase's end is the second option, and the
first is read back from the "or" to where the asking starts (after the marker and its subject: "should
I | stay with my husband or leave"). Parallel options are cut to match: an option that opens with a
determiner or a preposition starts the other one at the same kind of word ("the job in Warsaw or | the
one in Prague"), and a single noun stands against a single noun ("put my savings into | gold or
stocks"). "Or not", «чи ні» are no options. A Ukrainian «чи» at the start of a phrase asks, except after
a phrase that already asked («Чи варто йти на цю роботу, чи краще почекати?»).
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.shape import Clause, Parsed, is_infinitive, skip_lead_ins
from tarot_domain.model.question.text import Phrase, span


@frozen
class Choice:
    a: str
    b: str
    bare: bool  # nothing asks before the options: the phrase is the choice («Львів чи Київ?»)
    verbal: bool  # both options are actions ("stay or leave", «залишитися чи піти»)
    spans: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))  # the options' words


class _Words:
    """The word classes of every language at hand, for telling options apart."""

    def __init__(self, readers: Sequence[Reader]) -> None:
        self.readers = readers
        self.choice = frozenset().union(*(r.choice_words for r in readers))
        self.not_choices = frozenset().union(*(r.not_choices for r in readers))
        self.determiners = frozenset().union(*(set(r.owners) | r.word_set("det_like") for r in readers))
        self.prepositions = frozenset().union(*(r.word_set("prepositions") for r in readers))
        self.transparent = frozenset().union(*(r.word_set("transparent") for r in readers))
        self.subjects = frozenset().union(*(r.word_set("subjects") | r.word_set("datives") for r in readers))
        self.verbs = frozenset().union(*(r.verbs for r in readers))
        self.finite = tuple(ending for r in readers for ending in r.word_list("finite"))

    def is_verb(self, word: str) -> bool:
        if word in self.verbs or is_infinitive(word, self.readers):
            return True
        if word.isascii():
            return word.endswith("ing") and len(word) > 4
        return bool(self.finite) and len(word) > 3 and word.endswith(self.finite)


def _left_start(words: Sequence[str], lb: int, le: int, first: str, classes: _Words) -> int:
    """Where the first option starts, given the second's first word (see the module docstring)."""
    if first in classes.determiners or first in classes.prepositions:
        group = classes.determiners if first in classes.determiners else classes.prepositions
        same = [i for i in range(lb, le) if words[i] == first]
        alike = [i for i in range(lb, le) if words[i] in group]
        start = (same or alike or [lb])[-1]
        while start > lb and words[start - 1] in classes.transparent:
            start -= 1
        return start
    return lb


def _option_end(words: Sequence[str], start: int, end: int, classes: _Words) -> int:
    """Where the second option ends: at the next "or", before the question's time words ("right now"),
    or before a preposition after a lone word ("no | to his proposal")."""
    first = words[start]
    lone = (
        not classes.is_verb(first) and first not in classes.determiners and first not in classes.prepositions
    )
    for index in range(start + 1, end):
        if words[index] in classes.choice or (lone and words[index] in classes.prepositions):
            return index
        if any((m := r.times.longest(words, index, end)) is not None and m[1][0] for r in classes.readers):
            return index
    return end


def find_choice(parsed: Parsed, clause: Clause | None, readers: Sequence[Reader]) -> Choice | None:
    """The first two options the asking sentence weighs, or None."""
    classes = _Words(readers)
    words, tokens = parsed.words, parsed.tokens
    sentence = clause.phrase.sentence if clause is not None else 0
    phrases = [p for p in parsed.phrases if p.sentence == sentence]
    for position, phrase in enumerate(phrases):
        opening = skip_lead_ins(readers, words, phrase.start, phrase.end)
        for k in range(opening, phrase.end):
            if words[k] not in classes.choice:
                continue
            if k == opening:
                if position == 0 or (clause is not None and clause.phrase == phrase):
                    continue  # the question's own «чи»
                left = phrases[position - 1]
                lb, le = _body(parsed, left, clause, readers), left.end
                own_phrase = False
            else:
                lb, le = (clause.body if clause is not None and clause.phrase == phrase else opening), k
                own_phrase = True
            b_start = k + 1
            while b_start < phrase.end and words[b_start] in classes.transparent and b_start + 1 < phrase.end:
                b_start += 1
            if b_start >= phrase.end or lb >= le:
                continue
            b_end = _option_end(words, k + 1, phrase.end, classes)
            if b_end - (k + 1) == 1 and words[k + 1] in classes.not_choices:
                continue
            subject = words[lb] in classes.subjects and le - lb > 1
            if subject:
                lb += 1
            asked_before = clause is not None and clause.phrase == phrase and clause.marker != ""
            bare = own_phrase and not subject and not asked_before and lb == opening
            first = words[b_start]
            a_start = _left_start(words, lb, le, first, classes)
            single = b_end - (k + 1) == 1
            if a_start == lb and single and not bare and not classes.is_verb(first):
                a_start = _last_run(parsed, lb, le, capital=tokens[k + 1].capital)
            verbal = classes.is_verb(_lead(words, a_start, le, classes)) and classes.is_verb(words[b_start])
            return Choice(
                span(parsed.text, tokens, a_start, le),
                span(parsed.text, tokens, k + 1, b_end),
                bare,
                verbal,
                ((a_start, le), (k + 1, b_end)),
            )
    return None


def _lead(words: Sequence[str], start: int, end: int, classes: _Words) -> str:
    """The first word of an option after any transparent adverb («спочатку | закрити кредитку»)."""
    index = start
    while index < end - 1 and words[index] in classes.transparent:
        index += 1
    return words[index]


def _body(parsed: Parsed, phrase: Phrase, clause: Clause | None, readers: Sequence[Reader]) -> int:
    if clause is not None and clause.phrase == phrase:
        return clause.body
    return skip_lead_ins(readers, parsed.words, phrase.start, phrase.end)


def _last_run(parsed: Parsed, lb: int, le: int, *, capital: bool) -> int:
    """The last word before "or", or the run of capitalised words ending there ("with | Mark or Tom")."""
    start = le - 1
    if capital:
        while start > lb and parsed.tokens[start - 1].capital and parsed.tokens[start].hyphened is False:
            if not parsed.tokens[start - 1].capital:
                break
            start -= 1
    return start
