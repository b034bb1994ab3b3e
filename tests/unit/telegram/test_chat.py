"""`tarot chat` through a pipe: a whole session in a subprocess, payments simulated."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def chat(lines: list[str], *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "OPENAI_", "TELEGRAM_", "LIMIT_"))
    }
    environment.update(WELCOME_CREDITS="20", PYTHONIOENCODING="utf-8", **(env or {}))
    with tempfile.TemporaryDirectory() as scratch:  # where pictures go unless --pictures says otherwise
        environment.setdefault("TMPDIR", scratch)
        return subprocess.run(
            [sys.executable, "-m", "runners", "chat", *args],
            input="".join(line + "\n" for line in lines),
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            env=environment,
            timeout=120,
        )


def after(transcript: str, typed: str) -> str:
    """What the bot said in answer to the last time `typed` was entered."""
    return transcript.rsplit(f"\n> {typed}\n", 1)[1].split("\n> ", 1)[0]


def test_a_full_session_read_buy_and_history() -> None:
    session = [
        "/start",
        "/read",
        "3",  # [3] Past, Present, Future (12)
        "Will the new job work out?",
        "/balance",
        "/buy",
        "1",  # [1] Starter pack: 50 credits · 150 ⭐
        "1",  # [1] Pay (simulated)
        "/balance",
        "/history",
        "1",  # open reading 1
        "/quit",
        "/balance",  # never reached
    ]
    done = chat(session, "--name", "Ann", "--seed", "7")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Welcome, Ann!" in after(out, "/start") and "20 free credits" in out
    assert "[3] Past, Present, Future (12)" in after(out, "/read")
    assert "Now type your question." in after(out, "3")
    reading = after(out, "Will the new job work out?")
    assert "(typing…)" in reading and "Shuffling the deck" in reading
    assert "• Past:" in reading and "• Present:" in reading and "• Future:" in reading
    assert "12 credits were used; 8 remain." in reading and "[1] Ask a follow-up (2)" in reading
    balances = re.findall(r"You have (\d+) credits\.", out)
    assert balances == ["8", "58"]
    invoice = out.split("> /buy\n", 1)[1]
    assert (
        "(simulated payment) Invoice: Starter pack — 150 XTR" in invoice and "[1] Pay (simulated)" in invoice
    )
    assert "(simulated payment) checkout approved" in out
    assert "Thank you! ⭐ 50 credits were added; you now have 58." in out
    history = after(out, "/history")
    assert "1–1 of 1" in history and "Will the new job work out?" in history
    assert "Your question: “Will the new job work out?”" in out.rsplit("\n> 1\n", 1)[1]
    assert out.count("You have ") == 2  # nothing after /quit


def test_plain_text_is_an_offer_and_nothing_is_charged_until_the_tap() -> None:
    session = [
        "/start",
        "Will my garden grow?",
        "/balance",
        "Will my garden grow?",
        "1",  # [1] Read for 12 credits
        "/balance",
    ]
    done = chat(session, "--name", "Ann", "--seed", "3")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    greeting = after(out, "/start")
    for choice in ("[1] 🔮 Reading", "[2] 🌞 Card of the day", "[3] Balance", "[4] ⭐ Buy", "[5] Help"):
        assert choice in greeting
    offer = out.split("\n> Will my garden grow?\n", 2)[1].split("\n> ", 1)[0]
    assert "I suggest “Past, Present, Future”: 3 cards for 12 credits. You have 20 credits" in offer
    assert (
        "[1] Read for 12 credits" in offer and "[2] Choose another spread" in offer and "[3] Cancel" in offer
    )
    assert "(typing…)" not in offer and "Shuffling the deck" not in offer
    assert re.findall(r"You have (\d+) credits\.", out) == ["20", "8"]  # nothing charged before the tap
    reading = after(out, "1")
    assert "Shuffling the deck" in reading and "12 credits were used; 8 remain." in reading
    assert "[1] Ask a follow-up (2)" in reading and "[2] New reading" in reading


def test_the_limits_set_in_the_environment_reach_the_chat() -> None:
    session = ["/start", "First?", "1", "Second?", "1"]
    done = chat(session, "--name", "Ann", env={"LIMIT_READINGS_BURST": "1"})
    assert done.returncode == 0, done.stderr
    assert "Your next reading can start in 12 minutes." in after(done.stdout, "1")
    assert done.stdout.count("credits were used") == 1  # the first reading only


def test_end_of_input_exits_cleanly_and_ukrainian_works() -> None:
    done = chat(["/start", "/balance"], "--lang", "uk")
    assert done.returncode == 0, done.stderr
    assert "Друже, вітаю!" in done.stdout and "На вашому балансі 20 кредитів." in done.stdout


def test_help_says_everything_is_in_memory_and_payments_are_simulated() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "runners", "chat", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "kept in memory" in text and "simulated" in text


def test_a_bad_language_is_a_usage_error() -> None:
    done = chat([], "--lang", "fr")
    assert done.returncode == 2 and "unknown language" in done.stderr


def test_a_crisis_typed_into_the_chat_gets_support_and_nothing_is_charged() -> None:
    done = chat(["/start", "Я хочу покінчити з усім", "1", "/balance"], "--name", "Ann", "--lang", "uk")
    assert done.returncode == 0, done.stderr
    answer = after(done.stdout, "Я хочу покінчити з усім")
    assert "7333" in answer and "findahelpline.com" in answer
    assert "[1]" not in answer and "Перемішую" not in answer  # no buttons, no reading
    assert "20" in after(done.stdout, "/balance")


def test_each_reading_picture_is_saved_and_its_path_printed(tmp_path: Path) -> None:
    from PIL import Image

    session = ["/start", "/daily", "/read three", "Will the new job work out?"]
    done = chat(session, "--pictures", str(tmp_path))
    assert done.returncode == 0, done.stderr
    printed = re.findall(r"\(picture: (.+\.png)\)", done.stdout)
    assert len(printed) == 2  # the card of the day, then the reading
    assert sorted(printed) == sorted(str(p) for p in tmp_path.glob("*.png"))
    three = after(done.stdout, "Will the new job work out?")
    assert three.index("(picture: ") < three.index("“Will the new job work out?”")  # the picture comes first
    for path in printed:
        with Image.open(path) as picture:
            assert picture.width >= 800
