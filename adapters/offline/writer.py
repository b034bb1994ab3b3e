"""One reading being written: the request read once (question, cards, lean, language), and the helpers every
part of the reading writes with (frames, card sentences, what has been said)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from adapters.offline.asked import Asked, ask, matter, person_matter
from adapters.offline.placed import Placed, informed, place_cards
from adapters.offline.voice import Chooser, Named, Slot, Voice, lower_first
from tarot_domain.content import registry
from tarot_domain.content.phrasing import Phrasing
from tarot_domain.content.structure.roles import Role
from tarot_domain.model.cards import Suit
from tarot_domain.model.decks import DEFAULT_DECK_ID, deck_ids, get_deck
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.lean import LeanReading, lean_for
from tarot_domain.model.localized import pick
from tarot_domain.model.readings import QuestionnaireAnswer
from tarot_domain.model.safety import SafetyKind
from tarot_domain.model.spreads import Spread, get_spread

SPREAD_TOPIC: Mapping[str, str] = {"career": "work", "relationship": "love"}
"""The topic a spread is about when the question names none."""

ANSWERS_SET_TOPIC = frozenset({"week-ahead", "month-ahead", "year-ahead"})
"""Spreads over a stretch of time, whose questionnaire says what the asker wants from it: when the
question names no topic, the first answer that does sets it for every position. (The life path reads
each position against its own topic, so one answer does not narrow it.)"""

POSITION_READING: Mapping[str, Mapping[str, str]] = {
    "life-path": {
        "calling": "topic:work",
        "purpose": "topic:spirit",
        "relationships": "topic:love",
        "turning-point": "core",
        "souls-path": "lesson",
    },
}
"""Where a spread reads a position against its role's default, so two positions with one role (the
life path's calling and purpose) say different things."""


def _settle(template: str, slots: Mapping[str, Slot]) -> str:
    """A frame that hands over to a text after a colon or a dash, made to start a new sentence instead
    when the text has a colon or a dash of its own (never two in a row). One exception keeps the
    sentence whole: a text with a colon and no dash, after a frame with no dash of its own, is handed
    over with a dash, so a frame whose verb needs an object ("X adds: …", "X may mean: …") keeps it."""
    for key, value in slots.items():
        if not isinstance(value, str) or not (":" in value or " — " in value):
            continue
        colon = f": {{{key}:lc}}"
        if colon in template and "—" not in value and "—" not in template.replace(colon, ""):
            template = template.replace(colon, f" — {{{key}:lc}}")
            continue
        for joint in (": ", " — "):
            template = template.replace(f"{joint}{{{key}:lc}}", f". {{{key}}}")
    return template


def _answers_topic(answers: Sequence[QuestionnaireAnswer], language: str) -> str | None:
    """The topic of the first answer that names one: "What will 2027 bring?" names none, but an
    intention of "a new job and a move to Lviv" makes the whole year a reading about work."""
    for answer in answers:
        topics = ask(" ".join(answer.answer.split()), language).topics if answer.answer.strip() else ()
        if topics:
            return topics[0]
    return None


def _echoes(frame: str, focus: str) -> bool:
    """Whether the words a frame puts before `{f}` come back in the focus."""
    before = frame.split("{f}", 1)[0] if "{f}" in frame else ""
    stems = {word[:5].lower() for word in before.replace(",", " ").split() if len(word) >= 4}
    return any(word[:5].lower() in stems for word in focus.replace(",", " ").split() if len(word) >= 4)


def language_of(code: str) -> str:
    """The reading's language: the request's when its pack has composer tables, else English."""
    return code if registry.is_language(code) and registry.phrasing(code) is not None else registry.FALLBACK


class Writer:
    """Holds one reading's request, read once, and writes its sentences."""

    def __init__(
        self,
        spread_id: str,
        deck_id: str,
        language: str,
        question: str,
        cards: Sequence[DrawnCard],
        answers: Sequence[QuestionnaireAnswer] = (),
        *,
        safety: SafetyKind | None = None,
        salt: object = "reading",
    ) -> None:
        self.language = language_of(language)
        phrasing = registry.phrasing(self.language)
        if phrasing is None:
            raise RuntimeError("the English pack has no composer tables")
        self.phrasing: Phrasing = phrasing
        self.spread: Spread = get_spread(spread_id)
        self.deck_id = get_deck(deck_id or DEFAULT_DECK_ID).id
        self.asked: Asked = ask(question, self.language)
        self.safety = safety
        self.framed = safety is not None
        self.topic = self.asked.topic or SPREAD_TOPIC.get(self.spread.id)
        if self.topic is None and self.spread.id in ANSWERS_SET_TOPIC:
            self.topic = _answers_topic(answers, self.language)
        self.choose = Chooser(
            salt,
            spread_id,
            self.language,
            question.strip(),
            tuple((c.position_id, c.card_id, c.reversed) for c in cards),
            tuple((a.item_id, a.answer) for a in answers),
            offset=deck_ids().index(self.deck_id),
        )
        self.voice = Voice(self.language, self.phrasing)
        placed = place_cards(self.spread, self.deck_id, cards, self.language, self.topic)
        if not placed:
            raise ValueError("a reading needs at least one card")
        self.placed: tuple[Placed, ...] = self._read_positions(placed, answers)
        self.lean: LeanReading | None = lean_for(
            self.spread, self.deck_id, cards, shape=self.asked.shape or None, framed=self.framed
        )
        person = self.asked.person
        named = None if person is None else person_matter(person, self.phrasing)
        named = named or self._answer_person()  # "Who is the other person to you?" "my boyfriend"
        self.about_person = named is not None
        self.matter: Named = named or matter(self.asked, self.phrasing, self.topic, self.spread.id)
        self.said: set[str] = set()
        self.read_early: set[str] = set()  # cards whose text the opening has already read
        self.brief = False  # a reading over its word budget, written again without the extras

    # -- the questionnaire ------------------------------------------------------------------------------

    def _read_positions(
        self, placed: tuple[Placed, ...], answers: Sequence[QuestionnaireAnswer]
    ) -> tuple[Placed, ...]:
        overrides = POSITION_READING.get(self.spread.id, {})
        cards = [
            replace(c, reading=overrides[c.position_id]) if c.position_id in overrides else c for c in placed
        ]
        self.loose_answers: list[tuple[str, str]] = []  # (item id, answer) read against the whole spread
        items = {item.id: item for item in self.spread.questionnaire}
        for answer in answers:
            text = " ".join(answer.answer.split())
            item = items.get(answer.item_id)
            if not text or item is None:
                continue
            target = item.informs or self._named_position(text, cards)
            found = ask(text, self.language)
            topics = found.topics
            own = SPREAD_TOPIC.get(self.spread.id)
            if own is not None and found.person is not None:  # "teacher" is the asker's job, not a person
                topics = (own,)
            strained = self._strained(text)
            for index, card in enumerate(cards):
                if card.position_id == target and not card.answer:
                    cards[index] = informed(card, text, topics, strained, answer.item_id)
                    break
            else:
                self.loose_answers.append((answer.item_id, text))
                if self.topic is None and found.topics:
                    self.topic = found.topics[0]
        return tuple(cards)

    def _answer_person(self) -> Named | None:
        """The other person as a questionnaire answer names them ("my boyfriend"), if it does."""
        for card in self.placed:
            if card.answer and card.role is Role.OTHER:
                person = ask(card.answer, self.language).person
                found = None if person is None else person_matter(person, self.phrasing)
                if found is not None:
                    return found
        return None

    def _named_position(self, text: str, cards: Sequence[Placed]) -> str | None:
        """The position an answer names ("an exam on Thursday" → Thursday), if any."""
        words = {w.strip(".,;:!?«»\"'").lower() for w in text.split()}
        for card in cards:
            name = card.position_name(self.language).lower()
            if len(name) >= 4 and any(w[:5] == name[:5] and len(w) >= 4 for w in words):
                return card.position_id
        return None

    def _strained(self, text: str) -> bool:
        low = text.lower()
        return any(stem in low for stem in self.phrasing.cues.get("difficulty", ()))

    # -- sentences --------------------------------------------------------------------------------------

    def has(self, family: str) -> bool:
        return bool(self.phrasing.frames.get(family))

    def frame(self, *families: str, echo: str = "") -> str:
        """A fresh variant of the first family the pack writes; with `echo` (the focus the frame will
        quote), not one whose own words before it repeat the focus's ("You want to know what you need
        to know"), unless every variant would."""
        for family in families:
            options = self.phrasing.frames.get(family)
            if options:
                quiet = [o for o in options if not _echoes(o, echo)] if echo else list(options)
                return self.choose.fresh(family, quiet or options)
        raise KeyError(f"{self.language} composer tables lack {families[0]!r}")

    def say(self, families: str | Sequence[str], **slots: Slot) -> str:
        names = (families,) if isinstance(families, str) else tuple(families)
        focus = slots.get("f")
        frame = self.frame(*names, echo=focus if isinstance(focus, str) else "")
        return self.voice.fill(_settle(frame, slots), {"m": self.matter, **slots})

    def word(self, key: str, **slots: Slot) -> str:
        return self.voice.fill(self.phrasing.words.get(key, ""), {"m": self.matter, **slots})

    def text_of(self, card: Placed, *fallbacks: str) -> str:
        """The card's text for its place, or the first fallback reading not yet said, marked as said."""
        for reading in (card.reading, *fallbacks):
            text = card.text(reading)
            if text not in self.said:
                self.said.add(text)
                return text
        return card.text()

    def reading_text(self, card: Placed) -> str:
        """The card's text for its place, or, when that was said already (or kept for the closing), the
        next that fits the place: an advice card's lesson, not its core."""
        fallbacks = ("lesson", "gift") if card.role is Role.ADVICE else ("core", "lesson", "gift")
        return self.text_of(card, *fallbacks)

    def card_sentence(self, card: Placed, *, families: Sequence[str] = (), **slots: Slot) -> str:
        """One card read through its place: the answer that informs it, then its frame and text."""
        text = self.reading_text(card)
        own_frames = self.has(f"pos.{self.spread.id}.{card.position_id}")
        again = card.named.key in self.read_early and card.role not in (Role.DAY, Role.MONTH)
        again = again and not own_frames
        role = card.role.value if card.role is not None else "default"
        own = (f"again.{role}", "again") if again else self._families(card)
        sentence = self.say((*families, *own), a=card.named, t=text, **slots)
        return f"{self.answer_line(card)} {sentence}".strip()

    def _families(self, card: Placed) -> tuple[str, ...]:
        kind = "person" if card.reading == "person" else "role"
        role = card.role.value if card.role is not None else "default"
        return (f"pos.{self.spread.id}.{card.position_id}", f"{kind}.{role}", f"role.{role}", "role.default")

    def answer_line(self, card: Placed) -> str:
        """The questionnaire answer that informs `card`, quoted once, in its item's own frame."""
        if not card.answer:
            return ""
        families = (
            f"answer.{self.spread.id}.{card.answer_item}",
            f"loose.{self.spread.id}.{card.answer_item}",
        )
        return self.say((*families, "answer.any"), q=self.quote(card.answer))

    def quote(self, text: str) -> str:
        return self.phrasing.words.get("quote", "“{q}”").format(q=text.strip().rstrip(".!?…"))

    def where(self, card: Placed) -> str:
        """Where a card lies, as a short phrase ("in the outcome"); "" for the only card."""
        if len(self.placed) == 1:
            return ""
        if card.role in (Role.DAY, Role.MONTH):
            return self.word(f"on.{card.position_id}")
        if card.stage is not None:
            return self.word(f"in-week.{card.stage}")
        role = card.role.value if card.role is not None else "default"
        return self.word(f"where.{role}") or self.word("where.default")

    def keyword(self, card: Placed) -> str:
        words = card.face.keywords
        return lower_first(words[0]) if words else ""

    def position_label(self, card: Placed) -> str:
        return card.position_name(self.language)

    def suit(self, suit: str) -> dict[str, str]:
        """The suit as the deck names it: `suit` (a plural in the nominative: "Disks", «Диски») and
        `suit_gen` (Ukrainian «Дисків», the form the deck's card names use)."""
        deck_word = pick(get_deck(self.deck_id).suit_names[Suit(suit)], self.language)
        own = self.phrasing.words.get(f"suit.{self.deck_id}.{suit}") or self.phrasing.words.get(
            f"suit.{suit}"
        )
        nominative = own if self.voice.declines and own else deck_word
        return {"suit": nominative, "suit_gen": deck_word}
