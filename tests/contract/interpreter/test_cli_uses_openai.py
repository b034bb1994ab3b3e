"""`tarot read` picks the OpenAI-compatible interpreter when OPENAI_API_KEY is set, and
`--interpreter offline` forces the offline one (the fake server sees no request then)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI

pytestmark = pytest.mark.contract


def tarot_read(fake: FakeOpenAI, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPENAI_API_KEY": fake.api_key, "OPENAI_BASE_URL": fake.url, "OPENAI_MODEL": "m-1"}
    return subprocess.run(
        [sys.executable, "-m", "runners", "read", "Will it work?", "--spread", "three", "--json", *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


async def test_tarot_read_uses_the_configured_server(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    done = await asyncio.to_thread(tarot_read, fake_openai, tmp_path)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["interpreter"] == "openai:m-1"
    assert len(fake_openai.chat_requests) == 1
    assert all(card["name"] in out["interpretation"] for card in out["cards"])


async def test_interpreter_offline_forces_the_offline_reader(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    done = await asyncio.to_thread(tarot_read, fake_openai, tmp_path, "--interpreter", "offline")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["interpreter"] == "offline"
    assert fake_openai.chat_requests == []


async def test_a_failing_server_gives_the_offline_reading_marked_as_such(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.scenario = "401"
    done = await asyncio.to_thread(tarot_read, fake_openai, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["interpreter"] == "offline"
    assert fake_openai.api_key not in done.stderr  # the error is logged, the key never
