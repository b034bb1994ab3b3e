"""The binding's pure parts: cutting text below Telegram's limit, pacing sends, reading the config."""

from __future__ import annotations

import pytest
from binding_harness import FakeTime
from hypothesis import given
from hypothesis import strategies as st

from adapters.telegram.config import TelegramConfig, TelegramConfigError
from adapters.telegram.events import MESSAGE_LIMIT
from adapters.telegram.limits import Pacer
from adapters.telegram.split import split_text, utf16_len


def test_short_text_is_one_chunk_and_blank_text_none() -> None:
    assert split_text("hello") == ["hello"]
    assert split_text("  \n\n ") == []


def test_paragraphs_come_first() -> None:
    text = "aaaa bbbb\ncccc\n\ndddd eeee"
    assert split_text(text, 16) == ["aaaa bbbb\ncccc", "dddd eeee"]


def test_then_lines_then_words_then_a_hard_cut() -> None:
    assert split_text("aaaa bbbb\ncccc dddd", 12) == ["aaaa bbbb", "cccc dddd"]
    assert split_text("aaaa bbbb cccc", 10) == ["aaaa bbbb", "cccc"]
    assert split_text("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_length_is_counted_in_utf16_units_and_a_surrogate_pair_is_never_cut() -> None:
    text = "🔮" * 10  # each is two UTF-16 units
    chunks = split_text(text, 5)
    assert chunks == ["🔮🔮", "🔮🔮", "🔮🔮", "🔮🔮", "🔮🔮"]
    assert utf16_len("🔮a") == 3


def test_the_default_limit_is_telegrams() -> None:
    text = "\n\n".join(["word " * 300] * 10)
    chunks = split_text(text)
    assert len(chunks) > 1 and all(utf16_len(c) <= MESSAGE_LIMIT for c in chunks)


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "é", "🔮"]), max_size=400), st.integers(2, 60))
def test_chunks_fit_and_keep_every_visible_character(text: str, limit: int) -> None:
    chunks = split_text(text, limit)
    assert all(0 < utf16_len(c) <= limit for c in chunks)
    assert all(c == c.strip() for c in chunks)
    assert "".join(chunks).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


async def test_the_pacer_allows_a_burst_per_chat_then_one_a_second() -> None:
    time = FakeTime()
    pacer = Pacer(clock=time.clock, sleep=time.sleep)
    waits = [await pacer.acquire(1) for _ in range(5)]
    assert waits == [0, 0, 0, 1.0, 1.0]
    assert await pacer.acquire(2) == 0  # another chat is not held up


async def test_the_pacer_keeps_thirty_a_second_overall() -> None:
    time = FakeTime()
    pacer = Pacer(clock=time.clock, sleep=time.sleep)
    start = time.now
    for chat in range(90):
        await pacer.acquire(chat)
    assert time.now - start == pytest.approx(2.0, abs=0.05)  # 30 at once, then 30 a second


async def test_a_deferred_chat_waits_out_the_flood() -> None:
    time = FakeTime()
    pacer = Pacer(clock=time.clock, sleep=time.sleep)
    pacer.defer(7, 12)
    assert await pacer.acquire(7) == pytest.approx(12)


VALID = {
    "TELEGRAM_API_ID": "12345",
    "TELEGRAM_API_HASH": "0123456789abcdef0123456789abcdef",
    "TELEGRAM_BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ",
}


def test_config_reads_the_three_variables_and_hides_secrets() -> None:
    config = TelegramConfig.from_env(VALID)
    assert (config.api_id, config.bot_id, config.session_file, config.session_string) == (
        12345,
        123456789,
        "tarot-bot.session",
        None,
    )
    assert VALID["TELEGRAM_BOT_TOKEN"] not in repr(config)
    assert VALID["TELEGRAM_API_HASH"] not in str(config)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"TELEGRAM_API_ID": ""}, "TELEGRAM_API_ID must be set"),
        (
            {"TELEGRAM_API_ID": "", "TELEGRAM_BOT_TOKEN": ""},
            "TELEGRAM_API_ID and TELEGRAM_BOT_TOKEN must be set",
        ),
        ({"TELEGRAM_API_ID": "12x"}, "TELEGRAM_API_ID must be an integer, got '12x'"),
        ({"TELEGRAM_API_ID": "-3"}, "TELEGRAM_API_ID must be a positive integer"),
        ({"TELEGRAM_API_HASH": "nothex"}, "TELEGRAM_API_HASH must be 32 hexadecimal characters"),
        ({"TELEGRAM_BOT_TOKEN": "123:short"}, "TELEGRAM_BOT_TOKEN must look like"),
        ({"TELEGRAM_SESSION_STRING": "1notbase64!!"}, "TELEGRAM_SESSION_STRING is not a valid"),
    ],
)
def test_config_errors_are_one_line_naming_the_variable(change: dict[str, str], message: str) -> None:
    with pytest.raises(TelegramConfigError) as caught:
        TelegramConfig.from_env({**VALID, **change})
    text = str(caught.value)
    assert message in text and "\n" not in text
    assert VALID["TELEGRAM_BOT_TOKEN"] not in text


def test_a_string_session_is_accepted() -> None:
    from telethon.sessions import StringSession

    session = StringSession()
    session.set_dc(2, "149.154.167.51", 443)
    session.auth_key = type("Key", (), {"key": b"k" * 256})()
    value = session.save()
    config = TelegramConfig.from_env({**VALID, "TELEGRAM_SESSION_STRING": value})
    assert config.session_string == value and value not in repr(config)
