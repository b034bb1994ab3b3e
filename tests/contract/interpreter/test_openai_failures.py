"""How the OpenAI interpreter fails: what it retries, how long it waits, and what it gives up on."""

from __future__ import annotations

import logging
import random
from datetime import timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from interpreter_support import OpenAIHarness, make_request

from adapters.memory.clock import ManualClock
from tarot_domain.model.errors import ErrorKind, TarotError

pytestmark = pytest.mark.contract


async def _fails(openai: OpenAIHarness, *, stream: bool = False, **config: Any) -> TarotError:
    async def on_delta(piece: str) -> None:
        pass

    with pytest.raises(TarotError) as caught:
        await openai.make(**config).interpret(make_request(), on_delta if stream else None)
    assert caught.value.kind is ErrorKind.API
    return caught.value


# --- retries -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["408", "409", "429", "500", "502", "503"])
async def test_transient_statuses_are_retried_twice_with_exponential_backoff(
    openai: OpenAIHarness, status: str
) -> None:
    openai.fake.scenario = status
    error = await _fails(openai)
    assert error.retryable
    assert len(openai.fake.chat_requests) == 3
    assert openai.sleeps == [0.5, 1.0]  # jitter 0: the bare backoff


async def test_a_retry_that_succeeds_returns_the_reading(openai: OpenAIHarness) -> None:
    openai.fake.queue = ["503", "500"]
    result = await openai.make().interpret(make_request())
    assert result.text and len(openai.fake.chat_requests) == 3 and openai.sleeps == [0.5, 1.0]


async def test_jitter_takes_up_to_a_quarter_off_each_delay(openai: OpenAIHarness) -> None:
    openai.fake.scenario = "503"
    await _fails(openai, jitter=random.Random(3).random)
    first, second = openai.sleeps
    assert 0.375 <= first <= 0.5 and 0.75 <= second <= 1.0
    openai.sleeps.clear()
    await _fails(openai, jitter=lambda: 0.999999)
    assert openai.sleeps == pytest.approx([0.375, 0.75], abs=1e-5)


async def test_backoff_doubles_up_to_eight_seconds(openai: OpenAIHarness) -> None:
    openai.fake.scenario = "500"
    await _fails(openai, max_retries=6)
    assert openai.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert len(openai.fake.chat_requests) == 7


async def test_no_retries_when_switched_off(openai: OpenAIHarness) -> None:
    openai.fake.scenario = "503"
    assert (await _fails(openai, max_retries=0)).retryable
    assert len(openai.fake.chat_requests) == 1 and openai.sleeps == []


@pytest.mark.parametrize(
    ("retry_after", "retry_after_ms", "expected"),
    [
        ("2", None, 2.0),
        (None, "150", 0.15),
        ("7", "150", 0.15),  # the millisecond header is the more precise, so it wins
        ("120", None, 60.0),  # capped
        ("0", None, 0.5),  # no usable wish: the backoff
        ("soon", None, 0.5),
    ],
)
async def test_the_servers_retry_after_is_honoured(
    openai: OpenAIHarness, retry_after: str | None, retry_after_ms: str | None, expected: float
) -> None:
    openai.fake.queue = ["429"]
    openai.fake.retry_after, openai.fake.retry_after_ms = retry_after, retry_after_ms
    result = await openai.make().interpret(make_request())
    assert result.text
    assert openai.sleeps == [pytest.approx(expected)]


async def test_retry_after_as_an_http_date(openai: OpenAIHarness) -> None:
    clock = ManualClock()
    openai.fake.queue = ["503", "503"]
    openai.fake.retry_after = format_datetime(clock.now() + timedelta(seconds=30), usegmt=True)
    await openai.make(clock=clock).interpret(make_request())
    clock.advance(25)  # the same date, seen later, asks for less
    openai.fake.queue = ["503"]
    await openai.make(clock=clock).interpret(make_request())
    assert openai.sleeps == [30.0, 30.0, 5.0]


# --- not retried -------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["400", "401", "403", "404", "422"])
async def test_client_errors_are_not_retried(openai: OpenAIHarness, status: str) -> None:
    openai.fake.scenario = status
    error = await _fails(openai)
    assert not error.retryable and f"HTTP {status}" in error.detail
    assert len(openai.fake.chat_requests) == 1 and openai.sleeps == []


async def test_a_wrong_key_is_not_retried_and_never_shown(
    openai: OpenAIHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "sk-proj-abcdefghijklmnop1234567890"
    error = await _fails(openai, api_key=secret)
    assert not error.retryable and "invalid_api_key" in error.detail
    assert len(openai.fake.chat_requests) == 1
    shown = [error.detail, repr(error), *(r.getMessage() for r in caplog.records)]
    assert all(secret not in text and "abcdefghijklmnop" not in text for text in shown)
    assert any(r.levelno >= logging.ERROR and "ALERT" in r.getMessage() for r in caplog.records)


async def test_insufficient_quota_is_an_alert_not_a_retry(
    openai: OpenAIHarness, caplog: pytest.LogCaptureFixture
) -> None:
    openai.fake.scenario = "insufficient_quota"
    openai.fake.retry_after = "1"
    error = await _fails(openai)
    assert not error.retryable and "insufficient_quota" in error.detail
    assert len(openai.fake.chat_requests) == 1 and openai.sleeps == []
    alerts = [r for r in caplog.records if r.name == "adapters.openai_http" and "ALERT" in r.getMessage()]
    assert alerts and alerts[0].levelno == logging.CRITICAL


@pytest.mark.parametrize(("status", "header", "attempts"), [("503", "false", 1), ("400", "true", 3)])
async def test_the_servers_x_should_retry_wins(
    openai: OpenAIHarness, status: str, header: str, attempts: int
) -> None:
    openai.fake.scenario, openai.fake.error_headers = status, {"x-should-retry": header}
    await _fails(openai)
    assert len(openai.fake.chat_requests) == attempts


# --- transport failures ------------------------------------------------------------------------------


async def test_timeouts_are_retried(openai: OpenAIHarness) -> None:
    openai.fake.scenario, openai.fake.slow_seconds = "slow", 2.0
    error = await _fails(openai, read_timeout=0.1)
    assert error.retryable and "timed out" in error.detail
    assert len(openai.fake.chat_requests) == 3 and openai.sleeps == [0.5, 1.0]


async def test_a_slow_answer_within_the_timeout_is_fine(openai: OpenAIHarness) -> None:
    openai.fake.queue, openai.fake.slow_seconds = ["slow"], 0.3
    result = await openai.make(read_timeout=0.1).interpret(make_request())  # 1st times out, 2nd answers
    assert result.text and len(openai.fake.chat_requests) == 2


async def test_connection_errors_are_retried(openai: OpenAIHarness) -> None:
    url = openai.fake.url
    await openai.fake.stop()  # nothing listens on the port any more
    error = await _fails(openai, base_url=url, max_retries=1)
    assert error.retryable and "connection failed" in error.detail and openai.sleeps == [0.5]


async def test_a_non_json_success_is_an_error(openai: OpenAIHarness) -> None:
    openai.fake.scenario = "garbage"
    error = await _fails(openai)
    assert "malformed" in error.detail and len(openai.fake.chat_requests) == 1


# --- incomplete answers ------------------------------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "stream"])
@pytest.mark.parametrize(
    ("scenario", "words"),
    [("length", "finish_reason=length"), ("content_filter", "content filter")],
)
async def test_an_answer_not_finished_with_stop_is_an_error(
    openai: OpenAIHarness, stream: bool, scenario: str, words: str
) -> None:
    openai.fake.scenario = scenario
    error = await _fails(openai, stream=stream)
    assert words in error.detail and not error.retryable
    assert len(openai.fake.chat_requests) == 1


@pytest.mark.parametrize(
    ("scenario", "words"),
    [("cut", "before [DONE]"), ("drop", "broke off"), ("error_event", "stream error")],
)
async def test_a_broken_stream_is_an_error_and_not_repeated(
    openai: OpenAIHarness, scenario: str, words: str
) -> None:
    openai.fake.scenario = scenario
    error = await _fails(openai, stream=True)
    assert words in error.detail
    # Text already went to on_delta: a retry would show it twice, so the use case falls back instead.
    assert len(openai.fake.chat_requests) == 1 and openai.sleeps == []


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "stream"])
async def test_an_answer_missing_a_card_is_refused(openai: OpenAIHarness, stream: bool) -> None:
    openai.fake.scenario = "no_cards"
    error = await _fails(openai, stream=stream)
    assert not error.retryable and "does not name" in error.detail


async def test_an_empty_answer_is_refused(openai: OpenAIHarness) -> None:
    openai.fake.content = "  \n "
    error = await _fails(openai)
    assert not error.retryable and "empty" in error.detail
    request = make_request()
    from interpreter_support import reading_from

    from tarot_domain.model.readings import Interpretation

    reading = reading_from(request, Interpretation(text="x", interpreter="t"))
    with pytest.raises(TarotError, match="empty"):
        await openai.make().follow_up(reading, (), "And then?")
