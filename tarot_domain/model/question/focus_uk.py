"""The Ukrainian focus: the asked matter restated from our side, as an indirect question after «Ви
запитуєте, …» (or «про …» for a theme, with no comma).

«Чи варто мені змінювати роботу цього року?» → «чи варто вам змінювати роботу цього року»; «Що він до
мене відчуває?» → «що він до вас відчуває»; «Коли я зустріну свою половинку?» → «коли ви зустрінете свою
половинку»; «моя робота» → «про вашу роботу». Pronouns and possessives turn by the pack's tables («мені» →
«вам», «зі мною» → «з вами», «мою» → «вашу»); a verb whose subject is «я» or «ми» turns to «ви» by the
pack's endings («знайду» → «знайдете», «помиримося» → «помиритеся», «зробила» → «зробили») and an
adjective that agrees with «я» turns plural («щасливою» → «щасливими»). Where a verb cannot be turned
safely the focus falls back to the topic («про ваше особисте життя»): the user's words stay only in
constructions that are grammatical with them.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarot_domain.model.question.phrase import Word, join, new, replaced, words_of
from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.shape import Clause, Parsed, Shape, is_infinitive, theme_start

_REFLEXIVE = ("ся", "сь")


class UkrainianFocus:
    def __init__(self, parsed: Parsed, reader: Reader, proper: frozenset[int] = frozenset()) -> None:
        self.parsed = parsed
        self.reader = reader
        self.proper = proper
        self.turn = reader.table("turn")
        self.pairs = {tuple(key.split()): value for key, value in reader.table("pairs").items()}
        self.standard = reader.table("standard")
        self.adverbs = reader.word_set("adverbs")
        self.particles = reader.word_set("particles")
        self.adjective_stems = tuple(sorted(reader.adjectives, key=len, reverse=True))

    # -- verbs --

    def second_plural(self, verb: str) -> str | None:
        """«знайду» → «знайдете», «повернуся» → «повернетеся», «зробила» → «зробили»; None if unsure."""
        reflexive = ""
        stem = verb
        for suffix in _REFLEXIVE:
            if verb.endswith(suffix) and len(verb) > 4:
                stem, reflexive = verb[: -len(suffix)], "ся"
                break
        past = self.past(stem)
        if past is not None:
            return past + reflexive
        table = self.reader.table("verbs")
        if verb in table:
            return table[verb]
        if stem in table:
            return table[stem] + reflexive
        for ending, replacement in sorted(self.reader.table("endings").items(), key=lambda kv: -len(kv[0])):
            if stem.endswith(ending) and len(stem) > len(ending) + 1:
                return stem[: -len(ending)] + replacement + reflexive
        return None

    def plural_second(self, verb: str) -> str | None:
        """«будемо» → «будете», «помиримося» → «помиритеся»."""
        stem, reflexive = verb, ""
        for suffix in _REFLEXIVE:
            if verb.endswith(suffix):
                stem, reflexive = verb[: -len(suffix)], "ся"
                break
        for ending, replacement in self.reader.table("plural").items():
            if stem.endswith(ending):
                return stem[: -len(ending)] + replacement + reflexive
        past = self.past(stem)
        return None if past is None else verb

    def past(self, stem: str) -> str | None:
        """A past form turned plural («зробила» → «зробили», «пішов» → «пішли»), or None for no past."""
        irregular = self.reader.table("past")
        if stem in irregular:
            return irregular[stem]
        if len(stem) > 3 and stem.endswith(("ла", "ло", "ли")):
            return stem[:-1] + "и"
        if len(stem) > 4 and stem.endswith(("ив", "ав", "ів", "ув", "яв", "їв")):
            return stem[:-1] + "ли"
        return None

    def predicate(self, word: str) -> str | None:
        for stem in self.adjective_stems:
            if word.startswith(stem):
                for ending, replacement in self.reader.table("predicate").items():
                    if word.endswith(ending) and len(word) - len(ending) >= len(stem):
                        return word[: -len(ending)] + replacement
        return None

    # -- turning --

    def turned(self, words: Sequence[Word]) -> list[Word] | None:
        """The words from our side, or None when a verb of «я» or «ми» cannot be turned."""
        result = self._verbs(list(words))
        if result is None:
            return None
        out: list[Word] = []
        index = 0
        while index < len(result):
            word = result[index]
            pair = tuple(w.norm for w in result[index : index + 2])
            if len(pair) == 2 and pair in self.pairs:
                out.append(replaced(word, self.pairs[pair]))
                index += 2
                continue
            if word.norm in self.standard:
                if self.standard[word.norm]:
                    out.append(replaced(word, self.standard[word.norm]))
            else:
                out.append(replaced(word, self.turn[word.norm]) if word.norm in self.turn else word)
            index += 1
        return out

    def _verbs(self, words: list[Word]) -> list[Word] | None:
        singular, plural = self.reader.word_set("i"), self.reader.word_set("we")
        if not any(w.norm in singular | plural | self.reader.word_set("subjects") for w in words):
            self._dropped_subject(words)
        for at, word in enumerate(list(words)):
            if word.norm not in singular and word.norm not in plural:
                continue
            verb = self._verb_near(words, at, plural=word.norm in plural)
            if verb is not None:
                norm = words[verb].norm
                turned = self.plural_second(norm) if word.norm in plural else self.second_plural(norm)
                if turned is None:
                    return None
                words[verb] = replaced(words[verb], turned)
                self._same_subject_past(words, verb)
            if word.norm in singular:
                self._agree(words, at, verb)
        return words

    def _dropped_subject(self, words: list[Word]) -> None:
        """«Чи знайду роботу?» (no «я»): the verb after the question word is turned when it is surely the
        asker's («знайду» is in the table; «отримаю», «помиляюся» end as only verbs do), never a noun
        that looks alike («чи правду він каже»)."""
        index = 1
        while index < len(words) and words[index].norm in self.adverbs:
            index += 1
        if index >= len(words):
            return
        norm = words[index].norm
        stem = norm.removesuffix("ся").removesuffix("сь")
        sure = norm in self.reader.table("verbs") or stem.endswith(self.reader.word_list("sure_first_person"))
        turned = self.second_plural(norm) if sure and len(stem) > 3 else None
        if turned is not None:
            words[index] = replaced(words[index], turned)
            self._agree(words, index, index)

    def _agree(self, words: list[Word], at: int, verb: int | None) -> None:
        """«щасливою» → «щасливими» beside «я» or its verb; «вагітна я» → «вагітні ви»."""
        places = [at - 1, at + 1] + ([verb + 1] if verb is not None else [])
        for start in places:
            index, hops = start, 0
            while 0 <= index < len(words) and hops < 2 and self._adverb(words[index].norm) and index != at:
                index += 1 if start > at else -1
                hops += 1
            if 0 <= index < len(words) and index not in (at, verb):
                agreeing = self.predicate(words[index].norm)
                if agreeing is not None:
                    words[index] = replaced(words[index], agreeing)

    def _adverb(self, word: str) -> bool:
        return word in self.adverbs or (word.endswith("о") and len(word) > 4)

    def _verb_near(self, words: Sequence[Word], at: int, *, plural: bool) -> int | None:
        """The verb of the subject at `at`: the word before it when the question inverts («чи знайду я
        роботу»), else the next word that is not an adverb («коли я зустріну»)."""
        before = at - 1
        while before >= 0 and words[before].norm in self.adverbs:
            before -= 1
        after = at + 1
        while after < len(words) and words[after].norm in self.adverbs:
            after += 1
        ahead = before >= 0 and self._verbal(words[before].norm, plural=plural)
        behind = after < len(words) and self._verbal(words[after].norm, plural=plural)
        particle = before - 1
        while particle >= 0 and words[particle].norm in self.adverbs:
            particle -= 1
        inverted = ahead and (particle < 0 or words[particle].norm in self.particles)
        if inverted or (ahead and not behind):
            return before
        return after if behind else None

    def _verbal(self, word: str, *, plural: bool) -> bool:
        if word in self.reader.table("verbs"):
            return True
        if word in self.reader.stopwords or self.predicate(word) is not None:
            return word in self.reader.word_set("be")
        if word.endswith(self.reader.word_list("adjectival")) or (word,) in self.reader.forms:
            return False  # «духовному», «мамою»: an adjective or a person, not a verb
        if is_infinitive(word, [self.reader]):
            return False
        turned = self.plural_second(word) if plural else self.second_plural(word)
        return turned is not None

    def _same_subject_past(self, words: list[Word], verb: int) -> None:
        """«я зробила, що пішла» → «ви зробили, що пішли»: a past verb right after «що» shares «я»."""
        for index in range(verb + 1, len(words) - 1):
            if words[index].norm == "що":
                nxt = words[index + 1]
                past = self.past(nxt.norm.removesuffix("ся").removesuffix("сь"))
                if past is not None:
                    suffix = "ся" if nxt.norm.endswith(_REFLEXIVE) else ""
                    words[index + 1] = replaced(nxt, past + suffix)

    def _euphony(self, words: list[Word]) -> list[Word]:
        """«в вас» → «у вас»: «у» before в, ф (our «вас», «ваш» make these)."""
        for index in range(len(words) - 1):
            if words[index].norm == "в" and words[index + 1].norm[:1] in ("в", "ф"):
                words[index] = replaced(words[index], "у")
        return words

    # -- the clause --

    def restate(self, clause: Clause, shape: Shape) -> str | None:
        words = words_of(self.parsed.tokens, clause.start, clause.end, self.proper)
        turned = self.turned(words) if words else None
        if not turned:
            return None
        asks = self.reader.questions.longest([w.norm for w in turned], 0) is not None
        if shape in (Shape.CLOSED, Shape.SHOULD) and turned[0].norm != "чи" and not asks:
            if turned[0].norm in self.reader.word_set("emphatic"):  # «невже», «хіба»: asked plainly
                turned = turned[1:]
            turned = [new("чи"), *turned]
        turned = self._euphony(turned)
        self._comma_before_second_chi(turned)
        return join(turned) if len(turned) >= 2 else None

    def _comma_before_second_chi(self, words: list[Word]) -> None:
        if not words or words[0].norm != "чи":
            return
        for index in range(2, len(words)):
            if words[index].norm == "чи" and "," not in words[index].gap:
                words[index] = Word(words[index].text, words[index].norm, ", ", words[index].name)
                return

    def theme(self, start: int, end: int) -> str | None:
        words = words_of(self.parsed.tokens, start, end, self.proper)
        if not words or any(w.norm in self.reader.word_set("subjects") for w in words):
            return None
        if words[0].norm == "про":
            turned = self.turned(words)
            return None if turned is None else join(turned)
        accusative = self._accusative(words)
        return None if accusative is None else join([new("про"), *accusative])

    def _accusative(self, words: Sequence[Word]) -> list[Word] | None:
        """The theme's first noun phrase in the accusative after «про» («моя робота» → «вашу роботу»)."""
        table = self.reader.table("turn_acc")
        prepositions = self.reader.word_set("prepositions")
        feminine_ja = self.reader.word_set("feminine_ja")
        result: list[Word] = []
        in_phrase = True
        for position, word in enumerate(words):
            norm = word.norm
            if norm in prepositions or (position > 0 and norm in self.reader.owners):
                in_phrase = False  # «кохання | цього літа», «робота | на цей місяць»
            if not in_phrase:
                result.append(replaced(word, self.turn.get(norm, word.text)) if norm in self.turn else word)
                continue
            if norm in table:
                result.append(replaced(word, table[norm]))
            elif norm in self.turn:
                result.append(replaced(word, self.turn[norm]))
            elif norm.endswith("а") and len(norm) > 2:
                result.append(replaced(word, word.text[:-1] + "у") if not word.name else word)
            elif norm.endswith("я") and len(norm) > 2 and not self._neuter_ja(norm, feminine_ja):
                result.append(replaced(word, word.text[:-1] + "ю"))
            else:
                result.append(word)
        return result

    @staticmethod
    def _neuter_ja(word: str, feminine: frozenset[str]) -> bool:
        """«кохання», «життя», «здоров'я» keep their form after «про»; «сім'я», «енергія» do not."""
        if word in feminine:
            return False
        return word[-2:-1] == "'" or (len(word) > 2 and word[-2] == word[-3])


def ukrainian_focus(
    parsed: Parsed, clause: Clause | None, shape: Shape, reader: Reader, proper: frozenset[int] = frozenset()
) -> str | None:
    focus = UkrainianFocus(parsed, reader, proper)
    if clause is not None:
        return focus.restate(clause, shape)
    found = theme_start(parsed, [reader])
    return None if found is None else focus.theme(found[1], parsed.sentence_end(found[0]))
