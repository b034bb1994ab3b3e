"""Fixtures for the Interpreter contract: a fake OpenAI server, OpenAI interpreters on it (with recorded
sleeps instead of real waits), and the offline interpreter."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fake_openai import FakeOpenAI
from interpreter_support import OpenAIHarness, offline_interpreter

from tarot_ports.interpreter import Interpreter


@pytest.fixture
async def fake_openai() -> AsyncIterator[FakeOpenAI]:
    server = FakeOpenAI()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
async def openai(fake_openai: FakeOpenAI) -> AsyncIterator[OpenAIHarness]:
    harness = OpenAIHarness(fake_openai)
    try:
        yield harness
    finally:
        for interpreter in harness.made:
            await interpreter.aclose()


@pytest.fixture(params=["offline", "openai_http"])
def interpreter(request: pytest.FixtureRequest) -> Interpreter:
    """Every Interpreter adapter; the OpenAI one against the fake server."""
    if request.param == "offline":
        return offline_interpreter()
    harness: OpenAIHarness = request.getfixturevalue("openai")
    return harness.make()
