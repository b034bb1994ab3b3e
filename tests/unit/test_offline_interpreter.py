"""The offline interpreter: a complete, deterministic reading in English and Ukrainian, no network."""

from __future__ import annotations

import ast
import re
import string
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.memory.randomness import SeededRandom
from adapters.offline import OfflineInterpreter
from adapters.offline.compose import compose_reading, role_of
from adapters.offline.phrases import EN, ROLES, TABLES, Phrases
from tarot_domain.model.cards import catalogue
from tarot_domain.model.decks import deck_ids
from tarot_domain.model.draw import DrawnCard, draw_cards
from tarot_domain.model.knowledge import card_knowledge, pair_text
from tarot_domain.model.localized import pick
from tarot_domain.model.readings import FollowUp, Interpretation, QuestionnaireAnswer, Reading
from tarot_domain.model.spreads import Spread, all_spreads, get_spread
from tarot_ports.interpreter import InterpretationRequest, Interpreter

SPREADS = all_spreads()
DECKS = deck_ids()
LANGUAGES = ("en", "uk")
QUESTIONS = {"en": "Will my new project at work succeed?", "uk": "Чи вдасться мій новий проєкт на роботі?"}
ANSWERS = {"en": "my answer number {n}", "uk": "моя відповідь номер {n}"}
CYRILLIC = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
ROMAN = re.compile(r"[IVXLCDM]+")


def _draw(spread: Spread, seed: int, *, reversals: bool = True) -> tuple[DrawnCard, ...]:
    positions = [position.id for position in spread.positions]
    return draw_cards(catalogue().ids, positions, SeededRandom(seed), reversals=reversals)


def _answers(spread: Spread, language: str) -> tuple[QuestionnaireAnswer, ...]:
    return tuple(
        QuestionnaireAnswer(item.id, ANSWERS[language].format(n=n))
        for n, item in enumerate(spread.questionnaire, start=1)
    )


def _request(
    spread_id: str, deck_id: str, language: str, seed: int, question: str | None = None
) -> InterpretationRequest:
    spread = get_spread(spread_id)
    return InterpretationRequest(
        spread_id=spread_id,
        deck_id=deck_id,
        language=language,
        question=QUESTIONS.get(language, QUESTIONS["en"]) if question is None else question,
        cards=_draw(spread, seed),
        answers=_answers(spread, language if language in ANSWERS else "en"),
    )


def _reading(request: InterpretationRequest, interpretation: Interpretation) -> Reading:
    return Reading(
        id="reading-1",
        user_id="user-1",
        idempotency_key="key-1",
        spread_id=request.spread_id,
        deck_id=request.deck_id,
        language=request.language,
        question=request.question,
        cards=request.cards,
        interpretation=interpretation,
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
        answers=request.answers,
    )


def _assert_conforms(interpreter: Interpreter) -> Interpreter:
    return interpreter


# --- every spread, both languages, every deck ---------------------------------------------------------

CASES = [
    (spread.id, language, DECKS[(index + offset) % len(DECKS)])
    for index, spread in enumerate(SPREADS)
    for offset, language in enumerate(LANGUAGES)
]


@pytest.mark.parametrize(("spread_id", "language", "deck_id"), CASES)
async def test_reading_names_every_card_and_position(spread_id: str, language: str, deck_id: str) -> None:
    spread = get_spread(spread_id)
    request = _request(spread_id, deck_id, language, seed=len(spread_id) * 7)

    result = await OfflineInterpreter().interpret(request)

    text = result.text
    assert result == Interpretation(text=text, interpreter="offline", model=None)
    for drawn in request.cards:
        assert card_knowledge(drawn.card_id, deck_id, language).display_name in text
    previous = -1
    for position in spread.positions:
        found = text.find(pick(position.name, language), previous + 1)
        assert found > previous, f"{position.id} missing or out of order"
        previous = found
    for answer in request.answers:
        assert answer.answer in text
    for item in spread.questionnaire:
        assert pick(item.prompt, language) in text


@pytest.mark.parametrize("spread_id", [spread.id for spread in SPREADS])
@pytest.mark.parametrize("deck_id", DECKS)
async def test_ukrainian_reading_has_no_english(spread_id: str, deck_id: str) -> None:
    spread = get_spread(spread_id)
    request = _request(spread_id, deck_id, "uk", seed=11)

    text = (await OfflineInterpreter().interpret(request)).text

    assert CYRILLIC.search(text)
    for position in spread.positions:
        assert pick(position.name, "en") not in text or pick(position.name, "en") == pick(position.name, "uk")
    latin = {word for word in re.findall(r"[A-Za-z]+", text) if not ROMAN.fullmatch(word)}
    assert latin == set(), latin


@pytest.mark.parametrize("deck_id", DECKS)
@pytest.mark.parametrize("language", LANGUAGES)
async def test_each_deck_names_its_own_cards(deck_id: str, language: str) -> None:
    request = _request("celtic-cross", deck_id, language, seed=3)

    text = (await OfflineInterpreter().interpret(request)).text

    for drawn in request.cards:
        assert card_knowledge(drawn.card_id, deck_id, language).label in text


async def test_a_renamed_card_mentions_its_rider_waite_name() -> None:
    cards = (DrawnCard("card", "major-08-strength"),)
    request = InterpretationRequest("single", "thoth", "en", "What do I need?", cards)

    text = (await OfflineInterpreter().interpret(request)).text

    assert "Lust" in text
    assert "Rider–Waite deck: Strength" in text


# --- yes or no --------------------------------------------------------------------------------------------

LEANING = {
    "en": ("leans yes", "leans no"),
    "uk": ("схиляється до «так»", "схиляється до «ні»"),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("reversed_", [False, True])
@pytest.mark.parametrize(
    "card_id", ["major-16-tower", "major-19-sun", "cups-ace", "swords-ten", "wands-page"]
)
async def test_yes_no_leaning_follows_orientation(language: str, reversed_: bool, card_id: str) -> None:
    request = InterpretationRequest(
        "yes-no", "rider-waite", language, QUESTIONS[language], (DrawnCard("answer", card_id, reversed_),)
    )

    text = (await OfflineInterpreter().interpret(request)).text

    yes, no = LEANING[language]
    assert (no if reversed_ else yes) in text
    assert (yes if reversed_ else no) not in text


@pytest.mark.parametrize("seed", range(6))
async def test_yes_no_from_a_seeded_draw(seed: int) -> None:
    request = _request("yes-no", "marseille", "en", seed)
    (drawn,) = request.cards

    text = (await OfflineInterpreter().interpret(request)).text

    assert ("leans no" if drawn.reversed else "leans yes") in text


# --- openings, combinations, synthesis ------------------------------------------------------------------


@pytest.mark.parametrize(("language", "word"), [("en", "card of the day"), ("uk", "карта дня")])
async def test_an_empty_question_gives_a_card_of_the_day(language: str, word: str) -> None:
    request = _request("single", "rider-waite", language, seed=5, question="")

    text = (await OfflineInterpreter().interpret(request)).text

    assert word in text.lower()


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_question_is_quoted(language: str) -> None:
    request = _request("three", "rider-waite", language, seed=1)

    text = (await OfflineInterpreter().interpret(request)).text

    assert request.question in text.split("\n\n")[0]


async def test_known_pairs_same_ranks_and_elements_are_remarked_on() -> None:
    cards = (
        DrawnCard("past", "major-16-tower"),
        DrawnCard("present", "cups-ace"),
        DrawnCard("future", "major-17-star"),
    )
    request = InterpretationRequest("three", "rider-waite", "en", "What comes after this?", cards)

    text = (await OfflineInterpreter().interpret(request)).text

    combos = text.split("How the cards speak together")[1].split("The whole picture")[0]
    assert "The Tower and The Star" in combos
    assert pair_text("major-17-star", "major-16-tower", "en") in combos
    assert re.search("fire (and|against) water", combos)  # the Tower (fire) next to the Ace of Cups (water)


async def test_same_rank_and_court_cards_are_noticed() -> None:
    cards = (
        DrawnCard("you", "cups-ace"),
        DrawnCard("other", "swords-ace"),
        DrawnCard("bond", "pentacles-queen"),
        DrawnCard("challenge", "wands-king", reversed=True),
        DrawnCard("direction", "major-19-sun"),
    )
    request = InterpretationRequest("relationship", "rider-waite", "uk", "Що нас чекає?", cards)

    text = (await OfflineInterpreter().interpret(request)).text

    assert "«Туз Кубків» і «Туз Мечів»: карти одного рангу." in text
    assert "«Королева Пентаклів»" in text
    assert "конкретну людину" in text or "когось реального" in text
    assert "Перевернута лише одна карта — у позиції «Випробування»" in text


async def test_majors_reversals_and_dominant_suit_are_counted() -> None:
    cards = (
        DrawnCard("standing", "pentacles-three"),
        DrawnCard("helps", "pentacles-eight"),
        DrawnCard("blocks", "pentacles-five", reversed=True),
        DrawnCard("next-step", "major-01-magician", reversed=True),
    )
    request = InterpretationRequest("career", "rider-waite", "en", "Should I ask for a raise?", cards)

    text = (await OfflineInterpreter().interpret(request)).text

    assert "The suit of Pentacles leads, with 3 of the 4 cards" in text
    assert "Only one card is a major arcanum, The Magician" in text
    assert "Reversed cards make up 2 of the 4" in text


async def test_money_health_and_legal_questions_get_a_professional_caution() -> None:
    request = _request("three", "rider-waite", "en", seed=2, question="Should I take out a loan?")

    text = (await OfflineInterpreter().interpret(request)).text

    assert EN.caution in text


# --- delivery, determinism, fallbacks ----------------------------------------------------------------------


async def test_on_delta_chunks_concatenate_to_the_full_text() -> None:
    chunks: list[str] = []

    async def collect(piece: str) -> None:
        chunks.append(piece)

    result = await OfflineInterpreter().interpret(_request("celtic-cross", "thoth", "uk", seed=9), collect)

    assert len(chunks) > 3
    assert "".join(chunks) == result.text


@pytest.mark.parametrize(("spread_id", "language"), [("week-ahead", "en"), ("life-path", "uk")])
async def test_the_same_request_gives_the_same_text(spread_id: str, language: str) -> None:
    interpreter = OfflineInterpreter()
    first = await interpreter.interpret(_request(spread_id, "marseille", language, seed=4))
    second = await interpreter.interpret(_request(spread_id, "marseille", language, seed=4))
    other = await interpreter.interpret(_request(spread_id, "marseille", language, seed=5))

    assert first == second
    assert first.text != other.text


async def test_an_unknown_language_falls_back_to_english() -> None:
    request = _request("three", "thoth", "de", seed=6, question="Wie geht es weiter?")

    text = (await OfflineInterpreter().interpret(request)).text

    assert "The cards" in text
    for drawn in request.cards:
        assert card_knowledge(drawn.card_id, "thoth", "en").display_name in text


@pytest.mark.parametrize(("spread_id", "low", "high"), [("single", 100, 300), ("celtic-cross", 550, 1100)])
@pytest.mark.parametrize("language", LANGUAGES)
async def test_length_is_reasonable(spread_id: str, low: int, high: int, language: str) -> None:
    for seed in range(5):
        text = (await OfflineInterpreter().interpret(_request(spread_id, "rider-waite", language, seed))).text
        assert low <= len(text.split()) <= high


def test_offline_interpreter_is_an_interpreter() -> None:
    interpreter = _assert_conforms(OfflineInterpreter())
    assert interpreter.name == "offline"


def test_compose_reading_returns_chunks_without_blank_edges() -> None:
    chunks = compose_reading(_request("three", "rider-waite", "en", seed=1))
    assert all(chunk == chunk.strip() and chunk for chunk in chunks)


def test_every_position_has_a_role() -> None:
    for spread in SPREADS:
        for position in spread.positions:
            assert role_of(position) in ROLES


# --- follow-ups ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spread_id", "language"), [("celtic-cross", "en"), ("relationship", "uk"), ("single", "en")]
)
async def test_follow_up_names_a_drawn_card_and_follows_the_question(spread_id: str, language: str) -> None:
    interpreter = OfflineInterpreter()
    request = _request(spread_id, "rider-waite", language, seed=8)
    reading = _reading(request, await interpreter.interpret(request))
    names = [card_knowledge(c.card_id, "rider-waite", language).display_name for c in request.cards]
    questions = {
        "en": ("What should I do next?", "Why does this keep happening to me?"),
        "uk": ("Що мені робити далі?", "Чому це зі мною постійно відбувається?"),
    }[language]

    first = await interpreter.follow_up(reading, (), questions[0])
    again = await interpreter.follow_up(reading, (), questions[0])
    second = await interpreter.follow_up(reading, (), questions[1])

    assert first == again
    assert first.interpreter == "offline"
    assert first.model is None
    assert first.text != second.text
    for answer in (first, second):
        assert any(name in answer.text for name in names)


async def test_follow_up_streams_and_moves_on_from_earlier_answers() -> None:
    interpreter = OfflineInterpreter()
    request = _request("single", "thoth", "uk", seed=2)
    reading = _reading(request, await interpreter.interpret(request))
    question = "А що це означає для мене?"
    chunks: list[str] = []

    async def collect(piece: str) -> None:
        chunks.append(piece)

    first = await interpreter.follow_up(reading, (), question, collect)
    earlier = (FollowUp(question, first, datetime(2025, 1, 1, tzinfo=UTC)),)
    second = await interpreter.follow_up(reading, earlier, question)

    assert "".join(chunks) == first.text
    assert second.text != first.text
    assert second.text.split("\n\n")[1] != first.text.split("\n\n")[1]  # the card paragraph


async def test_follow_up_prefers_cards_that_match_the_question() -> None:
    cards = (
        DrawnCard("past", "swords-nine"),
        DrawnCard("present", "pentacles-seven"),
        DrawnCard("future", "cups-two"),
    )
    interpreter = OfflineInterpreter()
    request = InterpretationRequest("three", "rider-waite", "en", "Where is this going?", cards)
    reading = _reading(request, await interpreter.interpret(request))

    answer = await interpreter.follow_up(reading, (), "Will the love between us grow into a partnership?")

    lead = answer.text.split("\n\n")[1]
    assert lead.startswith("Two of Cups") or "Two of Cups" in lead.split(".")[0]


async def test_yes_no_follow_up_keeps_the_leaning() -> None:
    interpreter = OfflineInterpreter()
    cards = (DrawnCard("answer", "major-19-sun", reversed=True),)
    request = InterpretationRequest("yes-no", "rider-waite", "en", "Should I go?", cards)
    reading = _reading(request, await interpreter.interpret(request))

    answer = await interpreter.follow_up(reading, (), "Why not?")

    assert "leans no" in answer.text
    assert "leans yes" not in answer.text


# --- the phrase tables ------------------------------------------------------------------------------------


def _fields(templates: object) -> set[str]:
    """The placeholders used by a template or a tuple of variants."""
    if isinstance(templates, str):
        return {name for _, name, _, _ in string.Formatter().parse(templates) if name}
    assert isinstance(templates, tuple) and templates, templates
    return {name for template in templates for name in _fields(template)}


@pytest.mark.parametrize("code", sorted(TABLES))
def test_every_table_fills_what_english_fills(code: str) -> None:
    """Each table has the same keys as English and uses no placeholder the composer does not supply
    (English, which the composer is written against, uses them all)."""
    table: Phrases = TABLES[code]
    assert table.code == code
    for name in Phrases.__dataclass_fields__:
        english, other = getattr(EN, name), getattr(table, name)
        if name in ("stopwords", "intent_stems") or callable(english):
            continue
        if isinstance(english, (str, tuple)):
            assert _fields(other) <= _fields(english), name
        else:
            assert set(english.keys()) == set(other.keys()), name
            for key in english:
                assert _fields(other[key]) <= _fields(english[key]), (name, key)
    assert set(table.intent_stems) <= set(EN.intent_stems)


def test_ukrainian_counts_agree_with_the_number() -> None:
    uk = TABLES["uk"]
    assert uk.count_cards(1) == "одна карта"
    assert uk.count_cards(3) == "три карти"
    assert uk.count_cards(10) == "десять карт"
    assert uk.count_cards(22) == "22 карти"


def test_the_adapter_imports_only_the_domain_ports_and_standard_library() -> None:
    root = Path(__file__).resolve().parents[2] / "adapters" / "offline"
    allowed = ("tarot_domain", "tarot_ports", "adapters.offline", "__future__")
    for path in root.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                assert module.startswith(allowed) or top in _stdlib(), f"{path.name} imports {module}"


def _stdlib() -> frozenset[str]:
    import sys

    return frozenset(sys.stdlib_module_names)
