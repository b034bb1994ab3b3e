"""What a question names: people (with a name to say back), places and things (in the asker's words).

People come from the pack's closed lexicon of relations. A noun is read with the owner before it ("my",
«мою», «цього») and the modifiers between ("best", «колишній»), and named back from our side: the asker's
"my" becomes "your" («моєї сестри» → «ваша сестра», declined in every case), a third person's "her"
stays hers, a demonstrative or "a certain" becomes "this" («з одним хлопцем» → «цей хлопець»). Where one
word names a close relation and a stranger («чоловік»: husband or a man), a demonstrative before it, a
relative clause after it or "from …" after it picks the stranger. "He", "she", "they" are the other
person only when no person named in the question can be who they mean.

Places are known names or capitalised words after "to", «до»; things are the pack's nouns of things with
their owner or demonstrative ("the bakery", «цю роботу»). Both keep the asker's words and no name.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve, frozen

from tarot_domain.content.lexicon import NAME_CASES, Modifier, Person
from tarot_domain.content.schema import Gender, Name
from tarot_domain.content.structure.relations import RELATIONS
from tarot_domain.model.question.reader import Form, Owner, Reader
from tarot_domain.model.question.shape import Parsed
from tarot_domain.model.question.text import span

PERSON, PLACE, THING = "person", "place", "thing"
SUBJECT_KINDS: tuple[str, ...] = (PERSON, PLACE, THING)


@frozen
class Subject:
    """Something the question names.

    - `text`: the asker's own words, a verbatim span of the question ("my sister", «брата»).
    - `kind`: "person", "place" or "thing".
    - `name`: how to name it back, already from our side: English `Name("your sister")`, Ukrainian
      `Name(nom="ваша сестра", gen="вашої сестри", …, gender=FEMININE)`; "he"/«він» for the other person;
      None for anything the lexicon does not know (places, things, first names in Ukrainian): put `text`
      only where no declension is needed.
    - `relation`: the relation ("sister", "boss", "he"; `structure.relations.RELATIONS`), None for places,
      things and people named by their first name.
    """

    text: str
    kind: str
    name: Name | None = None
    relation: str | None = None


@frozen
class Found:
    """A subject with where it stands and how it weighs on the question's topics (a subject of kind ""
    is no one in particular, "a partner": it weighs on the topics but is not named)."""

    subject: Subject
    start: int
    end: int
    topic: str = ""
    weight: float = 0.0
    pronoun: bool = False
    gendered: bool = False
    gender: Gender = Gender.MASCULINE
    plural: bool = False
    nominative: bool = False
    possessive: bool = False  # English "my boyfriend's …": it owns what follows


@frozen
class _Noun:
    end: int
    forms: tuple[Form, ...]


def noun_at(reader: Reader, words: Sequence[str], index: int, end: int) -> _Noun | None:
    """The longest person noun at `index` (a one-word noun may carry one typo: "boyfreind")."""
    for size in range(min(reader.longest_form, end - index), 0, -1):
        key = tuple(words[index : index + size])
        if key[-1].endswith("'s"):
            key = (*key[:-1], key[-1][:-2])
        forms = reader.forms.get(key)
        if forms:
            return _Noun(index + size, tuple(forms))
    typo = reader.typo_form(words[index]) if index < end else None
    return None if typo is None else _Noun(index + 1, tuple(reader.forms[typo]))


def _owner(readers: Sequence[Reader], word: str) -> Owner | None:
    for reader in readers:
        if word in reader.owners:
            return reader.owners[word]
    return None


class _People:
    def __init__(self, parsed: Parsed, readers: Sequence[Reader]) -> None:
        self.parsed = parsed
        self.readers = readers
        self.primary = readers[0]
        self.words = parsed.words
        self.relatives = frozenset().union(*(r.word_set("relatives") for r in readers))
        self.from_words = frozenset().union(*(r.word_set("from") for r in readers))
        self.stopwords = frozenset().union(*(r.stopwords for r in readers))

    def at(self, index: int, end: int) -> tuple[int, Found | None] | None:
        """A person starting at `index` (end, found); found is None for no one in particular ("a partner")."""
        best: tuple[int, Found | None] | None = None
        for reader in self.readers:
            for with_owner in (True, False):
                match = self._match(reader, index, end, with_owner=with_owner)
                if match is not None and (best is None or match[0] > best[0]):
                    best = match
        return best

    def _match(
        self, reader: Reader, index: int, end: int, *, with_owner: bool
    ) -> tuple[int, Found | None] | None:
        words = self.words
        owner = _owner(self.readers, words[index]) if with_owner else None
        if with_owner and owner is None:
            return None
        first = index + 1 if owner is not None else index
        modifiers: list[Modifier] = []
        noun: _Noun | None = None
        position = first
        for _ in range(3):
            if position >= end:
                return None
            word = words[position]
            modifies = word in reader.modifiers and noun_at(reader, words, position + 1, end) is not None
            noun = None if modifies else noun_at(reader, words, position, end)
            if noun is not None:
                break
            if word in reader.modifiers:
                modifiers.append(reader.modifiers[word])
            elif not (not reader.lexicon.declines and owner is not None and self._free_word(reader, word)):
                return None
            position += 1
        if noun is None:
            return None
        form = self._pick(noun, owner, noun.end, end)
        if form is None:
            return None
        person = form.person
        someone = (owner is not None and owner.turned == "" and not person.stranger) or (
            owner is None and self._hypothetical(reader, index)
        )
        if someone:  # "a partner", «буде в мене дитина»: no one in particular, but the topic it names
            topic = person.topic or (RELATIONS[person.relation].topic if person.relation in RELATIONS else "")
            return noun.end, Found(Subject("", ""), index, noun.end, topic, 0.75)
        relation = person.relation
        for modifier in modifiers:
            if modifier.relation and relation in modifier.applies:
                relation = modifier.relation
        return noun.end, self._found(reader, index, position, noun.end, form, owner, modifiers, relation)

    def _free_word(self, reader: Reader, word: str) -> bool:
        """An English word that may stand between an owner and a person noun ("my little brother")."""
        return word.isalpha() and word not in reader.stopwords and word not in reader.verbs

    def _pick(self, noun: _Noun, owner: Owner | None, after: int, end: int) -> Form | None:
        forms = [f for f in noun.forms if not (f.weak and after < end and self._noun_follows(after, end))]
        if not forms:
            return None
        strange = self._stranger_context(owner, after, end)
        preferred = [f for f in forms if f.person.stranger == strange] or forms
        if owner is not None and owner.gender:
            agreeing = [f for f in preferred if self.primary.gender_of(f.person) == owner.gender]
            preferred = agreeing or preferred
        return preferred[0]

    def _noun_follows(self, after: int, end: int) -> bool:
        return any(noun_at(r, self.words, after, end) is not None for r in self.readers) or any(
            r.things.longest(self.words, after, end) is not None for r in self.readers
        )

    def _stranger_context(self, owner: Owner | None, after: int, end: int) -> bool:
        """A demonstrative before, a relative clause («, з яким …») or "from …" («із спортзалу») after."""
        if owner is not None:
            return owner.turned in ("this", "that")
        words = self.words
        if after >= len(words):
            return False
        following = words[after + 1] if after + 1 < len(words) else ""
        if words[after] in self.relatives or (
            words[after] in self.from_words and following in self.relatives
        ):
            return True
        return words[after] in self.from_words and bool(following) and following not in self.stopwords

    def _hypothetical(self, reader: Reader, index: int) -> bool:
        for back in range(1, 4):
            start = index - back
            if start < 0:
                break
            found = reader.hypothetical.longest(self.words, start, index)
            if found is not None and found[0] == index:
                return True
        return False

    def _found(
        self,
        reader: Reader,
        start: int,
        noun_start: int,
        end: int,
        form: Form,
        owner: Owner | None,
        modifiers: Sequence[Modifier],
        relation: str,
    ) -> Found:
        person = form.person
        text = span(self.parsed.text, self.parsed.tokens, start, end)
        possessive = self.words[end - 1].endswith("'s")
        if possessive:
            text = text[:-2]
        named = self._named(person, reader)
        name = None
        if named is not None:
            name = self._name(named, owner, modifiers, start, noun_start, person is named)
        topic = person.topic or (RELATIONS[relation].topic if relation in RELATIONS else "")
        weight = 0.5 if person.pronoun else 1.0
        return Found(
            Subject(text, PERSON, name, relation),
            start,
            end,
            topic=topic,
            weight=0.5 if possessive else weight,
            pronoun=person.pronoun,
            gendered=person.gendered,
            gender=person.name.gender,
            plural=person.name.plural,
            nominative=form.case == "nom",
            possessive=possessive,
        )

    def _named(self, person: Person, reader: Reader) -> Person | None:
        """The entry we name the person with: their own, or the question language's for their relation."""
        if reader is self.primary:
            return person
        same = [p for p in self.primary.lexicon.people if p.relation == person.relation]
        return next((p for p in same if p.stranger == person.stranger), same[0] if same else None)

    def _name(
        self,
        person: Person,
        owner: Owner | None,
        modifiers: Sequence[Modifier],
        start: int,
        noun_start: int,
        own: bool,
    ) -> Name:
        noun = person.name
        if person.pronoun:
            return noun
        key = owner.turned if owner is not None and owner.turned else ("this" if person.stranger else "your")
        determiner = self.primary.lexicon.determiners.get(key)
        if not self.primary.lexicon.declines:
            between = ""
            if own and owner is not None and noun_start > start + 1:
                tokens = self.parsed.tokens
                between = self.parsed.text[tokens[start + 1].start : tokens[noun_start].start].lower()
            head = f"{determiner.m[0]} " if determiner is not None else ""
            return evolve(noun, nom=f"{head}{between}{noun.nom}")
        forms: list[str] = []
        for number, case in enumerate(NAME_CASES):
            parts = []
            if determiner is not None:
                parts.append(determiner.forms(noun.gender, noun.plural)[number])
            for modifier in modifiers:
                if modifier.agreeing is not None:
                    parts.append(modifier.agreeing.forms(noun.gender, noun.plural)[number])
            parts.append(noun.form(case))
            forms.append(" ".join(parts))
        nom, gen, dat, acc, ins, loc = forms
        return evolve(noun, nom=nom, gen=gen, dat=dat, acc=acc, ins=ins, loc=loc)


def _compatible(pronoun: Found, person: Found, persons: int) -> bool:
    relation = pronoun.subject.relation
    if person.subject.relation is None or not person.gendered:
        return True
    if relation == "they":
        return person.plural or persons >= 2
    if person.plural:
        return False
    return (person.gender is Gender.FEMININE) == (relation == "she")


def find_people(parsed: Parsed, readers: Sequence[Reader], claimed: set[int]) -> list[Found]:
    """Every person the lexicon knows in the question (pronouns included; see `settle_people`)."""
    people = _People(parsed, readers)
    found: list[Found] = []
    for phrase in parsed.phrases:
        index = phrase.start
        while index < phrase.end:
            if index in claimed:
                index += 1
                continue
            match = people.at(index, phrase.end)
            if match is None:
                index += 1
                continue
            end, person = match
            if person is not None:
                found.append(person)  # a ghost (kind "") still weighs on the topics
            claimed.update(range(index, end))
            index = end
    return _owned(found)


def settle_people(found: list[Found]) -> list[Found]:
    """The people in order, without the pronouns that only refer back to someone named."""
    found = sorted(found, key=lambda f: f.start)
    named = [f for f in found if not f.pronoun and f.subject.kind == PERSON]
    kept: list[Found] = []
    for item in found:
        if item.pronoun:
            if any(_compatible(item, other, len(named)) for other in named):
                continue
            if any(k.pronoun and k.subject.relation == item.subject.relation for k in kept):
                continue
        kept.append(item)
    return kept


def _owned(found: list[Found]) -> list[Found]:
    """English "my boyfriend's family": the family is named with its owner ("your boyfriend's family")."""
    result: list[Found] = []
    for item in found:
        before = result[-1] if result else None
        if (
            before is not None
            and before.possessive
            and item.start == before.end
            and item.subject.name is not None
        ):
            owner = before.subject.name.nom if before.subject.name is not None else before.subject.text
            bare = (
                item.subject.name.nom.split(" ", 1)[-1]
                if " " in item.subject.name.nom
                else item.subject.name.nom
            )
            item = evolve(
                item, subject=evolve(item.subject, name=evolve(item.subject.name, nom=f"{owner}'s {bare}"))
            )
        result.append(item)
    return result


def find_first_names(parsed: Parsed, readers: Sequence[Reader], claimed: set[int]) -> list[Found]:
    """People named by their first name ("Alex", «з Максимом»), when written with a capital."""
    found: list[Found] = []
    for index, token in enumerate(parsed.tokens):
        if index in claimed or not token.capital or (token.text.isupper() and len(token.text) > 1):
            continue
        word = parsed.words[index]
        for reader in readers:
            if word in reader.stopwords or not reader.names.matches_word(word):
                continue
            name = None if readers[0].lexicon.declines or reader.lexicon.declines else Name(token.text)
            found.append(Found(Subject(token.text, PERSON, name, None), index, index + 1, "love", 0.5))
            claimed.add(index)
            break
    return found
