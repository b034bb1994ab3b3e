"""One rule for a question, in the domain (`clean_question`), applied by every frontend alike: the
CLI, the bot and the web API refuse "!!!" with the same message, and read "Why?" and «Чому?»."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from web_support import ALPHA, build_web_world, problem_of, serving

from runners.cli import run
from tarot_domain.content.registry import translate
from tarot_domain.model.errors import TarotError
from tarot_domain.model.text import QUESTION_PATTERN, clean_question

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "telegram"))
from dialog_support import Bot

REFUSED = ("!!!", "???", "🙏", "...", "—")
READ = ("Why?", "Чому?", "2026?", "Will Ann call?")


@pytest.mark.parametrize("text", REFUSED)
def test_the_domain_refuses_a_question_without_a_letter_or_digit(text: str) -> None:
    import re

    with pytest.raises(TarotError) as refused:
        clean_question(text)
    assert refused.value.message_key == "error.question_no_words"
    assert not re.search(QUESTION_PATTERN, text)  # the schema's pattern says the same


@pytest.mark.parametrize("text", READ)
def test_the_domain_reads_a_question_with_one(text: str) -> None:
    import re

    assert clean_question(text) == text and re.search(QUESTION_PATTERN, text)


def test_the_cli_refuses_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["read", "!!!"]) == 2
    assert capsys.readouterr().err.strip().endswith(translate("error.question_no_words", "en"))


async def test_the_bot_refuses_it() -> None:
    bot = Bot(welcome=20)
    await bot.say("/start")
    await bot.say("/read")
    await bot.press("Single Card")
    await bot.say("!!!")
    assert translate("error.question_no_words", "en") in bot.out.text()
    assert bot.interpreter.requests == [] and await bot.available() == 20


async def test_the_api_refuses_it() -> None:
    world = build_web_world()
    async with serving(world) as client:
        response = await client.post(
            "/v1/users/u1/readings",
            json={"spread": "single", "question": "!!!"},
            headers={**ALPHA, "Idempotency-Key": "k"},
        )
        problem = await problem_of(response)
    assert response.status == 400
    assert problem["errors"][0]["detail"] == translate("error.question_no_words", "en")
