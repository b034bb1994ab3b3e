"""Everything that shows or reads a card reads the knowledge API, so a deck's tradition reaches the
offline reading, the LLM prompt, the chat and the JSON; and the content version follows the knowledge."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.offline.compose import compose_reading
from adapters.openai_http.prompt import card_names, spread_description
from adapters.telegram.render import reading_body
from runners.present import cards_json
from tarot_domain.content import pairs, polarity, registry, version
from tarot_domain.model.draw import DrawnCard
from tarot_domain.model.knowledge import card_knowledge
from tarot_domain.model.readings import Interpretation, Reading
from tarot_ports.interpreter import InterpretationRequest

SEVEN = "pentacles-seven"  # Thoth: "Failure", read as stalled effort, not as Rider–Waite's patient waiting


def _request(deck_id: str, language: str = "en", position: str = "challenge") -> InterpretationRequest:
    cards = (DrawnCard("present", "major-08-strength"), DrawnCard(position, SEVEN))
    return InterpretationRequest("celtic-cross", deck_id, language, "Will my project work out?", cards)


def _said(text: str, sentence: str) -> bool:
    """Whether a card's sentence is in the reading (a frame may continue into it in lower case)."""
    return sentence in text or sentence[:1].lower() + sentence[1:] in text


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_offline_reading_reads_the_decks_own_meaning(language: str) -> None:
    thoth = "\n\n".join(compose_reading(_request("thoth", language)))
    rws = "\n\n".join(compose_reading(_request("rider-waite", language)))
    failure = card_knowledge(SEVEN, "thoth", language)
    patience = card_knowledge(SEVEN, "rider-waite", language)
    shadow = failure.upright.shadow  # the challenge reads how the card blocks
    assert _said(thoth, shadow) and not _said(thoth, patience.upright.shadow)
    assert _said(rws, patience.upright.shadow)
    assert failure.named_in(thoth) and (f"({failure.epithet})" in thoth or f"(«{failure.epithet}»)" in thoth)
    assert card_knowledge("major-08-strength", "thoth", language).named_in(thoth)


def test_the_offline_closing_gives_the_advice_cards_action() -> None:
    cards = (DrawnCard("past", "cups-two"), DrawnCard("present", "wands-ace"), DrawnCard("future", SEVEN))
    text = "\n\n".join(compose_reading(InterpretationRequest("three", "thoth", "en", "What next?", cards)))
    assert _said(text.split("\n\n")[-1], card_knowledge(SEVEN, "thoth", "en").upright.action)


def test_the_prompt_gives_the_decks_name_meaning_and_the_aspect_the_role_reads() -> None:
    text = spread_description(_request("thoth"))
    failure = card_knowledge(SEVEN, "thoth", "en").upright
    assert f"Card: {card_knowledge(SEVEN, 'thoth', 'en').display_name} (upright)" in text
    assert (
        f"Meaning: {failure.core}" in text
        and f"How it blocks or goes wrong in this position: {failure.shadow}" in text
    )
    assert f"Keywords: {', '.join(failure.keywords)}" in text
    assert "The deck's title for this card: Failure" in text and "own tradition" in text
    assert card_knowledge(SEVEN, "rider-waite", "en").upright.core not in text
    lust = card_knowledge("major-08-strength", "thoth", "en").upright
    assert f"Meaning: {lust.core}" in text  # the present reads the core alone
    assert card_names(_request("thoth")) == ("Lust", card_knowledge(SEVEN, "thoth", "en").display_name)
    past = spread_description(_request("rider-waite", "uk", position="recent-past"))
    assert card_knowledge(SEVEN, "rider-waite", "uk").upright.past in past and "own tradition" not in past


def test_the_chat_and_the_json_show_the_decks_names() -> None:
    request = _request("thoth", "uk")
    reading = Reading(
        id="r", user_id="u", idempotency_key="k", spread_id=request.spread_id, deck_id="thoth", language="uk",
        question=request.question, cards=request.cards, interpretation=Interpretation("…", "offline"),
        created_at=datetime(2025, 1, 1, tzinfo=UTC),
    )  # fmt: skip
    body = reading_body(reading, "uk")
    assert card_knowledge(SEVEN, "thoth", "uk").label in body and "XI · Жага" in body
    assert [card["name"] for card in cards_json(reading)] == [
        "Жага",
        card_knowledge(SEVEN, "thoth", "uk").display_name,
    ]


def _version_follows(monkeypatch: pytest.MonkeyPatch, module: object, name: str, value: object) -> None:
    """Replacing `module.name` with `value` changes the content version, and undoing it restores it."""
    before = version.content_version()
    monkeypatch.setattr(module, name, value)
    version.content_version.cache_clear()
    try:
        assert version.content_version() != before
    finally:
        monkeypatch.undo()
        version.content_version.cache_clear()
    assert version.content_version() == before


@pytest.mark.parametrize(
    ("module", "name"), [(pairs, "PAIRS"), (polarity, "DECK_POLARITY"), (polarity, "POLARITY")]
)
def test_the_content_version_covers_the_language_neutral_tables(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> None:
    value = getattr(module, name)
    shorter = value[:-1] if isinstance(value, tuple) else dict(list(value.items())[:-1])
    _version_follows(monkeypatch, module, name, shorter)


@pytest.mark.parametrize("module_name", ["uk.decks.thoth.wands_cups", "en.pairs", "uk.cards.swords"])
def test_the_content_version_covers_cards_decks_and_pair_texts(
    monkeypatch: pytest.MonkeyPatch, module_name: str
) -> None:
    module = registry.pack_module(module_name.split(".")[0], module_name.split(".", 1)[1])
    assert module is not None
    name = "CARDS" if hasattr(module, "CARDS") else "PAIRS"
    items = dict(getattr(module, name))
    first, second = list(items)[:2]
    items[first] = items[second]  # one text, name or face changed
    _version_follows(monkeypatch, module, name, items)
