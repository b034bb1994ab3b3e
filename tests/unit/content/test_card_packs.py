"""Issue 16's "done" list, held over every shipped pack: all 78 cards complete in both orientations, every
text its own, no Rider–Waite picture anywhere, Ukrainian in Cyrillic with every case of every name, a
polarity for each card and orientation, court cards as people, decks that read in their own tradition
(the override listing), and at least 150 pairs keyed alike in every language."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import tarot_domain.content as content
from tarot_domain.content import pairs, registry, style
from tarot_domain.content.polarity import DECK_POLARITY, POLARITY, Lean, Polarity, polarity
from tarot_domain.content.schema import CASES, Face, Name
from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import deck_ids, get_deck
from tarot_domain.model.knowledge import FACE_FIELDS, card_knowledge, deck_overrides
from tarot_domain.model.localized import pick

SHIPPED = tuple(
    code for code in registry.languages() if (Path(content.__file__).parent / code / "__init__.py").is_file()
)
IDS = catalogue().ids
ORIENTATIONS = ("upright", "reversed")
TRADITIONS = ("thoth", "marseille")
HEAVY = (
    "swords-ten", "swords-nine", "swords-five", "swords-three",
    "major-16-tower", "pentacles-five", "cups-five",
)  # fmt: skip
RENAMED_MAJORS = {
    # at least these, from DESIGN §2 and the style sheet; a deck may rename more (the test reads its data)
    "thoth": {
        "major-01-magician", "major-02-high-priestess", "major-08-strength", "major-10-wheel-of-fortune",
        "major-11-justice", "major-14-temperance", "major-20-judgement", "major-21-world",
    },
    "marseille": {
        "major-01-magician", "major-02-high-priestess", "major-05-hierophant", "major-06-lovers",
        "major-13-death", "major-16-tower",
    },
}  # fmt: skip
_CYRILLIC_NAME = re.compile(r"^[А-ЯІЇЄҐа-яіїєґ'’ -]+$")


@cache
def problems(code: str) -> tuple[str, ...]:
    """The style checker's findings over one pack's cards, decks and pairs together."""
    return tuple(style.check(style.pack_modules(code)))


def names_of(code: str) -> Iterator[tuple[str, Name]]:
    """Every name a pack writes: each card's canonical name and each deck's own."""
    for card_id, text in registry.card_texts(code).items():
        yield f"{card_id}", text.name
    for deck_id in deck_ids():
        for card_id, own in registry.deck_card_texts(code, deck_id).items():
            if own.name is not None:
                yield f"{deck_id}:{card_id}", own.name


# --- completeness ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", SHIPPED)
def test_a_pack_has_all_78_cards_with_every_field_in_both_orientations(code: str) -> None:
    cards = registry.card_texts(code)
    assert set(cards) == set(IDS), sorted(set(IDS) ^ set(cards))
    for card_id, text in cards.items():
        assert text.name.nom.strip(), card_id
        for orientation in ORIENTATIONS:
            face: Face = getattr(text, orientation)
            empty = [field for field in FACE_FIELDS if not getattr(face, field)]
            assert not empty, (card_id, orientation, empty)
            assert 3 <= len(face.keywords) <= 5 and all(word.strip() for word in face.keywords), card_id


@pytest.mark.parametrize("code", SHIPPED)
def test_deck_texts_name_only_cards_that_exist(code: str) -> None:
    for deck_id in deck_ids():
        assert set(registry.deck_card_texts(code, deck_id)) <= set(IDS), deck_id


@pytest.mark.parametrize("code", SHIPPED)
def test_the_pack_keeps_the_style_sheet(code: str) -> None:
    assert not problems(code), "\n".join(problems(code))


@pytest.mark.parametrize("code", SHIPPED)
def test_no_two_cards_share_an_aspect_or_topic_text(code: str) -> None:
    """Within a pack, shared and deck texts (and pair texts) together: each says its own thing."""
    duplicates = [line for line in problems(code) if line.startswith("duplicate text")]
    assert not duplicates, "\n".join(duplicates)


@pytest.mark.parametrize("code", SHIPPED)
def test_no_rider_waite_picture_in_card_deck_or_pair_texts(code: str) -> None:
    pictures = [line for line in problems(code) if "picture word" in line]
    assert not pictures, "\n".join(pictures)


def test_the_picture_list_is_seeded_from_the_reading_guide_in_both_languages() -> None:
    assert {"lit window", "carrying", "shimmer", "blindfold", "the figure"} <= set(style.PICTURE_WORDS)
    assert {"освітлене вікно", "мерехт", "пов'язка на очах", "фігура на"} <= set(style.PICTURE_WORDS)
    for text, language in (
        ("Look for the lit window nearby.", "en"),
        ("You are carrying more than your share.", "en"),
        ("Many options shimmer before you.", "en"),
        ("Пошукайте освітлене вікно поруч.", "uk"),
        ("Перед вами мерехтять можливості.", "uk"),
    ):
        assert any("picture word" in line for line in style.text_problems("t", text, language)), text
    assert not style.text_problems("t", "Worry is loudest when you are tired; write it down.", "en")


def test_ukrainian_texts_are_cyrillic() -> None:
    latin = [line for line in problems("uk") if "not Cyrillic" in line or "not Ukrainian" in line]
    assert not latin, "\n".join(latin)
    assert style.text_problems("t", "A sentence left in English.", "uk")


# --- names ------------------------------------------------------------------------------------------------


def test_ukrainian_names_carry_every_case_in_cyrillic() -> None:
    for where, name in names_of("uk"):
        missing = [case for case in CASES if not getattr(name, case)]
        assert not missing, (where, missing)
        assert all(_CYRILLIC_NAME.match(getattr(name, case)) for case in CASES), (where, name)


@pytest.mark.parametrize("deck_id", deck_ids())
def test_a_ukrainian_minor_keeps_its_suit_in_the_genitive_plural_in_every_case(deck_id: str) -> None:
    suits = get_deck(deck_id).suit_names
    for card in catalogue():
        if card.suit is None:
            continue
        name = card_knowledge(card.id, deck_id, "uk").name
        suit = pick(suits[card.suit], "uk")
        wrong = [name.form(case) for case in CASES if not name.form(case).endswith(f" {suit}")]
        assert not wrong, (card.id, wrong)


@pytest.mark.parametrize("deck_id", deck_ids())
@pytest.mark.parametrize("code", SHIPPED)
def test_a_deck_that_keeps_a_name_keeps_its_grammar(deck_id: str, code: str) -> None:
    """One term per card: where a deck writes the shared name again, every case form is the shared one."""
    for card in catalogue():
        knowledge = card_knowledge(card.id, deck_id, code)
        if not knowledge.renamed:
            assert knowledge.name == knowledge.canonical_name, (deck_id, card.id)


@pytest.mark.parametrize("code", SHIPPED)
def test_names_are_not_left_in_another_language(code: str) -> None:
    english = {where: name.nom for where, name in names_of("en")}
    if code != registry.FALLBACK:
        same = [where for where, name in names_of(code) if english.get(where) == name.nom]
        assert not same, same


# --- polarity ---------------------------------------------------------------------------------------------


def test_every_card_has_a_polarity_in_both_orientations() -> None:
    assert set(POLARITY) == set(IDS)
    for card_id in IDS:
        for reversed_ in (False, True):
            found = polarity(card_id, reversed_)
            assert isinstance(found, Polarity) and 1 <= found.strength <= 3
    assert set(DECK_POLARITY) <= set(deck_ids()) - {"rider-waite"}
    assert all(set(table) <= set(IDS) for table in DECK_POLARITY.values())


@pytest.mark.parametrize("deck_id", deck_ids())
def test_heavy_cards_are_never_a_yes_upright(deck_id: str) -> None:
    for card_id in HEAVY:
        assert polarity(card_id, False, deck_id).lean is not Lean.YES, card_id
        assert card_knowledge(card_id, deck_id).polarity(False).lean is not Lean.YES, card_id


# --- court cards as people ----------------------------------------------------------------------------------


@pytest.mark.parametrize("deck_id", deck_ids())
@pytest.mark.parametrize("code", SHIPPED)
def test_court_cards_are_people_in_both_orientations(deck_id: str, code: str) -> None:
    for card in catalogue():
        if card.is_court:
            knowledge = card_knowledge(card.id, deck_id, code)
            upright, reversed_ = knowledge.upright.person, knowledge.reversed.person
            assert upright.strip() and reversed_.strip(), card.id
            assert upright != reversed_, card.id  # a reversed court is not the upright one again


# --- decks in their own tradition -----------------------------------------------------------------


def listing(deck_id: str, code: str) -> str:
    """What `deck_id` reads differently in `code`, one card a line (what a failing test shows)."""
    found = deck_overrides(deck_id, code)
    return "\n".join(f"{card_id}: {', '.join(fields)}" for card_id, fields in found.items()) or "(nothing)"


def test_rider_waite_overrides_nothing() -> None:
    for code in SHIPPED:
        assert deck_overrides("rider-waite", code) == {}, listing("rider-waite", code)


@pytest.mark.parametrize("deck_id", TRADITIONS)
@pytest.mark.parametrize("code", SHIPPED)
def test_every_pip_is_read_in_the_decks_tradition(deck_id: str, code: str) -> None:
    """All 40 pips override their meaning (keywords and core, both orientations); a pip whose suit the deck
    renames carries the deck's name; Thoth's 36 small cards carry their title."""
    overrides = deck_overrides(deck_id, code)
    meaning = {"upright.keywords", "upright.core", "reversed.keywords", "reversed.core"}
    rws_suits = get_deck("rider-waite").suit_names
    missing: dict[str, list[str]] = {}
    for card in catalogue():
        if not card.is_pip or card.suit is None:
            continue
        wanted = set(meaning)
        if pick(get_deck(deck_id).suit_names[card.suit], "en") != pick(rws_suits[card.suit], "en"):
            wanted.add("name")
        if deck_id == "thoth" and card.rank_name != "ace":
            wanted.add("epithet")
        lacking = sorted(wanted - set(overrides.get(card.id, ())))
        if lacking:
            missing[card.id] = lacking
    assert not missing, f"{missing}\n--- {deck_id} ({code}) overrides:\n{listing(deck_id, code)}"


@pytest.mark.parametrize("deck_id", TRADITIONS)
@pytest.mark.parametrize("code", SHIPPED)
def test_every_renamed_major_is_read_in_the_decks_tradition(deck_id: str, code: str) -> None:
    renamed = {card.id for card in catalogue() if card.is_major and card_knowledge(card.id, deck_id).renamed}
    assert RENAMED_MAJORS[deck_id] <= renamed, sorted(RENAMED_MAJORS[deck_id] - renamed)
    overrides = deck_overrides(deck_id, code)
    meaning = {"upright.keywords", "upright.core", "reversed.keywords", "reversed.core"}
    missing = {card_id: sorted(meaning - set(overrides.get(card_id, ()))) for card_id in renamed}
    missing = {card_id: fields for card_id, fields in missing.items() if fields}
    assert not missing, f"{missing}\n--- {deck_id} ({code}) overrides:\n{listing(deck_id, code)}"
    if code == registry.FALLBACK:
        assert all("name" in overrides[card_id] for card_id in renamed)


@pytest.mark.parametrize("deck_id", TRADITIONS)
def test_every_language_reads_a_deck_the_same_way(deck_id: str) -> None:
    """Every pack overrides the same fields of the same cards (names aside: «Маг» serves both decks)."""

    def fields(code: str) -> dict[str, tuple[str, ...]]:
        found = deck_overrides(deck_id, code)
        return {
            card_id: tuple(field for field in items if field != "name") for card_id, items in found.items()
        }

    english = fields(registry.FALLBACK)
    for code in SHIPPED:
        assert fields(code) == english, code
        assert set(registry.deck_card_texts(code, deck_id)) == set(registry.deck_card_texts("en", deck_id))


# --- pairs --------------------------------------------------------------------------------------------------


def test_at_least_150_pairs_of_known_cards_each_sorted_and_listed_once() -> None:
    assert len(pairs.PAIRS) >= 150
    assert len(set(pairs.PAIRS)) == len(pairs.PAIRS)
    for a, b in pairs.PAIRS:
        assert a in IDS and b in IDS and a < b, (a, b)


@pytest.mark.parametrize("code", SHIPPED)
def test_every_pack_words_exactly_the_structures_pairs(code: str) -> None:
    texts = registry.pair_texts(code)
    assert set(texts) == set(pairs.PAIRS), sorted(set(texts) ^ set(pairs.PAIRS))
    assert all(text.strip() for text in texts.values())
    assert len(set(texts.values())) == len(texts)


def test_the_writers_script_runs_the_same_rules() -> None:
    root = Path(__file__).resolve().parents[3]
    script = [sys.executable, str(root / "scripts" / "check_cards.py")]
    clean = subprocess.run([*script, "uk"], capture_output=True, text=True, timeout=120, cwd=root)
    assert clean.returncode == 0 and clean.stdout == "", clean.stdout
    assert f"0 problem(s) in {len(style.pack_modules('uk'))} module(s)" in clean.stderr
    one = subprocess.run(
        [*script, "tarot_domain.content.en.cards.cups"], capture_output=True, text=True, cwd=root
    )
    assert one.returncode == 0 and "in 1 module(s)" in one.stderr
