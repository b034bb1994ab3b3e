"""The English focus: the asked matter restated from our side, as an indirect question.

"Will he come back?" → "whether he will come back"; "Should I change jobs this year?" → "whether to
change jobs this year"; "What does he think of me?" → "what he thinks of you"; "How do I get over my
ex?" → "how to get over your ex"; "my love life" → "about your love life". The asker's "I, me, my, we"
become our "you, your"; an inverted subject goes back before its verb (with "does" dropped and the verb
inflected). Where the subject cannot be told from its verb, the focus falls back to the topic ("about
your love life"): never a sentence we cannot vouch for.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarot_domain.model.question.phrase import Word, join, new, replaced, words_of
from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.shape import Clause, Parsed, Shape, theme_start

_DO = {"do": "", "does": "third", "did": "past"}
_BE = frozenset({"is", "are", "am", "was", "were", "isn't", "aren't", "wasn't", "weren't"})
_AUX = frozenset(
    [
        "will",
        "would",
        "can",
        "could",
        "should",
        "shall",
        "may",
        "might",
        "must",
        "is",
        "are",
        "am",
        "was",
        "were",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "don't",
        "doesn't",
        "didn't",
        "hasn't",
        "haven't",
    ]
)
_YOU_BE = {
    "am": "are",
    "is": "are",
    "was": "were",
    "isn't": "aren't",
    "wasn't": "weren't",
    "doesn't": "don't",
}
_CONTRACTED = {
    "what's": "what",
    "how's": "how",
    "where's": "where",
    "who's": "who",
    "when's": "when",
    "why's": "why",
}
_WH = frozenset(("what", "how", "why", "where", "who", "which", "when", "whose", "whom"))
_NOUN_WH = frozenset(("what", "which", "whose"))


class EnglishFocus:
    def __init__(self, parsed: Parsed, reader: Reader, proper: frozenset[int] = frozenset()) -> None:
        self.parsed = parsed
        self.reader = reader
        self.proper = proper
        self.turn = reader.table("turn")
        self.after_you = reader.table("after_you")
        self.spelling = reader.table("aux")
        self.subject_words = reader.word_set("subjects")
        self.stops = reader.word_set("np_stops")
        self.adverbs = reader.word_set("adverbs")
        self.owners = frozenset(reader.owners)

    def words(self, start: int, end: int) -> list[Word]:
        return words_of(self.parsed.tokens, start, end, self.proper)

    # -- words from our side --

    def turned(self, words: Sequence[Word]) -> list[Word]:
        result: list[Word] = []
        previous = ""
        for word in words:
            norm = word.norm
            if norm in self.turn:
                result.append(replaced(word, self.turn[norm]))
            elif previous in ("i", "we") and norm in self.after_you:
                result.append(replaced(word, self.after_you[norm]))
            else:
                result.append(word)
            previous = norm
        return result

    def spelled(self, word: Word) -> str:
        return self.spelling.get(word.norm, word.norm)

    # -- subjects --

    def subject_end(self, words: Sequence[Word], start: int, *, copula: bool) -> int | None:
        """Where the subject starting at `start` ends, or None when it cannot be told."""
        if start >= len(words):
            return None
        first = words[start].norm
        determiner = first in self.owners and not (
            first in ("this", "that") and not self._noun_like(words, start + 1)
        )
        if determiner:
            end = self._noun_phrase(words, start, copula=copula)
        elif first in self.subject_words or first.isdigit():
            end = start + 1
        elif words[start].name:
            end = self._noun_phrase(words, start - 1, copula=copula)  # "Alex", "Mercury retrograde"
        elif not copula:
            end = self._noun_phrase(words, start - 1, copula=False)  # "studying abroad", "Christmas with …"
        elif start + 1 < len(words) and (
            words[start + 1].norm in self.owners or not self._noun_like(words, start + 1)
        ):
            end = start + 1  # "Is freelancing | the right move"
        else:
            return None
        if end is None:
            return None
        if end + 1 < len(words) and words[end].norm == "and":  # "Sarah and I", "my sister and I"
            other = self.subject_end(words, end + 1, copula=copula)
            if other is not None:
                return other
        return end

    def _noun_like(self, words: Sequence[Word], index: int) -> bool:
        if index >= len(words):
            return False
        norm = words[index].norm
        known = _AUX | self.reader.verbs | self.reader.adjectives | self.owners
        return norm not in known and not norm.endswith("ing")

    def _noun_phrase(self, words: Sequence[Word], det: int, *, copula: bool) -> int | None:
        """The end of a noun phrase whose determiner is at `det` (the word after it is always in it)."""
        index = det + 2
        limit = det + (6 if copula else 8)
        relative = False
        while index < len(words) and index < limit:
            word, before = words[index], words[index - 1]
            norm = word.norm
            if word.gap == "-":
                index += 1
                continue
            if norm in _AUX or norm in self.adverbs:
                break
            if not copula and norm in self.reader.verbs and not before.norm.endswith("'s"):
                break
            if copula:
                if norm in self.subject_words and norm not in ("this", "that", "there"):
                    relative = True  # "the guy I met on Tinder": its clause belongs to it
                elif (
                    norm in self.reader.adjectives
                    or norm.endswith("ing")
                    or (
                        not relative
                        and (
                            (norm in self.stops and norm != "of")
                            or (norm in self.owners and before.norm != "of")
                        )
                    )
                ):
                    break
            index += 1
        if index >= len(words) and not copula:  # no verb found: the noun alone ("my sister | resent me")
            return det + 2 if det + 2 < len(words) else None
        return index

    # -- verbs --

    def inflect(self, verb: str, how: str) -> str:
        if not how:
            return verb
        table = self.reader.table("third" if how == "third" else "past")
        if verb in table:
            return table[verb]
        if verb not in self.reader.verbs and verb.endswith("s" if how == "third" else "ed"):
            return verb  # typed already inflected ("does he loves me")
        if how == "third":
            if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
                return verb + "es"
            if verb.endswith("y") and verb[-2:-1] not in "aeiou":
                return verb[:-1] + "ies"
            return verb + "s"
        if verb.endswith("e"):
            return verb + "d"
        if verb.endswith("y") and verb[-2:-1] not in "aeiou":
            return verb[:-1] + "ied"
        return verb + "ed"

    def _inflect_first_verb(self, rest: list[Word], how: str) -> list[Word] | None:
        for index, word in enumerate(rest):
            if word.norm in self.adverbs:
                continue
            if not word.norm.isalpha():
                return None
            rest[index] = replaced(word, self.inflect(word.norm, how))
            return rest
        return None

    # -- clauses --

    def inverted(self, words: list[Word], lead: list[Word], *, closed: bool) -> list[Word] | None:
        """`lead` + subject + verb + rest for words that start with an inverting verb, or None."""
        spelled = self.spelled(words[0])
        copula = spelled in _BE
        end = self.subject_end(words, 1, copula=copula)
        if end is None or end <= 1:
            return None
        if end == 2 and words[1].norm in self.owners and words[1].norm not in self.subject_words:
            return None  # a determiner alone is no subject
        subject = self._you_first(self.turned(words[1:end]))
        rest = self.turned(words[end:])
        you = subject[0].norm == "you" and (len(subject) == 1 or subject[1].norm == "and")
        plural = you or subject[-1].norm in ("they", "you") or any(w.norm == "and" for w in subject)
        if spelled in _DO:
            how = "" if plural else _DO[spelled]
            inflected = self._inflect_first_verb(rest, how) if rest else None
            return None if inflected is None else [*lead, *subject, *inflected]
        if plural:
            spelled = _YOU_BE.get(spelled, spelled)
        if closed and not rest:
            return None
        return [*lead, *subject, new(spelled), *rest]

    @staticmethod
    def _you_first(subject: list[Word]) -> list[Word]:
        """ "your sister and you" → "you and your sister"."""
        if len(subject) >= 3 and subject[-1].norm == "you" and subject[-2].norm == "and":
            return [new("you", subject[0].gap), new("and"), *subject[:-2]]
        return subject

    def restate(self, clause: Clause, shape: Shape) -> str | None:
        words = self.words(clause.start, clause.end)
        if not words:
            return None
        whether = new("whether")
        if clause.embedded or clause.stated:
            body = words[clause.body - clause.start :]
            if len(body) >= 2 and body[0].norm in ("i", "we") and body[1].norm in ("should", "shall"):
                return join([whether, new("to"), *self.turned(body[2:])])
            return join([whether, *self.turned(body)]) if len(body) >= 2 else None
        marker = self.spelled(words[0])
        if marker in _CONTRACTED or marker in _WH:
            return self._wh(words, clause)
        pronoun = len(words) > 2 and words[1].norm in ("i", "we")
        if marker in ("should", "shall", "ought", "must") and pronoun:
            return join([whether, new("to"), *self.turned(words[2:])])
        if marker == "do" and shape is Shape.SHOULD and pronoun and words[2].norm not in ("need", "have"):
            return join([whether, new("to"), *self.turned(words[2:])])
        if marker in _AUX:
            found = self.inverted(words, [whether], closed=True)
            return None if found is None else join(found)
        return None

    def _wh(self, words: list[Word], clause: Clause) -> str | None:
        first = self.spelled(words[0])
        if first in _CONTRACTED:  # "what's" is "what is"
            words = [replaced(words[0], _CONTRACTED[first]), new("is"), *words[1:]]
            head_end = 1
        else:
            head_end = clause.body - clause.start
        if words[0].norm in _NOUN_WH:  # "what lesson am I …", "what kind of work would …"
            end = head_end
            while end < len(words) and end < 5 and self.spelled(words[end]) not in _AUX:
                if words[end].norm in self.owners or words[end].norm in self.subject_words or words[end].name:
                    break
                end += 1
            if end < len(words) and self.spelled(words[end]) in _AUX:
                head_end = end
        head = self.turned(words[:head_end])
        rest = words[head_end:]
        if not rest:
            return None
        aux = self.spelled(rest[0])
        if words[0].norm == "how" and aux == "do" and len(rest) > 2 and rest[1].norm in ("i", "we"):
            return join([*head, new("to"), *self.turned(rest[2:])])
        subject_after = (
            len(rest) > 1 and rest[1].norm not in self.reader.verbs and not rest[1].norm.endswith("ing")
        )
        wh_subject = words[0].norm in ("which", "who") and aux in _BE  # "which is the better choice"
        if aux in _AUX and subject_after and not wh_subject:
            found = self.inverted(rest, head, closed=False)
            if found is not None:
                return join(found)
        if len(head) + len(rest) < 2:
            return None
        if aux in _AUX:
            rest = [replaced(rest[0], aux), *rest[1:]]
        return join([*head, *self.turned(rest)])

    def theme(self, start: int, end: int) -> str | None:
        """An open question's theme: "about your love life" (None for a statement: the topic says it)."""
        words = self.words(start, end)
        if not words or any(w.norm in ("i", "he", "she", "we", "they", "you") for w in words):
            return None
        turned = self.turned(words)
        first = turned[0].norm
        if first == "about":
            return join(turned)
        bare = first in self.owners or first in self.reader.word_set("bare_themes") or turned[0].name
        if not bare and first not in self.reader.stopwords:
            turned = [new("your"), *turned]
        return join([new("about"), *turned])


def english_focus(
    parsed: Parsed, clause: Clause | None, shape: Shape, reader: Reader, proper: frozenset[int] = frozenset()
) -> str | None:
    focus = EnglishFocus(parsed, reader, proper)
    if clause is not None:
        return focus.restate(clause, shape)
    found = theme_start(parsed, [reader])
    return None if found is None else focus.theme(found[1], parsed.sentence_end(found[0]))
