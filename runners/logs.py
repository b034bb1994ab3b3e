"""Logging: loguru for everything, stdlib logging routed into it, secrets scrubbed from every line.

Human-readable by default, JSON lines with `LOG_FORMAT=json`. Request-scoped fields (correlation id,
user ref, update id) come from `loguru.logger.contextualize(...)` and appear on every line logged
inside that block, including lines from libraries that use the standard `logging` module.

loguru is imported when a sink is installed, not with this module: a one-shot command
(`configure_logging_on_first_record`) that logs nothing never loads it.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from runners.masking import MASK, mask_credentials

CONTEXT_FIELDS = ("correlation_id", "request_id", "user_ref", "update_id")

# Shapes of secrets worth catching even when nobody told us the value.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bsk-[A-Za-z0-9_-]{8,}"),  # OpenAI-style API keys
    re.compile(r"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}"),  # Stripe secret/restricted keys
    re.compile(r"\bwhsec_[A-Za-z0-9]{8,}"),  # Stripe webhook secrets
    re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}"),  # Telegram bot tokens
    re.compile(r"(?i)(authorization:?\s*bearer\s+)[^\s'\"]+"),
    re.compile(r"\b1[A-Za-z0-9_-]{200,}={0,2}"),  # telethon StringSession strings
)
_CARD_CANDIDATE = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class Scrubber:
    """Replaces known secret values and secret-shaped strings with a mask."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        # Longest first, so a secret that contains another is masked whole.
        self._known = sorted({s for s in secrets if s and len(s) >= 6}, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._known:
            text = text.replace(secret, MASK)
        text = mask_credentials(text)  # URLs and DSNs with a password nobody told us of
        for pattern in _PATTERNS:
            text = pattern.sub(lambda m: (m.group(1) if m.re.groups else "") + MASK, text)

        def card(match: re.Match[str]) -> str:
            digits = re.sub(r"[ -]", "", match.group(0))
            return MASK if 13 <= len(digits) <= 19 and _luhn_ok(digits) else match.group(0)

        return _CARD_CANDIDATE.sub(card, text)


class InterceptHandler(logging.Handler):
    """Sends standard-library log records (psycopg, aiohttp, httpx, telethon, ours) to loguru."""

    def emit(self, record: logging.LogRecord) -> None:
        from loguru import logger

        try:
            level: str | int = logger.level(record.levelname).name
        except ValueError:
            level = record.levelno
        extra = {k: getattr(record, k) for k in CONTEXT_FIELDS if hasattr(record, k)}
        logger.opt(exception=record.exc_info).bind(logger_name=record.name, **extra).log(
            level, record.getMessage()
        )


def _json_sink(stream: TextIO, scrub: Scrubber) -> Any:
    def sink(message: Any) -> None:
        record = message.record
        payload: dict[str, Any] = {
            "time": record["time"].isoformat(),
            "level": record["level"].name,
            "logger": record["extra"].get("logger_name", record["name"]),
            "message": scrub(record["message"]),
        }
        for key, value in record["extra"].items():
            if key == "logger_name":
                continue
            payload[key] = scrub(str(value)) if isinstance(value, str) else value
        if record["exception"] is not None:
            payload["exception"] = scrub("".join(_format_exception(record["exception"])))
        stream.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
        stream.flush()

    return sink


def _format_exception(exc: Any) -> list[str]:
    import traceback

    return traceback.format_exception(exc.type, exc.value, exc.traceback)


def _text_sink(stream: TextIO, scrub: Scrubber) -> Any:
    def sink(message: Any) -> None:
        record = message.record
        context = " ".join(f"{k}={record['extra'][k]}" for k in CONTEXT_FIELDS if k in record["extra"])
        when = f"{record['time']:%Y-%m-%d %H:%M:%S}"
        name = record["extra"].get("logger_name", record["name"])
        line = f"{when} {record['level'].name:<8} {name}: {record['message']}"
        if context:
            line += f" [{context}]"
        if record["exception"] is not None:
            line += "\n" + "".join(_format_exception(record["exception"])).rstrip()
        stream.write(scrub(line) + "\n")
        stream.flush()

    return sink


# Libraries whose INFO lines are chatter (a pool's every connection, every HTTP request with its URL,
# telethon's start-up banner): WARNING unless LOG_LEVEL asks for DEBUG.
CHATTY_LOGGERS = ("httpx", "httpcore", "telethon", "aiohttp.access", "psycopg", "psycopg.pool", "hpack")


class _Stderr:
    """Whatever `sys.stderr` is when a line is written (tests swap it; a stale stream would be closed)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure_logging(
    level: str = "INFO", fmt: str = "text", secrets: Iterable[str | None] = (), stream: TextIO | None = None
) -> Scrubber:
    """Install the one sink and route the standard library's logging into it. Idempotent."""
    scrub = _install_sink(level, fmt, secrets, stream)
    logging.basicConfig(handlers=[InterceptHandler()], level=0, force=True)
    _quiet_chatty_loggers(level)
    return scrub


def _install_sink(level: str, fmt: str, secrets: Iterable[str | None], stream: TextIO | None) -> Scrubber:
    from loguru import logger

    scrub = Scrubber(secrets)
    out: Any = stream or _Stderr()
    logger.remove()
    sink = _json_sink(out, scrub) if fmt == "json" else _text_sink(out, scrub)
    logger.add(sink, level=level.upper(), enqueue=False, backtrace=False, diagnose=False)
    return scrub


def _quiet_chatty_loggers(level: str) -> None:
    wanted = logging.getLevelName(level.upper())
    chatty = wanted if isinstance(wanted, int) and wanted <= logging.DEBUG else logging.WARNING
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(chatty)


# loguru's levels by name, for the records a deferred set-up may ignore (its sink would drop them).
_LEVEL_NUMBERS = {
    "TRACE": 5, "DEBUG": 10, "INFO": 20, "SUCCESS": 25, "WARNING": 30, "ERROR": 40, "CRITICAL": 50,
}  # fmt: skip


class _SetUpOnFirstRecord(logging.Handler):
    """The root handler until a record the sink would show arrives: that record installs the sink, puts
    an `InterceptHandler` in this handler's place (leaving any other root handler, a test's capture
    say, where it is) and is handled by it."""

    def __init__(self, install: Callable[[], object], threshold: int) -> None:
        super().__init__(level=threshold)
        self._install = install
        self._successor: InterceptHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._successor is None:
            self._install()
            self._successor = InterceptHandler()
            root = logging.getLogger()
            # A new list: the one being walked for this record still reaches the other handlers once.
            root.handlers = [self._successor if h is self else h for h in root.handlers]
        self._successor.handle(record)


def configure_logging_on_first_record(
    level: str = "WARNING", fmt: str = "text", secrets: Iterable[str | None] = ()
) -> Scrubber:
    """`configure_logging`, put off until the first record at `level` or above (a one-shot command
    that logs nothing starts without loguru); what is written, and how, is the same."""
    secrets = tuple(secrets)
    threshold = _LEVEL_NUMBERS.get(level.upper(), logging.WARNING)
    installing = _SetUpOnFirstRecord(lambda: _install_sink(level, fmt, secrets, None), threshold)
    logging.basicConfig(handlers=[installing], level=0, force=True)
    _quiet_chatty_loggers(level)
    return Scrubber(secrets)
