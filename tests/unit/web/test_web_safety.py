"""The JSON API and the safety screen: a crisis gets 200 with the support block and no reading (nothing
drawn, charged or stored), a framed question is read with `support` and a null `lean`, the counter
counts by kind and stage, and no log line holds the text."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from exposition import sample_value
from web_support import ALPHA, build_web_world, serving

from runners.metrics import SCREEN_KINDS
from tarot_domain.content.polarity import polarity
from tarot_domain.model.events import ScreenStage


def key(value: str) -> dict[str, str]:
    return {**ALPHA, "Idempotency-Key": value}


def footprint(world: Any) -> tuple[int, int, int]:
    state = world.store.state
    return len(state.users), len(state.book.transfers), len(state.readings)


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        ({"spread": "yes-no", "question": "Should I kill myself?"}, "911"),
        ({"spread": "three", "question": "Я хочу покінчити з усім", "language": "uk"}, "7333"),
        (
            {"spread": "relationship", "question": "What is ahead?", "answers": ["Anna", "I want to die"]},
            "112",
        ),
    ],
)
async def test_a_crisis_gets_the_support_block_and_nothing_is_drawn_charged_or_stored(
    body: dict[str, Any], phrase: str, caplog: pytest.LogCaptureFixture
) -> None:
    world = build_web_world(welcome_credits=100, every_spread_free=True)
    before = footprint(world)
    with caplog.at_level(logging.DEBUG):
        async with serving(world) as client:
            response = await client.post("/v1/users/u1/readings", json=body, headers=key("k-1"))
            data = await response.json()
    assert response.status == 200
    assert data["cards"] == [] and data["cost"] == 0 and "interpretation" not in data and "id" not in data
    assert data["support"]["kind"] == "crisis" and phrase in data["support"]["message"]
    assert footprint(world) == before  # not even the user was registered
    typed = [body["question"], *body.get("answers", [])]
    assert not any(text in caplog.text for text in typed)
    metrics = world.metrics.render()
    assert sample_value(metrics, "tarot_safety_screen_total", kind="crisis", stage="intake") == 1
    assert "tarot_readings_total{" not in metrics and "tarot_interpreter_calls_total{" not in metrics


async def test_a_framed_question_is_read_with_support_and_no_lean() -> None:
    world = build_web_world(welcome_credits=100)
    body = {"spread": "yes-no", "question": "Should I stop taking my antidepressants?"}
    async with serving(world) as client:
        response = await client.post("/v1/users/u1/readings", json=body, headers=key("k-1"))
        data = await response.json()
        replay = await (await client.post("/v1/users/u1/readings", json=body, headers=key("k-1"))).json()
        history = await (await client.get("/v1/users/u1/readings", headers=ALPHA)).json()
    assert response.status == 201 and data["cost"] == 5 and len(data["cards"]) == 1
    assert data["support"]["kind"] == "health" and "doctor" in data["support"]["message"]
    assert data["interpretation"]["text"].startswith(data["support"]["message"])
    assert data["lean"] is None
    assert replay == data  # the replay repeats the first answer
    assert history["items"][0]["support"] == data["support"] and history["items"][0]["lean"] is None
    metrics = world.metrics.render()
    assert sample_value(metrics, "tarot_safety_screen_total", kind="health", stage="intake") == 1
    assert sample_value(metrics, "tarot_safety_screen_total", kind="health", stage="reading") == 1


async def test_an_ordinary_question_has_no_support_and_a_yes_no_reading_has_a_lean() -> None:
    world = build_web_world(welcome_credits=100)
    async with serving(world) as client:
        yes_no = await (
            await client.post(
                "/v1/users/u1/readings",
                json={"spread": "yes-no", "question": "Will he call?"},
                headers=key("a"),
            )
        ).json()
        three = await (
            await client.post(
                "/v1/users/u1/readings", json={"spread": "three", "question": "What now?"}, headers=key("b")
            )
        ).json()
    assert yes_no["support"] is None and three["support"] is None
    card = yes_no["cards"][0]
    assert yes_no["lean"] == polarity(card["card"], card["reversed"], "rider-waite").lean.value
    assert three["lean"] is None  # "What now?" is an open question
    metrics = world.metrics.render()
    assert sample_value(metrics, "tarot_safety_screen_total", kind="none", stage="reading") == 2


async def test_the_safety_counter_uses_fixed_labels_only() -> None:
    world = build_web_world(welcome_credits=100)
    async with serving(world) as client:
        for n, question in enumerate(("Хочу померти", "Should I sue my landlord?", "Will I get a raise?")):
            body = {"spread": "three", "question": question}
            await client.post(f"/v1/users/u{n}/readings", json=body, headers=key(f"k{n}"))
    lines = [
        line for line in world.metrics.render().splitlines() if line.startswith("tarot_safety_screen_total{")
    ]
    assert lines
    stages = {stage.value for stage in ScreenStage}
    for line in lines:
        labels = dict(part.split("=") for part in line[line.index("{") + 1 : line.index("}")].split(","))
        assert set(labels) == {"kind", "stage"}
        assert labels["kind"].strip('"') in SCREEN_KINDS and labels["stage"].strip('"') in stages


async def test_the_openapi_document_describes_support_and_lean() -> None:
    world = build_web_world()
    async with serving(world) as client:
        document = await (await client.get("/openapi.json")).json()
    schemas = document["components"]["schemas"]
    assert schemas["Support"]["properties"]["kind"]["enum"] == ["crisis", "health", "legal", "money"]
    assert {"support", "lean"} <= set(schemas["ReadingView"]["properties"])
    assert schemas["ReadingView"]["properties"]["lean"]["enum"] == ["yes", "no", "unclear", None]
    assert schemas["Screened"]["properties"]["cards"]["maxItems"] == 0
    ok = document["paths"]["/v1/users/{ref}/readings"]["post"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Screened"}
