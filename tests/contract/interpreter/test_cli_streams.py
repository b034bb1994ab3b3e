"""`tarot read` and `tarot chat` stream an LLM reading as it is written, against the fake OpenAI server."""

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
WAITING = "Waiting for the reading from openai:m-1…"


def tarot(
    fake: FakeOpenAI, tmp_path: Path, *argv: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPENAI_API_KEY": fake.api_key, "OPENAI_BASE_URL": fake.url, "OPENAI_MODEL": "m-1"}
    return subprocess.run(
        [sys.executable, "-m", "runners", *argv], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=60, input=stdin,
    )  # fmt: skip


def read(fake: FakeOpenAI, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return tarot(fake, tmp_path, "read", "Will it work?", "--spread", "three", "--seed", "4", *extra)


async def test_the_json_object_goes_to_stdout_and_the_text_to_stderr_as_it_arrives(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    done = await asyncio.to_thread(read, fake_openai, tmp_path, "--json", "--stream")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["interpreter"], out["fallback"]) == ("openai:m-1", False)
    assert done.stderr.startswith(WAITING + "\n")  # the progress line, then the pieces
    assert done.stderr[len(WAITING) + 1 :].strip() == out["interpretation"].strip()
    assert fake_openai.chat_requests[-1].body["stream"] is True


async def test_the_text_streams_under_the_cards_once(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    done = await asyncio.to_thread(read, fake_openai, tmp_path, "--stream")
    assert done.returncode == 0, done.stderr
    waited = await asyncio.to_thread(read, fake_openai, tmp_path, "--no-stream")
    assert waited.returncode == 0 and waited.stderr == ""  # no progress line when nothing streams
    assert done.stdout == waited.stdout  # the same screen, only written as it arrived
    assert done.stderr == WAITING + "\n"
    lines = done.stdout.splitlines()
    assert lines[:2] == ["Past, Present, Future · Rider–Waite–Smith", "“Will it work?”"]
    assert lines[3].startswith("  Past: ") and done.stdout.count("Here is what the cards say") == 1


async def test_a_stream_that_breaks_off_falls_back_marked_as_such(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.queue = ["error_event"] * 3  # half the text, then an error, on every retry
    done = await asyncio.to_thread(read, fake_openai, tmp_path, "--json", "--stream")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["interpreter"], out["fallback"]) == ("offline", True)
    assert "Our AI reader was unavailable" in done.stderr and out["interpretation"] in done.stderr
    assert "Traceback" not in done.stderr and fake_openai.api_key not in done.stderr
    fake_openai.queue = ["error_event"] * 3
    text = await asyncio.to_thread(read, fake_openai, tmp_path, "--stream")
    assert text.returncode == 0, text.stderr
    note, offline = text.stdout.split("Our AI reader was unavailable", 1)
    assert "\n  Past: " in note and "\n  Past: " not in offline  # the cards once, then the note and the text


async def test_chat_reads_with_the_configured_interpreter_and_streams_once(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    typed = "/start\n/read\n1\nWill it work?\n/quit\n"  # /read, the first spread (single), the question
    done = await asyncio.to_thread(tarot, fake_openai, tmp_path, "chat", "--seed", "3", stdin=typed)
    assert done.returncode == 0, done.stderr
    assert len(fake_openai.chat_requests) == 1  # the bot's interpreter, not the offline reader
    assert done.stdout.count("Here is what the cards say") == 1  # streamed, and not printed again
    assert "credits were used" in done.stdout.split("Here is what the cards say", 1)[1]
    offline = await asyncio.to_thread(
        tarot, fake_openai, tmp_path, "chat", "--seed", "3", "--interpreter", "offline", stdin=typed
    )
    assert offline.returncode == 0 and len(fake_openai.chat_requests) == 1
