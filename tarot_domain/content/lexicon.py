"""The shapes a pack's question lexicon is written in (`<code>/question.py` holds one `QuestionLexicon`).

The question analysis (`tarot_domain.model.question`) reads people's questions with these words and
patterns; the algorithm is language-neutral where it can be and the words are all here.

Patterns (markers, lead-ins, time frames, topic cues) are sequences of tokens separated by spaces,
matched against the question's normalised tokens (lower case, one apostrophe, Latin look-alikes inside
Cyrillic words repaired):
- `word` matches that word exactly; `stem*` any word that starts with `stem` (a stem of six letters or
  more also takes one typo);
- `a|b|c*` any of the alternatives;
- `#` a number: digits or one of the pack's `numbers`;
- `?` any one word;
- `%` a year (1900–2099);
- `$` (last) the end of the phrase.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

from tarot_domain.content.schema import CASES, Gender, Name

NAME_CASES: tuple[str, ...] = CASES[:6]
"""The cases a name of a person is given in: nom, gen, dat, acc, ins, loc (the vocative is never needed)."""


@frozen
class Agreeing:
    """A word that agrees with its noun (ваш, цей, колишній): its case forms for each gender and number.

    Each tuple holds the forms in `NAME_CASES` order; the accusative is the animate one (people are
    animate: «вашого брата», «ваших батьків»). English gives one form (`m=("your",)`), used for all.
    """

    m: tuple[str, ...]
    f: tuple[str, ...] = ()
    n: tuple[str, ...] = ()
    pl: tuple[str, ...] = ()

    def forms(self, gender: Gender, plural: bool) -> tuple[str, ...]:
        """The six forms agreeing with a noun of `gender` and number (one repeated when only one is given)."""
        chosen = self.pl if plural else {Gender.FEMININE: self.f, Gender.NEUTER: self.n}.get(gender, self.m)
        chosen = chosen or self.m
        return chosen if len(chosen) == len(NAME_CASES) else (chosen[0],) * len(NAME_CASES)


@frozen
class Person:
    """A person or relation a question can name, and how we name them back.

    - `relation`: the language-neutral relation (`structure.relations.RELATIONS`): "sister", "he".
    - `name`: the bare noun in every case of `NAME_CASES`, with its gender and number (English: `nom`
      only). Every case form of it is recognised; `forms` adds what else people write (diminutives,
      spellings, Russian-influenced forms, slang).
    - `weak`: forms that are also ordinary words («друга» is "second" too): they name the person only when
      no noun follows them.
    - `gendered`: whether `name.gender` is the person's sex (English "partner", "friend" have none), so a
      "he" or "she" later in the question can refer back to them.
    - `stranger`: someone not (yet) close ("this guy", «цей чоловік»): where one form names both a close
      relation and a stranger («чоловік»: husband or a man), a demonstrative before it or a relative clause
      after it picks the stranger, and the stranger is named back with "this", not "your".
    - `pronoun`: he, she, they as the other person: named back as themselves, never with a possessive.
    - `topic`: the topic a question about this person is about, when it is not the relation's own
      (a business partner is work, though a partner is love).
    """

    relation: str
    name: Name
    forms: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    gendered: bool = True
    stranger: bool = False
    pronoun: bool = False
    topic: str = ""


@frozen
class Modifier:
    """A word between the owner and the noun that belongs to the name ("best" friend, «колишній» чоловік).

    `forms` are what people write; `agreeing` declines it with the noun (None: kept as written, as
    English does). `relation` is the relation it makes of a noun whose relation is in `applies`
    (ex- of a partner is an ex; двоюрідна сестра is a cousin).
    """

    forms: tuple[str, ...]
    agreeing: Agreeing | None = None
    relation: str = ""
    applies: tuple[str, ...] = ()


@frozen
class QuestionLexicon:
    """Everything a language needs for reading questions (see the module docstring for pattern syntax).

    Shapes and time:
    - `markers`: shape (closed, should, when, what) → the phrase openings that give it; the longest wins.
    - `lead_ins`: openings skipped before looking for a marker ("please tell me", «скажіть»).
    - `embedders`: words that open an embedded yes/no question ("if", "whether").
    - `choice_words`: the words for "or"; `not_choices`: what after "or" is no option ("not", «ні»);
      `deliberative`: words that make a "which/what" question a decision ("better", «краще»).
    - `time_frames`: pattern → time frame, or "" for a pattern that names none ("last week": the past).
      `past_sensitive`: frame patterns a past-tense phrase cancels ("on the weekend" we met).
    - `numbers`: number words for `#`.
    Topics:
    - `cues`: weights → patterns. A key lists topics with their weights ("money 1.5 work 1"); the topic
      "*" is the topic of the people the question names, else love (a relationship with a boss is work,
      with a boyfriend love); the empty key stops a shorter pattern ("work out" is not work).
    People, places, things:
    - `people`; `owners`: word → the determiner we name the person back with, a key of `determiners`
      ("your" for the asker's own: "my", «свою»; "his", "her", "their", "this" for demonstratives and "a
      certain": «один»; "that", "the"), then the gender the word shows when it shows one ("your f":
      «мою»), which tells apart forms two nouns share; "" names no one in particular ("a partner").
    - `modifiers`; `determiners`: turned determiner → its agreeing forms.
    - `names`: first names (patterns; matched only when capitalised).
    - `places`: place names (patterns, any case); `place_prepositions`: words after which a capitalised
      word is a place ("to", «до»).
    - `things`: nouns of things a question names that need an owner or a demonstrative ("the bakery",
      «цю роботу»); `bare_things`: nouns that name a thing alone (Ukrainian has no articles: «співбесіда»).
    - `thing_adjectives`: words that may stand between the owner and such a noun (Ukrainian; English
      takes any).
    - `hypothetical`: patterns just before a noun that make a person no one in particular («буде в мене»).
    Words:
    - `stopwords`, `verbs` (English base forms, where a subject ends and its verb begins), `adjectives`
      (English predicate words; Ukrainian stems of adjectives that agree with "I", «щаслив»): words
      separated by spaces.
    - `grammar`: the tables a language's focus grammar reads (see that grammar module): a mapping, or
      words separated by spaces.
    - `topic_focus`: topic → the focus when the question cannot be restated ("about your love life"),
      "" for no topic.
    - `declines`: whether names are declined (Ukrainian: a name back is built case by case).
    """

    markers: Mapping[str, tuple[str, ...]]
    lead_ins: tuple[str, ...]
    time_frames: Mapping[str, str]
    cues: Mapping[str, tuple[str, ...]]
    people: tuple[Person, ...]
    owners: Mapping[str, str]
    determiners: Mapping[str, Agreeing]
    topic_focus: Mapping[str, str]
    embedders: tuple[str, ...] = ()
    choice_words: tuple[str, ...] = ()
    not_choices: tuple[str, ...] = ()
    deliberative: tuple[str, ...] = ()
    past_sensitive: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    modifiers: tuple[Modifier, ...] = ()
    names: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    place_prepositions: tuple[str, ...] = ()
    things: tuple[str, ...] = ()
    bare_things: tuple[str, ...] = ()
    thing_adjectives: tuple[str, ...] = ()
    hypothetical: tuple[str, ...] = ()
    stopwords: str = ""
    verbs: str = ""
    adjectives: str = ""
    grammar: Mapping[str, Mapping[str, str] | str] = field(factory=dict)
    declines: bool = False
