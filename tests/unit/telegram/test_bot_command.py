"""`tarot bot`: configuration checked before any network, one line and exit 2 when it is wrong; the
assembled bot (real dialog, embedded defaults) answers /start through the recorded Telethon client."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from binding_harness import FakeDialog, Harness
from telethon.tl import functions, types

from adapters.telegram.binding import TelegramBot
from runners import cli
from tarot_domain.content.registry import translate

VALID = {
    "TELEGRAM_API_ID": "12345",
    "TELEGRAM_API_HASH": "0123456789abcdef0123456789abcdef",
    "TELEGRAM_BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ",
}
ALL_VARIABLES = (
    *VALID,
    "TELEGRAM_SESSION",
    "TELEGRAM_SESSION_STRING",
    "TELEGRAM_ADMIN_IDS",
    "DATABASE_URL",
    "REDIS_URL",
    "OPENAI_API_KEY",
)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for name in ALL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TAROT_SQLITE_PATH", str(tmp_path / "tarot.sqlite3"))

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("tarot bot --check-config must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    return monkeypatch


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({}, "TELEGRAM_API_ID, TELEGRAM_API_HASH and TELEGRAM_BOT_TOKEN must be set"),
        ({**VALID, "TELEGRAM_BOT_TOKEN": ""}, "TELEGRAM_BOT_TOKEN must be set"),
        ({**VALID, "TELEGRAM_API_ID": "twelve"}, "TELEGRAM_API_ID must be an integer, got 'twelve'"),
        ({**VALID, "TELEGRAM_API_HASH": "xyz"}, "TELEGRAM_API_HASH must be 32 hexadecimal characters"),
        ({**VALID, "TELEGRAM_BOT_TOKEN": "not-a-token"}, "TELEGRAM_BOT_TOKEN must look like"),
        ({**VALID, "TELEGRAM_ADMIN_IDS": "1,two"}, "TELEGRAM_ADMIN_IDS must be comma-separated"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], overrides: dict[str, str], expected: str
) -> None:
    for name, value in overrides.items():
        env.setenv(name, value)
    for check in (["bot", "--check-config"], ["bot"]):  # the same check runs before connecting
        assert cli.run(check) == 2
        captured = capsys.readouterr()
        lines = captured.err.splitlines()
        assert len(lines) == 1 and expected in lines[0], captured.err
        assert captured.out == ""
        assert VALID["TELEGRAM_BOT_TOKEN"] not in captured.err


def test_valid_configuration_checks_out_without_connecting(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in VALID.items():
        env.setenv(name, value)
    env.setenv("TELEGRAM_ADMIN_IDS", "1, 2")
    assert cli.run(["bot", "--check-config"]) == 0
    captured = capsys.readouterr()
    assert (
        "configuration ok" in captured.out
        and "admins 2" in captured.out
        and "interpreter offline" in captured.out
    )
    assert VALID["TELEGRAM_BOT_TOKEN"] not in captured.out + captured.err
    assert VALID["TELEGRAM_API_HASH"] not in captured.out + captured.err


def test_the_installed_command_prints_one_line_on_stderr() -> None:
    clean = {k: v for k, v in os.environ.items() if k not in ALL_VARIABLES}
    done = subprocess.run(
        [sys.executable, "-m", "runners", "bot", "--check-config"],
        env={
            **clean,
            "TELEGRAM_API_ID": "abc",
            "TELEGRAM_API_HASH": VALID["TELEGRAM_API_HASH"],
            "TELEGRAM_BOT_TOKEN": VALID["TELEGRAM_BOT_TOKEN"],
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["tarot: configuration: TELEGRAM_API_ID must be an integer, got 'abc'"]


def keyboard(request: Any) -> list[list[str]]:
    """The inline keyboard of a sent or edited message, as rows of labels."""
    return [[b.text for b in row.buttons] for row in request.reply_markup.rows]


def data_of(request: Any, label: str) -> bytes:
    (data,) = [b.type.data for row in request.reply_markup.rows for b in row.buttons if b.text == label]
    return bytes(data)


async def test_the_assembled_bot_greets_with_buttons_and_reads_only_after_the_press(
    env: pytest.MonkeyPatch,
) -> None:
    from runners.bot import load_bot_settings, open_runtime

    settings, bot_settings = load_bot_settings(
        {**VALID, "TAROT_SQLITE_PATH": os.environ["TAROT_SQLITE_PATH"]}
    )
    async with open_runtime(settings, bot_settings) as runtime:
        h = Harness(FakeDialog())
        bot = TelegramBot(h.client, runtime.dialog, outbox=h.outbox)  # the real dialog this time
        bot.install()
        h.client.remove_event_handler(h.bot._on_message)  # only the assembled bot listens
        h.client.remove_event_handler(h.bot._on_callback)
        h.client.remove_event_handler(h.bot._on_raw)
        await h.message("/start")
        welcome = list(h.sender.requests)
        await h.message("Will I find a new job this year?")  # a question gets an offer, not a reading
        offer = h.sender.requests[len(welcome) :]
        (offered,) = [r for r in offer if isinstance(r, functions.messages.SendMessageRequest)]
        await h.callback(data_of(offered, "Read for 12 credits"), query_id=31)
        reading = h.sender.requests[len(welcome) + len(offer) :]
        await h.callback(data_of(offered, "Read for 12 credits"), query_id=32)  # pressed again
        again = h.sender.requests[len(welcome) + len(offer) + len(reading) :]
    (greeting,) = [r for r in welcome if isinstance(r, functions.messages.SendMessageRequest)]
    assert greeting.message.startswith("Welcome, Ada!")  # a welcome, not an apology
    assert translate("error.database", "en") not in greeting.message
    assert keyboard(greeting) == [["🔮 Reading", "🌞 Card of the day"], ["Balance", "⭐ Buy", "Help"]]
    assert keyboard(offered) == [["Read for 12 credits"], ["Choose another spread", "Cancel"]]
    assert "12 credits" in offered.message and "You have 20 credits" in offered.message
    assert not any(isinstance(r, functions.messages.SetTypingRequest) for r in offer)  # nothing read yet
    assert any(isinstance(r, functions.messages.SetTypingRequest) for r in reading)
    final = reading[-1]
    assert isinstance(final, functions.messages.SendMessageRequest | functions.messages.EditMessageRequest)
    assert keyboard(final) == [["Ask a follow-up (2)"], ["New reading"]] and len(final.message) > 200
    assert "12 credits were used; 8 remain." in final.message
    # The assembled bot sends the spread's picture (uploaded, drawn by the container's renderer) before
    # the reading, whose card names are bold entities.
    (photo,) = [r for r in reading if isinstance(r, functions.messages.SendMediaRequest)]
    assert isinstance(photo.media, types.InputMediaUploadedPhoto)
    assert reading.index(photo) < reading.index(final)
    assert any(isinstance(e, types.MessageEntityBold) for e in final.entities)
    (expired,) = again  # the spent button: only the query's answer, nothing read twice
    assert isinstance(expired, functions.messages.SetBotCallbackAnswerRequest)
    assert expired.message == "This button has expired. Please start again."
    assert all(len(getattr(r, "message", "") or "") <= 4096 for r in h.sender.requests)
