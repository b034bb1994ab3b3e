"""The body of a reading: each card through its place, and the relations a reader looks for in the spread.

Each spread has its reading order and its pairs of positions read as one story (the Celtic Cross: the
present against the challenge, the foundation against the crown, the recent past into the near future,
you against your surroundings, hopes and fears as one card with two faces, the outcome against where you
stand). Meaningful pairs from the pair table are woven in where both cards have appeared (two at most).
Calendar spreads are in `calendars`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from adapters.offline.placed import Placed, at, by_role
from adapters.offline.writer import Writer
from tarot_domain.content.structure.roles import Role
from tarot_domain.model.knowledge import pair_text
from tarot_domain.model.markup import heading


def max_pairs(cards: int) -> int:
    """Pairs woven into a reading: one up to ten cards, two in the longer spreads."""
    return 1 if cards <= 10 else 2


@dataclass
class Para:
    """A paragraph being written, and the cards it has named."""

    sentences: list[str] = field(default_factory=list)
    cards: list[Placed] = field(default_factory=list)

    def add(self, sentence: str, *cards: Placed) -> None:
        if sentence:
            self.sentences.append(sentence)
        self.cards.extend(card for card in cards if card not in self.cards)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


class Body:
    """Collects a body's paragraphs and weaves in the pairs."""

    def __init__(self, w: Writer) -> None:
        self.w = w
        self.paragraphs: list[str] = []
        self.seen: list[Placed] = []
        self.pairs = 0

    def close(self, para: Para, title: str = "") -> None:
        if not para.sentences:
            return
        self.seen.extend(card for card in para.cards if card not in self.seen)
        pair = self._pair(para.cards)
        if pair:
            para.add(pair)
        text = para.text
        self.paragraphs.append(f"{heading(title)}\n{text}" if title else text)

    def _pair(self, new: Sequence[Placed]) -> str:
        if self.w.brief or self.pairs >= max_pairs(len(self.w.placed)):
            return ""
        for a in new:
            for b in self.seen:
                if a is b:
                    continue
                text = _pair_reading(self.w, a, b)
                if text and text not in self.w.said:
                    self.w.said.add(text)
                    self.pairs += 1
                    return self.w.say("pair", a=b.named, b=a.named, t=text)
        return ""


def _duo(w: Writer, family: str, a: Placed | None, b: Placed | None, para: Para) -> None:
    """Two positions read as one story (`family`), or each alone when one is missing; the questionnaire
    answers that inform them come first."""
    if a is not None and b is not None:
        para.add(w.answer_line(a))
        para.add(w.answer_line(b))
        para.add(w.say(family, a=a.named, ta=w.reading_text(a), b=b.named, tb=w.reading_text(b)), a, b)
        return
    for alone in (a, b):
        if alone is not None:
            para.add(w.card_sentence(alone), alone)


# --- spreads --------------------------------------------------------------------------------------------


def one_card(w: Writer, body: Body) -> None:
    card = w.placed[0]
    para = Para()
    if card.named.key in w.voice.introduced:  # the opening named it: the heading and its text suffice
        para.add(f"{w.answer_line(card)} {w.reading_text(card)}".strip(), card)
    else:
        para.add(w.card_sentence(card), card)
    lesson = card.face.lesson
    if lesson not in w.said and w.asked.text and not w.brief:
        w.said.add(lesson)
        para.add(w.say("single.lesson", a=card.named, t=lesson))
    body.close(para, card.knowledge.label)


def three(w: Writer, body: Body) -> None:
    past, present, future = (at(w.placed, p) for p in ("past", "present", "future"))
    para = Para()
    for card in (past, present, future):
        if card is not None:
            para.add(w.card_sentence(card), card)
    if past is not None and future is not None and not _paired(w, past, future):
        para.add(w.say(f"arc.{_trend(past, future)}", a=past.named, c=future.named))
    body.close(para)


def _paired(w: Writer, a: Placed, b: Placed) -> bool:
    """Whether the pair table speaks for these two: then its own text tells their story, not a trend."""
    return _pair_reading(w, a, b) is not None


def _pair_reading(w: Writer, a: Placed, b: Placed) -> str | None:
    """The pair table's text for two cards, when both came out upright: the table tells what the two
    mean together as they stand, and a reversed card turns that story round ("curiosity and diligence
    make a strong pair" said over a reversed Page of Swords, the careless message and the gossip)."""
    if a.reversed or b.reversed:
        return None
    return pair_text(a.card.id, b.card.id, w.language)


def _trend(before: Placed, after: Placed) -> str:
    if after.polarity > before.polarity:
        return "rise"
    if after.polarity < before.polarity:
        return "fall"
    return "light" if after.polarity > 0 else "dark" if after.polarity < 0 else "even"


def celtic(w: Writer, body: Body) -> None:

    def get(position: str) -> Placed | None:
        return at(w.placed, position)

    first = Para()
    _duo(w, "rel.cc.heart", get("present"), get("challenge"), first)
    _duo(w, "rel.cc.roots", get("foundation"), get("recent-past"), first)
    body.close(first)
    second = Para()
    _duo(w, "rel.cc.people", get("self"), get("environment"), second)
    hopes = get("hopes-fears")
    if hopes is not None:
        second.add(w.card_sentence(hopes), hopes)
    body.close(second)
    third = Para()
    _duo(w, "rel.cc.ahead", get("near-future"), get("crown"), third)
    outcome, self_card = get("outcome"), get("self")
    if outcome is not None:
        third.add(w.card_sentence(outcome), outcome)
        if (
            self_card is not None
            and outcome.polarity != self_card.polarity
            and not _paired(w, self_card, outcome)
        ):
            third.add(w.say(f"link.{_trend(self_card, outcome)}", a=self_card.named, b=outcome.named))
    body.close(third)


def relationship(w: Writer, body: Body) -> None:
    you, other, bond = at(w.placed, "you"), at(w.placed, "other"), at(w.placed, "bond")
    first = Para()
    family = "rel.rel.mirror.person" if w.about_person else "rel.rel.mirror"
    _duo(w, family, you, other, first)
    if bond is not None:
        first.add(w.card_sentence(bond), bond)
    body.close(first)
    second = Para()
    _duo(w, "rel.rel.road", at(w.placed, "challenge"), at(w.placed, "direction"), second)
    body.close(second)


def career(w: Writer, body: Body) -> None:
    standing, helps = at(w.placed, "standing"), at(w.placed, "helps")
    blocks, step = at(w.placed, "blocks"), at(w.placed, "next-step")
    first = Para()
    if standing is not None:
        first.add(w.card_sentence(standing), standing)
    _duo(w, "rel.career.scales", helps, blocks, first)
    if helps is not None and blocks is not None:
        first.add(w.say(f"scales.{_weigh(helps, blocks)}", a=helps.named, b=blocks.named))
    body.close(first)
    second = Para()
    if step is not None:
        second.add(w.card_sentence(step), step)
    body.close(second)


def _weigh(helps: Placed, blocks: Placed) -> str:
    """Whether what helps outweighs what blocks, by the cards' polarity."""
    margin = helps.polarity - blocks.polarity
    return "help" if margin >= 2 else "block" if margin <= -1 else "even"


LIFE_STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("roots", ("roots", "gifts", "wounds")),
    ("learning", ("lessons", "shadow", "strength")),
    ("heart", ("desire", "fear", "relationships")),
    ("calling", ("calling", "purpose", "souls-path")),
    ("ahead", ("turning-point", "guidance", "destination")),
)


def life_path(w: Writer, body: Body) -> None:
    for stage, positions in LIFE_STAGES:
        para = Para()
        for position in positions:
            card = at(w.placed, position)
            if card is not None:
                para.add(w.card_sentence(card), card)
        body.close(para, w.word(f"stage.{stage}"))


def in_order(w: Writer, body: Body) -> None:
    """Any other spread: the cards in order, three to a paragraph."""
    cards = list(w.placed)
    for start in range(0, len(cards), 3):
        para = Para()
        for card in cards[start : start + 3]:
            para.add(w.card_sentence(card), card)
        body.close(para)


def central_roles(w: Writer) -> list[Placed]:
    return by_role(w.placed, Role.PRESENT, Role.ANSWER, Role.OUTCOME, Role.ADVICE, Role.THEME)


Composer = Callable[[Writer, Body], None]

BODIES: dict[str, Composer] = {
    "single": one_card,
    "yes-no": one_card,
    "three": three,
    "celtic-cross": celtic,
    "relationship": relationship,
    "career": career,
    "life-path": life_path,
}
