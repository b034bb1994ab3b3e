"""What a question is about: topics from the packs' weighted cues and the people it names.

Each cue adds its weight to its topics ("job" → work 2); a relational cue ("relationship", «помиритися»)
goes to the topic of the people named (with a dad: home; with a boyfriend: love), love when no one is
named. Each person named adds their relation's topic (a sister: home), a pronoun and an owner less
("he" 0.5: usually love); places weighed as options lean to home (where to live). Topics come strongest
first, ties to the topic of a person named, then to the first named; a topic needs a weight of 1, or to
be the only one there is.
"""

from __future__ import annotations

from collections.abc import Sequence

from tarot_domain.content.schema import TOPICS
from tarot_domain.model.question.reader import Reader
from tarot_domain.model.question.shape import Parsed
from tarot_domain.model.question.subjects import Found

RELATIONAL = "*"
DEFAULT_RELATIONAL = "love"
ENOUGH = 1.0


def score_topics(parsed: Parsed, readers: Sequence[Reader], subjects: Sequence[Found]) -> tuple[str, ...]:
    scores: dict[str, float] = {}
    first: dict[str, int] = {}

    def add(topic: str, weight: float, position: int) -> None:
        if topic not in TOPICS or weight <= 0:
            return
        scores[topic] = scores.get(topic, 0.0) + weight
        first[topic] = min(first.get(topic, position), position)

    related = [s.topic for s in subjects if s.topic and s.subject.relation and not s.pronoun]
    for reader in readers:
        for start, _end, weights in reader.cues.scan(parsed.words):
            for topic, weight in weights.items():
                targets = (related or [DEFAULT_RELATIONAL]) if topic == RELATIONAL else [topic]
                for target in dict.fromkeys(targets):
                    add(target, weight, start)
    named: set[str] = set()
    for subject in subjects:
        if subject.topic:
            add(subject.topic, subject.weight, subject.start)
            named.add(subject.topic)
    # ties go to the topic of a person named ("Will my parents get divorced?": home), then to the first
    ranked = sorted(scores, key=lambda topic: (-scores[topic], topic not in named, first[topic]))
    strong = tuple(topic for topic in ranked if scores[topic] >= ENOUGH)
    if strong:
        return strong
    return tuple(ranked[:1])
