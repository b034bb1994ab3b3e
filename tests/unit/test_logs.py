"""Logging: planted secrets never reach a line, stdlib logging arrives, context fields ride along."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from loguru import logger

from runners.logs import configure_logging

OPENAI_KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"
STRIPE_KEY = "sk_live_51HxYzAbCdEfGhIjKlMnOpQr"
WEBHOOK = "whsec_0123456789abcdefABCDEF"
BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
SESSION = "1" + "BVts" * 90 + "=="
CARD = "4242 4242 4242 4242"
CUSTOM = "operator-chosen-api-key-42"


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    buffer = io.StringIO()
    yield buffer
    logger.remove()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_planted_secrets_are_scrubbed_everywhere(stream: io.StringIO, fmt: str) -> None:
    configure_logging("DEBUG", fmt, secrets=[CUSTOM], stream=stream)
    logger.info(f"calling with {OPENAI_KEY} and {STRIPE_KEY}")
    logging.getLogger("httpx").warning("Authorization: Bearer %s failed", CUSTOM)
    logging.getLogger("telethon").error("session %s token %s", SESSION, BOT_TOKEN)
    with logger.contextualize(user_ref="telegram:1", update_id=77):
        logger.warning(f"paid with card {CARD}; webhook secret {WEBHOOK}")
    try:
        raise RuntimeError(f"boom {STRIPE_KEY}")
    except RuntimeError:
        logger.exception("failed")
    out = stream.getvalue()
    for secret in (OPENAI_KEY, STRIPE_KEY, WEBHOOK, BOT_TOKEN, SESSION, CARD, CUSTOM, "4242424242424242"):
        assert secret not in out
    assert out.count("***") >= 8
    assert "update_id" in out and "telegram:1" in out
    if fmt == "json":
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        assert {line["logger"] for line in lines} >= {"httpx", "telethon"}
        assert any(line.get("update_id") == 77 for line in lines)


def test_ordinary_numbers_are_left_alone(stream: io.StringIO) -> None:
    configure_logging("INFO", "text", stream=stream)
    logger.info("reading 1234567890123 took 12 ms; order 4242 4242 4242 4241")
    out = stream.getvalue()
    assert "1234567890123" in out and "4242 4242 4242 4241" in out  # not Luhn-valid → not a card


def test_lines_logged_while_an_update_is_handled_carry_its_id_and_user(stream: io.StringIO) -> None:
    from adapters.telegram.binding import CURRENT_UPDATE, UpdateContextFilter

    configure_logging("INFO", "json", stream=stream)
    for handler in logging.getLogger().handlers:
        handler.addFilter(UpdateContextFilter())
    token = CURRENT_UPDATE.set((4242, "telegram:99"))
    try:
        logging.getLogger("adapters.telegram").warning("the dialog said something")
    finally:
        CURRENT_UPDATE.reset(token)
    logging.getLogger("adapters.telegram").warning("between updates")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert (first["update_id"], first["user_ref"]) == (4242, "telegram:99")
    assert "update_id" not in second


def test_a_deferred_set_up_writes_the_same_lines_once_one_is_worth_writing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from runners.logs import InterceptHandler, configure_logging_on_first_record

    def installed() -> bool:
        return any(isinstance(h, InterceptHandler) for h in logging.getLogger().handlers)

    try:
        scrub = configure_logging_on_first_record("WARNING", "text", secrets=[CUSTOM])
        assert scrub(f"key {CUSTOM}") == "key ***"
        assert logging.getLogger("httpx").level == logging.WARNING  # chatter quieted at once
        logging.getLogger("tarot.test").info("below the level %s", CUSTOM)
        assert not installed()  # the sink would have dropped it: nothing set up yet
        logging.getLogger("tarot.test").warning("calling with %s", CUSTOM)
        assert installed()
        logging.getLogger("tarot.test").error("and again")
        err = capsys.readouterr().err
        assert "below the level" not in err and CUSTOM not in err
        assert "WARNING  tarot.test: calling with ***" in err and "ERROR    tarot.test: and again" in err
    finally:
        logger.remove()


def test_a_deferred_set_up_leaves_other_root_handlers_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    from runners.logs import configure_logging_on_first_record

    class Capture(logging.Handler):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.seen.append(record.getMessage())

    capture = Capture()
    try:
        configure_logging_on_first_record("WARNING", "text")
        logging.getLogger().addHandler(capture)  # as pytest's caplog does, after the set-up
        logging.getLogger("tarot.test").warning("first")
        logging.getLogger("tarot.test").warning("second")
        assert capture in logging.getLogger().handlers
        assert capture.seen == ["first", "second"]  # each once, the first too
        err = capsys.readouterr().err
        assert err.count("tarot.test: first") == 1 and err.count("tarot.test: second") == 1
    finally:
        logging.getLogger().removeHandler(capture)
        logger.remove()
