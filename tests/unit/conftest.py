"""Fixtures for unit tests; the fakes live in `unit_world`."""

from __future__ import annotations

import pytest
from unit_world import World, build_world


@pytest.fixture
def world() -> World:
    return build_world()
