"""Fixtures for the Stripe contract: the local fake Stripe server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fake_stripe import FakeStripe


@pytest.fixture
async def fake_stripe() -> AsyncIterator[FakeStripe]:
    server = FakeStripe()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
