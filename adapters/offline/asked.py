"""What the question asks, as the composer reads it: the question analysis, and the matter to name back.

`ask(question, language)` wraps `tarot_domain.model.question.analyse` (shape, topics, time frame,
subjects, choice, focus, words). `matter` picks what a reading names when it returns to the question:
the first person the question names (with their name's grammar), else the question's topic in the
pack's words ("your work", «ваша робота»), else the situation.
"""

from __future__ import annotations

from dataclasses import dataclass

from adapters.offline.voice import Named
from tarot_domain.content.phrasing import Phrasing
from tarot_domain.content.schema import Name
from tarot_domain.content.structure.relations import PRONOUNS
from tarot_domain.model.lean import LEAN_SHAPES
from tarot_domain.model.question import QuestionAnalysis, Subject, analyse


@dataclass(frozen=True)
class Asked:
    """The question as the composer reads it: its text and its analysis (None when nothing was asked,
    a card of the day); `shape` is then ""."""

    text: str
    analysis: QuestionAnalysis | None

    @property
    def shape(self) -> str:
        return "" if self.analysis is None else self.analysis.shape.value

    @property
    def topics(self) -> tuple[str, ...]:
        return () if self.analysis is None else self.analysis.topics

    @property
    def topic(self) -> str | None:
        return self.topics[0] if self.topics else None

    @property
    def subjects(self) -> tuple[Subject, ...]:
        return () if self.analysis is None else self.analysis.subjects

    @property
    def choice(self) -> tuple[str, str] | None:
        return None if self.analysis is None else self.analysis.choice

    @property
    def focus(self) -> str:
        return "" if self.analysis is None else self.analysis.focus

    @property
    def words(self) -> frozenset[str]:
        return frozenset() if self.analysis is None else self.analysis.words

    @property
    def closed(self) -> bool:
        return self.shape in LEAN_SHAPES

    @property
    def person(self) -> Subject | None:
        return next((s for s in self.subjects if s.kind == "person" and s.name is not None), None)


def ask(question: str, language: str) -> Asked:
    text = question.strip()
    return Asked(text, analyse(text, language) if text else None)


def person_matter(subject: Subject, phrasing: Phrasing) -> Named | None:
    """A person the question (or a questionnaire answer) names, as the reading's matter; not a word the
    pack knows is never a person though it is a typo away from one («кохання» is love, not «коханка»)."""
    if subject.kind != "person" or subject.name is None:
        return None
    last = subject.text.split()[-1].lower() if subject.text.split() else ""
    if last in phrasing.cues.get("not-person", ()):
        return None
    pronoun = subject.relation if subject.relation in PRONOUNS else None
    return Named("matter", subject.name, card=False, pronoun=pronoun)


def matter(asked: Asked, phrasing: Phrasing, topic: str | None, spread_id: str) -> Named:
    """What the reading names when it speaks of the question (see the module docstring); `topic` is the
    reading's topic (the question's, or the spread's own). English names a thing in the asker's words,
    turned to our side ("my bakery" → "your bakery"); a language that declines names it by its topic."""
    person = asked.person
    if person is not None:
        found = person_matter(person, phrasing)
        if found is not None:
            return found
    thing = next((s for s in asked.subjects if s.kind == "thing"), None)
    if thing is not None and not phrasing.agreeing:
        return Named("matter", Name(_our_side(thing.text)), card=False)
    place = next((s for s in asked.subjects if s.kind == "place"), None)
    if place is not None:
        named = _place(asked.text, place.text, phrasing)
        if named is not None:
            return Named("matter", named, card=False)
    if not asked.shape:
        keys: tuple[str, ...] = (f"period.{spread_id}", "period")
    elif topic:
        keys = (f"topic.{topic}", "situation")
    else:
        keys = (f"period.{spread_id}", "situation") if spread_id != "single" else ("situation",)
    name = next((phrasing.names[k] for k in keys if k in phrasing.names), None) or Name("this")
    return Named("matter", name, card=False)


_OWN = {"my": "your", "our": "your", "mine": "yours", "i": "you", "me": "you"}


def _our_side(text: str) -> str:
    """English words of the asker turned to our side: "my job" → "your job"."""
    words = text.split()
    return " ".join(_OWN.get(word.lower(), word) for word in words)


def _place(question: str, place: str, phrasing: Phrasing) -> Name | None:
    """A place the question names, as a matter: English as written ("Lisbon"); a declining language
    keeps the question's own phrase ("в Лісабоні", "до Львова") inside a noun the pack declines
    («життя в Лісабоні», «переїзд до Львова»), so the place itself never needs a case of ours."""
    if not phrasing.agreeing:
        return Name(place)
    words = question.replace("?", " ").split()
    for index, word in enumerate(words[1:], start=1):
        if word.strip(",.;:!«»") == place:
            preposition = words[index - 1].lower()
            kind = phrasing.words.get(f"place-preposition.{preposition}")
            template = phrasing.names.get(f"place.{kind}") if kind else None
            if template is None:
                return None
            phrase = f"{words[index - 1]} {place}"
            forms = {
                case: template.form(case).replace("{p}", phrase)
                for case in ("nom", "gen", "dat", "acc", "ins", "loc")
            }
            return Name(**forms, gender=template.gender, plural=template.plural)
    return None
