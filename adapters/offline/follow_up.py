"""Follow-up questions, answered from the reading's own cards with the same question analysis.

The cards whose places fit the new question answer it (timing: the near future and the outcome; a
decision: the advice and the outcome; "why": the foundation, the past and the challenge; a person: the
other person and the bond), read through the new question's topic note where it has one, and through
texts the reading and earlier answers have not said yet. A yes-or-no follow-up gets the reading's own
lean (the same cards weigh the same), and a framed one none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from adapters.offline.asked import Asked, ask, matter
from adapters.offline.compose import finish
from adapters.offline.opening import verdict
from adapters.offline.placed import Placed
from adapters.offline.voice import lower_first
from adapters.offline.writer import Writer
from tarot_domain.content.schema import ASPECTS, TOPICS
from tarot_domain.content.structure.roles import Role
from tarot_domain.model.lean import weigh
from tarot_domain.model.readings import FollowUp, Reading
from tarot_domain.model.safety import SafetyKind, pointer_for

ROLES_FOR_SHAPE: Mapping[str, frozenset[Role]] = {
    "when": frozenset({Role.NEAR_FUTURE, Role.OUTCOME, Role.DAY, Role.MONTH, Role.OPPORTUNITY}),
    "should": frozenset({Role.ADVICE, Role.OUTCOME, Role.STRENGTH, Role.CROWN}),
    "closed": frozenset({Role.ANSWER, Role.OUTCOME, Role.PRESENT, Role.NEAR_FUTURE}),
    "what": frozenset(
        {Role.FOUNDATION, Role.PAST, Role.RECENT_PAST, Role.CHALLENGE, Role.HIDDEN, Role.PRESENT}
    ),
    "open": frozenset({Role.PRESENT, Role.THEME, Role.SELF, Role.CROWN}),
}
PEOPLE_ROLES = frozenset({Role.OTHER, Role.BETWEEN, Role.ENVIRONMENT, Role.SELF})


def _score(card: Placed, asked: Asked, earlier_text: str) -> tuple[float, int]:
    score = 0.0
    if card.role in ROLES_FOR_SHAPE.get(asked.shape or "open", frozenset()):
        score += 3
    if asked.person is not None and card.role in PEOPLE_ROLES:
        score += 2
    if asked.topic and card.role in (Role.PRESENT, Role.OUTCOME, Role.ANSWER, Role.THEME):
        score += 1
    if card.card.is_major:
        score += 0.5
    name = card.knowledge.name
    if any(form in earlier_text for form in {name.form(case) for case in ("nom", "gen", "acc", "ins")}):
        score -= 1.5  # an earlier follow-up already leaned on this card: a new angle first
    return score, -card.index


def _fresh_text(w: Writer, card: Placed, asked: Asked) -> str:
    readings = [f"topic:{asked.topic}"] if asked.topic in TOPICS else []
    readings += [card.reading, "core", *ASPECTS]
    for reading in readings:
        text = card.text(reading)
        if text not in w.said and reading != "person":
            w.said.add(text)
            return text
    return card.text()


def compose_follow_up(
    reading: Reading, earlier: Sequence[FollowUp], question: str, safety: SafetyKind | None = None
) -> list[str]:
    """An answer to a further question about `reading`, as chunks."""
    w = Writer(
        reading.spread_id,
        reading.deck_id,
        reading.language,
        reading.question,
        reading.cards,
        reading.answers,
        safety=safety,
        salt=("follow-up", question.strip(), len(earlier)),
    )
    asked = ask(question, w.language)
    told = "\n".join([reading.interpretation.text, *(f.interpretation.text for f in earlier)])
    for card in w.placed:
        for reading_name in ("core", *ASPECTS, *(f"topic:{t}" for t in TOPICS)):
            text = card.text(reading_name)
            if text in told or lower_first(text) in told:  # a frame may have continued into it
                w.said.add(text)
    earlier_text = "\n".join(f.interpretation.text for f in earlier)
    ranked = sorted(w.placed, key=lambda c: _score(c, asked, earlier_text), reverse=True)
    count = 1 if len(w.placed) == 1 else 2
    chosen = ranked[:count]
    chunks: list[str] = []
    lead = chosen[0]
    if not asked.shape:
        chunks.append(w.say("fu.empty", a=lead.named, t=_fresh_text(w, lead, asked)))
    else:
        if asked.person is not None or asked.topic:  # "And my love life?": named back as the new matter
            w.matter = matter(asked, w.phrasing, asked.topic, w.spread.id)
        chunks.append(w.say("fu.open", a=lead.named, t=_fresh_text(w, lead, asked)))
    for card in chosen[1:]:
        chunks.append(w.say("fu.more", a=card.named, t=_fresh_text(w, card, asked)))
    if safety is None and (asked.closed or reading.spread_id == "yes-no"):
        lean = weigh(w.spread, w.deck_id, reading.cards)
        w.lean = lean
        decisive = next(c for c in w.placed if c.position_id == lean.decisive.position_id)
        chunks.append(w.say("fu.lean", verdict=verdict(w), d=decisive.named))
    chunks.append(w.say("fu.close"))
    if safety is None:
        return finish(w, chunks)
    return finish(w, [pointer_for(safety, w.language), *chunks], kept=1)
