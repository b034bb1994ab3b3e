"""What the question asks, as the composer reads it: the question analysis, and the matter to name back.

`ask(question, language)` wraps `tarot_domain.model.question.analyse` (shape, topics, time frame,
subjects, choice, focus, words). `matter` picks what a reading names when it returns to the question:
the first person the question names (with their name's grammar), else the question's topic in the
pack's words ("your work", «ваша робота»), else the situation.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from adapters.offline.voice import Named
from tarot_domain.content.phrasing import Phrasing
from tarot_domain.content.schema import Name

NO_QUESTION = ""
LEAN_SHAPES = frozenset({"closed", "should", "when"})
PRONOUNS = frozenset({"he", "she", "they"})


@dataclass(frozen=True)
class Subject:
    text: str
    kind: str
    name: Name | None
    relation: str | None


@dataclass(frozen=True)
class Asked:
    """The question as the composer uses it; `shape` is "" when nothing was asked (a card of the day)."""

    text: str
    shape: str
    topics: tuple[str, ...]
    time_frame: str | None
    subjects: tuple[Subject, ...]
    choice: tuple[str, str] | None
    focus: str
    words: frozenset[str]

    @property
    def topic(self) -> str | None:
        return self.topics[0] if self.topics else None

    @property
    def closed(self) -> bool:
        return self.shape in LEAN_SHAPES

    @property
    def person(self) -> Subject | None:
        return next((s for s in self.subjects if s.kind == "person" and s.name is not None), None)


def _analyser() -> Any:
    try:
        return importlib.import_module("tarot_domain.model.question")
    except ModuleNotFoundError:
        return None


def ask(question: str, language: str) -> Asked:
    text = question.strip()
    if not text:
        return Asked("", NO_QUESTION, (), None, (), None, "", frozenset())
    module = _analyser()
    if module is None:
        return _rough(text, language)
    found = module.analyse(text, language)
    subjects = tuple(
        Subject(s.text, s.kind, s.name, s.relation)
        for s in found.subjects
        if s.kind in ("person", "place", "thing")
    )
    return Asked(
        text=text,
        shape=found.shape.value,
        topics=tuple(found.topics),
        time_frame=found.time_frame,
        subjects=subjects,
        choice=found.choice,
        focus=found.focus,
        words=frozenset(found.words),
    )


def matter(asked: Asked, phrasing: Phrasing, topic: str | None, spread_id: str) -> Named:
    """What the reading names when it speaks of the question (see the module docstring); `topic` is the
    reading's topic (the question's, or the spread's own)."""
    person = asked.person
    if person is not None and person.name is not None:
        pronoun = person.relation if person.relation in PRONOUNS else None
        return Named("matter", person.name, card=False, pronoun=pronoun)
    if not asked.shape:
        keys: tuple[str, ...] = (f"period.{spread_id}", "period")
    elif topic:
        keys = (f"topic.{topic}", "situation")
    else:
        keys = (f"period.{spread_id}", "situation") if spread_id != "single" else ("situation",)
    name = next((phrasing.names[k] for k in keys if k in phrasing.names), None) or Name("this")
    return Named("matter", name, card=False)


# --- until the question analysis is on main: a rough reading of the shape and topic ------------------

_ROUGH_SHAPES = (
    ("should", r"^(should|shall|is it worth|чи варто|чи треба|чи слід|варто)\b"),
    ("when", r"^(when|how soon|how long|коли|як скоро)\b"),
    ("what", r"^(what|how|why|where|who|which|що|як|чому|де|хто|який|яка|яке|які)\b"),
    ("closed", r"^(will|would|is|are|am|do|does|did|can|could|has|have|may|might|чи)\b"),
)
_ROUGH_TOPICS = (
    (
        "love",
        r"love|relationship|partner|boyfriend|girlfriend|husband|wife|marr|ex\b|кохан|коха|стосун|хлопц|дівчин|чолов|дружин|заміж|одруж",
    ),
    (
        "work",
        r"job|work|career|boss|promotion|interview|business|робот|кар'єр|кар’єр|начальник|співбесід|бізнес|посад",
    ),
    ("money", r"money|debt|loan|salary|invest|гроші|грош|борг|кредит|зарплат|фінанс"),
    (
        "home",
        r"home|house|move|family|mother|father|sister|brother|дім|дом|переїзд|переїжд|родин|мам|тат|сестр|брат",
    ),
    ("study", r"exam|study|school|university|course|іспит|навчан|університет|школ|курс"),
    ("wellbeing", r"health|tired|stress|sleep|здоров|втом|стрес|сон"),
    ("spirit", r"purpose|spirit|meaning|soul|призначен|духов|сенс|душ"),
)


def _rough(text: str, language: str) -> Asked:
    low = text.lower()
    shape = next((name for name, pattern in _ROUGH_SHAPES if re.search(pattern, low)), "open")
    topics = tuple(name for name, pattern in _ROUGH_TOPICS if re.search(pattern, low))
    words = frozenset(w for w in re.findall(r"[\w'’]+", low) if len(w) > 2)
    focus = f"“{text}”" if language != "uk" else f"«{text}»"
    return Asked(text, shape, topics[:2], None, (), None, focus, words)
