"""The closed lexicon of people: every relation the brief names, all six cases in Ukrainian, the asker's
"my" turned to our "your" in agreement, and each lexicon entry recognised and named back in a question."""

from __future__ import annotations

import re

import pytest

from tarot_domain.content import registry
from tarot_domain.content.lexicon import NAME_CASES, Person
from tarot_domain.content.schema import Gender
from tarot_domain.content.structure.relations import PRONOUNS, RELATIONS
from tarot_domain.model.question import Subject, analyse

REQUIRED = (
    "mother", "father", "sister", "brother", "son", "daughter", "husband", "wife", "boyfriend", "girlfriend",
    "partner", "ex", "friend", "colleague", "boss", "manager", "grandmother", "grandfather", "aunt", "uncle",
    "child", "children", "parents", "family", "neighbour", "landlord", "teacher", "mother-in-law", "he",
    "she", "they",
)  # fmt: skip
_LATIN = re.compile(r"[A-Za-z]")


def _people(code: str) -> tuple[Person, ...]:
    lexicon = registry.question_lexicon(code)
    assert lexicon is not None
    return lexicon.people


def _person(question: str, language: str, relation: str | None = None) -> Subject:
    found = [s for s in analyse(question, language).subjects if s.kind == "person"]
    found = [s for s in found if relation is None or s.relation == relation]
    assert found, (question, analyse(question, language).subjects)
    return found[0]


@pytest.mark.parametrize("code", ["en", "uk"])
def test_every_relation_the_reading_needs_is_in_both_lexicons(code: str) -> None:
    relations = {person.relation for person in _people(code)}
    assert set(REQUIRED) <= relations
    assert relations <= set(RELATIONS)
    for person in _people(code):
        assert person.pronoun == (person.relation in PRONOUNS), person


def test_friends_are_both_men_and_women_in_ukrainian() -> None:
    genders = {p.name.gender for p in _people("uk") if p.relation == "friend" and not p.name.plural}
    assert {Gender.MASCULINE, Gender.FEMININE} <= genders


@pytest.mark.parametrize("person", _people("uk"), ids=lambda p: f"{p.relation}:{p.name.nom}")
def test_every_ukrainian_person_has_six_cases_in_cyrillic(person: Person) -> None:
    forms = [getattr(person.name, case) for case in NAME_CASES]
    assert all(forms), (person.name, "a case is missing")
    assert not any(_LATIN.search(form) for form in forms)
    assert isinstance(person.name.gender, Gender) and isinstance(person.name.plural, bool)
    assert person.name.gen != person.name.nom or person.name.plural or person.pronoun


_OWNER = {(Gender.MASCULINE, False): "мій", (Gender.FEMININE, False): "моя", (Gender.NEUTER, False): "моє"}


@pytest.mark.parametrize(
    "person", [p for p in _people("uk") if not p.pronoun], ids=lambda p: f"{p.relation}:{p.name.nom}"
)
def test_every_ukrainian_person_is_found_and_turned_to_your_in_every_case(person: Person) -> None:
    """«мій брат» → «ваш брат», «вашого брата», …; a stranger («цей чоловік») is named with «цей»."""
    owner = "мої" if person.name.plural else _OWNER[person.name.gender, False]
    if person.stranger:
        owner = {"мій": "цей", "моя": "ця", "моє": "це", "мої": "ці"}[owner]
    subject = _person(f"Що думає про мене {owner} {person.name.nom}?", "uk", person.relation)
    assert subject.name is not None
    lexicon = registry.question_lexicon("uk")
    assert lexicon is not None
    determiner = lexicon.determiners["this" if person.stranger else "your"]
    expected = determiner.forms(person.name.gender, person.name.plural)
    for number, case in enumerate(NAME_CASES):
        assert subject.name.form(case) == f"{expected[number]} {getattr(person.name, case)}", case
    assert subject.name.gender == person.name.gender and subject.name.plural == person.name.plural


@pytest.mark.parametrize(
    ("question", "case", "named"),
    [
        ("Чи пробачить мені моя сестра?", "gen", "вашої сестри"),
        ("Чи пробачить мені моя сестра?", "ins", "вашою сестрою"),
        ("Чи кохає мене мій чоловік?", "dat", "вашому чоловікові"),
        ("Чи кохає мене мій чоловік?", "acc", "вашого чоловіка"),
        ("Чи приймуть мене мої батьки?", "gen", "ваших батьків"),
        ("Чи приймуть мене мої батьки?", "dat", "вашим батькам"),
        ("Чи помиримося ми з братом?", "loc", "вашому братові"),
        ("Чи пробачить мене моя найкраща подруга?", "gen", "вашої найкращої подруги"),
        ("Чи повернеться мій колишній чоловік?", "ins", "вашим колишнім чоловіком"),
        ("Чи подобаюся я цьому чоловікові?", "nom", "цей чоловік"),
        ("Що думає про мене хлопець, з яким я познайомилася?", "acc", "цього хлопця"),
        ("Чи зрадить її чоловік?", "gen", "її чоловіка"),
        ("Коли я зустріну свою половинку?", "nom", "ваша половинка"),
        ("Чи одужає мама?", "dat", "вашій мамі"),
        ("Чи кохає мене мій boyfriend?", "nom", "ваш хлопець"),
        ("Чи любить мене муж?", "nom", "ваш чоловік"),
        ("Чи кохає мене мiй хлопець?", "gen", "вашого хлопця"),
    ],
)
def test_the_turned_possessive_agrees(question: str, case: str, named: str) -> None:
    subject = _person(question, "uk")
    assert subject.name is not None and subject.name.form(case) == named


@pytest.mark.parametrize(
    ("question", "relation", "named"),
    [
        ("Will my sister call me?", "sister", "your sister"),
        ("Is my ex-husband still angry?", "ex", "your ex-husband"),
        ("Does my little brother miss me?", "brother", "your little brother"),
        ("Will her husband leave her?", "husband", "her husband"),
        ("Is my boyfreind cheating?", "boyfriend", "your boyfriend"),
        ("Will my boyfriend's family accept me?", "family", "your boyfriend's family"),
        ("Is this guy into me?", "man", "this guy"),
        ("Will mom forgive me?", "mother", "your mom"),
    ],
)
def test_english_names_are_turned_to_our_side(question: str, relation: str, named: str) -> None:
    subject = _person(question, "en", relation)
    assert subject.name is not None and subject.name.nom == named


def test_the_other_person_is_a_pronoun_only_when_no_one_named_can_be_meant() -> None:
    alone = analyse("Will he come back?", "en")
    assert [(s.text, s.relation) for s in alone.subjects] == [("he", "he")]
    assert alone.subjects[0].name is not None and alone.subjects[0].name.form("acc") == "him"
    referring = analyse("Will my brother forgive me? Is he still angry?", "en")
    assert [s.relation for s in referring.subjects] == ["brother"]
    other = analyse("Does my mom like him?", "en")
    assert [s.relation for s in other.subjects] == ["mother", "he"]
    uk = analyse("Чи кохає мене мій хлопець так само, як я його?", "uk")
    assert [s.relation for s in uk.subjects] == ["boyfriend"]
    she = _person("Чи можна їй довіряти?", "uk", "she")
    assert she.name is not None and (she.name.nom, she.name.dat) == ("вона", "їй")


def test_someone_in_general_is_no_subject_but_still_a_topic() -> None:
    found = analyse("What is blocking me from finding a partner?", "en")
    assert found.subjects == () and found.topics[:1] == ("love",)
    assert not [s for s in analyse("Чи буде в мене дитина?", "uk").subjects if s.kind == "person"]


def test_first_names_are_people_without_a_relation() -> None:
    subject = _person("Does Alex have feelings for me?", "en")
    assert (subject.text, subject.relation, subject.name) == ("Alex", None, subject.name)
    assert subject.name is not None and subject.name.nom == "Alex"
    ukrainian = _person("Чи буде в нас друге побачення з Максимом?", "uk")
    assert (ukrainian.text, ukrainian.relation, ukrainian.name) == ("Максимом", None, None)
