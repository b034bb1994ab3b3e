"""The English focus: the asked matter restated from our side, as an indirect question.

"Will he come back?" → "whether he will come back"; "Should I change jobs this year?" → "whether to
change jobs this year"; "What does he think of me?" → "what he thinks of you"; "How do I get over my
ex?" → "how to get over your ex"; "my love life" → "about your love life". The asker's "I, me, my, we"
become our "you, your"; an inverted subject goes back before its verb (with "does" dropped and the verb
inflected). Where the subject cannot be told from its verb, the focus falls back to the topic ("about
your love life"): never an ungrammatical sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarot_domain.model.question.phrase import Word, join, new, replaced, words_of
from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.shape import Clause, Parsed, Shape, skip_lead_ins

_DO = {"do": "", "does": "third", "did": "past"}
_BE = frozenset({"is", "are", "am", "was", "were", "isn't", "aren't", "wasn't", "weren't"})
_NEGATIVE_DO = frozenset({"don't", "doesn't", "didn't"})
_AUX = frozenset(
    """will would can could should shall may might must is are am was were do does did has have had
    won't wouldn't can't couldn't isn't aren't wasn't weren't don't doesn't didn't hasn't haven't""".split()
)
_CONTRACTED_WH = {"what's": "what", "how's": "how", "where's": "where", "who's": "who", "when's": "when", "why's": "why"}


class EnglishFocus:
    def __init__(self, parsed: Parsed, reader: Reader) -> None:
        self.parsed = parsed
        self.reader = reader
        self.turn = reader.table("turn")
        self.after_you = reader.table("after_you")
        self.aux_spelling = reader.table("aux")
        self.subject_words = reader.word_set("subjects")
        self.stops = reader.word_set("np_stops")
        self.owners = frozenset(reader.owners)

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
            elif norm in ("are", "were") and previous == "we":
                result.append(word)
            else:
                result.append(word)
            previous = norm
        return result

    def _aux(self, word: Word) -> str:
        return self.aux_spelling.get(word.norm, word.norm)

    # -- subjects --

    def subject_end(self, words: Sequence[Word], start: int, *, copula: bool) -> int | None:
        """Where the subject starting at `start` ends, or None when it cannot be told."""
        if start >= len(words):
            return None
        first = words[start].norm
        end: int | None
        if first in self.subject_words and not (first in ("this", "that") and self._noun_like(words, start + 1)):
            end = start + 1
        elif first in self.owners or words[start].name or first.isdigit():
            end = self._noun_phrase(words, start, copula=copula)
        else:
            end = self._noun_phrase(words, start, copula=copula) if not copula else start + 1
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
        return norm not in _AUX and norm not in self.reader.verbs and norm not in self.reader.adjectives

    def _noun_phrase(self, words: Sequence[Word], start: int, *, copula: bool) -> int | None:
        index = start + 1
        limit = start + (5 if copula else 7)
        while index < len(words) and index < limit:
            norm = words[index].norm
            if norm in _AUX or norm in self.reader.verbs and not words[index - 1].norm.endswith("'s"):
                break
            if copula and (norm in self.reader.adjectives or norm.endswith(("ing", "ed")) or norm in self.stops):
                if norm != "of":
                    break
            if copula and norm in self.subject_words and norm not in ("this", "that"):
                return len(words)  # "the best thing I can do": the relative clause belongs to it
            index += 1
        return index if index < len(words) or copula else None

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
        skip = self.reader.adjectives
        for index, word in enumerate(rest):
            if word.norm in skip and word.norm not in self.reader.verbs:
                continue
            if not word.norm.isalpha():
                return None
            rest[index] = replaced(word, self.inflect(word.norm, how))
            return rest
        return None

    # -- the clause --

    def inverted(self, words: list[Word], aux_at: int, lead: list[Word]) -> list[Word] | None:
        """`lead` + subject + aux + rest for the words from an inverting aux on, or None."""
        aux = words[aux_at]
        spelled = self._aux(aux)
        copula = spelled in _BE
        end = self.subject_end(words, aux_at + 1, copula=copula)
        if end is None or end <= aux_at + 1:
            return None
        subject = self.turned(words[aux_at + 1 : end])
        rest = self.turned(words[end:])
        you = subject[-1].norm in ("you", "yourself") or (len(subject) > 2 and subject[-2].norm == "and")
        if spelled in _DO:
            if not rest:
                return None
            how = "" if you or subject[-1].norm == "they" else _DO[spelled]
            inflected = self._inflect_first_verb(rest, how)
            return None if inflected is None else [*lead, *subject, *inflected]
        if spelled in _NEGATIVE_DO and you and spelled == "doesn't":
            spelled = "don't"
        if you:
            spelled = {"am": "are", "is": "are", "was": "were", "isn't": "aren't", "wasn't": "weren't"}.get(
                spelled, spelled
            )
        if not rest and not lead:
            return None
        verb = new(spelled)
        if copula and rest and rest[0].norm in self.stops and rest[0].norm != "of" and lead:
            return [*lead, *subject, verb, *rest]
        return [*lead, *subject, verb, *rest]

    def restate(self, clause: Clause, shape: Shape) -> str | None:
        tokens = self.parsed.tokens
        words = words_of(tokens, clause.start, clause.end)
        if not words:
            return None
        if clause.embedded or clause.stated:
            body = words[clause.body - clause.start :]
            if len(body) >= 2 and body[0].norm in ("i", "we") and body[1].norm in ("should", "shall"):
                return join([new("whether"), new("to"), *self.turned(body[2:])])
            if body and body[0].norm == "to":
                return join([new("whether"), *self.turned(body)])
            return join([new("whether"), *self.turned(body)]) if len(body) >= 2 else None
        marker = self._aux(words[0])
        if shape in (Shape.WHEN, Shape.WHAT) or marker in _CONTRACTED_WH or clause.marker in self._wh_words():
            return self._wh(words, clause)
        if marker in ("should", "shall", "ought", "must"):
            if len(words) > 2 and words[1].norm in ("i", "we"):
                return join([new("whether"), new("to"), *self.turned(words[2:])])
        if marker in ("do",) and shape is Shape.SHOULD and len(words) > 2 and words[1].norm in ("i", "we"):
            rest = words[2:]
            if rest and rest[0].norm in self.reader.verbs and rest[0].norm not in ("need", "have"):
                return join([new("whether"), new("to"), *self.turned(rest)])
        if marker in _AUX or marker == "gonna":
            if marker == "gonna":
                return None
            found = self.inverted(words, 0, [new("whether")])
            return None if found is None else join(found)
        return None

    def _wh_words(self) -> frozenset[str]:
        return frozenset(("what", "how", "why", "where", "who", "which", "when", "whose", "whom"))

    def _wh(self, words: list[Word], clause: Clause) -> str | None:
        first = self._aux(words[0])
        if first in _CONTRACTED_WH:  # "what's" is "what is"
            words = [replaced(words[0], _CONTRACTED_WH[first]), new("is"), *words[1:]]
        head_end = clause.body - clause.start if first not in _CONTRACTED_WH else 1
        if words[0].norm in ("what", "which", "whose"):
            while head_end < len(words) and head_end < 5 and self._aux(words[head_end]) not in _AUX:
                head_end += 1
            if head_end >= len(words):
                head_end = clause.body - clause.start
        head = [replaced(w, w.norm) if not w.name else w for w in words[:head_end]]
        rest = words[head_end:]
        if not rest:
            return None
        aux = self._aux(rest[0])
        if words[0].norm == "how" and aux == "do" and len(rest) > 2 and rest[1].norm in ("i", "we"):
            return join([*head, new("to"), *self.turned(rest[2:])])
        if aux in _AUX and len(rest) > 1 and self._starts_subject(rest[1]):
            found = self.inverted(rest, 0, head)
            return None if found is None else join(found)
        if len(head) + len(rest) < 2:
            return None
        return join([*head, *self.turned([*([new(aux)] if aux != rest[0].norm else []), *rest[1 if aux != rest[0].norm else 0 :]])])

    def _starts_subject(self, word: Word) -> bool:
        norm = word.norm
        if norm in self.subject_words or norm in self.owners or word.name or norm.isdigit():
            return True
        return norm not in self.reader.verbs and not norm.endswith(("ing", "ed")) and norm not in self.stops and (
            norm not in self.reader.adjectives and norm not in _AUX
        )

    def theme(self, start: int, end: int) -> str | None:
        """An open question's theme: "about your love life" (None for a statement: the topic says it)."""
        words = words_of(self.parsed.tokens, start, end)
        if not words or any(w.norm in ("i", "he", "she", "we", "they") for w in words):
            return None
        turned = self.turned(words)
        bare = self.reader.word_set("bare_themes")
        first = turned[0].norm
        if first == "about":
            return join(turned)
        if first not in self.owners and first not in bare and first not in self.reader.stopwords:
            turned = [new("your"), *turned]
        return join([new("about"), *turned])


def english_focus(parsed: Parsed, clause: Clause | None, shape: Shape, reader: Reader) -> str | None:
    focus = EnglishFocus(parsed, reader)
    if clause is None:
        start = None
        for phrase in parsed.phrases:
            begin = skip_lead_ins([reader], parsed.words, phrase.start, phrase.end)
            if begin < phrase.end:
                start = (begin, parsed.sentence_end(phrase))
                break
        return None if start is None else focus.theme(*start)
    return focus.restate(clause, shape)
