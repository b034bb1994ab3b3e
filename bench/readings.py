"""How the offline readings read, measured: the targets of issue 17, as JSON.

Over the checked-in question corpus (`tests/data/questions/{en,uk}.tsv`), 100 readings per language, in
every spread and deck, each drawn from a seed (so a run is repeatable):
- (a) `same_cards_shared`: pairs of readings with the same cards and different questions; the share of
  one reading's sentences that the other has too, after masking the questions' own words (their
  `analysis.words`, the quoted question and the subjects we name back). Target at most 0.40.
- (b) `recurring_share`: of all sentence occurrences (masked likewise), the share whose sentence turns up
  in more than 5 % of the readings. Target under 0.15.
- (c) `yes_no`: 60 yes-no draws with reversals off: the share that is not "yes" (target at least 0.25)
  and every heavy card upright that came out "yes" (target none).
- (d) `deck_shared`: Thoth and Marseille readings of a Rider–Waite–Smith draw, the share of their
  sentences the Rider–Waite–Smith reading has too (target at most 0.5 each).
- (e) `subject_in_body`: the share of readings whose body (everything after the opening paragraph)
  takes up what the question is about: a person it names (any case form of how we name them back),
  else its topic in our words, else its focus. Target 1.0.
- (f) `words`: single card max (≤ 150), three cards max (≤ 300), Celtic Cross median (≤ 500).

    python bench/readings.py            # prints the JSON
    python bench/readings.py --readings 40
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapters.memory.randomness import SeededRandom  # noqa: E402
from adapters.offline.asked import Asked, _our_side, ask, person_matter  # noqa: E402
from adapters.offline.compose import compose_reading  # noqa: E402
from adapters.offline.writer import language_of  # noqa: E402
from tarot_domain.content import registry  # noqa: E402
from tarot_domain.content.polarity import HEAVY_CARDS, Lean  # noqa: E402
from tarot_domain.model.cards import catalogue  # noqa: E402
from tarot_domain.model.draw import DrawnCard, draw_cards  # noqa: E402
from tarot_domain.model.lean import weigh  # noqa: E402
from tarot_domain.model.markup import plain  # noqa: E402
from tarot_domain.model.spreads import get_spread  # noqa: E402
from tarot_ports.interpreter import InterpretationRequest  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "questions"
LANGUAGES = ("en", "uk")
DECKS = ("rider-waite", "thoth", "marseille")
SPREAD_MIX = (
    "single", "yes-no", "three", "three", "celtic-cross", "celtic-cross", "relationship", "career",
    "week-ahead", "month-ahead", "year-ahead", "life-path",
)  # fmt: skip
HEAVY = HEAVY_CARDS
SENTENCE = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile(r"[\w'’-]+")
RECURRING = 0.05


def questions(language: str) -> list[str]:
    lines = (CORPUS / f"{language}.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]


def cards_for(spread_id: str, seed: int, *, reversals: bool = True) -> tuple[DrawnCard, ...]:
    positions = [p.id for p in get_spread(spread_id).positions]
    return draw_cards(catalogue().ids, positions, SeededRandom(seed), reversals=reversals)


def reading(spread_id: str, deck_id: str, language: str, question: str, cards: Sequence[DrawnCard]) -> str:
    request = InterpretationRequest(spread_id, deck_id, language, question, tuple(cards))
    return "\n\n".join(compose_reading(request))


def _forms(asked: Asked) -> set[str]:
    forms: set[str] = set()
    for subject in asked.subjects:
        forms.update(WORD.findall(subject.text.lower()))
        if subject.name is not None:
            for case in ("nom", "gen", "dat", "acc", "ins", "loc"):
                forms.update(WORD.findall(subject.name.form(case).lower()))
    return forms


def masked_sentences(text: str, asked: Iterable[Asked]) -> list[str]:
    """The reading's sentences with every word its questions brought replaced by one mark."""
    hidden: set[str] = set()
    quoted: list[str] = []
    for one in asked:
        hidden |= {w.lower() for w in one.words} | _forms(one)
        hidden |= {w.lower() for w in WORD.findall(one.focus)}
        quoted.append(one.text)
    flat = plain(text)
    for q in quoted:
        flat = flat.replace(q, "QUESTION")
    out: list[str] = []
    for paragraph in flat.split("\n\n"):
        for sentence in SENTENCE.split(paragraph):
            if sentence.strip():
                out.append(
                    WORD.sub(lambda m: "_" if m.group(0).lower() in hidden else m.group(0), sentence.strip())
                )
    return out


def shared(one: Sequence[str], other: Sequence[str]) -> float:
    if not one:
        return 0.0
    others = set(other)
    return sum(1 for s in one if s in others) / len(one)


def body_takes_up(text: str, asked: Asked, language: str) -> bool:
    paragraphs = plain(text).split("\n\n")
    body = " ".join(paragraphs[1:]).lower()
    person = asked.person
    phrasing = registry.phrasing(language_of(language))
    if person is not None and phrasing is not None and person_matter(person, phrasing) is None:
        person = None  # a word the analysis took for a person but the pack knows is none («кохання»)
    if person is not None and person.name is not None:
        forms = {person.name.form(c).lower() for c in ("nom", "gen", "dat", "acc", "ins", "loc")}
        if person.relation in ("he", "she", "they"):
            forms |= {
                w.lower()
                for k, w in (phrasing.words.items() if phrasing else ())
                if k.startswith(("object.", "after-preposition."))
            }
        return any(form in body for form in forms)
    things = [s for s in asked.subjects if s.kind in ("thing", "place")]
    if language == "en" and things:
        return any(_our_side(t.text).lower() in body for t in things) or _topic_in(body, asked, phrasing)
    places = [s for s in asked.subjects if s.kind == "place"]
    if places and any(p.text.lower() in body for p in places):
        return True
    if asked.topic:
        return _topic_in(body, asked, phrasing)
    return (
        any(w.lower() in body for w in WORD.findall(asked.focus) if len(w) > 3)
        or "situation" in body
        or "ситуац" in body
    )


def _topic_in(body: str, asked: Asked, phrasing: object) -> bool:
    names = getattr(phrasing, "names", {})
    name = names.get(f"topic.{asked.topic}")
    if name is None:
        return False
    return any(name.form(c).lower() in body for c in ("nom", "gen", "dat", "acc", "ins", "loc"))


def measure(language: str, count: int) -> dict[str, object]:
    corpus = questions(language)
    texts: list[tuple[str, Asked, str]] = []  # (text, analysis, spread)
    for index in range(count):
        spread_id = SPREAD_MIX[index % len(SPREAD_MIX)]
        question = corpus[(index * 37) % len(corpus)]
        deck = DECKS[index % len(DECKS)]
        text = reading(spread_id, deck, language, question, cards_for(spread_id, 1000 + index))
        texts.append((text, ask(question, language), spread_id))

    # (a) same cards, different questions
    same: list[float] = []
    for index in range(count // 2):
        spread_id = ("three", "celtic-cross", "relationship", "career", "single")[index % 5]
        cards = cards_for(spread_id, 5000 + index)
        q1, q2 = corpus[(index * 11) % len(corpus)], corpus[(index * 11 + 5) % len(corpus)]
        a1, a2 = ask(q1, language), ask(q2, language)
        s1 = masked_sentences(reading(spread_id, "rider-waite", language, q1, cards), (a1, a2))
        s2 = masked_sentences(reading(spread_id, "rider-waite", language, q2, cards), (a1, a2))
        same.append(shared(s1, s2))

    # (b) sentences recurring in more than 5 % of readings
    per_reading = [set(masked_sentences(text, (asked,))) for text, asked, _ in texts]
    seen_in = Counter(s for sentences in per_reading for s in sentences)
    limit = RECURRING * len(texts)
    occurrences = [s for text, asked, _ in texts for s in masked_sentences(text, (asked,))]
    recurring = sum(1 for s in occurrences if seen_in[s] > limit)

    # (c) yes-no with reversals off
    spread = get_spread("yes-no")
    leans: list[Lean] = []
    heavy_yes: list[str] = []
    for seed in range(60):
        cards = cards_for("yes-no", 9000 + seed, reversals=False)
        lean = weigh(spread, "rider-waite", cards).lean
        leans.append(lean)
        if lean is Lean.YES and cards[0].card_id in HEAVY:
            heavy_yes.append(cards[0].card_id)
    for card_id in sorted(HEAVY):
        for deck in DECKS:
            if weigh(spread, deck, [DrawnCard("answer", card_id)]).lean is Lean.YES:
                heavy_yes.append(f"{card_id}@{deck}")

    # (d) decks against Rider–Waite–Smith
    decks: dict[str, list[float]] = {"thoth": [], "marseille": []}
    for index in range(count // 4):
        spread_id = ("three", "celtic-cross", "relationship", "single")[index % 4]
        question = corpus[(index * 13) % len(corpus)]
        asked = ask(question, language)
        cards = cards_for(spread_id, 7000 + index)
        rws = masked_sentences(reading(spread_id, "rider-waite", language, question, cards), (asked,))
        for deck in decks:
            own = masked_sentences(reading(spread_id, deck, language, question, cards), (asked,))
            decks[deck].append(shared(own, rws))

    # (e) the subject in the body
    taken = [body_takes_up(text, asked, language) for text, asked, _ in texts if asked.shape]
    # (f) lengths
    lengths: dict[str, list[int]] = {"single": [], "three": [], "celtic-cross": []}
    for seed in range(40):
        question = corpus[(seed * 17) % len(corpus)]
        for spread_id in lengths:
            text = reading(spread_id, DECKS[seed % 3], language, question, cards_for(spread_id, 3000 + seed))
            lengths[spread_id].append(len(WORD.findall(plain(text))))
    return {
        "readings": len(texts),
        "a_same_cards_shared": round(statistics.mean(same), 3),
        "b_recurring_share": round(recurring / max(1, len(occurrences)), 3),
        "c_yes_no": {
            "draws": len(leans),
            "not_yes_share": round(sum(1 for lean in leans if lean is not Lean.YES) / len(leans), 3),
            "heavy_upright_yes": heavy_yes,
        },
        "d_deck_shared": {deck: round(statistics.mean(values), 3) for deck, values in decks.items()},
        "e_subject_in_body": round(sum(taken) / max(1, len(taken)), 3),
        "f_words": {
            "single_max": max(lengths["single"]),
            "three_max": max(lengths["three"]),
            "celtic_cross_median": statistics.median(lengths["celtic-cross"]),
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readings", type=int, default=100, help="readings per language (default 100)")
    args = parser.parse_args(argv)
    result = {language: measure(language, args.readings) for language in LANGUAGES}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
