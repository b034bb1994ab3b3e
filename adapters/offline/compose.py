"""The offline reading, composed from the card knowledge (`model.knowledge`): pure functions, no I/O.

`compose_reading` and `compose_follow_up` return the text as a list of chunks (a section heading travels
with its first paragraph); joined with blank lines they are the whole reading. Every choice between
phrasings is made by `Chooser`, a hash of the request, so the same request always gives the same text
while different requests read differently.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from adapters.offline.phrases import CAUTION_TOPICS, INTENTS, TABLES, Phrases, phrases_for
from tarot_domain.content import registry
from tarot_domain.content.schema import Face
from tarot_domain.model.cards import Card, Suit
from tarot_domain.model.decks import DEFAULT_DECK_ID, Deck, get_deck
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.knowledge import CardKnowledge, card_knowledge, pair_text
from tarot_domain.model.localized import pick
from tarot_domain.model.question import analyse
from tarot_domain.model.readings import FollowUp, QuestionnaireAnswer, Reading
from tarot_domain.model.safety import SafetyKind, pointer_for, texts_for
from tarot_domain.model.spreads import Position, Role, Spread, get_spread
from tarot_ports.interpreter import InterpretationRequest

T = TypeVar("T")

YES_NO_SPREAD_ID = "yes-no"

# --- what each position asks of its card ------------------------------------------------------------
# Which position has which role is structure (`tarot_domain.content.structure.spreads`); here each role
# only picks the family of bridge sentences the phrase tables hold for it.

BRIDGE_OF_ROLE: Mapping[Role, str] = MappingProxyType(
    {
        Role.PRESENT: "core", Role.THEME: "core", Role.BETWEEN: "core",
        Role.PAST: "past", Role.RECENT_PAST: "past",
        Role.NEAR_FUTURE: "future", Role.OUTCOME: "future",
        Role.CHALLENGE: "obstacle", Role.WOUND: "obstacle", Role.FEAR: "obstacle", Role.SHADOW: "obstacle",
        Role.STRENGTH: "support", Role.OPPORTUNITY: "support",
        Role.ADVICE: "advice",
        Role.FOUNDATION: "hidden", Role.HIDDEN: "hidden",
        Role.CROWN: "aspiration", Role.DESIRE: "aspiration", Role.HOPES_FEARS: "aspiration",
        Role.CALLING: "aspiration",
        Role.SELF: "self",
        Role.OTHER: "others", Role.ENVIRONMENT: "others",
        Role.LESSON: "lesson",
        Role.ANSWER: "answer",
        Role.DAY: "time", Role.MONTH: "time", Role.STAGE: "time",
    }
)  # fmt: skip


def role_of(position: Position | None) -> str:
    """The bridge family for a position's role (a card on a position the spread no longer has: `core`)."""
    return "core" if position is None else BRIDGE_OF_ROLE[position.role]


# A few cards whose upright "yes" is hard-won, and a few whose reversed "no" is gentle.
HEAVY_CARDS: frozenset[str] = frozenset(
    {
        "major-12-hanged-man", "major-13-death", "major-15-devil", "major-16-tower", "major-18-moon",
        "swords-three", "swords-five", "swords-seven", "swords-eight", "swords-nine", "swords-ten",
        "pentacles-five", "cups-five", "wands-ten", "wands-five",
    }
)  # fmt: skip
BRIGHT_CARDS: frozenset[str] = frozenset(
    {
        "major-19-sun", "major-17-star", "major-21-world", "major-03-empress", "major-14-temperance",
        "cups-ace", "cups-two", "cups-nine", "cups-ten", "cups-six", "wands-six", "wands-four",
        "pentacles-ace", "pentacles-nine", "pentacles-ten",
    }
)  # fmt: skip

INVERTED_CARDS: frozenset[str] = frozenset(
    {
        "major-15-devil", "major-18-moon", "cups-four", "cups-five", "cups-seven", "swords-two",
        "swords-three", "swords-five", "swords-seven", "swords-eight", "swords-nine", "swords-ten",
        "pentacles-five", "wands-five", "wands-ten",
    }
)  # fmt: skip
"""Cards whose upright side is the hard one and whose reversed side is relief (the Devil reversed is
breaking free), so a bridge sentence follows the meaning rather than the orientation."""


def is_difficult(card_id: str, reversed_: bool) -> bool:
    """Whether the card, lying this way up, speaks of something hard (most cards: when reversed)."""
    return reversed_ != (card_id in INVERTED_CARDS)


INTENT_ROLES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "future": frozenset({"future", "time", "aspiration"}),
        "cause": frozenset({"past", "hidden", "lesson"}),
        "advice": frozenset({"advice", "support", "self"}),
        "people": frozenset({"others", "self"}),
        "obstacle": frozenset({"obstacle", "hidden"}),
        "feelings": frozenset({"core", "self", "others", "aspiration"}),
    }
)

TOPIC_SUITS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "love": frozenset({"cups"}),
        "work": frozenset({"pentacles", "wands"}),
        "money": frozenset({"pentacles"}),
        "wellbeing": frozenset({"pentacles"}),
        "home": frozenset({"cups", "pentacles"}),
        "study": frozenset({"swords"}),
        "spirit": frozenset({"cups"}),
    }
)

LENS_OF_INTENT: Mapping[str, int] = MappingProxyType(
    {"future": 0, "cause": 2, "advice": 1, "people": 0, "obstacle": 2, "feelings": 0}
)
"""Which part of a card's knowledge answers a follow-up first: 0 its core, 1 the action it asks for, 2 its
shadow, 3 the card the other way up."""

_SUPPORTING = (frozenset({"fire", "air"}), frozenset({"water", "earth"}))
_TENSE = (frozenset({"fire", "water"}), frozenset({"air", "earth"}))


# --- small text tools -----------------------------------------------------------------------------------


class Chooser:
    """Deterministic choices from a seed: the same seed and key always give the same pick."""

    def __init__(self, *parts: object) -> None:
        self._seed = hashlib.sha256("\x1f".join(repr(part) for part in parts).encode()).digest()
        self._turns: dict[str, int] = {}

    def number(self, key: str) -> int:
        return int.from_bytes(hashlib.sha256(self._seed + key.encode()).digest()[:8], "big")

    def pick(self, key: str, options: Sequence[T]) -> T:
        return options[self.number(key) % len(options)]

    def rotate(self, key: str, options: Sequence[T]) -> T:
        """Successive calls with one key walk through `options` from a seeded start, so neighbours differ."""
        turn = self._turns.get(key, 0)
        self._turns[key] = turn + 1
        return options[(self.number(key) + turn) % len(options)]


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_WORD = re.compile(r"[\w'’]+")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def tokens(text: str) -> list[str]:
    return [word.replace("’", "'") for word in _WORD.findall(text.lower())]


def words_match(a: str, b: str) -> bool:
    """A crude stem match that copes with English and Ukrainian endings: a shared 4–5 letter start."""
    if len(a) < 4 or len(b) < 4:
        return a == b
    n = min(len(a), len(b), 5)
    return a[:n] == b[:n]


def stem_hits(word: str, stem: str) -> bool:
    """Whether `word` is a form of the intent `stem` (short stems only allow short endings)."""
    stem = stem.replace("’", "'")
    if len(stem) <= 3:
        return word.startswith(stem) and len(word) <= len(stem) + 2
    return word.startswith(stem)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def join_list(items: Sequence[str], and_: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + and_ + items[-1]


def quoted_question(p: Phrases, question: str) -> str:
    ending = "" if question.endswith((".", "?", "!", "…")) else "."
    return p.quote.format(question) + ending


def main_topic(question: str, language: str) -> str | None:
    """The question's strongest topic (`tarot_domain.model.question`), or None when none is clear."""
    topics = analyse(question, language).topics
    return topics[0] if topics else None


def detect_intents(question: str) -> set[str]:
    words = tokens(question)
    padded = " " + " ".join(words) + " "
    found: set[str] = set()
    for intent in INTENTS:
        for table in TABLES.values():
            for stem in table.intent_stems.get(intent, ()):
                if " " in stem.strip() or stem.endswith(" "):
                    if " " + stem.strip() + " " in padded:
                        found.add(intent)
                elif any(stem_hits(word, stem) if len(stem) > 3 else word == stem for word in words):
                    found.add(intent)
    return found


# --- the cards in their places --------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """One drawn card in its position, with everything the composer says about it."""

    index: int
    position_id: str
    position_name: str
    position_meaning: str
    role: str
    knowledge: CardKnowledge
    reversed: bool
    name: str
    label: str
    alias: str | None

    @property
    def card(self) -> Card:
        return self.knowledge.card

    @property
    def face(self) -> Face:
        """What the card says lying as it does, in the reading's deck."""
        return self.knowledge.face(self.reversed)

    @property
    def suit(self) -> str | None:
        return None if self.card.suit is None else self.card.suit.value

    @property
    def element(self) -> str:
        return self.card.element.value


def place_cards(spread: Spread, deck: Deck, cards: Sequence[DrawnCard], language: str) -> tuple[Placed, ...]:
    """The drawn cards in the spread's order (cards for unknown positions go last, in draw order)."""
    order = {position.id: index for index, position in enumerate(spread.positions)}
    ranked = sorted(enumerate(cards), key=lambda item: (order.get(item[1].position_id, len(order)), item[0]))
    placed: list[Placed] = []
    for number, (_, drawn) in enumerate(ranked, start=1):
        knowledge = card_knowledge(drawn.card_id, deck.id, language)
        card = knowledge.card
        position: Position | None = None
        if drawn.position_id in order:
            position = spread.position(drawn.position_id)
            position_name = pick(position.name, language)
            position_meaning = pick(position.meaning, language)
        else:
            position_name = drawn.position_id.replace("-", " ").capitalize()
            position_meaning = ""
        name = knowledge.display_name
        alias = (
            knowledge.canonical_display_name
            if knowledge.renamed and (card.is_major or card.is_court)
            else None
        )
        placed.append(
            Placed(
                index=number,
                position_id=drawn.position_id,
                position_name=position_name,
                position_meaning=position_meaning,
                role=role_of(position),
                knowledge=knowledge,
                reversed=drawn.reversed,
                name=name,
                label=knowledge.label,
                alias=alias,
            )
        )
    return tuple(placed)


def _deck(deck_id: str) -> Deck:
    return get_deck(deck_id or DEFAULT_DECK_ID)


def _language(language: str) -> str:
    """The reading's language when the registry has its pack and a phrase table exists, else English."""
    return language if language in TABLES and registry.is_language(language) else registry.FALLBACK


# --- the reading ----------------------------------------------------------------------------------------


class _Reading:
    """Writes one reading; holds the request's phrases, chooser and placed cards."""

    def __init__(self, request: InterpretationRequest) -> None:
        self.language = _language(request.language)
        self.p = phrases_for(self.language)
        self.spread = get_spread(request.spread_id)
        self.deck = _deck(request.deck_id)
        self.question = request.question.strip()
        self.answers = request.answers
        self.placed = place_cards(self.spread, self.deck, request.cards, self.language)
        if not self.placed:
            raise ValueError("a reading needs at least one card")
        self.choose = Chooser(
            "reading",
            request.spread_id,
            request.deck_id,
            self.language,
            self.question,
            tuple((c.position_id, c.card_id, c.reversed) for c in request.cards),
            tuple((a.item_id, a.answer) for a in request.answers),
        )
        self.topic = main_topic(self.question, self.language) if self.question else None
        self.is_yes_no = self.spread.id == YES_NO_SPREAD_ID or any(c.role == "answer" for c in self.placed)
        self.is_day = not self.question and len(self.placed) == 1 and not self.is_yes_no
        self.safety = request.safety  # framed: the pointer first, no lean, no caution line twice
        self.advice_card = self._advice_card()

    # -- helpers --

    def card(self, placed: Placed) -> str:
        return self.p.card_ref.format(placed.name)

    def position(self, placed: Placed) -> str:
        return self.p.position_ref.format(placed.position_name)

    def orientation(self, placed: Placed) -> str:
        return self.p.reversed_ if placed.reversed else self.p.upright

    def orientation_tag(self, placed: Placed) -> str:
        return self.p.reversed_tag if placed.reversed else self.p.upright_tag

    def keywords(self, placed: Placed, *, reversed_: bool | None = None, rest: bool = False) -> str:
        """Two of the card's keywords: the first and one more; with `rest`, two of the others instead."""
        flipped = placed.reversed if reversed_ is None else reversed_
        words = placed.knowledge.face(flipped).keywords
        if len(words) <= 1:
            return "".join(words)
        other = 1 + self.choose.number(f"kw:{placed.card.id}:{flipped}") % (len(words) - 1)
        if rest and len(words) >= 3:
            remaining = [w for i, w in enumerate(words) if i not in (0, other)]
            return self.p.and_.join(remaining[:2])
        return words[0] + self.p.and_ + words[other]

    def meaning(self, placed: Placed) -> list[str]:
        return sentences(placed.face.core)

    def suit_name(self, suit: str) -> str:
        return pick(self.deck.suit_names[Suit(suit)], self.language)

    def _advice_card(self) -> Placed:
        for role in ("advice", "future"):
            chosen = [c for c in self.placed if c.role == role]
            if chosen:
                return chosen[0] if role == "advice" else chosen[-1]
        return self.placed[-1]

    # -- sections --

    def compose(self) -> list[str]:
        chunks = [] if self.safety is None else [pointer_for(self.safety, self.language)]
        chunks.append(self.opening())
        chunks.extend(self.cards_section())
        if len(self.placed) > 1:
            chunks.append(self.combinations())
        if self.is_yes_no:
            chunks.append(self.yes_no())
        chunks.extend(self.whole_picture())
        chunks.append(self.closing())
        return chunks

    def opening(self) -> str:
        p = self.p
        parts: list[str] = []
        if self.is_day:
            parts.append(self.choose.pick("opening-day", p.opening_day))
        elif not self.question:
            parts.append(self.choose.pick("opening-open", p.opening_open))
        else:
            parts.append(
                self.choose.pick("opening", p.opening_question).format(
                    question=quoted_question(p, self.question)
                )
            )
            if self.topic is not None:
                parts.append(
                    self.choose.pick("topic", p.topic_intro).format(topic=p.topic_labels[self.topic])
                )
        count = p.count_cards(len(self.placed))
        if len(self.placed) == 1:
            parts.append(p.spread_intro_single.format(deck=pick(self.deck.name, self.language)))
            return " ".join(parts)
        parts.append(
            self.choose.pick("intro", p.spread_intro).format(
                count=count,
                count_cap=upper_first(count),
                deck=pick(self.deck.name, self.language),
                spread=p.quote.format(pick(self.spread.name, self.language)),
            )
        )
        return " ".join(parts)

    def cards_section(self) -> list[str]:
        single = len(self.placed) == 1
        heading = self.p.heading_card if single else self.p.heading_cards
        blocks = [self.card_block(placed, single=single) for placed in self.placed]
        blocks[0] = heading + "\n\n" + blocks[0]
        return blocks

    def card_block(self, placed: Placed, *, single: bool) -> str:
        p = self.p
        alias = "" if placed.alias is None else p.alias.format(name=placed.alias)
        template = p.card_line_single if single else p.card_line
        lines = [
            template.format(
                index=placed.index,
                position=placed.position_name,
                label=placed.label,
                orientation=self.orientation_tag(placed),
                alias=alias,
            )
        ]
        if placed.position_meaning and placed.role != "answer" and not self.is_day:
            lines.append(placed.position_meaning)
        hard = is_difficult(placed.card.id, placed.reversed)
        bridge = self.choose.rotate(f"bridge:{placed.role}:{hard}", p.bridges[placed.role, hard])
        if placed.role == "obstacle" and not hard and placed.card.id in BRIGHT_CARDS:
            bridge = p.bridge_bright_obstacle
        body = [bridge.format(kws=self.keywords(placed))]
        body.extend(self.meaning(placed))
        lines.append(" ".join(body))
        return "\n".join(lines)

    # -- combinations --

    def combinations(self) -> str:
        p = self.p
        items: list[str] = []
        covered: set[frozenset[int]] = set()
        limit = 4

        first, second = self.placed[0], self.placed[1]
        if first.position_id == "present" and second.position_id == "challenge":
            items.append(p.crossing.format(a=self.card(first), b=self.card(second)))

        for i, a in enumerate(self.placed):
            for b in self.placed[i + 1 :]:
                comment = pair_text(a.card.id, b.card.id, self.language)
                if comment is not None and len(items) < 3:
                    items.append(p.pair_line.format(a=self.card(a), b=self.card(b), comment=comment))
                    covered.add(frozenset({a.index, b.index}))

        by_rank: dict[str, list[Placed]] = {}
        for placed in self.placed:
            rank = placed.card.rank_name
            if rank is not None:
                by_rank.setdefault(rank, []).append(placed)
        for rank, group in by_rank.items():
            if len(group) >= 2:
                names = join_list([self.card(c) for c in group], p.and_)
                items.append(upper_first(p.same_rank.format(names=names, meaning=p.rank_meanings[rank])))

        majors = 0
        for a, b in zip(self.placed, self.placed[1:], strict=False):
            if a.card.is_major and b.card.is_major and frozenset({a.index, b.index}) not in covered:
                if majors < 2:
                    template = self.choose.rotate("majors-adjacent", p.majors_adjacent)
                    items.append(self._pair_text(template, a, b))
                    covered.add(frozenset({a.index, b.index}))
                majors += 1

        items.extend(self._elements(covered, limit=2 if len(self.placed) <= 5 else 3))
        items = items[:limit]
        if not items:
            items.append(p.combos_none)
        return p.heading_combos + "\n\n" + "\n\n".join(f"• {item}" for item in items)

    def _pair_text(self, template: str, a: Placed, b: Placed, **extra: str) -> str:
        return upper_first(
            template.format(a=self.card(a), b=self.card(b), pa=self.position(a), pb=self.position(b), **extra)
        )

    def _elements(self, covered: set[frozenset[int]], *, limit: int) -> list[str]:
        p = self.p
        tension: list[str] = []
        same: list[str] = []
        support: list[str] = []
        for a, b in zip(self.placed, self.placed[1:], strict=False):
            if frozenset({a.index, b.index}) in covered:
                continue
            pair = frozenset({a.element, b.element})
            if len(pair) == 1:
                template = self.choose.rotate("element-same", p.element_same)
                same.append(self._pair_text(template, a, b, element=p.element_names[a.element]))
            elif pair in _TENSE:
                template = self.choose.rotate(f"tension:{sorted(pair)}", p.element_tension[pair])
                tension.append(self._pair_text(template, a, b))
            elif pair in _SUPPORTING:
                template = self.choose.rotate(f"support:{sorted(pair)}", p.element_support[pair])
                support.append(self._pair_text(template, a, b))
        return (tension[:2] + same[:2] + support)[:limit]

    # -- yes or no --

    def leaning(self, placed: Placed) -> list[str]:
        p = self.p
        parts = [p.lean_no if placed.reversed else p.lean_yes]
        if placed.card.is_major:
            parts.append(p.lean_major)
        if placed.reversed:
            if placed.card.id in BRIGHT_CARDS or placed.card.id in INVERTED_CARDS:
                parts.append(p.lean_no_bright.format(card=self.card(placed)))
            else:
                parts.append(p.lean_no_plain.format(kws=self.keywords(placed, rest=True)))
        elif placed.card.id in HEAVY_CARDS:
            parts.append(p.lean_yes_heavy.format(card=self.card(placed)))
        else:
            parts.append(p.lean_yes_plain.format(kws=self.keywords(placed, rest=True)))
        return parts

    def yes_no(self) -> str:
        answer = next((c for c in self.placed if c.role == "answer"), self.placed[0])
        if self.safety is not None:  # the situation, never a yes or a no
            no_lean = texts_for(self.language).no_lean
            text = no_lean.format(card=self.card(answer), keywords=self.keywords(answer))
            return self.p.heading_yes_no + "\n\n" + text
        return self.p.heading_yes_no + "\n\n" + " ".join(self.leaning(answer))

    # -- the whole picture --

    def whole_picture(self) -> list[str]:
        paragraphs = [self._structure()]
        courts = self._courts()
        if courts:
            paragraphs.append(courts)
        answers = self._answers()
        if answers:
            paragraphs.append(answers)
        paragraphs[0] = self.p.heading_whole + "\n\n" + paragraphs[0]
        return paragraphs

    def _structure_single(self) -> str:
        p = self.p
        only = self.placed[0]
        parts = [p.major_single if only.card.is_major else p.minor_single]
        if only.suit is None:
            parts.append(
                p.major_element.format(
                    element=p.element_names[only.element], note=p.element_notes[only.element]
                )
            )
        else:
            parts.append(
                p.suit_single.format(suit=self.suit_name(only.suit), meaning=p.suit_meanings[only.suit])
            )
        if not self.is_yes_no:
            parts.append(p.reversal_single_rev if only.reversed else p.reversal_single_up)
        return " ".join(parts)

    def _structure(self) -> str:
        p = self.p
        n = len(self.placed)
        if n == 1:
            return self._structure_single()
        parts: list[str] = []
        suits = Counter(c.suit for c in self.placed if c.suit is not None)
        ranked = suits.most_common()
        needed = 2 if n <= 5 else 3
        if ranked and ranked[0][1] >= needed and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            suit = ranked[0][0]
            parts.append(
                p.suit_dominant.format(
                    suit=self.suit_name(suit), k=ranked[0][1], n=n, meaning=p.suit_meanings[suit]
                )
            )
        elif sum(suits.values()) >= 2:
            parts.append(p.suit_balanced)
        if n >= 7 and sum(suits.values()) >= 6:
            missing = [s for s in ("wands", "cups", "swords", "pentacles") if s not in suits]
            if missing:
                suit = self.choose.pick("missing", missing)
                parts.append(
                    p.suit_missing.format(suit=self.suit_name(suit), meaning=p.suit_missing_meanings[suit])
                )

        m = sum(1 for c in self.placed if c.card.is_major)
        if m == n:
            parts.append(p.majors_all)
        elif m * 2 >= n:
            parts.append(p.majors_many.format(m=m, n=n))
        elif m == 1:
            only = next(c for c in self.placed if c.card.is_major)
            parts.append(p.majors_one.format(card=self.card(only), position=self.position(only)))
        elif m:
            parts.append(p.majors_some.format(m=m, n=n))
        else:
            parts.append(p.majors_none)

        reversed_cards = [c for c in self.placed if c.reversed]
        r = len(reversed_cards)
        if r == 0:
            parts.append(p.reversals_none)
        elif r == 1:
            parts.append(p.reversals_one.format(positions=self.position(reversed_cards[0])))
        elif r * 2 >= n:
            parts.append(p.reversals_many.format(r=r, n=n))
        else:
            positions = join_list([self.position(c) for c in reversed_cards], p.and_)
            parts.append(p.reversals_few.format(r=r, n=n, positions=positions))
        return " ".join(upper_first(part) for part in parts)

    def _courts(self) -> str:
        p = self.p
        courts = [c for c in self.placed if c.card.is_court]
        if not courts:
            return ""
        parts: list[str] = []
        if len(courts) >= 3:
            parts.append(p.courts_many.format(c=len(courts)))
        shown = courts[:2]
        for court in shown:
            rank = court.card.rank_name or "page"
            suit = court.suit or "wands"
            parts.append(
                upper_first(
                    self.choose.rotate("court", p.court_line).format(
                        name=self.card(court), rank=p.court_ranks[rank], suit=p.court_suits[suit]
                    )
                )
            )
        parts.append(p.courts_role_one if len(shown) == 1 else p.courts_role_many)
        return " ".join(parts)

    def _answers(self) -> str:
        p = self.p
        items = {item.id: item for item in self.spread.questionnaire}
        parts: list[str] = []
        used: set[int] = set()
        for answer in self.answers:
            text = answer.answer.strip()
            item = items.get(answer.item_id)
            if not text or item is None:
                continue
            line = self.choose.rotate("answer-line", p.answer_line)
            parts.append(
                line.format(
                    prompt=p.quote.format(pick(item.prompt, self.language)), answer=p.quote.format(text)
                )
            )
            target = self._answer_target(answer, used)
            used.add(target.index)
            parts.append(
                upper_first(
                    self.choose.rotate("answer-link", p.answer_link).format(
                        card=self.card(target),
                        position=self.position(target),
                        kw=target.face.keywords[0],
                    )
                )
            )
        return " ".join(parts)

    def _answer_target(self, answer: QuestionnaireAnswer, used: set[int]) -> Placed:
        """The card an answer is read against: a position the answer names, the position the spread
        reserves for that question, else the card whose keywords share most words with the answer
        (preferring a card no earlier answer took, then a seeded pick)."""
        words = tokens(answer.answer)
        for placed in self.placed:  # the answer names a position ("an exam on Thursday")
            if any(words_match(w, n) for w in words for n in tokens(placed.position_name) if len(n) >= 4):
                return placed
        target = next((item.informs for item in self.spread.questionnaire if item.id == answer.item_id), None)
        for placed in self.placed:
            if placed.position_id == target:
                return placed
        return max(
            self.placed,
            key=lambda c: (
                _overlap(words, _card_words(c)),
                c.index not in used,
                self.choose.number(f"answer:{answer.item_id}:{c.index}"),
            ),
        )

    # -- closing --

    def closing(self) -> str:
        p = self.p
        advice = self.advice_card
        parts = [self.choose.pick("advice", p.advice_intro).format(card=self.card(advice))]
        parts.append(advice.face.action)
        if self.is_day:
            parts.append(self.choose.pick("day-step", p.day_step))
        elif len(self.placed) > 1:
            parts.append(p.steps[self._leading_element()])
        if self.topic in CAUTION_TOPICS and self.safety is None:
            parts.append(p.caution)
        parts.append(self.choose.pick("disclaimer", p.disclaimer))
        return p.heading_close + "\n\n" + " ".join(parts)

    def _leading_element(self) -> str:
        counts = Counter(c.element for c in self.placed)
        top = max(counts.values())
        for placed in self.placed:  # first card of the most common element, so ties follow the layout
            if counts[placed.element] == top:
                return placed.element
        return self.placed[0].element


def _card_words(placed: Placed) -> list[str]:
    words: list[str] = []
    for keyword in placed.face.keywords:
        words.extend(tokens(keyword))
    words.extend(tokens(placed.position_name))
    return words


def _overlap(words: Iterable[str], other: Sequence[str]) -> int:
    return sum(1 for w in words if len(w) >= 3 and any(words_match(w, o) for o in other))


def compose_reading(request: InterpretationRequest) -> list[str]:
    """The reading as chunks; "\\n\\n".join(chunks) is the full text."""
    return _Reading(request).compose()


# --- follow-up questions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scored:
    score: float
    placed: Placed
    matched: tuple[str, ...]


def _stopwords() -> frozenset[str]:
    return frozenset(word for table in TABLES.values() for word in table.stopwords)


def score_cards(
    placed: Sequence[Placed], question: str, earlier: Sequence[FollowUp], choose: Chooser, language: str
) -> list[_Scored]:
    """Every card scored for how directly it speaks to `question`, best first (deterministic)."""
    stop = _stopwords()
    words = [w for w in tokens(question) if len(w) >= 3 and w not in stop]
    intents = detect_intents(question)
    topic = main_topic(question, language)
    scored: list[_Scored] = []
    for card in placed:
        score = 0.0
        matched: list[str] = []
        for keyword in card.face.keywords:
            if any(words_match(w, k) for w in words for k in tokens(keyword)):
                matched.append(keyword)
                score += 3
        meaning_words = tokens(card.face.core)
        score += min(3, _overlap(words, meaning_words))
        score += 2 * _overlap(words, tokens(card.position_name))
        score += min(2, _overlap(words, tokens(card.position_meaning)))
        score += sum(2 for intent in intents if card.role in INTENT_ROLES[intent])
        if topic is not None and card.suit in TOPIC_SUITS[topic]:
            score += 1.5
        if card.card.is_major:
            score += 0.5
        score -= 2 * sum(1 for f in earlier if card.name in f.interpretation.text)
        score += (choose.number(f"tie:{card.index}") % 1000) / 10000
        scored.append(_Scored(score, card, tuple(matched)))
    return sorted(scored, key=lambda s: (-s.score, s.placed.index))


def _lens_pieces(helper: _Reading, card: Placed, start: int, said: Sequence[str]) -> list[str]:
    """What can be said about `card`, starting from lens `start` (see LENS_OF_INTENT), with anything
    already said in earlier answers moved to the back so a new question gets a new angle."""
    face = card.face
    flip = helper.p.fu_flip.format(kws=helper.keywords(card, reversed_=not card.reversed))
    by_lens = [face.core, face.action, face.shadow, flip]
    ordered = [by_lens[(start + i) % len(by_lens)] for i in range(len(by_lens))]
    unique = list(dict.fromkeys(ordered))
    fresh = [piece for piece in unique if not any(piece in earlier for earlier in said)]
    return fresh + [piece for piece in unique if piece not in fresh]


def compose_follow_up(
    reading: Reading, earlier: Sequence[FollowUp], question: str, safety: SafetyKind | None = None
) -> list[str]:
    """An answer to a further question about `reading`, as chunks (framed like a reading when
    `safety` is set: the pointer first, no lean)."""
    language = _language(reading.language)
    p = phrases_for(language)
    question = question.strip()
    choose = Chooser(
        "follow-up",
        reading.spread_id,
        reading.deck_id,
        language,
        reading.question,
        tuple((c.position_id, c.card_id, c.reversed) for c in reading.cards),
        question,
        len(earlier),
    )
    helper = _Reading(
        InterpretationRequest(
            spread_id=reading.spread_id,
            deck_id=reading.deck_id,
            language=language,
            question=reading.question,
            cards=reading.cards,
            answers=reading.answers,
        )
    )
    helper.choose = choose
    placed = helper.placed

    scored = score_cards(placed, question, earlier, choose, language)
    intents = [intent for intent in INTENTS if intent in detect_intents(question)]
    base_lens = LENS_OF_INTENT[intents[0]] if intents else choose.number("lens") % 4
    count = 1 if len(placed) == 1 else 2 if len(placed) <= 5 else 3
    chosen = scored[:count]

    if question:
        opening = choose.pick("fu-opening", p.fu_opening).format(question=quoted_question(p, question))
    else:
        opening = p.fu_opening_empty
    chunks = [opening] if safety is None else [pointer_for(safety, language), opening]
    said = [f.interpretation.text for f in earlier]

    for rank, item in enumerate(chosen):
        card = item.placed
        if rank == 0:
            template = choose.pick("fu-lead", p.fu_lead)
        elif rank == len(chosen) - 1 and rank > 1:
            template = choose.pick("fu-last", p.fu_last)
        else:
            template = choose.pick("fu-more", p.fu_more)
        parts = [
            upper_first(
                template.format(
                    card=helper.card(card),
                    orientation=helper.orientation(card),
                    position=helper.position(card),
                )
            )
        ]
        if item.matched:
            parts.append(p.fu_matched.format(words=join_list(list(item.matched[:2]), p.and_)))
        elif card.position_meaning and card.role != "answer":
            parts.append(
                choose.rotate("fu-position", p.fu_position).format(
                    meaning=card.position_meaning, meaning_lc=lower_first(card.position_meaning)
                )
            )
        wanted = 2 if len(chosen) == 1 else 1
        for piece in _lens_pieces(helper, card, base_lens + rank, said)[:wanted]:
            parts.append(piece)
            said.append(piece)
        if safety is not None and (card.role == "answer" or reading.spread_id == YES_NO_SPREAD_ID):
            parts.append(texts_for(language).no_lean_follow_up)
        elif card.role == "answer" or (reading.spread_id == YES_NO_SPREAD_ID and rank == 0):
            parts.append(p.fu_leaning)
            parts.append(p.lean_no if card.reversed else p.lean_yes)
        chunks.append(" ".join(parts))

    chunks.append(choose.pick("fu-close", p.fu_close))
    return chunks
