"""The fake server is faithful: the official `openai` package parses everything it sends."""

from __future__ import annotations

from collections.abc import AsyncIterator

import openai
import pytest
from fake_openai import FakeOpenAI
from openai.types.chat import ChatCompletionMessageParam

pytestmark = pytest.mark.contract

MESSAGES: list[ChatCompletionMessageParam] = [
    {"role": "system", "content": "You are a tarot reader."},
    {"role": "user", "content": "Card: The Star (upright)"},
]


@pytest.fixture
async def official(fake_openai: FakeOpenAI) -> AsyncIterator[openai.AsyncOpenAI]:
    async with openai.AsyncOpenAI(
        base_url=fake_openai.url, api_key=fake_openai.api_key, max_retries=0
    ) as client:
        yield client


async def test_a_plain_completion_parses(official: openai.AsyncOpenAI, fake_openai: FakeOpenAI) -> None:
    completion = await official.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert completion.model == fake_openai.model_snapshot
    choice = completion.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    assert choice.message.content is not None and "The Star" in choice.message.content
    assert completion.usage is not None and completion.usage.prompt_tokens > 0
    assert (
        completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens
    )
    sent = fake_openai.chat_requests[0]
    assert sent.headers["Authorization"] == f"Bearer {fake_openai.api_key}" and "stream" not in sent.body


async def test_a_streamed_completion_parses_with_usage(
    official: openai.AsyncOpenAI, fake_openai: FakeOpenAI
) -> None:
    stream = await official.chat.completions.create(
        model="gpt-4o-mini",
        messages=MESSAGES,
        stream=True,
        stream_options={"include_usage": True},
    )
    pieces, finishes, usages = [], [], []
    async for chunk in stream:
        assert chunk.model == fake_openai.model_snapshot
        for choice in chunk.choices:
            pieces.append(choice.delta.content or "")
            finishes.append(choice.finish_reason)
        if chunk.usage is not None:
            usages.append(chunk.usage)
    assert "The Star" in "".join(pieces) and finishes[-1] == "stop"
    assert len(usages) == 1 and usages[0].completion_tokens > 0


async def test_a_stream_without_usage_option_has_none(official: openai.AsyncOpenAI) -> None:
    stream = await official.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    usages = [chunk.usage async for chunk in stream]
    assert len(usages) > 2 and all(usage is None for usage in usages)


async def test_an_error_event_mid_stream_raises(
    official: openai.AsyncOpenAI, fake_openai: FakeOpenAI
) -> None:
    fake_openai.scenario = "error_event"
    stream = await official.chat.completions.create(model="m", messages=MESSAGES, stream=True)
    with pytest.raises(openai.APIError, match="server had an error"):
        async for _ in stream:
            pass


async def test_error_statuses_map_to_the_official_exceptions(
    official: openai.AsyncOpenAI, fake_openai: FakeOpenAI
) -> None:
    fake_openai.scenario = "insufficient_quota"
    with pytest.raises(openai.RateLimitError) as quota:
        await official.chat.completions.create(model="m", messages=MESSAGES)
    assert quota.value.code == "insufficient_quota"
    fake_openai.scenario, fake_openai.retry_after_ms = "429", "150"
    with pytest.raises(openai.RateLimitError) as limited:
        await official.chat.completions.create(model="m", messages=MESSAGES)
    assert limited.value.code == "rate_limit_exceeded"
    assert limited.value.response.headers["retry-after-ms"] == "150"
    fake_openai.scenario = "503"
    with pytest.raises(openai.InternalServerError):
        await official.chat.completions.create(model="m", messages=MESSAGES)
    fake_openai.scenario = "404"
    with pytest.raises(openai.NotFoundError) as missing:
        await official.chat.completions.create(model="gpt-9", messages=MESSAGES)
    assert missing.value.code == "model_not_found"


async def test_it_checks_the_key_and_the_request_like_openai(fake_openai: FakeOpenAI) -> None:
    async with openai.AsyncOpenAI(base_url=fake_openai.url, api_key="wrong", max_retries=0) as wrong:
        with pytest.raises(openai.AuthenticationError) as refused:
            await wrong.chat.completions.create(model="m", messages=MESSAGES)
    assert refused.value.code == "invalid_api_key"
    async with openai.AsyncOpenAI(
        base_url=fake_openai.url, api_key=fake_openai.api_key, max_retries=0
    ) as client:
        with pytest.raises(openai.BadRequestError, match="stream_options"):
            await client.chat.completions.create(
                model="m",
                messages=MESSAGES,
                stream_options={"include_usage": True},
            )
