"""The LLM prompt stands on the same knowledge as the offline reading (each position's role and the aspect
it reads, the topic note, the deck's tradition, the lean weighed from the cards with the card that decides
it), in the pack's own words; and the output check refuses a closed question answered without a lean."""

from __future__ import annotations

import pytest
from interpreter_support import OpenAIHarness

from adapters.openai_http.prompt import expects_lean, missing_cards, reading_messages
from tarot_domain.content import registry
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.errors import ErrorKind, TarotError
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.lean import weigh
from tarot_domain.model.spreads import get_spread
from tarot_ports.interpreter import InterpretationRequest

pytestmark = pytest.mark.contract

CARDS = (
    DrawnCard("past", "major-13-death"),
    DrawnCard("present", "cups-two"),
    DrawnCard("future", "major-16-tower", reversed=True),
)


def _request(question: str, language: str = "en", spread: str = "three") -> InterpretationRequest:
    cards = CARDS if spread == "three" else (DrawnCard("answer", "swords-ten"),)
    return InterpretationRequest(spread, "rider-waite", language, question, cards)


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_prompt_gives_roles_aspects_and_the_lean_with_its_deciding_card(language: str) -> None:
    words = registry.prompt_text(language)
    system, user = (m["content"] for m in reading_messages(_request("Will my marriage survive?", language)))
    assert words.labels["role"] in user and words.roles["challenge"] not in user  # only the spread's roles
    assert words.roles["past"] in user and words.roles["outcome"] in user
    death = card_knowledge("major-13-death", "rider-waite", language).upright
    assert death.past in user  # the past position reads the past-tense text
    lean = weigh(get_spread("three"), "rider-waite", CARDS)
    assert f'"LEAN: {lean.lean.value}"' in system
    decisive = next(c for c in CARDS if c.position_id == lean.decisive.position_id)
    assert card_knowledge(decisive.card_id, "rider-waite", language).display_name in system


def test_an_open_question_asks_for_no_lean() -> None:
    request = _request("What do I need to know about my marriage?")
    system = reading_messages(request)[0]["content"]
    assert not expects_lean(request) and '"LEAN: none"' in system
    assert expects_lean(_request("Will it work?", spread="yes-no"))


def test_declined_names_count_as_named() -> None:
    request = _request("Що буде?", "uk")
    text = "Позаду — **Смерть**. Тепер — **Двійка Кубків**, а попереду — перевернута **Вежа**, з **Вежею**."
    assert missing_cards(text, request) == []
    assert missing_cards("Позаду — Смерть і Двійка Кубків.", request) == ["Вежа"]


async def test_a_closed_question_answered_without_a_lean_falls_back(openai: OpenAIHarness) -> None:
    request = _request("Will my marriage survive?")
    names = ", ".join(card_knowledge(c.card_id, "rider-waite", "en").display_name for c in CARDS)
    openai.fake.content = f"A reading about {names}, which never says which way it points."
    with pytest.raises(TarotError) as raised:
        await openai.make().interpret(request)
    assert raised.value.kind is ErrorKind.API and not raised.value.retryable
    openai.fake.content = f"A reading about {names}: on balance, no.\nLEAN: no"
    accepted = await openai.make().interpret(request)
    assert "LEAN" not in accepted.text and accepted.text.endswith("on balance, no.")
