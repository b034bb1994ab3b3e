"""Settings for the OpenAI-compatible interpreter, and how to read them from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TypeVar

from attrs import field, frozen, validators

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT_SECONDS = 120.0
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_MAX_OUTPUT_TOKENS = 3000
DEFAULT_TEMPERATURE = 0.8
DEFAULT_MAX_RETRIES = 2
# The provider's own limits, apart from the service's in-flight limit (TAROT_MAX_IN_FLIGHT): as many
# connections as readings in flight by default, so the HTTP pool is not what caps them; no pacing.
DEFAULT_MAX_CONNECTIONS = 1000
DEFAULT_REQUESTS_PER_SECOND = 0.0

N = TypeVar("N", int, float)


def _strip_slash(url: str) -> str:
    return url.strip().rstrip("/")


@frozen(repr=False)
class OpenAIConfig:
    """Where and how to ask for chat completions.

    `read_timeout` bounds the wait between bytes (for a plain request that is the whole generation),
    `connect_timeout` the TCP/TLS handshake. `max_retries` counts retries after the first attempt.
    `max_connections`: requests open to the provider at once (more wait for a connection);
    `requests_per_second`: the pace at which requests start, per process (0: unpaced).
    An empty `api_key` sends no Authorization header (a local Ollama needs none).
    """

    api_key: str
    base_url: str = field(default=DEFAULT_BASE_URL, converter=_strip_slash)
    model: str = field(default=DEFAULT_MODEL, validator=validators.min_len(1))
    connect_timeout: float = field(default=DEFAULT_CONNECT_TIMEOUT, validator=validators.gt(0))
    read_timeout: float = field(default=DEFAULT_TIMEOUT_SECONDS, validator=validators.gt(0))
    max_output_tokens: int = field(default=DEFAULT_MAX_OUTPUT_TOKENS, validator=validators.gt(0))
    temperature: float = field(default=DEFAULT_TEMPERATURE, validator=[validators.ge(0), validators.le(2)])
    max_retries: int = field(default=DEFAULT_MAX_RETRIES, validator=validators.ge(0))
    max_connections: int = field(default=DEFAULT_MAX_CONNECTIONS, validator=validators.ge(1))
    requests_per_second: float = field(default=DEFAULT_REQUESTS_PER_SECOND, validator=validators.ge(0))

    def __attrs_post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) URL, got {self.base_url!r}")

    def __repr__(self) -> str:
        # The key never appears, not even partly: reprs end up in logs and tracebacks.
        key = "'***'" if self.api_key else "''"
        return (
            f"OpenAIConfig(api_key={key}, base_url={self.base_url!r}, model={self.model!r}, "
            f"connect_timeout={self.connect_timeout}, read_timeout={self.read_timeout}, "
            f"max_output_tokens={self.max_output_tokens}, temperature={self.temperature}, "
            f"max_retries={self.max_retries}, max_connections={self.max_connections}, "
            f"requests_per_second={self.requests_per_second:g})"
        )

    __str__ = __repr__

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> OpenAIConfig | None:
        """The configuration from `OPENAI_*` variables, or None when `OPENAI_API_KEY` is unset or empty
        (the offline interpreter is used then). Raises ValueError naming the variable that is wrong."""
        env = os.environ if env is None else env
        api_key = env.get("OPENAI_API_KEY", "").strip()
        if not api_key:
            return None
        read_timeout = _number(env, "OPENAI_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS, float)
        try:
            return cls(
                api_key=api_key,
                base_url=env.get("OPENAI_BASE_URL", "").strip() or DEFAULT_BASE_URL,
                model=env.get("OPENAI_MODEL", "").strip() or DEFAULT_MODEL,
                connect_timeout=min(DEFAULT_CONNECT_TIMEOUT, read_timeout),
                read_timeout=read_timeout,
                max_output_tokens=_number(env, "OPENAI_MAX_OUTPUT_TOKENS", DEFAULT_MAX_OUTPUT_TOKENS, int),
                temperature=_number(env, "OPENAI_TEMPERATURE", DEFAULT_TEMPERATURE, float),
                max_retries=_number(env, "OPENAI_MAX_RETRIES", DEFAULT_MAX_RETRIES, int),
                max_connections=_number(env, "OPENAI_MAX_CONNECTIONS", DEFAULT_MAX_CONNECTIONS, int),
                requests_per_second=_number(
                    env, "OPENAI_REQUESTS_PER_SECOND", DEFAULT_REQUESTS_PER_SECOND, float
                ),
            )
        except ValueError as exc:
            raise ValueError(_named(str(exc))) from None


# The variable behind each field, so a validator's complaint names what the operator set.
_VARIABLES = {
    "base_url": "OPENAI_BASE_URL",
    "model": "OPENAI_MODEL",
    "read_timeout": "OPENAI_TIMEOUT_SECONDS",
    "connect_timeout": "OPENAI_TIMEOUT_SECONDS",
    "max_output_tokens": "OPENAI_MAX_OUTPUT_TOKENS",
    "temperature": "OPENAI_TEMPERATURE",
    "max_retries": "OPENAI_MAX_RETRIES",
    "max_connections": "OPENAI_MAX_CONNECTIONS",
    "requests_per_second": "OPENAI_REQUESTS_PER_SECOND",
}


def _named(message: str) -> str:
    for field_name, variable in _VARIABLES.items():
        for spelled in (f"'{field_name}' ", f"{field_name} "):
            if message.startswith(spelled):
                return f"{variable} {message[len(spelled):]}"
    return f"invalid OPENAI_* setting: {message}"


def _number(env: Mapping[str, str], name: str, default: N, kind: type[N]) -> N:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return kind(raw)
    except ValueError:
        what = "an integer" if kind is int else "a number"
        raise ValueError(f"{name} must be {what}, got {raw!r}") from None
