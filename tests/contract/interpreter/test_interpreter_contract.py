"""The Interpreter contract, the same assertions for every adapter (offline, and OpenAI on its fake)."""

from __future__ import annotations

import pytest
from interpreter_support import follow_up, make_request, names_of, reading_from

from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.readings import QuestionnaireAnswer
from tarot_ports.interpreter import InterpretationRequest, Interpreter

pytestmark = pytest.mark.contract

CASES = [
    pytest.param(make_request("single", "rider-waite", "en", "", seed=1), id="daily-single-en"),
    pytest.param(
        make_request("three", "thoth", "uk", "Що мене чекає цього місяця?", seed=2), id="three-thoth-uk"
    ),
    pytest.param(
        make_request("celtic-cross", "marseille", "en", "Should I change jobs?", seed=3), id="celtic-en"
    ),
    pytest.param(
        make_request(
            "relationship",
            "rider-waite",
            "uk",
            "Куди рухаються наші стосунки?",
            seed=4,
            answers=(QuestionnaireAnswer("partner", "мій чоловік"), QuestionnaireAnswer("stage", "10 років")),
        ),
        id="relationship-uk-answers",
    ),
    pytest.param(
        make_request("life-path", "thoth", "en", "What is my path?", seed=5), id="life-path-thoth-en"
    ),
    pytest.param(make_request("yes-no", "marseille", "uk", "Чи варто переїжджати?", seed=6), id="yes-no-uk"),
]


def _lacking(text: str, request: InterpretationRequest) -> list[str]:
    """The drawn cards the text does not name in any of the deck's forms (Ukrainian declines them)."""
    flat = text.replace("’", "'")
    return [
        name
        for name, drawn in zip(names_of(request), request.cards, strict=True)
        if not card_knowledge(drawn.card_id, request.deck_id, request.language).named_in(flat)
    ]


def test_the_name_is_a_non_empty_label(interpreter: Interpreter) -> None:
    assert isinstance(interpreter.name, str) and interpreter.name


@pytest.mark.parametrize("request_", CASES)
async def test_a_reading_is_text_naming_every_drawn_card(
    interpreter: Interpreter, request_: InterpretationRequest
) -> None:
    interpretation = await interpreter.interpret(request_)
    assert interpretation.text.strip()
    assert _lacking(interpretation.text, request_) == []
    assert interpretation.interpreter == interpreter.name
    assert interpretation.prompt_tokens >= 0 and interpretation.completion_tokens >= 0


@pytest.mark.parametrize("request_", CASES[:3])
async def test_streamed_pieces_concatenate_to_the_text(
    interpreter: Interpreter, request_: InterpretationRequest
) -> None:
    pieces: list[str] = []

    async def on_delta(piece: str) -> None:
        pieces.append(piece)

    interpretation = await interpreter.interpret(request_, on_delta)
    assert pieces and all(pieces)
    assert "".join(pieces) == interpretation.text
    assert _lacking(interpretation.text, request_) == []


@pytest.mark.parametrize("language", ["en", "uk"])
async def test_a_follow_up_answers_with_text(interpreter: Interpreter, language: str) -> None:
    request_ = make_request("three", "rider-waite", language, "What now?", seed=9)
    reading = reading_from(request_, await interpreter.interpret(request_))
    earlier = (follow_up("And at work?", "Work asks for patience."),)
    pieces: list[str] = []

    async def on_delta(piece: str) -> None:
        pieces.append(piece)

    answer = await interpreter.follow_up(reading, earlier, "What about my family?", on_delta)
    assert answer.text.strip()
    assert answer.interpreter == interpreter.name
    assert "".join(pieces) == answer.text
    plain = await interpreter.follow_up(reading, (), "What should I let go of?")
    assert plain.text.strip()
