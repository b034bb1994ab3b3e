"""What dominates a spread, said only when it truly does, and as meaning for this question.

- a suit with a clear majority for the spread's size (all three of three, three of four or five, half of
  up to ten, two in five of a larger spread, and two clear of the next suit);
- a suit missing from a large spread (ten cards or more), the one that matters most for the topic;
- Major Arcana when they are most of the spread;
- a number repeated three times or more;
- reversed cards when they are most of a spread of four or more;
- court cards: two or more as people in the matter, or one outside a person's place as a real person.
Never a bare count: shares are words ("half the spread", "three Fives"). `lead` is said at the start of
the body, `notes` before the closing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from adapters.offline.placed import Placed
from adapters.offline.writer import Writer
from tarot_domain.content.structure.roles import Role

SUITS = ("wands", "cups", "swords", "pentacles")
PERSON_ROLES = frozenset({Role.SELF, Role.OTHER, Role.ENVIRONMENT})
MISSING_FIRST: Mapping[str, tuple[str, ...]] = {
    "love": ("cups", "wands", "swords", "pentacles"),
    "work": ("pentacles", "wands", "swords", "cups"),
    "money": ("pentacles", "swords", "wands", "cups"),
    "study": ("swords", "wands", "pentacles", "cups"),
    "home": ("cups", "pentacles", "wands", "swords"),
    "wellbeing": ("pentacles", "cups", "wands", "swords"),
    "spirit": ("cups", "wands", "swords", "pentacles"),
}


def _suit_majority(cards: tuple[Placed, ...]) -> tuple[str, str] | None:
    """(suit, share word) when one suit clearly leads the spread."""
    n = len(cards)
    counts = Counter(c.suit for c in cards if c.suit is not None)
    if not counts or n < 3:
        return None
    ranked = counts.most_common()
    suit, k = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n == 3:
        clear = k == 3
    elif n <= 5:
        clear = k >= 3
    elif n <= 10:
        clear = k * 2 >= n and k >= 4
    else:
        clear = k * 5 >= n * 2
    if not clear or k < second + 2:
        return None
    share = "all" if k == n else "most" if k * 2 > n else "half" if k * 2 == n else "many"
    return suit, share


def lead(w: Writer) -> str:
    """The sentence that opens the body: a leading suit, else a spread of Major Arcana."""
    cards = w.placed
    majority = _suit_majority(cards)
    if majority is not None:
        suit, share = majority
        return w.say(f"dom.suit.{suit}", share=w.word(f"share.{share}"), **w.suit(suit))
    majors = [c for c in cards if c.card.is_major]
    if len(cards) >= 3 and len(majors) * 2 > len(cards):
        return w.say("dom.majors", a=majors[0].named)
    return ""


def notes(w: Writer) -> list[str]:
    """What else dominates, said before the closing (at most two, one for a small spread)."""
    cards = w.placed
    n = len(cards)
    found: list[str] = []
    present = {c.suit for c in cards if c.suit is not None}
    if n >= 10 and len(present) < 4 and sum(1 for c in cards if c.suit) >= 6:
        order = MISSING_FIRST.get(w.topic or "", SUITS)
        missing = next(s for s in order if s not in present)
        found.append(w.say(f"dom.missing.{missing}", **w.suit(missing)))
    ranks = Counter(c.card.rank for c in cards if c.card.is_pip)
    repeated = [(rank, k) for rank, k in ranks.items() if k >= 3]
    if repeated:
        rank, k = max(repeated, key=lambda item: (item[1], -item[0]))
        found.append(
            w.say(
                "dom.number",
                cards=w.word(f"count.{k}", kind=w.word(f"rank-plural.{rank}")),
                theme=w.word(f"number-theme.{rank}"),
            )
        )
    reversed_ = sum(1 for c in cards if c.reversed)
    if n >= 4 and reversed_ * 2 > n:
        found.append(w.say("dom.reversed"))
    courts = [c for c in cards if c.card.is_court]
    if n >= 4 and len(courts) >= 2:
        crowd = len(courts) >= 4 or len(courts) * 2 > n
        found.append(
            w.say("dom.courts.many" if crowd else "dom.courts", a=courts[0].named, b=courts[1].named)
        )
    elif n >= 3 and courts and courts[0].role not in PERSON_ROLES and courts[0].reading != "person":
        court = courts[0]
        person = court.face.person
        if person not in w.said:
            w.said.add(person)
            found.append(w.say("dom.court", a=court.named, t=person))
    return found[: 1 if n <= 10 else 2]
