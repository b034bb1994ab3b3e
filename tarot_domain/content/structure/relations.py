"""The relations a question can name a person by, and what a question about each is usually about.

Language-neutral: each pack's question lexicon (`<code>/question.py`) lists the words for these relations
and their case forms; the analysis names the relation, so a Ukrainian question that says "boyfriend" in
English still gets «ваш хлопець». `he`, `she` and `they` are the other person of a question ("Will he come
back?"); `man` and `woman` someone not yet close ("this guy"). A question that names a person and no other
topic is about the relation's topic (a sister: home and family; a boyfriend: love; a boss: work).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen


@frozen
class Relation:
    topic: str  # one of schema.TOPICS
    partner: bool = False  # a partner relation an "ex" can be made of


def _relations(topic: str, *names: str, partner: bool = False) -> dict[str, Relation]:
    return {name: Relation(topic, partner) for name in names}


RELATIONS: Mapping[str, Relation] = MappingProxyType(
    {
        **_relations("love", "husband", "wife", "boyfriend", "girlfriend", "partner", "fiance", partner=True),
        **_relations("love", "ex", "crush", "soulmate", "lover", "man", "woman", "he", "she", "they"),
        **_relations(
            "home",
            "mother", "father", "parents", "sister", "brother", "son", "daughter", "child", "children",
            "grandmother", "grandfather", "aunt", "uncle", "cousin", "niece", "nephew", "family",
            "mother-in-law", "father-in-law", "daughter-in-law", "son-in-law", "in-laws", "stepmother",
            "stepfather", "neighbour", "landlord", "roommate", "friend",
        ),
        **_relations("work", "boss", "manager", "colleague", "client", "employer", "employee"),
        **_relations("study", "teacher"),
        **_relations("wellbeing", "doctor", "therapist"),
    }
)  # fmt: skip

PRONOUNS: frozenset[str] = frozenset({"he", "she", "they"})
"""Relations that are pronouns: the other person, named back as they are."""
