"""Every secret the configuration holds is planted, and every log line and every command's output is
searched for it: URL and DSN passwords, API keys, the OpenAI and Stripe keys, the bot token, the API
hash and a session string. The interpreter runs against the fake OpenAI server with a password in its
URL and LOG_LEVEL=DEBUG, so httpx's request lines are in the log too."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI

pytestmark = pytest.mark.contract

PLANTED = {
    "url password": "pg-Secret-Pass-1",
    "redis password": "redis-Secret-Pass-2",
    "openai url password": "llm-Secret-Pass-3",
    "api key": "apikey-Secret-0123456789",
    "stripe secret": "sk_test_StripeSecret0123456789",
    "webhook secret": "whsec_WebhookSecret0123456789",
    "old webhook secret": "whsec_OldWebhookSecret012345",
    "api hash": "0123456789abcdef0123456789abcdef",
    "bot token": "123456:AAsecretBotTokenAAAAAAAAAAAAAAAAAAAA",
    "session string": "1" + "SessionStringSecret" * 12 + "=",
}


def environment(fake: FakeOpenAI, tmp_path: Path, **overrides: str) -> dict[str, str]:
    base = fake.url.replace("http://", f"http://llm:{PLANTED['openai url password']}@", 1)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LOG_LEVEL": "DEBUG",
        "DATABASE_URL": f"postgresql://tarot:{PLANTED['url password']}@127.0.0.1:1/tarot",
        "REDIS_URL": f"redis://:{PLANTED['redis password']}@127.0.0.1:1/0",
        "OPENAI_API_KEY": fake.api_key,
        "OPENAI_BASE_URL": base,
        "OPENAI_MODEL": "m-1",
        "TAROT_API_KEYS": f"shop:{PLANTED['api key']}",
        "STRIPE_SECRET_KEY": PLANTED["stripe secret"],
        "STRIPE_WEBHOOK_SECRET": PLANTED["webhook secret"],
        "STRIPE_WEBHOOK_SECRET_PREVIOUS": PLANTED["old webhook secret"],
        "TAROT_PUBLIC_URL": "https://tarot.example",
        "TELEGRAM_API_ID": "12345",
        "TELEGRAM_API_HASH": PLANTED["api hash"],
        "TELEGRAM_BOT_TOKEN": PLANTED["bot token"],
        "TELEGRAM_SESSION_STRING": PLANTED["session string"],
        **overrides,
    }


def tarot(env: dict[str, str], tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "runners", *argv], capture_output=True, text=True, env=env, cwd=tmp_path,
        timeout=90, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def leaks(done: subprocess.CompletedProcess[str]) -> list[str]:
    shown = done.stdout + done.stderr
    return [what for what, secret in PLANTED.items() if secret in shown]


COMMANDS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "config": (("config",), {}),
    "config --json": (("config", "--json"), {}),
    "read, streamed, httpx at DEBUG": (("read", "Will it work?", "--stream", "--json"), {}),
    "chat": (("chat",), {}),
    "web, database unreachable": (("web", "--port", "0"), {}),
    "serve, Redis unreachable": (("serve", "--no-bot", "--port", "0"), {"DATABASE_URL": ""}),
    "bot --check-config": (("bot", "--check-config"), {}),
    "admin stats, database unreachable": (("admin", "stats"), {}),
    "admin with a key=value DSN": (
        ("admin", "balance", "telegram:1"),
        {"DATABASE_URL": f"host=127.0.0.1 port=1 user=tarot password={PLANTED['url password']} dbname=x"},
    ),
    "migrate with a key=value DSN": (
        ("migrate",),
        {"DATABASE_URL": f"host=127.0.0.1 password='{PLANTED['url password']}'"},
    ),
    "a malformed setting beside the secrets": (
        ("config",),
        {"TELEGRAM_API_ID": "abc", "WELCOME_CREDITS": "x"},
    ),
}


@pytest.mark.parametrize("case", list(COMMANDS))
async def test_no_command_shows_a_planted_secret(fake_openai: FakeOpenAI, tmp_path: Path, case: str) -> None:
    argv, overrides = COMMANDS[case]
    done = await asyncio.to_thread(tarot, environment(fake_openai, tmp_path, **overrides), tmp_path, *argv)
    assert leaks(done) == [], done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    if case.startswith("read"):
        assert done.returncode == 0 and fake_openai.chat_requests  # it did reach the fake
        assert "HTTP Request: POST http://llm:***@127.0.0.1" in done.stderr  # httpx's line, masked
    if "unreachable" in case:
        assert done.returncode == 2 and done.stderr.strip().splitlines()[-1].startswith(
            "tarot: error: cannot reach"
        )
