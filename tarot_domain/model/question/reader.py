"""A language's question lexicon compiled for matching (cached per language, read from the pack once)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen

from tarot_domain.content import registry
from tarot_domain.content.lexicon import NAME_CASES, Modifier, Person, QuestionLexicon
from tarot_domain.content.schema import Gender
from tarot_domain.model.question.patterns import FUZZY_FROM, Matcher, typo_distance
from tarot_domain.model.question.text import normalise

Words = tuple[str, ...]


def _words(text: str) -> Words:
    return tuple(normalise(text).replace("-", " ").split())


@frozen
class Form:
    """A person noun as written, and which entry and case it is."""

    person: Person
    case: str  # one of NAME_CASES, or "" for a form outside the name's cases
    weak: bool


@frozen
class Owner:
    turned: str
    gender: str


def _gender_key(person: Person) -> str:
    if person.name.plural:
        return "pl"
    return {Gender.FEMININE: "f", Gender.NEUTER: "n"}.get(person.name.gender, "m")


class Reader:
    """Everything `analyse` needs from one pack, ready to match."""

    def __init__(self, code: str, lexicon: QuestionLexicon) -> None:
        self.code = code
        self.lexicon = lexicon
        self.forms: dict[Words, list[Form]] = {}
        for person in lexicon.people:
            self._add_forms(person)
        self.longest_form = max((len(words) for words in self.forms), default=1)
        self.stopwords = frozenset(_words(lexicon.stopwords))
        self.verbs = frozenset(_words(lexicon.verbs))
        self.adjectives = frozenset(_words(lexicon.adjectives))
        self.owners: dict[str, Owner] = {}
        for word, spec in lexicon.owners.items():
            turned, _, gender = spec.partition(" ")
            self.owners[normalise(word)] = Owner(turned, gender)
        self.known = (
            self.stopwords
            | self.verbs
            | self.adjectives
            | frozenset(self.owners)
            | frozenset(words[0] for words in self.forms if len(words) == 1)
        )
        self.typo_forms: dict[str, list[Words]] = {}
        for words in self.forms:
            if len(words) == 1 and len(words[0]) > FUZZY_FROM:
                self.typo_forms.setdefault(words[0][:2], []).append(words)
        numbers = lexicon.numbers
        self.markers: Matcher[str] = Matcher(
            {pattern: shape for shape, patterns in lexicon.markers.items() for pattern in patterns},
            numbers,
            self.known,
        )
        self.questions: Matcher[str] = Matcher(
            {pattern: shape for shape in ("what", "when") for pattern in lexicon.markers.get(shape, ())},
            numbers,
        )
        self.lead_ins: Matcher[bool] = Matcher(dict.fromkeys(lexicon.lead_ins, True), numbers, self.known)
        self.times: Matcher[tuple[str, bool]] = Matcher(
            {text: (frame, text in lexicon.past_sensitive) for text, frame in lexicon.time_frames.items()},
            numbers,
            self.known,
        )
        self.cues: Matcher[Mapping[str, float]] = Matcher(
            {pattern: _weights(key) for key, patterns in lexicon.cues.items() for pattern in patterns},
            numbers,
            self.known,
        )
        self.names: Matcher[bool] = Matcher(dict.fromkeys(lexicon.names, True))
        self.places: Matcher[bool] = Matcher(dict.fromkeys(lexicon.places, True))
        self.things: Matcher[bool] = Matcher(
            {**dict.fromkeys(lexicon.things, False), **dict.fromkeys(lexicon.bare_things, True)},
            (),
            self.known,
        )
        self.thing_adjectives: Matcher[bool] = Matcher(dict.fromkeys(lexicon.thing_adjectives, True))
        self.hypothetical: Matcher[bool] = Matcher(dict.fromkeys(lexicon.hypothetical, True))
        self.modifiers: dict[str, Modifier] = {}
        for modifier in lexicon.modifiers:
            written = set(modifier.forms)
            if modifier.agreeing is not None:
                agreeing = modifier.agreeing
                written.update(agreeing.m + agreeing.f + agreeing.n + agreeing.pl)
            for form in written:
                self.modifiers.setdefault(normalise(form), modifier)
        self.embedders = frozenset(normalise(word) for word in lexicon.embedders)
        self.choice_words = frozenset(normalise(word) for word in lexicon.choice_words)
        self.not_choices = frozenset(normalise(word) for word in lexicon.not_choices)
        self.deliberative = frozenset(normalise(word) for word in lexicon.deliberative)
        self.place_prepositions = frozenset(normalise(word) for word in lexicon.place_prepositions)

    def _add_forms(self, person: Person) -> None:
        name = person.name
        written: list[tuple[str, str]] = [(getattr(name, case) or name.nom, case) for case in NAME_CASES]
        written += [(form, "") for form in person.forms]
        for form, case in written:
            words = _words(form)
            if not words:
                continue
            entries = self.forms.setdefault(words, [])
            if not any(entry.person is person for entry in entries):
                entries.append(Form(person, case, form in person.weak))

    def typo_form(self, word: str) -> Words | None:
        """A one-word person form `word` is one typo away from ("boyfreind", "husbnd"), or None."""
        if len(word) < FUZZY_FROM or word in self.known:
            return None
        for words in self.typo_forms.get(word[:2], ()):
            if typo_distance(word, words[0]) == 1:
                return words
        return None

    def table(self, key: str) -> Mapping[str, str]:
        """A grammar table of the pack (empty when the pack has none)."""
        value = self.lexicon.grammar.get(key)
        return value if isinstance(value, Mapping) else MappingProxyType({})

    def word_set(self, key: str) -> frozenset[str]:
        """A grammar word list of the pack, as a set."""
        value = self.lexicon.grammar.get(key)
        return frozenset(_words(value)) if isinstance(value, str) else frozenset()

    def word_list(self, key: str) -> Words:
        value = self.lexicon.grammar.get(key)
        return _words(value) if isinstance(value, str) else ()

    def gender_of(self, person: Person) -> str:
        return _gender_key(person)


def _weights(key: str) -> Mapping[str, float]:
    parts = key.split()
    return MappingProxyType({parts[i]: float(parts[i + 1]) for i in range(0, len(parts) - 1, 2)})


_COMPILED: dict[tuple[str, int], tuple[QuestionLexicon, Reader]] = {}


def reader(code: str) -> Reader | None:
    """The compiled lexicon of `code`'s pack, or None when the pack has none. Compiled once per lexicon
    the registry reads (a registry that forgets its packs, `registry.forget()`, gets fresh ones)."""
    if not registry.is_language(code):
        return None
    lexicon = registry.question_lexicon(code)
    if lexicon is None:
        return None
    key = (code, id(lexicon))
    found = _COMPILED.get(key)
    if found is None or found[0] is not lexicon:
        found = (lexicon, Reader(code, lexicon))
        _COMPILED[key] = found
    return found[1]


def readers(code: str) -> tuple[Reader, ...]:
    """The lexicon for `code` (English when it has none) first, then every other pack's: people write
    a word of another language in a question («мій boyfriend»)."""
    first = reader(code) or reader(registry.FALLBACK)
    others = [found for other in registry.languages() if (found := reader(other)) is not None]
    return tuple(dict.fromkeys([first, *others]) if first is not None else others)
